"""The page shown for a step whose screens are not built yet.

It says what the step will hold, so a person exploring the app knows what
is coming, and points back to the steps that work today.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.widgets import heading, hint
from workbook.steps import Step


class ComingLaterPage(QWidget):
    def __init__(self, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 32)
        layout.addWidget(heading(step.title))
        layout.addWidget(hint(step.summary))
        layout.addWidget(
            hint(
                "This step is being built and arrives in a coming version. "
                "Everything you write in “About you” is kept and will be used here."
            )
        )
        layout.addStretch(1)

    def show_workbook(self, workbook_id: int) -> None:
        """Nothing to load yet."""

    def refresh(self) -> None:
        """Nothing to refresh yet."""
