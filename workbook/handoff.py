"""Handing a workbook to its owner at the end of a workshop, then removing it from the laptop.

The order is what makes it safe: the workbook file and the PDF are written to a
folder the person chose (a USB stick) and read back (`exports.handoff`, which can
lay out the PDF); only once both are whole is the workbook removed, here:

1. from the database, through the door (`door.delete_workbook`): its rows go with
   it, secure delete overwrites their text in the file, and the full-text search
   index loses its entries (triggers) and is merged so no deleted word stays in it;
   this runs on the thread that owns the session's connection (`delete`);
2. from every backup (`backup_purge.remove_workbook_from_backups`, matched by id
   and creation time, each backup rewritten whole);
3. from the file's free space and its write-ahead log: the log is folded in and
   emptied, the file rewritten with VACUUM and the log emptied again (`compact`);
4. from the error log, which holds the last unexpected problem's traceback and can
   quote what someone typed (`ERROR_LOG_NAME` in the data folder).

What else was looked at, and why nothing is done there: the content cache
(`content.json` in the cache folder) holds only the shipped content files, parsed;
nothing typed in a workbook reaches it. The window's settings file holds window
sizes, the last step and the last folder a PDF went to, no typed text. Files kept
by the "not saved" rescue (`workbook.rescue`) are written where the person chose,
never in the data folder, and the program keeps no list of them. A damaged file set
aside beside the database can still hold the workbook and cannot be cleaned safely:
`leftovers` names such files so the person is told.

Everything here is plain Python, for the window (`ui.handoff`) and the command line
(`career-workbook handoff`) alike.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.errors import ERROR_LOG_NAME, WorkbookError

if TYPE_CHECKING:
    from sqlite_utils import Database

    from workbook.backup_purge import PurgeReport
    from workbook.data import WorkbookData
    from workbook.history import History
    from workbook.model import WorkbookInfo

Progress = Callable[[float, str], None]

_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


class HandoffProblem(WorkbookError):
    """The files could not be written or checked; nothing was removed."""


def _no_progress(fraction: float, message: str) -> None:
    return None


# ---- where the files go ------------------------------------------------------------------


def safe_file_part(text: str) -> str:
    """Text made fit for a file name on every system and on a FAT USB stick."""
    cleaned = " ".join(_UNSAFE.sub(" ", text).split()).strip(" .")
    return cleaned[:80].rstrip(" .")


def file_names(data: WorkbookData, today: date | None = None) -> tuple[str, str]:
    """The workbook file's and the PDF's names, as the Export step names them."""
    day = (today or date.today()).isoformat()
    name = safe_file_part(data.name) or "Workbook"
    person = safe_file_part(data.profile.person_name or data.name)
    workbook = " - ".join(p for p in (name, "workbook", day) if p) + ".json"
    pdf = " - ".join(p for p in ("Development plan", person, day) if p) + ".pdf"
    return workbook, pdf


def unique_path(folder: Path, name: str, taken: set[Path] | None = None) -> Path:
    """`folder / name`, or with " (2)", " (3)"... before the suffix if that is there already:
    a hand-off never replaces a file someone else left on the stick."""
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate, number = folder / name, 2
    while candidate.exists() or candidate in (taken or set()):
        candidate = folder / f"{stem} ({number}){suffix}"
        number += 1
    return candidate


def check_folder(folder: Path) -> None:
    """Refuse, in plain words, a folder that is not there or not a folder."""
    if not folder.exists():
        raise HandoffProblem(
            f"The folder {folder} is not there (was the USB stick removed?). "
            "Nothing was written and nothing was removed."
        )
    if not folder.is_dir():
        raise HandoffProblem(f"{folder} is not a folder. Nothing was written or removed.")


def same_drive(folder: Path, db_path: Path) -> bool:
    """Whether `folder` is on the same drive as the database: the files would stay here."""
    try:
        return folder.stat().st_dev == Path(db_path).parent.stat().st_dev
    except OSError:
        return False


def verify_workbook_file(path: Path, data: WorkbookData) -> None:
    """Read the workbook file back and check it holds exactly the workbook; raises
    HandoffProblem if it does not (a stick that lost part of it, or was pulled out)."""
    import json

    from workbook.workbook_file import read_file, to_document, validate
    from workbook.workbook_file.writing import json_text

    try:
        document = read_file(path)
    except (WorkbookError, OSError) as problem:
        raise HandoffProblem(
            f"The workbook file {path} could not be read back ({_reason(problem)})."
        ) from None
    expected = json.loads(json_text(to_document(data)))
    if isinstance(document, dict):
        expected["exported_at"] = document.get("exported_at")  # the moment it was written
    if validate(document) or document != expected:
        raise HandoffProblem(f"The workbook file {path} did not read back whole.")


def _reason(problem: BaseException) -> str:
    if isinstance(problem, WorkbookError):
        return problem.message
    if isinstance(problem, OSError):
        return problem.strerror or str(problem)
    return str(problem)


# ---- removing it from the laptop ---------------------------------------------------------


@dataclass
class WipeReport:
    """What removing a workbook from the laptop did, to tell the person."""

    name: str
    db_path: Path
    backups: PurgeReport | None = None
    #: The backups could not be cleaned at all (the folder could not be read), and why.
    backups_problem: str | None = None
    #: The file was rewritten and its log emptied (no deleted text in free pages or the log).
    compacted: bool = False
    compact_problem: str | None = None
    error_log_removed: bool = False
    #: Files beside the database that may still hold the workbook and were not touched.
    leftovers: list[Path] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        backups_ok = self.backups is None or self.backups.ok
        return backups_ok and not self.backups_problem and self.compacted and not self.leftovers


def delete(db: Database, workbook_id: int, history: History | None = None) -> WorkbookInfo:
    """Remove the workbook from the open database through the door, and forget its undo
    steps (they hold its text): it is not meant to come back. Returns what it was, which
    the backups are cleaned by. Runs on the thread that owns `db`."""
    from workbook.door import delete_workbook
    from workbook.queries import get_workbook

    info = get_workbook(db, workbook_id)
    # The roster line tied to this workbook holds the person's name or alias: it leaves
    # with them (a plain delete only unties it, so the coach keeps the rest of the list).
    with db.atomic():
        db.execute("DELETE FROM workshop_roster WHERE workbook_id = ?", [workbook_id])
    delete_workbook(db, workbook_id)  # also merges the search index (workbook.search)
    if history is not None:
        history.forget(workbook_id)
    return info


def wipe(db_path: Path, info: WorkbookInfo, progress: Progress = _no_progress) -> WipeReport:
    """Everything after the delete: backups, free space and log, the error log.

    Safe on a worker thread: it opens its own connections. The window must not write
    meanwhile (its dialog is modal)."""
    from workbook.backup_purge import remove_workbook_from_backups

    db_path = Path(db_path)
    report = WipeReport(info.name, db_path)
    progress(0.1, "Removing it from the backups…")
    try:
        report.backups = remove_workbook_from_backups(db_path, info)
    except (WorkbookError, sqlite3.Error, OSError) as problem:
        report.backups_problem = _reason(problem)
    progress(0.7, "Clearing deleted text from the file…")
    try:
        compact(db_path)
        report.compacted = True
    except (WorkbookError, sqlite3.Error, OSError) as problem:
        report.compact_problem = _reason(problem)
    progress(0.9, "Removing the error log…")
    report.error_log_removed = remove_error_log()
    report.leftovers = leftovers(db_path)
    progress(1.0, "Done.")
    return report


def compact(db_path: Path) -> None:
    """Leave no deleted text in the file's free pages or its write-ahead log.

    Secure delete already overwrites deleted rows; VACUUM rewrites the whole file on
    top (no free pages at all) and the TRUNCATE checkpoints before and after fold the
    log into the file and empty it. Raises HandoffProblem if a reader kept the log
    from being emptied."""
    from workbook.errors import storage_problem
    from workbook.storage import _connection

    try:
        conn = _connection(Path(db_path))
    except sqlite3.Error as error:
        raise storage_problem(db_path, error) from None
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.Error as error:
        raise storage_problem(db_path, error) from None
    finally:
        conn.close()
    if busy:
        raise HandoffProblem(
            "Another program was reading the file, so its log could not be emptied; "
            "closing Career Workbook empties it."
        )


def remove_error_log() -> bool:
    """Remove the error log from the data folder; whether there was one."""
    from workbook.paths import data_dir

    log = data_dir() / ERROR_LOG_NAME
    try:
        log.unlink()
    except FileNotFoundError:
        return False
    except OSError:
        return False
    return True


def leftovers(db_path: Path) -> list[Path]:
    """Files beside the database that are copies of it: set aside when damaged, or left by
    a stopped restore. They may hold the workbook; they are not SQLite's own (-wal, -shm)
    nor the lock."""
    db_path = Path(db_path)
    own = {db_path.name + suffix for suffix in ("-wal", "-shm", "-journal", ".lock")}
    found = []
    with contextlib.suppress(OSError):
        for file in db_path.parent.iterdir():
            name = file.name
            if name.startswith(db_path.name) and name != db_path.name and name not in own:
                found.append(file)
    return sorted(found)


# ---- telling the person ------------------------------------------------------------------


@dataclass(frozen=True)
class Written:
    """The two files a hand-off wrote, both read back whole."""

    folder: Path
    workbook_file: Path
    pdf: Path
    include_private: bool


def confirmation(written: Written, report: WipeReport) -> str:
    """What was written where and what was removed, in plain words, one point a line."""
    private = (
        "with your private journal entries"
        if written.include_private
        else "without your private journal entries"
    )
    lines = [
        f"Written to {written.folder}:",
        f"• {written.workbook_file.name}: the whole workbook, to import on another computer",
        f"• {written.pdf.name}: your development plan, {private}",
        "Both files were read back and are complete.",
        "",
        f"Removed from this laptop, the workbook “{report.name}” and everything in it:",
        f"• from the file {report.db_path}, its search index included",
    ]
    lines += _backup_lines(report)
    if report.compacted:
        lines.append("• from the file's free space and its log (the file was rewritten)")
    if report.error_log_removed:
        lines.append("• the error log, which could quote what was typed")
    problems = []
    if report.compact_problem:
        problems.append(
            f"The file could not be rewritten ({report.compact_problem.rstrip('.')}), so parts "
            "of the deleted text may remain in its free space until it is."
        )
    problems += [
        f"{file.name} beside the file is an older copy of it and was not touched; it may "
        "still hold this workbook. Delete it if no one needs it."
        for file in report.leftovers
    ]
    if problems:
        lines += ["", "Not removed:", *problems]
    return "\n".join(lines)


def _backup_lines(report: WipeReport) -> list[str]:
    if report.backups_problem:
        return [f"• not from the backups: {report.backups_problem}"]
    purge = report.backups
    if purge is None or purge.checked == 0:
        return ["• there are no backups, so none needed cleaning"]
    lines = []
    if purge.cleaned:
        count = len(purge.cleaned)
        lines.append(f"• from {count} backup{'s' if count != 1 else ''}")
    if purge.untouched:
        held = "backup did" if purge.untouched == 1 else "backups did"
        lines.append(f"• ({purge.untouched} other {held} not hold it)")
    lines += [f"• not from {path.name}: {why}" for path, why in purge.not_cleaned]
    return lines
