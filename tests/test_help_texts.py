"""Two texts for two readers: the in-app "How is this computed?" in plain words, and
docs/analysis.md with every rule, weight and formula.

The in-app help names no files and writes no formulas, and holds every section the app
links to (found by reading the calls to `how_computed_link` in ui/). The document is a
file of its own, its weight tables are what scripts/analysis_weights.py writes from the
content, and its worked examples are what the analysis works out.
"""

import ast
import importlib.util
import re
from fractions import Fraction
from pathlib import Path

import pytest

from ui.help import HELP_FILE, section
from workbook.analysis import fit
from workbook.content import load_content
from workbook.data import Rating, WorkbookData

ROOT = Path(__file__).resolve().parents[1]
HELP = ROOT / "resources" / HELP_FILE
DOC = ROOT / "docs" / "analysis.md"
CONTENT = load_content()


def _script():
    spec = importlib.util.spec_from_file_location(
        "analysis_weights", ROOT / "scripts" / "analysis_weights.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _constants(tree: ast.Module) -> dict[str, str]:
    """A module's top-level string constants (`HELP_SECTION = "..."`)."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                    found[target.id] = node.value.value
    return found


def linked_sections() -> dict[str, str]:
    """Every section title the app links to, with where: each `how_computed_link(title)`
    call in ui/, its title a string or a module-level constant of the same module."""
    titles = {}
    for path in sorted((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = _constants(tree)
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", None))
                == "how_computed_link"
            ):
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            argument = node.args[0]
            if isinstance(argument, ast.Constant):
                titles[argument.value] = where
            elif isinstance(argument, ast.Name) and argument.id in constants:
                titles[constants[argument.id]] = where
            else:
                pytest.fail(f"{where}: the section title is not a string or a constant")
    return titles


# ---- the in-app help ---------------------------------------------------------------------------


def test_the_app_links_to_sections_the_in_app_help_holds():
    titles = linked_sections()
    # The strengths results, the edge result, the AI plan and the plan's balance.
    assert len(titles) >= 4, titles
    headings = [
        line[3:].strip()
        for line in HELP.read_text(encoding="utf-8").splitlines()
        if line.startswith("## ")
    ]
    assert len(headings) == len(set(headings)), "two sections share a title"
    for title, where in titles.items():
        assert title in headings, f"{where} links to “{title}”, which the help lacks"
        assert section(title).startswith(f"## {title}\n"), title


def test_the_in_app_help_names_no_files_and_writes_no_formulas():
    text = HELP.read_text(encoding="utf-8")
    for forbidden in (".toml", ".py", ".md", "×", "÷", "/ M", "`", "≥", "≤", " = "):
        assert forbidden not in text, forbidden
    # No code names either: words joined by underscores are ids, not plain language.
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), re.search(r"\b[a-z]+_[a-z_]+\b", text)


def test_the_in_app_help_says_what_the_new_rules_say():
    fit_help = section("Path fit (0 to 100)")
    for words in (
        "Every path starts at 50",
        "up to 20 points",
        "up to 10",
        "on par with peers",
        "never change a score",
        "Too close to call",
        "How much of this is answered",
        "a strong fit",
        "a poor fit",
    ):
        assert words in fit_help, words
    assert "confidence" not in fit_help.lower()


# ---- the document for developers --------------------------------------------------------------


def test_the_developer_document_is_a_text_of_its_own():
    assert not DOC.is_symlink()
    doc = DOC.read_text(encoding="utf-8")
    assert doc != HELP.read_text(encoding="utf-8")
    for words in ("BLOCK_POINTS", "B × w × v / M", "## Balance", "Worked example"):
        assert words.removeprefix("## ") in doc, words


def test_the_weight_tables_are_the_contents():
    """Run `scripts/analysis_weights.py --write` after changing a weight."""
    script = _script()
    doc = DOC.read_text(encoding="utf-8")
    assert script.with_tables(doc, CONTENT) == doc
    for profile in CONTENT.paths.values():
        for w in profile.weights:
            assert f"`{w.target}" in doc, (profile.id, w.target)


def test_the_weight_tables_give_each_weights_points_at_full_value():
    script = _script()
    assert script.hundredths(Fraction(75, 17)) == "+4.41"
    assert script.hundredths(Fraction(-25, 8)) == "−3.13"  # half away from zero
    tables = script.tables(CONTENT)
    assert "Sum of the weight sizes (M): strengths 19, preferences 15, values 7." in tables


def _parts(path: fit.PathFit) -> str:
    """A path's shown parts as the worked example writes them: 50.0 + 2.4 − 2.1."""
    text = ""
    for c in path.contributions:
        if not text:
            text = f"{c.points:.1f}"
        else:
            text += f" {'−' if c.points < 0 else '+'} {abs(c.points):.1f}"
    return text


def test_worked_example_1_is_what_the_analysis_works_out():
    data = WorkbookData(
        ratings={"mentoring": Rating("mentoring", 4, 5, 3)},
        preferences={"growing_others": 4, "long_focus": 5},
    )
    result = fit.analyse_fit(data, CONTENT)
    doc = DOC.read_text(encoding="utf-8")
    example = doc.split("### Worked example 1")[1].split("### Worked example 2")[0]
    for path in result.paths:
        name = CONTENT.paths[path.id].short_name
        row = f"| {name} | {_parts(path)} | {path.score:.1f} | {fit.fit_words(path.score)} |"
        assert row in example, row
    assert not result.close_call
    assert result.flip.item == "long_focus" and result.flip.new == 3
    assert result.flip.size == Fraction(1, 2)
    assert "| `long_focus`: strongly agree → neither | 50.7 | 52.6 | 1.9 |" in example
    assert {p.id: p.confidence for p in result.paths} == {
        "specialist": 8,
        "manager": 10,
        "orchestrator": 0,
    }


def test_worked_example_2_is_what_the_analysis_works_out():
    data = WorkbookData(preferences={"growing_others": 4}, context={"dual_ladder": "no"})
    result = fit.analyse_fit(data, CONTENT)
    assert result.by_id("manager").score == 51.3
    assert result.close_call
    assert set(result.contenders) == {"specialist", "manager", "orchestrator"}
    assert result.flip.item == "long_focus" and result.flip.size == Fraction(1, 4)
    assert result.flip.new_scores["specialist"] == 52.0
    assert "leans towards the manager path" in result.workplace_tip
