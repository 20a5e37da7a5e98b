"""The fields of one exercise of a workshop's agenda, in the Workshops window.

`ExerciseForm` shows an exercise (title, the workbook step it uses, minutes, how people
work, minutes per person for pairs and threes, instructions, prompts and debrief
questions, one per line) and says when the coach has changed one: `edited(field,
value)` once a field is left (or Enter pressed, or a choice made), only if it differs
from what is stored. It stores nothing itself: the agenda editor checks the whole agenda
and stores it, then tells the form the edit was `saved` or shows the refusal beside the
field (`show_problem`), the typed value left in place for the coach to correct.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import TextBox, hint, strong
from workbook.content.workshops import FORMAT_WORDS, FORMATS, MAX_MINUTES, Exercise
from workbook.steps import STEPS

#: Formats in which people take turns, and so have minutes each.
TURNS = ("pairs", "threes")
#: Lists of lines the form edits one per line.
LINES = ("prompts", "debrief")


def format_words(fmt: str) -> str:
    """How people work, as the list and the drop-down say it: "In pairs", "Together"."""
    words = FORMAT_WORDS.get(fmt, fmt)
    return words[:1].upper() + words[1:]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class ExerciseForm(QWidget):
    """One exercise's fields, each with room beside it for why an edit was refused."""

    #: A field the coach changed, by its name in the agenda, and its new value (None
    #: takes the field away: no minutes per person).
    edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._exercise: Exercise | None = None
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        # Fields take the width there is (some styles keep them at their size hint).
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.problems: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self.cells: dict[str, QWidget] = {}

        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.title.editingFinished.connect(self._title_left)
        self.step = QComboBox()
        for step in STEPS:
            self.step.addItem(step.title, step.id)
        self.step.activated.connect(self._step_chosen)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 999)  # the rule (1 to 240) is the agenda's, said in words
        self.minutes.setSuffix(" min")
        self.minutes.editingFinished.connect(self._minutes_left)
        self.format = QComboBox()
        for fmt in FORMATS:
            self.format.addItem(format_words(fmt), fmt)
        self.format.activated.connect(self._format_chosen)
        self.per_person = QSpinBox()
        self.per_person.setRange(0, MAX_MINUTES)
        self.per_person.setSpecialValueText("No turns")
        self.per_person.setSuffix(" min")
        self.per_person.editingFinished.connect(self._per_person_left)
        self.instructions = TextBox(min_lines=3)
        self.instructions.left.connect(self._instructions_left)
        self.prompts = TextBox(min_lines=3)
        self.prompts.left.connect(self._prompts_left)
        self.debrief = TextBox(min_lines=3)
        self.debrief.left.connect(self._debrief_left)

        per_person_tip = "Each speaker's turn in a pair or a three."
        rows = (
            ("title", "&Title", self.title, "Exercise title", ""),
            ("step", "&Step", self.step, "Workbook step", "The workbook step people use."),
            ("minutes", "Min&utes", self.minutes, "Minutes", "The whole exercise, every turn."),
            ("format", "&How people work", self.format, "How people work", ""),
            (
                "per_person",
                "Minutes per pers&on",
                self.per_person,
                "Minutes per person",
                per_person_tip,
            ),
            ("instructions", "&Instructions", self.instructions, "Instructions", ""),
            ("prompts", "Prompts, one per &line", self.prompts, "Prompts, one per line", ""),
            (
                "debrief",
                "De&brief, one per line",
                self.debrief,
                "Debrief questions, one per line",
                "",
            ),
        )
        for field, label_text, widget, name, tip in rows:
            widget.setAccessibleName(name)
            if tip:
                widget.setToolTip(tip)
            self.fields[field] = widget
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            problem = strong("")
            problem.setObjectName(f"problem-{field}")
            problem.hide()
            column.addWidget(problem)
            self.problems[field] = problem
            self.cells[field] = cell
            label = QLabel(label_text)
            label.setBuddy(widget)
            self.form.addRow(label, cell)
        self.note = hint("Each change is saved when you leave the field.")
        self.form.addRow(self.note)
        self.setEnabled(False)

    # ---- what is shown --------------------------------------------------------------------

    @property
    def exercise_id(self) -> str | None:
        return None if self._exercise is None else self._exercise.id

    def show_exercise(self, exercise: Exercise | None) -> None:
        """Show a stored exercise (no edit: no signal), every message cleared."""
        self._exercise = exercise
        self.setEnabled(exercise is not None)
        for field in self.fields:
            self.clear_problem(field)
            if exercise is not None:
                self._show(field, exercise)

    def saved(self, exercise: Exercise, field: str) -> None:
        """The edit of `field` was stored: show the field as stored (tidied), its message
        gone; the other fields keep what is typed in them."""
        self._exercise = exercise
        self.clear_problem(field)
        self._show(field, exercise)
        if field == "format":
            self._show("per_person", exercise)

    def show_problem(self, field: str, message: str) -> None:
        label = self.problems[field]
        label.setText(message)
        label.setAccessibleName(message)
        label.show()
        self.fields[field].setAccessibleDescription(message)

    def clear_problem(self, field: str) -> None:
        label = self.problems[field]
        label.hide()
        label.setText("")
        self.fields[field].setAccessibleDescription("")

    def problem(self, field: str) -> str:
        """The message shown beside `field`, or "" (for tests and screen readers)."""
        label = self.problems[field]
        return label.text() if not label.isHidden() else ""

    def _show(self, field: str, exercise: Exercise) -> None:
        value = self._stored(field, exercise)
        if field == "title":
            self.title.setText(value)
            self.title.setCursorPosition(0)
        elif field in ("step", "format"):
            combo = self.fields[field]
            combo.setCurrentIndex(combo.findData(value))
        elif field in ("minutes", "per_person"):
            self.fields[field].setValue(value or 0)
            if field == "per_person":
                self.form.setRowVisible(self.cells["per_person"], exercise.format in TURNS)
        else:
            text = "\n".join(value) if field in LINES else value
            self.fields[field].setPlainText(text)

    @staticmethod
    def _stored(field: str, exercise: Exercise) -> Any:
        value = getattr(exercise, field)
        return list(value) if field in LINES else value

    # ---- what the coach changed -----------------------------------------------------------

    def flush(self) -> None:
        """Offer every field that differs from what is stored (before the exercise shown
        changes, or the window closes)."""
        for field in tuple(self.fields):
            if self._exercise is None:
                return
            self._offer(field, self._value(field))

    def _value(self, field: str) -> Any:
        widget = self.fields[field]
        if field == "title":
            return self.title.text().strip()
        if field in ("step", "format"):
            return widget.currentData()
        if field == "minutes":
            return self.minutes.value()
        if field == "per_person":
            return self.per_person.value() or None
        if field in LINES:
            return _lines(widget.toPlainText())
        return widget.toPlainText().strip()

    def _offer(self, field: str, value: Any) -> None:
        if self._exercise is None:
            return
        if field == "per_person" and self._exercise.format not in TURNS:
            return  # hidden: no turns outside pairs and threes
        if value == self._stored(field, self._exercise):
            self.clear_problem(field)  # back to what is stored: nothing to refuse
            return
        self.edited.emit(field, value)

    @Slot()
    def _title_left(self) -> None:
        self._offer("title", self._value("title"))

    @Slot(int)
    def _step_chosen(self, _index: int) -> None:
        self._offer("step", self._value("step"))

    @Slot()
    def _minutes_left(self) -> None:
        self._offer("minutes", self._value("minutes"))

    @Slot(int)
    def _format_chosen(self, _index: int) -> None:
        self._offer("format", self._value("format"))

    @Slot()
    def _per_person_left(self) -> None:
        self._offer("per_person", self._value("per_person"))

    @Slot()
    def _instructions_left(self) -> None:
        self._offer("instructions", self._value("instructions"))

    @Slot()
    def _prompts_left(self) -> None:
        self._offer("prompts", self._value("prompts"))

    @Slot()
    def _debrief_left(self) -> None:
        self._offer("debrief", self._value("debrief"))
