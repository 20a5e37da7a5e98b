"""Removing deleted text from the backups, so that deleting means gone.

The live file overwrites deleted text (secure delete), but each backup in the
`backups` folder is a full copy of every workbook as it was when it was made,
private journal entries included, and the last `backups.KEEP` are kept. Two
ways to clean them:

- `remove_workbook_from_backups(db_path, workbook)` removes one deleted
  workbook, with everything in it, from every backup (offered by the window
  right after a delete, and meant for the workshop hand-off);
- `purge_deleted_text(db_path, live_db)` removes from every backup each row
  that no longer exists in the live file: workbooks, and entries within the
  workbooks that remain.

What counts as "the same row":

- A workbook is its number *and* the moment it was created (`id`,
  `created_at`): numbers are reused once the highest one is deleted, so a
  new workbook with an old number is a different one. The name is not part of
  it, since a renamed workbook is still the same workbook.
- Any other row is its primary key plus, where the table has them, the
  workbook (or goal) it belongs to and its `created_at`. An entry whose number
  went to a new entry elsewhere is therefore removed. Rows of tables with no
  creation time (goals, AI tasks, milestones and so on) whose number was
  deleted and reused *within the same list of the same workbook* cannot be
  told from an edit, and stay as the older version of that entry.

Text that was merely edited stays in the backups as it was: going back to an
earlier version is what a backup is for. Only what no longer exists goes.

Each backup is rewritten safely: it is checked first (a damaged backup, or
one from a newer version, is left exactly as it was and reported, never
deleted), copied into memory, cleaned there (the deletions cascade to every
row of a workbook and, through the triggers, to the search index, which is
then merged so deleted words leave it), and written out whole with
`VACUUM INTO` under a temporary name in the same folder. That file has no free
pages and no journal, so no deleted text is written to disk on the way; it is
checked, made owner-only and put in place of the backup with `os.replace`,
keeping the backup's name (which carries its time and reason). The old file's
disk blocks are released as for any deleted file; the operating system reuses
them, but a forensic tool may still find them until it does.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workbook import search
from workbook.backups import Backup, list_backups, read_into_memory
from workbook.errors import DatabaseProblem
from workbook.paths import make_owner_only
from workbook.storage import inspect

if TYPE_CHECKING:
    from sqlite_utils import Database

    from workbook.model import WorkbookInfo

#: Rows of these tables are no one's text, or are handled on their own.
_SKIPPED_TABLES = {"meta", "workbooks"}
#: Columns that tie a row to its owner, compared along with the primary key.
_OWNER_COLUMNS = ("workbook_id", "goal_id")
_TEMPORARY_SUFFIX = ".purging"


@dataclass
class PurgeReport:
    """What cleaning the backups did, to tell the person in plain words."""

    #: How many backups there were.
    checked: int = 0
    #: The backups rewritten without the deleted text.
    cleaned: list[Path] = field(default_factory=list)
    #: Rows removed from all of them together (a workbook counts with everything in it).
    rows_removed: int = 0
    #: Backups that held nothing to remove and were left as they were.
    untouched: int = 0
    #: Backups that could not be cleaned, each with the reason; they were left as they were.
    not_cleaned: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether every backup is now free of the deleted text."""
        return not self.not_cleaned

    def summary(self) -> str:
        """A few plain sentences, one a line: what was cleaned, what was not and why."""
        return "\n".join([*self.done(), *self.problems()])

    def done(self) -> list[str]:
        if self.checked == 0:
            return ["There are no backups, so there was nothing to clean."]
        lines = []
        if self.cleaned:
            cleaned = _count(len(self.cleaned), "backup")
            if self.rows_removed:
                removed = _count(self.rows_removed, "entry", "entries")
                lines.append(f"Cleaned {cleaned}, removing {removed}.")
            else:
                held = "it" if len(self.cleaned) == 1 else "they"
                lines.append(f"Cleaned {cleaned}; {held} held no deleted entries.")
        if self.untouched:
            held = "it was" if self.untouched == 1 else "they were"
            lines.append(
                f"{_count(self.untouched, 'backup')} held nothing to remove; {held} left alone."
            )
        return lines

    def problems(self) -> list[str]:
        return [
            f"Could not clean the backup {path.name}: {why}. It was left as it was, "
            "so what was deleted may still be in it."
            for path, why in self.not_cleaned
        ]


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else (many or one + 's')}"


