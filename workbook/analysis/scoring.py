"""How a path is scored from the person's answers: each weighted item's value, the
points it is worth, exact sums and the rounding that keeps the shown parts adding up.

The rules are explained in `workbook.analysis.fit` (and docs/analysis.md): strengths and
preferences move a path at most 20 points each way, what matters to you (the values in the
person's order) at most 10 (`BLOCK_POINTS`); answers about the workplace are not counted.
`fit` builds the results on this, and `flip` searches single changes with it.
"""

from __future__ import annotations

from fractions import Fraction
from math import floor

from workbook.analysis.signals import centred, strength_signal
from workbook.content.catalogue import Content, PathProfile, Weight
from workbook.data import WorkbookData

BASELINE = Fraction(50)
#: The most each kind of answer can move a path, in points either side of 50: what a
#: person is good at counts as much as what they want, and what matters to them (a
#: ranking of a few values) half as much. Together at most 50, so a score stays in 0..100.
BLOCK_POINTS: dict[str, Fraction] = {
    "strength": Fraction(20),
    "preference": Fraction(20),
    "value": Fraction(10),
}
#: The kinds of answer that describe the workplace: shown beside the fit, never added.
WORKPLACE = "context"


AGREEMENT_WORDS = {
    1: "strongly disagree",
    2: "disagree",
    3: "neither",
    4: "agree",
    5: "strongly agree",
}


def ordinal(n: object) -> str:
    """A place in words: 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st."""
    n = int(n)  # type: ignore[call-overload]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def value_order(data: WorkbookData) -> list[str]:
    """The values the person put in order, what matters most first (ties by id)."""
    return sorted(data.values, key=lambda value: (data.values[value], value))


def value_standing(data: WorkbookData, value: str) -> Fraction:
    """Where a value stands in the person's order, on -1..1: first place 1, last place -1,
    evenly spaced between (as a ranked strength's proficiency); one value alone in an
    order is first (1), and a value not in the order counts 0."""
    if value not in data.values:
        return Fraction(0)
    order = value_order(data)
    if len(order) == 1:
        return Fraction(1)
    return 1 - Fraction(2 * order.index(value), len(order) - 1)


def _value(data: WorkbookData, weight: Weight) -> Fraction:
    if weight.kind == "strength":
        return strength_signal(data, weight.target)
    if weight.kind == "preference":
        return centred(data.preferences.get(weight.target), 5)
    if weight.kind == "value":
        return value_standing(data, weight.target)
    answer = data.context.get(weight.target, "")
    matched = (weight.answer == "answered" and answer.strip() != "") or answer == weight.answer
    return Fraction(1 if matched else 0)


def block_total(profile: PathProfile, kind: str) -> int:
    """The sum of the sizes of a block's weights: what its items reach when all are at 1."""
    return sum(abs(w.weight) for w in profile.weights if w.kind == kind)


def points_per_unit(profile: PathProfile) -> dict[str, Fraction]:
    """For each kind counted in the score: points per unit of weight times value."""
    return {
        kind: most / total
        for kind, most in BLOCK_POINTS.items()
        if (total := block_total(profile, kind))
    }


def exact_terms(data: WorkbookData, profile: PathProfile) -> list[tuple[Weight, Fraction]]:
    """Each counted weight's exact points (before rounding); the score is 50 plus their
    sum. Answers about the workplace are not counted (`workplace`)."""
    unit = points_per_unit(profile)
    return [
        (w, unit[w.kind] * w.weight * _value(data, w)) for w in profile.weights if w.kind in unit
    ]


def exact_score(data: WorkbookData, profile: PathProfile) -> Fraction:
    return BASELINE + sum((points for _, points in exact_terms(data, profile)), Fraction(0))


def _round_tenths(value: Fraction) -> int:
    """Round half away from zero, in tenths (so every machine rounds alike)."""
    # floor(10 n/d + 1/2) = (20 n + d) // 2d, in whole numbers (d > 0 in a Fraction).
    n, d = value.numerator, value.denominator
    return (20 * n + d) // (2 * d) if n >= 0 else -((-20 * n + d) // (2 * d))


def apportion(parts: list[Fraction]) -> list[int]:
    """Round parts to tenths so the rounded parts add up to the rounded total."""
    target = _round_tenths(sum(parts, Fraction(0)))
    floors = [floor(p * 10) for p in parts]
    remainders = [p * 10 - f for p, f in zip(parts, floors, strict=True)]
    short = target - sum(floors)
    order = sorted(range(len(parts)), key=lambda i: (-remainders[i], i))
    for i in order[:short]:
        floors[i] += 1
    return floors


def _strength_name(content: Content, data: WorkbookData, strength_id: str) -> str:
    if strength_id in content.strengths:
        return content.strengths[strength_id].name
    rating = data.ratings.get(strength_id)
    return (rating.custom_name if rating else None) or strength_id


def scores(data: WorkbookData, content: Content) -> dict[str, Fraction]:
    return {pid: exact_score(data, profile) for pid, profile in content.paths.items()}


def _leader(exact: dict[str, Fraction], order: list[str]) -> tuple[str, tuple[str, ...]]:
    rounded = {pid: _round_tenths(value) for pid, value in exact.items()}
    best = max(rounded.values())
    tied = tuple(pid for pid in order if rounded[pid] == best)
    return tied[0], tied
