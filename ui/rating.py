"""A rating control whose every level shows its behavioural description.

A row of numbered buttons (1..N) that the keyboard treats as one control, like a
group of radio buttons: Tab stops once, on the chosen level (or the first when none is
chosen yet); Left/Right and Up/Down move to the level beside it and choose it, Home and
End the first and the last; Space or Return chooses the level with the focus (again:
clears it), a digit chooses that level, Delete clears. The description of the chosen
level, or of the level under the mouse or keyboard focus, is shown beside it, so the
person rates against what each number means rather than a bare scale. Clicking the
chosen level again clears the rating too. Each button is named for a screen reader as
the group and the level ("Skill: Coaching: 3 of 5"), and says whether it is chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette, qGray
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from ui.contrast import TEXT_MINIMUM, luminance, mix, ratio
from ui.widgets import SteadyLabel

#: Keys that move the focus by one level, and by how much.
_STEPS = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Down: 1,
}


def _as_drawn(colour: QColor) -> QColor:
    """A button's colour as Fusion paints its face: lighter and less saturated the darker
    it is (other styles paint it as it is, which only reads better)."""
    face = colour.lighter(100 + max(1, (180 - qGray(colour.rgb())) // 6))
    hue, saturation, value, _alpha = face.getHsv()
    return QColor.fromHsv(hue, int(saturation * 0.75), value)


def chosen_colour(palette: QPalette) -> QColor:
    """The chosen level's face: the highlight colour, deepened (or lightened, under dark
    highlighted text) until its text reads at 4.5:1 with a little to spare."""
    text = palette.color(QPalette.ColorRole.HighlightedText)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    away = QColor("black") if luminance(text) > 0.5 else QColor("white")
    for step in range(41):
        candidate = mix(highlight, away, step / 40)
        if ratio(_as_drawn(candidate), text) >= TEXT_MINIMUM + 0.3:
            return candidate
    return away


class RatingSelector(QWidget):
    #: The new value (1..N), or None when cleared.
    chosen = Signal(object)

    def __init__(self, name: str, levels: dict[int, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._levels = levels
        self._value: int | None = None
        self.setAccessibleName(name)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(6)  # room for the focus ring between buttons
        self.buttons: dict[int, QToolButton] = {}
        for level, text in levels.items():
            button = QToolButton()
            button.setText(str(level))
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setMinimumWidth(30)
            button.setToolTip(text)
            button.setAccessibleName(f"{name}: {level} of {len(levels)}")
            button.setAccessibleDescription(text)
            button.clicked.connect(self._clicked)
            button.installEventFilter(self)
            self.buttons[level] = button
            row.addWidget(button)
        row.addStretch(1)
        outer.addLayout(row)
        # As tall as the longest level's text, so showing one never moves the rows below.
        self.description = SteadyLabel(
            ["Not rated yet."]
            + [f"If you choose it: {level}: {text}" for level, text in levels.items()]
        )
        self.description.setAccessibleName(f"{name}: what the level means")
        outer.addWidget(self.description)
        self._stop: int = min(levels)
        self._set_tab_stop(self._stop)
        self._show(None)

    def value(self) -> int | None:
        return self._value

    @property
    def tab_stop(self) -> QToolButton:
        """The one button Tab stops on: the chosen level, or the one last focused."""
        return self.buttons[self._stop]

    def set_value(self, value: int | None) -> None:
        """Show a stored value (not a new edit: no signal)."""
        self._value = value if value in self._levels else None
        for level, button in self.buttons.items():
            chosen = level == self._value
            button.setChecked(chosen)
            # Bold as well as pressed: a checked button alone is faint in some dark themes.
            font = button.font()
            font.setBold(chosen)
            button.setFont(font)
        if self._value is not None:
            self._set_tab_stop(self._value)
        self._colour_chosen()
        self._show(None)

    def _set_tab_stop(self, level: int) -> None:
        """Only one button takes Tab; the others take focus from a click or an arrow."""
        self._stop = level
        for other, button in self.buttons.items():
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if other == level else Qt.FocusPolicy.ClickFocus
            )
        # The selector stands for its tab stop: focusing it (a label's buddy, a page
        # moving the focus) focuses that button.
        self.setFocusProxy(self.buttons[level])

    def _colour_chosen(self) -> None:
        """The chosen level in the highlight colour, so it stands out in light and dark,
        deep enough that its number reads at 4.5:1."""
        own = self.palette()
        for level, button in self.buttons.items():
            if level == self._value:
                palette = QPalette(own)
                palette.setColor(QPalette.ColorRole.Button, chosen_colour(own))
                palette.setColor(
                    QPalette.ColorRole.ButtonText, own.color(QPalette.ColorRole.HighlightedText)
                )
                button.setPalette(palette)
            else:
                button.setPalette(QPalette())  # nothing of its own: follows the window

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_chosen()
        super().changeEvent(event)

    def _clicked(self) -> None:
        level = int(self.sender().text())
        self._choose(None if level == self._value else level)

    def _choose(self, value: int | None) -> None:
        self.set_value(value)
        self.chosen.emit(value)

    def _show(self, level: int | None) -> None:
        shown = level if level is not None else self._value
        if shown is None:
            self.description.setText("Not rated yet.")
        else:
            prefix = "" if shown == self._value else "If you choose it: "
            self.description.setText(f"{prefix}{shown}: {self._levels[shown]}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if isinstance(watched, QToolButton):
            level = int(watched.text())
            kind = event.type()
            if kind in (QEvent.Type.Enter, QEvent.Type.FocusIn):
                if kind == QEvent.Type.FocusIn:
                    self._set_tab_stop(level)  # Tab away and back returns here
                self._show(level)
            elif kind in (QEvent.Type.Leave, QEvent.Type.FocusOut):
                focused = next((lv for lv, b in self.buttons.items() if b.hasFocus()), None)
                self._show(focused)
            elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                return self._key(level, event)
        return super().eventFilter(watched, event)

    def _move_to(self, level: int) -> None:
        """Move the focus to a level and choose it, as arrows do in a radio group."""
        self.buttons[level].setFocus(Qt.FocusReason.TabFocusReason)
        if level != self._value:
            self._choose(level)

    def _key(self, level: int, event: QKeyEvent) -> bool:
        key = event.key()
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False  # Alt+Up, Ctrl+… belong to the window
        first, last = min(self._levels), max(self._levels)
        if key in _STEPS:
            target = min(max(level + _STEPS[Qt.Key(key)], first), last)
            if target != level or self._value != level:
                self._move_to(target)
            return True
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self._move_to(first if key == Qt.Key.Key_Home else last)
            return True
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose(None if level == self._value else level)
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._choose(None)
            return True
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and key - Qt.Key.Key_0 in self._levels:
            self._move_to(key - Qt.Key.Key_0)
            return True
        return False
