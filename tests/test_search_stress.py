"""The search index survives long use: thousands of seeded edits, deletes, undos and
redos across six workbooks of a coach's file, with FTS5's own integrity check along the
way. Merging the index inside the delete's transaction corrupted it ("database disk
image is malformed") after about 3,400 such steps, and every later save failed."""

import random
import shutil
import sqlite3

from benchmarks import generate
from workbook import door
from workbook.errors import InvalidEdit, NotFound
from workbook.history import History
from workbook.storage import open_database


def check(db):
    db.execute("INSERT INTO search_index(search_index) VALUES('integrity-check')")


def test_the_index_stays_sound_through_edits_deletes_and_undo(tmp_path):
    path = tmp_path / "coach.sqlite3"
    shutil.copy(generate.coach_db(20), path)
    db = open_database(path)
    history, rng = History(), random.Random(1)
    wids = [row[0] for row in db.execute("SELECT id FROM workbooks LIMIT 6")]

    def ids(table, wid):
        return [r[0] for r in db.execute(f"SELECT id FROM {table} WHERE workbook_id = ?", [wid])]

    for n in range(1, 4001):
        wid, op = rng.choice(wids), rng.random()
        goals, journal = ids("goals", wid), ids("journal_entries", wid)
        change = None
        try:
            if op < 0.25:
                change = door.add_row(db, "goals", wid, title=f"goal {n} forecast")
            elif op < 0.45 and goals:
                title = f"t {n} churn " * rng.randint(0, 3)
                change = door.update_row(db, "goals", rng.choice(goals), "title", title)
            elif op < 0.6 and goals:
                change = door.delete_row(db, "goals", rng.choice(goals))
            elif op < 0.7:
                change = door.add_row(
                    db,
                    "journal_entries",
                    wid,
                    kind="reflection",
                    entry_date="2026-01-01",
                    body=f"body {n}",
                )
            elif op < 0.8 and journal:
                change = door.delete_row(db, "journal_entries", rng.choice(journal))
            elif op < 0.9:
                history.undo(db, wid)
            else:
                history.redo(db, wid)
        except (NotFound, InvalidEdit, sqlite3.IntegrityError):
            continue  # a step this harness asked for that no longer applies
        if change is not None:
            history.record(change)
        if n % 250 == 0:
            check(db)
    check(db)
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    db.close()
