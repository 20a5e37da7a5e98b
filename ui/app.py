"""Starting the window: the QApplication, opening the database, and every way out.

The window's frame is shown and painted first; the database is opened and
the workbook loaded from the event loop right after, so the window appears
before the storage layer is even imported. Opening is the domain's one story
(`Session.open`); this module only decides what to do about the problem it
names: a file another window holds brings that window forward (or, if it does
not answer, opens read-only with a banner), a read-only file or folder opens
read-only, and for anything else the person chooses to restore a backup,
start a new file (offered only for a damaged or emptied file, which is kept
beside it) or quit. Termination signals and the desktop session ending are
routed to the window's shutdown, so pending edits are saved. An unexpected
error shows a plain message, never a traceback. Fractional display scales
are used as they are: Qt 6's default rounding policy, PassThrough.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

from workbook import APP_NAME, __version__
from workbook.errors import DatabaseProblem
from workbook.paths import resolve_db_path

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from workbook.session import Session

EXIT_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


def _application(qt_arguments: list[str] | None = None) -> QApplication:
    """The QApplication, given Qt's own options from the command line (`-platform xcb`)."""
    app = QApplication.instance() or QApplication([*sys.argv[:1], *(qt_arguments or [])])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Career Workbook")
    app.setDesktopFileName("career-workbook")
    return app


#: Shown in the banner of a window that can only read its file, by the problem's kind.
READ_ONLY_REASONS = {
    "locked-window": "This workbook file is open in another Career Workbook window, which "
    "saves it. This window only shows it: what you type here is not saved to the file.",
    "read-only": "This workbook file cannot be written ({detail}). You can read and export "
    "it; what you type here is not saved to the file.",
    "disk-full": "The disk this workbook file is on is full, so nothing can be saved to it. "
    "You can read it and export it to another drive; free some space and open it again "
    "to make changes.",
}
#: Returned by `open_session` when the window already open on the file came forward.
ALREADY_OPEN = "already-open"


def open_session(path: Path, *, interactive: bool = True) -> Session | str | None:
    """Open the database for the window, asking the person what to do about a problem.

    Opening itself is the domain's one story (`Session.open`); this only chooses
    what to do with the problem it names. A file another window holds brings that
    window forward (returns ALREADY_OPEN) or, if it does not answer, opens read-only;
    a read-only file or folder opens read-only. Returns None if the person quits.
    """
    from workbook.errors import DiskFull, LockedByWindow, ReadOnlyFile
    from workbook.session import Access, Session

    while True:
        try:
            try:
                return Session.open(path, Access.WINDOW)
            except LockedByWindow as problem:
                from ui.single_window import ask_running_window

                if ask_running_window(problem.path):
                    return ALREADY_OPEN
                return _read_only(problem)
            except (ReadOnlyFile, DiskFull) as problem:
                return _read_only(problem)
        except DatabaseProblem as problem:  # reading it read-only failed too, or worse
            if not interactive:
                print(problem.message, file=sys.stderr)
                return None
            if not _ask_about(problem, path):
                return None


def _read_only(problem: DatabaseProblem) -> Session:
    from workbook.session import Session

    detail = problem.detail.split(",")[0].rstrip(".").lower()
    reason = READ_ONLY_REASONS[problem.kind].format(detail=detail)
    return Session.open_read_only(problem.path, reason)


def _ask_about(problem: DatabaseProblem, path: Path) -> bool:
    """Ask what to do about a file that cannot be opened; False if the person quits."""
    from PySide6.QtWidgets import QMessageBox

    from ui.dialogs.problem import Choice, ask_what_next
    from workbook.errors import WorkbookError
    from workbook.session import start_new_file

    choice = ask_what_next(problem)
    if choice is Choice.QUIT:
        return False
    if choice is Choice.NEW_FILE:
        try:
            kept = start_new_file(path, problem)
        except WorkbookError as still:
            QMessageBox.warning(None, APP_NAME, still.message)
            return True
        QMessageBox.information(None, APP_NAME, f"The old file is kept, unchanged, as:\n{kept}")
    elif choice is Choice.RESTORE:
        _restore_interactively(path)
    return True


