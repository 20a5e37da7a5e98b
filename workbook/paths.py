"""Where files live: the one place that decides every path the program uses.

The default database sits in the platform's user data folder (platformdirs).
`--db PATH` or the CAREER_WORKBOOK_HOME environment variable (used by tests
and by coaches who keep workbooks on a USB stick) override it. Backups live
in a `backups` folder beside whichever database is open.
"""

from __future__ import annotations

import contextlib
import errno
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


#: What a file system that cannot keep Unix modes answers to chmod: a FAT or exFAT USB
#: stick (EPERM), a network share (EACCES, EPERM), one without the call (ENOTSUP, ENOSYS),
#: a mode it has no bits for (EINVAL), a read-only one (EROFS). The file works all the same.
_MODE_REFUSED = frozenset(
    (errno.EPERM, errno.EACCES, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS)
) | {errno.EROFS}


def set_mode(path: str | os.PathLike[str], mode: int) -> None:
    """chmod, carrying on silently where the file system cannot take a mode or the file has
    gone; any other failure is raised."""
    try:
        os.chmod(path, mode)
    except FileNotFoundError:
        pass
    except OSError as error:
        if error.errno not in _MODE_REFUSED:
            raise


def ensure_private_dir(folder: Path, *, ours: bool = False) -> None:
    """Create a folder readable by the owner only (0700) if it does not exist.

    Every folder made on the way is 0700 too, not only the last: with
    CAREER_WORKBOOK_HOME set, the cache folder lives inside the data folder,
    and whichever is made first must not leave the other open to everyone.
    A folder that already exists is left as it is: `--db` may point into a
    folder of the person's own, such as Documents. Only one that is `ours`
    (the data, cache and backups folders) is made 0700 if an older version
    left it open.
    """
    if ours:
        with contextlib.suppress(OSError):
            if Path(folder).stat().st_mode & 0o077:
                set_mode(Path(folder), 0o700)
    missing: list[Path] = []
    current = Path(folder)
    while not current.exists() and current.parent != current:
        missing.append(current)
        current = current.parent
    for made in reversed(missing):
        try:
            made.mkdir(mode=0o700)
        except FileExistsError:
            continue  # made by another process meanwhile: theirs to set
        # mkdir's mode goes through the umask; chmod makes it exactly 0700.
        set_mode(made, 0o700)


def is_data_dir(folder: Path) -> bool:
    """Whether `folder` is the program's own data folder (not one `--db` pointed to)."""
    try:
        return Path(folder).resolve() == data_dir().resolve()
    except OSError:
        return False


def make_owner_only(path: Path) -> None:
    """Restrict a data file to its owner (0600); a missing file, or a file system that
    cannot keep modes (a USB stick), is passed over silently."""
    set_mode(path, 0o600)
