"""Small building blocks of the AI plan page: the flags box.

The kit every page shares (`subheading`, `strong`, `hint`, `muted`, `confirm`) is in
`ui.widgets`.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.widgets import hint


class FlagsBox(QFrame):
    """High-stakes tasks without real checking, shown by the table: visible, not alarming."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAccessibleName("Tasks to check")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(6)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.text = hint("")
        self.text.setAccessibleName("Flags")
        layout.addWidget(self.text)
        self.outro = hint(
            "Your call in each case: naming a check, and the time it takes, keeps your "
            "judgement over what AI produces."
        )
        layout.addWidget(self.outro)

    def show_flags(self, flags: tuple[str, ...]) -> None:
        count = len(flags)
        self.title.setText(
            f"⚠ {count} task{'s' if count != 1 else ''} worth a second look before you rely on AI"
        )
        self.text.setText("\n".join(f"• {flag}" for flag in flags))
        self.setVisible(bool(flags))

    def flags(self) -> str:
        return self.text.text()
