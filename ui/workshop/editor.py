"""Workshop ▸ Workshops…: the coach's workshops in this file, each copied from a template
and edited in the app (issue 15, item 1)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QListWidget, QMainWindow, QVBoxLayout


def open_workshops(window: QMainWindow) -> QDialog:
    """Show the Workshops dialog over `window` (the first sketch: the list only)."""
    from workbook.workshop import list_workshops

    dialog = QDialog(window)
    dialog.setWindowTitle("Workshops")
    listing = QListWidget(dialog)
    listing.setAccessibleName("Workshops")
    for _id, name, day in list_workshops(window.session.db):
        listing.addItem(f"{name} ({day})" if day else name)
    QVBoxLayout(dialog).addWidget(listing)
    dialog.show()
    return dialog
