"""An open database for the length of a run: connection, undo history, clean close.

Both the window and scripts use a Session, so closing always does the same
things: make the daily backup if due, fold the write-ahead log into the
file and close the connection.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.backups import backup_if_due
from workbook.errors import WorkbookError
from workbook.history import History
from workbook.search import purge_deleted_text
from workbook.storage import checkpoint, open_database

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass
class Session:
    path: Path
    db: Database
    history: History = field(default_factory=History)
    closed: bool = False

    @classmethod
    def open(cls, path: Path) -> Session:
        """Open (or create) the database at `path`; raises DatabaseProblem if unsafe."""
        # Lazy: the window shows a workbook through reads alone, before sqlite-utils loads.
        session = cls(Path(path), open_database(Path(path), lazy=True))
        # A long-running app still gets its daily backup: check on open as well as on close.
        # A full disk must not stop the person from working; closing tries again.
        with contextlib.suppress(WorkbookError):
            backup_if_due(session.db, session.path)
        return session

    def prepare(self) -> None:
        """Load what edits need (sqlite-utils) now, while nothing waits for it."""
        prepare = getattr(self.db, "prepare", None)
        if prepare is not None and not self.closed:
            prepare()

    def close(self) -> None:
        """Back up if due, checkpoint and close. Safe to call twice."""
        if self.closed:
            return
        self.closed = True
        with contextlib.suppress(WorkbookError):
            backup_if_due(self.db, self.path)
        try:
            # Words from text rewritten during the session leave the search index; a
            # session that only read (sqlite-utils never loaded) rewrote nothing.
            if getattr(self.db, "loaded", True):
                with contextlib.suppress(sqlite3.Error):
                    purge_deleted_text(self.db)
                    self.db.conn.commit()
            checkpoint(self.db)
        finally:
            self.db.conn.close()
