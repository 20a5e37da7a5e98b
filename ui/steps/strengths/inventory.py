"""The list of strengths on the left of the inventory, grouped by domain.

Domains are headings the arrow keys step over, so they go from strength
to strength. Beside each strength a small mark
says how far it is rated: ✓ for skill, energy and edge all given, … for a
start. Under the list, a line to add a strength of your own.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .state import MARK_WORDS, MARKS, Entry

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _Tree(QTreeWidget):
    """A tree whose arrow keys step over the domain headings, from strength to strength."""

    UP = {
        QAbstractItemView.CursorAction.MoveUp,
        QAbstractItemView.CursorAction.MovePageUp,
        QAbstractItemView.CursorAction.MoveHome,
        QAbstractItemView.CursorAction.MovePrevious,
        QAbstractItemView.CursorAction.MoveLeft,
    }

    def moveCursor(  # noqa: N802 - Qt name
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        index = super().moveCursor(action, modifiers)
        if not index.isValid() or index.data(ID_ROLE) is not None:
            return index
        first, second = (
            (self.indexAbove, self.indexBelow)
            if action in self.UP
            else (self.indexBelow, self.indexAbove)
        )
        for step in (first, second):
            candidate = step(index)
            while candidate.isValid() and candidate.data(ID_ROLE) is None:
                candidate = step(candidate)
            if candidate.isValid():
                return candidate
        return self.currentIndex()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()  # rows as tall as their names wrap at this width


class _WholeNames(QStyledItemDelegate):
    """Row heights that fit a name wrapped to the list's width, so no name is cut."""

    def sizeHint(  # noqa: N802 - Qt name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        view = self.parent()
        if index.column() != 0 or not isinstance(view, QTreeWidget):
            return hint
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        depth = 1 if index.parent().isValid() else 0
        spanned = not index.parent().isValid()  # a heading spans both columns
        width = view.viewport().width() if spanned else view.columnWidth(0)
        width -= depth * view.indentation() + 7  # the text's margins as painted (3 + 3), and 1
        metrics = QFontMetrics(shown.font)
        flags = int(Qt.TextFlag.TextWordWrap)
        text = metrics.boundingRect(QRect(0, 0, max(40, width), 100_000), flags, shown.text)
        extra = text.height() - metrics.lineSpacing()  # the lines beyond the first
        return QSize(hint.width(), hint.height() + max(0, extra))


class StrengthList(QWidget):
    """The catalogue and your own strengths; `chosen` says which one to show."""

    #: The id of the strength the person moved to.
    chosen = Signal(str)
    #: The name of a strength of their own the person wants to add.
    add_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.tree = _Tree()
        self.tree.setAccessibleName("Strengths, grouped by domain")
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setIndentation(12)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Whole names, wrapped onto a second line when the list is narrow, never cut with "…".
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(_WholeNames(self.tree))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(self._column_resized)
        self.tree.currentItemChanged.connect(self._current_changed)
        layout.addWidget(self.tree, 1)

        label = QLabel("Add a strength of your own:")
        layout.addWidget(label)
        row = QHBoxLayout()
        self.new_name = QLineEdit()
        label.setBuddy(self.new_name)
        self.new_name.setMaxLength(300)
        self.new_name.setPlaceholderText("Its name")
        self.new_name.setAccessibleName("Name of a strength of your own to add")
        self.new_name.returnPressed.connect(self._add)
        self.add_button = QPushButton("Add")
        self.add_button.setAccessibleName("Add this strength of your own")
        self.add_button.clicked.connect(self._add)
        row.addWidget(self.new_name, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._shape: list[tuple[str, str]] = []

    def show_entries(self, entries: list[Entry], states: dict[str, str]) -> None:
        """Show the strengths with their marks; rebuilt only when the list itself changed."""
        shape = [(e.group, e.id) for e in entries]
        if shape != self._shape:
            self._rebuild(entries)
            self._shape = shape
        for entry in entries:
            item = self._items[entry.id]
            state = states.get(entry.id, "none")
            item.setText(0, entry.name)
            item.setText(1, MARKS[state])
            item.setToolTip(0, entry.description)
            item.setData(
                0, Qt.ItemDataRole.AccessibleTextRole, f"{entry.name}, {MARK_WORDS[state]}"
            )
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)

    def _rebuild(self, entries: list[Entry]) -> None:
        current = self.current_id()
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items = {}
        line = self.tree.fontMetrics().lineSpacing()
        group_item: QTreeWidgetItem | None = None
        for entry in entries:
            if group_item is None or group_item.text(0) != entry.group:
                group_item = QTreeWidgetItem(self.tree, [entry.group])
                group_item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: never chosen
                group_item.setFirstColumnSpanned(True)
                font = group_item.font(0)
                font.setBold(True)
                group_item.setFont(0, font)
                group_item.setSizeHint(0, QSize(0, int(line * 2)))  # room above each heading
                group_item.setTextAlignment(
                    0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
                )
                group_item.setData(0, Qt.ItemDataRole.AccessibleTextRole, entry.group)
            item = QTreeWidgetItem(group_item, [entry.name, ""])
            item.setData(0, ID_ROLE, entry.id)
            item.setSizeHint(0, QSize(0, int(line * 1.5)))
            self._items[entry.id] = item
        self.tree.expandAll()
        if current in self._items:
            self.tree.setCurrentItem(self._items[current])
        self.tree.blockSignals(False)

    def current_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def select(self, strength_id: str) -> None:
        item = self._items.get(strength_id)
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)

    def ids(self) -> list[str]:
        return list(self._items)

    def item(self, strength_id: str) -> QTreeWidgetItem:
        """The list's row for a strength: its name, and its mark in the second column."""
        return self._items[strength_id]

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        strength_id = current.data(0, ID_ROLE)
        if strength_id:
            self.chosen.emit(strength_id)
        elif current.childCount():  # a heading was clicked: go to its first strength
            self.tree.setCurrentItem(current.child(0))

    @Slot(int, int, int)
    def _column_resized(self, column: int, old: int, new: int) -> None:
        if column == 0 and old != new:
            self.tree.scheduleDelayedItemsLayout()  # the names wrap at the new width

    @Slot()
    def _add(self) -> None:
        name = self.new_name.text().strip()
        if name:
            self.add_requested.emit(name)

    def added(self) -> None:
        """The strength was added: clear the line for the next one."""
        self.new_name.clear()
