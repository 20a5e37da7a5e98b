"""A coach's anonymous group overview: closed answers counted across the participants who
consented, never a name or a word anyone typed.

Consent is the workbook's `counted_in_group` flag (`set_consent`, a write like any
other: the command line takes the writer's lock for it). The overview counts, for the
consenting workbooks a caller may read (a locked one is left out: the caller passes
the ids it must skip):

- where each person's answers lean: the top path, or "too close to call";
- the strength domains most often among a person's signature strengths;
- the hours a week AI could free, in bands;
- the kinds of task worth a second look (high stakes with no check named, high stakes
  with thin checking, no check named), counted by kind, never by task name;
- the value each person put first.

Below `MIN_GROUP` consenting participants it shows nothing at all, and any count below
`MIN_GROUP` is shown as "fewer than 5", so no one can be picked out of a small cell.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from workbook.analysis.ai_plan import THIN_REVIEW_SHARE, ai_hours
from workbook.analysis.summary import summary
from workbook.content.catalogue import Content
from workbook.data import Task, load_workbook_data

#: The fewest consenting participants an overview shows, and the smallest count a cell shows.
MIN_GROUP = 5
FEWER = f"fewer than {MIN_GROUP}"
CLOSE_CALL = "Too close to call"
HOUR_BANDS = (
    (0.0, "none"),
    (0.05, "under 2 h"),
    (2.0, "2 to 5 h"),
    (5.0, "5 to 10 h"),
    (10.0, "10 h or more"),
)
FLAG_KINDS = {
    "high_no_check": "High stakes, no check named",
    "high_thin_check": "High stakes, little time to check",
    "no_check": "No check named",
}


@dataclass(frozen=True)
class Cell:
    """One line of a breakdown: what, and how many people (None: fewer than MIN_GROUP)."""

    label: str
    count: int | None

    @property
    def shown(self) -> str:
        return FEWER if self.count is None else str(self.count)


@dataclass(frozen=True)
class Overview:
    participants: int  # consenting and readable
    skipped_locked: int = 0
    leanings: tuple[Cell, ...] = ()
    signature_domains: tuple[Cell, ...] = ()
    hours_freed: tuple[Cell, ...] = ()
    flags: tuple[Cell, ...] = ()
    first_values: tuple[Cell, ...] = ()

    @property
    def enough(self) -> bool:
        return self.participants >= MIN_GROUP


def consenting_ids(db: Any) -> list[int]:
    return [row[0] for row in db.execute("SELECT id FROM workbooks WHERE counted_in_group = 1")]


def set_consent(db: Any, workbook_id: int, consent: bool) -> bool:
    """Count this workbook in the group overview, or stop counting it; returns whether
    anything changed. Not an answer, so not undone with the answers: it is a choice the
    person makes, and says again, in the window or with `career-workbook consent`."""
    with db.atomic():
        cursor = db.execute(
            "UPDATE workbooks SET counted_in_group = ? WHERE id = ? AND counted_in_group != ?",
            [int(consent), workbook_id, int(consent)],
        )
    return cursor.rowcount > 0


def _band(hours: float) -> str:
    label = HOUR_BANDS[0][1]
    for low, name in HOUR_BANDS:
        if hours >= low:
            label = name
    return label


def flag_kind(task: Task) -> str | None:
    """Why a task is worth a second look, as a kind (no words of the person's)."""
    handled = ai_hours(task)
    if handled <= 0:
        return None
    has_check = bool(task.validation.strip())
    if task.stakes == "high" and not has_check:
        return "high_no_check"
    if task.stakes == "high" and task.review_hours < THIN_REVIEW_SHARE * handled:
        return "high_thin_check"
    if task.stakes == "medium" and not has_check:
        return "no_check"
    return None


def _cells(counts: Counter, order: Iterable[str] | None = None) -> tuple[Cell, ...]:
    names = list(order) if order is not None else [n for n, _ in counts.most_common()]
    return tuple(
        Cell(name, counts[name] if counts[name] >= MIN_GROUP else None)
        for name in names
        if counts[name]
    )


def overview(db: Any, content: Content, skip: Collection[int] = ()) -> Overview:
    """The overview of every consenting workbook but those in `skip` (locked ones)."""
    ids = consenting_ids(db)
    readable = [i for i in ids if i not in skip]
    leanings: Counter = Counter()
    domains: Counter = Counter()
    hours: Counter = Counter()
    flags: Counter = Counter()
    values: Counter = Counter()
    for workbook_id in readable:
        data = load_workbook_data(db, workbook_id)
        result = summary(data, content)
        if result["close_call"]:
            leanings[CLOSE_CALL] += 1
        elif result["ranking"]:
            leanings[content.paths[result["ranking"][0]].name] += 1
        found = {
            content.domains[content.strengths[f["id"]].domain].name
            for f in result["signature_strengths"]
            if f["id"] in content.strengths
        }
        domains.update(found)
        hours[_band(result["ai_plan"]["hours_freed"])] += 1
        flags.update({kind for t in data.tasks if (kind := flag_kind(t))})
        if result["values"]:
            values[result["values"][0]["name"]] += 1
    return Overview(
        participants=len(readable),
        skipped_locked=len(ids) - len(readable),
        leanings=_cells(leanings),
        signature_domains=_cells(domains),
        hours_freed=_cells(hours, [name for _, name in HOUR_BANDS]),
        flags=tuple(Cell(FLAG_KINDS[c.label], c.count) for c in _cells(flags)),
        first_values=_cells(values),
    )


SECTIONS = (
    ("leanings", "Where answers lean"),
    ("signature_domains", "Strength domains most often signature"),
    ("hours_freed", "Hours a week AI could free"),
    ("flags", "AI tasks worth a second look"),
    ("first_values", "What matters most"),
)


def overview_json(found: Overview) -> dict[str, Any]:
    """The overview as JSON: counts below MIN_GROUP are null, with `"shown"` saying so."""
    out: dict[str, Any] = {
        "participants": found.participants,
        "enough": found.enough,
        "minimum": MIN_GROUP,
        "skipped_locked": found.skipped_locked,
    }
    if found.enough:
        for key, _title in SECTIONS:
            out[key] = [
                {"label": c.label, "count": c.count, "shown": c.shown} for c in getattr(found, key)
            ]
    return out


def too_few(found: Overview) -> str:
    return (
        f"Only {found.participants} of the workbooks here count in the group overview; it "
        f"shows nothing until at least {MIN_GROUP} participants have said yes, so no one "
        "can be picked out."
    )


def overview_text(found: Overview) -> str:
    """The overview in plain words, for a terminal or the presenter view."""
    if not found.enough:
        return too_few(found)
    lines = [f"Group overview of {found.participants} participants (closed answers only)"]
    for key, title in SECTIONS:
        cells = getattr(found, key)
        lines += ["", title]
        lines += [f"  {c.label}: {c.shown}" for c in cells] or ["  nothing yet"]
    if found.skipped_locked:
        lines += ["", f"{found.skipped_locked} locked workbooks are left out until unlocked."]
    return "\n".join(lines)
