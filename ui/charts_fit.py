"""Charts of path fit, drawn with QPainter: the scores side by side, and what moved one.

`ScoreOverview` puts the three paths on one 0 to 100 scale, with the
starting point of 50 marked. `ContributionChart` shows, for one path, each
answer that raised or lowered its score as a bar from a zero line. Both
draw with fractional coordinates (QPointF, QRectF) so they stay crisp on
high-DPI screens, take every colour from the widget's palette so light and
dark schemes both read, and tell raises from drops by more than hue: a
raise is a solid bar to the right, a drop a hatched, outlined bar to the
left, each with its signed number, so a grey-scale print still reads.
Hovering a bar shows why that answer counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui.steps.edge.text import MINUS, signed

MARGIN = 6.0


@dataclass(frozen=True)
class Bar:
    """One answer on the chart."""

    what: str  # "Critical thinking", or a preference's statement
    answer: str  # "strongly agree"; may be empty
    points: float
    why: str = ""

    def tooltip(self) -> str:
        answer = f" ({self.answer})" if self.answer else ""
        return f"{self.what}{answer}: {signed(self.points)}\n{self.why}".strip()


def _muted(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.PlaceholderText)


def _crisp(rect: QRectF) -> QRectF:
    """Inset by half a pixel so a one-pixel outline falls on whole pixels."""
    return rect.adjusted(0.5, 0.5, -0.5, -0.5)


def raise_brush(palette: QPalette) -> QBrush:
    return QBrush(palette.color(QPalette.ColorRole.Highlight))


def drop_brush(palette: QPalette) -> QBrush:
    return QBrush(palette.color(QPalette.ColorRole.WindowText), Qt.BrushStyle.BDiagPattern)


def draw_swatch(painter: QPainter, rect: QRectF, palette: QPalette, raised: bool) -> None:
    """A bar's fill: solid for a raise, hatched on the base colour for a drop; both outlined."""
    outline = QPen(palette.color(QPalette.ColorRole.WindowText), 1.0)
    outline.setCosmetic(True)
    if raised:
        painter.fillRect(rect, raise_brush(palette))
    else:
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Base))
        painter.fillRect(rect, drop_brush(palette))
    painter.setPen(outline)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(_crisp(rect))


