"""Print the weight tables of docs/analysis.md from resources/content/paths.toml.

docs/analysis.md shows, for each path, every answer it counts with its weight and the
most that answer can move the score. Those numbers are the content's, so they are
written by this script rather than by hand, and tests/test_help_texts.py checks that
the document still holds exactly what it prints. After changing a weight:

    .venv/bin/python scripts/analysis_weights.py --write

replaces the part of docs/analysis.md between the two marker lines; without
`--write` the tables go to standard output, and `--check` exits with 1 when the
document is out of date. The arithmetic is the analysis's own
(`workbook.analysis.scoring`), so the tables cannot drift from what the app counts.
"""

from __future__ import annotations

import argparse
import sys
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbook.analysis.scoring import (  # noqa: E402 - after the path is set
    BLOCK_POINTS,
    block_total,
    points_per_unit,
)
from workbook.content import load_content  # noqa: E402
from workbook.content.catalogue import Content, PathProfile, Weight  # noqa: E402

DOC = ROOT / "docs" / "analysis.md"
BEGIN = "<!-- weights: written by scripts/analysis_weights.py, do not edit by hand -->"
END = "<!-- end of weights -->"

KIND_TITLES = {
    "strength": "Strengths",
    "preference": "Preferences",
    "value": "What matters to you",
    "context": "Where you work (shown beside the fit, never added)",
}


def hundredths(value: Fraction) -> str:
    """A signed number to two decimals, rounded half away from zero."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    rounded = abs(exact).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "−" if value < 0 else "+"
    return f"{sign}{rounded}"


def _answer(content: Content, w: Weight) -> str:
    if w.kind == "strength":
        strength = content.strengths.get(w.target)
        return strength.name if strength else w.target
    if w.kind == "preference":
        return f"“{content.preferences[w.target].statement}”"
    if w.kind == "value":
        return content.values[w.target].name
    question = content.context[w.target]
    options = dict(question.options)
    return f"{question.text} → {options.get(w.answer, w.answer)}"


def path_table(content: Content, profile: PathProfile) -> list[str]:
    unit = points_per_unit(profile)
    lines = [f"#### {profile.name} (`{profile.id}`)", ""]
    totals = ", ".join(
        f"{kind}s {block_total(profile, kind)}" for kind in BLOCK_POINTS if kind in unit
    )
    lines += [f"Sum of the weight sizes (M): {totals}.", ""]
    for kind, title in KIND_TITLES.items():
        weights = [w for w in profile.weights if w.kind == kind]
        if not weights:
            continue
        lines.append(f"| {title} | id | weight | at value 1 |")
        lines.append("| --- | --- | ---: | ---: |")
        for w in weights:
            target = w.target if kind != "context" else f"{w.target} = {w.answer}"
            points = hundredths(unit[kind] * w.weight) if kind in unit else "not added"
            sign = "+" if w.weight > 0 else "−"
            lines.append(
                f"| {_answer(content, w)} | `{target}` | {sign}{abs(w.weight)} | {points} |"
            )
        lines.append("")
    return lines


def tables(content: Content) -> str:
    """The weight tables, as the document holds them between the markers."""
    lines = []
    for profile in content.paths.values():
        lines += path_table(content, profile)
    return "\n".join(lines).rstrip() + "\n"


def with_tables(document: str, content: Content) -> str:
    """The document with the part between the markers replaced by `tables`."""
    head, found, rest = document.partition(BEGIN + "\n")
    if not found or END not in rest:
        raise SystemExit(f"{DOC.name}: the marker lines are missing")
    _, _, tail = rest.partition(END)
    return head + BEGIN + "\n\n" + tables(content) + "\n" + END + tail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", action="store_true", help="update docs/analysis.md")
    group.add_argument("--check", action="store_true", help="fail if it is out of date")
    args = parser.parse_args(argv)
    content = load_content()
    if not (args.write or args.check):
        sys.stdout.write(tables(content))
        return 0
    document = DOC.read_text(encoding="utf-8")
    updated = with_tables(document, content)
    if args.check:
        if updated != document:
            print(f"{DOC} is out of date: run {Path(__file__).name} --write", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
