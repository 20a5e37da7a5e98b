"""Undo and redo of edits within a session, one stack per workbook.

A History records the Changes the edit functions return and replays their
`before` (undo) or `after` (redo) value through `workbook.edits`, so undo
validates and saves like any other edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbook.edits import Change, apply_value

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
