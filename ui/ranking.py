"""A list a person puts in order: the model, and the list with its Move up / Move down.

`RankingModel` is a list model of (id, name) pairs in the person's order, first place at
row 0; rows move with `moveRows` (what QListView's internal drag and drop and the buttons
both use), and every move reports the new order with `order_changed`. It knows nothing
of the database: the page that owns it stores the order (a strength's rank, a value's
place). `RankedList` is the list and its two buttons, with Alt+Up and Alt+Down while
anything in it has focus; the strengths' forced ranking and the Edge step's "What
matters to you" both use them.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class RankingModel(QAbstractListModel):
    """Items in ranked order: (id, name) pairs, first place at row 0."""

    #: The ids in their new order, after the person moved one.
    order_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, str]] = []
        self._tips: dict[str, str] = {}

    # ---- reading ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item_id, name = self._items[index.row()]
        place = index.row() + 1
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{place}.  {name}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Place {place} of {len(self._items)}: {name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            about = self._tips.get(item_id, "")
            about = f" {about}" if about else ""
            return f"{name}: place {place}.{about} Drag it, or use Alt+Up and Alt+Down, to move it."
        if role == ID_ROLE:
            return item_id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows, never on one
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        return Qt.DropAction.MoveAction

    def order(self) -> list[str]:
        return [item_id for item_id, _ in self._items]

    def row_of(self, item_id: str) -> int:
        return self.order().index(item_id) if item_id in self.order() else -1

    # ---- changing ---------------------------------------------------------------------

    def set_tips(self, tips: dict[str, str]) -> None:
        """A sentence about each item, shown in its tooltip (a value's description)."""
        self._tips = dict(tips)

    def set_items(self, items: list[tuple[str, str]]) -> None:
        """Show a stored order (not a move: no order_changed)."""
        if items == self._items:
            return
        if [i for i, _ in items] == self.order():  # only names changed
            self._items = list(items)
            if items:
                self.dataChanged.emit(self.index(0), self.index(len(items) - 1))
            return
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def moveRows(  # noqa: N802 - Qt API
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        rows = len(self._items)
        if (
            source_parent.isValid()
            or destination_parent.isValid()
            or count < 1
            or source_row < 0
            or source_row + count > rows
            or not 0 <= destination_child <= rows
            or source_row <= destination_child <= source_row + count
        ):
            return False
        if not self.beginMoveRows(
            QModelIndex(), source_row, source_row + count - 1, QModelIndex(), destination_child
        ):
            return False
        moving = self._items[source_row : source_row + count]
        del self._items[source_row : source_row + count]
        insert_at = (
            destination_child if destination_child < source_row else destination_child - count
        )
        self._items[insert_at:insert_at] = moving
        self.endMoveRows()
        # Every place number between the old and the new position has changed.
        first = min(source_row, insert_at)
        last = max(source_row + count, insert_at + count) - 1
        self.dataChanged.emit(self.index(first), self.index(last))
        self.order_changed.emit(self.order())
        return True

    def move(self, row: int, step: int) -> bool:
        """Move one row up (step -1) or down (step 1)."""
        target = row + step
        if not 0 <= row < len(self._items) or not 0 <= target < len(self._items):
            return False
        destination = target if step < 0 else target + 1
        return self.moveRow(QModelIndex(), row, QModelIndex(), destination)


class RankedList(QWidget):
    """A `RankingModel` in a list view, with Move up and Move down beside it (Alt+Up and
    Alt+Down while the list or a button has focus). `what` names one item in the buttons'
    accessible names and tooltips: "strength", "value"."""

    def __init__(self, what: str, list_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.model = RankingModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(list_name)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropOverwriteMode(False)
        self.view.setAlternatingRowColors(True)
        self.view.setMaximumWidth(520)
        row.addWidget(self.view, 1)
        buttons = QVBoxLayout()
        self.up_button = QPushButton("Move up")
        self.up_button.setToolTip(f"Move the chosen {what} one place up (Alt+Up)")
        self.up_button.setAccessibleName(f"Move the chosen {what} up")
        self.up_button.clicked.connect(self.move_up)
        self.down_button = QPushButton("Move down")
        self.down_button.setToolTip(f"Move the chosen {what} one place down (Alt+Down)")
        self.down_button.setAccessibleName(f"Move the chosen {what} down")
        self.down_button.clicked.connect(self.move_down)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        row.addStretch(1)
        for keys, slot in (("Alt+Up", self.move_up), ("Alt+Down", self.move_down)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.rowsMoved.connect(self._update_buttons)
        self._update_buttons()

    def set_items(self, items: list[tuple[str, str]]) -> None:
        """Show a stored order, keeping the chosen item chosen."""
        current = self.current_id()
        self.model.set_items(items)
        if current is not None and (row := self.model.row_of(current)) >= 0:
            self.view.setCurrentIndex(self.model.index(row))

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, item_id: str) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))

    @Slot()
    def move_up(self) -> None:
        self._move(-1)

    @Slot()
    def move_down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        index = self.view.currentIndex()
        if index.isValid() and self.model.move(index.row(), step):
            self.view.scrollTo(self.view.currentIndex())

    @Slot()
    def _update_buttons(self) -> None:
        row = self.view.currentIndex().row()
        rows = self.model.rowCount()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < rows - 1)
