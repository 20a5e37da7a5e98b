"""Opening a workbook file, the one way: a Session for the length of a run, or one named problem.

Every opener (the window, every command, scripts) calls `Session.open`, which
tells the whole story in order:

1. follow a symbolic link to the real file (a loop or a link to nowhere is refused);
2. a writer takes the one-writer lock (`workbook/lock.py`): a window holds it for
   its whole session, a command waits a few seconds for another command and gives
   up at once when a window holds the file;
3. create a missing file (writers only), or inspect the existing one read-only;
4. a writer backs the file up and migrates it forward; a reader of an older file
   reads a migrated copy in memory and leaves the file as it is;
5. open the connection: owner-only files for a writer, a query-only one for a reader.

A read-only session (a second window, a read-only file or folder) says why in
`read_only`. Before the first write of a session, `verify()` runs SQLite's full
`integrity_check`, which finds damage `quick_check` misses (a broken index).
Closing makes the daily backup if due, folds the write-ahead log into the file,
closes the connection and lets go of the lock.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from workbook import migrations
from workbook.errors import (
    DamagedDatabase,
    DatabaseProblem,
    LockedByCommand,
    LockedByWindow,
    MissingFile,
    NotADatabase,
    PermissionDenied,
    ReadOnlyFile,
    WorkbookError,
    storage_problem,
)
from workbook.history import History
from workbook.lock import COMMAND, COMMAND_WAIT_S, WINDOW, Busy, WriterLock, quiet_moment
from workbook.paths import ensure_private_dir
from workbook.storage import (
    LazyDatabase,
    _read_connection,
    checkpoint,
    inspect,
    open_database,
)

if TYPE_CHECKING:
    from collections.abc import Collection

    from sqlite_utils import Database


class Access(Enum):
    """Who is opening the file, which decides locking, waiting and writing."""

    WINDOW = WINDOW
    COMMAND = COMMAND
    READ = "read"


def real_path(path: Path) -> Path:
    """The file a path names, symbolic links followed: the link itself is never replaced.

    A link to a missing file names that missing file (it is created there, beside
    where the link points); a loop of links is refused.
    """
    path = Path(path)
    try:
        return path.resolve(strict=False)
    except (RuntimeError, OSError):  # a loop: RuntimeError before Python 3.13
        raise NotADatabase(path, "It is a link that leads back to itself, not to a file.") from None


@dataclass
class Session:
    path: Path
    db: Database
    history: History = field(default_factory=History)
    closed: bool = False
    #: Why nothing can be saved in this session, in plain words; None when it can write.
    read_only: str | None = None
    lock: WriterLock | None = None
    #: Whether the full integrity check has passed (writers run it before their first write).
    verified: bool = False
    #: Workbooks unlocked with their PIN in this session (`workbook.locks`): the window
    #: keeps at most the one on screen; a command never unlocks one.
    unlocked: set[int] = field(default_factory=set)
    _damage: DamagedDatabase | None = field(default=None, repr=False)

    @classmethod
    def open(
        cls, path: Path, access: Access = Access.WINDOW, *, lock: WriterLock | None = None
    ) -> Session:
        """Open the file at `path` for `access`; raises one DatabaseProblem if it cannot.

        A window that finds the file held by another window gets `LockedByWindow`, and
        a read-only file or folder `ReadOnlyFile`: it may then open with `Access.READ`.
        `lock` hands over a lock the caller already holds (reopening after a restore).
        """
        path = real_path(path)
        if access is Access.READ:
            return cls._open_reader(path)
        if lock is None:
            lock = take_lock(path, access)
        try:
            if _exists(path):
                _check_writable(path)
            # Nobody else can write while the lock is held: a look that leaves a refused
            # file exactly as it was can read it as it stands.
            db = open_database(path, lazy=True, locked=True)
        except BaseException:
            lock.release()
            raise
        session = cls(path, db, lock=lock)
        db.before_write = session.verify
        tighten_backups(path)
        if access is Access.COMMAND:
            # A command writes at once: check the whole file before it does.
            try:
                session.verify()
            except BaseException:
                session.close()
                raise
            session.backup_if_due()
        # A window backs up once the whole file is checked (`prepare`): a damaged file
        # must never take the place of a good backup.
        return session

    @classmethod
    def _open_reader(cls, path: Path, reason: str | None = None) -> Session:
        if not _exists(path):
            raise MissingFile(path)
        # A command reads for a moment: while no writer holds the file it reads the file
        # as it stands, making no -wal or -shm beside it (made by a reader, they carry its
        # owner and the file's mode, and can stop the file's owner from writing later). A
        # window reads for hours, while writers may come: it reads through SQLite's log.
        lasting = reason is not None
        with quiet_moment(path) as quiet:
            version = inspect(path, locked=quiet)
            conn = _read_connection(path, locked=quiet and not lasting)
        if version < migrations.SCHEMA_VERSION:
            # An older file is read through a migrated copy in memory: a reader never
            # migrates, backs up or changes the mode of the file itself.
            memory = sqlite3.connect(":memory:")
            try:
                conn.backup(memory)
            except sqlite3.Error as error:
                raise storage_problem(path, error) from None
            finally:
                conn.close()
            conn = memory
            db = LazyDatabase(conn)
            migrations.apply(db)
            conn.execute("PRAGMA query_only = ON")
        return cls(path, LazyDatabase(conn), read_only=reason or "", verified=True)

    @classmethod
    def open_read_only(cls, path: Path, reason: str) -> Session:
        """Open for reading only, saying why nothing can be saved (shown in a banner)."""
        return cls._open_reader(real_path(path), reason)

    def verify(self) -> None:
        """Run the full integrity check once, before the first write; raises DamagedDatabase.

        A window starts the check in the background once the workbook is on screen
        (`integrity_problems` on another thread, then `record_check`); a write that
        comes first runs it here and waits for it."""
        if self._damage is not None:
            raise self._damage
        if self.verified or self.read_only is not None:
            return
        try:
            problems = [row[0] for row in self.db.conn.execute("PRAGMA integrity_check(5)")]
        except sqlite3.DatabaseError as error:
            raise storage_problem(self.path, error) from None
        self.record_check(problems)
        if self._damage is not None:
            raise self._damage

    def record_check(self, problems: list[str]) -> None:
        """Take the result of a full integrity check run elsewhere (`integrity_problems`)."""
        if problems == ["ok"]:
            self.verified = True
        else:
            self._damage = DamagedDatabase(self.path, "; ".join(problems[:3]))

    @property
    def damage(self) -> DamagedDatabase | None:
        """The damage the full check found, if it found any."""
        return self._damage

    def prepare(self) -> None:
        """Load what edits need (sqlite-utils, the door) while nothing waits for it: once
        the whole file is checked (loading it opens the way to writes, which need the check)."""
        if self.closed or self.read_only is not None or not self.verified:
            return
        # A long-running app still gets its daily backup: on open as well as on close.
        self.backup_if_due()
        prepare = getattr(self.db, "prepare", None)
        if prepare is not None:
            prepare()
        import workbook.door  # noqa: F401 - every edit goes through it (~5 ms to load)

    def backup_if_due(self) -> None:
        """The daily backup, of a file the full check found sound; a full disk must not
        stop the person from working (closing tries again)."""
        if self.verified and self._damage is None and self.read_only is None:
            from workbook.backups import backup_if_due  # not on the way to the first workbook

            with contextlib.suppress(WorkbookError):
                backup_if_due(self.db, self.path)

    def close(self, *, keep_lock: bool = False) -> None:
        """Back up if due, checkpoint, close and let go of the lock. Safe to call twice.

        `keep_lock` keeps the writer lock held (a window restoring a backup)."""
        if self.closed:
            return
        self.closed = True
        try:
            if self.read_only is None:
                self._close_writer()
        finally:
            self.db.conn.close()
            if self.lock is not None and not keep_lock:
                self.lock.release()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _close_writer(self) -> None:
        self.backup_if_due()
        # Words from text rewritten during the session leave the search index; a
        # session that only read (sqlite-utils never loaded) rewrote nothing.
        if getattr(self.db, "loaded", True):
            from workbook.search import purge_deleted_text

            with contextlib.suppress(sqlite3.Error):
                purge_deleted_text(self.db)
                self.db.conn.commit()
        with contextlib.suppress(sqlite3.Error):
            checkpoint(self.db)


def integrity_problems(path: Path) -> list[str]:
    """SQLite's full integrity check of a file on a connection of its own (any thread);
    ["ok"] when it is sound. Read-only: it never writes or locks anything."""
    conn = _read_connection(Path(path))
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        conn.close()


def check_file(path: Path) -> int:
    """Check a whole file for damage as a reader, changing nothing; returns its format.

    Raises the DatabaseProblem that names what is wrong."""
    path = real_path(path)
    if not _exists(path):
        raise MissingFile(path)
    with quiet_moment(path) as quiet:
        return inspect(path, full_check=True, locked=quiet)


def tighten_backups(path: Path) -> None:
    """Backups hold every private word: make them owner-only if an older version did not."""
    from workbook.paths import backup_dir, make_owner_only

    folder = backup_dir(path)
    try:
        if not folder.is_dir():
            return
        if folder.stat().st_mode & 0o077:
            ensure_private_dir(folder, ours=True)
        for file in folder.iterdir():
            if file.is_file() and file.stat().st_mode & 0o077:
                make_owner_only(file)
    except OSError:
        return  # a folder that cannot be read or changed: nothing better to do here


def take_lock(path: Path, access: Access) -> WriterLock:
    """The writer lock for `path`, or the problem that says who holds it."""
    from workbook.paths import is_data_dir

    # Both wait for a command (it finishes in moments); a window is never waited for.
    wait = COMMAND_WAIT_S
    try:
        ensure_private_dir(path.parent, ours=is_data_dir(path.parent))
        return WriterLock.acquire(path, access.value, wait_s=wait)
    except Busy as busy:
        pid = busy.holder.pid if busy.holder else None
        if busy.holder is not None and busy.holder.kind == WINDOW:
            raise LockedByWindow(path, pid) from None
        raise LockedByCommand(path, pid) from None
    except OSError as error:
        problem = storage_problem(path, error)
        if isinstance(problem, MissingFile):  # the folder itself is missing and cannot be made
            raise problem from None
        if _denied(error) and not os.access(path.parent, os.R_OK | os.X_OK):
            raise PermissionDenied(path, "folder") from None
        if _denied(error) and path.exists() and not os.access(path, os.R_OK):
            raise PermissionDenied(path) from None
        raise (ReadOnlyFile(path, folder=True) if _read_only_folder(error) else problem) from None


def _exists(path: Path) -> bool:
    """Whether the file is there; a folder on the way this user may not enter is named."""
    try:
        return path.exists()
    except OSError as error:
        raise (
            PermissionDenied(path, "file or the folder it is in")
            if _denied(error)
            else storage_problem(path, error)
        ) from None


def _denied(error: OSError) -> bool:
    import errno

    return error.errno in (errno.EACCES, errno.EPERM)


def _read_only_folder(error: OSError) -> bool:
    """A lock file that cannot be made in a folder this user can read: it cannot be written."""
    import errno

    return _denied(error) or error.errno == errno.EROFS


def _check_writable(path: Path) -> None:
    """A writer refuses a file it cannot write, before SQLite half-opens it."""
    if not os.access(path, os.R_OK):
        raise PermissionDenied(path)
    if not os.access(path, os.W_OK):
        raise ReadOnlyFile(path)
    if not os.access(path.parent, os.W_OK):
        raise ReadOnlyFile(path, folder=True)


def restore_backup(
    path: Path,
    backup: Path,
    *,
    lock: WriterLock | None = None,
    unlocked: Collection[int] = (),
) -> Path | None:
    """Replace the file at `path` with a backup, holding the writer lock meanwhile.

    A caller that already holds the lock (a window restoring its own file) passes
    it; otherwise it is taken as a command's. A file with a workbook locked with a PIN
    is refused unless the caller has unlocked it (`unlocked`, as `Session.unlocked`).
    Returns where the replaced file was kept.
    """
    from workbook.restoring import restore

    path = real_path(path)
    own = lock is None
    if own:
        lock = take_lock(path, Access.COMMAND)
    try:
        return restore(path, Path(backup), unlocked)
    finally:
        if own:
            lock.release()


def start_new_file(path: Path, problem: DatabaseProblem) -> Path:
    """Move a damaged or emptied file aside so a new one can start; returns where it went.

    Refused for any problem that does not mean the file's contents are already lost
    or damaged: a healthy file is never moved."""
    from workbook.storage import set_aside

    if not problem.offer_new_file:
        raise problem
    path = real_path(path)
    with take_lock(path, Access.COMMAND):
        # The file may have been mended or replaced since the problem was found.
        try:
            inspect(path, full_check=True, locked=True)
        except DatabaseProblem as still:
            if not still.offer_new_file:
                raise
        else:
            raise DatabaseProblem(path, "The file can be opened now; it was not moved.")
        return set_aside(path, problem.kind)
