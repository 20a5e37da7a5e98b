"""One writer per database file: an operating-system lock on `<db>.lock`.

The window holds the lock for its whole session; a command that writes holds
it for the length of the command. The lock is on a separate file, never on
the database itself (SQLite's own locks live there, and closing any handle
on a file drops a POSIX lock on it). The operating system frees the lock
when its process ends, however it ends, so no stale lock ever survives a
crash. The lock file also says who holds it ("window" or "command" and a
process id), so a command can tell a person which one is in the way.

Linux and macOS use `fcntl.flock`; Windows uses `msvcrt.locking` on the
file's first byte. Nothing else in the program knows which.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

WINDOW = "window"
COMMAND = "command"
#: How long a command waits for another command to finish with the file.
COMMAND_WAIT_S = 5.0
_POLL_S = 0.05


def lock_path(db_path: Path) -> Path:
    """The lock file that belongs to a database file."""
    return db_path.with_name(db_path.name + ".lock")


@dataclass(frozen=True)
class Holder:
    """Who holds a lock, as written in the lock file by the holder."""

    kind: str
    pid: int


class Busy(Exception):
    """Another process holds the lock; `holder` says who, when the file tells."""

    def __init__(self, holder: Holder | None) -> None:
        super().__init__(holder)
        self.holder = holder


if sys.platform == "win32":  # pragma: no cover - tested on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    # Windows locks bytes, and a locked byte cannot be read by others: the holder's
    # note is written after a gap so the locked first byte never hides it.
    _NOTE_AT = 16
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)

    _NOTE_AT = 0


def read_holder(db_path: Path) -> Holder | None:
    """Who the lock file says holds the lock (it may be stale if nobody holds it now)."""
    try:
        with open(lock_path(db_path), "rb") as handle:
            handle.seek(_NOTE_AT)
            kind, _, pid = handle.read(64).decode("ascii", "replace").strip().partition(" ")
        return Holder(kind, int(pid)) if kind in (WINDOW, COMMAND) else None
    except (OSError, ValueError):
        return None


class WriterLock:
    """The one-writer lock on a database file, held until `release()` or the process ends."""

    def __init__(self, db_path: Path, fd: int, kind: str) -> None:
        self.db_path = db_path
        self.kind = kind
        self._fd: int | None = fd

    @classmethod
    def acquire(
        cls, db_path: Path, kind: str, *, wait_s: float = 0.0, create: bool = True
    ) -> WriterLock:
        """Take the lock for `kind` ("window" or "command").

        Waits up to `wait_s` seconds while another *command* holds it; a window
        holds a file for hours, so waiting for one is pointless and `Busy` is
        raised at once. Raises OSError when the lock file cannot be made (a
        read-only folder, for example).
        """
        path = lock_path(Path(db_path))
        fd = os.open(path, os.O_RDWR | (os.O_CREAT if create else 0), 0o600)
        deadline = time.monotonic() + wait_s
        try:
            while not _try_lock(fd):
                holder = read_holder(db_path)
                if (holder is not None and holder.kind == WINDOW) or time.monotonic() >= deadline:
                    raise Busy(holder)
                time.sleep(_POLL_S)
        except BaseException:
            os.close(fd)
            raise
        note = f"{kind} {os.getpid()}\n".encode("ascii")
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.lseek(fd, _NOTE_AT, os.SEEK_SET)
            os.write(fd, note)
        return cls(Path(db_path), fd, kind)

    def release(self) -> None:
        """Let go of the lock. The lock file stays: removing it would race a new holder."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        _unlock(fd)
        os.close(fd)

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


@contextlib.contextmanager
def quiet_moment(db_path: Path) -> Iterator[bool]:
    """For a reader's first look: yields whether nobody can be writing the file meanwhile.

    Holds the lock for the moment, without waiting, if it is free; makes no lock
    file where none is (a file no writer of ours has opened). A reader never waits
    and never stops a writer for longer than its look.
    """
    try:
        lock = WriterLock.acquire(db_path, COMMAND, create=False)
    except FileNotFoundError:
        yield True
        return
    except (Busy, OSError):
        yield False
        return
    try:
        yield True
    finally:
        lock.release()
