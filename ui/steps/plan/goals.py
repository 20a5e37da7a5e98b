"""Goals and their actions, the heart of the development plan.

Each goal is a card: its title, how the person will know they got there, a
target date, what it builds on (strengths, paths, AI tasks), how committed
they are on a scale of 1 to 10, what still makes it vague (from
`goal_checks`), GROW coaching questions to sharpen it and the person's own
GROW notes (`grow.py`), its actions tagged 70-20-10, and ideas for actions
from the content that fit its links, each added with one click.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.binding import set_text
from ui.date_field import DateField
from ui.steps.plan.context import PlanContext
from ui.steps.plan.grow import COMMITMENT_ID, GrowNotes, grow_panel
from ui.steps.plan.pickers import LinkPicker
from ui.steps.plan.widgets import (
    RowList,
    ask_then_delete,
    elided,
    tool_button,
)
from ui.widgets import Disclosure, GrowingTextBox, confirm, hint, strong
from workbook.analysis.plan_checks import KIND_NAMES, STATUS_NAMES
from workbook.analysis.plan_choices import ideas_for, link_label, link_options
from workbook.analysis.plan_dates import OVERDUE, action_overdue, goal_overdue
from workbook.content.catalogue import ActionIdea
from workbook.data import Action, Goal

KINDS = (
    ("experience", "Doing it at work (70)"),
    ("others", "Learning from others (20)"),
    ("formal", "Courses and reading (10)"),
)
KIND_WORDS = KIND_NAMES
STATUSES = tuple(STATUS_NAMES.items())
COMMITMENT_QUESTION = "On a scale of 1 to 10, how committed are you?"


def _choice_combo(name: str, options: tuple[tuple[str, str], ...], empty: str = "") -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    if empty:
        combo.addItem(empty, None)
    for value, label in options:
        combo.addItem(label, value)
    return combo


def _select(combo: QComboBox, value: object) -> None:
    blocked = combo.blockSignals(True)
    combo.setCurrentIndex(max(0, combo.findData(value)))
    combo.blockSignals(blocked)


class ActionRow(QFrame):
    """One action: what, which kind (70-20-10), when, how far along."""

    deleted = Signal()

    def __init__(self, ctx: PlanContext, action: Action, number: int, goal_number: int) -> None:
        super().__init__()
        self._ctx = ctx
        self.action_id = action.id
        name = f"Goal {goal_number}, action {number}"
        self.setAccessibleName(name)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)

        self.title = QLineEdit()
        self.title.setMaxLength(300)
        self.title.setAccessibleName(f"{name}: what you will do")
        self.title.setPlaceholderText("What will you do? For example: lead the next team review")
        ctx.binder.line(self.title, ctx.writer("actions", action.id, "title"))

        self.kind = _choice_combo(f"{name}: kind", KINDS, "What kind of action?")
        ctx.binder.combo(self.kind, ctx.writer("actions", action.id, "kind"))
        self.due = DateField(f"{name}: due date", default_days=30)
        ctx.binder.date(self.due, ctx.writer("actions", action.id, "due_date"))
        self.status = _choice_combo(f"{name}: status", STATUSES)
        ctx.binder.combo(self.status, ctx.writer("actions", action.id, "status"))
        self.overdue = strong(OVERDUE)  # in words, not colour alone
        self.overdue.setAccessibleName(f"{name}: overdue")
        self.delete_button = tool_button("Delete…", f"Delete {name.lower()}")
        self.delete_button.clicked.connect(self._delete)

        due_label = QLabel("Due:")
        due_label.setBuddy(self.due)
        details = QHBoxLayout()
        details.setSpacing(8)
        details.addWidget(self.kind)
        details.addSpacing(8)
        details.addWidget(due_label)
        details.addWidget(self.due)
        details.addWidget(self.status)
        details.addWidget(self.overdue)
        details.addStretch(1)
        # Added in reading order for Tab: what, kind, due, status, then delete.
        grid.addWidget(self.title, 0, 0)
        grid.addLayout(details, 1, 0, 1, 2)
        grid.addWidget(self.delete_button, 0, 1)
        grid.setColumnStretch(0, 1)
        self.show_values(action)

    def show_values(self, action: Action) -> None:
        set_text(self.title, action.title)
        _select(self.kind, action.kind)
        _select(self.status, action.status)
        self.due.set_value(action.due_date)

    def show_overdue(self, late: bool) -> None:
        self.overdue.setVisible(late)
        self.due.edit.setAccessibleDescription(OVERDUE if late else "")

    @Slot()
    def _delete(self) -> None:
        if ask_then_delete(self, self._ctx, "actions", self.action_id, "action", self.title.text()):
            self.deleted.emit()


class IdeaRow(QWidget):
    """An action idea from the content, added to the goal with one click."""

    def __init__(self, card: GoalCard, idea: ActionIdea) -> None:
        super().__init__()
        self._card = card
        self.idea = idea
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        kind = KIND_WORDS.get(idea.kind, idea.kind)
        text = hint(f"{idea.text} ({kind})")
        layout.addWidget(text, 1)
        self.add_button = QPushButton("Add")
        self.add_button.setAccessibleName(f"Add as an action: {elided(idea.text, 80)}")
        self.add_button.setToolTip("Add this idea to the goal's actions")
        self.add_button.clicked.connect(self._add)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)

    @Slot()
    def _add(self) -> None:
        self._card.add_action(title=self.idea.text, kind=self.idea.kind)


class GoalCard(QFrame):
    """One goal with everything that makes it specific, and its actions."""

    deleted = Signal()

    def __init__(self, ctx: PlanContext, goal: Goal, number: int) -> None:
        super().__init__()
        self._ctx = ctx
        self.goal_id = goal.id
        self.number = number
        self._ideas: tuple[ActionIdea, ...] | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(f"Goal {number}")
        prompts = [p for p in ctx.content.prompts.values() if p.step == "plan"]
        commitment_prompt = ctx.content.prompts.get(COMMITMENT_ID)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 16)
        outer.setSpacing(10)
        top = QHBoxLayout()
        self.caption = strong(f"Goal {number}")
        top.addWidget(self.caption)
        top.addStretch(1)
        self.delete_button = tool_button("Delete goal…", f"Delete goal {number}")
        self.delete_button.clicked.connect(self._delete)
        top.addWidget(self.delete_button)
        outer.addLayout(top)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setVerticalSpacing(10)
        outer.addLayout(form)

        self.title = QLineEdit()
        self.title.setMaxLength(300)
        self.title.setPlaceholderText(
            "What do you want to reach? For example: run the monthly forecast on my own"
        )
        ctx.binder.line(self.title, ctx.writer("goals", goal.id, "title"))
        self.measure = GrowingTextBox(min_lines=2)
        self.measure.setPlaceholderText(
            "What could another person see or count when you get there?"
        )
        ctx.binder.text(self.measure, ctx.writer("goals", goal.id, "measure"))
        self.target_date = DateField(f"Goal {number}: target date", default_days=90)
        ctx.binder.date(self.target_date, ctx.writer("goals", goal.id, "target_date"))
        self.links = LinkPicker("Builds on")
        self.links.changed.connect(self._links_changed)
        self.commitment = QSpinBox()
        self.commitment.setRange(0, 10)
        self.commitment.setSpecialValueText("Not answered")
        self.commitment.setSuffix(" of 10")
        ctx.binder.number(self.commitment, ctx.writer("goals", goal.id, "commitment"))
        # Below 7, the goal's checks (`goal_checks`) ask what would move it one point higher.
        question = commitment_prompt.text if commitment_prompt else COMMITMENT_QUESTION

        rows = (
            ("Goal", self.title, f"Goal {number}: title"),
            ("How you will know", self.measure, f"Goal {number}: how you will know"),
            ("Target date", self.target_date, f"Goal {number}: target date"),
            ("Builds on", self.links, f"Goal {number}: builds on"),
        )
        for text, widget, name in rows:
            label = QLabel(f"{text}:")
            label.setBuddy(widget)
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        # Beside the target date, in words (not colour alone); shown while it is late.
        self.overdue = QLabel(f"<b>{OVERDUE}</b>: the target date has passed")
        self.overdue.setAccessibleName(f"Goal {number}: overdue, the target date has passed")
        self.overdue.setToolTip("Plans change: a new date is fine, or mark the actions done.")
        self.target_date.layout().insertWidget(3, self.overdue)  # before its stretch
        self.links.add_combo.setAccessibleName(f"Goal {number}: link a strength, path or AI task")
        commitment_label = hint(question)
        commitment_label.setBuddy(self.commitment)
        self.commitment.setAccessibleName(f"Goal {number}: {question}")
        self.commitment.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        form.addRow(commitment_label)
        form.addRow(self.commitment)

        self.checks = QLabel()
        self.checks.setTextFormat(Qt.TextFormat.RichText)
        self.checks.setWordWrap(True)
        self.checks.setAccessibleName(f"Goal {number}: what would make it clearer")
        outer.addWidget(self.checks)

        grow = grow_panel(prompts)
        self.grow_toggle = Disclosure("Questions to sharpen this goal", grow)
        self.grow_toggle.setAccessibleName(f"Goal {number}: questions to sharpen this goal")
        outer.addWidget(self.grow_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(grow)
        self.grow_notes = GrowNotes(ctx, goal, number)
        outer.addWidget(self.grow_notes)

        outer.addWidget(strong("Actions"))
        self.actions = RowList(spacing=12)
        outer.addWidget(self.actions)
        self.no_actions = hint("No actions yet. What is one thing you could do this month?")
        outer.addWidget(self.no_actions)
        self.add_action_button = QPushButton("Add an action")
        self.add_action_button.setAccessibleName(f"Goal {number}: add an action")
        self.add_action_button.clicked.connect(self._add_empty_action)
        outer.addWidget(self.add_action_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.ideas_panel = QWidget()
        self.ideas_layout = QVBoxLayout(self.ideas_panel)
        self.ideas_layout.setContentsMargins(16, 0, 0, 0)
        self.ideas_toggle = Disclosure("Ideas for actions", self.ideas_panel)
        outer.addWidget(self.ideas_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(self.ideas_panel)

        self.show_values(goal)
        self.update_from(goal, ())
        self.ideas_toggle.setChecked(not goal.actions)

    # ---- showing ---------------------------------------------------------------------------

    def show_values(self, goal: Goal) -> None:
        """Put stored values in the fields (on opening, or after an undo)."""
        set_text(self.title, goal.title)
        set_text(self.measure, goal.measure)
        self.target_date.set_value(goal.target_date)
        self.grow_notes.show_values(goal)
        blocked = self.commitment.blockSignals(True)
        self.commitment.setValue(goal.commitment or 0)
        self.commitment.blockSignals(blocked)
        for row in self.actions.rows():
            action = next((a for a in goal.actions if a.id == row.action_id), None)
            if action is not None:
                row.show_values(action)

    def update_from(self, goal: Goal, flags: tuple[str, ...]) -> None:
        """Refresh what depends on stored answers: links, checks, actions and ideas."""
        data, content = self._ctx.data, self._ctx.content
        labels = {key: link_label(key, data, content) for key in goal.links}
        self.links.show_links(goal.links, labels, link_options(data, content))
        if flags:
            items = "".join(f"<li>{escape(f)}</li>" for f in flags)
            self.checks.setText(f"<b>To make this goal clearer:</b><ul>{items}</ul>")
        else:
            self.checks.setText("<p>✓ This goal has a measure, a date and at least one action.</p>")
        self.actions.sync(goal.actions, self._make_action)
        today = self._ctx.today()
        late = goal_overdue(goal, today)
        self.overdue.setVisible(late)
        self.target_date.edit.setAccessibleDescription(OVERDUE if late else "")
        for row, action in zip(self.actions.rows(), goal.actions, strict=True):
            row.show_overdue(action_overdue(action, today))
        self.no_actions.setVisible(not goal.actions)
        self._show_ideas(goal)

    def _make_action(self, action: Action, number: int) -> ActionRow:
        row = ActionRow(self._ctx, action, number, self.number)
        row.deleted.connect(self._focus_add_action)
        return row

    @Slot()
    def _focus_add_action(self) -> None:
        self.add_action_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_ideas(self, goal: Goal) -> None:
        ideas = ideas_for(goal, self._ctx.content)
        if ideas == self._ideas:
            return
        self._ideas = ideas
        while (item := self.ideas_layout.takeAt(0)) is not None:
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        parts: list[QWidget] = []
        if ideas:
            parts.append(
                hint(
                    "Ideas that fit what this goal builds on. Add one, then change its words "
                    "so it fits your situation."
                )
            )
            parts += [IdeaRow(self, idea) for idea in ideas]
        else:
            linked = any(k.startswith(("strength:", "path:")) for k in goal.links)
            parts.append(
                hint(
                    "The ideas for what this goal builds on are already among your actions."
                    if linked
                    else "Link this goal to a strength or a path above to see ideas that fit."
                )
            )
        for part in parts:
            self.ideas_layout.addWidget(part)
            part.show()
        label = f"Ideas for actions ({len(ideas)})"
        self.ideas_toggle.set_label(label)
        self.ideas_toggle.setAccessibleName(f"Goal {self.number}: {label.lower()}")

    # ---- editing ---------------------------------------------------------------------------

    @Slot(list)
    def _links_changed(self, links: list[str]) -> None:
        self._ctx.writer("goals", self.goal_id, "links")(links)
        self._ctx.flush()

    @Slot()
    def _add_empty_action(self) -> None:
        self.add_action()

    def add_action(self, title: str = "", kind: str | None = None) -> None:
        row_id = self._ctx.add("actions", self.goal_id, title=title, kind=kind)
        row = self.actions.row(row_id)
        if row is not None:
            row.title.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _delete(self) -> None:
        title = elided(self.title.text()) or f"goal {self.number}"
        count = len(self.actions.ids())
        extra = f" and its {count} action{'s' if count != 1 else ''}" if count else ""
        question = f"Delete the goal “{title}”{extra}?"
        if confirm(self, "Delete goal", question, "Delete") and self._ctx.delete(
            "goals", self.goal_id
        ):
            self.deleted.emit()

    def focus_title(self) -> None:
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)


class GoalsSection(QWidget):
    """The list of goals, with the sentence shown when there are none."""

    def __init__(self, ctx: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.empty = hint(
            "Your plan has no goals yet. Start with one thing you want to be different in "
            "90 days: you can sharpen it as you go."
        )
        self.empty.setAccessibleName("No goals yet")
        layout.addWidget(self.empty)
        self.cards = RowList(spacing=16)
        layout.addWidget(self.cards)
        self.add_button = QPushButton("Add a goal")
        self.add_button.setAccessibleName("Add a goal")
        self.add_button.clicked.connect(self._add)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def update_from(self, full: bool, flags: dict[int, tuple[str, ...]]) -> None:
        goals = self._ctx.data.goals
        rebuilt = self.cards.sync(goals, self._make_card)
        for card, goal in zip(self.cards.rows(), goals, strict=True):
            if full and not rebuilt:
                card.show_values(goal)
            card.update_from(goal, flags.get(goal.id, ()))
        self.empty.setVisible(not goals)
        self.add_button.setText("Add another goal" if goals else "Add a goal")

    def _make_card(self, goal: Goal, number: int) -> GoalCard:
        card = GoalCard(self._ctx, goal, number)
        card.deleted.connect(self._focus_add)
        return card

    @Slot()
    def _focus_add(self) -> None:
        self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def card(self, goal_id: int) -> GoalCard | None:
        return self.cards.row(goal_id)

    @Slot()
    def _add(self) -> None:
        goal_id = self._ctx.add("goals", title="")
        card = self.card(goal_id) if goal_id is not None else None
        if card is not None:
            card.focus_title()
