"""What moved since the last check-in: re-rated strengths and path fit before and after.

A check-in stores a snapshot of the ratings and the path scores; the
latest snapshot is compared with the answers as they are now.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbook.analysis.scoring import _round_tenths, scores
from workbook.content.catalogue import Content
from workbook.data import WorkbookData

SCALES = ("proficiency", "energy", "edge", "rank")


def snapshot(data: WorkbookData, content: Content) -> dict:
    """The state a check-in records, as plain JSON-ready data."""
    return {
        "ratings": {
            sid: [r.proficiency, r.energy, r.edge, r.rank]
            for sid, r in sorted(data.ratings.items())
        },
        "scores": {pid: _round_tenths(v) / 10 for pid, v in scores(data, content).items()},
        "mode": data.profile.strength_mode,
    }


@dataclass(frozen=True)
class Moved:
    strength_id: str
    name: str
    scale: str
    before: int | None
    after: int | None


@dataclass(frozen=True)
class Progress:
    since: str | None  # when the last check-in was taken
    moved: tuple[Moved, ...]
    scores_before: dict[str, float]
    scores_now: dict[str, float]


def progress(data: WorkbookData, content: Content) -> Progress:
    now = snapshot(data, content)
    if not data.snapshots:
        return Progress(None, (), {}, now["scores"])
    last = data.snapshots[-1]
    before = last.data.get("ratings", {})
    moved = []
    for sid in sorted(set(before) | set(now["ratings"])):
        old = (before.get(sid) or [None] * 4)[:4]
        new = (now["ratings"].get(sid) or [None] * 4)[:4]
        name = content.strengths[sid].name if sid in content.strengths else sid
        for scale, a, b in zip(SCALES, old, new, strict=True):
            if a != b:
                moved.append(Moved(sid, name, scale, a, b))
    return Progress(last.taken_at, tuple(moved), last.data.get("scores", {}), now["scores"])
