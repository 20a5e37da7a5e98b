"""A 2 px focus ring around whatever has the keyboard's focus, in every window.

One `FocusRing` (a QFocusFrame: it follows its widget's geometry, sits just outside it
and under its neighbours' content, and is clipped where the widget is scrolled away)
is moved to the focus widget whenever the focus changes anywhere in the application,
dialogs included. It is shown when the focus arrived from the keyboard, and always on a
field being typed in; a click on a button or list leaves no ring behind, as on the web's
`:focus-visible`. Its colour is `ui.contrast.focus_colour`, at least 3:1 against the window
and the field in any palette. `install(app)` is called once by `ui.style.install`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, Slot
from PySide6.QtGui import QGuiApplication, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFocusFrame,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

from ui.contrast import RING_WIDTH, focus_colour


def _types_text(widget: QWidget) -> bool:
    """A field the person types in: its ring shows however the focus came."""
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, (QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit))


class FocusRing(QFocusFrame):
    """The ring itself: a rounded 2 px line in the band just outside its widget."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt name
        target = self.widget()
        if target is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(focus_colour(target.palette()), RING_WIDTH))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = RING_WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 3, 3)


class FocusTracker(QObject):
    """Moves the one ring to each new focus widget (a ring whose parent was deleted
    with a page is made again)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._ring: FocusRing | None = None
        app.focusChanged.connect(self._moved)

    @property
    def ring(self) -> FocusRing | None:
        """The ring, if one is alive (it lives in its widget's parent)."""
        if self._ring is not None and not isValid(self._ring):
            self._ring = None
        return self._ring

    @Slot(QWidget, QWidget)
    def _moved(self, _old: QWidget | None, now: QWidget | None) -> None:
        ring = self.ring
        # A button held down while the focus moves: it came from a click (the focus
        # events, which would say so, have been sent before this signal).
        clicked = QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton
        if now is None or now.isWindow() or (clicked and not _types_text(now)):
            if ring is not None:
                ring.setWidget(None)
            return
        if ring is None:
            ring = self._ring = FocusRing()
        ring.setWidget(now)


_tracker: FocusTracker | None = None


def install(app: QApplication) -> FocusTracker:
    """Start following the focus (once per application)."""
    global _tracker
    if _tracker is None or not isValid(_tracker):
        _tracker = FocusTracker(app)
    return _tracker


def ring_widget() -> QWidget | None:
    """The widget the ring is around now (None when it shows nowhere)."""
    ring = _tracker.ring if _tracker is not None and isValid(_tracker) else None
    return ring.widget() if ring is not None and ring.isVisible() else None
