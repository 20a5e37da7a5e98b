"""The AI plan's task table as a person edits it: cell editors and the view.

`TaskDelegate` gives each column the editor that fits it: a combo box for
the mode and the stakes, spin boxes for hours, the AI share (in percent),
the review time and the agency kept (each of its five levels shown with
its meaning), and a line of text for the rest. Choosing from a combo box
saves at once; other editors save when the person presses Enter or leaves
the cell. `TaskTable` is a QTableView that grows with its rows, lets Tab
leave the table, and can commit an open editor before the page hides or
the window closes (nothing typed is lost on the way out).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui.steps.ai_plan_text import AGENCY, MODES, STAKES, agency_text
from ui.steps.ai_tasks_model import COLUMNS
from workbook.model import MAX_SHORT_TEXT
from workbook.records import MAX_HOURS

Index = QModelIndex | QPersistentModelIndex
SHORT_FIELDS = {"name", "tool"}


class AgencySpinBox(QSpinBox):
    """1 to 5, each shown with what it means ("4 · I do it, AI helps"); 0 is "Not set"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, len(AGENCY))
        self.setSpecialValueText("Not set")

    def textFromValue(self, value: int) -> str:  # noqa: N802 - Qt API
        return agency_text(value) if value else "Not set"

    def valueFromText(self, text: str) -> int:  # noqa: N802 - Qt API
        digits = [c for c in text if c.isdigit()]
        return int(digits[0]) if digits and 1 <= int(digits[0]) <= len(AGENCY) else 0

    def validate(self, text: str, pos: int) -> object:
        stripped = text.strip()
        if not stripped or stripped == "Not set":
            return QValidator.State.Intermediate if not stripped else QValidator.State.Acceptable
        if stripped[0].isdigit() and 1 <= int(stripped[0]) <= len(AGENCY):
            return QValidator.State.Acceptable
        return QValidator.State.Invalid


class TaskDelegate(QStyledItemDelegate):
    """Editors for the task table, chosen by the column's kind."""

    def createEditor(  # noqa: N802 - Qt API
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        column = COLUMNS[index.column()]
        task_name = index.siblingAtColumn(0).data() or "new task"
        editor: QWidget
        match column.kind:
            case "hours":
                spin = QDoubleSpinBox(parent)
                spin.setRange(0, MAX_HOURS)
                spin.setDecimals(2)
                spin.setSingleStep(0.5)
                spin.setSuffix(" h")
                editor = spin
            case "share":
                share = QSpinBox(parent)
                share.setRange(-1, 100)
                share.setSingleStep(5)
                share.setSpecialValueText("Not set")
                share.setSuffix(" %")
                editor = share
            case "agency":
                editor = AgencySpinBox(parent)
            case "mode" | "stakes":
                combo = QComboBox(parent)
                for value, text in MODES if column.kind == "mode" else STAKES:
                    combo.addItem(text, value)
                combo.activated.connect(self._chosen)
                editor = combo
            case _:
                line = QLineEdit(parent)
                if column.field in SHORT_FIELDS:
                    line.setMaxLength(MAX_SHORT_TEXT)
                editor = line
        editor.setAccessibleName(f"{column.name} for “{task_name}”")
        editor.setToolTip(column.tip)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt API
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, AgencySpinBox):
            editor.setValue(value or 0)
        elif isinstance(editor, QSpinBox):
            editor.setValue(-1 if value is None else int(value))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value or 0.0))
        elif isinstance(editor, QLineEdit):
            editor.setText(value or "")

    def setModelData(  # noqa: N802 - Qt API
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        value: Any
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QSpinBox | QDoubleSpinBox):
            editor.interpretText()
            value = editor.value()
            if isinstance(editor, AgencySpinBox):
                value = value or None
            elif isinstance(editor, QSpinBox) and value < 0:
                value = None
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(  # noqa: N802 - Qt API
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        rect = option.rect
        # A spin box or combo needs a little more room than a narrow column gives it.
        rect.setWidth(max(rect.width(), editor.minimumSizeHint().width()))
        editor.setGeometry(rect)

    @Slot(int)
    def _chosen(self, _index: int) -> None:
        editor = self.sender()
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)


class TaskTable(QTableView):
    """The task table: one row per task, tall enough to show every row."""

    MAX_VISIBLE_ROWS = 14

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(TaskDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStretchLastSection(False)

    def event(self, event: QEvent) -> bool:
        # F2 edits the current cell here, as in every table, rather than renaming the workbook.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_F2
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.state() != QAbstractItemView.State.EditingState
        ):
            event.accept()
            return True
        return super().event(event)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt API
        super().setModel(model)
        for number, column in enumerate(COLUMNS):
            self.setColumnWidth(number, column.width)
        if model is not None:
            model.rowsInserted.connect(self.fit_height)
            model.rowsRemoved.connect(self.fit_height)
            model.modelReset.connect(self.fit_height)
        self.fit_height()

    @Slot()
    def fit_height(self) -> None:
        """Show every row (up to a limit) so the page, not the table, scrolls."""
        rows = self.model().rowCount() if self.model() else 0
        shown = min(max(rows, 3), self.MAX_VISIBLE_ROWS)
        height = (
            self.horizontalHeader().sizeHint().height()
            + shown * self.verticalHeader().defaultSectionSize()
            + 2 * self.frameWidth()
            + self.horizontalScrollBar().sizeHint().height()
        )
        self.setFixedHeight(height)

    def open_editor(self) -> QWidget | None:
        """The cell editor open now, if any (editors are children of the viewport)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return None
        editors = [
            child
            for child in self.viewport().findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            if child.isVisible()
        ]
        return editors[0] if editors else None

    def commit_open_editor(self) -> None:
        """Write what is in an open cell editor and close it (before hiding or closing)."""
        editor = self.open_editor()
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
