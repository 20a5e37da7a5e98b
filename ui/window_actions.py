"""Which of the window's actions may be used now, named for what they would do, and undo
and redo replayed: kept apart from `ui.main_window` so the shell stays small.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMainWindow, QMessageBox

from workbook import APP_NAME
from workbook.errors import WorkbookError, as_problem

if TYPE_CHECKING:
    from workbook.change import Change


def describe(change: Change | None) -> str:
    """What undoing or redoing `change` is called, after "Undo" or "Redo"."""
    from workbook.history import label

    text = label(change)
    return f" {text}" if text else ""


def update_actions(window: QMainWindow) -> None:
    """Enable the workbook's actions only for a workbook shown and not locked, and name
    Undo and Redo for the step they would take."""
    if window.session is None:
        return
    has = window.workbook_id is not None and not window.locks.hides(window.workbook_id)
    books = (
        window.rename_action,
        window.duplicate_action,
        window.delete_action,
        window.handoff_action,
    )
    for action in (*books, window.export_file_action, window.export_pdf_action):
        action.setEnabled(has)
    window.locks.update_actions()
    history = window.session.history
    undo = history.next_undo(window.workbook_id) if has else None
    redo = history.next_redo(window.workbook_id) if has else None
    window.undo_action.setEnabled(undo is not None)
    window.redo_action.setEnabled(redo is not None)
    window.undo_action.setText(f"&Undo{describe(undo)}")
    window.redo_action.setText(f"&Redo{describe(redo)}")


def replay(window: QMainWindow, step: Callable[[Any, int], Change | None]) -> None:
    """Undo or redo one step of the workbook shown, saving what is typed first."""
    import sqlite3

    if window.workbook_id is None or window.locks.hides(window.workbook_id):
        return
    window.autosaver.flush()
    try:
        change = step(window.session.db, window.workbook_id)
    except (WorkbookError, sqlite3.Error) as problem:
        QMessageBox.warning(window, APP_NAME, as_problem(problem).message)
        return
    if change is not None:
        window._reload_pages()
        window._on_saved(change)
