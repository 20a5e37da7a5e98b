"""Writing a participant's two files for the hand-off, and the whole hand-off for a command.

`write_handoff` writes the workbook file (`workbook.workbook_file.write_file`) and the
PDF (`exports.pdf.export_pdf`, the person's own copy, private journal entries only if
they chose them) into the folder they chose, under names no other file there has, and
reads both back: the workbook file must hold exactly the workbook and pass every check
an import makes; the PDF must open (PDFium) with at least one page. If anything fails
(a read-only or full stick, one pulled out half-way) what it wrote is removed again and
a `HandoffProblem` says so in plain words; the caller then removes nothing.

`hand_off` is the whole sequence for the command line, on a writer's session: write,
check, then delete and wipe (`workbook.handoff`). The window runs the same steps, the
writing and the wiping on worker threads and the delete on its own (`ui.handoff`).
"""

from __future__ import annotations

import contextlib
import errno
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.errors import WorkbookError
from workbook.handoff import (
    HandoffProblem,
    Progress,
    WipeReport,
    Written,
    _no_progress,
    check_folder,
    delete,
    file_names,
    unique_path,
    verify_workbook_file,
    wipe,
)

if TYPE_CHECKING:
    from workbook.content.catalogue import Content
    from workbook.data import WorkbookData
    from workbook.session import Session

#: Whose copy the PDF is: the participant's own.
HANDOFF_READER = "me"


def write_handoff(
    data: WorkbookData,
    content: Content,
    folder: Path,
    *,
    include_private: bool = False,
    page_size: str = "A4",
    progress: Progress = _no_progress,
    today: date | None = None,
) -> Written:
    """Write and check the workbook file and the PDF in `folder`; returns where they are.

    Raises HandoffProblem (with nothing of it left in the folder) if either cannot be
    written or does not read back whole. Runs on a worker thread: plain data only."""
    from exports.pdf import export_pdf
    from workbook.workbook_file import write_file

    folder = Path(folder).expanduser()
    check_folder(folder)
    workbook_name, pdf_name = file_names(data, today)
    workbook_path = unique_path(folder, workbook_name)
    pdf_path = unique_path(folder, pdf_name, {workbook_path})
    made: list[Path] = []
    try:
        progress(0.05, "Writing the workbook file…")
        made.append(write_file(data, workbook_path))
        progress(0.15, "Writing the PDF…")
        made.append(
            export_pdf(
                data,
                content,
                pdf_path,
                reader_id=HANDOFF_READER,
                include_private=include_private,
                page_size=page_size,
                progress=lambda done, text: progress(0.15 + 0.7 * done, text),
                today=today,
            )
        )
        progress(0.9, "Reading both files back…")
        verify_workbook_file(workbook_path, data)
        verify_pdf(pdf_path)
    except OSError as error:
        _remove(made)
        raise HandoffProblem(_written_nothing(folder, error)) from None
    except HandoffProblem as problem:
        _remove(made)
        raise HandoffProblem(f"{problem.message} Nothing was removed from this laptop.") from None
    except WorkbookError as problem:
        _remove(made)
        raise HandoffProblem(f"{problem.message}\nNothing was removed from this laptop.") from None
    except BaseException:  # cancelled: leave nothing half-done on the stick
        _remove(made)
        raise
    progress(1.0, "Both files are written and complete.")
    return Written(folder, workbook_path, pdf_path, include_private)


def verify_pdf(path: Path) -> None:
    """Check the PDF opens and has pages; raises HandoffProblem if not."""
    import pypdfium2

    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise HandoffProblem(
            f"The PDF {path} could not be read back ({error.strerror or error})."
        ) from None
    if not raw.startswith(b"%PDF-") or b"%%EOF" not in raw[-1024:]:
        raise HandoffProblem(f"The PDF {path} did not read back whole.")
    try:
        document = pypdfium2.PdfDocument(raw)
    except pypdfium2.PdfiumError:
        raise HandoffProblem(f"The PDF {path} did not read back whole.") from None
    try:
        if len(document) < 1:
            raise HandoffProblem(f"The PDF {path} has no pages.")
    finally:
        document.close()


def _remove(paths: list[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def _written_nothing(folder: Path, error: OSError) -> str:
    """Why the files could not be written, in plain words, and that nothing was removed."""
    code = error.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        why = f"{folder} is full. Free some space there, or choose another folder."
    elif code == errno.EROFS:
        why = f"{folder} is read-only (a USB stick with its lock switch on?). Choose another."
    elif code in (errno.EACCES, errno.EPERM):
        why = f"You do not have permission to write in {folder}. Choose another folder."
    elif code in (errno.ENOENT, errno.EIO, errno.ENODEV, errno.ENXIO):
        why = f"{folder} could not be reached. Was the USB stick removed?"
    else:
        why = f"Career Workbook could not write in {folder}: {error.strerror or error}."
    return f"{why}\nNothing was removed from this laptop."


def hand_off(
    session: Session,
    workbook_id: int,
    folder: Path,
    content: Content,
    *,
    include_private: bool = False,
    page_size: str = "A4",
    progress: Progress = _no_progress,
) -> tuple[Written, WipeReport]:
    """The whole hand-off on a writer's session (the command line): write and check both
    files, then remove the workbook from the database, its backups, free space, log and
    the error log. Nothing is removed if the files are not both whole."""
    from workbook.data import load_workbook_data

    if session.read_only is not None:
        raise HandoffProblem(f"Nothing can be removed from this file: {session.read_only}")
    data = load_workbook_data(session.db, workbook_id)
    written = write_handoff(
        data,
        content,
        folder,
        include_private=include_private,
        page_size=page_size,
        progress=lambda done, text: progress(0.6 * done, text),
    )
    progress(0.6, "Removing the workbook from this laptop…")
    info = delete(session.db, workbook_id, session.history)
    report = wipe(session.path, info, lambda done, text: progress(0.6 + 0.4 * done, text))
    return written, report
