"""How strong one strength is for a person, on one scale from -1 to 1.

Proficiency, energy and edge each become a number from -1 (the bottom of
its scale) through 0 (the middle) to 1 (the top); a strength's signal is
their average, with an unanswered scale counting as the middle. In ranking
mode, proficiency comes from the strength's place in the person's order.
Exact fractions keep every later sum exact and every machine's answer
identical.
"""

from __future__ import annotations

from fractions import Fraction

from workbook.data import Rating, WorkbookData

SCALE_TOPS = {"proficiency": 5, "energy": 5, "edge": 4, "agreement": 5}


def centred(value: int | Fraction | None, top: int) -> Fraction:
    """Map 1..top onto -1..1 (the middle of the scale is 0); None is the middle."""
    if value is None:
        return Fraction(0)
    # (value - middle) / (middle - 1) with middle = (top + 1) / 2, as one fraction: the
    # flip search calls this thousands of times.
    return Fraction(2 * value - (top + 1)) / (top - 1)


def ranked_proficiency(data: WorkbookData) -> dict[str, Fraction]:
    """Proficiency read from a forced ranking: first place is 5, last place is 1."""
    ranked = sorted(
        (r for r in data.ratings.values() if r.rank is not None),
        key=lambda r: (r.rank, r.strength_id),
    )
    if not ranked:
        return {}
    if len(ranked) == 1:
        return {ranked[0].strength_id: Fraction(5)}
    step = Fraction(4, len(ranked) - 1)
    return {r.strength_id: 5 - step * place for place, r in enumerate(ranked)}


def proficiency_of(data: WorkbookData, strength_id: str) -> Fraction | None:
    """The proficiency used by the analysis: the rating, or the rank in ranking mode."""
    if data.profile.strength_mode == "ranking":
        return ranked_proficiency(data).get(strength_id)
    rating = data.ratings.get(strength_id)
    return None if rating is None or rating.proficiency is None else Fraction(rating.proficiency)


def strength_signal(data: WorkbookData, strength_id: str) -> Fraction:
    rating = data.ratings.get(strength_id) or Rating(strength_id)
    parts = (
        centred(proficiency_of(data, strength_id), 5),
        centred(rating.energy, 5),
        centred(rating.edge, 4),
    )
    return sum(parts, Fraction(0)) / 3


def fully_rated(data: WorkbookData, strength_id: str) -> bool:
    rating = data.ratings.get(strength_id)
    return (
        rating is not None
        and proficiency_of(data, strength_id) is not None
        and rating.energy is not None
        and rating.edge is not None
    )
