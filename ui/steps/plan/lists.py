"""The plan's shorter lists: milestones at 30, 60 and 90 days (each day's calendar date
counted from the plan's start, which the person can set), support asked for (of whom,
what, and by when, marked "Overdue" once that day has passed), and the questions for the
career conversation (from the library or the person's own, in order).

Each list shows one row per stored entry; typing is saved as the person
types, adding and deleting at once (deleting asks first), and the rows are
rebuilt only when entries are added, removed or moved.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.binding import set_text
from ui.date_field import DateField
from ui.steps.plan.context import PlanContext
from ui.steps.plan.library import LibraryModel
from ui.steps.plan.widgets import (
    DATE_FORMAT,
    RowList,
    ask_then_delete,
    tool_button,
)
from ui.widgets import GrowingTextBox, hint, strong
from workbook.analysis.plan_dates import OVERDUE, ask_overdue, milestone_date
from workbook.data import Milestone, QuestionChoice, SupportRequest

DAYS = (30, 60, 90)
MILESTONE_EXAMPLES = {
    30: "What will be true by day 30? For example: a first draft shared with two colleagues",
    60: "What will be true by day 60? For example: you have led the meeting once yourself",
    90: "What will be true by day 90? For example: the new routine runs without you",
}
SOURCES = (
    ("manager", "Your manager"),
    ("hr", "HR"),
    ("mentor", "A mentor"),
    ("other", "Someone else"),
)


# ---- milestones ----------------------------------------------------------------------------


class MilestoneRow(QWidget):
    deleted = Signal()

    def __init__(self, ctx: PlanContext, milestone: Milestone, number: int) -> None:
        super().__init__()
        self._ctx = ctx
        self.milestone_id = milestone.id
        name = f"Day {milestone.day} milestone {number}"
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.done = QCheckBox("Done")
        self.done.setAccessibleName(f"{name}: done")
        self.done.toggled.connect(self._done_toggled)
        self.text = GrowingTextBox(min_lines=2)
        self.text.setAccessibleName(name)
        self.text.setPlaceholderText(MILESTONE_EXAMPLES[milestone.day])
        ctx.binder.text(self.text, ctx.writer("milestones", milestone.id, "text"))
        self.delete_button = tool_button("Delete…", f"Delete {name.lower()}")
        self.delete_button.clicked.connect(self._delete)
        layout.addWidget(self.done, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        self.show_values(milestone)

    def show_values(self, milestone: Milestone) -> None:
        set_text(self.text, milestone.text)
        blocked = self.done.blockSignals(True)
        self.done.setChecked(milestone.done)
        self.done.blockSignals(blocked)

    @Slot(bool)
    def _done_toggled(self, done: bool) -> None:
        self._ctx.writer("milestones", self.milestone_id, "done")(int(done))
        self._ctx.flush()

    @Slot()
    def _delete(self) -> None:
        text = self.text.toPlainText()
        if ask_then_delete(self, self._ctx, "milestones", self.milestone_id, "milestone", text):
            self.deleted.emit()


class MilestonesSection(QWidget):
    def __init__(self, ctx: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(
            hint(
                "Three checkpoints make a long goal feel near. Write what will be true by "
                "each one. The days count from when your plan starts: the day you made this "
                "workbook, unless you choose another."
            )
        )
        start_row = QHBoxLayout()
        start_label = QLabel("Your plan starts on:")
        self.start = QDateEdit()
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat(DATE_FORMAT)
        self.start.setAccessibleName("The day your plan starts")
        self.start.setToolTip("Your milestones count from this day. Alt+Down opens a calendar.")
        start_label.setBuddy(self.start)
        self.start.dateChanged.connect(self._start_changed)
        self.start.editingFinished.connect(ctx.flush)
        start_row.addWidget(start_label)
        start_row.addWidget(self.start)
        start_row.addStretch(1)
        layout.addLayout(start_row)
        self.lists: dict[int, RowList] = {}
        self.add_buttons: dict[int, QPushButton] = {}
        self.headings: dict[int, QLabel] = {}
        for day in DAYS:
            self.headings[day] = strong(f"By day {day}")
            layout.addWidget(self.headings[day])
            rows = RowList()
            layout.addWidget(rows)
            button = QPushButton(f"Add a milestone for day {day}")
            button.setAccessibleName(f"Add a milestone for day {day}")
            button.setProperty("day", day)
            button.clicked.connect(self._add)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.lists[day] = rows
            self.add_buttons[day] = button

    def update_from(self, full: bool) -> None:
        start = self._ctx.data.plan_start
        shown = QDate.fromString(start or "", Qt.DateFormat.ISODate)
        if shown.isValid() and shown != self.start.date():
            blocked = self.start.blockSignals(True)
            self.start.setDate(shown)
            self.start.blockSignals(blocked)
        for day, label in self.headings.items():
            when = milestone_date(start, day)
            text = f"By day {day}" + (
                f" · {QDate(when.year, when.month, when.day).toString(DATE_FORMAT)}" if when else ""
            )
            label.setText(text)
            label.setAccessibleName(text)
        for day, rows in self.lists.items():
            items = [m for m in self._ctx.data.milestones if m.day == day]
            if not rows.sync(items, self._make) and full:
                for row, milestone in zip(rows.rows(), items, strict=True):
                    row.show_values(milestone)

    @Slot(QDate)
    def _start_changed(self, day: QDate) -> None:
        self._ctx.set_plan_start(day.toString(Qt.DateFormat.ISODate))

    def _make(self, milestone: Milestone, number: int) -> MilestoneRow:
        row = MilestoneRow(self._ctx, milestone, number)
        row.deleted.connect(self.add_buttons[milestone.day].setFocus)
        return row

    @Slot()
    def _add(self) -> None:
        day = self.sender().property("day")
        row_id = self._ctx.add("milestones", day=day, text="")
        row = self.lists[day].row(row_id)
        if row is not None:
            row.text.setFocus(Qt.FocusReason.OtherFocusReason)


# ---- support ---------------------------------------------------------------------------------


class SupportRow(QWidget):
    """One ask: of whom, what exactly, and the day it is needed by ("Overdue" once past)."""

    deleted = Signal()

    def __init__(self, ctx: PlanContext, request: SupportRequest, number: int) -> None:
        super().__init__()
        self._ctx = ctx
        self.request_id = request.id
        name = f"Support request {number}"
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.source = QComboBox()
        self.source.setAccessibleName(f"{name}: from whom")
        for value, label in SOURCES:
            self.source.addItem(label, value)
        ctx.binder.combo(self.source, ctx.writer("support_requests", request.id, "source"))
        self.request = GrowingTextBox(min_lines=2)
        self.request.setAccessibleName(f"{name}: what you ask for")
        self.request.setPlaceholderText(
            "What exactly will you ask for? For example: one hour a month to talk this through"
        )
        ctx.binder.text(self.request, ctx.writer("support_requests", request.id, "request"))
        self.needed_by = DateField(f"{name}: needed by", default_days=14)
        ctx.binder.date(self.needed_by, ctx.writer("support_requests", request.id, "needed_by"))
        self.overdue = strong(OVERDUE)  # in words, not colour alone
        self.overdue.setAccessibleName(f"{name}: overdue, the day it is needed by has passed")
        self.overdue.setToolTip("Plans change: a new date is fine, or clear it once you asked.")
        self.overdue.hide()
        self.delete_button = tool_button("Delete…", f"Delete {name.lower()}")
        self.delete_button.clicked.connect(self._delete)

        needed_label = QLabel("Needed by:")
        needed_label.setBuddy(self.needed_by)
        details = QHBoxLayout()
        details.setSpacing(8)
        details.addWidget(needed_label)
        details.addWidget(self.needed_by)
        self.needed_by.layout().insertWidget(3, self.overdue)  # before its stretch
        # Added in reading order for Tab: from whom, what, needed by, then delete.
        grid.addWidget(self.source, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.request, 0, 1)
        grid.addLayout(details, 1, 1)
        grid.addWidget(self.delete_button, 0, 2, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        self.show_values(request)

    def show_values(self, request: SupportRequest) -> None:
        set_text(self.request, request.request)
        blocked = self.source.blockSignals(True)
        self.source.setCurrentIndex(max(0, self.source.findData(request.source)))
        self.source.blockSignals(blocked)
        self.needed_by.set_value(request.needed_by)

    def show_overdue(self, late: bool) -> None:
        self.overdue.setVisible(late)
        self.needed_by.edit.setAccessibleDescription(OVERDUE if late else "")

    @Slot()
    def _delete(self) -> None:
        text = self.request.toPlainText()
        if ask_then_delete(self, self._ctx, "support_requests", self.request_id, "request", text):
            self.deleted.emit()


class SupportSection(QWidget):
    def __init__(self, ctx: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(
            hint(
                "Who can help, and with what? A clear, small request is easier to say yes to "
                "than a wish for “more support”."
            )
        )
        self.rows = RowList(spacing=12)  # two lines each: a clear gap between asks
        layout.addWidget(self.rows)
        self.add_button = QPushButton("Add a request for support")
        self.add_button.setAccessibleName("Add a request for support")
        self.add_button.clicked.connect(self._add)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def update_from(self, full: bool) -> None:
        items = self._ctx.data.support
        rebuilt = self.rows.sync(items, self._make)
        today = self._ctx.today()
        for row, request in zip(self.rows.rows(), items, strict=True):
            if full and not rebuilt:
                row.show_values(request)
            row.show_overdue(ask_overdue(request, today))

    def _make(self, request: SupportRequest, number: int) -> SupportRow:
        row = SupportRow(self._ctx, request, number)
        row.deleted.connect(self.add_button.setFocus)
        return row

    @Slot()
    def _add(self) -> None:
        row_id = self._ctx.add("support_requests", source="manager", request="")
        row = self.rows.row(row_id)
        if row is not None:
            row.source.setFocus(Qt.FocusReason.OtherFocusReason)


# ---- questions for the career conversation ------------------------------------------------------


class QuestionRow(QWidget):
    deleted = Signal()

    def __init__(self, section: QuestionsSection, question: QuestionChoice, number: int) -> None:
        super().__init__()
        self._section = section
        ctx = section.ctx
        self.question_id = question.id
        self.number = number
        name = f"Question {number}"
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"{number}."), 0, Qt.AlignmentFlag.AlignTop)
        self.text = GrowingTextBox(min_lines=2)
        self.text.setAccessibleName(name)
        self.text.setPlaceholderText("Write your question in your own words.")
        ctx.binder.text(self.text, ctx.writer("conversation_questions", question.id, "text"))
        layout.addWidget(self.text, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.up_button = tool_button("Up", f"Move question {number} up", "Ask this one earlier")
        self.down_button = tool_button("Down", f"Move question {number} down", "Ask this one later")
        self.delete_button = tool_button("Delete…", f"Delete question {number}")
        for button, slot in (
            (self.up_button, self._up),
            (self.down_button, self._down),
            (self.delete_button, self._delete),
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(buttons)
        self.show_values(question)

    def show_values(self, question: QuestionChoice) -> None:
        set_text(self.text, question.text)

    @Slot()
    def _up(self) -> None:
        self._section.move(self.question_id, self.number - 2, "up")

    @Slot()
    def _down(self) -> None:
        self._section.move(self.question_id, self.number, "down")

    @Slot()
    def _delete(self) -> None:
        ctx, text = self._section.ctx, self.text.toPlainText()
        if ask_then_delete(self, ctx, "conversation_questions", self.question_id, "question", text):
            self.deleted.emit()


class QuestionsSection(QWidget):
    def __init__(self, ctx: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(
            hint(
                "Questions to bring to a talk with your manager or a mentor. Pick some from "
                "the library, write your own, and put them in the order you want to ask them."
            )
        )
        self.empty = hint("No questions yet.")
        layout.addWidget(self.empty)
        self.rows = RowList()
        layout.addWidget(self.rows)
        self.own_button = QPushButton("Write your own question")
        self.own_button.setAccessibleName("Write your own question")
        self.own_button.clicked.connect(self._add_own)
        layout.addWidget(self.own_button, 0, Qt.AlignmentFlag.AlignLeft)

        layout.addWidget(strong("From the library"))
        self.library = LibraryModel(ctx.content.questions, self)
        self.tree = QTreeView()
        self.tree.setModel(self.library)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName("Library of questions, by topic")
        self.tree.expandAll()
        self.tree.setMinimumHeight(220)
        self.tree.activated.connect(self._library_activated)
        layout.addWidget(self.tree)
        self.add_library_button = QPushButton("Add the chosen question")
        self.add_library_button.setAccessibleName("Add the chosen question from the library")
        self.add_library_button.clicked.connect(self._add_chosen)
        layout.addWidget(self.add_library_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self._current_changed(QModelIndex(), QModelIndex())

    def update_from(self, full: bool) -> None:
        items = self.ctx.data.questions
        if not self.rows.sync(items, self._make) and full:
            for row, question in zip(self.rows.rows(), items, strict=True):
                row.show_values(question)
        self.empty.setVisible(not items)
        self.library.set_chosen({q.library_id for q in items if q.library_id})
        self._current_changed(self.tree.currentIndex(), QModelIndex())

    def _make(self, question: QuestionChoice, number: int) -> QuestionRow:
        row = QuestionRow(self, question, number)
        row.up_button.setEnabled(number > 1)
        row.down_button.setEnabled(number < len(self.ctx.data.questions))
        row.deleted.connect(self.own_button.setFocus)
        return row

    def move(self, question_id: int, new_index: int, button: str) -> None:
        if new_index < 0 or not self.ctx.move("conversation_questions", question_id, new_index):
            return
        row = self.rows.row(question_id)
        if row is not None:
            target = row.up_button if button == "up" else row.down_button
            (target if target.isEnabled() else row.text).setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        question = self.library.question(current)
        self.add_library_button.setEnabled(
            question is not None and bool(self.library.flags(current) & Qt.ItemFlag.ItemIsEnabled)
        )

    @Slot(QModelIndex)
    def _library_activated(self, index: QModelIndex) -> None:
        self.tree.setCurrentIndex(index)
        self._add_chosen()

    @Slot()
    def _add_chosen(self) -> None:
        index = self.tree.currentIndex()
        question = self.library.question(index)
        if question is None or not self.library.flags(index) & Qt.ItemFlag.ItemIsEnabled:
            return
        self.ctx.add("conversation_questions", library_id=question.id, text=question.text)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _add_own(self) -> None:
        row_id = self.ctx.add("conversation_questions", text="")
        row = self.rows.row(row_id)
        if row is not None:
            row.text.setFocus(Qt.FocusReason.OtherFocusReason)
