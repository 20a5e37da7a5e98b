"""A running app for the SIGTERM test: types into "About you", reports, then waits.

Autosave's pause is set to ten minutes, so the typed text can only reach
the database through the shutdown path that a termination signal takes.
"""

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.app import install_exit_paths
from ui.main_window import MainWindow
from workbook.door import create_workbook
from workbook.queries import most_recent_workbook
from workbook.session import Session


def main() -> int:
    app = QApplication(sys.argv[:1])
    session = Session.open(Path(sys.argv[1]))
    if most_recent_workbook(session.db) is None:
        create_workbook(session.db, "Signal test")
    window = MainWindow(session, autosave_delay_ms=600_000)
    exits = install_exit_paths(app, window)  # noqa: F841 - lives as long as the loop

    def type_text() -> None:
        page = window.page("about")
        QTest.keyClicks(page.current_role, sys.argv[2])
        assert window.autosaver.has_pending()
        print("typed", flush=True)

    window.ready.connect(lambda: QTimer.singleShot(0, type_text))
    window.show()
    status = app.exec()
    window.shutdown()
    return status


if __name__ == "__main__":
    sys.exit(main())
