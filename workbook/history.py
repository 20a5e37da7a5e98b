"""Undo and redo within a session, one stack per workbook, and what each step is called.

A History records the Changes the door returns and puts them back through the same
code (`workbook.rows`): a field gets its `before` (undo) or `after` (redo) value again,
an added entry is deleted and a deleted one restored with the same id and everything
that hung off it, a moved entry goes back to its place, and a group (many tasks added
at once, a check-in with its snapshot) is undone whole, in one transaction. So undo
validates and saves like any other edit. `label` names a step for the Undo action.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbook.change import ADDED, DELETED, FIELD, GROUP, MOVED, Change
from workbook.errors import NotFound
from workbook.fields import Shape
from workbook.registry import BY_NAME

if TYPE_CHECKING:
    from sqlite_utils import Database

# `rows` and the door are imported where undo and redo use them: every window makes a
# History as it opens, and loading them there (with rules and json) put ~5 ms before its
# first workbook was on screen. They load with the first edit.

#: Undo steps kept per workbook.
LIMIT = 200
#: Undo and redo steps kept in one session, all workbooks together: a coach who works
#: through many workbooks in one sitting must not keep LIMIT steps of each.
MAX_STEPS = 2_000
#: What the session's undo and redo steps may hold, roughly, in characters of text, all
#: workbooks together: a deleted entry keeps its text for undo, and a long one can be a
#: million characters.
MAX_TEXT = 20_000_000


def text_size(value: Any) -> int:
    """About how much a Change's values take: the characters of the text in them."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(text_size(v) for v in value.values())
    if isinstance(value, list | tuple):
        return sum(text_size(v) for v in value)
    if isinstance(value, Change):
        return text_size(value.before) + text_size(value.after) + text_size(value.parts)
    return 8


class _Step:
    """A Change held for undo or redo, with when it was recorded and its size, measured
    once (it moves between the stacks unchanged)."""

    __slots__ = ("change", "order", "size")

    def __init__(self, change: Change, order: int) -> None:
        self.change = change
        self.order = order
        self.size = text_size(change)


class History:
    """One undo and one redo stack per workbook, bounded for the whole session: at most
    LIMIT steps per workbook, and MAX_STEPS steps and MAX_TEXT characters of text in all
    the stacks together. Past a bound the steps recorded longest ago go first (from the
    bottom of any stack: what is undone or redone next stays); the step just recorded
    stays however large, so undo of what was just done always works."""

    def __init__(self) -> None:
        self._undo: dict[int, list[_Step]] = {}
        self._redo: dict[int, list[_Step]] = {}
        self._recorded = 0
        #: Steps and characters held in all the stacks together.
        self.steps = 0
        self.text = 0

    def record(self, change: Change) -> None:
        """Remember an edit; a new edit clears what could be redone."""
        if not change.undoable:
            return
        self._recorded += 1
        step = _Step(change, self._recorded)
        self._drop_all(self._redo.pop(change.workbook_id, []))
        stack = self._undo.setdefault(change.workbook_id, [])
        stack.append(step)
        self._add(step)
        if len(stack) > LIMIT:
            self._drop_all(stack[:-LIMIT])
            del stack[:-LIMIT]
        self._trim(keep=step)

    def _add(self, step: _Step) -> None:
        self.steps += 1
        self.text += step.size

    def _drop_all(self, steps: list[_Step]) -> None:
        self.steps -= len(steps)
        self.text -= sum(s.size for s in steps)

    def _trim(self, keep: _Step) -> None:
        """Drop the oldest steps until the session's stacks are within both bounds."""
        while self.steps > MAX_STEPS or self.text > MAX_TEXT:
            bottoms = [
                (stack[0].order, stacks, workbook_id)
                for stacks in (self._undo, self._redo)
                for workbook_id, stack in stacks.items()
                if stack and stack[0] is not keep
            ]
            if not bottoms:
                return
            _, stacks, workbook_id = min(bottoms, key=lambda bottom: bottom[0])
            stack = stacks[workbook_id]
            self._drop_all([stack.pop(0)])
            if not stack:
                del stacks[workbook_id]

    def can_undo(self, workbook_id: int) -> bool:
        return bool(self._undo.get(workbook_id))

    def can_redo(self, workbook_id: int) -> bool:
        return bool(self._redo.get(workbook_id))

    def next_undo(self, workbook_id: int) -> Change | None:
        stack = self._undo.get(workbook_id)
        return stack[-1].change if stack else None

    def next_redo(self, workbook_id: int) -> Change | None:
        stack = self._redo.get(workbook_id)
        return stack[-1].change if stack else None

    def undo(self, db: Database, workbook_id: int) -> Change | None:
        """Put back what was there before the last change; returns the Change applied."""
        stack = self._undo.get(workbook_id)
        if not stack:
            return None
        step = stack[-1]
        # Popped only once applied: a refused undo (say, the old name is taken now) stays.
        with db.atomic():
            applied = reverse(db, step.change)
        stack.pop()
        self._redo.setdefault(workbook_id, []).append(step)
        return applied

    def redo(self, db: Database, workbook_id: int) -> Change | None:
        stack = self._redo.get(workbook_id)
        if not stack:
            return None
        step = stack[-1]
        with db.atomic():
            applied = replay(db, step.change)
        stack.pop()
        self._undo.setdefault(workbook_id, []).append(step)
        return applied

    def forget(self, workbook_id: int) -> None:
        """Drop the stacks of a deleted workbook."""
        self._drop_all(self._undo.pop(workbook_id, []))
        self._drop_all(self._redo.pop(workbook_id, []))


