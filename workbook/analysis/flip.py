"""What would change the result (the flip): the smallest single change of one of the
person's own answers that puts another path on top, and which paths one step could.

Sizes. A change's size is how far it moves the answer's value, as a share of its whole
range (each value runs -1..1): one step of a preference is 1/4; one step of one of a
strength's three scales is 1/12 (edge too: its steps are half a point, like the others'),
since a strength is three answers. So per unit of size a strength and a preference of the same
weight move a path alike, and a strength can be what would change it. What matters to you
is an order, so its single change is one value moving one place up, its neighbour moving
down: with n values in the order each moves 2/(n-1) on -1..1, a share 1/(n-1) of its
range, and the swap's size is the two together, 2/(n-1) (2/7 for eight values). A swap
changes two values, so its scores are worked out in full. Ties are broken by the larger
resulting margin, then by a fixed order. `steps` counts steps on the scale (from neutral
when unanswered; a swap is one step) for the close call: one step that could put another
path on top makes the top paths too close to call.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from fractions import Fraction
from math import floor

from workbook.analysis.scoring import (
    AGREEMENT_WORDS,
    BLOCK_POINTS,
    _leader,
    _round_tenths,
    _strength_name,
    _value,
    exact_score,
    ordinal,
    points_per_unit,
    value_order,
)
from workbook.analysis.signals import centred, scale_value
from workbook.content.catalogue import Content, Weight
from workbook.data import Rating, WorkbookData


@dataclass(frozen=True)
class Flip:
    path: str  # the path that would come out on top
    change: str  # in words
    kind: str  # "strength", "preference" or "value"
    item: str  # for a value: the one moving up a place
    scale: str | None
    old: object
    new: object
    size: Fraction
    new_scores: dict[str, float]
    steps: int = 1  # steps on the answer's scale (from neutral when not answered)


@dataclass(frozen=True)
class Candidate:
    kind: str
    item: str
    scale: str | None
    old: object
    new: object
    size: Fraction  # how far the answer's value moves, as a share of its range (0..1)
    steps: int = 1  # steps on its scale, counted from neutral when not answered


#: Where an unanswered scale sits, in steps: the middle, or "on par" for edge.
NEUTRAL = {"proficiency": 3, "energy": 3, "edge": 2, "agreement": 3}


def _candidates(data: WorkbookData, content: Content) -> list[Candidate]:
    """Every single change of one of the person's own answers the paths count, in a
    fixed order, each with its size (see the module's notes)."""
    found: list[Candidate] = []
    weighted = {
        (w.kind, w.target)
        for p in content.paths.values()
        for w in p.weights
        if w.kind in BLOCK_POINTS and w.kind != "value"
    }
    scales = ["energy", "edge"]
    if data.profile.strength_mode != "ranking":
        scales.insert(0, "proficiency")
    for kind, item in sorted(weighted):
        if kind == "strength":
            rating = data.ratings.get(item) or Rating(item)
            for scale in scales:
                top = 4 if scale == "edge" else 5
                old = getattr(rating, scale)
                now = scale_value(scale, old)
                start = NEUTRAL[scale] if old is None else old
                for new in range(1, top + 1):
                    if new != old:
                        # A strength is three answers: one scale moves a third of it.
                        size = abs(scale_value(scale, new) - now) / 6
                        found.append(Candidate(kind, item, scale, old, new, size, abs(new - start)))
        else:
            old = data.preferences.get(item)
            now = centred(old, 5)
            start = NEUTRAL["agreement"] if old is None else old
            for new in range(1, 6):
                if new != old:
                    size = abs(centred(new, 5) - now) / 2
                    found.append(Candidate(kind, item, None, old, new, size, abs(new - start)))
    return found + _value_swaps(data, content)


def _value_swaps(data: WorkbookData, content: Content) -> list[Candidate]:
    """Each value in the person's order moving one place up (its neighbour going down), where
    a path weighs either of the two; old and new are places, 1 for what matters most."""
    order = value_order(data)
    if len(order) < 2:
        return []
    weighed = {w.target for p in content.paths.values() for w in p.weights if w.kind == "value"}
    size = Fraction(2, len(order) - 1)
    return [
        Candidate("value", order[place], None, place + 1, place, size)
        for place in range(1, len(order))
        if order[place] in weighed or order[place - 1] in weighed
    ]


def apply_candidate(data: WorkbookData, change: Candidate | Flip) -> WorkbookData:
    """The answers with one change made (used to search the flip and to test it)."""
    if change.kind == "strength":
        rating = data.ratings.get(change.item) or Rating(change.item)
        ratings = dict(data.ratings)
        ratings[change.item] = dataclasses.replace(rating, **{change.scale: change.new})
        return dataclasses.replace(data, ratings=ratings)
    if change.kind == "preference":
        return dataclasses.replace(data, preferences={**data.preferences, change.item: change.new})
    if change.kind == "value":
        order = value_order(data)
        below = order.index(change.item)
        order[below - 1], order[below] = order[below], order[below - 1]
        return dataclasses.replace(data, values={v: n for n, v in enumerate(order, start=1)})
    answer = "(your answer)" if change.new == "answered" else change.new
    return dataclasses.replace(data, context={**data.context, change.item: answer})


def describe_candidate(content: Content, data: WorkbookData, c: Candidate) -> str:
    """One change to the answers in the person's words, as "What would change it" says it."""
    if c.kind == "strength":
        name = _strength_name(content, data, c.item)
        if c.old is None:
            return f"rating {name} {c.new} for {c.scale} (not rated yet)"
        return f"rating {name} {c.new} for {c.scale} instead of {c.old}"
    if c.kind == "preference":
        statement = content.preferences[c.item].statement.rstrip(".")
        new = AGREEMENT_WORDS[c.new]
        if c.old is None:
            return f"answering “{new}” to “{statement}” (not answered yet)"
        return f"answering “{new}” instead of “{AGREEMENT_WORDS[c.old]}” to “{statement}”"
    if c.kind == "value":
        above = value_order(data)[int(c.new) - 1]
        return (
            f"putting {content.values[c.item].name} above {content.values[above].name} in what "
            f"matters to you ({ordinal(c.new)} instead of {ordinal(c.old)})"
        )
    question = content.context[c.item]
    if c.new == "answered":
        return f"answering “{question.text}”"
    label = dict(question.options)[c.new]
    return f"answering “{label}” to “{question.text.rstrip('.?')}”"


@dataclass(frozen=True)
class FlipSearch:
    """What the search over single changes found."""

    flip: Flip | None
    reason: str  # why there is no flip, when there is none
    #: The paths one step on one answer could put on top (besides the leader).
    within_a_step: tuple[str, ...]


def find_flip(data: WorkbookData, content: Content, exact: dict[str, Fraction]) -> FlipSearch:
    order = list(content.paths)
    leader, _ = _leader(exact, order)
    # One answer touches only the weights on that item, so each candidate's new
    # scores are the current ones plus those weights' change: no full rescoring.
    # Each weight's points per unit of value, and its value now, are worked out once:
    # several hundred candidates share them.
    by_item: dict[tuple[str, str], list[tuple[str, Weight, Fraction, Fraction]]] = {}
    for pid, profile in content.paths.items():
        unit = points_per_unit(profile)
        for w in profile.weights:
            if w.kind in unit:
                entry = (pid, w, unit[w.kind] * w.weight, _value(data, w))
                by_item.setdefault((w.kind, w.target), []).append(entry)
    best: tuple[tuple, Candidate, dict[str, Fraction], str] | None = None
    within_a_step: set[str] = set()
    for c in _candidates(data, content):
        changed_data = apply_candidate(data, c)
        if c.kind == "value":  # two values move: scored in full
            changed = {pid: exact_score(changed_data, p) for pid, p in content.paths.items()}
        else:
            changed = dict(exact)
            # Paths weighing the same answer share its new value: work it out once.
            values: dict[tuple[str, str, str | None], Fraction] = {}
            for pid, w, factor, now in by_item[(c.kind, c.item)]:
                key = (w.kind, w.target, w.answer)
                value = values.get(key)
                if value is None:
                    value = values[key] = _value(changed_data, w)
                changed[pid] += factor * (value - now)
        rounded = {pid: _round_tenths(v) for pid, v in changed.items()}
        top = max(rounded.values())
        winners = [pid for pid in order if rounded[pid] == top]
        # A flip leaves exactly one path on top, and not the one that leads now.
        if len(winners) != 1 or winners[0] == leader:
            continue
        winner = winners[0]
        if c.steps <= 1:
            within_a_step.add(winner)
        margin = top - max(v for pid, v in rounded.items() if pid != winner)
        key = (c.size, -margin)
        if best is None or key < best[0]:
            best = (key, c, changed, winner)
    close = tuple(pid for pid in order if pid in within_a_step)
    if best is None:
        lead = exact[leader] - max(v for pid, v in exact.items() if pid != leader)
        return FlipSearch(
            None,
            f"No single change of answer puts another path on top: "
            f"{content.paths[leader].short_name} leads by {floor(lead + Fraction(1, 2))} points, "
            "so it would take several answers changing together.",
            close,
        )
    _, c, changed, winner = best
    flip = Flip(
        winner,
        describe_candidate(content, data, c),
        c.kind,
        c.item,
        c.scale,
        c.old,
        c.new,
        c.size,
        {pid: _round_tenths(v) / 10 for pid, v in changed.items()},
        c.steps,
    )
    return FlipSearch(flip, "", close)
