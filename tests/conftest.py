"""Shared test set-up: no display, a private data folder and a fresh database per test."""

import os

# Before any QApplication exists: pytest-qt has no ini setting for the platform.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import hashlib  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from workbook.door import add_journal_entry, create_workbook  # noqa: E402
from workbook.paths import HOME_ENV, sidecar_paths  # noqa: E402
from workbook.storage import open_database  # noqa: E402

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """Keep every test away from the real user data folder."""
    home = tmp_path / "home"
    monkeypatch.setenv(HOME_ENV, str(home))
    return home


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "workbooks" / "test.sqlite3"


@pytest.fixture
def db(db_path):
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def workbook_id(db):
    return create_workbook(db, "Alex").workbook_id


@pytest.fixture
def open_window(qtbot, db_path):
    """Build the real main window on a database file, as a person would see it;
    every window is shut down (saving what it holds) after the test."""
    import sys

    from ui.main_window import MainWindow
    from workbook.session import Session

    windows = []

    def make(delay_ms=400):
        window = MainWindow(Session.open(db_path), autosave_delay_ms=delay_ms)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shutdown()
    jobs = sys.modules.get("ui.jobs")  # only pages that start background work load it
    if jobs is not None:
        qtbot.waitUntil(lambda: not jobs.running(), timeout=30_000)


class Confirmations:
    """Answers each question `ui.widgets.confirm` asks as a person would: by clicking the
    button named next in `queue`, or else the one named `answer` ("Cancel" until told
    otherwise). `asked` keeps each question as it was shown: title, text, the buttons'
    names and the default one's."""

    def __init__(self) -> None:
        self.answer = "Cancel"
        self.queue: list[str] = []
        self.asked: list[dict] = []

    def click(self, box) -> int:  # noqa: ANN001 - a QMessageBox
        answer = self.queue.pop(0) if self.queue else self.answer
        names = [button.text() for button in box.buttons()]
        self.asked.append(
            {
                "title": box.windowTitle(),
                "text": box.text(),
                "buttons": names,
                "default": box.defaultButton().text() if box.defaultButton() else None,
            }
        )
        assert answer in names, f"no button {answer!r} among {names}"
        box.buttons()[names.index(answer)].click()
        return 0

    @property
    def texts(self) -> list[str]:
        return [question["text"] for question in self.asked]


@pytest.fixture
def confirmations(monkeypatch):
    """Every confirmation answered (Cancel unless `confirmations.answer` says which button)."""
    from PySide6.QtWidgets import QMessageBox

    answers = Confirmations()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answers.click(box))
    return answers


def make_damaged(path: Path) -> None:
    """A real workbook file with a page of its b-tree overwritten with junk."""
    db = open_database(path)
    wid = create_workbook(db, "Damaged").workbook_id
    for n in range(200):
        add_journal_entry(db, wid, "reflection", f"entry {n} " + "x" * 500)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    with open(path, "r+b") as handle:
        handle.seek(4096 * 20)
        handle.write(b"\xff" * 200)
    for side in sidecar_paths(path):
        side.unlink(missing_ok=True)


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def stored_profile(db_path: Path):  # noqa: ANN201 - a workbook.model.Profile
    """The profile of the one workbook in a database file, read as the app would read it."""
    from workbook.queries import list_workbooks, load_profile
    from workbook.session import Access, Session

    # A reader, as a second program would be: the window under test holds the writer lock.
    session = Session.open(db_path, Access.READ)
    try:
        [info] = list_workbooks(session.db)
        return load_profile(session.db, info.id)
    finally:
        session.close()


def set_clock(monkeypatch, now) -> None:  # noqa: ANN001
    """Make every stamp the door writes come from `now()` (a function returning ISO text)."""
    from workbook import change, door, rows

    for module in (change, door, rows):
        monkeypatch.setattr(module, "now_iso", now)
