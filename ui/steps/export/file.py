"""The export page's "whole workbook as a file" box: export it, or import one as a new workbook.

Writing the file and reading and checking a chosen file run on worker
threads (`ui.jobs`), with plain data only. Adding a checked file to the
database happens back on the GUI thread, on the database's own connection,
through `workbook.workbook_file.import_document` (all of it or nothing).
Problems are shown as the plain messages `WorkbookFileProblem` carries.
"""

from __future__ import annotations

import sqlite3
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import jobs
from ui.autosave import Autosaver
from ui.settings import ui_settings
from ui.steps.export.choices import (
    read_workbook_file,
    with_suffix,
    workbook_file_name,
    write_workbook_file,
)
from ui.widgets import hint
from workbook import APP_NAME
from workbook.data import WorkbookData, load_workbook_data
from workbook.errors import WorkbookError, WorkbookFileProblem, as_problem
from workbook.queries import get_workbook
from workbook.workbook_file import import_document

if TYPE_CHECKING:
    from sqlite_utils import Database

FOLDER_KEY = "export/folder"


def export_folder() -> Path:
    """Where save and open dialogs start: the last folder used, else Documents, else home."""
    remembered = ui_settings().value(FOLDER_KEY, "", str)
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_folder(path: Path) -> None:
    ui_settings().setValue(FOLDER_KEY, str(path.parent))


def fresh_data(db: Database, autosaver: Autosaver, workbook_id: int | None) -> WorkbookData | None:
    """Every pending edit saved, then the workbook read as it is now (GUI thread)."""
    if workbook_id is None:
        return None
    autosaver.flush()
    return load_workbook_data(db, workbook_id)


class WorkbookFileBox(QGroupBox):
    """Two buttons and a status line; says `imported(workbook_id)` after an import."""

    imported = Signal(int)

    def __init__(self, db: Database, autosaver: Autosaver, parent: QWidget | None = None) -> None:
        super().__init__("The whole workbook as a file", parent)
        self._db = db
        self._autosaver = autosaver
        self.workbook_id: int | None = None
        self._job: jobs.BackgroundJob | None = None
        self._reading: Path | None = None
        self.setAccessibleName("The whole workbook as a file")
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                "One file with everything in this workbook, your private journal included: "
                "to move it to another computer, hand it to a coach or keep a copy. "
                "Importing adds a new workbook and never changes an existing one."
            )
        )
        row = QHBoxLayout()
        self.export_button = QPushButton("Export the workbook file…")
        self.export_button.setObjectName("export-workbook-file")
        self.export_button.setAccessibleName("Export the workbook file")
        self.export_button.clicked.connect(self.export_file)
        self.import_button = QPushButton("Import a workbook file…")
        self.import_button.setObjectName("import-workbook-file")
        self.import_button.setAccessibleName("Import a workbook file")
        self.import_button.clicked.connect(self.import_file)
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = hint("")
        self.status.setObjectName("workbook-file-status")
        self.status.setAccessibleName("Workbook file status")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)

    def show_workbook(self, workbook_id: int) -> None:
        self.workbook_id = workbook_id
        self.status.setText("")

    def _start(self, job: jobs.BackgroundJob, message: str) -> None:
        job.failed.connect(self._failed)
        self._job = job
        self.export_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.status.setText(message)
        jobs.start(job)

    def _end(self) -> None:
        self._job = None
        self.export_button.setEnabled(True)
        self.import_button.setEnabled(True)

    @Slot()
    def export_file(self) -> None:
        """Write the whole workbook (private journal included) to a file of the person's choice."""
        data = fresh_data(self._db, self._autosaver, self.workbook_id)
        if data is None or self._job is not None:
            return
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            "Export the workbook file",
            str(export_folder() / workbook_file_name(data)),
            "Workbook files (*.json)",
        )
        if not chosen:
            return
        path = with_suffix(chosen, ".json")
        remember_folder(path)
        job = jobs.BackgroundJob(
            partial(write_workbook_file, data, path), doing=f"write the workbook file {path}"
        )
        job.succeeded.connect(self._written)
        self._start(job, "Writing the workbook file…")

    @Slot(object)
    def _written(self, path: Path) -> None:
        if self.sender() is not self._job:
            return
        self._end()
        self.status.setText(
            f"Saved the whole workbook as {path.name} in {path.parent}. It holds your private "
            "journal too: keep it where only you and the people you choose can read it."
        )

    @Slot()
    def import_file(self) -> None:
        """Read and check a workbook file on a worker, then add it as a new workbook."""
        if self._job is not None:
            return
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            "Import a workbook file",
            str(export_folder()),
            "Workbook files (*.json);;All files (*)",
        )
        if not chosen:
            return
        path = Path(chosen)
        remember_folder(path)
        job = jobs.BackgroundJob(
            partial(read_workbook_file, path), doing=f"read the workbook file {path}"
        )
        job.succeeded.connect(self._read)
        self._reading = path
        self._start(job, f"Checking {path.name}…")

    @Slot(object)
    def _read(self, document: dict) -> None:
        if self.sender() is not self._job or self._reading is None:
            return
        self._end()
        path = self._reading
        self._autosaver.flush()
        try:
            workbook_id = import_document(self._db, document)
        except WorkbookFileProblem as problem:
            self._problem(problem.with_source(path).message)
            return
        except (WorkbookError, sqlite3.Error) as problem:
            self._problem(as_problem(problem).message)
            return
        name = get_workbook(self._db, workbook_id).name
        self.imported.emit(workbook_id)
        self.status.setText(
            f"Added the workbook “{name}” from {path.name}. It is open now; the workbook "
            "list at the top switches back."
        )

    @Slot(str)
    def _failed(self, message: str) -> None:
        if self.sender() is not self._job:
            return
        self._end()
        self._problem(message)

    def _problem(self, message: str) -> None:
        self.status.setText("Nothing was changed.")
        QMessageBox.warning(self, f"Workbook file — {APP_NAME}", message)
