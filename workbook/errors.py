"""Problems the program explains to a person, in plain words.

Every exception here carries a message fit to show as it is: which file,
what is wrong with it, and that nothing was changed. The GUI shows it in a
dialog and the command line prints it on stderr; neither shows a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3


class WorkbookError(Exception):
    """Base of all problems shown to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidEdit(WorkbookError):
    """An edit was refused because its value does not fit the field."""


class NotFound(WorkbookError):
    """A workbook or entry that was asked for does not exist."""


class DatabaseProblem(WorkbookError):
    """A database file cannot be opened safely; the file was left untouched."""

    kind = "problem"
    #: Whether restoring a backup is a sensible offer for this problem.
    offer_backup = True
    #: Whether starting a new file (moving this one aside) is a sensible offer: only for a
    #: file whose contents are already lost or damaged, never for a healthy one.
    offer_new_file = False

    def __init__(self, path: Path, detail: str) -> None:
        self.path = Path(path)
        self.detail = detail
        super().__init__(
            f"Career Workbook cannot open {self.path}.\n{detail}\n"
            "The file has been left exactly as it was."
        )


class EmptyFile(DatabaseProblem):
    kind = "empty"
    offer_new_file = True

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            "The file is empty (0 bytes), so whatever it held was lost before this "
            "program opened it, for example when a disk filled up or a copy was cut short.",
        )


class NotADatabase(DatabaseProblem):
    kind = "not-a-database"

    def __init__(self, path: Path, what: str = "") -> None:
        # A folder is nothing to move aside; a file with a broken header is a lost workbook.
        self.offer_new_file = not what
        super().__init__(
            path,
            what
            or "It is not a Career Workbook file: it does not start the way a database "
            "file does. Perhaps another kind of file was chosen.",
        )


class ForeignDatabase(DatabaseProblem):
    kind = "foreign"
    offer_backup = False

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            "It is a database, but one made by another program, not a Career Workbook file.",
        )


class DamagedDatabase(DatabaseProblem):
    kind = "damaged"
    offer_new_file = True

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            path,
            "The file is damaged: parts of it cannot be read back "
            f"(SQLite reports: {reason}). Restoring a backup is the safest way on.",
        )


class NewerVersion(DatabaseProblem):
    kind = "newer"
    offer_backup = False

    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.found = found
        self.supported = supported
        super().__init__(
            path,
            f"It was written by a newer version of Career Workbook (file format {found}; "
            f"this version understands up to {supported}). Please update the program "
            "to open it; using this version could lose what the newer one saved.",
        )


class UnreadableFile(DatabaseProblem):
    kind = "unreadable"
    offer_backup = False

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(path, f"The file cannot be read or written here ({reason}).")


class MissingFile(DatabaseProblem):
    kind = "missing"
    offer_backup = False

    def __init__(self, path: Path) -> None:
        super().__init__(path, "There is no workbook file there (yet).")


class PermissionDenied(DatabaseProblem):
    kind = "permission"
    offer_backup = False

    def __init__(self, path: Path, what: str = "file") -> None:
        super().__init__(
            path,
            f"You do not have permission to read this {what}. "
            "Its owner can give you access, or open it as that user.",
        )


class ReadOnlyFile(DatabaseProblem):
    """The file (or its folder) cannot be written: it can still be read."""

    kind = "read-only"
    offer_backup = False

    def __init__(self, path: Path, folder: bool = False) -> None:
        self.folder = folder
        where = (
            f"The folder it is in ({Path(path).parent}) cannot be written"
            if folder
            else "The file is read-only"
        )
        super().__init__(
            path,
            f"{where}, so nothing can be saved to it. It can still be read and exported.",
        )


class DiskFull(DatabaseProblem):
    kind = "disk-full"
    offer_backup = False

    def __init__(self, path: Path) -> None:
        super().__init__(path, "The disk it is on is full. Free some space on it and try again.")


class LockedByWindow(DatabaseProblem):
    """A Career Workbook window has the file open: it is the one writer."""

    kind = "locked-window"
    offer_backup = False

    def __init__(self, path: Path, pid: int | None = None) -> None:
        who = f" (process {pid})" if pid else ""
        super().__init__(
            path,
            f"It is open in a Career Workbook window{who}, and only one program may write "
            "to a workbook file at a time. Close that window, or do this from it, "
            "then try again.",
        )


class LockedByCommand(DatabaseProblem):
    """Another command kept the file for longer than a command waits."""

    kind = "locked-command"
    offer_backup = False

    def __init__(self, path: Path, pid: int | None = None) -> None:
        who = f" (process {pid})" if pid else ""
        super().__init__(
            path,
            f"Another Career Workbook command{who} is still writing to it. "
            "Wait until it has finished, then try again.",
        )


