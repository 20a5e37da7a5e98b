"""Write resources/data/ai_applicability.toml from Microsoft's "Working with AI" data.

The AI task library orders its role families, and sets the range their tasks'
starting shares may take, from this small derived table. Its source is the
results of Tomlinson, Jaffe, Wang, Counts and Suri, "Working with AI: Measuring
the Applicability of Generative AI to Occupations" (Microsoft Research, 2025),
published at https://github.com/microsoft/working-with-ai under CC BY 4.0. Only
the table this script writes is committed; the raw files are not. To run it:

    git clone https://github.com/microsoft/working-with-ai /tmp/working-with-ai
    .venv/bin/python scripts/derive_ai_applicability.py /tmp/working-with-ai

(add `--commit <id>` when the folder is not a git checkout). It reads
`soc_ai_applicability_scores.csv` (one AI applicability score per US occupation,
2018 SOC codes) and `iwa_metrics.csv` (per work activity: how often people asked
Bing Copilot for help with it, how often the AI completed the request, and how
broad its help was).

What it derives, and why it stays small:

- **Per role family**, the occupations that most people in that kind of work
  hold (`FAMILIES` below: picked by hand from the SOC list, each with its code, so
  anyone can check or argue with the choice), and their scores as quartiles.
  Where SOC splits one job by subject or specialty (postsecondary teachers by
  subject, physicians by specialty), those codes count once, at their median, so
  the detail of the classification does not outvote the number of jobs.
  "Management" holds every management occupation (SOC 11) no other family uses.
- **Where a family stands**: each quartile's place among all occupations in the
  data (the share scoring lower, ties counting half).
- **The family's share range**, by `workbook.content.research.share_range` and
  `share_ceiling`: the research sets the order and the spacing, our own scale
  sets the level (documented there). The score measures where people use AI and
  how well it does; it is not the share of a task AI can take, and the source's
  README warns against reading it as what AI can replace.
- **Work activities**: how many activities see notable use, the typical completion
  rate and breadth, and the activities with the highest applicability.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbook.content.research import (  # noqa: E402 - after the path is set
    FORMAT,
    place_among,
    share_ceiling,
    share_range,
)

SCORES = "soc_ai_applicability_scores.csv"
ACTIVITIES = "iwa_metrics.csv"
OUT = ROOT / "resources" / "data" / "ai_applicability.toml"
SOURCE_URL = "https://github.com/microsoft/working-with-ai"
PAPER_URL = "https://arxiv.org/abs/2507.07935"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
#: The source counts an activity as used when its share of conversations is above this.
COVERAGE = 0.0005

#: Each role family's occupations: a SOC code, a prefix ending in "-" or a digit followed
#: by "*" (every code that starts so), or ("prefix*", "name") for codes that count once.
FAMILIES: dict[str, list[str | tuple[str, str]]] = {
    "software": ["15-1251", "15-1252", "15-1253", "15-1254"],
    "data": ["15-1242", "15-1243", "15-2031", "15-2041", "15-2051"],
    "infrastructure_security": ["15-1212", "15-1231", "15-1232", "15-1241", "15-1244"],
    # Product managers have no SOC code of their own: systems analysts (who turn needs
    # into requirements) stand nearest, beside the designers.
    "product_design": ["15-1211", "15-1255", "27-1011", "27-1021", "27-1024"],
    "marketing_content": [
        "11-2011",
        "11-2021",
        "11-2032",
        "13-1161",
        "27-3031",
        "27-3041",
        "27-3042",
        "27-3043",
    ],
    "hr_people": [
        "11-3111",
        "11-3121",
        "11-3131",
        "13-1071",
        "13-1075",
        "13-1141",
        "13-1151",
        "43-4161",
    ],
    "operations": [
        "11-1021",
        "11-3051",
        "11-3061",
        "11-3071",
        "13-1020",
        "13-1081",
        "13-1082",
        "43-5061",
        "43-5071",
        "51-1011",
        "53-1047",
    ],
    "healthcare": [
        "11-9111",
        "29-10*",
        ("29-102*", "Dentists, every specialty as one"),
        "29-11*",
        ("29-12*", "Physicians and surgeons, every specialty as one"),
        "29-2*",
        "29-9*",
        "31-*",
    ],
    "education": [
        "11-9031",
        "11-9032",
        "11-9033",
        "21-1012",
        ("25-1*", "Postsecondary teachers, every subject as one"),
        "25-20*",
        ("25-205*", "Special education teachers, every level as one"),
        "25-3*",
        "25-4*",
        "25-9*",
    ],
    "retail_hospitality": [
        "11-9051",
        "11-9081",
        "35-1011",
        "35-1012",
        "35-2014",
        "35-3011",
        "35-3023",
        "35-3031",
        "35-9031",
        "37-2012",
        "39-6012",
        "41-1011",
        "41-2011",
        "41-2021",
        "41-2031",
        "43-4081",
        "53-7065",
    ],
    # Administration, casework, inspection, courts and planning: occupations found mostly
    # in government. Elected office and uniformed services are left out: the library's
    # tasks for this family are the office's.
    "public_sector": [
        "11-9161",
        "13-1041",
        "13-2081",
        "19-3051",
        "21-1021",
        "21-1092",
        "23-1012",
        "23-1021",
        "43-4031",
        "43-4061",
    ],
}
#: Every management occupation (SOC 11) not already in a family above, apart from these.
MANAGEMENT = "management"
NOT_MANAGEMENT = {"11-1031"}  # legislators: elected office, not managing people


def read_csv(folder: Path, name: str) -> tuple[list[dict[str, str]], str]:
    data = (folder / name).read_bytes()
    rows = list(csv.DictReader(data.decode("utf-8").splitlines()))
    return rows, "sha256:" + hashlib.sha256(data).hexdigest()


def source_commit(folder: Path, given: str | None) -> str:
    if given:
        return given
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        sys.exit(f"{folder} is not a git checkout: name the source's commit with --commit")
    return done.stdout.strip()


def quartiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, median, q3


def occupations_of(
    family: str, scores: dict[str, tuple[str, float]], taken: set[str]
) -> list[tuple[str, str, float, int]]:
    """The family's occupations as (code, title, score, codes counted), one per job."""
    entries: list[tuple[str, str, float, int]] = []
    grouped: set[str] = set()
    specs = FAMILIES.get(family)
    if specs is None:  # management: the rest of SOC 11
        specs = [
            code for code in scores if code.startswith("11-") and code not in taken | NOT_MANAGEMENT
        ]
    # Groups first, so their codes are not also counted one by one.
    for spec in specs:
        if isinstance(spec, tuple):
            prefix, name = spec
            codes = [c for c in scores if c.startswith(prefix.rstrip("*"))]
            if not codes:
                sys.exit(f"{family}: no occupation starts with {prefix}")
            median = statistics.median(scores[c][1] for c in codes)
            entries.append((prefix, name, median, len(codes)))
            grouped.update(codes)
    for spec in specs:
        if isinstance(spec, tuple):
            continue
        if spec.endswith("*"):
            codes = [c for c in scores if c.startswith(spec[:-1]) and c not in grouped]
            if not codes:
                sys.exit(f"{family}: no occupation starts with {spec}")
        elif spec in scores:
            codes = [spec]
        else:
            sys.exit(f"{family}: {spec} is not in {SCORES}")
        entries.extend((c, scores[c][0], scores[c][1], 1) for c in codes)
    return sorted(entries, key=lambda e: (-e[2], e[0]))


