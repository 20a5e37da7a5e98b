"""Opening files safely: new files, bad files left untouched, migrations, permissions."""

import os
import shutil
import sqlite3
import stat

import pytest

from tests.conftest import DATA, make_damaged, sha256
from workbook import migrations
from workbook.backups import list_backups
from workbook.door import add_journal_entry, create_workbook, delete_workbook
from workbook.errors import (
    DamagedDatabase,
    EmptyFile,
    ForeignDatabase,
    NewerVersion,
    NotADatabase,
)
from workbook.queries import list_workbooks, load_profile
from workbook.session import Access, Session
from workbook.storage import APPLICATION_ID, inspect, open_database


def test_new_database_has_the_settings_every_file_needs(db, db_path):
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    assert inspect(db_path) == migrations.SCHEMA_VERSION


def test_schema_has_a_table_for_every_part_of_the_journey(db):
    tables = set(db.table_names())
    for table in migrations.WORKBOOK_TABLES:
        assert table in tables
    assert {"workbooks", "actions", "meta"} <= tables


def _newer(path):
    db = open_database(path)
    db.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    db.conn.commit()
    db.close()


def _foreign(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: p.write_bytes(b""), EmptyFile),
        (lambda p: p.write_bytes(os.urandom(8192)), NotADatabase),
        (lambda p: p.write_text("name,role\nAlex,engineer\n"), NotADatabase),
        (make_damaged, DamagedDatabase),
        (_newer, NewerVersion),
        (_foreign, ForeignDatabase),
    ],
    ids=["zero-byte", "random-bytes", "csv-text", "damaged-page", "newer-version", "foreign"],
)
def test_bad_files_are_refused_untouched_and_named(tmp_path, make, problem):
    path = tmp_path / "bad.sqlite3"
    make(path)
    before = sha256(path)
    siblings = sorted(p.name for p in tmp_path.iterdir())
    for access in (Access.COMMAND, Access.WINDOW, Access.READ):
        with pytest.raises(problem) as refused:
            Session.open(path, access)
        assert str(path) in refused.value.message
        assert "left exactly as it was" in refused.value.message
        assert sha256(path) == before
        # No write-ahead log or index beside it; only the writer lock's own (empty) file.
        after = sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock"))
        assert after == siblings


def test_schema_1_file_migrates_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(DATA / "schema1.sqlite3", path)
    assert inspect(path) == 1
    db = open_database(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    [info] = list_workbooks(db)
    assert info.name == "Kenji"
    assert info.last_opened_at == info.updated_at  # backfilled by migration 2
    profile = load_profile(db, info.id)
    assert profile.current_role == "Site reliability engineer"
    assert profile.horizon_years == 5
    private = dict(db.execute("SELECT kind, private FROM journal_entries").fetchall())
    assert private == {"reflection": 1, "checkin": 0}
    db.close()
    [backup] = list_backups(path)
    assert "before-migration" in backup.reason
    assert inspect(backup.path) == 1  # the backup is the file as it was


def test_failed_migration_leaves_file_at_its_old_version(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite3"
    shutil.copy(DATA / "schema1.sqlite3", path)

    def broken(db):
        db.execute("ALTER TABLE workbooks ADD COLUMN half_done TEXT")
        raise RuntimeError("power cut")

    monkeypatch.setattr(migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], broken])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    with pytest.raises(RuntimeError):
        open_database(path)
    assert inspect(path) == 1
    conn = sqlite3.connect(path)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(workbooks)")]
    conn.close()
    assert "half_done" not in columns


def test_deleting_a_workbook_removes_its_rows_and_text(db, db_path):
    wid = create_workbook(db, "Temp").workbook_id
    add_journal_entry(db, wid, "reflection", "a secret sentence about my manager")
    delete_workbook(db, wid)
    assert db.execute("SELECT count(*) FROM journal_entries").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM profile").fetchone()[0] == 0
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = db_path.read_bytes()
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        raw += wal.read_bytes()
    assert b"a secret sentence" not in raw


def test_a_new_file_appears_only_when_complete(tmp_path, monkeypatch):
    """A program stopped while creating a database leaves nothing half-made behind."""
    path = tmp_path / "new" / "workbook.sqlite3"

    def interrupted(db, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(migrations, "apply", interrupted)
    with pytest.raises(KeyboardInterrupt):
        open_database(path)
    assert list(path.parent.iterdir()) == []
    monkeypatch.undo()
    db = open_database(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    db.close()
