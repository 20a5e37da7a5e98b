"""Workbook ▸ Hand off and remove from this laptop: the end of a workshop for one person.

The dialog asks for a folder (a USB stick) and whether the PDF should hold the private
journal entries, then runs the hand-off (`exports.handoff`, `workbook.handoff`) in three
parts: the two files are written and read back on a worker thread; only if both are
whole is the workbook deleted, on this thread (the session's connection lives here),
and the window moves to another workbook; the backups, the file's free space and log
and the error log are then cleaned on a worker thread. The dialog says plainly what was
written where and what was removed, or, if the folder refused the files, that nothing
was removed. A window that can only read the file refuses at once.
"""

from __future__ import annotations

import contextlib
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import jobs
from ui.widgets import hint, muted, strong
from workbook.errors import WorkbookError, as_problem

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbook.content.catalogue import Content
    from workbook.data import WorkbookData
    from workbook.handoff import Progress, WipeReport, Written
    from workbook.model import WorkbookInfo

TITLE = "Hand off and remove from this laptop"


def hand_off(window: QMainWindow) -> HandoffDialog | None:
    """The menu's slot: open the dialog over the window for the workbook shown.

    Returns the dialog (window-modal, already open), or None when there is nothing to
    hand off or the window can only read the file (the person is told why)."""
    session = getattr(window, "session", None)
    if session is None or window.workbook_id is None:
        return None
    window.autosaver.flush()
    if session.read_only is not None:
        QMessageBox.information(
            window,
            TITLE,
            "This window can only read the file, so it cannot remove a workbook from it."
            f"\n\n{session.read_only}".rstrip()
            + "\n\nHand the workbook off from the window that has the file open for writing.",
        )
        return None
    dialog = HandoffDialog(window)
    dialog.open()
    return dialog