def derive(folder: Path, commit: str) -> str:
    score_rows, score_digest = read_csv(folder, SCORES)
    activity_rows, activity_digest = read_csv(folder, ACTIVITIES)
    scores = {r["SOC Code"]: (r["title"], float(r["ai_applicability_score"])) for r in score_rows}
    everything = sorted(s for _, s in scores.values())

    taken = set()
    for specs in FAMILIES.values():
        for spec in specs:
            prefix = spec[0] if isinstance(spec, tuple) else spec
            taken.update(c for c in scores if c == prefix or c.startswith(prefix.rstrip("*")))
    families = []
    for family in [*FAMILIES, MANAGEMENT]:
        entries = occupations_of(family, scores, taken if family == MANAGEMENT else set())
        q1, median, q3 = quartiles([e[2] for e in entries])
        places = [place_among(everything, value) for value in (q1, median, q3)]
        families.append((family, entries, (q1, median, q3), places))
    families.sort(key=lambda f: (-f[2][1], f[0]))

    out = [
        '# What the AI task library takes from Microsoft\'s "Working with AI" data: per role',
        "# family, the occupations it stands for and their AI applicability scores, and the",
        "# range the family's starting shares may take. Written by",
        "# scripts/derive_ai_applicability.py: do not edit by hand, run it again.",
        "#",
        "# Source: Kiran Tomlinson, Sonia Jaffe, Will Wang, Scott Counts and Siddharth Suri,",
        '# "Working with AI: Measuring the Applicability of Generative AI to Occupations",',
        f"# Microsoft Research, 2025. Data: {SOURCE_URL}",
        f"# at commit {commit}, licensed CC BY 4.0 ({LICENCE_URL}).",
        "# Changed from the source: occupations picked per family, summarised as quartiles",
        "# and places among all occupations; share ranges added by our own rule. The scores",
        "# measure where people used AI and how well it did, not the share of a task AI can",
        "# take, and not what AI can replace.",
        "",
        f'format = "{FORMAT}"',
        "version = 1",
        "",
        "[source]",
        'title = "Working with AI: Measuring the Applicability of Generative AI to Occupations"',
        'authors = "Kiran Tomlinson, Sonia Jaffe, Will Wang, Scott Counts, Siddharth Suri"',
        'publisher = "Microsoft Research"',
        "year = 2025",
        f'url = "{SOURCE_URL}"',
        f'paper = "{PAPER_URL}"',
        f'commit = "{commit}"',
        'licence = "CC BY 4.0"',
        f'licence_url = "{LICENCE_URL}"',
        f'files = {{ "{SCORES}" = "{score_digest}", "{ACTIVITIES}" = "{activity_digest}" }}',
        "",
        "[all_occupations]",
        f"count = {len(everything)}",
        *(
            f"{name} = {value:.3f}"
            for name, value in zip(("q1", "median", "q3"), quartiles(everything), strict=True)
        ),
        "",
    ]
    out += activities(activity_rows)
    for family, entries, (q1, median, q3), places in families:
        low, high = share_range(places[0], places[2])
        out += [
            "[[families]]",
            f'id = "{family}"',
            f"jobs = {len(entries)}",
            f"q1 = {q1:.3f}",
            f"median = {median:.3f}",
            f"q3 = {q3:.3f}",
            f"place_q1 = {places[0]:.3f}",
            f"place_median = {places[1]:.3f}",
            f"place_q3 = {places[2]:.3f}",
            f"share_range = [{low:.2f}, {high:.2f}]",
            f"share_ceiling = {share_ceiling(places[2]):.2f}",
            "occupations = [",
        ]
        for code, title, score, count in entries:
            title = title.replace('"', "'")
            out.append(
                f'  {{ soc = "{code}", title = "{title}", score = {score:.3f}, codes = {count} }},'
            )
        out += ["]", ""]
    return "\n".join(out)


