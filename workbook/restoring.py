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
from pathlib import Path
from urllib.parse import quote

from workbook.backups import backup_target, copy_database, make_backup
from workbook.errors import BackupProblem, DatabaseProblem
from workbook.paths import make_owner_only, sidecar_paths
from workbook.storage import checkpoint, connect, inspect


def restore(db_path: Path, backup_path: Path) -> Path | None:
    """Replace the database with a backup, after keeping the current file.

    The backup is checked first; a bad backup changes nothing. The current
    file is backed up (or, if it is itself unreadable, copied aside byte for
    byte). Returns the path of that safety copy, if there was a file.
    No connection to `db_path` may be open.
    """
    db_path, backup_path = Path(db_path), Path(backup_path)
    try:
        inspect(backup_path, full_check=True)
    except DatabaseProblem as problem:
        raise BackupProblem(f"That backup cannot be used.\n{problem.detail}") from None

    # Copy the backup in first: keeping the current file below makes a backup, and
    # rotation could then delete the very backup being restored.
    source = sqlite3.connect(f"file:{quote(str(backup_path))}?mode=ro", uri=True)
    incoming = db_path.with_name(db_path.name + ".restoring")
    try:
        copy_database(source, incoming)
    finally:
        source.close()

    try:
        safety = _keep_current(db_path)
    except BaseException:
        incoming.unlink(missing_ok=True)
        raise
    # An old write-ahead log must never be replayed onto the restored file.
    for sidecar in sidecar_paths(db_path):
        sidecar.unlink(missing_ok=True)
    os.replace(incoming, db_path)
    make_owner_only(db_path)
    return safety


def _keep_current(db_path: Path) -> Path | None:
    """Back up the file a restore replaces, or copy it aside if it is unreadable."""
    safety: Path | None = None
    if db_path.exists():
        try:
            inspect(db_path)
            healthy = True
        except DatabaseProblem:
            healthy = False
        if healthy:
            db = connect(db_path)
            try:
                checkpoint(db)
                safety = make_backup(db, db_path, reason="before-restore")
            finally:
                db.close()
        else:
            safety = backup_target(db_path, "kept-before-restore")
            shutil.copy2(db_path, safety)
            make_owner_only(safety)
    return safety
