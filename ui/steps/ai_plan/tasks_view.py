"""The AI plan's task table as a person edits it: cell editors and the view.

`TaskDelegate` gives each column the editor that fits it: a combo box for
the mode and the stakes, spin boxes for hours, the AI share (in percent),
the review time and the agency kept (each of its five levels shown with
its meaning), and for the texts a box that wraps them inside the cell's own
width and grows downwards as the text does (`CellTextEdit`, never wider
than its column). Choosing from a combo box saves at once; other editors
save when the person presses Enter (Ctrl+Enter too) or leaves the cell,
and Escape drops the edit. In the validation step and the risk, which may
run to several sentences, Shift+Enter starts a new line. `TaskTable` is a
QTableView that grows with its rows, lets Tab leave the table, and can
commit an open editor before the page hides or the window closes (nothing
typed is lost on the way out).

The table fits its width rather than scrolling sideways: the short columns
are as wide as their longest usual value, and the long text columns share
what is left (`share_width`). Each row is as tall as its longest text needs,
wrapped, up to `MAX_LINES` lines (`fit_rows`); only beyond that is a text
elided. A cell's full text is in its tooltip, in the editor and in the
details below the table.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHeaderView,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui.steps.ai_plan.editors import AgencySpinBox, CellTextEdit
from ui.steps.ai_plan.tasks_model import COLUMNS, COMPACT_ROLE, Column, agency_short
from ui.steps.ai_plan.text import AGENCY, MODES, STAKES, hours
from workbook.registry import MAX_HOURS

Index = QModelIndex | QPersistentModelIndex
SHORT_FIELDS = {"name", "tool"}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


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
                editor = CellTextEdit(parent, single_line=column.field in SHORT_FIELDS)
        editor.setAccessibleName(f"{column.name} for “{task_name}”")
        editor.setToolTip(column.tip)
        if isinstance(editor, CellTextEdit):
            keys = "Enter saves" if editor.single_line else "Enter saves; Shift+Enter, a new line"
            editor.setAccessibleDescription(f"{column.tip} {keys}; Escape cancels.")
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
        elif isinstance(editor, CellTextEdit):
            editor.setPlainText(value or "")
            editor.selectAll()  # typing replaces the text, as in any cell; arrows keep it

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
        elif isinstance(editor, CellTextEdit):
            value = editor.toPlainText()
        else:
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(  # noqa: N802 - Qt API
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        rect = QRect(option.rect)
        if isinstance(editor, CellTextEdit):
            editor.place(rect)  # the column's width; taller when the text needs it
            return
        # A spin box or combo needs a little more room than a narrow column gives it.
        rect.setWidth(max(rect.width(), editor.minimumSizeHint().width()))
        viewport = editor.parentWidget()
        if viewport is not None and rect.right() >= viewport.width():
            # Grow leftwards over the neighbouring cells rather than past the table's edge.
            rect.moveRight(viewport.width() - 1)
            if rect.left() < 0:
                rect.setLeft(0)
        editor.setGeometry(rect)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Keys in a text editor: Enter (or Ctrl+Enter) saves and closes, Shift+Enter
        starts a new line in a long text, Tab and Shift+Tab save and leave the cell;
        Escape and the rest as in any cell."""
        if (
            isinstance(editor, CellTextEdit)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            key, shift = event.key(), event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if key in ENTER_KEYS and shift and not editor.single_line:
                editor.insertPlainText("\n")
                return True
            if key in ENTER_KEYS or key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                return True
        return super().eventFilter(editor, event)

    @Slot(int)
    def _chosen(self, _index: int) -> None:
        editor = self.sender()
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)


