"""Backups: making them, rotating them, the daily backup, finding and restoring one."""

import os
import shutil
import sqlite3
import stat
from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import DATA, make_damaged, set_clock, sha256
from workbook import backups, migrations
from workbook.backups import (
    KEEP,
    backup_if_due,
    find_backup,
    last_change,
    list_backups,
    make_backup,
    rotate,
)
from workbook.door import add_journal_entry, create_workbook, rename_workbook, set_profile_field
from workbook.errors import BackupProblem
from workbook.paths import backup_dir, sidecar_paths
from workbook.queries import list_workbooks, load_profile
from workbook.restoring import restore
from workbook.storage import inspect, open_database

NOW = datetime(2030, 6, 15, 12, 0, 0, tzinfo=UTC)


def at(monkeypatch, when):
    """Make the next backups carry the time `when`."""
    monkeypatch.setattr(backups, "_now", lambda: when)


def read_only(path):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [row[0] for row in conn.execute("SELECT name FROM workbooks ORDER BY name")]
        aims = [row[0] for row in conn.execute("SELECT aim FROM profile ORDER BY workbook_id")]
    finally:
        conn.close()
    return names, aims


def contents(path):
    """Workbook names and aims in a database file, read through the normal door."""
    db = open_database(path)
    try:
        return (
            [info.name for info in list_workbooks(db)],
            [load_profile(db, info.id).aim for info in list_workbooks(db)],
        )
    finally:
        db.close()


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


# ---- make_backup ------------------------------------------------------------------------


def test_backup_is_a_valid_private_copy_with_the_data(db, db_path, workbook_id):
    set_profile_field(db, workbook_id, "aim", "Lead the data team")
    path = make_backup(db, db_path)

    assert path.parent == db_path.parent / "backups"
    assert path.name.startswith("test-") and path.name.endswith("-manual.sqlite3")
    assert inspect(path, full_check=True) == migrations.SCHEMA_VERSION
    assert read_only(path) == (["Alex"], ["Lead the data team"])
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    # A plain single file: no write-ahead log, nothing half-written beside it.
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_backup_includes_edits_still_in_the_write_ahead_log(db, db_path, workbook_id):
    set_profile_field(db, workbook_id, "aim", "only in the WAL so far")
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    path = make_backup(db, db_path)
    assert read_only(path)[1] == ["only in the WAL so far"]


def test_backup_is_listed_with_its_reason(db, db_path, workbook_id, monkeypatch):
    at(monkeypatch, NOW)
    path = make_backup(db, db_path, reason="before-restore")
    [backup] = list_backups(db_path)
    assert backup.path == path
    assert backup.taken_at == NOW
    assert backup.reason == "before-restore"
    assert "before restore" in backup.label
    assert backup.label.startswith(f"{NOW.astimezone():%Y-%m-%d %H:%M}")


def test_backup_of_the_live_database_leaves_it_usable(db, db_path, workbook_id):
    make_backup(db, db_path)
    set_profile_field(db, workbook_id, "aim", "after the backup")
    assert load_profile(db, workbook_id).aim == "after the backup"
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_backup_that_cannot_be_written_says_where(db, db_path, workbook_id):
    folder = backup_dir(db_path)
    folder.write_text("a file where the folder should be")
    with pytest.raises(BackupProblem) as refused:
        make_backup(db, db_path)
    assert "Could not write a backup" in refused.value.message


# ---- list_backups and rotation ----------------------------------------------------------


def test_no_backups_folder_means_no_backups(db_path):
    assert list_backups(db_path) == []
    assert rotate(db_path) == []


def test_list_is_newest_first_and_ignores_strangers(db, db_path, workbook_id, monkeypatch):
    made = []
    for hours in (5, 1, 3):
        at(monkeypatch, NOW - timedelta(hours=hours))
        made.append(make_backup(db, db_path))
    folder = backup_dir(db_path)
    (folder / "notes.txt").write_text("not a backup")
    (folder / "test-garbage.sqlite3").write_bytes(b"")
    (folder / "other-20300101-000000Z-manual.sqlite3").write_bytes(b"")
    listed = list_backups(db_path)
    assert [b.path for b in listed] == [made[1], made[2], made[0]]
    assert [b.taken_at for b in listed] == sorted((b.taken_at for b in listed), reverse=True)


def test_rotation_keeps_the_newest_ten(db, db_path, workbook_id, monkeypatch):
    made = []
    for n in range(KEEP + 3):
        at(monkeypatch, NOW + timedelta(minutes=n))
        made.append(make_backup(db, db_path))
    folder = backup_dir(db_path)
    (folder / "notes.txt").write_text("left alone")
    kept = [b.path for b in list_backups(db_path)]
    assert kept == list(reversed(made[-KEEP:]))
    assert not any(path.exists() for path in made[:3])
    assert sorted(p.name for p in folder.glob("*.sqlite3")) == sorted(p.name for p in kept)
    assert (folder / "notes.txt").exists()


