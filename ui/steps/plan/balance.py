"""The 70-20-10 balance of the plan's actions: a bar, three numbers with their shares,
what the balance suggests, and how it is computed.

Colours come from the palette (light and dark schemes both read) and differ
in lightness too, so the bar still reads in grey scale; the numbers say the
same in words for screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui.help import how_computed_link
from ui.steps.plan.goals import KINDS
from ui.widgets import hint

HELP_SECTION = "Development plan checks"


def segment_colours(palette: QPalette) -> list[QColor]:
    """Three colours for experience, others and formal, taken from the palette so light and
    dark schemes both read; they also differ in lightness, for grey-scale printing."""
    strong = palette.color(QPalette.ColorRole.Highlight)
    base = palette.color(QPalette.ColorRole.Base)
    middle = QColor(
        (strong.red() + base.red()) // 2,
        (strong.green() + base.green()) // 2,
        (strong.blue() + base.blue()) // 2,
    )
    formal = palette.color(QPalette.ColorRole.Mid)
    if abs(formal.lightness() - base.lightness()) < 60:  # dark schemes: Mid is near Base
        text = palette.color(QPalette.ColorRole.Text)
        formal = QColor(
            (2 * text.red() + 3 * base.red()) // 5,
            (2 * text.green() + 3 * base.green()) // 5,
            (2 * text.blue() + 3 * base.blue()) // 5,
        )
    return [strong, middle, formal]


class Swatch(QWidget):
    """A small square in one of the bar's colours, for the legend."""

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._index = index
        self.setFixedSize(12, 12)

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Text), 0.5))
        painter.setBrush(segment_colours(self.palette())[self._index])
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 2.0, 2.0)


class BalanceBar(QWidget):
    """A horizontal bar split by the share of each kind of action."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: list[int] = [0, 0, 0]
        self.setMinimumHeight(16)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Balance of your actions")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(320, 16)

    def set_counts(self, counts: list[int], description: str) -> None:
        self._counts = list(counts)
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.update()

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        total = sum(self._counts)
        if total:
            colours = segment_colours(self.palette())
            x = outline.left()
            for count, colour in zip(self._counts, colours, strict=True):
                width = outline.width() * count / total
                painter.fillRect(QRectF(x, outline.top(), width, outline.height()), colour)
                x += width
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Text), 0.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(outline)


class BalanceView(QWidget):
    """The 70-20-10 balance: a bar, the three counts with their shares, and the flags."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(
            hint(
                "People tend to grow most by doing real work (about 70%), then by learning "
                "from others (20%), then from courses and reading (10%). These are rough "
                "proportions to aim for, not a rule."
            )
        )
        self.bar = BalanceBar()
        layout.addWidget(self.bar)
        self.legend = QWidget()
        legend = QHBoxLayout(self.legend)
        legend.setContentsMargins(0, 0, 0, 0)
        legend.setSpacing(6)
        self.numbers: dict[str, QLabel] = {}
        for index, (kind, _label) in enumerate(KINDS):
            legend.addWidget(Swatch(index))
            number = QLabel()
            number.setAccessibleName(f"Actions of this kind: {kind}")
            self.numbers[kind] = number
            legend.addWidget(number)
            legend.addSpacing(16)
        legend.addStretch(1)
        layout.addWidget(self.legend)
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        self.flags.setAccessibleName("What the balance suggests")
        layout.addWidget(self.flags)
        link = how_computed_link(HELP_SECTION)
        # Reachable with Tab and opened with Enter, not only with the mouse.
        link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        layout.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)

    def show_balance(self, counts: dict[str, int], shares: dict[str, float], flags: tuple) -> None:
        parts = []
        for kind, label in KINDS:
            words = label.rsplit(" (", 1)[0]
            text = f"{words}: {counts[kind]} ({shares[kind]:.0%})"
            self.numbers[kind].setText(text)
            self.numbers[kind].setAccessibleName(text)
            parts.append(text)
        self.bar.set_counts([counts[k] for k, _ in KINDS], "; ".join(parts))
        has_actions = sum(counts.values()) > 0
        self.bar.setVisible(has_actions)
        self.legend.setVisible(has_actions)
        if flags:
            self.flags.setText("\n".join(f"• {flag}" for flag in flags))
        else:
            self.flags.setText("✓ Your actions mix doing, learning from others and learning.")
