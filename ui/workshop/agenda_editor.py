"""A workshop's agenda in the Workshops window: its exercises in order, and the chosen
one's fields.

The exercises are a `RankedList` (Move up and Move down, Alt+Up and Alt+Down, or drag),
each shown as title, minutes and how people work, with Add exercise and Remove beneath
and the total minutes. Every edit (a field, an exercise added, removed or moved) makes a
new agenda from the stored one and stores it whole with `workbook.workshop.set_agenda`,
which checks it by the rules of the shipped templates: an edit that breaks one is
refused, its reason shown in words beside the field (or beneath the list), and nothing
is stored. So what the list shows is always what the presenter view would run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.ranking import RankedList
from ui.widgets import confirm, muted, strong
from ui.workshop.exercise_form import TURNS, ExerciseForm, format_words
from ui.workshop.writes import Refused, write
from workbook.content.workshops import Agenda, agenda_document
from workbook.steps import STEPS
from workbook.workshop import set_agenda

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from workbook.content.workshops import Exercise

#: What a new exercise starts as: the coach rewrites it.
NEW_EXERCISE = {
    "title": "New exercise",
    "minutes": 10,
    "format": "alone",
    "instructions": "Say what people do, and what they have at the end.",
    "prompts": ["A question to think about."],
    "debrief": ["What did you notice?"],
}


def describe(exercise: Exercise) -> str:
    """An exercise as the list shows it: "Write three futures · 25 min · Alone"."""
    return f"{exercise.title} · {exercise.minutes} min · {format_words(exercise.format)}"


def total_words(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"Total: {minutes} minutes"
    span = f"{hours} h {rest:02d}" if rest else f"{hours} h"
    return f"Total: {minutes} minutes ({span})"


class AgendaEditor(QWidget):
    """The exercises of one workshop's agenda and the chosen one's fields."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self.workshop_id: int | None = None
        self.agenda: Agenda | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        column = QVBoxLayout()
        self.exercises = RankedList("exercise", "Exercises")
        view = self.exercises.view
        view.setMaximumWidth(360)
        view.setMinimumWidth(240)
        view.setWordWrap(True)  # a long title wraps rather than hides behind a scroll bar
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.exercises.model.order_changed.connect(self._reordered)
        self.exercises.view.selectionModel().currentChanged.connect(self._chosen)
        column.addWidget(self.exercises, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Add exercise")
        self.add_button.setAccessibleName("Add an exercise after the chosen one")
        self.add_button.clicked.connect(self.add_exercise)
        self.remove_button = QPushButton("Remo&ve")
        self.remove_button.setAccessibleName("Remove the chosen exercise")
        self.remove_button.clicked.connect(self.remove_exercise)
        self.total = muted("")
        self.total.setObjectName("agenda-total")
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.total, 1)
        column.addLayout(buttons)
        self.list_problem = strong("")
        self.list_problem.setObjectName("problem-exercises")
        self.list_problem.hide()
        column.addWidget(self.list_problem)
        # The form holds the long texts: it gets the larger share of the width.
        layout.addLayout(column, 2)

        self.form = ExerciseForm()
        self.form.edited.connect(self._field_edited)
        layout.addWidget(self.form, 3)

    # ---- showing --------------------------------------------------------------------------

    def show_agenda(self, workshop_id: int | None, agenda: Agenda | None) -> None:
        """Show a workshop's stored agenda, its first exercise chosen."""
        self.workshop_id, self.agenda = workshop_id, agenda
        self._clear_list_problem()
        self.form.show_exercise(None)
        self._show_list()
        if agenda is not None and agenda.exercises:
            self.exercises.select(agenda.exercises[0].id)
        self.setEnabled(agenda is not None)

    def _show_list(self, chosen: str | None = None) -> None:
        exercises = self.agenda.exercises if self.agenda is not None else ()
        self.exercises.set_items([(e.id, describe(e)) for e in exercises])
        if chosen is not None:
            self.exercises.select(chosen)
        self.total.setText(total_words(self.agenda.minutes) if self.agenda else "")
        self.total.setAccessibleName(self.total.text())
        self.remove_button.setEnabled(len(exercises) > 1)

    def _exercise(self, exercise_id: str | None) -> Exercise | None:
        if self.agenda is None:
            return None
        return next((e for e in self.agenda.exercises if e.id == exercise_id), None)

    @Slot(QModelIndex, QModelIndex)
    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.form.flush()  # still the exercise left: what was typed in it is saved first
        chosen = self._exercise(self.exercises.current_id())
        if chosen is not None and chosen.id != self.form.exercise_id:
            self.form.show_exercise(chosen)

    # ---- storing --------------------------------------------------------------------------

    def _store(self, document: dict[str, Any]) -> Agenda | Refused:
        if self.workshop_id is None:
            return Refused("Choose a workshop first.")
        return write(self._window.session, set_agenda, self.workshop_id, document)

    @Slot(str, object)
    def _field_edited(self, field: str, value: Any) -> None:
        exercise_id = self.form.exercise_id
        if self.agenda is None or exercise_id is None:
            return
        document = agenda_document(self.agenda)
        item = next(e for e in document["exercises"] if e["id"] == exercise_id)
        if value is None:
            item.pop(field, None)
        else:
            item[field] = value
        if field == "format" and value not in TURNS:
            item.pop("per_person", None)  # turns belong to pairs and threes
        result = self._store(document)
        if isinstance(result, Refused):
            self.form.show_problem(field, result.message)
            return
        self.agenda = result
        self._show_list()
        self.form.saved(self._exercise(exercise_id), field)

    @Slot()
    def add_exercise(self) -> None:
        """A new exercise after the chosen one, chosen, its title ready to type over."""
        if self.agenda is None:
            return
        self.form.flush()
        document = agenda_document(self.agenda)
        items = document["exercises"]
        taken = {e["id"] for e in items}
        new_id = next(
            f"exercise_{n}" for n in range(1, len(items) + 2) if f"exercise_{n}" not in taken
        )
        current = self._exercise(self.exercises.current_id())
        step = current.step if current is not None else STEPS[0].id
        at = (
            items.index(next(e for e in items if e["id"] == current.id)) + 1
            if current
            else len(items)
        )
        items.insert(at, {"id": new_id, "step": step, **NEW_EXERCISE})
        if self._stored_list(document):
            self.exercises.select(new_id)
            self.form.title.setFocus(Qt.FocusReason.OtherFocusReason)
            self.form.title.selectAll()

    @Slot()
    def remove_exercise(self) -> None:
        current = self._exercise(self.exercises.current_id())
        if self.agenda is None or current is None:
            return
        if len(self.agenda.exercises) < 2:
            self._show_list_problem("An agenda keeps at least one exercise: add another first.")
            return
        if not confirm(
            self,
            "Remove exercise",
            f"Remove “{current.title}” from this workshop's agenda?",
            "Remove",
        ):
            return
        index = self.agenda.exercises.index(current)
        document = agenda_document(self.agenda)
        del document["exercises"][index]
        if self._stored_list(document):
            left = self.agenda.exercises
            self.exercises.select(left[min(index, len(left) - 1)].id)
            self.exercises.view.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(list)
    def _reordered(self, order: list[str]) -> None:
        if self.agenda is None:
            return
        document = agenda_document(self.agenda)
        by_id = {e["id"]: e for e in document["exercises"]}
        document["exercises"] = [by_id[i] for i in order if i in by_id]
        self._stored_list(document, chosen=self.exercises.current_id())

    def _stored_list(self, document: dict[str, Any], chosen: str | None = None) -> bool:
        """Store an agenda whose exercises were added, removed or moved; a refusal is
        shown beneath the list, which goes back to what is stored."""
        result = self._store(document)
        if isinstance(result, Refused):
            self._show_list_problem(result.message)
            self._show_list(chosen)
            return False
        self._clear_list_problem()
        self.agenda = result
        self._show_list(chosen)
        return True

    def _show_list_problem(self, message: str) -> None:
        self.list_problem.setText(message)
        self.list_problem.setAccessibleName(message)
        self.list_problem.show()

    def _clear_list_problem(self) -> None:
        self.list_problem.hide()
        self.list_problem.setText("")
