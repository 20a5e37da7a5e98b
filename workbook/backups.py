"""Rotating backups made with SQLite's backup API, and restoring one.

Backups live in a `backups` folder beside the database, named
`<stem>-<UTC time>-<reason>.sqlite3`. An automatic backup is made at most
once a day and only when something changed since the last one; a backup is
also made before every migration and before a restore. The newest KEEP
backups are kept. Files are owner-only. Restoring one is `workbook/restoring.py`.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from workbook.errors import BackupProblem
from workbook.paths import backup_dir, ensure_private_dir, make_owner_only

if TYPE_CHECKING:
    from sqlite_utils import Database

KEEP = 10
AUTO_INTERVAL = timedelta(days=1)
_STAMP = "%Y%m%d-%H%M%SZ"
_STAMP_PATTERN = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})-([0-9]{2})([0-9]{2})([0-9]{2})Z")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    reason: str

    @property
    def label(self) -> str:
        """How the backup is shown to a person: local time and why it was made."""
        local = self.taken_at.astimezone()
        return f"{local:%Y-%m-%d %H:%M}  ({self.reason.replace('-', ' ')})"


def _now() -> datetime:
    return datetime.now(UTC)


def list_backups(db_path: Path) -> list[Backup]:
    """Backups of this database, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    prefix = f"{db_path.stem}-"
    found = []
    # Not glob(): a name such as "team [2024]" holds glob patterns.
    for file in _named(folder, prefix):
        rest = file.name[len(prefix) : -len(".sqlite3")]
        stamp, _, reason = rest[:16], rest[16:17], rest[17:]
        # A pattern, not strptime: importing _strptime (and locale, calendar) would cost
        # the window 3 ms on its way to showing a workbook.
        parts = _STAMP_PATTERN.fullmatch(stamp)
        try:
            taken = datetime(*(int(part) for part in parts.groups()), tzinfo=UTC)
        except (AttributeError, ValueError):  # no match, or no such date
            continue
        found.append(Backup(file, taken, reason or "backup"))
    # Within one second a longer name is a later one: "auto10" comes after "auto9".
    found.sort(key=lambda b: (b.taken_at, len(b.path.name), b.path.name), reverse=True)
    return found


def _named(folder: Path, prefix: str) -> list[Path]:
    """The .sqlite3 files in `folder` whose names start with `prefix`."""
    return [
        file
        for file in folder.iterdir()
        if file.name.startswith(prefix) and file.name.endswith(".sqlite3")
    ]


def backup_target(db_path: Path, reason: str, when: datetime | None = None) -> Path:
    """A new backup file's path (its folder made if missing), named for its reason and time."""
    when = when or _now()
    folder = backup_dir(db_path)
    ensure_private_dir(folder, ours=True)
    base = f"{db_path.stem}-{when:{_STAMP}}-{reason}"
    # Number a second backup in the same second after every one already there, even
    # when rotation removed the first, so the newest always sorts newest.
    taken = [
        int(tail or 1)
        for file in _named(folder, base)
        if not (tail := file.name[len(base) : -len(".sqlite3")]) or tail.isdigit()
    ]
    counter = max(taken) + 1 if taken else 1
    target = folder / f"{base}{counter if counter > 1 else ''}.sqlite3"
    while target.exists():
        counter += 1
        target = folder / f"{base}{counter}.sqlite3"
    return target


def read_into_memory(path: Path) -> sqlite3.Connection:
    """A copy of a database file in memory, read without writing anything beside it."""
    memory = sqlite3.connect(":memory:")
    try:
        source = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
        try:
            source.backup(memory)
        finally:
            source.close()
    except BaseException:
        memory.close()
        raise
    return memory


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy a live database into `target` whole, or leave nothing behind."""
    partial = target.with_name(target.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    try:
        dest = sqlite3.connect(str(partial))
        try:
            source.backup(dest)
            # A backup is a plain single file: no write-ahead log beside it.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    make_owner_only(target)


def make_backup(db: Database, db_path: Path, *, reason: str = "manual") -> Path:
    """Back up an open database now; returns the backup's path."""
    folder = backup_dir(Path(db_path))
    try:
        # Inside the try: a folder that cannot be created is a BackupProblem too.
        target = backup_target(Path(db_path), reason, _now())
        copy_database(db.conn, target)
    except (OSError, sqlite3.Error) as error:
        raise BackupProblem(f"Could not write a backup to {folder}: {error}") from None
    rotate(Path(db_path))
    return target


def rotate(db_path: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest `keep` backups; returns what was removed."""
    removed = []
    for old in list_backups(db_path)[keep:]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def last_change(db: Database) -> datetime | None:
    """When anything in the file was last edited, as recorded by the edit functions."""
    row = db.execute("SELECT value FROM meta WHERE key = 'last_change_at'").fetchone()
    return datetime.fromisoformat(row[0]) if row else None


def backup_if_due(db: Database, db_path: Path, *, now: datetime | None = None) -> Path | None:
    """Make the daily automatic backup if one is due; returns its path or None.

    Due means: something changed since the newest backup, and that backup is
    at least a day old (or there is none).
    """
    now = now or _now()
    changed = last_change(db)
    if changed is None:
        return None
    backups = list_backups(Path(db_path))
    if backups:
        newest = backups[0]
        if not _changed_after(changed, newest) or now - newest.taken_at < AUTO_INTERVAL:
            return None
    return make_backup(db, db_path, reason="auto")


def _changed_after(changed: datetime, backup: Backup) -> bool:
    """Whether an edit at `changed` came after `backup` was taken.

    A backup's name holds its time to the second only, while edits are stamped
    to the millisecond; within that second the change the backup itself
    recorded tells whether it holds this one.
    """
    if changed < backup.taken_at:
        return False
    if changed >= backup.taken_at + timedelta(seconds=1):
        return True
    try:
        conn = sqlite3.connect(f"file:{quote(str(backup.path))}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'last_change_at'").fetchone()
        finally:
            conn.close()
        return row is None or datetime.fromisoformat(row[0]) < changed
    except (sqlite3.Error, ValueError):
        return True  # an unreadable backup holds nothing: better one too many


def find_backup(db_path: Path, name: str) -> Path:
    """A backup named on the command line: a path, or a file name in the backups folder."""
    candidate = Path(name).expanduser()
    if candidate.exists():
        return candidate
    in_folder = backup_dir(Path(db_path)) / name
    if in_folder.exists():
        return in_folder
    raise BackupProblem(
        f"There is no backup called {name!r}. Run 'career-workbook backups' to list them."
    )
