"""What the person sees when the database cannot be opened safely.

The message comes from the domain (it already names the file and says it
was left as it was); this dialog adds the ways forward: restore a backup,
start a new file (only for a damaged or emptied file, which is moved aside,
never deleted), or quit.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from workbook.backups import list_backups
from workbook.errors import DatabaseProblem


class Choice(Enum):
    RESTORE = "restore"
    NEW_FILE = "new"
    QUIT = "quit"


def ask_what_next(problem: DatabaseProblem, parent: QWidget | None = None) -> Choice:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("This workbook file cannot be opened")
    box.setText(problem.message)
    have_backups = bool(list_backups(problem.path))
    informative = []
    if problem.offer_backup and have_backups:
        informative.append("You can restore the most suitable backup, made automatically.")
    # Only a file whose contents are already lost or damaged is ever moved aside: a full
    # disk, a lock or a missing permission is no reason to put a healthy file away.
    if problem.offer_new_file:
        informative.append(
            "Or start a new, empty file: the current one is renamed and kept beside it, "
            "so nothing in it is lost."
        )
    box.setInformativeText(" ".join(informative))
    restore = None
    if have_backups:
        restore = box.addButton("Restore a backup…", QMessageBox.ButtonRole.AcceptRole)
    new_file = None
    if problem.offer_new_file:
        new_file = box.addButton("Start a new file", QMessageBox.ButtonRole.DestructiveRole)
    quit_button = box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore or quit_button)
    box.setEscapeButton(quit_button)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return Choice.RESTORE
    if new_file is not None and clicked is new_file:
        return Choice.NEW_FILE
    return Choice.QUIT
