"""The one kit of small widgets shared by every page: a heading, a hint (a sentence of
guidance), a muted line, a Yes/Cancel confirmation, text boxes that say when they are left
or grow with their text. Pages import them by these names; a step keeps no copy of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QPlainTextEdit, QSizePolicy, QWidget


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
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def muted(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A quieter hint (a date, a count, a side note), in the palette's placeholder colour."""
    label = hint(text, parent)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def confirm(parent: QWidget | None, title: str, text: str, ok_text: str) -> bool:
    """Ask before something is done that cannot simply be taken back: True to go ahead.

    The button that goes ahead says what it does ("Delete", "Replace"); Cancel is the
    default, so Enter and Escape both leave things as they are.
    """
    no_buttons = QMessageBox.StandardButton.NoButton
    box = QMessageBox(QMessageBox.Icon.Question, title, text, no_buttons, parent)
    go_ahead = box.addButton(ok_text, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go_ahead


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


class GrowingTextBox(TextBox):
    """A TextBox as tall as its text (between `min_lines` and `max_lines`, then it
    scrolls), instead of the tall fixed block a plain text edit asks for, so a page
    of them stays compact."""

    def __init__(
        self, min_lines: int = 2, max_lines: int = 12, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, min_lines=min_lines)
        self._min_lines = min_lines
        self._max_lines = max_lines
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._grow)
        self._grow()

    def _height_for(self, lines: int) -> int:
        margins = self.contentsMargins()
        extra = int(2 * self.document().documentMargin()) + margins.top() + margins.bottom()
        return lines * self.fontMetrics().lineSpacing() + extra + 4

    @Slot()
    def _grow(self, *_args: object) -> None:
        # A plain text document measures its height in lines, wrapped lines included.
        lines = int(self.document().size().height())
        lines = max(self._min_lines, min(self._max_lines, lines))
        height = self._height_for(lines)
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self._grow()
