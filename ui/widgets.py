"""The one kit of small widgets shared by every page. Each label takes `(text, parent=None)`:

- `heading`: the page's title;
- `subheading`: the title of one part of a page (1.25x, DemiBold);
- `strong`: a question, a statement or a card's title (DemiBold, wrapped);
- `hint`: a sentence of guidance, wrapped; `muted`: a quieter hint (a date, a count);

and `separator()` (a thin line between blocks), `confirm` (the one Yes/Cancel question),
`Disclosure` (a "show more" toggle with an arrow), `TextBox` and `GrowingTextBox` (text
boxes that say when they are left, or grow with their text), `SteadyLabel` (a wrapped
label as tall as the longest text it may show, so changing its text never moves what is
below). Titles show their text as written (plain text) and carry it as their accessible
name. Spacing around them belongs to the layout that places them, not to the widget.
Pages import them by these names; a step keeps no copy of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)


def _title(text: str, parent: QWidget | None, scale: float) -> QLabel:
    """A DemiBold label `scale` times the usual size, named by its text."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = QFont(label.font())
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    """The page's title."""
    return _title(text, parent, 1.6)


def subheading(text: str, parent: QWidget | None = None) -> QLabel:
    """The title of one part of a page, smaller than the page's heading."""
    return _title(text, parent, 1.25)


def strong(text: str, parent: QWidget | None = None) -> QLabel:
    """A question, a statement or a card's title: wrapped, a little heavier than the text
    around it. A caller that changes the text later sets the accessible name with it."""
    label = _title(text, parent, 1.0)
    label.setWordWrap(True)
    return label


def separator(parent: QWidget | None = None) -> QFrame:
    """A thin horizontal line between blocks of a page."""
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


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


class Disclosure(QToolButton):
    """A "show more" toggle with an arrow; it shows or hides one widget."""

    def __init__(self, text: str, target: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target = target
        self.setText(text)
        self.setAccessibleName(text)
        self.setCheckable(True)
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggled.connect(self._toggled)
        self._toggled(False)

    def set_label(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleName(text)

    @Slot(bool)
    def _toggled(self, shown: bool) -> None:
        self.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self._target.setVisible(shown)


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


class SteadyLabel(QLabel):
    """A wrapped label that keeps the height of the longest of the texts it may show.

    A description that changes under the pointer (a rating's level) would otherwise
    grow and shrink by a line or two and push the rows below it about; this one asks
    the layout for the height of its tallest candidate at its width, so nothing moves.
    """

    def __init__(self, candidates: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._candidates = list(candidates)
        # Heights measured, by (inner width, font, text): layouts ask many times a frame,
        # and measuring every candidate each time cost a click ~10 ms.
        self._heights: dict[tuple[int, str, str], int] = {}
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt name
        margins = self.contentsMargins()
        inner = max(1, width - margins.left() - margins.right() - 2 * self.margin())
        font = self.font().key()
        tallest = max(self._height(inner, font, text) for text in [*self._candidates, self.text()])
        return tallest + margins.top() + margins.bottom() + 2 * self.margin()

    def _height(self, inner: int, font: str, text: str) -> int:
        key = (inner, font, text)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 256:  # a window resized many times
                self._heights.clear()
            flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
            rect = QRect(0, 0, inner, 100_000)
            measured = self.fontMetrics().boundingRect(rect, flags, text or " ").height()
            height = self._heights[key] = measured
        return height

    def _width(self) -> int:
        """The width laid out, or before that a width of about forty characters."""
        return self.width() if self.width() > 1 else 40 * self.fontMetrics().averageCharWidth()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(super().sizeHint().width(), self.heightForWidth(self._width()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(super().minimumSizeHint().width(), self.heightForWidth(self._width()))
