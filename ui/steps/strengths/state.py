"""What the strengths page shows, worked out in plain Python without widgets.

The page's decisions live here so tests can call them directly: the
catalogue as the list shows it (domains, then the person's own strengths),
how far each strength is rated, the order a forced ranking starts from and
which ranks a new order changes, when the overuse note appears, and the
sentences that sum up the results. Nothing here touches Qt or the database.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from workbook.analysis.signals import proficiency_of, ranked_proficiency
from workbook.analysis.strengths import StrengthResult, analyse_strengths
from workbook.content.catalogue import Content, Strength
from workbook.data import Rating, WorkbookData

OWN_GROUP = "Your own strengths"

#: What each energy-log level means, as the person rates a moment at work.
MOMENT_LEVELS: dict[int, str] = {
    1: "Drained: you came out of it tired or tense.",
    2: "Low: it took more out of you than it gave.",
    3: "Neutral: it neither drained you nor lifted you.",
    4: "Engaged: time went quickly and you cared how it turned out.",
    5: "Energised: you came out of it with more energy than you went in with.",
}


@dataclass(frozen=True)
class Entry:
    """One strength as the inventory lists it: from the catalogue or the person's own."""

    id: str
    name: str
    description: str
    group: str
    custom: bool
    proficiency: dict[int, str]
    energy: dict[int, str]
    edge: dict[int, str]
    overuse: str


def custom_sort_key(strength_id: str) -> tuple[int, str]:
    number = strength_id.removeprefix("custom_")
    return (int(number), "") if number.isdigit() else (10**9, strength_id)


def entries(content: Content, data: WorkbookData) -> list[Entry]:
    """The catalogue in content order, grouped by domain, then the person's own strengths."""
    result = []
    for domain in content.domains.values():
        for strength in content.strengths_in(domain.id):
            result.append(_from_catalogue(strength, domain.name))
    scales = content.scales
    own = sorted((s for s in data.ratings if s not in content.strengths), key=custom_sort_key)
    for strength_id in own:
        rating = data.ratings[strength_id]
        result.append(
            Entry(
                strength_id,
                rating.custom_name or "Unnamed strength",
                rating.custom_description or "",
                OWN_GROUP,
                True,
                scales["proficiency"].levels,
                scales["energy"].levels,
                scales["edge"].levels,
                "",
            )
        )
    return result


def _from_catalogue(strength: Strength, group: str) -> Entry:
    return Entry(
        strength.id,
        strength.name,
        strength.description,
        group,
        False,
        strength.proficiency,
        strength.energy,
        strength.edge,
        strength.overuse,
    )


def ranking_mode(data: WorkbookData) -> bool:
    return data.profile.strength_mode == "ranking"


def skill_known(data: WorkbookData, strength_id: str) -> bool:
    """Proficiency is given: rated, or in ranking mode placed in the order."""
    return proficiency_of(data, strength_id) is not None


def rating_state(data: WorkbookData, strength_id: str) -> str:
    """ "done" (skill, energy and edge all given), "partly" or "none"."""
    rating = data.ratings.get(strength_id) or Rating(strength_id)
    given = [skill_known(data, strength_id), rating.energy is not None, rating.edge is not None]
    if all(given):
        return "done"
    if any(given) or rating.proficiency is not None:
        return "partly"
    return "none"


MARKS = {"done": "✓", "partly": "…", "none": ""}
MARK_WORDS = {"done": "rated", "partly": "partly rated", "none": "not rated yet"}


def is_rated(rating: Rating) -> bool:
    """Anything given on any scale, or a place in a ranking."""
    return any(v is not None for v in (rating.proficiency, rating.energy, rating.edge, rating.rank))


def ranking_order(content: Content, data: WorkbookData) -> list[str]:
    """The strengths a forced ranking orders, first place first.

    Every strength rated on some scale takes part. Those already ranked keep
    their order; the others follow, highest proficiency (then energy, then
    edge) first, in catalogue order among equals.
    """
    catalogue = {entry.id: place for place, entry in enumerate(entries(content, data))}

    def key(rating: Rating) -> tuple:
        return (
            rating.rank is None,
            rating.rank or 0,
            -(rating.proficiency or 0),
            -(rating.energy or 0),
            -(rating.edge or 0),
            catalogue.get(rating.strength_id, len(catalogue)),
        )

    taking_part = [r for r in data.ratings.values() if is_rated(r)]
    return [r.strength_id for r in sorted(taking_part, key=key)]


def ranks_to_write(order: list[str], data: WorkbookData) -> list[tuple[str, int]]:
    """The (strength, rank) answers that make the stored ranks follow `order` (1 is first)."""
    changes = []
    for place, strength_id in enumerate(order, start=1):
        rating = data.ratings.get(strength_id)
        if rating is None or rating.rank != place:
            changes.append((strength_id, place))
    return changes


def ranked_skill(data: WorkbookData, strength_id: str) -> Fraction | None:
    return ranked_proficiency(data).get(strength_id)


