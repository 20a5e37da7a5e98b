"""When the disk refuses a write: a plain message, nothing typed is dropped, and it is saved
once the disk has room again. A full disk is made real with SQLite's max_page_count."""

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.conftest import stored_profile
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
        QMessageBox, "warning", lambda *args, **kwargs: QMessageBox.StandardButton.Discard
    )
    windows = []

    def make():
        window = open_window()
        windows.append(window)
        qtbot.mouseClick(window._welcome.empty_button, Qt.MouseButton.LeftButton)
        return window, window._pages["about"]

    yield make
    for window in windows:
        if window.session is not None and not window._closed:
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


def test_the_refused_edits_are_tried_again_by_themselves(start, qtbot, db_path):
    window, page = start()
    window.autosaver._retry.setInterval(50)  # the app waits seconds; a test need not
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
    asked = []

    def answer(choice):
        def ask(parent, title, text, buttons, default):
            asked.append(text)
            assert default == QMessageBox.StandardButton.Cancel  # losing work is never default
            return choice

        return ask

    monkeypatch.setattr(QMessageBox, "warning", answer(QMessageBox.StandardButton.Cancel))
    window.close()
    assert window.isVisible() and window.session is not None and not window._closed
    assert "could not be saved" in asked[0]
    assert page.aim.toPlainText() == LONG

    monkeypatch.setattr(QMessageBox, "warning", answer(QMessageBox.StandardButton.Discard))
    window.close()
    assert not window.isVisible()
    assert stored_profile(db_path).aim == ""  # what was saved before is all there is


@pytest.mark.parametrize(
    ("sqlite_says", "we_say"),
    [
        ("database or disk is full", "the disk is full"),
        ("attempt to write a readonly database", "cannot be written"),
        ("database is locked", "another program is using the workbook file"),
        ("disk I/O error", "the drive could not be written"),
        ("something new", "the database refused the change (something new)"),
    ],
)
def test_each_storage_refusal_is_said_in_plain_words(sqlite_says, we_say):
    problem = not_saved(sqlite3.OperationalError(sqlite_says))
    assert problem.message.startswith("Not saved: ") and we_say in problem.message
