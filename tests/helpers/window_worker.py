"""A window for tests/test_concurrency.py: opens a file as the app does and writes to it.

Usage: `python -m tests.helpers.window_worker DB_PATH TAG N`. It opens DB_PATH the
way a launched window does (`ui.app.open_session`: the writer lock, or read-only
when another window holds the file). A writing window adds N journal entries
"TAG i" through its autosaver, printing `ack TAG i` once each is saved, then
closes as a person would. A read-only window prints `read-only` and closes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.app import ALREADY_OPEN, open_session
from ui.main_window import MainWindow
from workbook.door import add_journal_entry, create_workbook
from workbook.queries import most_recent_workbook


def main(db_path: str, tag: str, count: int) -> int:
    app = QApplication(sys.argv[:1])
    session = open_session(Path(db_path), interactive=False)
    if session is None:
        return 1
    if session == ALREADY_OPEN:
        print("already-open", flush=True)
        return 0
    window = MainWindow(session)

    def write() -> None:
        if session.read_only is not None:
            print("read-only", flush=True)
        else:
            recent = most_recent_workbook(session.db)
            if recent is None:
                change = window.autosaver.run(create_workbook, session.db, "Window")
                wid = change.workbook_id if change else None
            else:
                wid = recent.id
            for n in range(count):
                if wid is not None and window.autosaver.run(
                    add_journal_entry, session.db, wid, "reflection", f"{tag} {n}"
                ):
                    print(f"ack {tag} {n}", flush=True)
        window.close()
        app.quit()

    window.ready.connect(lambda: QTimer.singleShot(0, write))
    window.show()
    status = app.exec()
    window.shutdown()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