def _restore_interactively(path: Path) -> bool:
    from PySide6.QtWidgets import QMessageBox

    from ui.dialogs.backups import BackupDialog
    from workbook.errors import WorkbookError
    from workbook.session import restore_backup

    dialog = BackupDialog(path)
    if dialog.exec() != BackupDialog.DialogCode.Accepted or dialog.chosen() is None:
        return False
    try:
        restore_backup(path, dialog.chosen())
    except WorkbookError as problem:
        QMessageBox.warning(None, APP_NAME, problem.message)
        return False
    return True


class ExitSignals:
    """Turn SIGTERM, SIGINT and SIGHUP into a normal quit, through the event loop.

    Python runs signal handlers only between bytecodes, which never happens
    while Qt's loop waits; the wake-up pipe makes Qt notice the signal.
    """

    def __init__(self, app: QApplication, end: Callable[[], None]) -> None:
        self._app = app
        self._end = end
        self._read, write = os.pipe()
        os.set_blocking(self._read, False)
        os.set_blocking(write, False)
        signal.set_wakeup_fd(write)
        for number in EXIT_SIGNALS:
            signal.signal(number, self._noop)
        self._notifier = QSocketNotifier(self._read, QSocketNotifier.Type.Read, app)
        self._notifier.activated.connect(self._wake)

    @staticmethod
    def _noop(number: int, frame: object) -> None:
        """The real work happens in `_wake`, inside the event loop."""

    def _wake(self) -> None:
        try:
            received = os.read(self._read, 64)
        except BlockingIOError:
            return
        if any(byte in (int(s) for s in EXIT_SIGNALS) for byte in received):
            # Saves and closes without asking anything: nobody may be there to answer.
            self._end()
            self._app.quit()


def install_exit_paths(app: QApplication, window: MainWindow) -> ExitSignals:
    """Make quitting by any route save first: menus, the dock, signals, logging out."""
    app.aboutToQuit.connect(window.shutdown)
    app.commitDataRequest.connect(window.save_now)
    return ExitSignals(app, window.end_now)


def _install_excepthook() -> None:
    from workbook.errors import report_unexpected

    def hook(kind: type[BaseException], error: BaseException, tb: object) -> None:
        message = report_unexpected(error)
        print(message, file=sys.stderr)
        if QApplication.instance() is not None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, APP_NAME, message)

    sys.excepthook = hook


def _apply_appearance() -> None:
    from ui.appearance import apply_saved

    apply_saved()


def run_app(
    db: str | None = None, *, exit_when_ready: bool = False, qt_arguments: list[str] | None = None
) -> int:
    """Open the window on a database; returns the process exit status. `qt_arguments` are
    Qt's standard options (`-platform xcb`, `-style fusion`), passed to the QApplication.

    With `exit_when_ready`, prints `painted` when the window's frame is first on
    screen and `ready` once the workbook is shown, then exits (for measurements).
    """
    app = _application(qt_arguments)
    _install_excepthook()
    path = resolve_db_path(db)

    from ui.main_window import MainWindow

    window = MainWindow()
    exits = install_exit_paths(app, window)  # noqa: F841 - must live as long as the loop

    def open_database() -> None:
        try:
            session = open_session(path, interactive=not exit_when_ready)
            if session == ALREADY_OPEN:
                print(f"{APP_NAME} is already open on {path}: that window was brought forward.")
                window.shutdown()
                app.exit(0)
                return
            if session is not None:
                window.attach(session)
        except Exception as error:  # noqa: BLE001 - a frame with no workbook is no use
            sys.excepthook(type(error), error, error.__traceback__)
            session = None
        if session is None:
            app.exit(1)

    if exit_when_ready:
        window.painted.connect(lambda: print("painted", flush=True))
        window.ready.connect(lambda: print("ready", flush=True))
        window.ready.connect(app.quit)
        # If painting never happens (a broken display), do not hang a measurement.
        QTimer.singleShot(30_000, lambda: app.exit(3))
    # The text size and theme chosen in Settings: after the first paint, never before it.
    window.painted.connect(_apply_appearance)
    window.painted.connect(open_database)
    window.show()
    status = app.exec()
    window.shutdown()
    return status
