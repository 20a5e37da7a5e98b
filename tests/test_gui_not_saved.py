"""When the disk refuses a write: a plain message, nothing typed is dropped, and it is saved
once the disk has room again. A full disk is made real with SQLite's max_page_count."""

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.conftest import stored_profile
from ui import autosave, storage_notices
from workbook.errors import not_saved

LONG = "I want to find out whether leading the team would use what I am best at. " * 800


def fill_the_disk(window):
    db = window.session.db
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")


def free_the_disk(window):
    window.session.db.execute("PRAGMA max_page_count = 1073741823")


def paste(qtbot, widget, text):
    QApplication.clipboard().setText(text)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


@pytest.fixture
def start(open_window, qtbot, monkeypatch):
    """The About you page of a new workbook. If a test fails with the disk still full,
    the window's question on closing is answered, so the run does not wait for a person."""
    monkeypatch.setattr(
        storage_notices,
        "ask_about_unsaved",
        lambda parent, going_on="Close": storage_notices.DISCARD,
    )
    windows = []

    def make():
        window = open_window()
        windows.append(window)
        qtbot.mouseClick(window.welcome.empty_button, Qt.MouseButton.LeftButton)
        return window, window.page("about")

    yield make
    for window in windows:
        if window.session is not None and not window.session.closed:
            free_the_disk(window)


def test_a_full_disk_is_explained_and_nothing_typed_is_lost(start, qtbot, db_path):
    window, page = start()
    fill_the_disk(window)
    paste(qtbot, page.aim, LONG)
    qtbot.keyClicks(page.current_role, "Team lead")  # typed after: must not be dropped
    window.autosaver.flush()

    message = window.statusBar().currentMessage()
    assert message.startswith("Not saved: the disk is full. Free some space on it.")
    assert "stays on screen" in message
    assert "Traceback" not in message and "OperationalError" not in message
    assert window.save_label.text() == "Not saved"
    assert window.autosaver.has_pending()
    assert page.aim.toPlainText() == LONG  # still on screen
    assert stored_profile(db_path).aim == ""  # and nothing half-written

    free_the_disk(window)
    qtbot.keyClick(page.current_role, Qt.Key.Key_Tab)  # leaving a field saves at once
    qtbot.waitUntil(lambda: not window.autosaver.has_pending(), timeout=3000)
    assert window.save_label.text() == "All changes saved"
    profile = stored_profile(db_path)
    assert profile.aim == LONG
    assert profile.current_role == "Team lead"


def test_the_refused_edits_are_tried_again_by_themselves(start, qtbot, db_path, monkeypatch):
    monkeypatch.setattr(autosave, "RETRY_MS", 50)  # the app waits seconds; a test need not
    window, page = start()
    fill_the_disk(window)
    paste(qtbot, page.aim, LONG)
    window.autosaver.flush()
    assert window.autosaver.has_pending()
    free_the_disk(window)
    qtbot.waitUntil(lambda: not window.autosaver.has_pending(), timeout=3000)
    assert stored_profile(db_path).aim == LONG


def test_closing_with_refused_edits_asks_first(start, qtbot, db_path, monkeypatch):
    window, page = start()
    fill_the_disk(window)
    paste(qtbot, page.aim, LONG)

    monkeypatch.setattr(
        storage_notices, "ask_about_unsaved", lambda parent, going_on="Close": storage_notices.STAY
    )
    window.close()
    assert window.isVisible() and window.session is not None and not window.session.closed
    assert page.aim.toPlainText() == LONG

    monkeypatch.setattr(
        storage_notices,
        "ask_about_unsaved",
        lambda parent, going_on="Close": storage_notices.DISCARD,
    )
    window.close()
    assert not window.isVisible()
    assert stored_profile(db_path).aim == ""  # what was saved before is all there is


def test_the_closing_question_offers_to_keep_and_never_defaults_to_losing(qtbot, monkeypatch):
    seen = {}

    def answer(box):
        seen["default"] = box.defaultButton().text()
        seen["buttons"] = [button.text() for button in box.buttons()]
        box.reject()  # Escape: stay
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert storage_notices.ask_about_unsaved(None) == storage_notices.STAY
    assert seen["default"] == "Save them to a file…"
    assert "Close without them" in seen["buttons"]


def test_closing_with_refused_edits_can_keep_them_in_a_workbook_file(
    start, qtbot, db_path, tmp_path, monkeypatch
):
    from workbook.workbook_file import import_file

    window, page = start()
    fill_the_disk(window)
    paste(qtbot, page.aim, LONG)
    qtbot.keyClicks(page.current_role, "Team lead")
    window.autosaver.flush()
    assert window.autosaver.has_pending()

    elsewhere = tmp_path / "usb" / "rescued.json"
    elsewhere.parent.mkdir()
    monkeypatch.setattr(
        storage_notices, "ask_about_unsaved", lambda parent, going_on="Close": storage_notices.KEEP
    )
    monkeypatch.setattr(
        storage_notices.QFileDialog, "getSaveFileName", lambda *a, **k: (str(elsewhere), "")
    )
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    window.close()
    assert not window.isVisible()
    assert str(elsewhere) in told[0]
    assert stored_profile(db_path).aim == ""  # the full file was not written

    # The rescued file brings every word back.
    other = tmp_path / "other.sqlite3"
    from workbook.storage import open_database

    db = open_database(other)
    try:
        workbook_id = import_file(db, elsewhere)
        row = db.execute(
            "SELECT aim, current_role FROM profile WHERE workbook_id = ?", [workbook_id]
        ).fetchone()
    finally:
        db.close()
    assert row == (LONG, "Team lead")


@pytest.mark.parametrize(
    ("sqlite_says", "we_say"),
    [
        ("database or disk is full", "the disk is full"),
        ("attempt to write a readonly database", "cannot be written"),
        ("database is locked", "another program is using the workbook file"),
        ("disk I/O error", "the drive could not be written"),
        ("database disk image is malformed", "the workbook file is damaged"),
        ("something new", "the database refused the change (something new)"),
    ],
)
def test_each_storage_refusal_is_said_in_plain_words(sqlite_says, we_say):
    problem = not_saved(sqlite3.OperationalError(sqlite_says))
    assert problem.message.startswith("Not saved: ") and we_say in problem.message
