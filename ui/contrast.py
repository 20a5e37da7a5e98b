"""Contrast, as WCAG 2 measures it, of what a window actually paints.

`ratio` is WCAG's contrast ratio of two colours (1 to 21). `measure(window)` grabs a
shown window and reads its pixels: for each enabled control with a boundary the person
must see (a check box's or radio button's indicator while unchecked, an input's frame)
the boundary's colour against the background just outside it, and for each piece of
text the colour its palette draws it in against the background painted under it. The
thresholds are WCAG 2.1's: 3:1 for a control's boundary (1.4.11), 4.5:1 for text
(1.4.3). Used by `scripts/contrast.py` (every step, light and dark) and its test.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTextEdit,
    QWidget,
)

TEXT_MINIMUM = 4.5
BOUNDARY_MINIMUM = 3.0
_Roles = QPalette.ColorRole


def luminance(colour: QColor) -> float:
    """WCAG's relative luminance of an sRGB colour (0 black to 1 white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def ratio(one: QColor, other: QColor) -> float:
    """WCAG's contrast ratio of two opaque colours, from 1 (the same) to 21."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mix(one: QColor, other: QColor, amount: float) -> QColor:
    """`amount` of `other` over `one` (0 gives `one`, 1 gives `other`)."""
    return QColor.fromRgbF(
        one.redF() + (other.redF() - one.redF()) * amount,
        one.greenF() + (other.greenF() - one.greenF()) * amount,
        one.blueF() + (other.blueF() - one.blueF()) * amount,
    )


def toward(colour: QColor, target: QColor, against: list[QColor], minimum: float) -> QColor:
    """`colour`, moved toward `target` only as far as needed to reach `minimum` against
    every colour of `against` (at most all the way: `target`)."""
    for step in range(41):
        candidate = mix(colour, target, step / 40)
        if all(ratio(candidate, other) >= minimum for other in against):
            return candidate
    return QColor(target)


#: A little above the threshold, so rounding and antialiasing never drop below it.
MARGIN = 0.3
#: The focus ring's width, around a widget and around a list's current item.
RING_WIDTH = 2.0


@lru_cache(maxsize=16)
def _boundary_rgb(window: int, base: int, text: int) -> QColor:
    start = QColor.fromRgb(window)
    against = [QColor.fromRgb(window), QColor.fromRgb(base)]
    return toward(start, QColor.fromRgb(text), against, BOUNDARY_MINIMUM + MARGIN)


@lru_cache(maxsize=16)
def _focus_rgb(highlight: int, window: int, base: int, text: int) -> QColor:
    against = [QColor.fromRgb(window), QColor.fromRgb(base)]
    return toward(QColor.fromRgb(highlight), QColor.fromRgb(text), against, 3.0 + MARGIN)


def boundary_colour(palette: QPalette) -> QColor:
    """The outline of a field or an indicator: ≥ 3:1 against the window and the field."""
    return _boundary_rgb(
        palette.color(_Roles.Window).rgb(),
        palette.color(_Roles.Base).rgb(),
        palette.color(_Roles.WindowText).rgb(),
    )


def focus_colour(palette: QPalette) -> QColor:
    """The focus ring: the highlight colour, ≥ 3:1 against the window and the field."""
    return _focus_rgb(
        palette.color(_Roles.Highlight).rgb(),
        palette.color(_Roles.Window).rgb(),
        palette.color(_Roles.Base).rgb(),
        palette.color(_Roles.WindowText).rgb(),
    )


@dataclass(frozen=True)
class Reading:
    """One measurement: what (`kind`, `name`), its colours and their ratio."""

    kind: str  # "text" or "boundary"
    name: str
    foreground: str
    background: str
    ratio: float

    @property
    def minimum(self) -> float:
        return TEXT_MINIMUM if self.kind == "text" else BOUNDARY_MINIMUM

    @property
    def passes(self) -> bool:
        return self.ratio >= self.minimum - 0.005  # as printed, two decimals

    def __str__(self) -> str:
        mark = "ok  " if self.passes else "FAIL"
        return (
            f"{mark} {self.kind:8} {self.ratio:5.2f}:1 (≥ {self.minimum:g}) "
            f"{self.foreground} on {self.background}  {self.name}"
        )


def _name(widget: QWidget) -> str:
    text = widget.accessibleName() or getattr(widget, "text", lambda: "")() or ""
    text = " ".join(str(text).split())
    return f"{type(widget).__name__} {text[:50]!r}"


def _pixel(image: QImage, point: QPoint) -> QColor | None:
    if 0 <= point.x() < image.width() and 0 <= point.y() < image.height():
        return image.pixelColor(point)
    return None


def _mode(colours: list[QColor]) -> QColor | None:
    if not colours:
        return None
    rgb, _count = Counter(c.rgb() for c in colours).most_common(1)[0]
    return QColor.fromRgb(rgb)


def _ring(rect: QRect, inset: int) -> list[QPoint]:
    """Points of the rectangle's edge `inset` pixels inside it (outside when negative)."""
    r = rect.adjusted(inset, inset, -inset, -inset)
    points = [QPoint(x, y) for x in range(r.left(), r.right() + 1) for y in (r.top(), r.bottom())]
    points += [QPoint(x, y) for y in range(r.top(), r.bottom() + 1) for x in (r.left(), r.right())]
    return points


