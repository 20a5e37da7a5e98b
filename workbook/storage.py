"""Opening a workbook database safely, and keeping it healthy.

A file is inspected read-only before anything writes to it: a zero-byte
file, a file that is not SQLite, a damaged one, another program's database
or one from a newer version is refused with a plain explanation and left
byte-for-byte as it was. Only a healthy file (or a new one) is opened for
writing, with WAL, foreign keys, secure delete and owner-only permissions,
and migrated forward after a backup.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from workbook import migrations
from workbook.errors import (
    DamagedDatabase,
    EmptyFile,
    ForeignDatabase,
    NewerVersion,
    NotADatabase,
    storage_problem,
)
from workbook.paths import ensure_private_dir, make_owner_only, sidecar_paths

if TYPE_CHECKING:
    from sqlite_utils import Database

SQLITE_HEADER = b"SQLite format 3\x00"
# Written into every file we create, so another program's database is told apart.
APPLICATION_ID = 0x43574B42  # "CWKB"


def inspect(path: Path, *, full_check: bool = False, locked: bool = False) -> int:
    """Check an existing file without writing to it; return its schema version.

    Raises a DatabaseProblem subclass that says what is wrong. `full_check`
    runs SQLite's `integrity_check` instead of the quicker `quick_check`.
    `locked` says the caller holds the writer lock, so nobody can be writing.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except IsADirectoryError:
        raise NotADatabase(path, "It is a folder, not a file.") from None
    except OSError as error:
        raise storage_problem(path, error) from None
    if size == 0:
        raise EmptyFile(path)
    if header != SQLITE_HEADER:
        raise NotADatabase(path)

    conn = _read_connection(path, locked=locked)
    try:
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {
                row[0]
                for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            check = "integrity_check" if full_check else "quick_check"
            problems = [row[0] for row in conn.execute(f"PRAGMA {check}(5)")]
        except sqlite3.DatabaseError as error:
            raise storage_problem(path, error) from None
    finally:
        conn.close()

    if problems != ["ok"]:
        raise DamagedDatabase(path, "; ".join(problems[:3]))
    if app_id not in (0, APPLICATION_ID) or (version > 0 and "workbooks" not in tables):
        raise ForeignDatabase(path)
    if version == 0 and tables:
        raise ForeignDatabase(path)
    if version > migrations.SCHEMA_VERSION:
        raise NewerVersion(path, version, migrations.SCHEMA_VERSION)
    return version


def _read_connection(path: Path, *, locked: bool = False) -> sqlite3.Connection:
    """A connection that cannot write, for looking at a file that may be refused.

    SQLite owns its -wal and -shm files: this never deletes one, because another
    process may have opened the database meanwhile and two copies of the WAL index
    overwrite each other's commits. To leave a refused file exactly as it was, a
    writer holding the lock reads a file with no write-ahead log as immutable, which
    creates nothing; with the lock held nobody else can be writing it.
    """
    wal = sidecar_paths(path)[0]
    uri = f"file:{quote(str(path))}?mode=ro"
    # In a folder nobody can write, no one can be writing a log either; SQLite could not
    # make its index files there, so it reads the file as it stands.
    no_log = not wal.exists() or wal.stat().st_size == 0
    if no_log and (locked or not os.access(path.parent, os.W_OK)):
        uri += "&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=5.0)
        conn.execute("PRAGMA query_only = ON")
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as error:
        # On a full disk SQLite cannot make its shared-memory index to read a WAL file;
        # with no log to replay, the file alone holds everything, so it is read as it is.
        if no_log and "immutable" not in uri:
            with contextlib.suppress(sqlite3.Error):
                conn = sqlite3.connect(uri + "&immutable=1", uri=True)
                conn.execute("PRAGMA query_only = ON")
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
                return conn
        raise storage_problem(path, error) from None
    except sqlite3.Error as error:
        raise storage_problem(path, error) from None


def _connection(path: Path) -> sqlite3.Connection:
    """A sqlite3 connection with the settings every connection must have."""
    conn = sqlite3.connect(str(path), timeout=5.0)
    conn.execute("PRAGMA foreign_keys = ON")
    # Deleted text is overwritten in the file, not merely unlinked.
    conn.execute("PRAGMA secure_delete = ON")
    # NORMAL in WAL mode survives a killed process; only a power cut can
    # drop the last commits, and never corrupts the file.
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def connect(path: Path) -> Database:
    """Open a connection with the settings every connection must have."""
    from sqlite_utils import Database

    return Database(_connection(path), execute_plugins=False)


#: A statement that only reads: the same on a sqlite3 connection as through sqlite-utils.
_READ_ONLY = re.compile(r"\s*SELECT\b", re.IGNORECASE)


class LazyDatabase:
    """The open workbook database, for a window that shows a workbook before sqlite-utils
    has loaded (importing it takes about 60 ms, more than half the bare window's start).

    Reads (SELECT) run on the sqlite3 connection straight away, as `Database.execute`
    would run them. Anything else, a write, a transaction or any other part of
    sqlite-utils's `Database`, makes that `Database` on the same connection first, and
    from then on everything goes through it. `prepare()` makes it ahead of need.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._database: Database | None = None
        #: Runs before the first write may happen (the session's full integrity check);
        #: if it raises, nothing is written and the next write asks again.
        self.before_write: Callable[[], None] | None = None

    @property
    def database(self) -> Database:
        if self._database is None:
            if self.before_write is not None:
                self.before_write()
            from sqlite_utils import Database

            self._database = Database(self.conn, execute_plugins=False)
        return self._database

    @property
    def loaded(self) -> bool:
        """Whether sqlite-utils is in use: every write so far went through it."""
        return self._database is not None

    def prepare(self) -> None:
        """Load sqlite-utils now (when the window is idle), not at the first edit."""
        self.database  # noqa: B018 - made for its side effect

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        if self._database is None and _READ_ONLY.match(sql):
            return (
                self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)
            )
        return self.database.execute(sql, parameters)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.database, name)

    def __getitem__(self, table: str) -> Any:
        return self.database[table]


def _clear_abandoned_creations(path: Path) -> None:
    """Remove half-made files left by a program killed while creating this database.

    Only those of processes that no longer run: a half-made file holds nothing typed."""
    prefix = f"{path.name}.creating-"
    try:
        found = [f for f in path.parent.iterdir() if f.name.startswith(prefix)]
    except OSError:
        return
    for file in found:
        pid = file.name[len(prefix) :].split("-")[0]
        if not pid.isdigit() or _running(int(pid)):
            continue
        with contextlib.suppress(OSError):
            file.unlink()


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it runs, as somebody else
    return True


def _create(path: Path) -> None:
    """Build a new, fully migrated database beside `path`, then move it into place.

    Built under a temporary name so that a program killed half-way never
    leaves an empty or half-made file where the workbook should be.
    """
    ensure_private_dir(path.parent)
    _clear_abandoned_creations(path)
    partial = path.with_name(f"{path.name}.creating-{os.getpid()}")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
        db = connect(partial)
        try:
            with db.ensure_autocommit_on():
                db.execute("PRAGMA journal_mode = WAL")
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            migrations.apply(db)
            checkpoint(db)
        finally:
            db.close()
        for side in sidecar_paths(partial):
            side.unlink(missing_ok=True)
        os.replace(partial, path)
    except (OSError, sqlite3.Error) as error:
        raise storage_problem(path, error) from None
    finally:
        partial.unlink(missing_ok=True)


def open_database(
    path: Path, *, migrate: bool = True, lazy: bool = False, locked: bool = False
) -> Database:
    """Open (or create) the workbook database at `path`, ready for edits.

    An existing file is inspected first and refused if unsafe; nothing is
    written to a refused file. Before a migration the file is backed up.
    With `lazy`, a `LazyDatabase` that loads sqlite-utils only when it must.
    The program opens files through `Session.open`, which takes the writer
    lock first (and says so with `locked`); tests and scripts may call this alone.
    """
    path = Path(path)
    if not path.exists():
        _create(path)
    version = inspect(path, locked=locked)
    try:
        conn = _connection(path)
        # A fresh connection is in no transaction, which this pragma needs.
        conn.execute("PRAGMA journal_mode = WAL")
        db = LazyDatabase(conn)
        if migrate and version < migrations.SCHEMA_VERSION:
            if version > 0:
                from workbook.backups import make_backup  # only before migrating a file

                make_backup(db, path, reason=f"before-migration-to-v{migrations.SCHEMA_VERSION}")
            migrations.apply(db)
    except sqlite3.Error as error:
        raise storage_problem(path, error) from None
    for file in [path, *sidecar_paths(path)]:
        make_owner_only(file)
    return db if lazy else db.database


def schema_version(db: Database) -> int:
    """The schema version recorded in an open database."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def checkpoint(db: Database) -> None:
    """Fold the write-ahead log into the main file (used before copies and on close)."""
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def set_aside(path: Path, kind: str) -> Path:
    """Rename a refused file (and its sidecars) out of the way, bytes untouched.

    Used when the person chooses to start a new file where a damaged one
    was; returns where the old file now is, so they can be told.
    """
    from datetime import datetime

    path = Path(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{kind}-{stamp}")
    counter = 2
    while target.exists():
        target = path.with_name(f"{path.name}.{kind}-{stamp}-{counter}")
        counter += 1
    os.replace(path, target)
    for side, moved in zip(sidecar_paths(path), sidecar_paths(target), strict=True):
        if side.exists():
            os.replace(side, moved)
    return target