class ContributionChart(QWidget):
    """One path's answers as bars from a zero line: raises to the right, drops to the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._most_raised = 1.0
        self._most_lowered = 0.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_bars(self, bars: list[Bar], most_raised: float, most_lowered: float) -> None:
        """Show `bars`; the scale runs from -most_lowered to most_raised (shared by all paths,
        so the same number of points is the same length on every path's chart)."""
        self._bars = list(bars)
        self._most_raised = max(most_raised, 0.0)
        self._most_lowered = max(most_lowered, 0.0)
        if self._most_raised + self._most_lowered == 0:
            self._most_raised = 1.0
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    # ---- geometry ----------------------------------------------------------------------------

    def _row_height(self) -> float:
        return float(max(24, self.fontMetrics().height() + 10))

    def _top(self) -> float:
        return MARGIN + self._row_height() + 4  # below the legend

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        rows = max(1, len(self._bars))
        return QSize(640, int(self._top() + rows * self._row_height() + MARGIN + 1))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(360, self.sizeHint().height())

    def _columns(self) -> tuple[float, float, float, float]:
        """(label width, zero line x, points per pixel, right end of the plot)."""
        fm = self.fontMetrics()
        width = float(self.width())
        label_w = min(max(width * 0.48, 140.0), 420.0)
        value_w = fm.horizontalAdvance(f"{MINUS}00.0") + 10.0
        left = MARGIN + label_w + 10.0 + (value_w if self._most_lowered > 0 else 0.0)
        right = width - MARGIN - value_w
        span = self._most_raised + self._most_lowered
        unit = max(right - left, 10.0) / span
        zero = left + self._most_lowered * unit
        return label_w, zero, unit, right

    def _row_at(self, y: float) -> int | None:
        index = int((y - self._top()) // self._row_height())
        return index if 0 <= index < len(self._bars) and y >= self._top() else None

    # ---- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        self._draw_legend(painter, palette)
        if not self._bars:
            painter.setPen(_muted(palette))
            painter.drawText(
                QRectF(MARGIN, self._top(), self.width() - 2 * MARGIN, self._row_height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                "No answer moves this path yet.",
            )
            painter.end()
            return
        label_w, zero, unit, _right = self._columns()
        row_h = self._row_height()
        fm = self.fontMetrics()
        for index, bar in enumerate(self._bars):
            y = self._top() + index * row_h
            if index % 2:
                painter.fillRect(
                    QRectF(0, y, self.width(), row_h),
                    palette.color(QPalette.ColorRole.AlternateBase),
                )
            self._draw_label(painter, palette, bar, QRectF(MARGIN, y, label_w, row_h))
            length = max(abs(bar.points) * unit, 2.0)
            height = row_h * 0.56
            top = y + (row_h - height) / 2
            raised = bar.points > 0
            rect = QRectF(zero if raised else zero - length, top, length, height)
            draw_swatch(painter, rect, palette, raised)
            painter.setPen(text)
            number = signed(bar.points)
            gap = 5.0
            if raised:
                spot = QRectF(rect.right() + gap, y, fm.horizontalAdvance(number) + 4, row_h)
                align = Qt.AlignmentFlag.AlignLeft
            else:
                w = fm.horizontalAdvance(number) + 4
                spot = QRectF(rect.left() - gap - w, y, w, row_h)
                align = Qt.AlignmentFlag.AlignRight
            painter.drawText(spot, align | Qt.AlignmentFlag.AlignVCenter, number)
        axis = QPen(text, 1.0)
        axis.setCosmetic(True)
        painter.setPen(axis)
        x = round(zero) + 0.5
        painter.drawLine(
            QPointF(x, self._top() - 2), QPointF(x, self._top() + len(self._bars) * row_h + 2)
        )
        painter.end()

    def _draw_label(self, painter: QPainter, palette: QPalette, bar: Bar, rect: QRectF) -> None:
        fm = self.fontMetrics()
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        answer = f" · {bar.answer}" if bar.answer else ""
        room = rect.width() - fm.horizontalAdvance(answer)
        if room < 60:  # too narrow to keep the answer whole: elide everything together
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(
                rect,
                flags,
                fm.elidedText(bar.what + answer, Qt.TextElideMode.ElideRight, int(rect.width())),
            )
            return
        what = fm.elidedText(bar.what, Qt.TextElideMode.ElideRight, int(room))
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(rect, flags, what)
        if answer:
            painter.setPen(_muted(palette))
            after = QRectF(
                rect.left() + fm.horizontalAdvance(what), rect.top(), rect.width(), rect.height()
            )
            painter.drawText(after, flags, answer)

    def _draw_legend(self, painter: QPainter, palette: QPalette) -> None:
        fm = self.fontMetrics()
        row_h = self._row_height()
        x = MARGIN
        box = fm.height() * 0.9
        for raised, words in ((True, "raised the score"), (False, "lowered the score")):
            swatch = QRectF(x, MARGIN + (row_h - box) / 2, box * 1.6, box)
            draw_swatch(painter, swatch, palette, raised)
            x = swatch.right() + 6
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(
                QRectF(x, MARGIN, fm.horizontalAdvance(words) + 4, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                words,
            )
            x += fm.horizontalAdvance(words) + 24
        note = "Bars use the same scale for every path."
        painter.setPen(_muted(palette))
        painter.drawText(
            QRectF(x, MARGIN, max(0.0, self.width() - x - MARGIN), row_h),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            fm.elidedText(
                note, Qt.TextElideMode.ElideRight, int(max(0.0, self.width() - x - MARGIN))
            ),
        )

    # ---- tooltips ----------------------------------------------------------------------------

    def event(self, event) -> bool:  # noqa: ANN001 - any QEvent
        if isinstance(event, QHelpEvent) and event.type() == QHelpEvent.Type.ToolTip:
            index = self._row_at(float(event.pos().y()))
            if index is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self._bars[index].tooltip(), self)
            return True
        return super().event(event)


@dataclass(frozen=True)
class Lane:
    """One path on the overview: its name, its score and whether it is (jointly) on top."""

    name: str
    score: float
    on_top: bool = False


class ScoreOverview(QWidget):
    """The paths' scores on one 0 to 100 scale, with the starting 50 marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lanes: list[Lane] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_lanes(self, lanes: list[Lane]) -> None:
        self._lanes = list(lanes)
        self.setAccessibleDescription(
            "; ".join(
                f"{lane.name} {lane.score:.1f} of 100{' (closest fit)' if lane.on_top else ''}"
                for lane in self._lanes
            )
        )
        self.updateGeometry()
        self.update()

    def lanes(self) -> list[Lane]:
        return list(self._lanes)

    def _lane_height(self) -> float:
        return float(max(28, self.fontMetrics().height() + 14))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        rows = max(1, len(self._lanes))
        axis = self.fontMetrics().height() + 10
        return QSize(600, int(2 * MARGIN + rows * self._lane_height() + axis))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(320, self.sizeHint().height())

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)
        return font

    def _plot(self) -> tuple[float, float]:
        bold = QFontMetricsF(self._bold())
        names = max((bold.horizontalAdvance(lane.name) for lane in self._lanes), default=80.0)
        left = MARGIN + names + 14.0
        right = self.width() - MARGIN - bold.horizontalAdvance("100.0") - 14.0
        return left, max(right, left + 50.0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        left, right = self._plot()
        unit = (right - left) / 100.0
        lane_h = self._lane_height()
        bottom = MARGIN + len(self._lanes) * lane_h
        outline = QPen(text, 1.0)
        outline.setCosmetic(True)
        for index, lane in enumerate(self._lanes):
            y = MARGIN + index * lane_h
            height = lane_h * 0.5
            top = y + (lane_h - height) / 2
            track = QRectF(left, top, right - left, height)
            painter.fillRect(track, palette.color(QPalette.ColorRole.Base))
            painter.fillRect(
                QRectF(left, top, max(lane.score, 0.0) * unit, height), raise_brush(palette)
            )
            painter.setPen(outline)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(_crisp(track))
            painter.setFont(self._bold() if lane.on_top else self.font())
            painter.drawText(
                QRectF(MARGIN, y, left - MARGIN - 10, lane_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                lane.name,
            )
            painter.drawText(
                QRectF(right + 8, y, self.width() - right - 8, lane_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                f"{lane.score:.1f}",
            )
        painter.setFont(self.font())
        # The start line at 50, dashed so it reads apart from the bars.
        start = QPen(text, 1.0, Qt.PenStyle.DashLine)
        start.setCosmetic(True)
        painter.setPen(start)
        x50 = round(left + 50 * unit) + 0.5
        painter.drawLine(QPointF(x50, MARGIN), QPointF(x50, bottom + 3))
        # The axis: ticks every 25 points.
        painter.setPen(_muted(palette))
        fm = self.fontMetrics()
        for value in (0, 25, 50, 75, 100):
            x = left + value * unit
            label = "50 (start)" if value == 50 else str(value)
            w = fm.horizontalAdvance(label) + 4
            painter.drawText(
                QRectF(x - w / 2, bottom + 4, w, fm.height() + 4),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label,
            )
        painter.end()

    def event(self, event) -> bool:  # noqa: ANN001 - any QEvent
        if isinstance(event, QHelpEvent) and event.type() == QHelpEvent.Type.ToolTip:
            index = int((event.pos().y() - MARGIN) // self._lane_height())
            if 0 <= index < len(self._lanes):
                lane = self._lanes[index]
                QToolTip.showText(
                    event.globalPos(),
                    f"{lane.name}: {lane.score:.1f} of 100. Every path starts at 50.",
                    self,
                )
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
