"""Step 5, "Export": the PDF development plan (who it is for and its sections in
`contents.py`, privacy, paper, preview, saving) and, in a box of its own (`file.py`),
the workbook file (export and import).

The PDF is share-safe by default: the manager's version, without ratings tables,
analysis detail or journal, and a sentence under the choices says exactly what of
the journal is in or out. Private reflections go in only when the person ticks "Include
my private reflections". The paper size starts from the system's region.

Long work runs on worker threads (`ui.jobs`): the preview, saving the PDF
(with a progress bar and Cancel), and reading or writing a workbook file.
Each job gets a `WorkbookData` read on the GUI thread just before it starts,
so no database connection crosses threads and no widget is touched from a
worker. Importing a checked file into the database happens back on the GUI
thread, on the database's own connection.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QFont, QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui import jobs
from ui.autosave import Autosaver
from ui.steps.export.choices import (
    PAGE_SIZE_LABELS,
    PdfChoices,
    Preview,
    default_page_size,
    pdf_file_name,
    privacy_sentence,
    render_preview,
    save_pdf,
    sections_sentence,
    with_suffix,
)
from ui.steps.export.contents import ContentsChoice, indented
from ui.steps.export.file import WorkbookFileBox, export_folder, fresh_data, remember_folder
from ui.steps.export.language import LanguageChoice
from ui.steps.export.preview import PreviewPanel
from ui.widgets import heading, hint
from workbook import APP_NAME
from workbook.content import load_content
from workbook.data import JournalEntry, WorkbookData, load_workbook_data

if TYPE_CHECKING:
    from sqlite_utils import Database

    from workbook.change import Change

PREVIEW_DELAY_MS = 250


class ExportPage(QWidget):
    def __init__(self, db: Database, autosaver: Autosaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._autosaver = autosaver
        self._workbook_id: int | None = None
        self._data: WorkbookData | None = None
        self._journal: tuple[JournalEntry, ...] = ()
        self._stale = True
        self._journal_wanted = False
        self._preview_job: jobs.BackgroundJob | None = None
        self._save_job: jobs.BackgroundJob | None = None
        self.saved_path: Path | None = None

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._start_preview)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 16, 16)
        outer.setSpacing(16)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFixedWidth(460)
        scroll.setWidget(self._build_options())
        outer.addWidget(scroll)
        right = QVBoxLayout()
        right.setContentsMargins(0, 24, 0, 0)
        right.setSpacing(10)
        self.preview = PreviewPanel()
        right.addWidget(self.preview, 1)
        right.addLayout(self._build_save())
        outer.addLayout(right, 1)

        cancel = QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), self)
        cancel.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        cancel.activated.connect(self.cancel_export)
        self._update_sentences()

    # ---- building -------------------------------------------------------------------

    def _build_options(self) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(32, 24, 16, 24)
        layout.setSpacing(12)
        layout.addWidget(heading("Export"))
        layout.addWidget(
            hint(
                "Make a PDF of your plan to bring to a career conversation. You choose what "
                "goes in; the preview shows the pages as they will print. Nothing leaves "
                "this computer unless you send the file yourself."
            )
        )
        self.contents = ContentsChoice()
        self.contents.changed.connect(self._choices_changed)
        self.section_boxes = self.contents.section_boxes
        layout.addWidget(self.contents)
        layout.addWidget(self._build_private())
        layout.addWidget(self._build_paper())
        self.language_box = LanguageChoice()
        self.language_box.changed.connect(self._choices_changed)
        layout.addWidget(self.language_box)
        self.file_box = WorkbookFileBox(self._db, self._autosaver)
        self.file_box.imported.connect(self._imported)
        layout.addWidget(self.file_box)
        layout.addStretch(1)
        return body

    def _build_private(self) -> QGroupBox:
        group = QGroupBox("Private journal entries")
        group.setAccessibleName("Private journal entries")
        layout = QVBoxLayout(group)
        self.private_box = QCheckBox("Include my private reflections")
        self.private_box.setObjectName("include-private")
        self.private_box.setAccessibleName("Include my private reflections")
        note = (
            "Your reflections, your energy log and every other journal entry you marked "
            "private. Choose this only for a copy you keep yourself or give to someone "
            "you trust."
        )
        self.private_box.setAccessibleDescription(note)
        self.private_box.toggled.connect(self._private_toggled)
        layout.addWidget(self.private_box)
        layout.addWidget(indented(hint(note)))
        return group

    def _build_paper(self) -> QGroupBox:
        group = QGroupBox("Paper size")
        group.setAccessibleName("Paper size")
        layout = QVBoxLayout(group)
        row = QHBoxLayout()
        self.paper_group = QButtonGroup(self)
        self.paper_buttons: dict[str, QRadioButton] = {}
        for size, label in PAGE_SIZE_LABELS.items():
            button = QRadioButton(label)
            button.setObjectName(f"paper-{size}")
            button.setAccessibleName(f"Paper size: {label}")
            self.paper_group.addButton(button)
            self.paper_buttons[size] = button
            row.addWidget(button)
        row.addStretch(1)
        self.paper_buttons[default_page_size()].setChecked(True)
        self.paper_group.buttonToggled.connect(self._paper_toggled)
        layout.addLayout(row)
        layout.addWidget(
            hint("Chosen from this computer's region. Change it if you will print elsewhere.")
        )
        return group

    def _build_save(self) -> QVBoxLayout:
        """Under the preview: what the PDF shares, then saving with progress and Cancel."""
        layout = QVBoxLayout()
        layout.setSpacing(6)
        self.privacy_label = hint("")
        self.privacy_label.setObjectName("privacy-sentence")
        self.privacy_label.setAccessibleName("What this PDF shares of your journal")
        font = QFont(self.privacy_label.font())
        font.setWeight(QFont.Weight.DemiBold)
        self.privacy_label.setFont(font)
        layout.addWidget(self.privacy_label)
        self.sections_label = hint("")
        self.sections_label.setObjectName("sections-sentence")
        self.sections_label.setAccessibleName("Sections left out")
        layout.addWidget(self.sections_label)
        row = QHBoxLayout()
        self.save_button = QPushButton("Save PDF…")
        self.save_button.setObjectName("save-pdf")
        self.save_button.setAccessibleName("Save PDF")
        self.save_button.setAccessibleDescription("Choose where to save the development plan")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_pdf)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancel-export")
        self.cancel_button.setAccessibleName("Cancel saving the PDF")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.progress = QProgressBar()
        self.progress.setObjectName("export-progress")
        self.progress.setAccessibleName("Progress of saving the PDF")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)  # a bare "0%" says nothing before a save
        # Shown only while saving: an empty bar at rest looks like a text field.
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(policy)
        self.progress.hide()
        row.addWidget(self.save_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.progress, 1)
        layout.addLayout(row)
        self.status = hint("")
        self.status.setObjectName("export-status")
        self.status.setAccessibleName("Saving the PDF")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton("Open the folder")
        self.open_folder_button.setAccessibleName("Open the folder the PDF was saved in")
        self.open_folder_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.open_folder_button)
        layout.addLayout(status_row)
        return layout

    # ---- what the person chose -------------------------------------------------------

    def choices(self) -> PdfChoices:
        size = next(s for s, b in self.paper_buttons.items() if b.isChecked())
        return PdfChoices(
            self.contents.sections(),
            self.private_box.isChecked(),
            size,
            self.contents.reader(),
            self.language_box.language(),
        )

    def _update_sentences(self) -> None:
        choices = self.choices()
        self.privacy_label.setText(privacy_sentence(choices, self._journal))
        self.sections_label.setText(sections_sentence(choices))
        self.save_button.setEnabled(
            self._workbook_id is not None and not choices.empty and self._save_job is None
        )

    @Slot()
    def _choices_changed(self) -> None:
        self._update_sentences()
        self._schedule_preview()

    @Slot(bool)
    def _private_toggled(self, on: bool) -> None:
        journal = self.section_boxes["journal"]
        blocker = QSignalBlocker(journal)
        if on:
            self._journal_wanted = journal.isChecked()
            journal.setChecked(True)
            journal.setToolTip("Included, with your private reflections.")
        else:
            journal.setChecked(self._journal_wanted)
            journal.setToolTip("")
        journal.setEnabled(not on)
        del blocker
        self._choices_changed()

    @Slot(QRadioButton, bool)
    def _paper_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self._choices_changed()

    # ---- showing ----------------------------------------------------------------------

    def show_workbook(self, workbook_id: int) -> None:
        self._workbook_id = workbook_id
        self.saved_path = None
        self.status.setText("")
        self.file_box.show_workbook(workbook_id)
        self.open_folder_button.hide()
        if self._save_job is None:
            self._reset_progress()
        self._stale = True
        if self.isVisible():
            self._reload()
        else:
            self._update_sentences()

    #: Every step's answers can be in the PDF.
    reads = frozenset({"about", "strengths", "edge", "ai_plan", "plan"})

    def refresh(self, change: Change | None = None) -> None:
        """An edit was saved somewhere: the preview is out of date."""
        self._stale = True
        if self.isVisible():
            self._reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        if self._stale or self._data is None:
            self._reload()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt name
        super().hideEvent(event)
        self._preview_timer.stop()
        if self._preview_job is not None:  # nobody is looking: stop laying out pages
            self._preview_job.cancel()
            self._preview_job = None
            self._stale = True

    def _reload(self) -> None:
        """Read the workbook again (GUI thread, its own connection) and update the preview."""
        if self._workbook_id is None:
            return
        self._data = load_workbook_data(self._db, self._workbook_id)
        self._journal = self._data.journal
        self.language_box.show_guess(self._data)
        self._update_sentences()
        self._schedule_preview()

    def _schedule_preview(self) -> None:
        self._stale = True
        if self.isVisible():
            self._preview_timer.start()

    @Slot()
    def _start_preview(self) -> None:
        if not self.isVisible() or self._data is None or self._save_job is not None:
            return  # stays stale; a later show or the end of the save starts it
        if self._preview_job is not None:
            self._preview_job.cancel()
            self._preview_job = None
        choices = self.choices()
        self._stale = False
        if choices.empty:
            self.preview.set_empty("Choose at least one section to see a preview.")
            return
        work = partial(render_preview, self._data, load_content(), choices)
        job = jobs.BackgroundJob(work, doing="lay out the preview")
        job.succeeded.connect(self._preview_ready)
        job.failed.connect(self._preview_failed)
        self._preview_job = job
        self.preview.set_busy()
        jobs.start(job)

    @Slot(object)
    def _preview_ready(self, preview: Preview) -> None:
        if self.sender() is not self._preview_job:
            return  # an older preview, overtaken by newer choices
        self._preview_job = None
        self.preview.show_preview(preview)

    @Slot(str)
    def _preview_failed(self, message: str) -> None:
        if self.sender() is not self._preview_job:
            return
        self._preview_job = None
        self.preview.set_problem(message)

    # ---- saving the PDF ---------------------------------------------------------------

    @Slot()
    def save_pdf(self) -> None:
        """Ask where to save, then write the PDF on a worker thread."""
        choices = self.choices()
        data = fresh_data(self._db, self._autosaver, self._workbook_id)
        if data is None or choices.empty or self._save_job is not None:
            return
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            "Save your development plan",
            str(export_folder() / pdf_file_name(data)),
            "PDF files (*.pdf)",
        )
        if not chosen:
            return
        path = with_suffix(chosen, ".pdf")
        remember_folder(path)
        if self._preview_job is not None:  # the save goes first; the preview follows
            self._preview_job.cancel()
            self._preview_job = None
            self._stale = True
        job = jobs.BackgroundJob(
            partial(save_pdf, data, load_content(), choices, path),
            doing=f"save the PDF as {path}",
        )
        job.progressed.connect(self._save_progressed)
        job.succeeded.connect(self._save_succeeded)
        job.failed.connect(self._save_failed)
        job.cancelled.connect(self._save_cancelled)
        self._save_job = job
        self.saved_path = None
        self.open_folder_button.hide()
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.show()
        self.status.setText("Saving your plan…")
        self.save_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        jobs.start(job)

    @Slot()
    def cancel_export(self) -> None:
        if self._save_job is None:
            return
        self._save_job.cancel()
        self.cancel_button.setEnabled(False)
        self.status.setText("Cancelling…")

    @Slot(int, str)
    def _save_progressed(self, percent: int, message: str) -> None:
        if self.sender() is not self._save_job or self._save_job.is_cancelled():
            return
        self.progress.setValue(percent)
        self.status.setText(f"{message}…" if percent < 100 else "Saved.")

    @Slot(object)
    def _save_succeeded(self, path: Path) -> None:
        if self.sender() is not self._save_job:
            return
        self._end_save()
        self.progress.setValue(100)
        self.saved_path = path
        self.status.setText(f"Saved your plan as {path.name} in {path.parent}.")
        self.open_folder_button.show()

    @Slot(str)
    def _save_failed(self, message: str) -> None:
        if self.sender() is not self._save_job:
            return
        self._end_save()
        self._reset_progress()
        self.status.setText("The PDF was not saved.")
        QMessageBox.warning(self, f"PDF not saved — {APP_NAME}", message)

    @Slot()
    def _save_cancelled(self) -> None:
        if self.sender() is not self._save_job:
            return
        self._end_save()
        self._reset_progress()
        self.status.setText("Cancelled. No file was written.")

    def _reset_progress(self) -> None:
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.progress.hide()

    def _end_save(self) -> None:
        self._save_job = None
        self.cancel_button.setEnabled(False)
        self._update_sentences()
        if self._stale:
            self._schedule_preview()

    @Slot()
    def open_folder(self) -> None:
        if self.saved_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_path.parent)))

    @Slot(int)
    def _imported(self, workbook_id: int) -> None:
        """Show the workbook just imported: the main window switches to it."""
        window = self.window()
        if hasattr(window, "load_workbook"):
            window.load_workbook(workbook_id)