class _Refused(Exception):
    """A backup that cannot be cleaned; the message says why in plain words."""


# ---- the two ways to clean ------------------------------------------------------------


def remove_workbook_from_backups(db_path: Path, workbook: WorkbookInfo) -> PurgeReport:
    """Remove a deleted workbook, and everything in it, from every backup of `db_path`.

    `workbook` is the workbook as it was read before it was deleted: its `id` and
    `created_at` say which workbook it was in each backup (see the module's notes).
    Backups that do not hold it are left untouched.
    """

    def remove(conn: sqlite3.Connection) -> bool:
        # Its rows go with it (ON DELETE CASCADE), and its search entries with those.
        deleted = conn.execute(
            "DELETE FROM workbooks WHERE id = ? AND created_at = ?",
            [workbook.id, workbook.created_at],
        )
        return deleted.rowcount > 0

    return _clean_all(Path(db_path), remove, always_rewrite=False)


def purge_deleted_text(db_path: Path, live_db: sqlite3.Connection | Database) -> PurgeReport:
    """Remove from every backup of `db_path` each row that no longer exists in `live_db`.

    `live_db` is the live database (any connection that can run SELECT; it is only
    read), and must be the file these backups belong to: whatever it does not hold is
    removed from them, including what a restore replaced. Every backup is rewritten,
    so no deleted word stays behind in its free space or its search index; text that
    was only edited stays as it was (see the module's notes).
    """
    # The backups first, then what still exists: a backup made in between would hold
    # rows newer than what was read, and is simply not in this list.
    backups = list_backups(Path(db_path))
    live = _LiveRows(live_db)
    return _clean_all(Path(db_path), live.remove_the_rest, always_rewrite=True, found=backups)


