"""Write tests/data/schema1.sqlite3: a small workbook database as schema 1 left it.

Run once when schema 1 shipped; kept so the migration test always starts
from a real old file rather than one the current code made.
"""

import sqlite3
import sys
from pathlib import Path

from sqlite_utils import Database

from workbook import migrations
from workbook.storage import APPLICATION_ID

target = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/data/schema1.sqlite3")
target.unlink(missing_ok=True)
db = Database(sqlite3.connect(target), execute_plugins=False)
db.conn.isolation_level = None
db.execute("PRAGMA journal_mode = WAL")
db.conn.isolation_level = ""
db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
migrations.apply(db, stop_at=1)
stamp = "2026-10-01T09:00:00.000+00:00"
with db.atomic():
    db.execute(
        "INSERT INTO workbooks (id, name, created_at, updated_at) VALUES (1, 'Kenji', ?, ?)",
        [stamp, stamp],
    )
    db.execute(
        "INSERT INTO profile (workbook_id, person_name, current_role, role_family, "
        "years_experience, current_track, aim, horizon_years) "
        "VALUES (1, 'Kenji Watanabe', 'Site reliability engineer', 'infrastructure_security', "
        "11, 'ic', 'Decide whether to apply for the staff engineer role.', 5)"
    )
    for kind, body in [
        ("reflection", "People bring me outages nobody else can explain."),
        ("checkin", "Talked to my manager about the staff role."),
    ]:
        db.execute(
            "INSERT INTO journal_entries (workbook_id, kind, body, entry_date, created_at, "
            "updated_at) VALUES (1, ?, ?, '2026-10-01', ?, ?)",
            [kind, body, stamp, stamp],
        )
db.execute("VACUUM")
db.close()
print(f"wrote {target} at schema 1")
