"""The window's work on a workbook's PIN: locking, unlocking, changing, removing, and erasing
a workbook whose PIN is forgotten (issue 15, item 3).

`LockActions` (the window's `locks`) keeps the window's side of `workbook.locks`: the
session's `unlocked` set holds at most the workbook on screen, so switching away locks it
again (`leave`); a workbook locked for this session shows the `UnlockPanel` in place of
its pages, which the window takes down so that no hidden widget keeps its text; and its
undo history is dropped when it locks, so neither undo nor the Undo action's words can
reach into a locked workbook. Setting, changing and removing a PIN are not undoable
edits, and erasing (a forgotten PIN) deletes the workbook as Delete does, then offers to
remove it from the backups under its neutral label.

Imported as the window is built: Qt's core only here; the widgets and the domain load
when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from workbook import APP_NAME
from workbook.errors import WorkbookError, as_problem

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow

    from ui.unlock_panel import UnlockPanel


class LockActions(QObject):
    """The Workbook menu's PIN items and the unlock panel, for the main window.

    `window` is the main window (`ui.main_window`, not imported: it imports this). What is
    used of it: `session`, `autosaver`, `workbook_id`, `load_workbook`, `menuBar`,
    `statusBar` and its stack of pages (`add_page`).
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._panel: UnlockPanel | None = None
        self.lock_action: QAction | None = None
        self.change_action: QAction | None = None
        self.remove_action: QAction | None = None

    # ---- the one question ----------------------------------------------------------------

    def hides(self, workbook_id: int | None) -> bool:
        """Whether `workbook_id` is locked for this window: `workbook.locks.is_locked` for
        the session's reader."""
        session = self._window.session
        if workbook_id is None or session is None:
            return False
        from workbook.locks import is_locked

        return is_locked(session.db, workbook_id, session.unlocked)

    def leave(self, old: int | None, new: int) -> bool:
        """The window turns from `old` to `new`: `old` locks again if it has a PIN. True
        when it did, and the window must take its pages down."""
        session = self._window.session
        if old is None or old == new or old not in session.unlocked:
            return False
        self._relock(old)
        return True

    def _relock(self, workbook_id: int) -> None:
        session = self._window.session
        session.unlocked.discard(workbook_id)
        session.history.forget(workbook_id)

    # ---- the menu ---------------------------------------------------------------------------

    def add_menu_items(self) -> list[QAction]:
        """The PIN's items in the Workbook menu, after Delete; returned for the window to
        enable once a file is open."""
        from PySide6.QtGui import QAction, QKeySequence

        window = self._window
        menu = window.menuBar().actions()[0].menu()
        after = window.delete_action
        before = menu.actions()[menu.actions().index(after) + 1]
        made = []
        for text, slot, keys in (
            ("&Lock with a PIN…", self.lock, "Ctrl+L"),
            ("C&hange the PIN…", self.change_pin, None),
            ("Remove the P&IN…", self.remove_pin, None),
        ):
            action = QAction(text, window)
            if keys:
                action.setShortcuts([QKeySequence(keys)])
            action.triggered.connect(slot)
            menu.insertAction(before, action)
            made.append(action)
        self.lock_action, self.change_action, self.remove_action = made
        return made

    def update_actions(self) -> None:
        """Each item as the workbook on screen allows: Lock with a PIN when it has none,
        Lock now, Change and Remove once it has one and is unlocked; none while locked."""
        if self.lock_action is None or self._window.session is None:
            return
        from workbook.locks import has_pin

        workbook_id = self._window.workbook_id
        shown = workbook_id is not None and not self.hides(workbook_id)
        pinned = shown and has_pin(self._window.session.db, workbook_id)
        self.lock_action.setText("&Lock now" if pinned else "&Lock with a PIN…")
        self.lock_action.setEnabled(shown)
        self.change_action.setEnabled(pinned)
        self.remove_action.setEnabled(pinned)

    @Slot()
    def lock(self) -> None:
        """Lock with a PIN (chosen now), or Lock now when the workbook has one already."""
        from workbook.locks import has_pin

        window = self._window
        workbook_id = window.workbook_id
        if workbook_id is None or self.hides(workbook_id):
            return
        window.autosaver.flush()
        if has_pin(window.session.db, workbook_id):
            self._relock(workbook_id)
            window.load_workbook(workbook_id, remember=False)
            return
        if self._choose_pin(workbook_id, "Lock with a PIN"):
            window.statusBar().showMessage(
                "The workbook has a PIN now. It locks when you switch to another workbook, "
                "close the app or choose Workbook ▸ Lock now.",
                15_000,
            )

    @Slot()
    def change_pin(self) -> None:
        workbook_id = self._window.workbook_id
        if (
            workbook_id is not None
            and not self.hides(workbook_id)
            and self._choose_pin(workbook_id, "Change the PIN")
        ):
            self._window.statusBar().showMessage("The PIN is changed.", 10_000)

    @Slot()
    def remove_pin(self) -> None:
        from ui.widgets import confirm
        from workbook.locks import clear_pin

        window = self._window
        workbook_id = window.workbook_id
        if workbook_id is None or self.hides(workbook_id):
            return
        if confirm(
            window,
            "Remove the PIN",
            "Remove the PIN from this workbook? Anyone using this laptop can then open it "
            "and read everything in it.",
            "Remove the PIN",
        ) and self._write(clear_pin, workbook_id):
            window.statusBar().showMessage("The workbook has no PIN any more.", 10_000)
            self.update_actions()

    def _choose_pin(self, workbook_id: int, title: str) -> bool:
        from ui.unlock_panel import PinDialog
        from workbook.locks import label, set_pin

        window = self._window
        dialog = PinDialog(
            title,
            "Choose a PIN or passphrase for this workbook. While it is locked, the list of "
            f"workbooks shows it only as “{label(workbook_id)}”, and nothing in it can be "
            "seen, searched or exported here until the PIN is entered. Switching to "
            "another workbook or closing the app locks it.",
            window,
        )
        pin = dialog.pin if dialog.exec() else ""
        dialog.first.clear()  # no widget keeps the PIN once it is hashed
        dialog.second.clear()
        dialog.deleteLater()
        if not pin or not self._write(set_pin, workbook_id, pin):
            return False
        window.session.unlocked.add(workbook_id)  # set by the person on screen: still open
        self.update_actions()
        return True

    # ---- the panel ----------------------------------------------------------------------------

    def panel(self, workbook_id: int) -> UnlockPanel:
        """The unlock panel, showing `workbook_id` as locked (made the first time)."""
        from workbook.locks import label, wait_left

        if self._panel is None:
            from ui.unlock_panel import UnlockPanel

            self._panel = UnlockPanel()
            self._panel.unlock_requested.connect(self.unlock)
            self._panel.erase_requested.connect(self.erase)
            self._window.add_page(self._panel)
        self._panel.show_locked(label(workbook_id), wait_left(self._window.session.db, workbook_id))
        return self._panel

    @property
    def shown_panel(self) -> UnlockPanel | None:
        """The panel, if it was ever made."""
        return self._panel

    @Slot(str)
    def unlock(self, pin: str) -> None:
        """Check the PIN: the workbook opens on the step left off on, or the panel says
        what the guess came to and how long to wait."""
        from ui.settings import ui_settings
        from workbook.locks import try_pin

        window = self._window
        workbook_id = window.workbook_id
        if workbook_id is None or self._panel is None:
            return
        verdict = self._write(try_pin, workbook_id, pin)
        if verdict is None:
            self._panel.show_verdict("", 0)
            return
        if not verdict.unlocked:
            self._panel.show_verdict(verdict.message, verdict.wait_s)
            return
        window.session.unlocked.clear()  # at most the one on screen
        window.session.unlocked.add(workbook_id)
        window.load_workbook(
            workbook_id, remember=False, step=ui_settings().value("last_step", 0, int)
        )

    @Slot()
    def erase(self) -> None:
        """A forgotten PIN: confirm, then delete the workbook with everything in it and
        start an empty one in its place; offer to remove it from the backups too."""
        from dataclasses import replace

        from ui.backup_purge import offer_to_remove_deleted
        from ui.widgets import confirm
        from workbook.lock_reset import erase
        from workbook.locks import label

        window = self._window
        workbook_id = window.workbook_id
        if workbook_id is None:
            return
        if not confirm(
            window,
            "Erase this workbook?",
            f"Erase everything in “{label(workbook_id)}” so it can be used again without "
            "its PIN?\n\nEvery answer, journal entry and plan in it is deleted for good, "
            "with its PIN and its name, and an empty workbook takes its place. Nothing of "
            "it can be brought back here.",
            "Erase and unlock",
        ):
            return
        result = self._write(erase, workbook_id)
        if result is None:
            return
        gone, fresh = result
        self._relock(workbook_id)
        window.session.history.forget(fresh.workbook_id)  # a reused number starts clean
        window.load_workbook(fresh.workbook_id)
        window.statusBar().showMessage("The locked workbook is erased.", 15_000)
        offer_to_remove_deleted(window, window.session, replace(gone, name=label(gone.id)))

    # ---- writing ----------------------------------------------------------------------------

    def _write(self, operation, *args: object):  # noqa: ANN001, ANN202 - any lock operation
        """Run one of `workbook.locks`'s writes: what it returns (True for nothing), or
        None when it is refused, having said why plainly.
        A window that only reads the file cannot count a wrong guess, so it unlocks nothing."""
        import sqlite3

        from PySide6.QtWidgets import QMessageBox

        window = self._window
        if window.session.read_only is not None:
            QMessageBox.information(
                window,
                APP_NAME,
                "This window can only read the file, so it cannot unlock or lock a workbook: "
                f"{window.session.read_only}",
            )
            return None
        try:
            result = operation(window.session.db, *args)
        except (WorkbookError, sqlite3.Error) as problem:
            QMessageBox.warning(window, APP_NAME, as_problem(problem).message)
            return None
        return True if result is None else result