def _side_samples(rect: QRect, depth: int) -> list[list[QPoint]]:
    """Across each side of `rect`, at nine places away from the corners, the pixels from
    the edge `depth` deep: one list per place."""
    samples = []
    for i in range(1, 10):
        x = rect.left() + rect.width() * i // 10
        y = rect.top() + rect.height() * i // 10
        samples.append([QPoint(x, rect.top() + d) for d in range(depth)])
        samples.append([QPoint(x, rect.bottom() - d) for d in range(depth)])
        samples.append([QPoint(rect.left() + d, y) for d in range(depth)])
        samples.append([QPoint(rect.right() - d, y) for d in range(depth)])
    return samples


def _boundary(image: QImage, rect: QRect, name: str, depth: int = 3) -> Reading | None:
    """The boundary of `rect` (window coordinates) against the background around it: at
    each place along its sides the pixel that stands out most; the median of those."""
    outside = _mode([c for p in _ring(rect, -2) if (c := _pixel(image, p)) is not None])
    if outside is None:
        return None
    best: list[tuple[float, QColor]] = []
    for across in _side_samples(rect, depth):
        _stand_out(image, across, outside, best)
    return _median(best, name, outside)


def _stand_out(image: QImage, across: list[QPoint], outside: QColor, best: list) -> None:
    """Add the pixel of `across` that stands out most against `outside`, if any."""
    colours = [c for p in across if (c := _pixel(image, p)) is not None]
    if colours:
        best.append(max((ratio(c, outside), c) for c in colours))


