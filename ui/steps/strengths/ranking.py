"""Forced ranking: put your strengths in order instead of rating each one.

`RankingModel` is a list model of strengths in the person's order; rows
move with `moveRows` (what QListView's internal drag and drop and the Move
up / Move down buttons both use), and every move reports the new order with
`order_changed`. The model knows nothing of the database: the page stores
each strength's place as its rank. `RankingPanel` holds the switch between
rating and ranking, the list, and the buttons (Alt+Up / Alt+Down).
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
    QButtonGroup,
    QHBoxLayout,
    QListView,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import hint, muted, strong
from workbook.model import STRENGTH_MODES

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class RankingModel(QAbstractListModel):
    """Strengths in ranked order: (id, name) pairs, first place at row 0."""

    #: The ids in their new order, after the person moved one.
    order_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, str]] = []

    # ---- reading ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        strength_id, name = self._items[index.row()]
        place = index.row() + 1
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{place}.  {name}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Place {place} of {len(self._items)}: {name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{name}: place {place}. Drag it, or use Alt+Up and Alt+Down, to move it."
        if role == ID_ROLE:
            return strength_id
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
        return [strength_id for strength_id, _ in self._items]

    def row_of(self, strength_id: str) -> int:
        return self.order().index(strength_id) if strength_id in self.order() else -1

    # ---- changing ---------------------------------------------------------------------

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


class RankingPanel(QWidget):
    """Choose rating or ranking; in ranking mode, order the strengths."""

    #: "rating" or "ranking", chosen by the person.
    mode_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 8)
        layout.setSpacing(10)
        layout.addWidget(strong("How do you want to judge your skill?"))
        modes = QHBoxLayout()
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QRadioButton] = {}
        for index, (mode, label) in enumerate(STRENGTH_MODES):
            button = QRadioButton(label)
            button.setAccessibleName(f"Way to judge skill: {label}")
            self.mode_group.addButton(button, index)
            self.mode_buttons[mode] = button
            modes.addWidget(button)
        modes.addStretch(1)
        self.mode_group.idClicked.connect(self._mode_clicked)
        layout.addLayout(modes)
        layout.addWidget(
            hint(
                "Rating asks how skilled you are at each strength on its own. Ranking asks "
                "you to put them in order, which helps when everything looks like a 4 or a 5. "
                "In your ranking, first place counts as a skill of 5 and last place as 1, "
                "evenly spaced between. You still rate energy and edge in the inventory."
            )
        )
        self.rating_note = muted(
            "You are rating each strength. Choose ranking above to put the strengths you "
            "have rated in order; your earlier ratings set the starting order."
        )
        layout.addWidget(self.rating_note)

        self.list_area = QWidget()
        row = QHBoxLayout(self.list_area)
        row.setContentsMargins(0, 0, 0, 0)
        self.model = RankingModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Your strengths in order, strongest first")
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
        self.up_button.setToolTip("Move the chosen strength one place up (Alt+Up)")
        self.up_button.setAccessibleName("Move the chosen strength up")
        self.up_button.clicked.connect(self.move_up)
        self.down_button = QPushButton("Move down")
        self.down_button.setToolTip("Move the chosen strength one place down (Alt+Down)")
        self.down_button.setAccessibleName("Move the chosen strength down")
        self.down_button.clicked.connect(self.move_down)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        row.addStretch(1)
        layout.addWidget(self.list_area, 100)
        self.empty = muted(
            "Nothing to rank yet: rate the energy or edge of a few strengths in the inventory."
        )
        layout.addWidget(self.empty)
        layout.addStretch(1)  # keeps the text together when the list is hidden

        for keys, slot in (("Alt+Up", self.move_up), ("Alt+Down", self.move_down)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.rowsMoved.connect(self._update_buttons)
        self.set_mode("rating")

    def set_mode(self, mode: str) -> None:
        """Show the stored mode (not a choice: no signal)."""
        self.mode_group.blockSignals(True)
        self.mode_buttons.get(mode, self.mode_buttons["rating"]).setChecked(True)
        self.mode_group.blockSignals(False)
        ranking = mode == "ranking"
        self.rating_note.setVisible(not ranking)
        self.list_area.setVisible(ranking and self.model.rowCount() > 0)
        self.empty.setVisible(ranking and self.model.rowCount() == 0)

    def set_items(self, items: list[tuple[str, str]]) -> None:
        current = self.current_id()
        self.model.set_items(items)
        if current is not None and (row := self.model.row_of(current)) >= 0:
            self.view.setCurrentIndex(self.model.index(row))
        self.set_mode("ranking" if self.mode_buttons["ranking"].isChecked() else "rating")

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, strength_id: str) -> None:
        row = self.model.row_of(strength_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))

    @Slot(int)
    def _mode_clicked(self, index: int) -> None:
        self.mode_chosen.emit(STRENGTH_MODES[index][0])

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