class _LiveRows:
    """What still exists in the live database, read once per table."""

    def __init__(self, live_db: sqlite3.Connection | Database) -> None:
        self.db = live_db
        self.workbooks = {
            tuple(row) for row in live_db.execute("SELECT id, created_at FROM workbooks")
        }
        self._tables = {
            row[0] for row in live_db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        self._keys: dict[tuple[str, tuple[str, ...]], set[tuple]] = {}

    def columns(self, table: str) -> set[str]:
        if table not in self._tables:
            return set()
        return {row[0] for row in self.db.execute("SELECT name FROM pragma_table_info(?)", [table])}

    def keys(self, table: str, columns: tuple[str, ...]) -> set[tuple]:
        if (table, columns) not in self._keys:
            listed = ", ".join(map(_quoted, columns))
            self._keys[table, columns] = {
                tuple(row) for row in self.db.execute(f"SELECT {listed} FROM {_quoted(table)}")
            }
        return self._keys[table, columns]

    def remove_the_rest(self, conn: sqlite3.Connection) -> bool:
        """Delete from a backup (in memory) every row the live database no longer holds."""
        gone = [
            row[0]
            for row in conn.execute("SELECT rowid, id, created_at FROM workbooks")
            if tuple(row[1:]) not in self.workbooks
        ]
        # Each workbook's rows go with it (ON DELETE CASCADE), and its search entries
        # with those (triggers).
        conn.executemany("DELETE FROM workbooks WHERE rowid = ?", [[rowid] for rowid in gone])
        for table in _data_tables(conn):
            if table in _SKIPPED_TABLES:
                continue
            columns = _identity(conn, table)
            live_columns = self.columns(table)
            if not columns or not set(columns) <= live_columns:
                continue  # a table the live file does not have (yet): nothing to compare with
            live = self.keys(table, columns)
            listed = ", ".join(map(_quoted, columns))
            stale = [
                [row[0]]
                for row in conn.execute(f"SELECT rowid, {listed} FROM {_quoted(table)}")
                if tuple(row[1:]) not in live
            ]
            conn.executemany(f"DELETE FROM {_quoted(table)} WHERE rowid = ?", stale)
        return True  # rewritten even when nothing was removed: see purge_deleted_text


def _identity(conn: sqlite3.Connection, table: str) -> tuple[str, ...]:
    """The columns that say which row a row is: its primary key, owner and creation time."""
    info = conn.execute("SELECT name, pk FROM pragma_table_info(?)", [table]).fetchall()
    key = [name for name, pk in sorted(info, key=lambda row: row[1]) if pk]
    if not key:
        return ()
    names = {name for name, _ in info}
    extra = [name for name in (*_OWNER_COLUMNS, "created_at") if name in names and name not in key]
    return (*key, *extra)


def _data_tables(conn: sqlite3.Connection) -> list[str]:
    """The ordinary tables holding what people wrote: not SQLite's own, not an index's."""
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    return [
        name
        for name, _ in rows
        if name not in virtual and not any(name.startswith(f"{v}_") for v in virtual)
    ]


def _quoted(name: str) -> str:
    """A table or column name as SQL, whatever characters a backup's schema gives it."""
    return '"' + name.replace('"', '""') + '"'


def _row_count(conn: sqlite3.Connection) -> int:
    return sum(
        conn.execute(f"SELECT count(*) FROM {_quoted(table)}").fetchone()[0]
        for table in _data_tables(conn)
        if table != "meta"
    )


# ---- rewriting one backup ----------------------------------------------------------------


def _clean_all(
    db_path: Path,
    edit: Callable[[sqlite3.Connection], bool],
    *,
    always_rewrite: bool,
    found: list[Backup] | None = None,
) -> PurgeReport:
    backups = list_backups(db_path) if found is None else found
    report = PurgeReport(checked=len(backups))
    for backup in backups:
        try:
            removed = _clean_one(backup.path, edit, always_rewrite=always_rewrite)
        except _Refused as refused:
            report.not_cleaned.append((backup.path, str(refused)))
            continue
        if removed is None:
            report.untouched += 1
        else:
            report.cleaned.append(backup.path)
            report.rows_removed += removed
    return report


def _clean_one(
    path: Path, edit: Callable[[sqlite3.Connection], bool], *, always_rewrite: bool
) -> int | None:
    """Clean one backup in memory with `edit` and put the result in its place.

    `edit` deletes rows and says whether it found any to delete. Returns how many
    rows went, or None when there were none (and not `always_rewrite`): the file is
    then left as it was. Raises _Refused, with the file untouched, when the
    backup cannot be read safely or the cleaned copy cannot be written.
    """
    try:
        inspect(path, full_check=True)
    except DatabaseProblem as problem:
        raise _Refused(_why(problem)) from None

    try:
        memory = read_into_memory(path)
    except sqlite3.Error as error:
        raise _Refused(f"SQLite could not read or change it ({error})") from None
    try:
        try:
            memory.execute("PRAGMA foreign_keys = ON")
            memory.execute("PRAGMA secure_delete = ON")
            before = _row_count(memory)
            with memory:
                found = edit(memory)
            if not found and not always_rewrite:
                return None
            removed = before - _row_count(memory)
            tables = {row[0] for row in memory.execute("SELECT name FROM sqlite_master")}
            if "search_index" in tables:
                with memory:
                    search.purge_deleted_text(memory)
        except sqlite3.Error as error:
            raise _Refused(f"SQLite could not read or change it ({error})") from None
        _write_in_place(memory, path)
    finally:
        memory.close()
    return removed


def _write_in_place(memory: sqlite3.Connection, path: Path) -> None:
    """Write the cleaned database whole beside `path`, check it, then replace `path`."""
    temporary = path.with_name(path.name + _TEMPORARY_SUFFIX)
    try:
        temporary.unlink(missing_ok=True)  # left by a run that was stopped half-way
        # VACUUM INTO fills an empty file; made here so it is owner-only from the start.
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        memory.execute("VACUUM INTO ?", [str(temporary)])
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        inspect(temporary, full_check=True)
        make_owner_only(temporary)
        os.replace(temporary, path)
    except DatabaseProblem:
        temporary.unlink(missing_ok=True)
        raise _Refused("the cleaned copy did not pass SQLite's check, so it was not used") from None
    except sqlite3.Error as error:
        temporary.unlink(missing_ok=True)
        raise _Refused(f"SQLite could not write the cleaned copy ({error})") from None
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise _Refused(
            f"the cleaned copy could not be written ({error.strerror or error})"
        ) from None
    make_owner_only(path)


def _why(problem: DatabaseProblem) -> str:
    """Why a backup cannot be cleaned, as part of a sentence."""
    reasons = {
        "empty": "it is empty",
        "damaged": "it is damaged (parts of it cannot be read back)",
        "newer": "it was written by a newer version of Career Workbook",
        "foreign": "it is not a Career Workbook file",
        "not-a-database": "it is not a Career Workbook file",
    }
    return reasons.get(problem.kind) or problem.detail.rstrip(".")