def place_sentence(data: WorkbookData, strength_id: str) -> str:
    """Where a strength stands in the ranking, and the skill the order gives it."""
    ranked = ranked_proficiency(data)
    if strength_id not in ranked:
        return (
            "It is not in your ranking yet. Rate its energy or edge and it joins the end "
            "of your ranking; then move it to where it belongs."
        )
    order = list(ranked)
    place = order.index(strength_id) + 1
    return (
        f"Place {place} of {len(order)} in your ranking, which counts as a skill of "
        f"{format_level(ranked[strength_id])} of 5."
    )


def _names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


_THEM = ("they", "are signature strengths")


def mode_note(data: WorkbookData, content: Content, result: StrengthResult) -> str:
    """In ranking mode, why the signature strengths differ from what the ratings gave.

    Ranking is meant to sort out ratings that all came out high, so it keeps fewer
    strengths at a skill of 4 or more: that is its point, and the ratings stay stored.
    The person is told which strengths it moved and why, rather than seeing a count drop.
    """
    if not ranking_mode(data):
        return ""
    rated = replace(data, profile=replace(data.profile, strength_mode="rating"))
    by_rating = {f.id: f.name for f in analyse_strengths(rated, content).signature}
    by_order = {f.id: f.name for f in result.signature}
    lost = [name for i, name in by_rating.items() if i not in by_order]
    gained = [name for i, name in by_order.items() if i not in by_rating]
    if not lost and not gained:
        return ""
    parts = []
    if lost:
        it, is_one = ("it", "is a signature strength") if len(lost) == 1 else _THEM
        parts.append(
            f"By your ratings, {_names(lost)} {is_one}; by your order, {it} "
            f"{'is' if it == 'it' else 'are'} not. Ranking reads your skill from your order "
            "(first place counts as 5, last place as 1), so only about the top quarter of "
            f"the order counts as a skill of 4 or more. Move {it} up the order if that is where "
            f"{it} {'belongs' if it == 'it' else 'belong'}, or go back to rating: your "
            "ratings are kept."
        )
    if gained:
        it, is_one = ("it", "is a signature strength") if len(gained) == 1 else _THEM
        parts.append(
            f"By your order, {_names(gained)} {is_one}; by your ratings, {it} "
            f"{'was' if it == 'it' else 'were'} not: your order places {it} higher than "
            "your ratings did."
        )
    return " ".join(parts)


def format_level(value: Fraction | float) -> str:
    """A level with at most one decimal: 5, 4.2, 3.4."""
    text = f"{float(value):.1f}"
    return text.removesuffix(".0")


def overuse_asked(data: WorkbookData, strength_id: str) -> bool:
    """The overuse note is asked for a strength you are skilled at and enjoy (4 or more)."""
    rating = data.ratings.get(strength_id)
    skill = proficiency_of(data, strength_id)
    return (
        rating is not None
        and skill is not None
        and skill >= 4
        and rating.energy is not None
        and rating.energy >= 4
    )


def overuse_due(data: WorkbookData, strength_id: str) -> bool:
    """Whether the overuse note is shown: when asked, and once written whatever the
    ratings become, since a note that vanished when a rating dropped would look lost."""
    rating = data.ratings.get(strength_id)
    written = rating is not None and bool((rating.overuse_note or "").strip())
    return written or overuse_asked(data, strength_id)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary_line(result: StrengthResult, done: int, total: int) -> str:
    """The page's status line: how far the inventory is, and what stands out so far."""
    if result.rated == 0:
        return f"{done} of {total} strengths rated. Start with any strength you like."
    found = ", ".join(
        (
            _count(len(result.signature), "signature strength", "signature strengths"),
            _count(len(result.use_more), "to use more", "to use more"),
            _count(len(result.drains), "drain", "drains"),
        )
    )
    return f"{done} of {total} strengths rated. So far: {found}."


EMPTY_RESULTS = (
    "Nothing is rated yet. Rate a few strengths in the inventory, and your signature "
    "strengths, the strengths to use more and the drains to manage appear here, each "
    "with the reason."
)

EMPTY_LISTS = {
    "signature": (
        "None yet. A signature strength is one you do well, that gives you energy, where "
        "you have an edge over peers, and that you have backed with an example."
    ),
    "use_more": (
        "None yet. A strength lands here when it gives you energy (4 or 5) while your skill "
        "is 3 or less, or when only an example is missing to make it a signature strength."
    ),
    "drains": "None: nothing you are good at is draining your energy.",
}

ALL_HIGH = (
    "Most of your ratings are 4 or 5. That is common, and it makes it hard to see what "
    "really stands out. You could rank your strengths instead: put them in order, and "
    "your skill is read from the order."
)


def energy_summary(levels: list[int | None]) -> str:
    """One line over the energy log: how many moments, how many high and low."""
    rated = [level for level in levels if level is not None]
    if not levels:
        return "No moments logged yet."
    high = sum(1 for level in rated if level >= 4)
    low = sum(1 for level in rated if level <= 2)
    return (
        f"{_count(len(levels), 'moment', 'moments')} logged: {high} that gave you energy, "
        f"{low} that took it."
    )
