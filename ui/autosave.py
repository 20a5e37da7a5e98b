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

from workbook.errors import DatabaseProblem, NotSaved, WorkbookError, not_saved

if TYPE_CHECKING:
    from workbook.change import Change
    from workbook.history import History

DEFAULT_DELAY_MS = 400
#: How long edits the disk refused wait before they are tried again.
RETRY_MS = 5000
KEPT = "What you typed stays on screen and is saved as soon as the file can be written."
#: The banner at the top of the window says why; the status line says what happens.
READ_ONLY_NOT_SAVED = (
    "Not saved: this window can only read the file (see the notice at the top). What you "
    "typed stays on screen; when you close, you can keep it in a workbook file."
)


class Autosaver(QObject):
    #: A Change was written; views refresh from it.
    saved = Signal(object)
    #: An edit was refused; the message says why in plain words.
    refused = Signal(str)
    #: "saving", "saved" or "error": for the indicator in the status bar.
    state_changed = Signal(str)
    #: The file itself has a problem (found damaged before the first write): a
    #: DatabaseProblem, for the window to offer a way on. The edits stay pending.
    file_problem = Signal(object)

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
        # After the disk or the file refused a write, the edits wait and are tried again:
        # at the next change, on leaving a field, and every few seconds meanwhile.
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.flush)
        #: Why nothing can be saved in this session (a read-only file, another window).
        self._read_only: str | None = None

    def set_read_only(self, reason: str) -> None:
        """Keep every edit in memory, never trying the file: it cannot be written."""
        self._read_only = reason

    def pending(self) -> list[tuple[Hashable, Callable[..., Change], tuple[Any, ...]]]:
        """The edits not yet saved, oldest first: key, door function and its arguments."""
        return [(key, edit, args) for key, (edit, args) in self._pending.items()]

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
        import sqlite3  # here, not at the top: the window's frame paints before it loads

        if self._read_only is not None:
            self.refused.emit(READ_ONLY_NOT_SAVED)
            self.state_changed.emit("error")
            return None
        try:
            change = edit(*args)
        except DatabaseProblem as problem:
            self.refused.emit(problem.message)
            self.state_changed.emit("error")
            self.file_problem.emit(problem)
            return None
        except WorkbookError as problem:
            self.refused.emit(problem.message)
            self.state_changed.emit("error")
            return None
        except sqlite3.Error as error:
            self.refused.emit(not_saved(error).message)
            self.state_changed.emit("error")
            return None
        self._history.record(change)
        self.saved.emit(change)
        self.state_changed.emit("saved")
        return change

    def flush(self) -> None:
        """Write every pending edit now."""
        import sqlite3

        self._timer.stop()
        self._retry.stop()
        if not self._pending:
            return
        if self._read_only is not None:
            self.refused.emit(READ_ONLY_NOT_SAVED)
            self.state_changed.emit("error")
            return
        pending, self._pending = list(self._pending.items()), {}
        failed = False
        for index, (_key, (edit, args)) in enumerate(pending):
            try:
                change = edit(*args)
            except (sqlite3.Error, NotSaved, DatabaseProblem) as error:
                # The disk or the file refused, not the value: this edit and the ones after
                # it wait for the next try, so nothing typed is dropped. Anything staged
                # meanwhile is newer and wins.
                waiting = dict(pending[index:])
                waiting.update(self._pending)
                self._pending = waiting
                message = error.message if isinstance(error, WorkbookError) else None
                self.refused.emit(f"{message or not_saved(error).message} {KEPT}")
                self.state_changed.emit("error")
                if isinstance(error, DatabaseProblem):
                    self.file_problem.emit(error)  # no retry: the file needs a person's choice
                else:
                    self._retry.start()
                return
            except WorkbookError as problem:
                failed = True  # the value itself was refused: trying again would not help
                self.refused.emit(problem.message)
                continue
            self._history.record(change)
            self.saved.emit(change)
        self.state_changed.emit("error" if failed else "saved")
