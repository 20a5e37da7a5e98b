"""A bar chart of the hours each task frees, drawn with QPainter.

One horizontal bar per task, as long as its hours a week, split into the
hours freed (solid), the hours its review takes back (hatched) and the
hours that stay with the person (an outline), followed by one bar for
all tasks together on its own scale. Colours come from the palette, so
light and dark schemes both read well, and the three parts differ by
pattern as well as shade, so the chart still reads printed in grey.
Coordinates are fractional (QPointF, QRectF) for crisp high-DPI drawing.
The same numbers are given as the widget's accessible description.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


@dataclass(frozen=True)
class HoursBar:
    """One bar: a task's hours a week, split into freed, review and kept."""

    name: str
    hours: float
    freed: float
    review: float  # the part of AI's hours that checking takes back

    @property
    def kept(self) -> float:
        return max(0.0, self.hours - self.freed - self.review)


def _h(value: float) -> str:
    return f"{value:g} h"


class HoursChart(QWidget):
    """Hours freed per task and in total."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[HoursBar] = []
        self._total: HoursBar | None = None
        self.setAccessibleName("Chart of hours freed per task")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(360)

    def set_bars(self, bars: list[HoursBar], total: HoursBar | None) -> None:
        self._bars = list(bars)
        self._total = total
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def bars(self) -> list[HoursBar]:
        return list(self._bars)

    def describe(self) -> str:
        """The chart in words, for screen readers."""
        if not self._bars:
            return "No tasks yet."
        lines = [
            f"{bar.name or 'Unnamed task'}: {_h(bar.freed)} freed of {_h(bar.hours)}, "
            f"{_h(bar.review)} of review."
            for bar in self._bars
        ]
        if self._total is not None:
            lines.append(
                f"All tasks: {_h(self._total.freed)} freed of {_h(self._total.hours)}, "
                f"{_h(self._total.review)} of review."
            )
        return "\n".join(lines)

    # ---- geometry ------------------------------------------------------------------------

    def _row_height(self) -> float:
        return QFontMetricsF(self.font()).height() * 1.9

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        row = self._row_height()
        rows = max(1, len(self._bars)) + (2 if self._total is not None else 0)
        return QSize(640, int(row * (rows + 1.5) + 8))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(360, self.sizeHint().height())

    # ---- drawing -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = QFontMetricsF(self.font())
        row = self._row_height()
        width = float(self.width())
        label_width = min(width * 0.34, 300.0)
        bold = self.font()
        bold.setBold(True)
        value_width = QFontMetricsF(bold).horizontalAdvance("00.0 h freed of 00.0 h") + 16
        bar_left = label_width + 12
        bar_width = max(40.0, width - bar_left - value_width)

        y = self._legend(painter, palette, metrics, row)
        if not self._bars:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                QRectF(0, y, width, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                "No tasks yet: add them above and their hours appear here.",
            )
            painter.end()
            return
        scale = bar_width / max(max(bar.hours for bar in self._bars), 1.0)
        for bar in self._bars:
            self._row(painter, palette, metrics, bar, y, row, label_width, bar_left, scale)
            y += row
        if self._total is not None:
            y += row * 0.4
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1.0))
            painter.drawLine(QPointF(0, y), QPointF(width, y))
            y += row * 0.4
            total_scale = bar_width / max(self._total.hours, 1.0)
            painter.setFont(bold)
            self._row(
                painter,
                palette,
                QFontMetricsF(bold),
                self._total,
                y,
                row,
                label_width,
                bar_left,
                total_scale,
            )
        painter.end()

    def _legend(
        self, painter: QPainter, palette: QPalette, metrics: QFontMetricsF, row: float
    ) -> float:
        x = 0.0
        swatch = metrics.height() * 0.9
        top = (row - swatch) / 2
        for name, kind in (
            ("Freed", "freed"),
            ("Review time", "review"),
            ("Stays with you", "kept"),
        ):
            rect = QRectF(x, top, swatch * 1.6, swatch)
            self._fill(painter, palette, rect, kind)
            x += rect.width() + 6
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            text_width = metrics.horizontalAdvance(name)
            painter.drawText(
                QRectF(x, 0, text_width + 4, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            x += text_width + 24
        return row * 1.2

    def _fill(self, painter: QPainter, palette: QPalette, rect: QRectF, kind: str) -> None:
        text = palette.color(QPalette.ColorRole.WindowText)
        outline = QPen(text, 1.0)
        if kind == "freed":
            painter.setPen(outline)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        elif kind == "review":
            painter.setPen(outline)
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            painter.drawRect(rect)
            painter.setBrush(QBrush(text, Qt.BrushStyle.BDiagPattern))
        else:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1.0))
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRect(rect)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _row(
        self,
        painter: QPainter,
        palette: QPalette,
        metrics: QFontMetricsF,
        bar: HoursBar,
        y: float,
        row: float,
        label_width: float,
        bar_left: float,
        scale: float,
    ) -> None:
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        name = metrics.elidedText(
            bar.name or "Unnamed task", Qt.TextElideMode.ElideRight, label_width
        )
        painter.drawText(
            QRectF(0, y, label_width, row),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            name,
        )
        height = row * 0.6
        top = y + (row - height) / 2
        x = bar_left
        for kind, value in (("freed", bar.freed), ("review", bar.review), ("kept", bar.kept)):
            if value <= 0:
                continue
            rect = QRectF(x, top, max(value * scale, 1.5), height)
            self._fill(painter, palette, rect, kind)
            x += rect.width()
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(
            QRectF(x + 8, y, self.width() - x - 8, row),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{_h(bar.freed)} freed of {_h(bar.hours)}",
        )
