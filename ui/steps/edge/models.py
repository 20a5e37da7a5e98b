"""One path's score as text: every answer that moved it, with its points and its reason.

`ContributionsModel` is a two-column table model (points, what moved it):
the starting 50 first, then each answer, largest raise first. The reason a
path counts an answer is its tooltip and its accessible description, so a
screen reader and a mouse both reach it. `FittedTreeView` shows it at its
full height inside the page's own scroll area, with no second scroll bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Line:
    points: str  # "+4.1"
    what: str  # the contribution's full label
    why: str
    spoken: str  # "raises it by 4.1"


class ContributionsModel(QAbstractTableModel):
    COLUMNS = ("Points", "What moved it")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: list[Line] = []

    def set_lines(self, lines: list[Line]) -> None:
        if lines == self._lines:
            return
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def lines(self) -> list[Line]:
        return list(self._lines)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return line.points if column == 0 else line.what
        if role == Qt.ItemDataRole.ToolTipRole:
            return line.why or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{line.what}: {line.spoken}"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return line.why
        return None

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self.COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RoomyDelegate(QStyledItemDelegate):
    """Rows with a little air between them, so wrapped labels do not run together."""

    PADDING = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + self.PADDING)


class FittedTreeView(QTreeView):
    """A read-only table as tall as its rows (long labels wrap), for use inside a scroll area."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setItemsExpandable(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setItemDelegate(RoomyDelegate(self))
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)

    def setModel(self, model: QAbstractTableModel) -> None:  # noqa: N802 - Qt name
        super().setModel(model)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        model.modelReset.connect(self._fit)

    def _fit(self) -> None:
        self.doItemsLayout()
        self.updateGeometry()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            # Wrapped labels take more or fewer lines at the new width.
            self.doItemsLayout()
            self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        model = self.model()
        height = self.header().sizeHint().height() + 2 * self.frameWidth()
        if model is not None:
            for row in range(model.rowCount()):
                height += self.rowHeight(model.index(row, 0))
        return QSize(super().sizeHint().width(), height + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(200, self.sizeHint().height())
