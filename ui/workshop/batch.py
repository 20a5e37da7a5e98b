"""Workshop ▸ "Export everyone's PDF…": every readable workbook's PDF for one reader, into
a folder the coach picks, with progress and Cancel.

The workbooks are read on the GUI thread (its own connection); the layout runs on a
worker thread (`ui.jobs`) that hands the PDFs to a pool of spawned processes
(`exports.batch`), so the window stays responsive and every core helps. Locked
workbooks are skipped and named by their neutral label in the closing message.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMessageBox, QProgressDialog

from exports.batch import BatchPlan, BatchReport, plan_batch, run_batch
from exports.readers import READERS
from ui import jobs


def choose_reader(window: QMainWindow) -> str | None:
    labels = [r.label for r in READERS.values()]
    label, ok = QInputDialog.getItem(
        window, "Export everyone's PDF", "Who are the PDFs for?", labels, 0, False
    )
    return next((r.id for r in READERS.values() if r.label == label), None) if ok else None


def summary_of(report: BatchReport, folder: Path) -> str:
    lines = [f"{len(report.written)} PDFs written to {folder}."]
    if report.skipped_locked:
        lines.append("Skipped, locked with a PIN: " + ", ".join(report.skipped_locked) + ".")
    lines += [f"Not written: {problem}" for problem in report.failed]
    return "\n".join(lines)


class BatchExport:
    """One run of the batch: the plan, the job, the progress dialog and the outcome."""

    def __init__(self, window: QMainWindow, plan: BatchPlan, folder: Path) -> None:
        self.window, self.plan, self.folder = window, plan, folder
        self.report: BatchReport | None = None
        self.message = ""
        self.dialog = QProgressDialog(
            f"Laying out {len(plan.jobs)} PDFs…", "Cancel", 0, 100, window
        )
        self.dialog.setWindowTitle("Export everyone's PDF")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.job = jobs.BackgroundJob(
            lambda progress: run_batch(plan, progress=progress), doing="write the PDFs"
        )
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)
        self.dialog.canceled.connect(self.job.cancel)

    def start(self) -> BatchExport:
        jobs.start(self.job)
        return self

    def _progressed(self, percent: int, said: str) -> None:
        self.dialog.setValue(percent)
        self.dialog.setLabelText(said)

    def _done(self, message: str) -> None:
        self.message = message
        self.dialog.reset()
        QMessageBox.information(self.window, "Export everyone's PDF", message)

    def _succeeded(self, report: BatchReport) -> None:
        self.report = report
        self._done(summary_of(report, self.folder))

    def _failed(self, message: str) -> None:
        self._done(message)

    def _cancelled(self) -> None:
        self._done(
            "Stopped. The PDFs finished before you pressed Cancel are in the folder, each "
            "whole; the others were not written."
        )


def export_everyone(
    window: QMainWindow, folder: str | None = None, reader_id: str | None = None
) -> BatchExport | None:
    """Ask for the reader and the folder (unless given), then start the batch."""
    from workbook.locks import locked_ids

    session = getattr(window, "session", None)
    if session is None:
        return None
    reader_id = reader_id or choose_reader(window)
    if reader_id is None:
        return None
    if not folder:
        folder = QFileDialog.getExistingDirectory(window, "Choose a folder for the PDFs")
    if not folder:
        return None
    window.save_now()  # what is typed goes in
    plan = plan_batch(
        session.db,
        Path(folder),
        reader_id=reader_id,
        locked=locked_ids(session.db, session.unlocked),
    )
    return BatchExport(window, plan, Path(folder)).start()
