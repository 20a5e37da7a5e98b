"""What one operation of the door changed: the `Change` every write returns.

A Change names the table, the row or answer and the field it touched, the values before
and after, and (from the registry) the step whose page shows it, so the window refreshes
only what changed and undo puts back exactly what was there. An operation that writes
many rows at once returns one Change holding the others (`parts`): one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from workbook.registry import BY_NAME

if TYPE_CHECKING:
    from sqlite_utils import Database

#: What a Change did: set a field, add or delete a row (or a workbook), move a row in its
#: list, or several of these as one operation.
FIELD, ADDED, DELETED, MOVED, CREATED, GROUP = (
    "field",
    "added",
    "deleted",
    "moved",
    "created",
    "group",
)


@dataclass(frozen=True)
class Change:
    """What one operation changed. `kind` is one of FIELD, ADDED, DELETED, MOVED, CREATED
    (a workbook) or GROUP (`parts`, applied in order)."""

    kind: str
    workbook_id: int
    table: str
    field: str | None = None
    before: Any = None
    after: Any = None
    row_id: int | None = None
    description: str = ""
    #: For answers stored by content id (a strength, a preference...): that id.
    key: str | None = None
    #: For a GROUP: the changes it is made of, in the order they were made.
    parts: tuple[Change, ...] = ()

    @property
    def undoable(self) -> bool:
        """Whether undo can put it back: field edits that changed something, rows added,
        deleted or moved, and groups of them. Creating, copying or deleting a whole
        workbook is confirmed by the person instead (and a deletion wipes the text)."""
        if self.kind == FIELD:
            return self.before != self.after
        if self.kind == MOVED:
            return self.before != self.after
        if self.kind == GROUP:
            return any(part.undoable for part in self.parts)
        return self.kind in (ADDED, DELETED) and self.table != "workbooks"

    @property
    def step(self) -> str:
        """The step whose page shows what changed ("" for the workbook itself)."""
        table = BY_NAME.get(self.table)
        return table.step if table else ""

    @property
    def steps(self) -> frozenset[str]:
        """Every step a (group of) change touches."""
        if self.kind == GROUP:
            return frozenset().union(*(part.steps for part in self.parts))
        return frozenset({self.step})

    @property
    def tables(self) -> frozenset[str]:
        """Every table a (group of) change writes to."""
        if self.kind == GROUP:
            return frozenset().union(*(part.tables for part in self.parts))
        return frozenset({self.table})

    @property
    def rows_changed(self) -> bool:
        """Whether a list gained, lost or reordered entries (a page rebuilds its list),
        rather than one field changing in place."""
        if self.kind == GROUP:
            return any(part.rows_changed for part in self.parts)
        return self.kind in (ADDED, DELETED, MOVED, CREATED)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def touch(db: Database, workbook_id: int | None, stamp: str) -> None:
    """Stamp the workbook's `updated_at` and the file's `last_change_at` (which the daily
    backup reads to tell whether anything changed)."""
    if workbook_id is not None:
        db.execute("UPDATE workbooks SET updated_at = ? WHERE id = ?", [stamp, workbook_id])
    db.execute(
        "INSERT INTO meta (key, value) VALUES ('last_change_at', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [stamp],
    )
