"""Reading a workbook back: plain functions that return model objects.

Nothing here writes; edits go through `workbook.door`.
"""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING

from workbook.errors import NotFound
from workbook.model import Profile, WorkbookInfo

if TYPE_CHECKING:
    from sqlite_utils import Database

_WORKBOOK_COLUMNS = "id, name, created_at, updated_at, last_opened_at"


def list_workbooks(db: Database) -> list[WorkbookInfo]:
    """All workbooks, by name (case-insensitive)."""
    rows = db.execute(
        f"SELECT {_WORKBOOK_COLUMNS} FROM workbooks ORDER BY name COLLATE NOCASE, id"
    ).fetchall()
    return [WorkbookInfo(*row) for row in rows]


def get_workbook(db: Database, workbook_id: int) -> WorkbookInfo:
    row = db.execute(
        f"SELECT {_WORKBOOK_COLUMNS} FROM workbooks WHERE id = ?", [workbook_id]
    ).fetchone()
    if row is None:
        raise NotFound(f"There is no workbook number {workbook_id}.")
    return WorkbookInfo(*row)


def find_workbook(db: Database, name: str) -> WorkbookInfo:
    """A workbook by its exact name, or else a unique case-insensitive match."""
    row = db.execute(f"SELECT {_WORKBOOK_COLUMNS} FROM workbooks WHERE name = ?", [name]).fetchone()
    if row is None:
        rows = db.execute(
            f"SELECT {_WORKBOOK_COLUMNS} FROM workbooks WHERE name = ? COLLATE NOCASE", [name]
        ).fetchall()
        row = rows[0] if len(rows) == 1 else None
    if row is None:
        raise NotFound(f"There is no workbook called {name!r}.")
    return WorkbookInfo(*row)


def most_recent_workbook(db: Database) -> WorkbookInfo | None:
    """The workbook opened last, so the app can reopen where the person left off."""
    row = db.execute(
        f"SELECT {_WORKBOOK_COLUMNS} FROM workbooks "
        "ORDER BY COALESCE(last_opened_at, updated_at) DESC, id DESC LIMIT 1"
    ).fetchone()
    return WorkbookInfo(*row) if row else None


#: The profile's columns are the dataclass's fields (named as `workbook.registry` names
#: them), so a field added to both is read with no change here.
_PROFILE_COLUMNS = tuple(f.name for f in fields(Profile) if f.name != "workbook_id")


def load_profile(db: Database, workbook_id: int) -> Profile:
    row = db.execute(
        f"SELECT {', '.join(_PROFILE_COLUMNS)} FROM profile WHERE workbook_id = ?",
        [workbook_id],
    ).fetchone()
    if row is None:
        get_workbook(db, workbook_id)  # raises NotFound for a missing workbook
        return Profile(workbook_id)
    return Profile(workbook_id, **dict(zip(_PROFILE_COLUMNS, row, strict=True)))


def count_workbooks(db: Database) -> int:
    return db.execute("SELECT count(*) FROM workbooks").fetchone()[0]
