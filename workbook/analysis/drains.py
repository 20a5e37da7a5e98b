"""What to say about a drain: a strength you are good at that costs you energy.

Most drains can be kept from filling the week: shared, traded, or partly handed to AI.
That advice is wrong for a strength at the heart of a path: one that path's profile
weighs at `CENTRAL_WEIGHT` or more (`paths.toml`), such as stakeholder management for a
manager. On that path the work stays yours, whoever helps. So when a drain is central
to the path the person's answers lean towards (the path with the highest score, or the
paths sharing it; none while every path scores the same), the advice says so and asks
them to weigh it before choosing that path. When it is central only to another path,
the usual advice is followed by a short note naming that path.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbook.analysis.scoring import _leader, scores
from workbook.content.catalogue import Content, PathProfile
from workbook.data import WorkbookData

#: A strength weighed this heavily by a path (2 or 3 on the -3..3 scale) is central to it.
CENTRAL_WEIGHT = 2

USUAL = "Keep it from filling your week: share it, trade it, or let AI take part of it."


def central_paths(content: Content, strength_id: str) -> tuple[PathProfile, ...]:
    """The paths that weigh this strength at `CENTRAL_WEIGHT` or more, in content order."""
    return tuple(
        path
        for path in content.paths.values()
        if any(
            w.kind == "strength" and w.target == strength_id and w.weight >= CENTRAL_WEIGHT
            for w in path.weights
        )
    )


def leaning_paths(data: WorkbookData, content: Content) -> tuple[str, ...]:
    """The paths the answers lean towards: the one with the highest score, or all that
    share it; none while every path scores the same (nothing separates them yet)."""
    # The exact sums are enough to order the paths (no parts, labels or rounding of
    # each part): this runs with the strengths result, on every switch of workbook.
    _, tied = _leader(scores(data, content), list(content.paths))
    return () if len(tied) == len(content.paths) else tied


def _path_words(path: PathProfile) -> str:
    return f"the {path.short_name.lower()} path"


def drain_advice(content: Content, strength_id: str, leaning: Sequence[str]) -> str:
    """The advice that follows "you are good at it, but it drains you"."""
    central = central_paths(content, strength_id)
    leaned = [p for p in central if p.id in leaning]
    if leaned:
        path = leaned[0]
        why = next(w.why for w in path.weights if w.kind == "strength" and w.target == strength_id)
        return (
            f"It is at the heart of {_path_words(path)}, which your answers lean towards. "
            f"{why} There it stays your work: colleagues and AI can help with parts of it, "
            "not carry it for you. If it keeps draining you, weigh that before you choose "
            "this path, and ask someone in such a role how much of their week it takes."
        )
    if central:
        names = " or ".join(_path_words(p) for p in central)
        return f"{USUAL} Worth knowing if you consider {names}: it is at the heart of that work."
    return USUAL
