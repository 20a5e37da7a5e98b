"""Bringing a widget on screen as a person would, shared by the GUI tests."""

from PySide6.QtWidgets import QApplication, QScrollArea


def into_view(widget):
    """Scroll every scroll area around `widget` so it is on screen."""
    QApplication.processEvents()  # a tab just shown lays itself out first
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()
    QApplication.processEvents()
