"""Files written whole or not at all: the PDF, the workbook file, the content cache.

`atomic_file` hands out a temporary file in the destination's folder; only
when the caller's block finishes does the data reach the disk (fsync) and
replace the destination in one step (`os.replace`). On any error, or a
cancel, the temporary file is removed and an existing destination is left
exactly as it was, so a full disk never leaves half a PDF behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from workbook.paths import set_mode


def _default_mode() -> int:
    """What a newly created file would get: 0666 less the process's umask."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o644


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_file(
    path: str | os.PathLike[str], *, private: bool = False, durable: bool = True
) -> Iterator[BinaryIO]:
    """Write `path` through a temporary file that replaces it only once complete.

    A `private` file is readable by its owner only (0600, as mkstemp makes it),
    also when it replaces a file anyone could read; otherwise it keeps the mode of
    the file it replaces, or gets the usual one (0666 less the umask).
    A file that is not `durable` (a cache) skips the fsyncs.
    """
    # A link is followed, never replaced by the new file: the file it names is written.
    target = Path(path).resolve() if Path(path).is_symlink() else Path(path)
    folder = target.parent
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(target)) from error
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if not private:
            try:
                mode = stat.S_IMODE(target.stat().st_mode)
            except FileNotFoundError:
                mode = _default_mode()
            set_mode(temp, mode)  # a USB stick may keep no modes: the file is fine
        os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        if error.filename is None:
            # A write or fsync error names no file; the person needs to know which one.
            raise OSError(error.errno, error.strerror, str(target)) from error
        raise
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if durable:
        _sync_folder(folder)
