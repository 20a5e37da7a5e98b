"""The app's one addition to the desktop's style: boundaries people can see, and a 2 px
focus ring.

`ContrastStyle` is a QProxyStyle over the style the app starts with (the desktop's, or
Fusion), so everything else looks as the desktop draws it. It redraws three things:

- the boundary of check boxes, radio buttons and inputs (line, text, number, date and
  drop-down fields) in a colour at least 3:1 against the window and the field, in any
  palette (Fusion's own outline is about 1.2:1 in a dark palette, 2:1 in its light one);
- the focus rectangle a style draws inside item views (the current step, strength or
  cell) 2 px wide, in the focus colour;
- nothing else: metrics and layout are the base style's, so installing it moves nothing.

The colours come from the palette (`boundary_colour`, `focus_colour`), moved toward the
text colour only as far as the contrast needs. `install()` sets the style on the
application and starts `ui.focus`'s ring; `MainWindow.attach` calls it once the frame has
painted (it touches QStyle, which the first paint must not).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextEdit,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleHintReturn,
    QStyleOption,
    QStyleOptionComplex,
    QTextEdit,
    QWidget,
)

from ui.contrast import RING_WIDTH, boundary_colour, focus_colour


def _keyboard_focus(option: QStyleOption) -> bool:
    state = option.state
    return bool(state & QStyle.StateFlag.State_HasFocus) and bool(
        state & QStyle.StateFlag.State_KeyboardFocusChange
    )


class ContrastStyle(QProxyStyle):
    """The base style, with outlines that meet 3:1 and a 2 px focus rectangle."""

    def drawPrimitive(  # noqa: N802 - Qt name
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        pe = QStyle.PrimitiveElement
        if element == pe.PE_FrameFocusRect:
            self._focus_rect(option, painter)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element == pe.PE_IndicatorCheckBox and not _keyboard_focus(option):
            self._outline(painter, option, QRectF(option.rect).adjusted(0.5, 0.5, -1.5, -1.5), 0)
        elif element == pe.PE_IndicatorRadioButton and not _keyboard_focus(option):
            self._circle(painter, option)
        elif element == pe.PE_FrameLineEdit and not (
            option.state & QStyle.StateFlag.State_HasFocus
        ):
            self._outline(painter, option, QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5), 2)
        elif (
            element == pe.PE_Frame
            and isinstance(widget, (QPlainTextEdit, QTextEdit))
            and not widget.isReadOnly()
            and not widget.hasFocus()
        ):
            self._outline(painter, option, QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5), 0)

    def styleHint(  # noqa: N802 - Qt name
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,  # noqa: N803 - Qt name
    ) -> int:
        if hint == QStyle.StyleHint.SH_FocusFrame_AboveWidget:
            # The ring lives in the nearest scroll area or window, above the widget, so a
            # box with no margins around its buttons does not cut it off.
            return 1
        return super().styleHint(hint, option, widget, returnData)

    def drawComplexControl(  # noqa: N802 - Qt name
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        cc = QStyle.ComplexControl
        if control in (cc.CC_SpinBox, cc.CC_ComboBox) and not (
            option.state & QStyle.StateFlag.State_HasFocus
        ):
            frame = getattr(option, "frame", True)
            if frame:
                rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
                self._outline(painter, option, rect, 2)

    # ---- drawing -------------------------------------------------------------------------

    @staticmethod
    def _outline(painter: QPainter, option: QStyleOption, rect: QRectF, radius: float) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, radius > 0)
        painter.setPen(QPen(boundary_colour(option.palette), 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if radius > 0:
            painter.drawRoundedRect(rect, radius, radius)
        else:
            painter.drawRect(rect)
        painter.restore()

    @staticmethod
    def _circle(painter: QPainter, option: QStyleOption) -> None:
        """Over Fusion's circle (its centre and radius), in the boundary colour."""
        rect = option.rect
        centre = QPointF(rect.center()) + QPointF(1, 1)
        radius = (rect.width() + (rect.width() + 1) % 2) / 2.0 - 1
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.translate(0.5, 0.5)
        painter.setPen(QPen(boundary_colour(option.palette), 1.25))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre - QPointF(0.5, 0.5), radius, radius)
        painter.restore()

    @staticmethod
    def _focus_rect(option: QStyleOption, painter: QPainter) -> None:
        """The current item of a list or table: a 2 px ring after keyboard movement."""
        if not option.state & QStyle.StateFlag.State_KeyboardFocusChange:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        selected = option.state & QStyle.StateFlag.State_Selected
        colour = (
            option.palette.color(QPalette.ColorRole.HighlightedText)  # on the selection
            if selected
            else focus_colour(option.palette)
        )
        painter.setPen(QPen(colour, RING_WIDTH))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = RING_WIDTH / 2
        painter.drawRoundedRect(QRectF(option.rect).adjusted(half, half, -half, -half), 2, 2)
        painter.restore()


def install() -> None:
    """Put the contrast style over the application's style and start the focus ring;
    once (a second call changes nothing)."""
    from ui import focus

    app = QApplication.instance()
    if app is None:
        return
    if not isinstance(app.style(), ContrastStyle):
        # A fresh copy of the style in use: the proxy owns its base.
        base = QStyleFactory.create(app.style().name()) or QStyleFactory.create("Fusion")
        app.setStyle(ContrastStyle(base))
    focus.install(app)