class NotSaved(WorkbookError):
    """The disk or the file refused a write: the value was fine, nothing was stored."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"Not saved: {reason}")


def not_saved(error: sqlite3.Error) -> NotSaved:
    """Say in plain words why SQLite could not write (a full disk, a removed drive...)."""
    text = str(error).lower()
    if "full" in text:
        reason = "the disk is full. Free some space on it."
    elif "readonly" in text or "read-only" in text:
        reason = (
            "the workbook file cannot be written. It may be read-only, or on a drive "
            "that was removed."
        )
    elif "locked" in text or "busy" in text:
        reason = "another program is using the workbook file. Close it, or wait a moment."
    elif "unable to open" in text or "permission" in text:
        reason = "the workbook file or its folder cannot be reached. Was a drive removed?"
    elif "malformed" in text or "corrupt" in text:  # "database disk image is malformed"
        reason = (
            "the workbook file is damaged. Restoring a backup (Workbook ▸ Restore a "
            "backup…) is the safest way on."
        )
    elif "i/o" in text or "disk" in text:
        reason = "the drive could not be written. Was it removed, or is it failing?"
    else:
        reason = f"the database refused the change ({error})."
    return NotSaved(reason)


def as_problem(error: WorkbookError | sqlite3.Error) -> WorkbookError:
    """A refusal to show as it is: ours already has plain words, SQLite's gets them."""
    return error if isinstance(error, WorkbookError) else not_saved(error)


class BackupProblem(WorkbookError):
    """A backup could not be made, listed or restored."""


class WorkbookFileProblem(WorkbookError):
    """A workbook file cannot be read, imported or written; nothing was changed.

    `problems` lists what is wrong, each naming the line of the file or the
    field (as a JSON path such as `goals[2].actions[0].kind`). The message
    shows the first few, so a long list stays readable.
    """

    SHOWN = 10

    def __init__(
        self, problems: list[str], source: Path | str | None = None, *, doing: str = "import"
    ) -> None:
        self.problems = list(problems) or ["The file does not hold a workbook."]
        self.source = source
        self.doing = doing
        count = len(self.problems)
        what = str(source) if source else "this workbook file"
        head = f"Career Workbook cannot {doing} {what}"
        head += ":" if count == 1 else f": {count} things in it need fixing."
        lines = [f"- {problem}" for problem in self.problems[: self.SHOWN]]
        if count > self.SHOWN:
            lines.append(f"- and {count - self.SHOWN} more like these.")
        tail = (
            "Nothing was added to your workbooks." if doing == "import" else "No file was written."
        )
        super().__init__("\n".join([head, *lines, tail]))

    def with_source(self, source: Path | str) -> WorkbookFileProblem:
        """The same problems, naming the file they were found in."""
        return WorkbookFileProblem(self.problems, source, doing=self.doing)


def storage_problem(path: Path, error: BaseException) -> DatabaseProblem:
    """Name a failure to open or write a database file for what it is.

    SQLite reports most things as `OperationalError`; only its message tells a
    full disk from a read-only file, a lock, a removed drive or real damage. Only
    real damage is called damage.
    """
    import errno

    if isinstance(error, DatabaseProblem):
        return error
    if isinstance(error, OSError) and error.errno is not None:
        code = error.errno
        if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return DiskFull(path)
        if code == errno.EROFS:
            return ReadOnlyFile(path, folder=True)
        if code in (errno.EACCES, errno.EPERM):
            return PermissionDenied(path)
        if code == errno.ENOENT:
            return MissingFile(path)
        if code == errno.ELOOP:
            return NotADatabase(path, "It is a link that points back to itself, to no file.")
        return UnreadableFile(path, error.strerror or str(error))
    text = str(error).lower()
    if "full" in text:
        return DiskFull(path)
    if "readonly" in text or "read-only" in text:
        return ReadOnlyFile(path)
    if "locked" in text or "busy" in text:
        return LockedByCommand(path)
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DamagedDatabase(path, str(error))
    if "unable to open" in text:
        return UnreadableFile(path, "the file or its folder cannot be reached")
    if "i/o" in text:
        # SQLite calls a disk too full for its shared-memory index an I/O error.
        if _nearly_full(Path(path).parent):
            return DiskFull(path)
        return UnreadableFile(path, "the drive could not be read or written; was it removed?")
    return UnreadableFile(path, str(error))


def _nearly_full(folder: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(folder).free < 1024 * 1024
    except OSError:
        return False


#: The file in the data folder that holds the last unexpected problem's details.
ERROR_LOG_NAME = "career-workbook-error.log"


def report_unexpected(error: BaseException) -> str:
    """A plain message for a bug, with the details written to a log file for a bug report."""
    import os
    import traceback

    from workbook.paths import data_dir, ensure_private_dir, make_owner_only

    # In the owner-only data folder, not a shared temp folder: a traceback can quote
    # what the person typed.
    log = data_dir() / ERROR_LOG_NAME
    try:
        ensure_private_dir(log.parent)
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(fd, "w", encoding="utf-8") as handle:
            handle.write("".join(traceback.format_exception(error)))
        make_owner_only(log)
        where = f" The technical details are in {log}."
    except OSError:
        where = ""
    return (
        f"Something went wrong that Career Workbook did not expect ({type(error).__name__}). "
        f"Nothing saved before this was lost.{where}"
    )
