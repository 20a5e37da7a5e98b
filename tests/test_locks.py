"""A workbook's PIN (`workbook.locks`): kept only as a salted hash, wrong guesses slow down
and survive a restart, and a locked workbook shows nothing of itself to search or commands."""

import pytest

from ui.cli import main
from workbook import door, locks
from workbook.errors import InvalidEdit
from workbook.lock_reset import erase
from workbook.paths import sidecar_paths
from workbook.queries import get_workbook
from workbook.search import search
from workbook.session import Access, Session
from workbook.storage import open_database

PIN = "zebra-mango-4417"
MARKER = "Quetzalcoatl-pancake"


@pytest.fixture
def clock(monkeypatch):
    """A clock the test moves by hand: `clock.t += 10`."""

    class Clock:
        t = 1_000_000.0

    monkeypatch.setattr(locks, "now", lambda: Clock.t)
    return Clock


def sam_with_a_pin(db):
    sam = door.create_workbook(db, "Sam Okafor").workbook_id
    door.set_profile_field(db, sam, "current_role", "Analyst")
    door.add_journal_entry(db, sam, "reflection", f"My secret is {MARKER}")
    locks.set_pin(db, sam, PIN)
    return sam


def test_the_pin_is_kept_only_as_a_salted_hash(db, db_path):
    sam = sam_with_a_pin(db)
    alex = door.create_workbook(db, "Alex").workbook_id
    locks.set_pin(db, alex, PIN)  # the same PIN, a different salt and so a different hash
    rows = db.execute(
        "SELECT method, salt, hash FROM workbook_locks ORDER BY workbook_id"
    ).fetchall()
    assert rows[0][0].startswith("scrypt ") and rows[0][1] != rows[1][1]
    assert rows[0][2] != rows[1][2] and PIN.encode() not in rows[0][2]
    assert locks.try_pin(db, sam, PIN).unlocked
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    for path in [db_path, *sidecar_paths(db_path)]:
        if path.exists():
            data = path.read_bytes()
            assert PIN.encode() not in data and PIN.encode("utf-16-le") not in data, path


def test_a_pin_too_short_or_with_a_line_break_is_refused(db, workbook_id):
    for pin in ("", "12", "   7", "ab\ncd", "x" * 201, None):
        with pytest.raises(InvalidEdit):
            locks.set_pin(db, workbook_id, pin)
    assert not locks.has_pin(db, workbook_id)
    locks.set_pin(db, workbook_id, "1234")  # four digits are enough
    assert locks.has_pin(db, workbook_id)


def test_locked_means_a_pin_the_reader_has_not_unlocked(db):
    sam = sam_with_a_pin(db)
    alex = door.create_workbook(db, "Alex").workbook_id
    assert locks.is_locked(db, sam) and not locks.is_locked(db, alex)
    assert not locks.is_locked(db, sam, unlocked={sam})
    assert locks.locked_ids(db) == {sam} and locks.locked_ids(db, {sam}) == set()
    locks.clear_pin(db, sam)
    assert not locks.is_locked(db, sam) and locks.locked_ids(db) == set()


def test_a_locked_workbook_is_listed_by_number_after_the_others(db):
    zed = door.create_workbook(db, "Zed").workbook_id
    sam = sam_with_a_pin(db)
    door.create_workbook(db, "Abe")
    names = [info.name for info in locks.listed(db)]
    assert names == ["Abe", "Zed", f"Locked workbook {sam}"]
    assert "Sam" not in " ".join(names)
    assert [info.name for info in locks.listed(db, {sam})] == ["Abe", "Sam Okafor", "Zed"]
    assert zed in {info.id for info in locks.listed(db)}


def test_search_skips_a_locked_workbook(db):
    sam = sam_with_a_pin(db)
    alex = door.create_workbook(db, "Alex").workbook_id
    door.add_journal_entry(db, alex, "reflection", f"Also {MARKER}")
    assert [hit.workbook_id for hit in search(db, MARKER)] == [alex]
    assert {hit.workbook_id for hit in search(db, MARKER, unlocked={sam})} == {sam, alex}


