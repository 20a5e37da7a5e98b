"""The window's work on the file's backups: restoring one (from the menu, or offered when
the file proves damaged) and removing deleted text from them.

The whole-file integrity check that runs once the workbook is on screen lives here too:
what it can lead to is the offer of a backup. `BackupActions` is given the window; a
restore closes the window's session under its lock, replaces the file and gives the
window the session reopened on it (`MainWindow.reopen`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from workbook import APP_NAME
from workbook.errors import WorkbookError

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QMainWindow

    from workbook.session import Session


class BackupActions(QObject):
    """Check the whole file, offer and restore a backup, clean the backups.

    `window` is the main window (`ui.main_window`, not imported: it imports this). What is
    used of it: `session`, `autosaver`, `reopen` and the status bar.
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._checked_session: Session | None = None
        #: While a restore saves what is typed, a refusal is expected: no second offer.
        self._restoring = False

    # ---- the whole-file check --------------------------------------------------------------

    def check_whole_file(self) -> None:
        """The full integrity check, on another thread: on a coach's file of 200 workbooks
        it takes longer than a frame. A write that comes first runs it itself."""
        from functools import partial

        from ui.jobs import BackgroundJob, start

        session = self._window.session
        job = BackgroundJob(partial(_integrity, session.path), doing="check the file")
        self._checked_session = session
        job.succeeded.connect(self._whole_file_checked)
        start(job)

    @Slot(object)
    def _whole_file_checked(self, problems: list[str]) -> None:
        session = self._checked_session
        if session is not self._window.session or session.closed or session.verified:
            return  # reopened meanwhile, or a write already checked it (and loaded all)
        session.record_check(problems)
        if session.damage is not None:
            self.offer_restore(session.damage)
        else:
            session.prepare()  # the file is sound: load what edits need before the first one

    @Slot(object)
    def offer_restore(self, problem: object) -> None:
        """The file turned out damaged before anything was written: offer a backup."""
        from ui.storage_notices import offer_backup_for

        if not self._restoring and offer_backup_for(self._window, problem):
            self._restore(damaged=True)

    # ---- restoring ---------------------------------------------------------------------------

    @Slot()
    def back_up_now(self) -> Path | None:
        """Workbook ▸ Back up now: a copy of the whole file, as it is once what is typed
        is saved, kept with the daily ones (the ten newest are kept)."""
        from PySide6.QtWidgets import QMessageBox

        from workbook.backups import make_backup

        window = self._window
        session = window.session
        if session is None:
            return None
        if session.read_only is not None:
            QMessageBox.information(
                window, APP_NAME, f"No backup can be made here: {session.read_only}"
            )
            return None
        window.autosaver.flush()
        try:
            # A damaged file must never push a good backup out of the ten kept: the full
            # check runs first if the background one has not finished.
            session.verify()
            made = make_backup(session.db, session.path)
        except WorkbookError as problem:
            QMessageBox.warning(window, APP_NAME, f"No backup was made. {problem.message}".strip())
            return None
        unsaved = window.autosaver.has_pending()
        window.statusBar().showMessage(
            f"Backed up to {made.name}"
            + (", without what could not be saved yet." if unsaved else "."),
            10_000,
        )
        return made

    @Slot()
    def restore(self) -> None:
        """Choose a backup and put it in place of the file; the file as it was is kept."""
        self._restore(damaged=False)

    def _restore(self, *, damaged: bool) -> None:
        """A sound file with a workbook locked for this window is not replaced: a backup
        from before its PIN would open it to anyone at the laptop. A damaged one may be."""
        from PySide6.QtWidgets import QMessageBox

        from ui.dialogs.backups import BackupDialog
        from workbook.session import Access, Session, restore_backup

        window = self._window
        session = window.session
        if session.read_only is not None:
            QMessageBox.information(
                window, APP_NAME, f"A backup cannot be restored here: {session.read_only}"
            )
            return
        if not damaged:
            from workbook.locks import refuse_restore_if_locked

            try:  # asked before the list of backups, not after a choice
                refuse_restore_if_locked(session.db, session.unlocked)
            except WorkbookError as refusal:
                QMessageBox.information(window, APP_NAME, refusal.message)
                return
        dialog = BackupDialog(session.path, window)
        if dialog.exec() != BackupDialog.DialogCode.Accepted or dialog.chosen() is None:
            return
        if not self._settle_pending():
            return
        path, lock, unlocked = session.path, session.lock, set(session.unlocked)
        # The window keeps the file's lock throughout: no other program writes meanwhile.
        session.close(keep_lock=True)
        try:
            kept = restore_backup(path, dialog.chosen(), lock=lock, unlocked=unlocked)
        except WorkbookError as problem:
            QMessageBox.warning(window, APP_NAME, problem.message)
            kept = None
        window.reopen(Session.open(path, Access.WINDOW, lock=lock))
        if kept:
            message = f"Restored. The file as it was is kept in {kept}."
            window.statusBar().showMessage(message, 15_000)

    def _settle_pending(self) -> bool:
        """Save what is typed; what the file still refuses (it is damaged, or the disk is
        full) can be kept in a workbook file first. False to stay as things are."""
        from ui.storage_notices import keep_unsaved_before_closing

        window = self._window
        self._restoring = True
        try:
            window.autosaver.flush()
        finally:
            self._restoring = False
        if not window.autosaver.has_pending():
            return True
        return keep_unsaved_before_closing(
            window, window.session, window.autosaver, going_on="Restore"
        )

    # ---- cleaning ----------------------------------------------------------------------------

    @Slot()
    def purge(self) -> None:
        """Remove from every backup what the file no longer holds (after asking)."""
        from ui.backup_purge import purge_deleted_from_backups

        self._window.autosaver.flush()  # what is typed but not yet saved still exists
        purge_deleted_from_backups(self._window, self._window.session)


def _integrity(path: Path, progress: object) -> list[str]:
    """A background job's work: the full integrity check on a connection of its own."""
    from workbook.session import integrity_problems

    return integrity_problems(path)
