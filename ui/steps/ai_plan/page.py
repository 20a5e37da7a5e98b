"""Step 3, "AI-amplification plan": tasks, hours freed, skills needed, and reinvestment.

Four parts kept in step with the database: the task table (`tasks_model`,
`tasks_view`) with its buttons and the flags below it; the hours freed in words
and as a chart (`ui.charts_hours`); the skills the plan relies on (`skills`);
and where the hours go (`reinvest`). Every change goes through the door via the
binder; after a saved change `refresh()` re-reads what is stored.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Slot
from PySide6.QtGui import QFont, QHideEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.autosave import Autosaver
from ui.binding import Binder
from ui.charts_hours import HoursChart
from ui.help import how_computed_link
from ui.next_step import next_step_row
from ui.steps.ai_plan.reinvest import ReinvestmentPanel
from ui.steps.ai_plan.skills import SkillsPanel
from ui.steps.ai_plan.tasks_model import AITasksModel, column_of
from ui.steps.ai_plan.tasks_view import TaskTable
from ui.steps.ai_plan.text import (
    FELT_SAVINGS,
    agency_notes,
    library_tips,
    reinvest_targets,
    remaining_sentence,
    status_sentence,
    task_details,
    totals_sentence,
)
from ui.steps.ai_plan.widgets import FlagsBox, SteadyHeights, flags_title, hours_bars
from ui.widgets import confirm, heading, hint, subheading
from workbook import door
from workbook.analysis.ai_plan import AIPlanResult, analyse_ai_plan, total_freed
from workbook.change import Change
from workbook.content import load_content
from workbook.data import load_workbook_data

if TYPE_CHECKING:
    from sqlite_utils import Database

#: The room above each part of the page (its subheading), on top of the layout's spacing.
PART_GAP = 14


class AIPlanPage(QScrollArea):
    def __init__(self, db: Database, autosaver: Autosaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._autosaver = autosaver
        self._binder = Binder(db, autosaver, self)
        self._content = load_content()
        self._workbook_id: int | None = None
        self._stale = False
        #: The tasks the message under the buttons speaks of (the starter tasks just added).
        self._message_about: frozenset[int] = frozenset()
        self._window_watched: QObject | None = None
        self.plan: AIPlanResult | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)

        body = QWidget()
        body.setMaximumWidth(1700)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(32, 24, 32, 32)
        outer.setSpacing(10)
        outer.addWidget(heading("AI-amplification plan"))
        outer.addWidget(
            hint(
                "Which of your tasks AI can take over or help with, what each one is for, "
                "how you keep your own judgement over AI's output, and where the hours it "
                "frees go. The hours and shares are estimates: change them whenever you "
                "learn more. " + FELT_SAVINGS
            )
        )
        self.status = hint("")
        self.status.setAccessibleName("How complete this step is")
        outer.addWidget(self.status)

        self._build_tasks(outer)
        self._build_results(outer)
        outer.addStretch(1)
        outer.addLayout(next_step_row("ai_plan"))
        self.setWidget(body)

    # ---- building -------------------------------------------------------------------------

    def _button(self, text: str, tip: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").replace("…", ""))
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _build_tasks(self, outer: QVBoxLayout) -> None:
        outer.addSpacing(PART_GAP)
        outer.addWidget(subheading("Your recurring tasks"))
        outer.addWidget(
            hint(
                "One row per task you do most weeks. Choose a cell and type, or press F2; Enter "
                "saves, Shift+Enter starts a new line in a check or a risk. “What you keep” goes "
                "from 1 “AI does it alone” to 5 “I do it, AI stays out”."
            )
        )
        row = QHBoxLayout()
        self.start_button = self._button(
            "&Start from my role family",
            "Adds the tasks typical for the role family you chose in About you.",
            self.start_from_role_family,
        )
        self.add_button = self._button("&Add a task", "Adds an empty row.", self.add_task)
        self.remove_button = self._button(
            "&Remove task…", "Removes the selected task (Delete).", self.remove_task
        )
        self.up_button = self._button("Move &up", "Alt+Up", self.move_up)
        self.down_button = self._button("Move dow&n", "Alt+Down", self.move_down)
        for button in (
            self.start_button,
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            row.addWidget(button)
        # The flags are under the table (their coming and going moves no row); here, a count.
        self.flags_note = QLabel()
        self.flags_note.setAccessibleName("Tasks worth a second look")
        self.flags_note.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.flags_note.linkActivated.connect(self._show_flags)
        self.flags_note.setWordWrap(True)  # takes what the buttons leave, never more
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setRetainSizeWhenHidden(True)  # the buttons keep their size, at the left
        self.flags_note.setSizePolicy(policy)
        self.flags_note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.flags_note.hide()
        row.addWidget(self.flags_note, 1)
        outer.addLayout(row)

        self.task_message = hint("")
        self.task_message.setAccessibleName("Task list message")
        self.task_message.hide()
        outer.addWidget(self.task_message)
        self.starting_points = hint(self._content.task_note)
        self.starting_points.setAccessibleName("About the suggested tasks")
        outer.addWidget(self.starting_points)

        self.model = AITasksModel(self._write_task, self)
        self.table = TaskTable()
        self.table.setAccessibleName("Your tasks")
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        outer.addWidget(self.table)
        self.flags_box = FlagsBox()
        outer.addWidget(self.flags_box)
        self.steady = SteadyHeights(self.status, self.task_message, self.starting_points)
        for keys, slot in (
            ("Alt+Up", self.move_up),
            ("Alt+Down", self.move_down),
            (QKeySequence.StandardKey.Delete, self.remove_task),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)  # not while a cell is edited
            shortcut.activated.connect(slot)

        self.details = hint("")
        self.details.setAccessibleName("The selected task in full")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.details)

        self.agency_notes = hint("")
        self.agency_notes.setAccessibleName("Choices and opportunities")
        outer.addWidget(self.agency_notes)

    def _build_results(self, outer: QVBoxLayout) -> None:
        top = QHBoxLayout()
        top.addWidget(subheading("Hours freed"))
        top.addStretch(1)
        self.how_link = how_computed_link("AI-amplification plan")
        self.how_link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        top.addWidget(self.how_link, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addSpacing(PART_GAP)
        outer.addLayout(top)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setAccessibleName("Hours freed in total")
        font = QFont(self.totals.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.totals.setFont(font)
        outer.addWidget(self.totals)
        outer.addWidget(
            hint(
                "Hours freed are the hours AI takes minus the time its check costs you. "
                "A task you keep human frees none, and the one-off set-up time is not "
                "counted. Measured savings tend to be smaller than felt ones."
            )
        )
        self.chart = HoursChart()
        outer.addWidget(self.chart)

        outer.addSpacing(PART_GAP)
        outer.addWidget(subheading("Skills your plan relies on"))
        outer.addWidget(
            hint(
                "Directing AI well takes five skills. Each is listed with how much your plan "
                "needs it (1 to 5) and your own rating: first any you have not rated yet "
                "(no gap is known until you do), then the largest gap. Your rating is the "
                "proficiency you gave the strength of the same name on the Strengths step; "
                "change it there."
            )
        )
        self.skills = SkillsPanel(self._content)
        outer.addWidget(self.skills)

        outer.addSpacing(PART_GAP)
        outer.addWidget(subheading("Where the freed hours go"))
        outer.addWidget(
            hint(
                "Hours freed are only a gain if you decide what they are for. Give them to a "
                "strength you want to use more, a goal in your plan, a path you are exploring, "
                "or something else that matters to you."
            )
        )
        self.reinvest = ReinvestmentPanel(self._binder, self._run)
        outer.addWidget(self.reinvest)

    # ---- showing ---------------------------------------------------------------------------

    def show_workbook(self, workbook_id: int) -> None:
        if workbook_id != self._workbook_id:
            self.table.commit_open_editor()
            self.model.clear()
            self._show_task_message("")
        self._workbook_id = workbook_id
        self.reload()

    #: The steps whose answers this page shows: the role family picks starting tasks.
    reads = frozenset({"about", "ai_plan"})

    def refresh(self, change: Change | None = None) -> None:
        """Called after a saved change: re-read now if shown, else when next shown."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def reload(self) -> None:
        if self._workbook_id is None:
            return
        self._stale = False
        data = load_workbook_data(self._db, self._workbook_id)
        plan = analyse_ai_plan(data, self._content)
        self.plan = plan
        results = {t.id: t for t in plan.tasks}
        self.model.set_tasks(data.tasks, results, library_tips(data, self._content))
        if self._message_about and not self._message_about <= {t.id for t in data.tasks}:
            self._show_task_message("")  # undone: "Added 9 tasks" no longer holds
        self.starting_points.setVisible(any(t.library_task_id for t in data.tasks))
        self.flags_box.show_flags(plan.flags)
        count = len(plan.flags)
        self.flags_note.setText(f'⚠ <a href="#flags">{flags_title(count)}</a>, below the table')
        self.flags_note.setVisible(bool(count))
        notes = agency_notes(data.tasks)
        self.agency_notes.setText("\n".join(f"• {note}" for note in notes))
        self.agency_notes.setVisible(bool(notes))
        self.totals.setText(totals_sentence(plan))
        self.chart.set_bars(*hours_bars(plan))
        self.skills.show_needs(plan.skills, data.profile.strength_mode == "ranking")
        room = total_freed(data.tasks) - sum(r.hours for r in data.reinvestments)
        self.reinvest.show_plan(
            self._workbook_id,
            data.reinvestments,
            reinvest_targets(data, self._content),
            remaining_sentence(plan),
            room,
        )
        suggested = {r.id for r in plan.tasks if r.suggested}
        self.status.setText(status_sentence(data.tasks, len(data.reinvestments), suggested))
        self._update_buttons()
        self.steady.hold()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt name
        window = self.window()
        if window is not self._window_watched:
            window.installEventFilter(self)
            self._window_watched = window
        self.steady.release()  # a new visit: each part takes its own height again
        if self._stale:
            self.reload()
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt name
        if event.size().width() != event.oldSize().width():
            self.steady.release()  # a new width: the text wraps anew anyway
        super().resizeEvent(event)

    @Slot(str)
    def _show_flags(self, _link: str) -> None:
        self.ensureWidgetVisible(self.flags_box)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt name
        # Switching step: what is typed in an open cell is saved, not dropped.
        if not self.window().isHidden():
            self.table.commit_open_editor()
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if watched is self._window_watched and event.type() == QEvent.Type.Close:
            self.table.commit_open_editor()  # before the window saves and closes the file
        return super().eventFilter(watched, event)

    # ---- editing ---------------------------------------------------------------------------

    def _run(self, edit: Any, *args: Any, **values: Any) -> tuple[Change | None, str]:
        """Run an edit now through the binder, like every page; returns the Change, or None
        and why not. The window refreshes this page from the Change."""
        change = self._binder.now(partial(edit, **values) if values else edit, *args)
        return change, self._binder.refusal

    def _write_task(self, task_id: int, field: str, value: Any) -> bool:
        change, refusal = self._run(door.tasks.update, self._db, task_id, field, value)
        if change is None:
            self._show_task_message(refusal)
        return change is not None

    def _show_task_message(self, text: str, about: frozenset[int] = frozenset()) -> None:
        self._message_about = about
        self.task_message.setText(text)
        self.task_message.setVisible(bool(text))

    def _current_task_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self._current_task_row()
        count = self.model.rowCount()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        if row < 0:
            self.details.setText(
                "Choose a row to read its validation step and risks in full, and for a "
                "suggested task what it is for and its set-up time."
                if count
                else ""
            )
            self.details.setVisible(bool(count))
            return
        task = self.model.task(row)
        template = self._content.tasks.get(task.library_task_id or "")
        self.details.setText(task_details(task, template, self._content.task_risks))
        self.details.setVisible(True)

    def select_cell(self, row: int, column: int = 0) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, column)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        self._update_buttons()

    @Slot()
    def start_from_role_family(self) -> None:
        if self._workbook_id is None:
            return
        self.table.commit_open_editor()
        # One operation of the door: one transaction, one step for Undo.
        change, refusal = self._run(door.add_starter_tasks, self._db, self._workbook_id)
        if change is None:
            self._show_task_message(refusal)
            return
        # The door names the family in the change's description: "add 9 tasks typical for…".
        self._show_task_message(
            f"Added{change.description.removeprefix('add')}. They are starting points: change "
            "the hours and AI shares to fit your week, remove what you don't do, and add the "
            "review time each check costs you. Undo (Ctrl+Z) takes them all away.",
            frozenset(part.row_id for part in change.parts),
        )
        self.select_cell(self.model.row_of(change.parts[0].row_id))

    @Slot()
    def add_task(self) -> None:
        if self._workbook_id is None:
            return
        self.table.commit_open_editor()
        change, refusal = self._run(door.tasks.add, self._db, self._workbook_id, name="")
        if change is None:
            self._show_task_message(refusal)
            return
        row = self.model.row_of(change.row_id)
        self.select_cell(row, column_of("name"))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.edit(self.model.index(row, column_of("name")))

    @Slot()
    def remove_task(self) -> None:
        row = self._current_task_row()
        if row < 0:
            return
        self.table.commit_open_editor()
        task = self.model.task(row)
        name = task.name.strip() or "this unnamed task"
        question = (
            f"Remove “{name}” from your plan?\n\n"
            "Its hours, its check and your notes on it go too. Undo (Ctrl+Z) brings it back."
        )
        if not confirm(self, "Remove task", question, "Remove"):
            return
        change, refusal = self._run(door.tasks.delete, self._db, task.id)
        if change is None:
            self._show_task_message(refusal)
            return
        self.select_cell(min(row, self.model.rowCount() - 1))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def move_up(self) -> None:
        self._move(-1)

    @Slot()
    def move_down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        row = self._current_task_row()
        target = row + step
        if row < 0 or not 0 <= target < self.model.rowCount():
            return
        self.table.commit_open_editor()
        column = max(0, self.table.currentIndex().column())
        task = self.model.task(row)
        change, refusal = self._run(door.tasks.move, self._db, task.id, target)
        if change is None:
            self._show_task_message(refusal)
            return
        self.select_cell(self.model.row_of(task.id), column)