class TaskTable(QTableView):
    """The task table: one row per task, tall enough to show every row, as wide as its place."""

    MAX_VISIBLE_ROWS = 14
    LINES = 2  # lines every row has room for, so rows line up when their texts are short
    MAX_LINES = 10  # lines a row grows to for its longest text before the rest is elided

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
        self.horizontalHeader().sectionResized.connect(self._column_resized)
        self._sharing = False  # while fit_columns sets every width: fit the rows once, after
        # Rows arrive one by one: share the widths out once, after the last.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit_columns)
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
            # New rows may hold longer texts: the widths are shared out again. An edit only
            # refits the rows, so columns never shift under the pointer while typing.
            for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
                signal.connect(self._refit.start)
            model.rowsMoved.connect(self.fit_rows)
            model.dataChanged.connect(self.fit_rows)
        self.fit_columns()
        self.fit_rows()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)  # the viewport's size, after the headers and scroll bars
        self.fit_columns()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_rows()
            self.fit_columns()
            self.fit_rows()

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
        """The narrowest a text column gets before the table scrolls instead: its least
        number of characters, or its longest word (up to twice that), so no word is cut."""
        metrics = self.fontMetrics()
        chars = COLUMNS[number].min_chars * metrics.averageCharWidth()
        model = self.model()
        words = (
            word
            for row in range(model.rowCount() if model else 0)
            for word in (model.index(row, number).data() or "").split()
        )
        longest = max((metrics.horizontalAdvance(w) for w in words), default=0)
        return max(
            self.horizontalHeader().sectionSizeHint(number),
            max(chars, min(longest, 2 * chars)) + self.cell_padding(),
        )

    def text_weight(self, number: int) -> int:
        """A text column's share of the spare width: its longest text on one line, so the
        columns wrap to about as many lines each and no row is taller than it must be; an
        empty column counts as `stretch` tens of characters."""
        metrics = self.fontMetrics()
        model = self.model()
        longest = max(
            (
                metrics.horizontalAdvance(model.index(row, number).data() or "")
                for row in range(model.rowCount())
            ),
            default=0,
        )
        return max(longest, COLUMNS[number].stretch * 10 * metrics.averageCharWidth())

    def _fits_in(self, number: int, width: int, lines: int) -> bool:
        """Whether every row's text in column `number` takes at most `lines` lines."""
        model = self.model()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = QRect(0, 0, max(1, width - 1), 1)
        delegate = self.itemDelegate()
        room = lines * self.fontMetrics().lineSpacing() + self._air()
        return all(
            delegate.sizeHint(option, model.index(row, number)).height() <= room
            for row in range(model.rowCount())
        )

    def _width_for(self, number: int, lines: int, low: int, high: int) -> int | None:
        """The narrowest width from `low` to `high` that keeps the column's texts within
        `lines` lines, or None."""
        if not self._fits_in(number, high, lines):
            return None
        while low < high:
            middle = (low + high) // 2
            if self._fits_in(number, middle, lines):
                high = middle
            else:
                low = middle + 1
        return high

    def share_text_width(self, spare: int) -> dict[int, int]:
        """Widths for the text columns: the fewest lines for which every text fits (so the
        tallest row is as short as it can be), then what is left by `text_weight`; when not
        even MAX_LINES fit, by weight alone, and the longest texts are elided."""
        texts = [n for n, c in enumerate(COLUMNS) if c.stretch]
        minimum = {n: self.minimum_width(n) for n in texts}
        weights = {n: self.text_weight(n) for n in texts}
        for lines in range(self.LINES, self.MAX_LINES + 1):
            needed: dict[int, int] = {}
            for n in texts:
                width = self._width_for(n, lines, minimum[n], max(minimum[n], spare))
                if width is None:
                    break
                needed[n] = width
            if len(needed) == len(texts) and sum(needed.values()) <= spare:
                extra = share_width(spare - sum(needed.values()), weights, dict.fromkeys(texts, 0))
                return {n: needed[n] + extra[n] for n in texts}
        return share_width(spare, weights, minimum)

    @Slot()
    def fit_columns(self) -> None:
        """Short columns fit their values; the text columns share the rest of the viewport."""
        if self.model() is None:
            return
        widths = {n: self.natural_width(n) for n, c in enumerate(COLUMNS) if not c.stretch}
        spare = self.viewport().width() - sum(widths.values())
        widths |= self.share_text_width(spare)
        header = self.horizontalHeader()
        self._sharing = True
        try:
            for number, width in widths.items():
                if header.sectionSize(number) != width:
                    header.resizeSection(number, width)
        finally:
            self._sharing = False
        self.fit_rows()

    @Slot(int, int, int)
    def _column_resized(self, _number: int, _old: int, _new: int) -> None:
        if not self._sharing:  # a column dragged wider or narrower: its texts wrap anew
            self.fit_rows()

    def _air(self) -> int:
        return self.fontMetrics().lineSpacing() // 4

    def _fit_rows(self) -> None:
        lines = self.LINES * self.fontMetrics().lineSpacing()
        self.verticalHeader().setDefaultSectionSize(lines + self._air())

    def row_height_wanted(self, row: int) -> int:
        """As tall as the row's longest text wrapped in its column (the delegate's own
        layout, so what is measured is what is painted), between LINES and MAX_LINES."""
        model = self.model()
        line = self.fontMetrics().lineSpacing()
        low = self.verticalHeader().defaultSectionSize()
        high = self.MAX_LINES * line + self._air()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        delegate = self.itemDelegate()
        tallest = low
        for number in range(model.columnCount()):
            option.rect = QRect(0, 0, max(1, self.columnWidth(number) - 1), 1)
            hint = delegate.sizeHint(option, model.index(row, number)).height()
            tallest = max(tallest, hint + self._air())
        return min(tallest, high)

    @Slot()
    def fit_rows(self) -> None:
        """Each row as tall as its texts need, then the table as tall as its rows."""
        model = self.model()
        if model is None:
            return
        header = self.verticalHeader()
        for row in range(model.rowCount()):
            wanted = self.row_height_wanted(row)
            if header.sectionSize(row) != wanted:
                header.resizeSection(row, wanted)
        self.fit_height()

    @Slot()
    def fit_height(self) -> None:
        """Show every row (up to a limit) so the page, not the table, scrolls."""
        rows = self.model().rowCount() if self.model() else 0
        shown = sum(self.rowHeight(row) for row in range(min(rows, self.MAX_VISIBLE_ROWS)))
        shown += max(0, 3 - rows) * self.verticalHeader().defaultSectionSize()
        height = (
            self.horizontalHeader().sizeHint().height()
            + shown
            + 2 * self.frameWidth()
            + self.horizontalScrollBar().sizeHint().height()
        )
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def open_editor(self) -> QWidget | None:
        """The cell editor open now, if any (the view keeps it as the cell's widget)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return None
        index = self.currentIndex()
        return self.indexWidget(index) if index.isValid() else None

    def commit_open_editor(self) -> None:
        """Write what is in an open cell editor and close it (before hiding or closing)."""
        editor = self.open_editor()
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