def test_wrong_guesses_wait_longer_after_five_and_the_right_pin_resets(db, clock):
    sam = sam_with_a_pin(db)
    for tries in range(1, 5):
        verdict = locks.try_pin(db, sam, "wrong")
        assert not verdict.unlocked and verdict.wait_s == 0
        assert f"{5 - tries} more" in verdict.message
    verdict = locks.try_pin(db, sam, "wrong")
    assert verdict.wait_s == 2 and "wait 2 seconds" in verdict.message
    # During the wait even the right PIN is not looked at, nor counted.
    during = locks.try_pin(db, sam, PIN)
    assert not during.unlocked and not during.checked
    assert during.message == "Wait 2 seconds before trying again."
    waits = []
    for _ in range(9):
        clock.t += locks.wait_left(db, sam)
        waits.append(locks.try_pin(db, sam, "wrong").wait_s)
    assert waits == [4, 8, 16, 32, 64, 128, 256, 300, 300]
    clock.t += 300
    assert locks.try_pin(db, sam, PIN).unlocked
    assert locks.try_pin(db, sam, "wrong").wait_s == 0  # counting starts again


def test_the_wait_and_the_count_survive_a_restart(db_path, clock):
    db = open_database(db_path)
    sam = sam_with_a_pin(db)
    for _ in range(6):
        clock.t += locks.wait_left(db, sam)
        locks.try_pin(db, sam, "wrong")
    db.close()
    clock.t += 1
    db = open_database(db_path)
    assert locks.wait_left(db, sam) == 3  # 4 seconds after the sixth, one gone by
    clock.t += 3
    assert locks.try_pin(db, sam, "wrong").wait_s == 8  # the seventh
    db.close()


def test_a_clock_set_back_never_waits_longer_than_the_cap(db, clock):
    sam = sam_with_a_pin(db)
    for _ in range(5):
        locks.try_pin(db, sam, "wrong")
    clock.t -= 10 * 24 * 3600
    assert locks.wait_left(db, sam) == locks.MAX_WAIT_S


def test_erasing_keeps_nothing_and_leaves_an_empty_workbook_under_a_new_name(db, db_path):
    sam = sam_with_a_pin(db)
    gone, fresh = erase(db, sam)
    assert gone.name == "Sam Okafor"
    info = get_workbook(db, fresh.workbook_id)
    assert info.name == "My workbook" and not locks.has_pin(db, fresh.workbook_id)
    assert db.execute("SELECT count(*) FROM journal_entries").fetchone()[0] == 0
    assert search(db, MARKER) == []
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    for path in [db_path, *sidecar_paths(db_path)]:
        if path.exists():
            assert MARKER.encode() not in path.read_bytes(), path


def test_a_copy_or_a_workbook_file_carries_no_lock(db, tmp_path):
    from workbook.data import load_workbook_data
    from workbook.workbook_file import write_file

    sam = sam_with_a_pin(db)
    copy = door.duplicate_workbook(db, sam).workbook_id
    assert not locks.has_pin(db, copy)
    out = write_file(load_workbook_data(db, sam), tmp_path / "sam.json")
    text = out.read_text(encoding="utf-8")
    assert "lock" not in text and "scrypt" not in text and "salt" not in text


# ---- the command line ----------------------------------------------------------------------


def run_cli(capsys, *argv):
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def locked_file(db_path):
    db = open_database(db_path)
    sam = sam_with_a_pin(db)
    door.create_workbook(db, "Alex")
    db.close()
    return sam


@pytest.mark.parametrize(
    "command",
    [
        ["summary", "Sam Okafor"],
        ["summary", "--json", "sam okafor"],
        ["export", "--out", "{out}/sam.json", "Sam Okafor"],
        ["export-pdf", "--out", "{out}/sam.pdf", "Sam Okafor"],
    ],
    ids=["summary", "summary-json", "export", "export-pdf"],
)
def test_commands_refuse_a_locked_workbook_by_name(capsys, db_path, tmp_path, locked_file, command):
    args = [part.replace("{out}", str(tmp_path)) for part in command]
    code, out, err = run_cli(capsys, *args, "--db", db_path)
    assert code == 1
    assert err.startswith(f"The workbook {args[-1]!r} is locked with a PIN.")
    assert "Traceback" not in err and MARKER not in out + err and "Analyst" not in out
    assert list(tmp_path.glob("sam.*")) == []


