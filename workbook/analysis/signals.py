"""How strong one strength is for a person, on one scale from -1 to 1.

Proficiency and energy each become a number from -1 (the bottom of the
scale) through 0 (the middle) to 1 (the top); edge becomes 0 at "on par
with peers", -1/2 below, 1/2 above and 1 among the best. A strength's
signal is their average, an unanswered scale counting as 0. In ranking
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


#: The edge level that means "on par with peers": being as good as most people in a
#: similar role neither helps nor hurts a path.
ON_PAR = 2


def edge_value(level: int | Fraction | None) -> Fraction:
    """Edge on -1..1 with "on par" as 0: below most peers -1/2, above 1/2, among the best
    1 (one step is half a point either way); None counts as on par."""
    if level is None:
        return Fraction(0)
    return Fraction(level - ON_PAR) / 2


def scale_value(scale: str, level: int | Fraction | None) -> Fraction:
    """One answer on a strength's scale as the analysis counts it, -1..1."""
    return edge_value(level) if scale == "edge" else centred(level, SCALE_TOPS[scale])


def strength_signal(data: WorkbookData, strength_id: str) -> Fraction:
    rating = data.ratings.get(strength_id) or Rating(strength_id)
    parts = (
        centred(proficiency_of(data, strength_id), 5),
        centred(rating.energy, 5),
        edge_value(rating.edge),
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
