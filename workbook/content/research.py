"""The research the AI task library is grounded in, and the rule that turns it into ranges.

`resources/data/ai_applicability.toml` is a small table derived by
`scripts/derive_ai_applicability.py` from Microsoft Research's "Working with AI"
data (CC BY 4.0; the source, its commit and licence are in the file): for each
role family, the occupations it stands for and how their AI applicability scores
spread. Those scores say where people used AI and how well it did; they are not
the share of a task AI can take. So the library uses them for two things only:
the order of its families, and the range each family's starting shares may take
(`share_range`, `share_ceiling` below, the same functions the script uses). Each
task's own share stays our estimate inside that range.

Not loaded on the way to the first workbook: the content loader checks every
family's tasks against the range written in `ai_tasks.toml`, and the tests check
that those ranges are the ones this table gives.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from importlib import resources
from typing import Any, NamedTuple

FORMAT = "career-workbook-ai-applicability"
DATA_FILE = "ai_applicability.toml"

#: A family's typical share (its tasks' starting shares, weighted by their hours) runs
#: from TYPICAL_LOW, for work the research places below every occupation, to
#: TYPICAL_LOW + TYPICAL_SPAN, for work it places above them all. The research sets the
#: place; these two numbers are our judgement of the level, chosen to keep the library's
#: overall level where it was before the research reordered it.
TYPICAL_LOW = 0.05
TYPICAL_SPAN = 0.50
#: No single task of a family starts above CEILING_LOW + CEILING_SPAN x its place.
CEILING_LOW = 0.45
CEILING_SPAN = 0.40


def place_among(ordered: list[float], value: float) -> float:
    """The share of `ordered` (sorted scores) below `value`, a tie counting half: 0 to 1."""
    below = bisect_left(ordered, value)
    ties = bisect_right(ordered, value) - below
    return (below + ties / 2) / len(ordered)


def _down(value: float) -> float:
    return math.floor(value * 20 + 1e-9) / 20


def _up(value: float) -> float:
    return math.ceil(value * 20 - 1e-9) / 20


def share_range(place_q1: float, place_q3: float) -> tuple[float, float]:
    """Where a family's typical share may lie, from the places of its lower and upper
    quartile among all occupations, widened outwards to a multiple of 0.05."""
    low = _down(TYPICAL_LOW + TYPICAL_SPAN * place_q1)
    high = _up(TYPICAL_LOW + TYPICAL_SPAN * place_q3)
    return low, max(high, round(low + 0.05, 2))


def share_ceiling(place_q3: float) -> float:
    """The highest starting share any one task of the family may have."""
    return _up(CEILING_LOW + CEILING_SPAN * place_q3)


class Occupation(NamedTuple):
    soc: str
    title: str
    score: float
    #: How many SOC codes this entry stands for (one job split by specialty counts once).
    codes: int


class FamilyResearch(NamedTuple):
    id: str
    jobs: int
    q1: float
    median: float
    q3: float
    place_q1: float
    place_median: float
    place_q3: float
    share_range: tuple[float, float]
    share_ceiling: float
    occupations: tuple[Occupation, ...]


class Source(NamedTuple):
    title: str
    authors: str
    publisher: str
    year: int
    url: str
    paper: str
    commit: str
    licence: str
    licence_url: str

    @property
    def attribution(self) -> str:
        """One line naming the work, its makers, where it is and its licence."""
        return (
            f"{self.publisher}, “{self.title}” ({self.authors}, {self.year}), "
            f"{self.url} at commit {self.commit[:12]}, {self.licence}"
        )


class Research(NamedTuple):
    source: Source
    #: By family id, most applicable first (the order of the file).
    families: dict[str, FamilyResearch]
    all_occupations: int
    activities_used: int
    activities_count: int
    median_completion: float
    top_activities: tuple[str, ...]


class ResearchError(ValueError):
    """The derived research table is missing a part or has the wrong shape."""


def _get(table: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = table.get(key)
    if isinstance(value, bool) or not isinstance(value, kind):
        raise ResearchError(f"{DATA_FILE}: {where} needs '{key}'")
    return value


def parse(document: dict[str, Any]) -> Research:
    """The research table from its parsed TOML, checked."""
    if document.get("format") != FORMAT or document.get("version") != 1:
        raise ResearchError(f"{DATA_FILE}: must be format {FORMAT!r}, version 1")
    source = _get(document, "source", dict, "the file")
    fields = {
        name: _get(source, name, str, "[source]") for name in Source._fields if name != "year"
    }
    info = Source(year=_get(source, "year", int, "[source]"), **fields)
    number = (int, float)
    families = {}
    for family in _get(document, "families", list, "the file"):
        where = f"family {family.get('id')!r}"
        low, high = _get(family, "share_range", list, where)
        occupations = tuple(
            Occupation(
                _get(o, "soc", str, where),
                _get(o, "title", str, where),
                float(_get(o, "score", number, where)),
                _get(o, "codes", int, where),
            )
            for o in _get(family, "occupations", list, where)
        )
        families[family["id"]] = FamilyResearch(
            _get(family, "id", str, where),
            _get(family, "jobs", int, where),
            *(float(_get(family, k, number, where)) for k in ("q1", "median", "q3")),
            *(float(_get(family, f"place_{k}", number, where)) for k in ("q1", "median", "q3")),
            (float(low), float(high)),
            float(_get(family, "share_ceiling", number, where)),
            occupations,
        )
    activities = _get(document, "activities", dict, "the file")
    return Research(
        info,
        families,
        _get(_get(document, "all_occupations", dict, "the file"), "count", int, "all"),
        _get(activities, "used", int, "[activities]"),
        _get(activities, "count", int, "[activities]"),
        float(_get(activities, "median_completion", number, "[activities]")),
        tuple(_get(a, "title", str, "[activities]") for a in activities.get("top", [])),
    )


def load_research() -> Research:
    """The derived table shipped in resources/data."""
    import tomllib

    text = resources.files("resources").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    return parse(tomllib.loads(text))