def activities(rows: list[dict[str, str]]) -> list[str]:
    """How work activities fare in the source: used, completed, broad; the top few."""
    used = [r for r in rows if float(r["share_user"]) > COVERAGE]

    def value(row: dict[str, str]) -> float:
        sides = ("completion_x_scope_x_coverage_user", "completion_x_scope_x_coverage_ai")
        return sum(float(row[side]) for side in sides) / 2

    top = sorted(rows, key=lambda r: (-value(r), r["IWA"]))[:6]
    lines = [
        "[activities]",
        f"count = {len(rows)}",
        f"used = {len(used)}",
        f"median_completion = {statistics.median(float(r['completion_user']) for r in used):.3f}",
        f"median_scope = {statistics.median(float(r['impact_scope_user']) for r in used):.3f}",
        "top = [",
    ]
    for row in top:
        title = row["title"].rstrip(".").replace('"', "'")
        lines.append(f'  {{ iwa = "{row["IWA"]}", title = "{title}", value = {value(row):.3f} }},')
    return [*lines, "]", ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="a folder holding the source's CSV files")
    parser.add_argument("--commit", help="the source's commit id (read from git if omitted)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write (default {OUT})")
    args = parser.parse_args()
    text = derive(args.source, source_commit(args.source, args.commit))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
