"""The first screen when a database holds no workbook yet: start empty or explore the example.

"Start my own workbook" has the focus when the page shows, so Return starts one; Return
on "Look around the example first", once Tab has moved there, opens the example."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.widgets import heading, hint


class WelcomePage(QWidget):
    start_empty = Signal()
    open_example = Signal()

    def __init__(self, db_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumWidth(820)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.setSpacing(16)
        layout.addWidget(heading("Welcome to your career workbook"))
        layout.addWidget(
            hint(
                "Over a few sittings you will look at what you are good at and what gives "
                "you energy, weigh the specialist and the people-manager paths against "
                "your edge, plan what AI can take off your plate, and leave with a plan "
                "to bring to a career conversation."
            )
        )
        layout.addWidget(
            hint(
                "Everything you write is saved as you type, stays on this computer and is "
                f"never sent anywhere. Your workbooks are kept in this file:\n{db_location}"
            )
        )
        buttons = QHBoxLayout()
        self.empty_button = QPushButton("Start my own workbook")
        self.empty_button.setDefault(True)
        self.empty_button.setAutoDefault(True)
        self.empty_button.setAccessibleName("Start my own, empty workbook")
        self.example_button = QPushButton("Look around the example first")
        self.example_button.setAccessibleName("Open the example workbook")
        self.example_button.setAutoDefault(True)  # Return presses it when it has the focus
        self.empty_button.clicked.connect(self.start_empty)
        self.example_button.clicked.connect(self.open_example)
        buttons.addWidget(self.empty_button)
        buttons.addWidget(self.example_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(
            hint(
                "The example belongs to Nadia, a senior data analyst deciding whether "
                "to lead a new team. You can delete it at any time."
            )
        )
        layout.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        # Something has the focus from the start, so Return does what the page suggests.
        self.empty_button.setFocus(Qt.FocusReason.OtherFocusReason)