def test_rotate_returns_what_it_removed(db, db_path, workbook_id, monkeypatch):
    made = []
    for n in range(4):
        at(monkeypatch, NOW + timedelta(days=n))
        made.append(make_backup(db, db_path))
    removed = rotate(db_path, keep=1)
    assert sorted(removed) == sorted(made[:3])
    assert [b.path for b in list_backups(db_path)] == [made[3]]


def test_many_backups_in_one_second_rotate_oldest_first(db, db_path, workbook_id, monkeypatch):
    at(monkeypatch, NOW)
    made = []
    for n in range(KEEP + 3):
        set_profile_field(db, workbook_id, "aim", f"version {n}")
        made.append(make_backup(db, db_path))
    assert len(set(made)) == len(made)
    assert all(path.exists() for path in made[-KEEP:])
    assert not any(path.exists() for path in made[:3])
    listed = list_backups(db_path)
    assert [b.path for b in listed] == list(reversed(made[-KEEP:]))
    assert read_only(listed[0].path)[1] == [f"version {KEEP + 2}"]


# ---- backup_if_due ----------------------------------------------------------------------


def test_nothing_is_due_when_nothing_was_ever_changed(db_path):
    db = open_database(db_path)
    try:
        assert last_change(db) is None
        assert backup_if_due(db, db_path, now=NOW) is None
    finally:
        db.close()
    assert not backup_dir(db_path).exists()


def test_first_change_makes_a_backup_when_there_is_none(db, db_path, workbook_id):
    set_profile_field(db, workbook_id, "aim", "first words")
    path = backup_if_due(db, db_path)
    assert path is not None and path.exists()
    [backup] = list_backups(db_path)
    assert backup.path == path
    assert backup.reason == "auto"
    assert read_only(path)[1] == ["first words"]


def test_nothing_is_due_when_nothing_changed_since_the_last_backup(db, db_path, workbook_id):
    set_profile_field(db, workbook_id, "aim", "saved")
    first = backup_if_due(db, db_path)
    assert first is not None
    later = datetime.now(UTC) + timedelta(days=3)
    assert backup_if_due(db, db_path, now=later) is None
    assert [b.path for b in list_backups(db_path)] == [first]


def test_nothing_is_due_when_the_newest_backup_is_younger_than_a_day(
    db, db_path, workbook_id, monkeypatch
):
    real_now = datetime.now(UTC)
    at(monkeypatch, real_now - timedelta(hours=23))
    make_backup(db, db_path, reason="auto")
    set_profile_field(db, workbook_id, "aim", "changed since")
    assert backup_if_due(db, db_path, now=real_now) is None
    assert len(list_backups(db_path)) == 1


def test_a_backup_is_due_when_the_newest_is_older_than_a_day_and_something_changed(
    db, db_path, workbook_id, monkeypatch
):
    real_now = datetime.now(UTC)
    at(monkeypatch, real_now - timedelta(days=1, minutes=1))
    old = make_backup(db, db_path, reason="auto")
    set_profile_field(db, workbook_id, "aim", "changed since")
    at(monkeypatch, real_now)
    new = backup_if_due(db, db_path, now=real_now)
    assert new is not None and new != old
    assert [b.path for b in list_backups(db_path)] == [new, old]
    assert read_only(new)[1] == ["changed since"]
    assert read_only(old)[1] == [""]


def test_an_old_backup_is_enough_when_nothing_changed_since(db, db_path, monkeypatch):
    real_now = datetime.now(UTC)
    set_clock(monkeypatch, lambda: (real_now - timedelta(days=3)).isoformat())
    create_workbook(db, "Old news")
    at(monkeypatch, real_now - timedelta(days=2))
    make_backup(db, db_path, reason="auto")
    assert backup_if_due(db, db_path, now=real_now) is None
    assert len(list_backups(db_path)) == 1


def stamp_edits(monkeypatch, when):
    set_clock(monkeypatch, lambda: when.isoformat(timespec="milliseconds"))


def test_an_edit_in_the_same_second_before_the_backup_is_in_it(db, db_path, monkeypatch):
    # Backup names hold whole seconds; the edit at .600 is older than the backup
    # taken later in that second, whose name says .000.
    stamp_edits(monkeypatch, NOW + timedelta(milliseconds=600))
    create_workbook(db, "Alex")
    at(monkeypatch, NOW)
    make_backup(db, db_path, reason="auto")
    assert backup_if_due(db, db_path, now=NOW + timedelta(days=2)) is None


