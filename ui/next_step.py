"""The "Next step" button at the end of each step's page (but the last).

A person who reaches the end of a page should not have to look for the step list to go
on: the button names the step that follows ("Next step: Edge analysis"), is reachable
with Tab and pressed with Space or Enter, and asks the window to show that step. It finds
the window through `window()` and its `show_step`, so a page needs nothing but the row
`next_step_row(step_id)` at its end, and the shell none of it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from workbook.steps import STEPS


class NextStepButton(QPushButton):
    """Goes to the step after `step_id`."""

    def __init__(self, step_id: str, parent: QWidget | None = None) -> None:
        ids = [step.id for step in STEPS]
        self.target = ids.index(step_id) + 1
        title = STEPS[self.target].title
        super().__init__(f"Next step: {title}  →", parent)
        self.setObjectName("next_step")
        self.setAccessibleName(f"Go to the next step, {title}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoDefault(True)  # Enter presses it once it has the focus
        self.clicked.connect(self._go)

    @Slot()
    def _go(self) -> None:
        show_step = getattr(self.window(), "show_step", None)
        if callable(show_step):
            show_step(self.target)


def next_step_row(step_id: str, parent: QWidget | None = None) -> QHBoxLayout:
    """The button at the right of a row of its own, for the end of a page's layout."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 8, 0, 0)
    row.addStretch(1)
    row.addWidget(NextStepButton(step_id, parent))
    return row
