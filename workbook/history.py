"""Undo and redo of edits within a session, one stack per workbook.

A History records the Changes the edit functions return and replays their
`before` (undo) or `after` (redo) value through the door (`workbook.edits` and
`workbook.records`, with `apply_value`), so undo validates and saves like any
other edit. It lives here, above both, so neither of them imports the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbook import edits
from workbook.edits import Change
from workbook.errors import NotFound
from workbook.fields import ROWS, SINGLE

if TYPE_CHECKING:
    from sqlite_utils import Database

LIMIT = 200


class History:
    def __init__(self) -> None:
        self._undo: dict[int, list[Change]] = {}
        self._redo: dict[int, list[Change]] = {}

    def record(self, change: Change) -> None:
        """Remember an edit; a new edit clears what could be redone."""
        if not change.undoable:
            return
        stack = self._undo.setdefault(change.workbook_id, [])
        stack.append(change)
        del stack[:-LIMIT]
        self._redo.pop(change.workbook_id, None)

    def can_undo(self, workbook_id: int) -> bool:
        return bool(self._undo.get(workbook_id))

    def can_redo(self, workbook_id: int) -> bool:
        return bool(self._redo.get(workbook_id))

    def next_undo(self, workbook_id: int) -> Change | None:
        stack = self._undo.get(workbook_id)
        return stack[-1] if stack else None

    def next_redo(self, workbook_id: int) -> Change | None:
        stack = self._redo.get(workbook_id)
        return stack[-1] if stack else None

    def undo(self, db: Database, workbook_id: int) -> Change | None:
        """Put back the value before the last edit; returns the Change applied."""
        stack = self._undo.get(workbook_id)
        if not stack:
            return None
        change = stack[-1]
        # Popped only once applied: a refused undo (say, the old name is taken now) stays.
        applied = apply_value(db, change, change.before)
        stack.pop()
        self._redo.setdefault(workbook_id, []).append(change)
        return applied

    def redo(self, db: Database, workbook_id: int) -> Change | None:
        stack = self._redo.get(workbook_id)
        if not stack:
            return None
        change = stack[-1]
        applied = apply_value(db, change, change.after)
        stack.pop()
        self._undo.setdefault(workbook_id, []).append(change)
        return applied

    def forget(self, workbook_id: int) -> None:
        """Drop the stacks of a deleted workbook."""
        self._undo.pop(workbook_id, None)
        self._redo.pop(workbook_id, None)


def apply_value(db: Database, change: Change, value: Any) -> Change:
    """Set the field a Change touched to `value` again (used by undo and redo)."""
    if change.table == "profile":
        return edits.set_profile_field(db, change.workbook_id, change.field or "", value)
    if change.table == "workbooks" and change.field == "name":
        return edits.rename_workbook(db, change.workbook_id, value)
    if change.key is not None or change.table in SINGLE:
        # Here, not at the top: records loads the content, which the window's start need
        # not wait for when the first page shown edits the profile only.
        from workbook import records

        return records.set_answer(
            db, change.table, change.workbook_id, change.key, change.field or "", value
        )
    if change.row_id is not None and change.table in ROWS:
        from workbook import records

        return records.update_row(db, change.table, change.row_id, change.field or "", value)
    raise NotFound(f"Changes to {change.table} cannot be replayed.")
