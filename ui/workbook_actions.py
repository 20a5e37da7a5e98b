"""The Workbook menu's work on whole workbooks: new, the example, rename, duplicate,
delete, and the workbook file and PDF (which the Export step does).

`WorkbookActions` is given the window and keeps no state of its own: it saves what is
typed, runs the door's operation (`workbook.door`), records it for undo, tells the
person plainly when it is refused, and asks the window to show the workbook that
results. What a workbook is called (a new one, a copy) is the door's decision.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from workbook import APP_NAME
from workbook.errors import WorkbookError, as_problem

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMainWindow, QWidget

    from workbook.change import Change


class WorkbookActions(QObject):
    """New, example, rename, duplicate, delete, import, export: each a slot for the menu.

    `window` is the main window (`ui.main_window`, not imported: it imports this). What is
    used of it: `session`, `autosaver`, `workbook_id`, `load_workbook`,
    `show_most_recent`, `show_step` and `page`.
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window

    # ---- making and changing workbooks ----------------------------------------------------

    @Slot()
    def new(self) -> None:
        """Ask for a name (one is offered) and show the new, empty workbook."""
        from workbook.door import create_workbook, new_workbook_name

        name = self._ask_name(
            "New workbook",
            "Name of the new workbook (for a workshop, the participant's first name):",
            new_workbook_name(self._window.session.db),
        )
        if name is not None and (change := self._run(create_workbook, name)):
            self._window.load_workbook(change.workbook_id)

    @Slot()
    def start_empty(self) -> None:
        """A new workbook under the name offered, without asking (the welcome page)."""
        from workbook.door import create_workbook, new_workbook_name

        if change := self._run(create_workbook, new_workbook_name(self._window.session.db)):
            self._window.load_workbook(change.workbook_id)

    @Slot()
    def add_example(self) -> None:
        import sqlite3

        from workbook.example import add_example

        window = self._window
        window.autosaver.flush()
        try:
            workbook_id = add_example(window.session.db)
        except (WorkbookError, sqlite3.Error) as problem:
            self._warn(as_problem(problem).message)
            return
        window.load_workbook(workbook_id)

    @Slot()
    def rename_current(self) -> None:
        from workbook.door import rename_workbook

        workbook_id = self._window.workbook_id
        if workbook_id is None:
            return
        name = self._ask_name("Rename workbook", "New name:", self._name(workbook_id))
        if name is not None and self._run(rename_workbook, workbook_id, name):
            self._window.load_workbook(workbook_id)

    def rename_to(self, workbook_id: int, wanted: str) -> None:
        """Name a workbook `wanted` (numbered if another has that name), as one undo step:
        the About page's offer once the person gives their name."""
        from workbook.door import rename_workbook, unique_name

        name = unique_name(self._window.session.db, wanted)
        if self._run(rename_workbook, workbook_id, name):
            self._window.load_workbook(workbook_id)

    @Slot()
    def duplicate_current(self) -> None:
        from workbook.door import duplicate_workbook

        workbook_id = self._window.workbook_id
        if workbook_id is not None and (change := self._run(duplicate_workbook, workbook_id)):
            self._window.load_workbook(change.workbook_id)

    @Slot()
    def delete_current(self) -> None:
        """Ask, delete, show the workbook opened most recently, then offer to remove the
        deleted one from the backups too."""
        from ui.backup_purge import offer_to_remove_deleted
        from ui.widgets import confirm
        from workbook.door import delete_workbook
        from workbook.queries import get_workbook

        window = self._window
        deleted = window.workbook_id
        if deleted is None:
            return
        info = get_workbook(window.session.db, deleted)  # which one it was, for the backups
        if not confirm(
            window,
            "Delete workbook",
            f"Delete the workbook “{info.name}” and everything written in it?\n\n"
            "This cannot be undone, although yesterday's backup still holds it.",
            "Delete",
        ):
            return
        if self._run(delete_workbook, deleted):
            window.session.history.forget(deleted)
            window.show_most_recent()
            offer_to_remove_deleted(window, window.session, info)

    # ---- files: the Export step does the work --------------------------------------------

    @Slot()
    def import_file(self) -> None:
        """Import works from anywhere, even before any workbook exists."""
        if self._window.workbook_id is not None:
            self._window.show_step(self._export_step())
        self._window.page("export").file_box.import_file()

    @Slot()
    def export_file(self) -> None:
        if self._window.workbook_id is not None:
            self._export_page().file_box.export_file()

    @Slot()
    def export_pdf(self) -> None:
        if self._window.workbook_id is not None:
            self._export_page().save_button.setFocus()

    def _export_step(self) -> int:
        from workbook.steps import STEPS

        return [step.id for step in STEPS].index("export")

    def _export_page(self) -> QWidget:
        self._window.show_step(self._export_step())
        return self._window.page("export")

    # ---- asking, running, telling ---------------------------------------------------------

    def _run(self, edit: Callable[..., Change], *args: object) -> Change | None:
        """Run a door operation on whole workbooks, telling the person plainly if it is
        refused; the Change is recorded for undo."""
        import sqlite3

        window = self._window
        window.autosaver.flush()
        if window.session.read_only is not None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(window, APP_NAME, f"Not saved: {window.session.read_only}")
            return None
        try:
            change = edit(window.session.db, *args)
        except (WorkbookError, sqlite3.Error) as problem:
            self._warn(as_problem(problem).message)
            return None
        window.session.history.record(change)
        return change

    def _warn(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self._window, APP_NAME, message)

    def _ask_name(self, title: str, prompt: str, initial: str) -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        text, ok = QInputDialog.getText(
            self._window, title, prompt, QLineEdit.EchoMode.Normal, initial
        )
        return text if ok else None

    def _name(self, workbook_id: int) -> str:
        from workbook.queries import get_workbook

        return get_workbook(self._window.session.db, workbook_id).name
