"""The group overview in the window: consent for the workbook shown, and the overview of
everyone who said yes, to read, show on the presenter view or save as a one-page PDF.

Consent is the participant's: Workshop ▸ "Count this workbook in the group overview"
is ticked or not for the workbook on screen, and says what is counted. The overview
leaves out locked workbooks (`workbook.locks.locked_ids`) and shows nothing below five
participants (`workbook.group_overview`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from ui.widgets import confirm, heading, hint
from ui.workshop.room import current_overview
from workbook.group_overview import has_consented, overview_text, set_consent

CONSENT_TEXT = "Count this workbook in the group overview"
CONSENT_NOTE = (
    "Your closed answers (where your answers lean, your strength domains, hours freed, "
    "kinds of AI task, the value you put first) join the coach's anonymous overview, "
    "which shows nothing until five people say yes. Never your name or anything you wrote."
)


def set_consent_shown(window: QMainWindow, consent: bool) -> None:
    """Consent, or take it back, for the workbook on screen."""
    if window.session is None or window.workbook_id is None:
        return
    if window.session.read_only is not None:
        QMessageBox.information(window, "Group overview", window.session.read_only)
        return
    set_consent(window.session.db, window.workbook_id, consent)
    window.statusBar().showMessage(
        "Counted in the group overview." if consent else "No longer counted in the group overview.",
        4000,
    )


def consented(window: QMainWindow) -> bool:
    if window.session is None or window.workbook_id is None:
        return False
    return has_consented(window.session.db, window.workbook_id)


class OverviewDialog(QDialog):
    """The overview in words, with Save as PDF and Show on the presenter view."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.setWindowTitle("Group overview")
        self.setAccessibleName("Group overview")
        self.found = current_overview(window)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Group overview"))
        layout.addWidget(
            hint(
                "Closed answers of the participants who said yes, counted: no names and "
                "nothing anyone wrote. A count under 5 says “fewer than 5”."
            )
        )
        self.text = QLabel(overview_text(self.found))
        self.text.setObjectName("overview-text")
        self.text.setAccessibleName("The group overview")
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton("Save as PDF…")
        self.save_button.setAccessibleName("Save the group overview as a one-page PDF")
        self.present_button = QPushButton("Show on the presenter view")
        self.present_button.setAccessibleName("Show the group overview on the presenter view")
        for button in (self.save_button, self.present_button):
            button.setEnabled(self.found.enough)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_pdf)
        self.present_button.clicked.connect(self.present)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        layout.addWidget(buttons)

    def save_pdf(self, path: str | None = None) -> Path | None:
        from exports.pdf.overview import export_overview

        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, "Save the group overview", "Group overview.pdf", "PDF (*.pdf)"
            )
        if not path:
            return None
        try:
            return export_overview(self.found, Path(path))
        except (OSError, ValueError) as problem:
            QMessageBox.warning(self, "Group overview", f"The PDF was not saved: {problem}")
            return None

    def present(self) -> None:
        view = getattr(self._window, "presenter", None)
        if view is None or not view.isVisible():
            from ui.workshop.actions import open_presenter

            view = open_presenter(self._window)
        if view is not None:
            view.show_overview(True)


def save_contribution(window: QMainWindow, path: str | None = None) -> Path | None:
    """For a participant on their own laptop: their closed answers in a file for the coach,
    once they say yes to being counted."""
    from workbook.content import load_content
    from workbook.contribution import contribution_of, write_contribution
    from workbook.data import load_workbook_data

    if window.session is None or window.workbook_id is None:
        return None
    if not consented(window):
        question = f"{CONSENT_NOTE}\n\nCount this workbook and save the file for your coach?"
        if not confirm(window, "Contribution file", question, "Count and save"):
            return None
        set_consent_shown(window, True)
    if not path:
        path, _ = QFileDialog.getSaveFileName(
            window, "Save my contribution file", "contribution.json", "Contribution (*.json)"
        )
    if not path:
        return None
    data = load_workbook_data(window.session.db, window.workbook_id)
    try:
        return write_contribution(contribution_of(data, load_content()), Path(path))
    except OSError as problem:
        QMessageBox.warning(window, "Contribution file", f"The file was not saved: {problem}")
        return None


def add_contributions(window: QMainWindow, paths: list[str] | None = None) -> str:
    """For the coach: add participants' contribution files to this file's overview; says
    what was added, what was already counted and what was refused."""
    from workbook.content import load_content
    from workbook.contribution import ContributionProblem, read_contribution, store

    if window.session is None:
        return ""
    if paths is None:
        paths, _ = QFileDialog.getOpenFileNames(
            window, "Add contribution files", "", "Contribution (*.json)"
        )
    if not paths:
        return ""
    if window.session.read_only is not None:
        QMessageBox.information(window, "Contribution files", window.session.read_only)
        return ""
    content = load_content()
    lines = []
    for name in paths:
        try:
            added = store(window.session.db, read_contribution(Path(name), content))
            lines.append(f"{Path(name).name}: " + ("added." if added else "already counted."))
        except ContributionProblem as problem:
            lines.append(f"{Path(name).name}: {problem}")
    said = "\n".join(lines)
    QMessageBox.information(window, "Contribution files", said)
    return said