def test_no_backup_is_restored_over_a_locked_workbook_from_the_command_line(
    capsys, db_path, tmp_path
):
    """A backup from before the PIN would open the workbook to anyone who can type a
    command: `restore` refuses, and the file, its PIN and its backups stay as they were."""
    from tests.conftest import sha256
    from workbook.backups import list_backups, make_backup

    db = open_database(db_path)
    door.create_workbook(db, "Alex")
    before_pin = make_backup(db, db_path)
    sam = sam_with_a_pin(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    kept = sha256(db_path)

    code, out, err = run_cli(capsys, "--db", db_path, "restore", before_pin.name)
    assert code == 1 and out == ""
    assert err.startswith(f"No backup was restored: Locked workbook {sam} is locked with a PIN")
    assert "Workbook ▸ Remove the PIN…" in err
    assert "Traceback" not in err
    assert sha256(db_path) == kept
    assert [b.path for b in list_backups(db_path)] == [before_pin]
    db = open_database(db_path)
    assert locks.has_pin(db, sam)
    db.close()


def test_the_owner_who_unlocked_it_may_restore_and_a_file_without_a_pin_always_may(
    db_path, tmp_path
):
    from workbook.backups import make_backup
    from workbook.queries import list_workbooks
    from workbook.session import restore_backup

    db = open_database(db_path)
    alex = door.create_workbook(db, "Alex").workbook_id
    before_pin = make_backup(db, db_path)
    sam = sam_with_a_pin(db)
    db.close()
    with pytest.raises(locks.LockedInFile):
        restore_backup(db_path, before_pin, unlocked={alex})
    assert restore_backup(db_path, before_pin, unlocked={sam}) is not None
    db = open_database(db_path)
    assert [w.name for w in list_workbooks(db)] == ["Alex"]
    assert not locks.has_pin(db, sam)  # the file as it was before the PIN
    db.close()
    assert restore_backup(db_path, before_pin) is not None  # no PIN now: no refusal


def test_with_two_pins_the_refusal_asks_each_owner_to_remove_theirs(db_path):
    """The window unlocks one workbook at a time, so 'unlock it and restore' cannot work."""
    from workbook.backups import make_backup
    from workbook.session import restore_backup

    db = open_database(db_path)
    backup = make_backup(db, db_path)
    sam = sam_with_a_pin(db)
    alex = door.create_workbook(db, "Alex").workbook_id
    locks.set_pin(db, alex, PIN)
    db.close()
    with pytest.raises(locks.LockedInFile) as refused:
        restore_backup(db_path, backup, unlocked={sam})
    assert refused.value.message.startswith(
        f"No backup was restored: Locked workbook {alex} is locked"
    )
    with pytest.raises(locks.LockedInFile) as refused:
        restore_backup(db_path, backup)
    said = refused.value.message
    assert f"Locked workbook {sam} and Locked workbook {alex} are locked" in said
    assert "each owner can unlock theirs and remove its PIN" in said


def test_a_file_damaged_beyond_the_quick_check_is_restored_pin_or_not(db_path):
    """The window offers a backup when the full check finds damage the quick one misses
    (a broken index). Its PIN can be neither trusted nor lifted (unlocking writes), so the
    backup is all there is: the restore goes ahead."""
    import sqlite3

    from workbook.backups import make_backup
    from workbook.session import restore_backup

    db = open_database(db_path)
    sam = sam_with_a_pin(db)
    goal = door.add_row(db, "goals", sam, title="A goal").row_id
    door.add_row(db, "actions", goal, title="An action")
    backup = make_backup(db, db_path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    broken = sqlite3.connect(db_path)
    broken.execute("PRAGMA writable_schema=ON")
    broken.execute(  # the index now claims to cover another column than it holds
        "UPDATE sqlite_master SET sql = 'CREATE INDEX idx_actions_goal ON actions(title)' "
        "WHERE name = 'idx_actions_goal'"
    )
    broken.commit()
    broken.close()
    assert restore_backup(db_path, backup) is not None
    db = open_database(db_path)
    assert [row[0] for row in db.execute("PRAGMA integrity_check")] == ["ok"]
    assert locks.has_pin(db, sam)  # the backup's own PIN, as it was
    db.close()


def test_list_names_a_locked_workbook_only_by_number(capsys, db_path, locked_file):
    code, out, _ = run_cli(capsys, "list", "--db", db_path)
    assert code == 0
    assert out.splitlines() == ["Alex", f"Locked workbook {locked_file}"]


def test_a_reader_session_unlocks_nothing(db_path, locked_file):
    session = Session.open(db_path, Access.READ)
    try:
        assert session.unlocked == set()
        assert locks.is_locked(session.db, locked_file, session.unlocked)
    finally:
        session.close()