def _median(best: list[tuple[float, QColor]], name: str, outside: QColor) -> Reading | None:
    """The middle of the readings taken across a boundary: one odd pixel decides nothing."""
    if not best:
        return None
    best.sort(key=lambda pair: pair[0])
    value, colour = best[len(best) // 2]
    return Reading("boundary", name, colour.name(), outside.name(), round(value, 2))


def _round_boundary(image: QImage, rect: QRect, name: str) -> Reading | None:
    """A radio button's circle against the background around it: across the circle at
    24 angles, the pixel that stands out most; the median of those."""
    outside = _mode([c for p in _ring(rect, -2) if (c := _pixel(image, p)) is not None])
    if outside is None:
        return None
    centre_x, centre_y = rect.x() + rect.width() / 2, rect.y() + rect.height() / 2
    radius = rect.width() / 2
    best: list[tuple[float, QColor]] = []
    for step in range(24):
        angle = 2 * math.pi * step / 24
        across = [
            QPoint(
                round(centre_x + (radius + d) * math.cos(angle) - 0.5),
                round(centre_y + (radius + d) * math.sin(angle) - 0.5),
            )
            for d in (-2.5, -2, -1.5, -1, -0.5, 0, 0.5)
        ]
        _stand_out(image, across, outside, best)
    return _median(best, name, outside)


def _indicator(widget: QAbstractButton) -> QRect:
    option = QStyleOptionButton()
    option.initFrom(widget)
    element = (
        QStyle.SubElement.SE_CheckBoxIndicator
        if isinstance(widget, QCheckBox)
        else QStyle.SubElement.SE_RadioButtonIndicator
    )
    return widget.style().subElementRect(element, option, widget)


def _text_colour(widget: QWidget) -> QColor:
    group = QPalette.ColorGroup.Active if widget.isActiveWindow() else QPalette.ColorGroup.Inactive
    return widget.palette().color(group, widget.foregroundRole())


def _shown(widget: QWidget, window: QWidget) -> QRect | None:
    """The widget's visible rectangle in the window's coordinates, if any of it shows."""
    if not widget.isVisible() or not widget.isEnabled():
        return None
    visible = widget.visibleRegion().boundingRect()
    if visible.isEmpty():
        return None
    return QRect(widget.mapTo(window, visible.topLeft()), visible.size())


def measure(window: QWidget) -> list[Reading]:
    """Every boundary and every piece of text in a shown window, read from its pixels."""
    image = window.grab().toImage()
    ratio_x = image.width() / max(window.width(), 1)
    if abs(ratio_x - 1) > 0.01:  # measured at one device pixel per pixel
        image = image.scaled(window.width(), window.height())
    readings: list[Reading] = []
    for widget in window.findChildren(QWidget):
        shown = _shown(widget, window)
        if shown is None:
            continue
        origin = widget.mapTo(window, QPoint(0, 0))
        if isinstance(widget, (QCheckBox, QRadioButton)):
            if not widget.isChecked() and not widget.hasFocus():
                box = _indicator(widget).translated(origin)
                if isinstance(widget, QRadioButton):
                    reading = _round_boundary(image, box, _name(widget))
                else:
                    reading = _boundary(image, box, _name(widget), depth=2)
                if reading is not None:
                    readings.append(reading)
        elif isinstance(widget, (QLineEdit, QAbstractSpinBox, QComboBox)) or (
            isinstance(widget, (QPlainTextEdit, QTextEdit)) and widget.frameWidth() > 0
        ):
            inner = isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox))
            if not inner and not widget.hasFocus() and shown.size() == widget.size():
                reading = _boundary(image, QRect(origin, widget.size()), _name(widget))
                if reading is not None:
                    readings.append(reading)
        if isinstance(widget, QAbstractButton) and not isinstance(
            widget, (QCheckBox, QRadioButton)
        ):
            if widget.text().strip():
                face = _mode([c for p in _ring(shown, 4) if (c := _pixel(image, p)) is not None])
                if face is not None:
                    colour = _text_colour(widget)
                    value = round(ratio(colour, face), 2)
                    readings.append(
                        Reading("text", _name(widget), colour.name(), face.name(), value)
                    )
        elif isinstance(widget, (QCheckBox, QRadioButton)) and widget.text().strip():
            text_rect = QRect(shown)
            text_rect.setLeft(_indicator(widget).translated(origin).right() + 3)
            background = _mode(
                [c for p in _ring(text_rect, 0) if (c := _pixel(image, p)) is not None]
            )
            if background is not None:
                colour = _text_colour(widget)
                value = round(ratio(colour, background), 2)
                readings.append(
                    Reading("text", _name(widget), colour.name(), background.name(), value)
                )
        if isinstance(widget, QLabel) and widget.text().strip() and widget.pixmap().isNull():
            background = _mode([c for p in _ring(shown, 0) if (c := _pixel(image, p)) is not None])
            if background is not None:
                colour = _text_colour(widget)
                value = round(ratio(colour, background), 2)
                readings.append(
                    Reading("text", _name(widget), colour.name(), background.name(), value)
                )
    return readings
