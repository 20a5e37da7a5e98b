"""Small building blocks of the development plan page.

Buttons with names for screen readers, asking before a delete
(`ask_then_delete`, with `ui.widgets.confirm`), a column of rows rebuilt only when
entries change (`RowList`), and the Tab order in reading order (`focus_order`). None of
them knows the database; the kit every page shares (`subheading`, `strong`, `hint`,
`muted`, `confirm`, `Disclosure`) is in `ui.widgets`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import confirm

DATE_FORMAT = "d MMM yyyy"


def focus_order(root: QWidget) -> list[QWidget]:
    """The widgets Tab reaches under `root`, in the order the layouts show them.

    Only layouts are followed, so the parts inside a spin box or a list view stay theirs."""
    found: list[QWidget] = []
    _visit(root, found)
    return found


# Plain functions, not closures inside `focus_order`: two nested functions that call each
# other make a reference cycle, which kept the list of every widget of the page (rows since
# deleted included) until Python's occasional full collection. The page asks after every
# saved change.
def _visit(widget: QWidget, found: list[QWidget]) -> None:
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
        found.append(widget)
    if widget.layout() is not None:
        _visit_layout(widget.layout(), found)


def _visit_layout(layout: QLayout, found: list[QWidget]) -> None:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is not None:
            _visit(item.widget(), found)
        elif item.layout() is not None:
            _visit_layout(item.layout(), found)


def tool_button(text: str, name: str, tip: str = "", parent: QWidget | None = None) -> QToolButton:
    """A small button that can be reached with Tab, with a name for screen readers."""
    button = QToolButton(parent)
    button.setText(text)
    button.setAccessibleName(name)
    button.setToolTip(tip or name)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


def ask_then_delete(
    owner: QWidget, ctx: Any, table: str, row_id: int, noun: str, text: str
) -> bool:
    """Ask "Delete the <noun> “<text>”?" and, if the person agrees, delete the row.

    `ctx` is the page's PlanContext; returns whether the row is gone.
    """
    what = elided(text) or f"this {noun}"
    if not confirm(owner, f"Delete {noun}", f"Delete the {noun} “{what}”?", "Delete"):
        return False
    return ctx.delete(table, row_id)


def elided(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class RowList(QWidget):
    """A column of rows, one per stored entry, rebuilt only when the entries themselves
    (their ids or order) change, so typing in a row is never interrupted by a refresh."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(spacing)
        self._rows: dict[int, QWidget] = {}
        self._ids: list[int] = []

    def sync(self, items: Sequence[Any], make: Callable[[Any, int], QWidget]) -> bool:
        """Rebuild the rows from `items` (each with an `id`) if they differ; True if rebuilt."""
        ids = [item.id for item in items]
        self.setVisible(bool(ids))  # an empty list takes no room between its neighbours
        if ids == self._ids:
            return False
        for row in self._rows.values():
            self._layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self._rows = {}
        for number, item in enumerate(items, start=1):
            row = make(item, number)
            self._rows[item.id] = row
            self._layout.addWidget(row)
            row.show()  # at once, not after the next pass of the event loop
        self._ids = ids
        return True

    def row(self, row_id: int | None) -> Any:
        return self._rows.get(row_id) if row_id is not None else None

    def rows(self) -> list[Any]:
        return [self._rows[i] for i in self._ids]

    def ids(self) -> list[int]:
        return list(self._ids)
