"""Restoring a backup: the backup is checked, the current file kept, then replaced.

Apart from `workbook/backups.py` (making, listing and rotating backups) because a
restore needs the storage layer (inspecting, connecting, checkpointing), and the
storage layer needs a backup before it migrates: kept apart, neither imports the
other. The program restores through `workbook.session.restore_backup`, which
holds the writer lock while the file is replaced.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Collection
from pathlib import Path

from workbook.backups import backup_target, copy_database, make_backup, read_into_memory
from workbook.errors import BackupProblem, DatabaseProblem
from workbook.paths import make_owner_only, sidecar_paths
from workbook.storage import checkpoint, connect, inspect


def restore(db_path: Path, backup_path: Path, unlocked: Collection[int] = ()) -> Path | None:
    """Put a backup's contents in place of the database's, after keeping the current file.

    The backup is checked first; a bad backup changes nothing. The current
    file is backed up (or, if it is itself unreadable, copied aside byte for
    byte). Returns the path of that safety copy, if there was a file. The
    caller holds the writer lock (`workbook.session.restore_backup`).

    A sound current file receives the backup through SQLite's backup API, as a
    write: it stays where it is, in WAL mode, its -wal and -shm stay SQLite's,
    and a reader that has it open sees the restored contents. Only a damaged
    or missing file is replaced as a file.

    A sound file holding a workbook locked with a PIN (other than those in `unlocked`,
    opened by the caller) is refused whole (`workbook.locks.LockedInFile`). A damaged
    one, by the full integrity check, is not: its locks can be neither trusted nor
    lifted, and the backup is then all there is.
    """
    db_path, backup_path = Path(db_path), Path(backup_path)
    try:
        # Backups are written only by the lock's holder, which the caller is.
        inspect(backup_path, full_check=True, locked=True)
    except DatabaseProblem as problem:
        raise BackupProblem(f"That backup cannot be used.\n{problem.detail}") from None

    # Read the backup in first: keeping the current file below makes a backup, and
    # rotation could then delete the very backup being restored.
    incoming = read_into_memory(backup_path)
    try:
        healthy = _healthy(db_path)
        if healthy and _sound(db_path):
            _refuse_if_locked(db_path, unlocked)
        safety = _keep_current(db_path, healthy)
        if healthy:
            live = connect(db_path)
            try:
                incoming.backup(live.conn)
                checkpoint(live)
            finally:
                live.close()
        else:
            _replace_file(db_path, incoming)
    finally:
        incoming.close()
    make_owner_only(db_path)
    return safety


def _sound(db_path: Path) -> bool:
    """Whether the whole file passes the full integrity check. A file the window found
    damaged may pass the quick one (a broken index), and its locks cannot be trusted nor
    lifted (unlocking writes): the backup is then all there is, PIN or not."""
    try:
        inspect(db_path, full_check=True, locked=True)
    except DatabaseProblem:
        return False
    return True


def _refuse_if_locked(db_path: Path, unlocked: Collection[int]) -> None:
    from workbook.locks import refuse_restore_if_locked

    live = connect(db_path)
    try:
        refuse_restore_if_locked(live, unlocked)
    except sqlite3.DatabaseError:
        return  # unreadable where the locks are: damaged after all, so not refused
    finally:
        live.close()


def _healthy(db_path: Path) -> bool:
    if not db_path.exists():
        return False
    try:
        inspect(db_path, locked=True)
    except DatabaseProblem:
        return False
    return True


def _replace_file(db_path: Path, incoming: sqlite3.Connection) -> None:
    """A damaged or missing file is replaced whole; its old log must never be replayed
    onto the restored file. No one can be using a file that cannot be opened."""
    partial = db_path.with_name(db_path.name + ".restoring")
    copy_database(incoming, partial)
    for sidecar in sidecar_paths(db_path):
        sidecar.unlink(missing_ok=True)
    os.replace(partial, db_path)


def _keep_current(db_path: Path, healthy: bool) -> Path | None:
    """Back up the file a restore replaces, or copy it aside if it is unreadable."""
    if not db_path.exists():
        return None
    if healthy:
        db = connect(db_path)
        try:
            checkpoint(db)
            return make_backup(db, db_path, reason="before-restore")
        finally:
            db.close()
    safety = backup_target(db_path, "kept-before-restore")
    shutil.copy2(db_path, safety)
    make_owner_only(safety)
    return safety
