"""Long work off the GUI thread: one function on its own QThread, with progress and cancel.

A `BackgroundJob` runs a plain function that takes a `progress(fraction,
message)` callback. The job passes progress, the result and any problem back
as signals. The job object lives on the GUI thread, so those signals reach the
page's slots there, queued. The function gets plain data only (for example a
`WorkbookData` loaded beforehand on the GUI thread). No SQLite connection
crosses threads and no widget is touched from the worker.

`cancel()` asks the work to stop: the next progress call raises `Cancelled`,
which the export code lets through, cleaning up as it goes (no half file is
left). A report of 100% ("done") never raises, because by then the work is
finished and its file is in place.

Jobs started with `start()` are kept alive here until they finish, so a page
that goes away mid-job never destroys a running thread. Quitting the app
cancels and waits for them.
"""

from __future__ import annotations

import atexit
import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QThread, Signal

from workbook.errors import WorkbookError

log = logging.getLogger(__name__)

#: progress(fraction from 0 to 1, what is happening now)
Progress = Callable[[float, str], None]
#: The work: a plain function of the progress callback; returns the result.
Work = Callable[[Progress], Any]

# Running jobs (and finished ones whose Qt object is already gone, pruned on the next start).
_LIVE: set[BackgroundJob] = set()
_hooked = False


class Cancelled(Exception):
    """Raised from the progress callback once the job has been asked to stop."""


def plain_os_error(error: OSError, doing: str) -> str:
    """An OSError in words a person can act on, without a traceback. `doing` names the
    file the person chose (the error's own may be a temporary file they never saw)."""
    reason = error.strerror or str(error) or type(error).__name__
    return f"Career Workbook could not {doing}: {reason}."


class BackgroundJob(QThread):
    """Runs `work(progress)` on its own thread and reports back through queued signals."""

    #: percent done (0-100), what is happening now
    progressed = Signal(int, str)
    #: the work's return value
    succeeded = Signal(object)
    #: a plain message, fit to show as it is
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, work: Work, *, doing: str = "finish this") -> None:
        super().__init__()
        self._work = work
        self._doing = doing
        self._stop = threading.Event()
        self._last: tuple[int, str] | None = None

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report (safe from any thread)."""
        self._stop.set()

    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def _progress(self, fraction: float, message: str) -> None:
        done = fraction >= 1.0
        if self._stop.is_set() and not done:
            raise Cancelled
        percent = round(max(0.0, min(1.0, fraction)) * 100)
        if (percent, message) != self._last:
            self._last = (percent, message)
            self.progressed.emit(percent, message)

    def run(self) -> None:  # the worker thread
        try:
            result = self._work(self._progress)
        except Cancelled:
            self.cancelled.emit()
        except WorkbookError as problem:
            self.failed.emit(problem.message)
        except OSError as error:
            self.failed.emit(plain_os_error(error, self._doing))
        except Exception:
            log.exception("Unexpected problem in a background job (%s)", self._doing)
            self.failed.emit(
                f"Career Workbook could not {self._doing} because of an unexpected problem. "
                "Nothing was written, and your workbook is unchanged."
            )
        else:
            self.succeeded.emit(result)


def start(job: BackgroundJob) -> BackgroundJob:
    """Start a job and keep it alive until it has finished; returns it."""
    _hook_quit()
    for gone in [j for j in _LIVE if not shiboken6.isValid(j)]:
        _LIVE.discard(gone)
    _LIVE.add(job)
    # The documented QThread idiom: its Qt object is deleted once the thread has ended.
    job.finished.connect(job.deleteLater)
    job.start()
    return job


def running() -> list[BackgroundJob]:
    """Jobs whose thread has not finished yet."""
    return [j for j in _LIVE if shiboken6.isValid(j) and not j.isFinished()]


def stop_all(timeout_ms: int = 10_000) -> None:
    """Cancel every running job and wait for its thread to end (on quitting)."""
    for job in running():
        job.cancel()
    for job in running():
        job.wait(timeout_ms)


def _hook_quit() -> None:
    global _hooked
    if _hooked:
        return
    _hooked = True
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(stop_all)
    atexit.register(stop_all)
