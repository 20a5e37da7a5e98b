"""A coach's anonymous group overview: closed answers counted across the participants who
consented, never a name or a word anyone typed.

Consent is the workbook's `counted_in_group` flag (`set_consent`, a write like any
other: the command line takes the writer's lock for it). The overview counts, for the
consenting workbooks a caller may read (a locked one is left out: the caller passes
the ids it must skip) and the contribution files imported from participants' own
laptops (`workbook.contribution`), each participant once:

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

from workbook.content.catalogue import Content
from workbook.contribution import (
    CLOSE_CALL as CLOSE_CALL_ID,
)
from workbook.contribution import (
    FLAG_KINDS,
    HOUR_BANDS,
    Contribution,
    contribution_of,
    stored,
)
from workbook.data import load_workbook_data

BAND_WORDS = {band_id: words for _, band_id, words in HOUR_BANDS}

#: The fewest consenting participants an overview shows, and the smallest count a cell shows.
MIN_GROUP = 5
FEWER = f"fewer than {MIN_GROUP}"
CLOSE_CALL = "Too close to call"


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


def has_consented(db: Any, workbook_id: int) -> bool:
    """Whether the workbook is counted in the group overview."""
    row = db.execute(
        "SELECT counted_in_group FROM workbooks WHERE id = ?", [workbook_id]
    ).fetchone()
    return bool(row and row[0])


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


def _cells(counts: Counter, order: Iterable[str] | None = None) -> tuple[Cell, ...]:
    names = list(order) if order is not None else [n for n, _ in counts.most_common()]
    return tuple(
        Cell(name, counts[name] if counts[name] >= MIN_GROUP else None)
        for name in names
        if counts[name]
    )


def overview(db: Any, content: Content, skip: Collection[int] = ()) -> Overview:
    """The overview of every consenting workbook but those in `skip` (locked ones), and
    of the contribution files imported from participants' own laptops."""
    ids = consenting_ids(db)
    readable = [i for i in ids if i not in skip]
    found = [contribution_of(load_workbook_data(db, i), content, f"workbook-{i}") for i in readable]
    found += stored(db, content)
    return count(found, content, skipped_locked=len(ids) - len(readable))


def count(found: list[Contribution], content: Content, skipped_locked: int = 0) -> Overview:
    """Count contributions (each id once) into the overview's breakdowns, in words."""
    unique = list({c.id: c for c in found}.values())
    leanings: Counter = Counter()
    domains: Counter = Counter()
    hours: Counter = Counter()
    flags: Counter = Counter()
    values: Counter = Counter()
    for c in unique:
        if c.leaning == CLOSE_CALL_ID:
            leanings[CLOSE_CALL] += 1
        elif c.leaning in content.paths:
            leanings[content.paths[c.leaning].name] += 1
        domains.update(content.domains[d].name for d in c.domains if d in content.domains)
        hours[BAND_WORDS[c.hours_band]] += 1
        flags.update(FLAG_KINDS[f] for f in c.flags)
        if c.first_value in content.values:
            values[content.values[c.first_value].name] += 1
    return Overview(
        participants=len(unique),
        skipped_locked=skipped_locked,
        leanings=_cells(leanings),
        signature_domains=_cells(domains),
        hours_freed=_cells(hours, [words for _, _, words in HOUR_BANDS]),
        flags=_cells(flags),
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
