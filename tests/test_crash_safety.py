"""Killing the program in the middle of editing never damages the file or loses an edit.

A worker process (tests/helpers/edit_worker.py) edits through the one door,
`workbook.edits`, and prints `ack n` once edit n has returned. We kill it
with SIGKILL (no clean-up, no atexit, no `finally`) after a random number
of acknowledgements plus a random short delay, so the kill lands anywhere:
inside a transaction, during a commit, between the two edits of a step or
while the worker is blocked writing its ack. Then the file must pass
`integrity_check`, and every acknowledged edit must be in it.

One database per lane is reused across kill cycles, so later cycles also
recover the previous victim's write-ahead log; two lanes run side by side
because most of a cycle is Python starting up.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.helpers.edit_worker import WORKBOOK_NAME
from workbook.door import add_journal_entry, set_profile_field
from workbook.storage import inspect, open_database

ROOT = Path(__file__).resolve().parent.parent
SEED = 20_240_611
LANES = 2
CYCLES_PER_LANE = 40
# Far above a healthy cycle (well under a second); only a hung worker hits it.
WORKER_TIMEOUT = 30.0


@dataclass(frozen=True)
class Cycle:
    lane: int
    number: int
    acks_wanted: int
    delay: float
    readonly_check: bool

    def __str__(self) -> str:
        return (
            f"seed {SEED}, lane {self.lane}, cycle {self.number}: kill after "
            f"{self.acks_wanted} ack(s) + {self.delay * 1000:.1f} ms"
        )


def plan_cycles(lane: int) -> list[Cycle]:
    rng = random.Random(f"{SEED}-{lane}")
    cycles = []
    for number in range(CYCLES_PER_LANE):
        # A third of the kills come right after the first edit, where a fresh
        # process has only just opened the file and recovered the last log.
        acks = rng.choice([1, 1, rng.randint(2, 10), rng.randint(11, 400)])
        delay = rng.choice([0.0, rng.uniform(0, 0.002), rng.uniform(0, 0.03)])
        # A read-write check checkpoints and removes the log; a read-only one
        # leaves the victim's log for the next worker to recover.
        cycles.append(Cycle(lane, number, acks, delay, readonly_check=rng.random() < 0.5))
    return cycles


def ack_number(line: str) -> int:
    word, _, number = line.strip().partition(" ")
    assert word == "ack", f"unexpected output from the worker: {line!r}"
    return int(number)


def kill_mid_edit(db_path: Path, cycle: Cycle) -> list[int]:
    """Run one worker, kill it as the cycle says; returns every edit it acknowledged."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.edit_worker", str(db_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    timed_out = threading.Event()

    def give_up() -> None:
        timed_out.set()
        proc.kill()

    watchdog = threading.Timer(WORKER_TIMEOUT, give_up)
    watchdog.start()
    acked: list[int] = []
    try:
        while len(acked) < cycle.acks_wanted:
            line = proc.stdout.readline()
            if not line:
                break
            acked.append(ack_number(line))
        time.sleep(cycle.delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # Not communicate(): it reads the pipe directly and would skip lines
        # readline() has already buffered.
        rest, errors = proc.stdout.read(), proc.stderr.read()
    finally:
        watchdog.cancel()
        proc.stdout.close()
        proc.stderr.close()
    assert not timed_out.is_set(), f"{cycle}: the worker hung\n{errors}"
    assert proc.returncode == -signal.SIGKILL, f"{cycle}: the worker failed by itself\n{errors}"
    # Lines written before the kill but read after it were acknowledged too.
    acked += [ack_number(line) for line in rest.splitlines()]
    assert len(acked) >= cycle.acks_wanted, f"{cycle}: the worker stopped early\n{errors}"
    return acked


def check_file(db_path: Path, acked: list[int], entries_before: int, cycle: Cycle) -> int:
    """Assert the file is whole and holds every acknowledged edit; returns the entry count."""
    # What the program itself runs on the next start; raises if it would refuse the file.
    inspect(db_path, full_check=True)
    mode = "?mode=ro" if cycle.readonly_check else ""
    conn = sqlite3.connect(f"file:{quote(str(db_path))}{mode}", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], str(cycle)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == [], str(cycle)
        (workbook_id,) = conn.execute(
            "SELECT id FROM workbooks WHERE name = ?", [WORKBOOK_NAME]
        ).fetchone()
        bodies = [
            row[0]
            for row in conn.execute(
                "SELECT body FROM journal_entries WHERE workbook_id = ? ORDER BY id",
                [workbook_id],
            )
        ]
        (aim,) = conn.execute(
            "SELECT aim FROM profile WHERE workbook_id = ?", [workbook_id]
        ).fetchone()
    finally:
        conn.close()

    count = len(bodies)
    # The worker numbers on from the entries it found, so this also proves it
    # saw every entry the previous (killed) worker committed.
    assert acked == list(range(entries_before, entries_before + len(acked))), str(cycle)
    # Whole edits only: no gaps, no duplicates, nothing half-written.
    assert bodies == [f"entry {n}" for n in range(count)], str(cycle)
    assert count > acked[-1], f"{cycle}: acknowledged entry {acked[-1]} is missing"
    aim_number = int(aim.removeprefix("aim "))
    assert aim_number >= acked[-1], f"{cycle}: acknowledged aim {acked[-1]} is missing"
    # The aim follows its entry: equal to the last entry, or one behind if the
    # kill fell between the two edits.
    assert aim_number in (count - 1, count - 2), f"{cycle}: aim {aim!r} with {count} entries"
    return count


def run_lane(folder: Path, lane: int) -> int:
    db_path = folder / f"lane{lane}" / "workbook.sqlite3"
    entries = 0
    cycles = plan_cycles(lane)
    for cycle in cycles:
        acked = kill_mid_edit(db_path, cycle)
        entries = check_file(db_path, acked, entries, cycle)

    # After all that, the program still opens the file and edits it as usual.
    db = open_database(db_path)
    try:
        (workbook_id,) = db.execute(
            "SELECT id FROM workbooks WHERE name = ?", [WORKBOOK_NAME]
        ).fetchone()
        add_journal_entry(db, workbook_id, "reflection", f"entry {entries}")
        set_profile_field(db, workbook_id, "aim", f"aim {entries}")
    finally:
        db.close()
    inspect(db_path, full_check=True)
    return len(cycles)


@pytest.mark.slow
def test_killing_the_program_mid_edit_loses_no_acknowledged_edit(tmp_path):
    with ThreadPoolExecutor(max_workers=LANES) as pool:
        runs = list(pool.map(lambda lane: run_lane(tmp_path, lane), range(LANES)))
    assert sum(runs) >= 50
