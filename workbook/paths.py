"""Where files live: the one place that decides every path the program uses.

The default database sits in the platform's user data folder (platformdirs).
`--db PATH` or the CAREER_WORKBOOK_HOME environment variable (used by tests
and by coaches who keep workbooks on a USB stick) override it. Backups live
in a `backups` folder beside whichever database is open.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

APP_DIR_NAME = "career-workbook"
DB_FILE_NAME = "workbook.sqlite3"
BACKUP_DIR_NAME = "backups"
HOME_ENV = "CAREER_WORKBOOK_HOME"


def data_dir() -> Path:
    """The folder that holds the default database."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    # Imported here so that `--db` runs never pay for platform probing.
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_DIR_NAME, appauthor=False))


def cache_dir() -> Path:
    """The folder for files derived from others, safe to delete at any time."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser() / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_DIR_NAME, appauthor=False))


def default_db_path() -> Path:
    """The database used when no `--db` is given."""
    return data_dir() / DB_FILE_NAME


def resolve_db_path(db: str | os.PathLike[str] | None) -> Path:
    """The database to open: the one named on the command line, else the default."""
    if db:
        return Path(db).expanduser().absolute()
    return default_db_path()


def backup_dir(db_path: Path) -> Path:
    """The backups folder that belongs to a database file."""
    return db_path.parent / BACKUP_DIR_NAME


def sidecar_paths(db_path: Path) -> list[Path]:
    """SQLite's write-ahead log and shared-memory files for a database."""
    return [db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm")]


def ensure_private_dir(folder: Path) -> None:
    """Create a folder readable by the owner only (0700) if it does not exist."""
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
        os.chmod(folder, 0o700)


def make_owner_only(path: Path) -> None:
    """Restrict a data file to its owner (0600); a missing file is ignored."""
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, 0o600)