def set_value(db: Database, change: Change, value: Any) -> Change:
    """Set the field a Change touched to `value` again."""
    from workbook import rows
    from workbook.door import rename_workbook

    if change.table == "workbooks" and change.field == "name":
        return rename_workbook(db, change.workbook_id, value)
    table = BY_NAME.get(change.table)
    if table is not None and table.shape in (Shape.KEYED, Shape.SINGLE):
        return rows.set_answer(
            db, change.table, change.workbook_id, change.key, change.field or "", value
        )
    if table is not None and change.row_id is not None:
        return rows.update_row(db, change.table, change.row_id, change.field or "", value)
    raise NotFound(f"Changes to {change.table} cannot be replayed.")


def reverse(db: Database, change: Change) -> Change:
    """Undo one Change: what it changed goes back to how it was."""
    from workbook import rows

    if change.kind == FIELD:
        return set_value(db, change, change.before)
    if change.kind == ADDED:
        try:
            return rows.delete_row(db, change.table, change.row_id or 0, undoing=True)
        except NotFound:
            return change  # gone already (with the goal it belonged to): nothing to take away
    if change.kind == DELETED:
        return rows.restore_row(db, change.table, change.before)
    if change.kind == MOVED:
        rows.set_positions(db, change.table, change.before)
        return change
    if change.kind == GROUP:
        parts = tuple(reverse(db, part) for part in reversed(change.parts))
        return Change(GROUP, change.workbook_id, change.table, parts=parts)
    raise NotFound(f"A change of kind {change.kind!r} cannot be undone.")


def replay(db: Database, change: Change) -> Change:
    """Redo one Change that was undone."""
    from workbook import rows

    if change.kind == FIELD:
        return set_value(db, change, change.after)
    if change.kind == ADDED:
        return rows.restore_row(db, change.table, {"row": change.after})
    if change.kind == DELETED:
        return rows.delete_row(db, change.table, change.row_id or 0)
    if change.kind == MOVED:
        rows.set_positions(db, change.table, change.after)
        return change
    if change.kind == GROUP:
        parts = tuple(replay(db, part) for part in change.parts)
        return Change(GROUP, change.workbook_id, change.table, parts=parts)
    raise NotFound(f"A change of kind {change.kind!r} cannot be redone.")


def label(change: Change | None) -> str:
    """What undoing or redoing `change` is called, after "Undo" or "Redo": “Current role”,
    “Energy of Mentoring”, add a task, delete a goal, move an action, rename, or a group's
    own description (add 5 starter tasks)."""
    if change is None:
        return ""
    if change.table == "workbooks":
        return "rename"
    if change.kind == GROUP:
        # A group without words of its own (a rating that also ranks) is its first edit.
        return change.description or (label(change.parts[0]) if change.parts else "")
    table = BY_NAME.get(change.table)
    noun = table.noun if table else "an entry"
    if change.kind == ADDED:
        return f"add {noun}"
    if change.kind == DELETED:
        return f"delete {noun}"
    if change.kind == MOVED:
        return f"move {noun}"
    try:
        shown = table.field(change.field or "").shown if table else change.field or ""
    except KeyError:
        shown = (change.field or "").replace("_", " ")
    if change.key:
        subject = _subject(change.key)
        if subject:
            shown = subject if change.field == "agreement" else f"{shown} of {subject}"
    return f"“{shown}”"


def _subject(key: str) -> str | None:
    """The name of what a keyed answer is about (a strength, a path, a preference...)."""
    from workbook.content import load_content

    content = load_content()
    if key in content.preferences:
        return "a preference"
    if key in content.context:
        return "your situation"
    named = content.strengths.get(key) or content.paths.get(key)
    return named.name if named else None
