"""A process for tests/test_crash_safety.py to kill: it edits a workbook without end.

Usage: `python -m tests.helpers.edit_worker DB_PATH`. It opens DB_PATH the
way the program does, finds (or creates) the workbook "Crash test" and then,
for n = 0, 1, 2, ... continuing from the entries already in the file, adds
the journal entry "entry n", sets the aim to "aim n" and prints `ack n`.
Each edit commits before it returns, so an `ack n` on stdout is a promise
that entry n and aim n are safely in the file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from workbook.door import add_journal_entry, create_workbook, set_profile_field
from workbook.storage import open_database

WORKBOOK_NAME = "Crash test"


def main(db_path: str) -> None:
    db = open_database(Path(db_path))
    row = db.execute("SELECT id FROM workbooks WHERE name = ?", [WORKBOOK_NAME]).fetchone()
    workbook_id = row[0] if row else create_workbook(db, WORKBOOK_NAME).workbook_id
    # Entries are added one per commit, so they are always "entry 0" .. "entry count-1".
    n = db.execute(
        "SELECT COUNT(*) FROM journal_entries WHERE workbook_id = ?", [workbook_id]
    ).fetchone()[0]
    while True:
        add_journal_entry(db, workbook_id, "reflection", f"entry {n}")
        set_profile_field(db, workbook_id, "aim", f"aim {n}")
        # Flushed at once: the test may kill us the moment it has read this line.
        print(f"ack {n}", flush=True)
        n += 1


if __name__ == "__main__":
    main(sys.argv[1])
