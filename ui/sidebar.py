"""The list of steps down the side: each step's title over a quieter status line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyledItemDelegate

from workbook.steps import STEPS

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
PADDING = 10


def list_steps(view: QListWidget) -> None:
    """Put every step in the list: its title over its status, its summary as a tooltip."""
    view.setItemDelegate(StepDelegate(view))
    for step in STEPS:
        item = QListWidgetItem(step.title)
        item.setToolTip(step.summary)
        view.addItem(item)


class StepDelegate(QStyledItemDelegate):
    """Paints a step as a bold title and, below it, its completion in a muted colour.

    It reads selection and enabled state from the view rather than `option.state`,
    and leaves the background to the base class: touching `QStyle` from Python makes
    PySide6 build all of its enums (about 5 ms) on the way to the first workbook.
    """

    def sizeHint(  # noqa: N802 - Qt name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = option.fontMetrics.lineSpacing()
        return QSize(option.rect.width(), int(2 * line + 2 * PADDING))

    def initStyleOption(  # noqa: N802 - Qt name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.text = ""  # the style draws the selection and focus frame; paint() the text

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        view = option.widget
        selected = bool(view is not None and view.selectionModel().isSelected(index))
        enabled = view is None or view.isEnabled()
        group = QPalette.ColorGroup.Normal if enabled else QPalette.ColorGroup.Disabled
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        muted_role = text_role if selected else QPalette.ColorRole.PlaceholderText

        rect = QRectF(option.rect).adjusted(PADDING, PADDING / 2, -PADDING, -PADDING / 2)
        line = option.fontMetrics.lineSpacing()
        painter.save()
        title_font = QFont(option.font)
        title_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(title_font)
        painter.setPen(option.palette.color(group, text_role))
        title_rect = QRectF(rect.left(), rect.top(), rect.width(), rect.height() / 2)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(title_rect, flags, index.data(Qt.ItemDataRole.DisplayRole) or "")
        status = index.data(STATUS_ROLE) or ""
        if status:
            painter.setFont(option.font)
            painter.setPen(option.palette.color(group, muted_role))
            status_rect = QRectF(rect.left(), rect.top() + rect.height() / 2, rect.width(), line)
            painter.drawText(status_rect, flags, status)
        painter.restore()
