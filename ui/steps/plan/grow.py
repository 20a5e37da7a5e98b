"""A goal's GROW coaching: the questions for each stage (Goal, Reality, Options, Will), and
the person's own notes on each, kept with the goal.

The notes are one stored answer (`goals.grow_notes`, an object of stage to text), so a
box's edit stages the whole object with that box's text in it; leaving the box saves it,
one change per edit and one step to undo, as the goal's other fields are saved.
"""

from __future__ import annotations

from functools import partial
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from ui.binding import set_text
from ui.steps.plan.context import PlanContext
from ui.widgets import Disclosure, GrowingTextBox, hint
from workbook.content.catalogue import Prompt
from workbook.content.schema import GROW
from workbook.data import Goal

#: Each stage as the page names it, in the content's order (`workbook.content.schema.GROW`).
GROW_STAGES = dict(
    zip(
        GROW,
        (
            "Goal: what you want",
            "Reality: where you stand today",
            "Options: what you could do",
            "Will: what you will do, and when",
        ),
        strict=True,
    )
)
#: What each note box asks while it is empty.
NOTE_PROMPTS = {
    "goal": "What do you want, in your own words?",
    "reality": "Where do you stand today, and what have you tried?",
    "options": "What could you do? A few ideas, even unlikely ones.",
    "will": "What will you do first, and by when?",
}
COMMITMENT_ID = "plan_commitment"


def grow_panel(prompts: list[Prompt]) -> QWidget:
    """The GROW coaching questions (Goal, Reality, Options, Will), grouped by stage."""
    panel = QFrame()
    panel.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(12, 8, 12, 8)
    layout.setSpacing(8)
    layout.addWidget(
        hint(
            "Coaches often walk through four stages: the goal, the reality today, the "
            "options, and what you will do. Think them through, or talk them over with "
            "someone, then sharpen the goal above."
        )
    )
    for stage, title in GROW_STAGES.items():
        items = [p for p in prompts if p.grow == stage and p.id != COMMITMENT_ID]
        if not items:
            continue
        lines = "".join(
            f"<li>{escape(p.text)}" + (f"<br><i>{escape(p.hint)}</i>" if p.hint else "") + "</li>"
            for p in items
        )
        label = QLabel(f"<b>{escape(title)}</b><ul style='margin-left:0'>{lines}</ul>")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setAccessibleName(title)
        layout.addWidget(label)
    return panel


class GrowNotes(QWidget):
    """ "GROW notes", a disclosure opening four labelled boxes: a note for each stage."""

    def __init__(self, ctx: PlanContext, goal: Goal, number: int) -> None:
        super().__init__()
        self._write = ctx.writer("goals", goal.id, "grow_notes")
        self._notes: dict[str, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.panel = QWidget()
        form = QFormLayout(self.panel)
        form.setContentsMargins(16, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(hint("Your own notes as you work through each stage, for you and your coach."))
        self.boxes: dict[str, GrowingTextBox] = {}
        for stage, title in GROW_STAGES.items():
            name = title.partition(":")[0]
            box = GrowingTextBox(min_lines=2)
            box.setPlaceholderText(NOTE_PROMPTS[stage])
            box.setAccessibleName(f"Goal {number}: GROW notes, {name}")
            ctx.binder.text(box, partial(self._typed, stage))
            label = QLabel(f"{name}:")
            label.setBuddy(box)
            form.addRow(label, box)
            self.boxes[stage] = box
        self.toggle = Disclosure("GROW notes", self.panel)
        self.toggle.setAccessibleName(f"Goal {number}: GROW notes")
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.panel)
        self.show_values(goal)
        self.toggle.setChecked(bool(goal.grow_notes))

    def show_values(self, goal: Goal) -> None:
        """Put the stored notes in the boxes (on opening, or after an undo)."""
        self._notes = dict(goal.grow_notes)
        for stage, box in self.boxes.items():
            set_text(box, self._notes.get(stage, ""))

    def _typed(self, stage: str, text: str) -> None:
        self._notes[stage] = text
        self._write({s: self._notes[s] for s in GROW if self._notes.get(s)})