def test_an_edit_in_the_same_second_after_the_backup_is_not_in_it(db, db_path, monkeypatch):
    stamp_edits(monkeypatch, NOW + timedelta(milliseconds=200))
    create_workbook(db, "Alex")
    at(monkeypatch, NOW)
    make_backup(db, db_path, reason="auto")
    stamp_edits(monkeypatch, NOW + timedelta(milliseconds=700))
    create_workbook(db, "Sam")
    at(monkeypatch, NOW + timedelta(days=2))
    path = backup_if_due(db, db_path, now=NOW + timedelta(days=2))
    assert path is not None
    assert read_only(path)[0] == ["Alex", "Sam"]


def test_every_kind_of_edit_counts_as_a_change(db, db_path, workbook_id, monkeypatch):
    kinds = [
        lambda: set_profile_field(db, workbook_id, "aim", "new aim"),
        lambda: rename_workbook(db, workbook_id, "Alexandra"),
        lambda: add_journal_entry(db, workbook_id, "energy", "tired"),
        lambda: create_workbook(db, "Sam"),
    ]
    for n, edit in enumerate(kinds):
        edited_at = NOW + timedelta(days=3 * n)
        set_clock(monkeypatch, lambda when=edited_at: when.isoformat())
        at(monkeypatch, edited_at - timedelta(hours=1))
        make_backup(db, db_path, reason="auto")
        assert backup_if_due(db, db_path, now=edited_at + timedelta(days=2)) is None
        edit()
        assert last_change(db) == edited_at
        at(monkeypatch, edited_at + timedelta(days=2))
        assert backup_if_due(db, db_path, now=edited_at + timedelta(days=2)) is not None


def test_a_backup_that_cannot_be_made_is_a_plain_problem(db, db_path, workbook_id):
    # A dangling link where the backups folder belongs: the folder cannot be created.
    backup_dir(db_path).symlink_to(db_path.parent / "gone" / "backups")
    with pytest.raises(BackupProblem, match="Could not write a backup"):
        make_backup(db, db_path)
    with pytest.raises(BackupProblem):  # which a session shrugs off, to try again later
        backup_if_due(db, db_path)


# ---- find_backup ------------------------------------------------------------------------


def test_find_backup_by_file_name_and_by_path(db, db_path, workbook_id, tmp_path, monkeypatch):
    path = make_backup(db, db_path)
    monkeypatch.chdir(tmp_path)  # the name alone is not a file here
    assert find_backup(db_path, path.name) == path
    assert find_backup(db_path, str(path)) == path
    elsewhere = tmp_path / "copied.sqlite3"
    shutil.copy(path, elsewhere)
    assert find_backup(db_path, str(elsewhere)) == elsewhere
    assert find_backup(db_path, "copied.sqlite3") == elsewhere.relative_to(tmp_path)


def test_find_backup_explains_a_missing_name(db_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BackupProblem) as missing:
        find_backup(db_path, "test-20300101-000000Z-auto.sqlite3")
    message = missing.value.message
    assert "There is no backup called 'test-20300101-000000Z-auto.sqlite3'" in message
    assert "career-workbook backups" in message


# ---- restore ----------------------------------------------------------------------------


@pytest.fixture
def backed_up(db, db_path, workbook_id, monkeypatch):
    """A database whose backup holds aim 'v1'; since then the aim became 'v2' and Sam came."""
    set_profile_field(db, workbook_id, "aim", "v1")
    at(monkeypatch, NOW - timedelta(days=1))
    backup = make_backup(db, db_path)
    set_profile_field(db, workbook_id, "aim", "v2")
    create_workbook(db, "Sam")
    at(monkeypatch, NOW)
    return backup


def test_restore_replaces_the_data_and_keeps_the_current_file(db, db_path, backed_up):
    db.close()
    kept = restore(db_path, backed_up)

    assert contents(db_path) == (["Alex"], ["v1"])
    assert kept is not None and kept.parent == backup_dir(db_path)
    assert "before-restore" in kept.name
    assert read_only(kept) == (["Alex", "Sam"], ["v2", ""])
    assert mode(kept) == 0o600
    assert mode(db_path) == 0o600
    reasons = [b.reason for b in list_backups(db_path)]
    assert reasons == ["before-restore", "manual"]
    assert backed_up.exists()  # the backup itself is not used up
    leftovers = [
        p.name for p in db_path.parent.rglob("*") if p.suffix in (".restoring", ".partial")
    ]
    assert leftovers == []


def test_restore_removes_a_stale_write_ahead_log(db, db_path, backed_up, workbook_id):
    # Capture the live log holding 'v2' and Sam, then put it back once the file is closed.
    set_profile_field(db, workbook_id, "current_role", "in the log")
    stale = {side: side.read_bytes() for side in sidecar_paths(db_path) if side.exists()}
    assert stale, "the live database should have a write-ahead log"
    db.close()
    for side, data in stale.items():
        side.write_bytes(data)

    restore(db_path, backed_up)
    assert not any(side.exists() for side in sidecar_paths(db_path))
    assert inspect(db_path, full_check=True) == migrations.SCHEMA_VERSION
    assert contents(db_path) == (["Alex"], ["v1"])


