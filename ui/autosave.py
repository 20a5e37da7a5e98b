"""Autosave: edits reach the database within a moment of typing pausing.

Widgets stage an edit (a door function and its arguments) under a key;
staging the same key again replaces the pending value. A short single-shot
timer, restarted on every keystroke, flushes all pending edits; leaving a
field, switching step or workbook, closing and quitting flush at once.
Each write is one small SQLite transaction (well under a millisecond), so
it runs on the GUI thread without a visible pause.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from workbook.errors import WorkbookError

if TYPE_CHECKING:
    from workbook.edits import Change
    from workbook.history import History

DEFAULT_DELAY_MS = 400


class Autosaver(QObject):
    #: A Change was written; views refresh from it.
    saved = Signal(object)
    #: An edit was refused; the message says why in plain words.
    refused = Signal(str)
    #: "saving", "saved" or "error": for the indicator in the status bar.
    state_changed = Signal(str)

    def __init__(
        self, history: History, parent: QObject | None = None, delay_ms: int = DEFAULT_DELAY_MS
    ) -> None:
        super().__init__(parent)
        self._history = history
        self._pending: dict[Hashable, tuple[Callable[..., Change], tuple[Any, ...]]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)

    @property
    def delay_ms(self) -> int:
        return self._timer.interval()

    def set_delay(self, delay_ms: int) -> None:
        self._timer.setInterval(delay_ms)

    def has_pending(self) -> bool:
        return bool(self._pending)

    def stage(self, key: Hashable, edit: Callable[..., Change], *args: Any) -> None:
        """Queue `edit(*args)`, replacing any pending edit with the same key."""
        self._pending.pop(key, None)  # re-insert so edits flush in the order last typed
        self._pending[key] = (edit, args)
        self.state_changed.emit("saving")
        self._timer.start()

    def run(self, edit: Callable[..., Change], *args: Any) -> Change | None:
        """Run one edit now (adding or deleting an entry); a refusal is reported, not raised."""
        try:
            change = edit(*args)
        except WorkbookError as problem:
            self.refused.emit(problem.message)
            self.state_changed.emit("error")
            return None
        self._history.record(change)
        self.saved.emit(change)
        self.state_changed.emit("saved")
        return change

    def flush(self) -> None:
        """Write every pending edit now."""
        self._timer.stop()
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        failed = False
        for edit, args in pending.values():
            try:
                change = edit(*args)
            except WorkbookError as problem:
                failed = True
                self.refused.emit(problem.message)
                continue
            self._history.record(change)
            self.saved.emit(change)
        self.state_changed.emit("error" if failed else "saved")
