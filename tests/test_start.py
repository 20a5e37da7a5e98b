"""Starting the window: the frame paints first, then the database opens and the workbook shows."""

import subprocess
import sys
from pathlib import Path

from tests.conftest import make_damaged, sha256, stored_profile
from ui import storage_notices
from ui.main_window import MainWindow
from workbook.door import create_workbook
from workbook.session import Session
from workbook.steps import STEPS
from workbook.storage import open_database

ROOT = Path(__file__).resolve().parent.parent
APP = "import sys; from ui.cli import main; sys.exit(main())"


def test_the_frame_paints_before_any_database_is_open(qtbot, db_path):
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.painted, timeout=5000):
        window.show()
    # Nothing can be done to a workbook yet, but the person can always quit.
    menu = window.menuBar().actions()[0].menu()
    usable = [a.text() for a in menu.actions() if a.isEnabled() and not a.isSeparator()]
    assert usable == ["&Quit"]
    assert window.sidebar.count() == 0

    with qtbot.waitSignal(window.ready, timeout=5000):
        window.attach(Session.open(db_path))
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == [
        step.title for step in STEPS
    ]
    assert window.save_label.text() == "All changes saved"
    window.shutdown()


def test_closing_before_the_database_opens_loses_nothing(qtbot, db_path, monkeypatch):
    asked = []
    monkeypatch.setattr(
        storage_notices,
        "ask_about_unsaved",
        lambda parent, going_on="Close": asked.append(going_on) or storage_notices.STAY,
    )
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.close()  # no session yet: closing must not fail, ask anything or make a file
    assert not window.isVisible() and asked == []
    window.shutdown()
    assert window.session is None and not db_path.exists()


def python(code, *args, home):
    """Run `code` in a fresh Python, as a start from the desktop would, with no display."""
    env = {"QT_QPA_PLATFORM": "offscreen", "CAREER_WORKBOOK_HOME": str(home), "PATH": ""}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def one_workbook(path):
    """A database file holding one workbook, Sam's."""
    db = open_database(path)
    create_workbook(db, "Sam")
    db.close()
    return path


def test_the_app_says_painted_then_ready_with_the_workbook_loaded(tmp_path):
    path = one_workbook(tmp_path / "w.sqlite3")
    result = python(APP, "--db", str(path), "--exit-when-ready", home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["painted", "ready"]


def test_a_damaged_file_is_explained_and_left_alone(tmp_path):
    path = tmp_path / "damaged.sqlite3"
    make_damaged(path)
    before = sha256(path)
    result = python(APP, "--db", str(path), "--exit-when-ready", home=tmp_path / "home")
    assert result.returncode == 1
    assert str(path) in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.split() == ["painted"]  # the frame showed; no workbook did
    assert sha256(path) == before


FRAME_ONLY = """
import sys
from PySide6.QtWidgets import QApplication
from ui.main_window import MainWindow
app = QApplication([])
window = MainWindow()
window.painted.connect(app.quit)
window.show()
app.exec()
heavy = ("sqlite3", "sqlite_utils", "reportlab", "workbook.content", "workbook.door",
         "workbook.session", "ui.steps", "ui.sidebar")
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in heavy or m in heavy)))
"""


def test_nothing_heavy_loads_before_the_frame_paints(tmp_path):
    """What the frame imports decides how soon the window appears: keep it to Qt."""
    result = python(FRAME_ONLY, home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []


TO_READY = """
import sys
from PySide6.QtWidgets import QApplication
from ui.main_window import MainWindow
from workbook.session import Session
app = QApplication([])
window = MainWindow()
seen = []
def ready():
    seen.append("sqlite_utils" in sys.modules)
    app.quit()
window.show()
window.attach(Session.open(sys.argv[1]))
window.ready.connect(ready)
app.exec()
print("loaded" if seen[0] else "not loaded")
window.shutdown()
print("loaded" if "sqlite_utils" in sys.modules else "not loaded")
"""


def test_showing_a_workbook_reads_without_sqlite_utils(tmp_path):
    """sqlite-utils takes ~60 ms to import: it loads once the workbook is on screen, for
    the first edit, and a session that only reads never needs it at all."""
    path = one_workbook(tmp_path / "w.sqlite3")
    result = python(TO_READY, str(path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["not loaded", "not loaded"]


ON_ABOUT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui.main_window import MainWindow
from ui.sidebar import STATUS_ROLE
from workbook.session import Session
later = ("workbook.content", "workbook.door", "workbook.rows", "workbook.backups",
         "workbook.search", "hashlib")
app = QApplication([])
window = MainWindow()
def ready():
    print(" ".join(m for m in later if m in sys.modules) or "none")
    QTimer.singleShot(0, statuses)  # after the passes the window itself starts at `ready`
def statuses():
    print("|".join(window.sidebar.item(i).data(STATUS_ROLE) for i in range(3)))
    app.quit()
window.show()
window.attach(Session.open(sys.argv[1]))
window.ready.connect(ready)
app.exec()
window.shutdown()
"""


def test_the_about_page_shows_before_the_content_and_the_door_load(tmp_path):
    """The About page needs neither the content files (~12 ms to load) nor the door every
    edit goes through (~5 ms, with its rules and json), nor backups or the search index,
    nor hashlib (OpenSSL's library, ~4 MiB resident, for the PIN lock only): they load
    once it is shown, if at all, and the two step statuses that count against the content
    fill in then."""
    path = one_workbook(tmp_path / "w.sqlite3")
    result = python(ON_ABOUT, str(path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["none", "Not started|Not started|Not started"]


def test_a_start_on_another_step_builds_only_its_page(qtbot, db_path):
    """Someone who left off on a later step waits for that page alone, not About too."""
    from ui.settings import ui_settings

    ui_settings().setValue("last_step", 2)
    window = MainWindow(Session.open(one_workbook(db_path)))
    qtbot.addWidget(window)
    assert window.current_step() == 2
    assert window.built_steps == ["edge"]
    window.shutdown()


def test_the_first_edit_after_a_read_only_start_is_saved(qtbot, db_path):
    session = Session.open(one_workbook(db_path))
    assert not session.db.loaded
    window = MainWindow(session, autosave_delay_ms=10_000)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=5000):
        window.show()
    page = window.page("about")
    qtbot.keyClicks(page.current_role, "Night nurse")
    window.autosaver.flush()
    assert session.db.loaded
    window.shutdown()
    assert stored_profile(db_path).current_role == "Night nurse"
