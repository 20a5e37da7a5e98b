"""The AI plan's cell editors that Qt does not have: "What you keep" as a spin box
whose five levels read as their meanings, and a cell's text edited inside the cell.

`CellTextEdit` wraps the text at its column's width, never wider, and grows
downwards as the text does, so a validation step of three sentences is read
whole while it is written. Its keys (Enter saves, Shift+Enter a new line in a
long text) are the delegate's, in `tasks_view.py`.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Slot
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QFrame, QSpinBox, QStyle, QStyleOptionSpinBox, QTextEdit, QWidget

from ui.steps.ai_plan.text import AGENCY, agency_text
from workbook.model import MAX_SHORT_TEXT


class AgencySpinBox(QSpinBox):
    """1 to 5, each shown with what it means ("4 · I do it, AI helps"); 0 is "Not set"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, len(AGENCY))
        self.setSpecialValueText("Not set")

    def textFromValue(self, value: int) -> str:  # noqa: N802 - Qt API
        return agency_text(value) if value else "Not set"

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        # Qt measures only the first 18 characters of the range's ends, which cuts a
        # meaning short; the editor is as wide as the longest one.
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        text = max(metrics.horizontalAdvance(self.textFromValue(v)) for v in AGENCY)
        option = QStyleOptionSpinBox()
        self.initStyleOption(option)
        size = self.style().sizeFromContents(
            QStyle.ContentsType.CT_SpinBox, option, QSize(text + 2, hint.height()), self
        )
        return QSize(max(hint.width(), size.width()), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(self.sizeHint().width(), super().minimumSizeHint().height())

    def valueFromText(self, text: str) -> int:  # noqa: N802 - Qt API
        digits = [c for c in text if c.isdigit()]
        return int(digits[0]) if digits and 1 <= int(digits[0]) <= len(AGENCY) else 0

    def validate(self, text: str, pos: int) -> object:
        stripped = text.strip()
        if not stripped or stripped == "Not set":
            return QValidator.State.Intermediate if not stripped else QValidator.State.Acceptable
        if stripped[0].isdigit() and 1 <= int(stripped[0]) <= len(AGENCY):
            return QValidator.State.Acceptable
        return QValidator.State.Invalid


class CellTextEdit(QTextEdit):
    """A cell's text, edited in the cell: wrapped at the column's width and as tall as
    the text needs (from the cell's height down to the bottom of the table). A short
    field (the task, the tool) stays one paragraph and within its length."""

    def __init__(self, parent: QWidget, *, single_line: bool) -> None:
        super().__init__(parent)
        self.single_line = single_line
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.Box)
        self.document().setDocumentMargin(2)
        self._cell = QRect()
        self.textChanged.connect(self._text_changed)

    def place(self, cell: QRect) -> None:
        """Cover `cell`, and below it as much as the text needs, within the viewport."""
        self._cell = QRect(cell)
        self._fit()

    def needed_height(self, width: int) -> int:
        document = self.document().clone(self)
        frame = 2 * self.frameWidth()
        document.setTextWidth(max(1, width - frame))
        height = int(document.size().height()) + frame + 1
        document.deleteLater()
        return height

    def _fit(self) -> None:
        if not self._cell.isValid():
            return
        rect = QRect(self._cell)
        viewport = self.parentWidget()
        bottom = viewport.height() if viewport is not None else rect.bottom() + 1
        wanted = max(rect.height(), self.needed_height(rect.width()))
        rect.setHeight(wanted)
        if rect.bottom() >= bottom:  # over the table's edge: rise, never above its top
            rect.moveBottom(bottom - 1)
            if rect.top() < 0:
                rect.setTop(0)
        self.setGeometry(rect)

    @Slot()
    def _text_changed(self) -> None:
        text = self.toPlainText()
        if self.single_line and ("\n" in text or len(text) > MAX_SHORT_TEXT):
            cursor = self.textCursor()
            where = min(cursor.position(), MAX_SHORT_TEXT)
            self.setPlainText(text.replace("\n", " ")[:MAX_SHORT_TEXT])
            cursor = self.textCursor()
            cursor.setPosition(where)
            self.setTextCursor(cursor)
            return
        self._fit()
