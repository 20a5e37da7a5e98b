"""The edge page's "What matters to you": a few values the person puts in order.

The values come from the content (`Content.values`, our own list; the inspiration is
named under it). The list is `ui.ranking.RankedList`: Move up, Move down, Alt+Up and
Alt+Down, or drag. Every move stores the whole order at once through the door
(`door.rank_values`, one undo step); until the first move the list shows the content's
order and counts for nothing, and "This order is right" keeps it as it is. The values'
description shows under the list for the one chosen, and in each item's tooltip.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.binding import Binder
from ui.ranking import RankedList
from ui.widgets import hint, muted, strong
from workbook import door
from workbook.analysis.scoring import value_order
from workbook.content.catalogue import Content
from workbook.data import WorkbookData

WorkbookId = Callable[[], int | None]

INTRO = (
    "What matters most to you in your working life? Put these in order, what matters most "
    "at the top. There is no right order, and every value here is a good one to have. Your "
    "order counts a little for each path, less than your strengths and statements, and the "
    "result shows how."
)
NOT_YET = (
    "Not in your order yet: this is the list as it comes, and it counts for nothing. Move "
    "the values until the order is yours, or keep it if it already is."
)
IN_ORDER = "This is your order. Move a value again whenever you see it differently."


class ValuesPanel(QWidget):
    """What matters to you, in the person's order."""

    def __init__(
        self,
        content: Content,
        binder: Binder,
        workbook_id: WorkbookId,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._content = content
        self._binder = binder
        self._workbook_id = workbook_id
        self._ranked = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(hint(INTRO))
        title = strong("What matters to you, most first")
        layout.addWidget(title)
        self.list = RankedList("value", "What matters to you, most first")
        self.list.model.set_tips({v.id: v.description for v in content.values.values()})
        title.setBuddy(self.list.view)
        layout.addWidget(self.list)
        self.about = hint("")
        self.about.setAccessibleName("What the chosen value means")
        layout.addWidget(self.about)
        row = QHBoxLayout()
        self.state = muted(NOT_YET)
        self.state.setAccessibleName("Whether this is your order")
        row.addWidget(self.state, 1)
        self.keep_button = QPushButton("This order is right")
        self.keep_button.setAccessibleName("Keep this order of what matters to you as mine")
        self.keep_button.clicked.connect(self.keep_order)
        row.addWidget(self.keep_button)
        layout.addLayout(row)
        layout.addWidget(muted(content.values_note))
        self.list.model.order_changed.connect(self._order_changed)
        self.list.view.selectionModel().currentChanged.connect(self._chosen)
        self.load(WorkbookData())

    def load(self, data: WorkbookData) -> None:
        """Show the stored order (values not in it follow in the content's order)."""
        ranked = value_order(data)
        rest = [v for v in self._content.values if v not in data.values]
        names = {v.id: v.name for v in self._content.values.values()}
        self.list.set_items([(v, names.get(v, v)) for v in ranked + rest if v in names])
        self._show_state(bool(ranked))
        view = self.list.view
        rows = view.model().rowCount()
        if rows and view.sizeHintForRow(0) > 0:  # every value in view, without scrolling
            view.setFixedHeight((rows + 1) * view.sizeHintForRow(0) + 2 * view.frameWidth())

    def order(self) -> list[str]:
        return self.list.model.order()

    def _show_state(self, ranked: bool) -> None:
        self._ranked = ranked
        self.state.setText(IN_ORDER if ranked else NOT_YET)
        self.keep_button.setVisible(not ranked)

    @Slot(list)
    def _order_changed(self, order: list[str]) -> None:
        self._store(order)

    @Slot()
    def keep_order(self) -> None:
        """Keep the order shown as the person's own (the first time, without moving)."""
        self._store(self.order())

    def _store(self, order: list[str]) -> None:
        workbook_id = self._workbook_id()
        if workbook_id is None:
            return
        if self._binder.now(door.rank_values, self._binder.db, workbook_id, order) is not None:
            self._show_state(True)

    @Slot(QModelIndex, QModelIndex)
    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        value = self._content.values.get(self.list.current_id() or "")
        self.about.setText(f"{value.name}: {value.description}" if value else "")
