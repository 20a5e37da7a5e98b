"""The table model behind the AI plan's task list: one row per stored task.

`AITasksModel` shows a workbook's tasks (as read by `workbook.data`) with
the hours each frees (from `workbook.analysis.ai_plan`). It never writes to
the database itself: an edit calls the `write(task_id, field, value)`
function it was given, which goes through `workbook.door.tasks.update`,
and the model shows the new value only when that write succeeded.
`set_tasks` brings the model up to date with what is stored using proper
row removals, moves and insertions, so a view keeps its current cell and
selection across adds, deletes, reorders and undo.

Each column says how the view sizes it: the long text columns share the
spare width by `stretch` (never narrower than `min_chars` characters), the
others are as wide as their longest usual value. A cell too narrow for its
full wording can offer a shorter one under `COMPACT_ROLE`; the display
role, the tooltip and the editor keep the full wording.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyle

from ui.steps.ai_plan.text import MODE_TIPS, MODES, STAKES, agency_text, hours, label
from workbook.analysis.ai_plan import TaskResult
from workbook.data import Task

Index = QModelIndex | QPersistentModelIndex
Writer = Callable[[int, str, Any], bool]

#: A shorter text a narrow cell may paint instead of the display text.
COMPACT_ROLE = Qt.ItemDataRole.UserRole + 1

#: "What you keep" in a word or two, for the cell; `AGENCY` has the full wording.
AGENCY_SHORT: dict[int, str] = {
    1: "AI alone",
    2: "I check",
    3: "Shared",
    4: "AI helps",
    5: "No AI",
}


def agency_short(level: int | None) -> str:
    if level is None:
        return "Not set"
    return f"{level} · {AGENCY_SHORT.get(level, '')}"


@dataclass(frozen=True)
class Column:
    field: str  # the stored field, or "freed" for the computed column
    header: str
    kind: str  # text, hours, share, mode, stakes, agency, freed
    tip: str
    stretch: int = 0  # share of the spare width; 0 for a column sized to its values
    min_chars: int = 0  # narrowest a stretching column gets, in average characters

    @property
    def name(self) -> str:
        """The header on one line, for accessible names and messages."""
        return self.header.replace("\n", " ")


COLUMNS: tuple[Column, ...] = (
    Column("name", "Task", "text", "A task you do most weeks, in your own words.", 6, 12),
    Column("hours_per_week", "Hours\na week", "hours", "How long it takes in a usual week."),
    Column(
        "mode",
        "Mode",
        "mode",
        "Automate: AI does most of it and you check. Augment: you share it. "
        "Keep human: you do it yourself.",
    ),
    Column(
        "ai_share",
        "AI\nshare",
        "share",
        "How much of the task AI can do today: an estimate you can change.",
    ),
    Column("stakes", "Stakes", "stakes", "How much harm a wrong output could cause: low to high."),
    Column(
        "validation",
        "Validation\nstep",
        "text",
        "How you keep your judgement over the output: a review, a test, a fact-check, "
        "a second opinion.",
        6,
        12,
    ),
    Column("review_hours", "Review\na week", "hours", "The time that check costs you."),
    Column(
        "freed",
        "Hours\nfreed",
        "freed",
        "Hours AI takes minus the review time, never below zero. Worked out for you.",
    ),
    Column(
        "agency",
        "What\nyou keep",
        "agency",
        "How much of this task you want in your own hands, from 1 “AI does it alone” "
        "to 5 “I do it, AI stays out”.",
    ),
    Column("tool", "Tool", "text", "Which tool you use or would use.", 4, 10),
    Column(
        "risk_note",
        "Risk if AI\ngets it wrong",
        "text",
        "What a mistake would cost.",
        4,
        9,
    ),
)
FIELDS = tuple(c.field for c in COLUMNS)
NUMERIC = {"hours", "share", "freed"}


def column_of(field: str) -> int:
    return FIELDS.index(field)


class AITasksModel(QAbstractTableModel):
    """The workbook's AI tasks in their stored order, editable cell by cell."""

    def __init__(self, write: Writer | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._write = write
        self._tasks: list[Task] = []
        self._results: dict[int, TaskResult] = {}
        self._library_tips: dict[int, str] = {}

    # ---- reading -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._tasks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def task(self, row: int) -> Task:
        return self._tasks[row]

    def tasks(self) -> list[Task]:
        return list(self._tasks)

    def row_of(self, task_id: int) -> int:
        """The row showing a task, or -1."""
        return next((row for row, t in enumerate(self._tasks) if t.id == task_id), -1)

    def result(self, task_id: int) -> TaskResult | None:
        return self._results.get(task_id)

    def headerData(  # noqa: N802 - Qt API
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            column = COLUMNS[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.header
            if role == Qt.ItemDataRole.ToolTipRole:
                return column.tip
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return column.name  # a screen reader reads the header without its line breaks
        vertical = orientation == Qt.Orientation.Vertical
        if vertical and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._tasks):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if COLUMNS[index.column()].kind != "freed":
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._tasks):
            return None
        task = self._tasks[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(task, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(task, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(task, column)
        if role == COMPACT_ROLE and column.kind == "agency":
            return agency_short(task.agency)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # Tall rows read from their top line, like the lines of a table on paper.
            side = (
                Qt.AlignmentFlag.AlignRight
                if column.kind in NUMERIC
                else Qt.AlignmentFlag.AlignLeft
            )
            return side | Qt.AlignmentFlag.AlignTop
        if role == Qt.ItemDataRole.DecorationRole and column.field == "name" and self._flag(task):
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and column.field == "name":
            return self._flag(task) or ""
        return None

    def _flag(self, task: Task) -> str | None:
        result = self._results.get(task.id)
        return result.flag if result else None

    def _display(self, task: Task, column: Column) -> str:
        value = getattr(task, column.field, None)
        match column.kind:
            case "hours":
                return hours(value or 0.0)
            case "share":
                return "Not set" if value is None else f"{round(value * 100)} %"
            case "mode":
                return label(MODES, value)
            case "stakes":
                return label(STAKES, value or "")
            case "agency":
                return agency_text(value)
            case "freed":
                result = self._results.get(task.id)
                return hours(result.hours_freed if result else 0.0)
        return (value or "").replace("\n", " ")

    def _edit_value(self, task: Task, column: Column) -> Any:
        """The value in the editor's units: shares as whole percents, None for "not set"."""
        if column.kind == "freed":
            return None
        value = getattr(task, column.field)
        if column.kind == "share":
            return None if value is None else round(value * 100)
        if column.kind == "hours":
            return float(value or 0.0)
        if column.kind == "text":
            return value or ""
        return value

    def _tip(self, task: Task, column: Column) -> str | None:
        if column.field == "name":
            parts = [task.name] if task.name else []
            flag = self._flag(task)
            if flag:
                parts.append(f"⚠ {flag}")
            tip = self._library_tips.get(task.id)
            if tip:
                parts.append(tip)
            return "\n\n".join(parts) or column.tip
        if column.kind == "mode":
            return MODE_TIPS.get(task.mode or "", column.tip)
        if column.kind == "agency" and task.agency is not None:
            # The cell shows only a word or two; the tooltip has the level's full meaning.
            return f"{agency_text(task.agency)}\n\n{column.tip}"
        if column.kind == "freed":
            result = self._results.get(task.id)
            if result is None:
                return column.tip
            return (
                f"AI takes {hours(result.ai_hours)}; checking costs "
                f"{hours(result.review_hours)}; {hours(result.hours_freed)} freed."
            )
        if column.kind == "text":
            return getattr(task, column.field) or column.tip
        return column.tip

    # ---- editing -------------------------------------------------------------------------

    def setData(  # noqa: N802 - Qt API
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        task = self._tasks[index.row()]
        column = COLUMNS[index.column()]
        stored = self._to_stored(column, value)
        if stored == getattr(task, column.field):
            return True
        if self._write is None or not self._write(task.id, column.field, stored):
            return False
        # The write may already have refreshed the model from the database.
        row = self.row_of(task.id)
        if row >= 0 and getattr(self._tasks[row], column.field) != stored:
            self._tasks[row] = replace(self._tasks[row], **{column.field: stored})
            self._row_changed(row)
        return True

    @staticmethod
    def _to_stored(column: Column, value: Any) -> Any:
        if column.kind == "share":
            return None if value is None or value < 0 else round(float(value) / 100, 2)
        if column.kind == "hours":
            return round(float(value or 0.0), 2)
        if column.kind == "agency":
            return None if not value else int(value)
        if column.kind == "text":
            return str(value or "")
        return value

    # ---- keeping up with the database ------------------------------------------------------

    def set_tasks(
        self,
        tasks: list[Task] | tuple[Task, ...],
        results: dict[int, TaskResult],
        library_tips: dict[int, str] | None = None,
    ) -> None:
        """Show `tasks` (in order), changing only what differs from what is shown."""
        new = list(tasks)
        wanted = {t.id for t in new}
        old_results, self._results = self._results, dict(results)
        self._library_tips = dict(library_tips or {})
        for row in reversed(range(len(self._tasks))):
            if self._tasks[row].id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._tasks[row]
                self.endRemoveRows()
        shown = {t.id for t in self._tasks}
        kept = [t.id for t in new if t.id in shown]
        for place, task_id in enumerate(kept):
            row = self.row_of(task_id)
            if row != place:  # rows before `place` are already in order, so row > place
                self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), place)
                self._tasks.insert(place, self._tasks.pop(row))
                self.endMoveRows()
        for place, task in enumerate(new):
            if task.id not in shown:
                self.beginInsertRows(QModelIndex(), place, place)
                self._tasks.insert(place, task)
                self.endInsertRows()
        for row, task in enumerate(new):
            if self._tasks[row] != task or old_results.get(task.id) != self._results.get(task.id):
                self._tasks[row] = task
                self._row_changed(row)
        if new:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(new) - 1)

    def clear(self) -> None:
        self.beginResetModel()
        self._tasks = []
        self._results = {}
        self._library_tips = {}
        self.endResetModel()

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
