"""The AI plan's task table as a person edits it: cell editors and the view.

`TaskDelegate` gives each column the editor that fits it: a combo box for
the mode and the stakes, spin boxes for hours, the AI share (in percent),
the review time and the agency kept (each of its five levels shown with
its meaning), and a line of text for the rest. Choosing from a combo box
saves at once; other editors save when the person presses Enter or leaves
the cell. `TaskTable` is a QTableView that grows with its rows, lets Tab
leave the table, and can commit an open editor before the page hides or
the window closes (nothing typed is lost on the way out).

The table fits its width rather than scrolling sideways: the short columns
are as wide as their longest usual value, and the long text columns share
what is left (`share_width`), wrapping onto two lines and eliding the rest.
Only when even their narrowest widths do not fit does it scroll. A cell's
full text is in its tooltip, in the editor and in the details below the table.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QResizeEvent, QValidator
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionSpinBox,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui.steps.ai_plan.tasks_model import COLUMNS, COMPACT_ROLE, Column, agency_short
from ui.steps.ai_plan.text import AGENCY, MODES, STAKES, agency_text, hours
from workbook.model import MAX_SHORT_TEXT
from workbook.registry import MAX_HOURS

Index = QModelIndex | QPersistentModelIndex
SHORT_FIELDS = {"name", "tool"}
#: Characters a text editor gets at least, even over a narrow cell.
EDITOR_CHARS = 32


def samples(column: Column) -> list[str]:
    """The longest texts a short column usually shows, to size it by."""
    match column.kind:
        case "hours" | "freed":
            return [hours(79.75)]
        case "share":
            return ["100 %", "Not set"]
        case "mode":
            # Rows have two lines, so "Keep human" and "Not decided yet" wrap rather
            # than take width the text columns need.
            return [text for value, text in MODES if value and " " not in text]
        case "stakes":
            return [text for _value, text in STAKES]
        case "agency":
            return [agency_short(level) for level in AGENCY] + ["Not set"]
    return []


def share_width(spare: int, weights: dict[int, int], minimum: dict[int, int]) -> dict[int, int]:
    """Split `spare` pixels by weight, none below its minimum; the widths add up to
    `spare` whenever the minimums fit (or more, when they do not)."""
    widths: dict[int, int] = {}
    free = dict(weights)
    left = spare
    while free:
        total = sum(free.values())
        pinned = [n for n, weight in free.items() if left * weight / total < minimum[n]]
        if not pinned:
            break
        for n in pinned:
            widths[n] = minimum[n]
            left -= minimum[n]
            del free[n]
    if free:
        total = sum(free.values())
        for n, weight in free.items():
            widths[n] = left * weight // total
        # Rounding leaves a few pixels over; the first column takes them so none is wasted.
        widths[next(iter(free))] += left - sum(widths[n] for n in free)
    return widths


class AgencySpinBox(QSpinBox):
    """1 to 5, each shown with what it means ("4 · I do it, AI helps"); 0 is "Not set"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, len(AGENCY))
        self.setSpecialValueText("Not set")

    def textFromValue(self, value: int) -> str:  # noqa: N802 - Qt API
        return agency_text(value) if value else "Not set"

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        # Qt measures only the first 18 characters of the range's ends, which cuts a
        # meaning short; the editor is as wide as the longest one.
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        text = max(metrics.horizontalAdvance(self.textFromValue(v)) for v in AGENCY)
        option = QStyleOptionSpinBox()
        self.initStyleOption(option)
        size = self.style().sizeFromContents(
            QStyle.ContentsType.CT_SpinBox, option, QSize(text + 2, hint.height()), self
        )
        return QSize(max(hint.width(), size.width()), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(self.sizeHint().width(), super().minimumSizeHint().height())

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

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802 - Qt API
        super().initStyleOption(option, index)
        # Only what is painted gets shorter: the display role, read by screen readers,
        # and the tooltip keep the full wording.
        compact = index.data(COMPACT_ROLE)
        if compact:
            option.text = compact

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
        rect = QRect(option.rect)
        # A spin box or combo needs a little more room than a narrow column gives it,
        # and a sentence needs more than a narrow cell to be read while it is edited.
        wanted = editor.minimumSizeHint().width()
        if isinstance(editor, QLineEdit):
            wanted = max(wanted, editor.fontMetrics().averageCharWidth() * EDITOR_CHARS)
        rect.setWidth(max(rect.width(), wanted))
        viewport = editor.parentWidget()
        if viewport is not None and rect.right() >= viewport.width():
            # Grow leftwards over the neighbouring cells rather than past the table's edge.
            rect.moveRight(viewport.width() - 1)
            if rect.left() < 0:
                rect.setLeft(0)
        editor.setGeometry(rect)

    @Slot(int)
    def _chosen(self, _index: int) -> None:
        editor = self.sender()
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)


class TaskTable(QTableView):
    """The task table: one row per task, tall enough to show every row, as wide as its place."""

    MAX_VISIBLE_ROWS = 14
    LINES = 2  # lines of text a row shows before eliding

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
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStretchLastSection(False)
        self._fit_rows()

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
        if model is not None:
            header = self.horizontalHeader()
            for number, column in enumerate(COLUMNS):
                # The short columns fit their values, so only the text columns are worth
                # dragging wider; the next resize of the table shares the width out again.
                mode = (
                    QHeaderView.ResizeMode.Interactive
                    if column.stretch
                    else QHeaderView.ResizeMode.Fixed
                )
                header.setSectionResizeMode(number, mode)
            model.rowsInserted.connect(self.fit_height)
            model.rowsRemoved.connect(self.fit_height)
            model.modelReset.connect(self.fit_height)
        self.fit_columns()
        self.fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)  # the viewport's size, after the headers and scroll bars
        self.fit_columns()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_rows()
            self.fit_columns()
            self.fit_height()

    def cell_padding(self) -> int:
        """What an item view adds around a cell's text (the style's margins and the grid)."""
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self)
        return 2 * (margin + 1) + 1

    def natural_width(self, number: int) -> int:
        """A short column's width: its header, or its longest usual value, with some air."""
        metrics = self.fontMetrics()
        text = max((metrics.horizontalAdvance(t) for t in samples(COLUMNS[number])), default=0)
        air = metrics.averageCharWidth() // 2
        return max(
            self.horizontalHeader().sectionSizeHint(number),
            text + self.cell_padding() + air,
        )

    def minimum_width(self, number: int) -> int:
        """The narrowest a text column gets before the table scrolls instead."""
        chars = COLUMNS[number].min_chars
        return max(
            self.horizontalHeader().sectionSizeHint(number),
            chars * self.fontMetrics().averageCharWidth() + self.cell_padding(),
        )

    @Slot()
    def fit_columns(self) -> None:
        """Short columns fit their values; the text columns share the rest of the viewport."""
        if self.model() is None:
            return
        widths = {n: self.natural_width(n) for n, c in enumerate(COLUMNS) if not c.stretch}
        spare = self.viewport().width() - sum(widths.values())
        widths |= share_width(
            spare,
            {n: c.stretch for n, c in enumerate(COLUMNS) if c.stretch},
            {n: self.minimum_width(n) for n, c in enumerate(COLUMNS) if c.stretch},
        )
        header = self.horizontalHeader()
        for number, width in widths.items():
            if header.sectionSize(number) != width:
                header.resizeSection(number, width)

    def _fit_rows(self) -> None:
        lines = self.LINES * self.fontMetrics().lineSpacing()
        air = self.fontMetrics().lineSpacing() // 4
        self.verticalHeader().setDefaultSectionSize(lines + air)

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
