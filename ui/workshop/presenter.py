"""The presenter view: one exercise of an agenda on a projector, with a timer the back of
the room can read.

It shows the exercise's title, how people work (alone, in pairs...), the
instructions and the prompts, and a large timer that turns amber near the end and
red once the time is up, saying so in words too. Everything runs from the keyboard:
Space pauses and starts, + adds a minute, Right or Page Down goes to the next
exercise, Left or Page Up back, G shows the anonymous group overview (when the
window gives one), F11 toggles full screen, Escape closes. It is given
an agenda and nothing else, so it cannot show a participant's answers. When a second
screen is connected (now or later), the view moves there and fills it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QPalette,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workbook.content.workshops import FORMAT_WORDS, Agenda
from workbook.workshop_timer import NEAR_END, OVER, PAUSED, ExerciseTimer, clock_face

#: Projector colours: light text on near-black, amber and red for the end (with words).
BACKGROUND, TEXT, SOFT = "#111417", "#f4f5f6", "#b8bec4"
WARNING, DONE = "#ffb300", "#ff6e6e"
TICK_MS = 200
KEYS_HINT = (
    "Space: pause or start · +: one more minute · →: next · ←: back · F11: full screen · Esc: close"
)


def _label(name: str, *, wrap: bool = True, colour: str = TEXT) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(f"color: {colour};")
    return label


class PresenterView(QWidget):
    """A window of its own showing the current exercise and its timer."""

    def __init__(
        self,
        agenda: Agenda,
        parent: QWidget | None = None,
        overview: Callable[[], str] | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        # The group overview in words, counted anew each time it is shown: anonymous
        # counts only (`workbook.group_overview`), never a participant's answers.
        self._overview = overview
        self.showing_overview = False
        self.setWindowTitle(f"Presenter view: {agenda.name}")
        self.setAccessibleName("Presenter view")
        self.timer = ExerciseTimer(agenda)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(BACKGROUND))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
        self.setPalette(palette)
        self.setAutoFillBackground(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 24)
        layout.setSpacing(12)
        self.where = _label("presenter-where", colour=SOFT)
        self.title = _label("presenter-title")
        self.instructions = _label("presenter-instructions")
        self.prompts = _label("presenter-prompts", colour=SOFT)
        self.clock = _label("presenter-clock", wrap=False)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock.setAccessibleName("Time left")
        self.status = _label("presenter-status", wrap=False)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keys = _label("presenter-keys", colour=SOFT)
        self.keys.setText(KEYS_HINT)
        for widget in (self.where, self.title, self.instructions, self.prompts):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.clock)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.keys)

        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._show_time)
        self._ticker.start()
        QGuiApplication.instance().screenAdded.connect(self._screen_added)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.resize(1024, 640)
        self._show_exercise()

    # ---- what it shows ------------------------------------------------------------------

    def show_overview(self, on: bool) -> None:
        """Show the group overview in place of the exercise, or the exercise again."""
        self.showing_overview = on and self._overview is not None
        if not self.showing_overview:
            self._show_exercise()
            return
        self.where.setText("Group overview · G: back to the exercise")
        self.title.setText("Our group, anonymously")
        self.instructions.setText(self._overview())
        self.prompts.setText("")

    def _show_exercise(self) -> None:
        e, t = self.timer.exercise, self.timer
        where = [
            f"Exercise {t.index + 1} of {len(t.agenda.exercises)}",
            FORMAT_WORDS[e.format].capitalize(),
            f"{e.minutes} minutes",
        ]
        if e.per_person:
            where.append(f"about {e.per_person} minutes each")
        self.where.setText(" · ".join(where))
        self.title.setText(e.title)
        self.instructions.setText(e.instructions)
        self.prompts.setText("\n".join(f"• {p}" for p in e.prompts))
        self._show_time()

    @Slot()
    def _show_time(self) -> None:
        t = self.timer
        state = t.state()
        self.clock.setText(clock_face(t.remaining()))
        colour = {NEAR_END: WARNING, OVER: DONE}.get(state, TEXT)
        self.clock.setStyleSheet(f"color: {colour};")
        self.status.setStyleSheet(f"color: {colour};")
        words = {
            OVER: "Time is up",
            NEAR_END: "Nearly done: time to round off",
            PAUSED: "Paused: press Space to start",
        }.get(state, "")
        if state in (OVER, NEAR_END) and t.paused:
            words += " (paused)"
        self.status.setText(words)
        self.clock.setAccessibleDescription(words)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt name
        """Type sized to the window, so a projector's wall gets the large clock it needs."""
        super().resizeEvent(event)
        height = max(360, self.height())
        for widget, share, bold in (
            (self.clock, 0.24, True),
            (self.title, 0.065, True),
            (self.status, 0.045, True),
            (self.instructions, 0.042, False),
            (self.prompts, 0.036, False),
            (self.where, 0.03, False),
            (self.keys, 0.022, False),
        ):
            font = QFont(widget.font())
            font.setPixelSize(max(12, int(height * share)))
            font.setBold(bold)
            widget.setFont(font)

    # ---- the keyboard -------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        key, t = event.key(), self.timer
        if key == Qt.Key.Key_Space:
            t.toggle()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            t.add_minute()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_N):
            if t.next() or self.showing_overview:
                self.showing_overview = False
                self._show_exercise()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_P):
            if t.previous() or self.showing_overview:
                self.showing_overview = False
                self._show_exercise()
        elif key == Qt.Key.Key_G and self._overview is not None:
            self.show_overview(not self.showing_overview)
        elif key == Qt.Key.Key_F11:
            self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)
            return
        self._show_time()

    # ---- screens ------------------------------------------------------------------------

    def place(self) -> None:
        """Full screen on a screen other than the main window's, when there is one."""
        screens = QGuiApplication.screens()
        parent = self.parentWidget()
        main = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        others = [s for s in screens if s is not main]
        if not others:
            self.show()
            return
        target = others[0]
        self.setScreen(target)
        self.setGeometry(target.geometry())
        self.showFullScreen()

    @Slot(QScreen)
    def _screen_added(self, _screen: QScreen) -> None:
        if self.isVisible():
            self.place()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt name
        self._ticker.stop()
        app = QGuiApplication.instance()
        if app is not None:
            app.screenAdded.disconnect(self._screen_added)
        super().closeEvent(event)
