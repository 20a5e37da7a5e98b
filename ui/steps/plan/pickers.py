"""Pickers of the development plan: a date that may stay empty, and links to what a goal
builds on.

`DateField` (in `ui.date_field`, which the About page uses too) shows "Add a
date" until a date is set, then a calendar field with a Clear button.
`LinkPicker` shows the links as removable chips (wrapped by a `FlowLayout`)
and adds from a grouped `PickList`, a drop-down whose arrow keys open the
list instead of picking at once. They take
values and emit what the person chose; the page writes it.
"""

from __future__ import annotations

from functools import partial

import shiboken6
from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont, QKeyEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLayout,
    QLayoutItem,
    QVBoxLayout,
    QWidget,
)

from ui.steps.plan.widgets import tool_button
from ui.wheel_guard import SCROLLS_PAGE
from workbook.analysis.plan_choices import LINK_KINDS, LinkOption


class FlowLayout(QLayout):
    """Lays widgets out left to right, wrapping to a new line when the row is full.

    A layout of one's own owns its items, as Qt's own layouts do: those still in it are
    deleted with it, and one taken out with `takeAt` is the taker's to delete (`clear`
    does). Dropping the Python reference alone frees no C++ item.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)
        # The list, not the layout: a plain function holding only it, so no cycle keeps
        # the layout, and Qt drops the connection as the layout goes.
        self.destroyed.connect(partial(_delete_items, self._items))

    def clear(self) -> None:
        """Take every item out and delete it (its widget is left to its owner)."""
        _delete_items(self._items)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt name
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt name
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt name
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            if item.widget() is not None and item.widget().isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + self._gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            line = max(line, hint.height())
        return y + line - rect.y()


class PickList(QComboBox):
    """A drop-down list whose choice counts only when made in the open list.

    On a closed QComboBox the arrow keys and the mouse wheel pick the next entry at
    once; for a list that adds something (a link), that would add one entry per key
    press. Here the arrow keys open the list instead, and the wheel scrolls the page
    even when the list has focus (`ui.wheel_guard`)."""

    OPENING_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty(SCROLLS_PAGE, True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if event.key() in self.OPENING_KEYS or event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.showPopup()
            return
        if event.text().strip():
            return  # typing a letter would also pick at once
        super().keyPressEvent(event)


def _delete_items(items: list[QLayoutItem], *_destroyed: object) -> None:
    """Delete a FlowLayout's items (also called with what `destroyed` sends)."""
    while items:
        shiboken6.delete(items.pop())


class LinkPicker(QWidget):
    """What a goal builds on: chips to remove, a grouped list to add from."""

    changed = Signal(list)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._links: list[str] = []
        self._labels: dict[str, str] = {}
        self._options: tuple[LinkOption, ...] = ()
        self.setAccessibleName(name)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        self._chips = QWidget()
        self._flow = FlowLayout(self._chips)
        outer.addWidget(self._chips)
        self.add_combo = PickList()
        self.add_combo.setAccessibleName(f"{name}: add a strength, path or AI task")
        self.add_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.add_combo.setMinimumContentsLength(28)
        self.add_combo.activated.connect(self._chosen)
        outer.addWidget(self.add_combo, 0, Qt.AlignmentFlag.AlignLeft)

    def links(self) -> list[str]:
        return list(self._links)

    def show_links(
        self, links: tuple[str, ...], labels: dict[str, str], options: tuple[LinkOption, ...]
    ) -> None:
        """Show stored links (labels name each one) and what can still be added."""
        if list(links) != self._links or labels != self._labels:
            self._links, self._labels = list(links), dict(labels)
            self._fill_chips()
            self._options = ()  # the list depends on the links too
        if options != self._options:
            self._options = options
            self._fill_combo()

    def _fill_chips(self) -> None:
        for index in range(self._flow.count()):
            widget = self._flow.itemAt(index).widget()
            if widget is not None:
                widget.deleteLater()
        self._flow.clear()
        for key in self._links:
            label = self._labels.get(key, key)
            chip = tool_button(f"{label}  ×", f"Remove the link to {label}", "Remove this link")
            chip.setProperty("link", key)
            chip.clicked.connect(self._remove)
            self._flow.addWidget(chip)
            chip.show()
        if not self._links:
            self._flow.addWidget(QLabel("Nothing linked yet"))
            self._flow.itemAt(0).widget().show()
        self._chips.updateGeometry()

    def _fill_combo(self) -> None:
        combo = self.add_combo
        blocked = combo.blockSignals(True)
        combo.clear()
        combo.addItem("Link a strength, path or AI task…", None)
        model = combo.model()
        for kind, title in LINK_KINDS.items():
            choices = [o for o in self._options if o.kind == kind and o.key not in self._links]
            if not choices:
                continue
            combo.addItem(title, None)
            if isinstance(model, QStandardItemModel):
                header = model.item(combo.count() - 1)
                header.setEnabled(False)
                font = QFont(header.font())
                font.setWeight(QFont.Weight.DemiBold)
                header.setFont(font)
            for option in choices:
                combo.addItem(f"    {option.label}", option.key)
        combo.setCurrentIndex(0)
        combo.blockSignals(blocked)

    @Slot(int)
    def _chosen(self, index: int) -> None:
        key = self.add_combo.itemData(index)
        self.add_combo.setCurrentIndex(0)
        if key and key not in self._links:
            self.changed.emit([*self._links, key])

    @Slot()
    def _remove(self) -> None:
        key = self.sender().property("link")
        self.add_combo.setFocus(Qt.FocusReason.OtherFocusReason)  # the chip goes away
        self.changed.emit([link for link in self._links if link != key])
