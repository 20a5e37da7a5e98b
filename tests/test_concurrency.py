"""Many processes on one file at once: every acknowledged write is in the file.

Each round starts, all at once, command-line imports, writers through the door
(as commands, taking the writer lock) and a window offscreen. Whatever each
process acknowledged (an "Added the workbook" line, an `ack` line) must be in
the file afterwards, the file must pass `integrity_check`, and a process that
could not write must say why in plain words and exit non-zero.
"""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.stress_worker import WORKBOOK_NAME
from workbook.door import add_journal_entry, create_workbook
from workbook.storage import open_database
from workbook.workbook_file.writing import write_file

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 3
IMPORTS = 4
WRITERS = 2
ENTRIES = 4


@pytest.fixture
def workbook_file(tmp_path):
    """A small workbook file to import, made through the door."""
    from workbook.data import load_workbook_data

    source = tmp_path / "source.sqlite3"
    db = open_database(source)
    wid = create_workbook(db, "To import").workbook_id
    add_journal_entry(db, wid, "reflection", "Imported words")
    path = write_file(load_workbook_data(db, wid), tmp_path / "import.json")
    db.close()
    return path


def _start(args, env):
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_every_acknowledged_write_survives_many_processes_at_once(tmp_path, workbook_file):
    db_path = tmp_path / "shared" / "workbook.sqlite3"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    acked_names, acked_entries, refusals = set(), set(), []
    # The last round has no window: commands only wait for each other, so every one
    # of them must get through. Which process takes the lock first in a round with a
    # window is down to the scheduler, and the window holds it until it closes.
    for round_ in range(ROUNDS + 1):
        processes = []
        with_window = round_ < ROUNDS
        # The window first in odd rounds, last in even ones: it meets commands both ways.
        window = ["-m", "tests.helpers.window_worker", str(db_path), f"w{round_}", str(ENTRIES)]
        if with_window and round_ % 2:
            processes.append(("window", _start(window, env)))
        for k in range(IMPORTS):
            name = f"imported {round_}-{k}"
            args = ["-m", "workbook", "--db", str(db_path), "import", str(workbook_file)]
            processes.append((name, _start([*args, "--name", name], env)))
        for k in range(WRITERS):
            tag = f"c{round_}-{k}"
            worker = ["-m", "tests.helpers.stress_worker", str(db_path), tag, str(ENTRIES)]
            processes.append((tag, _start(worker, env)))
        if with_window and not round_ % 2:
            processes.append(("window", _start(window, env)))
        for label, process in processes:
            out, err = process.communicate(timeout=120)
            for line in out.splitlines():
                if line.startswith("ack "):
                    acked_entries.add(line[4:])
                if line.startswith("Added the workbook"):
                    acked_names.add(label)
            if process.returncode != 0:
                refusals.append(err)
                assert err.strip(), f"{label} failed without saying why"
            for bad in ("Traceback", "did not expect", "OperationalError"):
                assert bad not in err, err

    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        names = {row[0] for row in conn.execute("SELECT name FROM workbooks")}
        entries = {row[0] for row in conn.execute("SELECT body FROM journal_entries")}
    finally:
        conn.close()
    assert acked_names <= names
    assert acked_entries <= entries
    # Without a window, every import and writer got through, waiting its turn.
    assert {f"imported {ROUNDS}-{k}" for k in range(IMPORTS)} <= acked_names
    for k in range(WRITERS):
        assert {f"c{ROUNDS}-{k} {n}" for n in range(ENTRIES)} <= acked_entries
    assert WORKBOOK_NAME in names
    # A command refused while a window held the file says so in plain words.
    for err in refusals:
        assert "open in a Career Workbook window" in err or "still writing" in err, err