class HandoffDialog(QDialog):
    """Choose a folder, write and check both files, then remove the workbook."""

    #: Emitted once the workbook is removed, with the plain confirmation.
    done = Signal(str)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        from workbook.queries import get_workbook

        self._window = window
        self._workbook_id: int = window.workbook_id
        self._info: WorkbookInfo = get_workbook(window.session.db, self._workbook_id)
        self._written: Written | None = None
        self._job: jobs.BackgroundJob | None = None
        self._removing = False
        self.setWindowTitle(TITLE)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(560)
        self._build()

    def _build(self) -> None:
        name = self._info.name
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.title = strong(f"Hand “{name}” over, then remove it from this laptop")
        layout.addWidget(self.title)
        #: What is chosen before starting; hidden once the hand-off is done.
        self.choices = QWidget()
        column = QVBoxLayout(self.choices)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(
            hint(
                "Two files go into a folder you choose, such as a USB stick: the workbook "
                "file (everything in the workbook, to carry on with on another computer) and "
                "the development plan as a PDF. Both are read back to check they are whole. "
                "Only then is the workbook removed from this laptop: from this file, its "
                "backups and its search index. This cannot be undone."
            )
        )
        row = QHBoxLayout()
        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        self.folder.setPlaceholderText("No folder chosen yet")
        self.folder.setAccessibleName("Folder for the two files")
        choose = QPushButton("Choose folder…")
        choose.clicked.connect(self.choose_folder)
        self.choose_button = choose
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        column.addLayout(row)
        self.drive_note = hint("")
        self.drive_note.hide()
        column.addWidget(self.drive_note)

        self.private = QCheckBox("Put my private journal entries in the PDF too")
        self.private.setAccessibleName("Private journal entries in the PDF")
        column.addWidget(self.private)
        column.addWidget(
            muted(
                "Left unticked, the PDF leaves out what you marked private, so you can show "
                "it to others. The workbook file always holds everything."
            )
        )
        layout.addWidget(self.choices)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(
            "Hand off and remove", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setEnabled(False)
        self.start_button.setAutoDefault(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel_clicked)
        layout.addStretch(1)  # a wrapped label can ask for more height than it takes
        layout.addWidget(self.buttons)

    # ---- choosing ------------------------------------------------------------------------

    @Slot()
    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Choose the folder for the two files")
        if chosen:
            self.set_folder(Path(chosen))

    def set_folder(self, folder: Path) -> None:
        """Take a folder (from the chooser, or a test) and say if it is on this laptop."""
        from workbook.handoff import same_drive

        self.folder.setText(str(folder))
        self.start_button.setEnabled(True)
        here = same_drive(folder, self._window.session.path)
        self.drive_note.setText(
            "This folder is on the same drive as the workbooks, so the two files will stay "
            "on this laptop. Choose the USB stick if they should leave with you."
        )
        self.drive_note.setVisible(here)
        self.adjustSize()

    # ---- 1. writing and checking, on a worker --------------------------------------------

    @Slot()
    def start(self) -> None:
        from exports.handoff import write_handoff
        from ui.steps.export.choices import default_page_size
        from workbook.content import load_content
        from workbook.data import load_workbook_data

        window = self._window
        if not self.folder.text() or self._job is not None:
            return
        window.autosaver.flush()  # the files must hold every word typed
        if window.session.read_only is not None:
            self._say(f"Nothing was written or removed: {window.session.read_only}")
            return
        data = load_workbook_data(window.session.db, self._workbook_id)
        work = partial(
            _write,
            write_handoff,
            data,
            load_content(),
            Path(self.folder.text()),
            self.private.isChecked(),
            default_page_size(),
        )
        self._running(True, "Writing the two files…")
        job = jobs.BackgroundJob(work, doing=f"write the files in {self.folder.text()}")
        job.progressed.connect(self._progressed)
        job.succeeded.connect(self._written_ok)
        job.failed.connect(self._write_failed)
        job.cancelled.connect(self._write_cancelled)
        self._job = jobs.start(job)

    @Slot(int, str)
    def _progressed(self, percent: int, message: str) -> None:
        self.progress.setValue(percent)
        self._say(message)

    @Slot(str)
    def _write_failed(self, message: str) -> None:
        self._job = None
        if "Nothing was removed" not in message:
            message += "\nNothing was removed from this laptop."
        self._running(False, message)

    @Slot()
    def _write_cancelled(self) -> None:
        self._job = None
        self._running(False, "Stopped. Nothing was written, and nothing was removed.")

    # ---- 2. removing from the database, here ---------------------------------------------

    @Slot(object)
    def _written_ok(self, written: Written) -> None:
        import sqlite3

        from workbook.handoff import delete

        self._job = None
        self._written = written
        window = self._window
        self._removing = True
        self.cancel_button.setEnabled(False)
        self._say("Both files are written and complete. Removing the workbook…")
        try:
            info = delete(window.session.db, self._workbook_id, window.session.history)
        except (WorkbookError, sqlite3.Error) as problem:
            self._removing = False
            self._running(False, "")
            self._say(
                f"The two files are in {written.folder}, but the workbook could not be removed "
                f"from this laptop: {as_problem(problem).message}"
            )
            return
        window.show_most_recent()
        self._wipe(info)

    # ---- 3. backups, free space, logs, on a worker ---------------------------------------

    def _wipe(self, info: WorkbookInfo) -> None:
        from workbook.handoff import wipe

        job = jobs.BackgroundJob(
            partial(_unstoppable, partial(wipe, self._window.session.path, info)),
            doing="remove the workbook from the backups",
        )
        job.progressed.connect(self._progressed)
        job.succeeded.connect(self._wiped)
        job.failed.connect(self._wipe_failed)
        self._job = jobs.start(job)

    @Slot(object)
    def _wiped(self, report: WipeReport) -> None:
        from workbook.handoff import confirmation

        self._job = None
        text = confirmation(self._written, report)
        self._finish(text)

    @Slot(str)
    def _wipe_failed(self, message: str) -> None:
        self._job = None
        self._finish(
            f"The two files are in {self._written.folder} and the workbook is removed from "
            f"this file, but cleaning its backups did not finish: {message}"
        )

    def _finish(self, text: str) -> None:
        self._removing = False
        self.progress.hide()
        self._say(text)
        self.start_button.hide()
        self.choices.hide()
        self.title.setText(f"“{self._info.name}” is handed over")
        self.title.setAccessibleName(self.title.text())
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Close")
        self.adjustSize()
        self.done.emit(text)

    # ---- the dialog's state ----------------------------------------------------------------

    def _running(self, running: bool, message: str) -> None:
        self.progress.setVisible(running)
        self.progress.setValue(0)
        self.start_button.setEnabled(not running and bool(self.folder.text()))
        self.choose_button.setEnabled(not running)
        self.private.setEnabled(not running)
        self._say(message)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)
        self.status.setVisible(bool(text))

    @Slot()
    def _cancel_clicked(self) -> None:
        if self._job is not None and not self._removing:
            self._job.cancel()
            return
        self.reject()

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        # The button box makes its accepting button the default as it is shown; removing
        # is never the default, as in every question that removes something.
        self.start_button.setDefault(False)
        self.cancel_button.setDefault(True)

    def reject(self) -> None:
        if self._removing or self._job is not None:
            return  # the workbook is being removed: the dialog stays until it is done
        super().reject()

    def closeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        if self._removing or self._job is not None:
            event.ignore()
            return
        super().closeEvent(event)


def _write(
    write: Callable[..., Written],
    data: WorkbookData,
    content: Content,
    folder: Path,
    include_private: bool,
    page_size: str,
    progress: Progress,
) -> Written:
    """The worker's part one; one PDF is laid out at a time (reportlab keeps state)."""
    from ui.steps.export.choices import _RENDER_LOCK

    with _RENDER_LOCK:
        return write(
            data,
            content,
            folder,
            include_private=include_private,
            page_size=page_size,
            progress=progress,
        )


def _unstoppable(work: Callable[[Progress], WipeReport], progress: Progress) -> WipeReport:
    """Run `work` to its end even if the app is quitting: a wipe stopped half-way would
    leave some backups holding the workbook."""

    def report(fraction: float, message: str) -> None:
        with contextlib.suppress(jobs.Cancelled):
            progress(fraction, message)

    return work(report)
