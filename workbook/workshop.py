"""A coach's workshops in this file: a name, a day, an agenda and a roster.

A workshop starts from a shipped template (`workbook.content.workshops`), whose agenda
is copied into it: the coach may then edit the copy (retime, reorder, reword an
exercise, add or drop one) and the shipped file never changes. The agenda is stored
as JSON of the template's shape and every edit is checked by the same rules as the
file (`agenda_from`), so a workshop's agenda is never one the presenter view cannot
run. The roster holds each participant's name or alias, and may tie one to a
workbook in this file. These are the coach's facts, not a participant's answers:
no workbook file carries them, and deleting a workbook leaves its roster line,
untied.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from workbook.change import now_iso
from workbook.content.workshops import Agenda, agenda_document, agenda_from, load_templates
from workbook.errors import InvalidEdit

MAX_ALIAS = 80
MAX_NAME = 120
MAX_ROSTER = 200


def _clean(text: Any, what: str, limit: int) -> str:
    """One line of a coach's words: runs of spaces made one, no control characters."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidEdit(
            f"Give the {what} a name{' or an alias' if what == 'participant' else ''}."
        )
    if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c in "\u2028\u2029" for c in text):
        raise InvalidEdit(f"The {what}'s name must be one line of plain text.")
    text = " ".join(text.split())
    if len(text) > limit:
        raise InvalidEdit(f"Keep the {what}'s name to {limit} characters or fewer.")
    return text


@dataclass(frozen=True)
class Participant:
    id: int
    alias: str
    workbook_id: int | None = None


@dataclass(frozen=True)
class Workshop:
    id: int
    name: str
    held_on: str | None
    agenda: Agenda
    roster: tuple[Participant, ...] = ()


def _held_on(value: str | date | None) -> str | None:
    if value is None or value == "":
        return None
    try:
        return (value if isinstance(value, date) else date.fromisoformat(value)).isoformat()
    except ValueError:
        raise InvalidEdit("A workshop's day must be a date written as YYYY-MM-DD.") from None


def create_workshop(db: Any, name: str, template_id: str, held_on: str | date | None = None) -> int:
    """A new workshop with a copy of the template's agenda; returns its id."""
    templates = load_templates()
    if template_id not in templates:
        raise InvalidEdit(f"There is no agenda template called {template_id!r}.")
    name = _clean(name, "workshop", MAX_NAME)
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO workshops (name, held_on, agenda, created_at) VALUES (?, ?, ?, ?)",
            [
                name,
                _held_on(held_on),
                json.dumps(agenda_document(templates[template_id])),
                now_iso(),
            ],
        )
    return int(cursor.lastrowid)


def rename_workshop(db: Any, workshop_id: int, name: str) -> None:
    with db.atomic():
        name = _clean(name, "workshop", MAX_NAME)
        db.execute("UPDATE workshops SET name = ? WHERE id = ?", [name, workshop_id])


def set_day(db: Any, workshop_id: int, held_on: str | date | None) -> None:
    with db.atomic():
        db.execute(
            "UPDATE workshops SET held_on = ? WHERE id = ?", [_held_on(held_on), workshop_id]
        )


def set_agenda(db: Any, workshop_id: int, agenda: Agenda | dict[str, Any]) -> Agenda:
    """Store an edited agenda, checked by the rules of the shipped file: `AgendaProblem`
    says what is wrong and nothing is stored."""
    document = agenda_document(agenda) if isinstance(agenda, Agenda) else agenda
    checked = agenda_from(document)
    with db.atomic():
        db.execute(
            "UPDATE workshops SET agenda = ? WHERE id = ?",
            [json.dumps(agenda_document(checked)), workshop_id],
        )
    return checked


def delete_workshop(db: Any, workshop_id: int) -> None:
    """Remove a workshop and its roster (participants' workbooks stay)."""
    with db.atomic():
        db.execute("DELETE FROM workshops WHERE id = ?", [workshop_id])


def add_participant(db: Any, workshop_id: int, alias: str, workbook_id: int | None = None) -> int:
    alias = _clean(alias, "participant", MAX_ALIAS)
    with db.atomic():
        count = db.execute(
            "SELECT count(*) FROM workshop_roster WHERE workshop_id = ?", [workshop_id]
        ).fetchone()[0]
        if count >= MAX_ROSTER:
            raise InvalidEdit(f"A workshop holds at most {MAX_ROSTER} participants.")
        cursor = db.execute(
            "INSERT INTO workshop_roster (workshop_id, position, alias, workbook_id) "
            "VALUES (?, ?, ?, ?)",
            [workshop_id, count, alias, workbook_id],
        )
    return int(cursor.lastrowid)


def remove_participant(db: Any, participant_id: int) -> None:
    with db.atomic():
        db.execute("DELETE FROM workshop_roster WHERE id = ?", [participant_id])


def list_workshops(db: Any) -> list[tuple[int, str, str | None]]:
    """(id, name, day) of every workshop, the most recent day first."""
    rows = db.execute(
        "SELECT id, name, held_on FROM workshops ORDER BY held_on IS NULL, held_on DESC, id DESC"
    )
    return [(row[0], row[1], row[2]) for row in rows]


def load_workshop(db: Any, workshop_id: int) -> Workshop:
    row = db.execute(
        "SELECT id, name, held_on, agenda FROM workshops WHERE id = ?", [workshop_id]
    ).fetchone()
    if row is None:
        raise InvalidEdit(f"There is no workshop number {workshop_id}.")
    roster = tuple(
        Participant(r[0], r[1], r[2])
        for r in db.execute(
            "SELECT id, alias, workbook_id FROM workshop_roster WHERE workshop_id = ? "
            "ORDER BY position, id",
            [workshop_id],
        )
    )
    return Workshop(row[0], row[1], row[2], agenda_from(json.loads(row[3])), roster)
