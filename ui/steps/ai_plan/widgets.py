"""Small building blocks of the AI plan page: the flags box, and `SteadyHeights`, which
keeps the parts above the task table from shrinking while the person works in it.

The kit every page shares (`subheading`, `strong`, `hint`, `muted`, `confirm`) is in
`ui.widgets`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.charts_hours import HoursBar
from ui.widgets import hint

if TYPE_CHECKING:
    from workbook.analysis.ai_plan import AIPlanResult


def flags_title(count: int) -> str:
    return f"{count} task{'s' if count != 1 else ''} worth a second look"


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
        self.title.setText(f"⚠ {flags_title(len(flags))} before you rely on AI")
        self.text.setText("\n".join(f"• {flag}" for flag in flags))
        self.setVisible(bool(flags))

    def flags(self) -> str:
        return self.text.text()


class SteadyHeights:
    """Widgets that may grow but never shrink nor vanish while the page is being worked
    on, so what lies below them (the task table) never jumps up under the pointer: a
    status sentence that gets shorter, a message that goes. `release` (the page shown
    again, or a new width) lets them take their own heights once more."""

    def __init__(self, *widgets: QWidget) -> None:
        self._widgets = widgets

    def hold(self) -> None:
        """Call after changing the widgets' text or visibility."""
        for widget in self._widgets:
            policy = widget.sizePolicy()
            if widget.isHidden():
                continue  # keeps its space if it was shown in this visit (retained)
            width = widget.width()
            if width <= 0:
                continue  # not laid out yet: nothing to keep
            wanted = widget.heightForWidth(width) if widget.hasHeightForWidth() else -1
            if wanted < 0:
                wanted = widget.sizeHint().height()
            # Its height on screen is still the old one: the layout has not run yet.
            widget.setMinimumHeight(max(widget.minimumHeight(), widget.height(), wanted))
            if not policy.retainSizeWhenHidden():
                policy.setRetainSizeWhenHidden(True)
                widget.setSizePolicy(policy)

    def release(self) -> None:
        for widget in self._widgets:
            widget.setMinimumHeight(0)
            policy = widget.sizePolicy()
            if policy.retainSizeWhenHidden():
                policy.setRetainSizeWhenHidden(False)
                widget.setSizePolicy(policy)


def hours_bars(plan: AIPlanResult) -> tuple[list[HoursBar], HoursBar | None]:
    """The hours chart's bars: each task's hours, freed and left to the AI tool's
    supervision, and the total (none without a task)."""

    def bar(name: str, hours: float, freed: float, ai_hours: float) -> HoursBar:
        return HoursBar(name, hours, freed, max(0.0, round(ai_hours - freed, 1)))

    bars = [bar(r.name, r.hours, r.hours_freed, r.ai_hours) for r in plan.tasks]
    total = bar("All tasks", plan.hours_per_week, plan.hours_freed, plan.ai_hours)
    return bars, total if plan.tasks else None
