"""A writer for tests/test_concurrency.py: opens the file as a command does, N times.

Usage: `python -m tests.helpers.stress_worker DB_PATH TAG N`. Each time it opens
DB_PATH through `Session.open` as a command (taking the writer lock), adds the
journal entry "TAG i" to the workbook "Stress" (made if missing), closes, and
prints `ack TAG i`. An `ack` is a promise that the entry is in the file. A
refusal is printed on stderr in the program's plain words, with exit status 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

from workbook.door import add_journal_entry, create_workbook
from workbook.errors import WorkbookError
from workbook.session import Access, Session

WORKBOOK_NAME = "Stress"


def main(db_path: str, tag: str, count: int) -> int:
    for n in range(count):
        try:
            with Session.open(Path(db_path), Access.COMMAND) as session:
                db = session.db
                row = db.execute(
                    "SELECT id FROM workbooks WHERE name = ?", [WORKBOOK_NAME]
                ).fetchone()
                wid = row[0] if row else create_workbook(db, WORKBOOK_NAME).workbook_id
                add_journal_entry(db, wid, "reflection", f"{tag} {n}")
        except WorkbookError as problem:
            print(problem.message, file=sys.stderr)
            return 1
        print(f"ack {tag} {n}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
