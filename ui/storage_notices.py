"""What the window tells a person about its file, and the choices it offers.

The domain names the problem (`workbook.errors`); these widgets only say it
and ask what to do: the read-only banner, the offer of a backup when the file
turns out damaged, and the offer to keep unsaved edits in a workbook file on
another drive when the file refuses them at closing time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from workbook import APP_NAME
from workbook.errors import DatabaseProblem, WorkbookError

if TYPE_CHECKING:
    from ui.autosave import Autosaver
    from workbook.session import Session


def read_only_banner(reason: str) -> QLabel:
    """A notice across the top of the window: this window cannot save, and why."""
    banner = QLabel(f"<b>Read-only.</b> {_html(reason)}")
    banner.setObjectName("read-only-banner")
    banner.setAccessibleName("Read-only notice")
    banner.setWordWrap(True)
    banner.setContentsMargins(12, 8, 12, 8)
    # Palette roles, not colours: it reads in light and dark schemes alike.
    banner.setAutoFillBackground(True)
    banner.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
    banner.setForegroundRole(QPalette.ColorRole.ToolTipText)
    return banner


_offering = False


def offer_backup_for(parent: QWidget, problem: object) -> bool:
    """Say what is wrong with the file; True if the person wants to restore a backup."""
    global _offering
    if _offering or not isinstance(problem, DatabaseProblem):
        return False
    _offering = True
    try:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(APP_NAME)
        box.setText(problem.message)
        box.setInformativeText(
            "Nothing more is written to it. What you typed stays on screen; when you "
            "close, you can keep it in a workbook file."
        )
        restore = None
        if problem.offer_backup:
            restore = box.addButton("Restore a backup…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return restore is not None and box.clickedButton() is restore
    finally:
        _offering = False


KEEP, DISCARD, STAY = "keep", "discard", "stay"


def keep_unsaved_before_closing(
    parent: QWidget, session: Session, autosaver: Autosaver, *, going_on: str = "Close"
) -> bool:
    """The file refused the latest edits: keep them elsewhere, go on without them, or stay.

    `going_on` names what happens next ("Close", "Restore"). True when it may go on."""
    choice = ask_about_unsaved(parent, going_on)
    if choice == DISCARD:
        return True
    if choice == KEEP:
        return _save_elsewhere(parent, session, autosaver)
    return False


def ask_about_unsaved(parent: QWidget, going_on: str = "Close") -> str:
    """Ask what to do with edits the file refused: KEEP (default), DISCARD or STAY."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(APP_NAME)
    box.setText(
        "Some of your latest changes are not saved: the workbook file refused them "
        "(see the message at the bottom of the window)."
    )
    box.setInformativeText(
        "You can keep them in a workbook file, for example on another drive, and bring "
        "them back later with Workbook › Import a workbook file. Everything saved before "
        "them is kept."
    )
    keep = box.addButton("Save them to a file…", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(f"{going_on} without them", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    # Losing work is never the default; keeping it is.
    box.setDefaultButton(keep)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return KEEP if clicked is keep else DISCARD if clicked is discard else STAY


def _save_elsewhere(parent: QWidget, session: Session, autosaver: Autosaver) -> bool:
    from workbook.rescue import save_pending_elsewhere

    suggested = str(Path.home() / "unsaved-changes.json")
    name, _ = QFileDialog.getSaveFileName(
        parent, "Save the unsaved changes", suggested, "Workbook files (*.json)"
    )
    if not name:
        return False
    pending = [(edit, args) for _key, edit, args in autosaver.pending()]
    try:
        written = save_pending_elsewhere(session.db, pending, Path(name))
    except (WorkbookError, OSError) as problem:
        text = problem.message if isinstance(problem, WorkbookError) else str(problem)
        QMessageBox.warning(parent, APP_NAME, f"The changes could not be saved there.\n{text}")
        return False
    where = "\n".join(str(path) for path in written)
    QMessageBox.information(
        parent,
        APP_NAME,
        f"Your changes are saved in:\n{where}\n\n"
        "Workbook › Import a workbook file adds them back, as a workbook of their own.",
    )
    return True


def _html(text: str) -> str:
    from html import escape

    return escape(text)
