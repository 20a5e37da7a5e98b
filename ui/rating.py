"""A rating control whose every level shows its behavioural description.

A row of numbered buttons (1..N). The description of the chosen level, or
of the level under the mouse or keyboard focus, is shown beside it, so the
person rates against what each number means rather than a bare scale.
Clicking the chosen level again, or pressing Delete, clears the rating.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from ui.widgets import SteadyLabel


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
        row.setSpacing(4)
        self.buttons: dict[int, QToolButton] = {}
        for level, text in levels.items():
            button = QToolButton()
            button.setText(str(level))
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setMinimumWidth(30)
            button.setToolTip(text)
            button.setAccessibleName(f"{name}: {level}")
            button.setAccessibleDescription(text)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
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
        self._show(None)

    def value(self) -> int | None:
        return self._value

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
        self._colour_chosen()
        self._show(None)

    def _colour_chosen(self) -> None:
        """The chosen level in the highlight colour, so it stands out in light and dark."""
        own = self.palette()
        for level, button in self.buttons.items():
            if level == self._value:
                palette = QPalette(own)
                palette.setColor(QPalette.ColorRole.Button, own.color(QPalette.ColorRole.Highlight))
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
                self._show(level)
            elif kind in (QEvent.Type.Leave, QEvent.Type.FocusOut):
                self._show(None)
            elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                return self._key(level, event)
        return super().eventFilter(watched, event)

    def _key(self, level: int, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            target = self.buttons.get(level + step)
            if target is not None:
                target.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose(None if level == self._value else level)
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._choose(None)
            return True
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and key - Qt.Key.Key_0 in self._levels:
            self._choose(key - Qt.Key.Key_0)
            return True
        return False
