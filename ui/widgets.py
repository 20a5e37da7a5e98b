"""Small building blocks shared by the step pages: headings, hints, a growing text box."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSizePolicy, QWidget


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    """A sentence of guidance, wrapped to the page's width."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    policy.setHeightForWidth(True)  # a wrapped label's height follows its width
    label.setSizePolicy(policy)
    return label


class TextBox(QPlainTextEdit):
    """A multi-line answer that says when the person leaves it (QPlainTextEdit has no
    editingFinished), so autosave can flush at once."""

    left = Signal()

    def __init__(self, parent: QWidget | None = None, min_lines: int = 4) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on, as in every other field
        lines = self.fontMetrics().lineSpacing() * min_lines
        self.setMinimumHeight(lines + 2 * self.frameWidth() + 8)
        self.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if watched is self and event.type() == QEvent.Type.FocusOut:
            self.left.emit()
        return super().eventFilter(watched, event)
