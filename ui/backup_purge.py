"""The window's two ways to remove deleted text from the backups (`workbook.backup_purge`):
the offer made right after a workbook is deleted, and the menu item that cleans every
backup of what no longer exists. Both say what happened in the status bar, and in a
warning when a backup could not be cleaned (its deleted text is still in it).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from ui.widgets import confirm
from workbook import APP_NAME
from workbook.backups import list_backups
from workbook.errors import WorkbookError

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbook.backup_purge import PurgeReport
    from workbook.model import WorkbookInfo
    from workbook.session import Session

_SHOWN_MS = 15_000


def offer_to_remove_deleted(window: QMainWindow, session: Session, info: WorkbookInfo) -> None:
    """Ask whether a workbook just deleted should leave the backups too; Cancel is the default.

    Asked only when there are backups. Keeping it there is the default because a
    backup is the only way back from deleting the wrong workbook.
    """
    from workbook.backup_purge import remove_workbook_from_backups

    count = len(list_backups(session.path))
    if not count:
        return
    if confirm(
        window,
        "Remove from the backups too?",
        f"The workbook “{info.name}” is deleted, but {_backups(count)} still "
        f"{'holds' if count == 1 else 'hold'} a full copy of it, private journal entries "
        "included, until newer backups replace them.\n\n"
        "Remove it from the backups as well? It can then no longer be restored from them.",
        "Remove from backups",
    ):
        _run(window, lambda: remove_workbook_from_backups(session.path, info))


def purge_deleted_from_backups(window: QMainWindow, session: Session) -> None:
    """Confirm, then remove from every backup whatever the open file no longer holds."""
    from workbook.backup_purge import purge_deleted_text

    count = len(list_backups(session.path))
    if not count:
        window.statusBar().showMessage(
            "There are no backups yet, so there is nothing to clean.", _SHOWN_MS
        )
        return
    if confirm(
        window,
        "Remove deleted text from backups",
        f"Remove from {_backups(count)} every workbook and entry that is no longer in this "
        "file? Text you only changed stays in them as it was.\n\n"
        "Whatever is removed can no longer be restored, including anything a restore "
        "replaced.",
        "Remove",
    ):
        _run(window, lambda: purge_deleted_text(session.path, session.db))


def _run(window: QMainWindow, clean: Callable[[], PurgeReport]) -> None:
    from PySide6.QtCore import Qt

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report, refused = clean(), None
    except (WorkbookError, sqlite3.Error, OSError) as problem:
        # Each backup's own problems are in the report; this is the open file or the folder.
        report, refused = None, getattr(problem, "message", problem)
    finally:
        QApplication.restoreOverrideCursor()
    if report is None:
        QMessageBox.warning(window, APP_NAME, f"The backups could not be cleaned: {refused}")
        return
    window.statusBar().showMessage(report.summary().replace("\n", " "), _SHOWN_MS)
    if not report.ok:
        QMessageBox.warning(window, APP_NAME, report.summary())


def _backups(count: int) -> str:
    return "1 backup" if count == 1 else f"{count} backups"
