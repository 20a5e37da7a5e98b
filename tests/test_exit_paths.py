"""Nothing typed is lost on the way out: SIGTERM, and a file that cannot be opened."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.conftest import sha256, stored_profile
from ui import app as app_module
from ui.dialogs.problem import Choice
from workbook.queries import list_workbooks

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGHUP])
def test_termination_signal_saves_what_was_typed(tmp_path, signal_number):
    db_path = tmp_path / "signal.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.gui_worker", str(db_path), "Line cook, evenings"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = worker.stdout.readline()
        assert line.strip() == "typed", worker.stderr.read()
        worker.send_signal(signal_number)
        assert worker.wait(timeout=30) == 0
    finally:
        if worker.poll() is None:
            worker.kill()
    assert stored_profile(db_path).current_role == "Line cook, evenings"


def test_unopenable_file_can_be_set_aside_for_a_new_one(tmp_path, monkeypatch, qapp):
    path = tmp_path / "workbook.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    before = sha256(path)
    asked = []
    monkeypatch.setattr(
        "ui.dialogs.problem.ask_what_next",
        lambda problem, parent=None: asked.append(problem) or Choice.NEW_FILE,
    )
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    session = app_module.open_session(path)
    try:
        assert asked[0].kind == "not-a-database"
        assert list_workbooks(session.db) == []
    finally:
        session.close()
    [kept] = [p for p in tmp_path.iterdir() if ".not-a-database-" in p.name]
    assert sha256(kept) == before


def test_choosing_quit_leaves_the_file_alone(tmp_path, monkeypatch, qapp):
    path = tmp_path / "workbook.sqlite3"
    path.write_bytes(b"")
    monkeypatch.setattr(
        "ui.dialogs.problem.ask_what_next", lambda problem, parent=None: Choice.QUIT
    )
    assert app_module.open_session(path) is None
    assert path.read_bytes() == b""
    # Beside it only the writer lock's own file, let go of (empty: it names no holder).
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "workbook.sqlite3",
        "workbook.sqlite3.lock",
    ]
    assert (tmp_path / "workbook.sqlite3.lock").read_bytes() == b""
