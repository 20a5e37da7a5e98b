""" "Questions to think about": answers that pull against each other, asked kindly.

One part of a page, shown by the Edge step's Result tab and the Strengths step's results:
a title, a sentence saying these are not mistakes, the first few questions
(`workbook.analysis.contradictions.SHOWN`) and the rest behind a "more" toggle. It shows
only text worked out elsewhere, and hides itself when there is nothing to ask.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.widgets import Disclosure, hint, subheading
from workbook.analysis.contradictions import SHOWN

TITLE = "Questions to think about"
INTRO = (
    "A few of your answers pull against each other. That is not a mistake: most people "
    "hold answers like these, and the space between them is worth a few minutes of "
    "thought, or a question to bring to a coach or a colleague you trust."
)


def _reading(name: str) -> QLabel:
    """Questions a person can select, copy and reach with the keyboard."""
    label = hint("")
    label.setAccessibleName(name)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return label


def more_text(count: int) -> str:
    return "1 more question" if count == 1 else f"{count} more questions"


class ThinkAbout(QWidget):
    """The questions, the first `SHOWN` in view and the rest one click away."""

    def __init__(self, intro: str = INTRO, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("think_about")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(subheading(TITLE))
        layout.addWidget(hint(intro))
        self.shown = _reading(TITLE)
        layout.addWidget(self.shown)
        self.rest = _reading(f"{TITLE}: the rest")
        self.more = Disclosure(more_text(0), self.rest)
        layout.addWidget(self.more)
        layout.addWidget(self.rest)
        self._questions: tuple[str, ...] = ()
        self.setVisible(False)

    def show_questions(self, questions: Sequence[str]) -> None:
        questions = tuple(questions)
        if questions == self._questions:
            return  # nothing new: keep the toggle as the person left it
        self._questions = questions
        first, rest = questions[:SHOWN], questions[SHOWN:]
        self.shown.setText("\n\n".join(first))
        self.rest.setText("\n\n".join(rest))
        self.more.set_label(more_text(len(rest)))
        self.more.setVisible(bool(rest))
        if not rest:
            self.more.setChecked(False)  # hides the (empty) rest with it
        self.setVisible(bool(questions))

    def questions(self) -> tuple[str, ...]:
        """Every question, shown or behind the toggle (for tests and screen readers)."""
        return self._questions
