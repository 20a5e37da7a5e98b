"""The lock's two widgets: the panel a locked workbook shows instead of its pages, and the
dialog that chooses a PIN or passphrase.

`UnlockPanel` shows nothing of the workbook but its neutral label ("Locked workbook 3"):
a field for the PIN, an Unlock button, what the last guess came to, and while a wait is
running, how long is left, counted down each second. "Forgot the PIN?" asks for the only
way back: erasing the workbook's content. `PinDialog` says, where the PIN is chosen, what
the lock does and does not do: it keeps out people at this laptop and is not encryption.
The decisions (hashing, counting, waiting) are `workbook.locks`'s; `ui.lock_actions` wires
both to the window.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import heading, hint, muted, separator, strong
from workbook.errors import InvalidEdit
from workbook.locks import MAX_LENGTH, check_new_pin, wait_words

#: What the lock is, said wherever a PIN is chosen or a workbook is unlocked.
NOT_ENCRYPTION = (
    "A PIN keeps out people using this laptop. It is not encryption: anyone who copies the "
    "workbook's file, or its backups, can still read everything in it."
)


def _pin_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(MAX_LENGTH)
    field.setAccessibleName(name)
    return field


class UnlockPanel(QWidget):
    """What a locked workbook shows: its label, the PIN's field and what a guess came to."""

    #: The person asks to unlock with this PIN.
    unlock_requested = Signal(str)
    #: The person forgot the PIN and asks to erase the workbook (the window confirms).
    erase_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlock-panel")
        #: When the wait ends, on the monotonic clock (0: no wait).
        self._until = 0.0
        self._tick = QTimer(self)
        self._tick.setTimerType(Qt.TimerType.PreciseTimer)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self._count_down)

        self.title = heading("")
        self.pin = _pin_field("PIN or passphrase")
        self.pin.returnPressed.connect(self._unlock)
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        self.message = strong("")
        self.message.setAccessibleName("What happened")
        self.forgot_button = QPushButton("Forgot the PIN…")
        self.forgot_button.clicked.connect(self.erase_requested)

        row = QHBoxLayout()
        label = QLabel("&PIN or passphrase:")
        label.setBuddy(self.pin)
        row.addWidget(label)
        row.addWidget(self.pin, 1)
        row.addWidget(self.unlock_button)

        inner = QWidget()
        inner.setMaximumWidth(560)
        column = QVBoxLayout(inner)
        column.addWidget(self.title)
        column.addWidget(
            hint(
                "Someone locked this workbook with a PIN or passphrase. Nothing in it shows "
                "until it is entered: type it below to open the workbook."
            )
        )
        column.addSpacing(8)
        column.addLayout(row)
        column.addWidget(self.message)
        column.addSpacing(16)
        column.addWidget(separator())
        column.addWidget(
            muted(
                "A forgotten PIN cannot be recovered. The only way to use this workbook again "
                "is to erase everything in it and start afresh."
            )
        )
        forgot_row = QHBoxLayout()
        forgot_row.addWidget(self.forgot_button)
        forgot_row.addStretch(1)
        column.addLayout(forgot_row)
        column.addSpacing(16)
        column.addWidget(muted(NOT_ENCRYPTION))

        outer = QHBoxLayout(self)
        outer.addStretch(1)
        centred = QVBoxLayout()
        centred.addStretch(1)
        centred.addWidget(inner)
        centred.addStretch(2)
        outer.addLayout(centred, 3)
        outer.addStretch(1)

    def show_locked(self, label: str, wait_s: float = 0.0, message: str = "") -> None:
        """Show a locked workbook under its neutral label, the field empty."""
        self.title.setText(label)
        self.title.setAccessibleName(self.title.text())
        self.pin.clear()
        self._say(message)
        self.wait(wait_s, message)
        if not wait_s:
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_verdict(self, message: str, wait_s: float) -> None:
        """What a wrong guess came to, and the wait it started, if any."""
        self.pin.clear()
        self.wait(wait_s, message)
        self._say(message)

    def wait(self, seconds: float, message: str = "") -> None:
        """Keep the field and the button off for `seconds`, saying how long is left. A
        moment is added, so the field never opens before the file lets a guess in."""
        waiting = seconds > 0
        self._until = time.monotonic() + seconds + 0.2 if waiting else 0.0
        self.pin.setEnabled(not waiting)
        self.unlock_button.setEnabled(not waiting)
        if waiting:
            self._tick.start()
            if not message:
                self._say(f"Wait {wait_words(seconds)} before trying again.")
        else:
            self._tick.stop()

    @property
    def waiting(self) -> bool:
        return self._until > 0

    @Slot()
    def _count_down(self) -> None:
        left = self._until - time.monotonic()
        if left > 0:
            self._say(f"Wait {wait_words(left)} before trying again.")
            return
        self.wait(0)
        self._say("You can try again now.")
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    @Slot()
    def _unlock(self) -> None:
        pin = self.pin.text()
        if self.waiting or not pin:
            return
        self.pin.clear()  # right or wrong, no widget keeps it
        self.unlock_requested.emit(pin)


class PinDialog(QDialog):
    """Choose a PIN or passphrase, typed twice; `pin` holds it once accepted."""

    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.pin = ""
        self.first = _pin_field("New PIN or passphrase")
        self.second = _pin_field("The same PIN again")
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("What is wrong")
        self.problem.hide()

        form = QFormLayout()
        form.addRow("&New PIN or passphrase:", self.first)
        form.addRow("&Type it again:", self.second)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Set the PIN")
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)

        column = QVBoxLayout(self)
        column.addWidget(hint(intro))
        column.addWidget(strong(NOT_ENCRYPTION))
        column.addWidget(
            hint(
                "Choose one you will remember: a forgotten PIN cannot be recovered, and the "
                "only way back into the workbook is then to erase everything in it."
            )
        )
        column.addLayout(form)
        column.addWidget(self.problem)
        column.addWidget(buttons)
        self.setMinimumWidth(480)

    @Slot()
    def _check(self) -> None:
        try:
            pin = check_new_pin(self.first.text())
        except InvalidEdit as refused:
            self._refuse(refused.message)
            return
        if self.second.text() != pin:
            self._refuse("The two do not match. Type the same PIN or passphrase twice.")
            return
        self.pin = pin
        self.accept()

    def _refuse(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
        self.second.clear()
        self.first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.first.selectAll()
