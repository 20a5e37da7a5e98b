"""No control changes an answer without focus: the mouse wheel over a drop-down, number
box, date or slider the person has not clicked or tabbed into scrolls the page instead.

Qt gives the wheel to the QComboBox, QAbstractSpinBox (spin boxes, dates) or
QAbstractSlider under the pointer, which changes its value and takes focus on the way:
scrolling down a long page would change every answer it passes, each autosaved at once.

One event filter, `WheelGuard`, installed once by `MainWindow.attach` (`install()`),
fixes that for every page and dialog. It watches the application's top-level windows
(their QWindow, the first to receive the mouse's events; each window is watched when it
first gets focus), so it sees a wheel event before Qt hands it to a widget. When the
widget under the pointer is such a control (never a QScrollBar) without focus, the
control never sees the event: it goes to the control's parents instead, as Qt hands on
any wheel event a widget ignores, up to the scroll area that holds the control, which
scrolls. A focused control takes the wheel as usual; one with the `SCROLLS_PAGE`
property set never does (a list where each pick adds something, such as the plan's
"Builds on" picker).

Why the windows, not the QApplication: a Python filter on the QApplication is called for
every event of every object, and PySide6 wraps each one for Python; measured, that made
showing the workbook ~30 ms slower and building a page of controls two to three times
slower. The windows' own events are a few per mouse movement or repaint.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication, QWheelEvent, QWindow
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

#: The controls whose value the wheel would change.
GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider)
#: A dynamic property: set to True, the control leaves the wheel to the page even with focus.
SCROLLS_PAGE = "wheelScrollsPage"
NAME = "wheel-guard"


def guarded(widget: QObject) -> bool:
    """Whether the wheel over `widget` is kept from it unless it has focus."""
    return isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar)


def control_at(widget: QWidget | None) -> QWidget | None:
    """The guarded control that `widget` (the widget under the pointer) is or is part of."""
    while widget is not None and not widget.isWindow():
        if guarded(widget):
            return widget
        if isinstance(widget, QAbstractScrollArea | QScrollBar):
            return None  # what is inside a scroll area is not part of a control around it
        widget = widget.parentWidget()
    return None


def hand_on(event: QWheelEvent, top: QWidget, control: QWidget) -> bool:
    """Offer the wheel event to the control's parents, nearest first, until one takes it
    (as QApplication does with a wheel event a widget ignores); whether one did."""
    spot = event.position().toPoint()
    target = control.parentWidget()
    while target is not None:
        offered = QWheelEvent(
            target.mapFrom(top, spot),
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
            event.source(),
            event.pointingDevice(),
        )
        QApplication.sendEvent(target, offered)
        if offered.isAccepted():
            return True
        if target.isWindow():
            return False
        target = target.parentWidget()
    return False


class WheelGuard(QObject):
    """The event filter on each top-level window: see the module's docstring."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(NAME)
        self._wheel = QEvent.Type.Wheel

    def watch(self, window: QWindow | None) -> None:
        """Filter a top-level window's events (again is harmless)."""
        if window is not None:
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if event.type() != self._wheel:
            return False
        if QApplication.activePopupWidget() is not None:
            return False  # an open list takes the wheel, or Qt drops it
        top = next((w for w in QApplication.topLevelWidgets() if w.windowHandle() is watched), None)
        if top is None:
            return False
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not top:
            return False  # Qt keeps it from a window behind a dialog
        control = control_at(top.childAt(event.position().toPoint()))
        if control is None or (control.hasFocus() and not control.property(SCROLLS_PAGE)):
            return False
        event.setAccepted(hand_on(event, top, control))
        return True


def install(app: QApplication | None = None) -> WheelGuard:
    """Install the guard, once: on every top-level window now, and on each window that
    gets focus from now on. Returns it."""
    app = app or QApplication.instance()
    guard = app.findChild(WheelGuard, NAME)
    if guard is None:
        guard = WheelGuard(app)
        for window in QGuiApplication.topLevelWindows():
            guard.watch(window)
        app.focusWindowChanged.connect(guard.watch)
    return guard