@pytest.mark.parametrize(
    "make_bad",
    [
        lambda p: p.write_bytes(os.urandom(8192)),
        lambda p: p.write_bytes(b""),
        lambda p: p.write_text("name,role\nAlex,engineer\n"),
        make_damaged,
    ],
    ids=["random-bytes", "zero-bytes", "csv-text", "damaged-page"],
)
def test_a_bad_backup_is_refused_and_changes_nothing(db, db_path, backed_up, tmp_path, make_bad):
    db.close()
    bad = tmp_path / "bad-backup.sqlite3"
    make_bad(bad)
    before = sha256(db_path)
    backups_before = sorted(p.name for p in backup_dir(db_path).iterdir())
    siblings = sorted(p.name for p in db_path.parent.iterdir())

    with pytest.raises(BackupProblem) as refused:
        restore(db_path, bad)
    assert "That backup cannot be used." in refused.value.message
    assert sha256(db_path) == before
    assert sorted(p.name for p in backup_dir(db_path).iterdir()) == backups_before
    assert sorted(p.name for p in db_path.parent.iterdir()) == siblings
    assert contents(db_path) == (["Alex", "Sam"], ["v2", ""])


def test_a_missing_backup_is_refused(db, db_path, backed_up, tmp_path):
    db.close()
    before = sha256(db_path)
    with pytest.raises(BackupProblem, match="cannot be used"):
        restore(db_path, tmp_path / "no-such-file.sqlite3")
    assert sha256(db_path) == before


@pytest.mark.parametrize(
    "damage",
    [
        make_damaged,
        lambda p: p.write_bytes(os.urandom(8192)),
        lambda p: p.write_bytes(b""),
    ],
    ids=["damaged-page", "random-bytes", "zero-bytes"],
)
def test_restore_over_a_damaged_file_copies_it_aside_byte_for_byte(db, db_path, backed_up, damage):
    db.close()
    for side in sidecar_paths(db_path):
        side.unlink(missing_ok=True)
    db_path.unlink()
    damage(db_path)
    damaged_bytes = db_path.read_bytes()

    kept = restore(db_path, backed_up)
    assert kept is not None
    assert "kept-before-restore" in kept.name
    assert kept.read_bytes() == damaged_bytes
    assert mode(kept) == 0o600
    assert contents(db_path) == (["Alex"], ["v1"])


def test_restore_where_there_is_no_file_yet(tmp_path, db, db_path, backed_up):
    fresh = tmp_path / "elsewhere" / "new.sqlite3"
    fresh.parent.mkdir()
    assert restore(fresh, backed_up) is None
    assert contents(fresh) == (["Alex"], ["v1"])
    assert mode(fresh) == 0o600


def test_restoring_the_oldest_of_a_full_set_of_backups(db, db_path, workbook_id, monkeypatch):
    made = []
    for n in range(KEEP):
        set_profile_field(db, workbook_id, "aim", f"v{n}")
        at(monkeypatch, NOW + timedelta(hours=n))
        made.append(make_backup(db, db_path))
    db.close()
    at(monkeypatch, NOW + timedelta(days=1))
    kept = restore(db_path, made[0])  # keeping the current file makes an eleventh backup
    assert contents(db_path) == (["Alex"], ["v0"])
    assert read_only(kept)[1] == [f"v{KEEP - 1}"]
    assert len(list_backups(db_path)) == KEEP


def test_restore_of_an_older_format_backup_is_migrated_on_open(db, db_path, backed_up, tmp_path):
    db.close()
    old = tmp_path / "schema1.sqlite3"
    shutil.copy(DATA / "schema1.sqlite3", old)
    restore(db_path, old)
    assert inspect(db_path) == 1
    assert contents(db_path)[0] == ["Kenji"]
    assert inspect(db_path) == migrations.SCHEMA_VERSION


def test_backups_of_a_file_whose_name_looks_like_a_pattern(tmp_path, monkeypatch):
    path = tmp_path / "team [2024].sqlite3"
    db = open_database(path)
    try:
        create_workbook(db, "Alex")
        made = []
        for n in range(KEEP + 2):
            at(monkeypatch, NOW + timedelta(minutes=n))
            made.append(make_backup(db, path))
    finally:
        db.close()
    assert [b.path for b in list_backups(path)] == list(reversed(made[-KEEP:]))
    assert not made[0].exists()
    assert find_backup(path, made[-1].name) == made[-1]
