"""Removing deleted text from the backups: one deleted workbook, or everything deleted.

The proof is always the raw bytes: a distinctive sentence that was deleted must not
appear anywhere in any backup file afterwards, while what was kept still does, and
every backup still passes SQLite's check and can still be restored.
"""

import os
import sqlite3
import stat
import time
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.conftest import make_damaged, sha256
from ui.cli import EXIT_OK, EXIT_PROBLEM, main
from workbook import backup_purge, backups, door
from workbook.backup_purge import purge_deleted_text, remove_workbook_from_backups
from workbook.backups import list_backups, make_backup
from workbook.door import create_workbook, delete_workbook, set_profile_field
from workbook.paths import backup_dir
from workbook.queries import get_workbook, list_workbooks
from workbook.restoring import restore
from workbook.storage import inspect, open_database

NOW = datetime(2030, 6, 15, 12, 0, 0, tzinfo=UTC)
# What the deleted workbook holds, in every kind of place text can be.
GONE = [
    b"Quintessa Marlowe-Vane",  # the workbook's name
    b"aim to leave the cartography guild",  # profile
    b"private zeppelinfortnight reflection",  # journal (and the search index)
    b"quokkasunrise evidence situation",  # evidence (and the search index)
    b"goal about lighthousekeeping",  # a goal
    b"action to visit the marmaladefactory",  # an action, one step further down
]
KEPT = [b"Sam Kept", b"the kept wombatlantern entry", b"aim to keep teaching"]


def fill(db, name, aim, journal, evidence=None, goal=None, action=None):
    workbook_id = create_workbook(db, name).workbook_id
    set_profile_field(db, workbook_id, "aim", aim)
    door.add_row(db, "journal_entries", workbook_id, kind="reflection", body=journal)
    if evidence:
        door.add_row(db, "evidence", workbook_id, strength_id="analysis", situation=evidence)
    if goal:
        goal_id = door.add_row(db, "goals", workbook_id, title=goal).row_id
        door.add_row(db, "actions", goal_id, title=action)
    return workbook_id


def make_pair(db):
    """Sam, kept, and Quintessa, about to be deleted; returns Quintessa's id."""
    fill(db, "Sam Kept", "aim to keep teaching", "the kept wombatlantern entry")
    return fill(db, *[text.decode() for text in GONE])


def take_backups(db, db_path, monkeypatch, count=3):
    for n in range(count):
        monkeypatch.setattr(backups, "_now", lambda n=n: NOW + timedelta(hours=n))
        make_backup(db, db_path, reason="auto")
    return [b.path for b in list_backups(db_path)]


def in_any(paths, text):
    return [path.name for path in paths if text in path.read_bytes()]


def assert_sound(paths):
    for path in paths:
        inspect(path, full_check=True)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.fixture
def deleted(db, db_path, monkeypatch):
    """Three backups holding both workbooks, then Quintessa deleted from the live file;
    returns (Quintessa as read before the delete, the backups)."""
    gone = make_pair(db)
    paths = take_backups(db, db_path, monkeypatch)
    info = get_workbook(db, gone)
    delete_workbook(db, gone)
    for text in GONE + KEPT:
        assert len(in_any(paths, text)) == 3  # the check below can fail: it is all there now
    return info, paths


# ---- one deleted workbook -------------------------------------------------------------


def test_a_deleted_workbook_leaves_every_backup_and_the_rest_stays(db, db_path, deleted):
    info, paths = deleted
    report = remove_workbook_from_backups(db_path, info)

    assert report.ok and report.checked == 3 and len(report.cleaned) == 3
    # The workbook, its profile, journal, evidence, goal and action, in each backup.
    assert report.rows_removed == 3 * 6
    for text in GONE:
        assert in_any(paths, text) == [], text
    for text in KEPT:
        assert len(in_any(paths, text)) == 3, text
    assert [b.path for b in list_backups(db_path)] == paths  # names (time, reason) kept
    assert_sound(paths)
    assert sorted(p.name for p in backup_dir(db_path).iterdir()) == sorted(p.name for p in paths)
    assert "Cleaned 3 backups, removing 18 entries." in report.summary()


def test_a_cleaned_backup_can_still_be_restored(db, db_path, deleted):
    info, paths = deleted
    remove_workbook_from_backups(db_path, info)
    db.close()
    restore(db_path, paths[-1])
    restored = open_database(db_path)
    try:
        assert [w.name for w in list_workbooks(restored)] == ["Sam Kept"]
    finally:
        restored.close()


def test_a_new_workbook_given_the_old_number_is_another_workbook(db, db_path, monkeypatch):
    fill(db, "Sam Kept", "aim to keep teaching", "the kept wombatlantern entry")
    old = fill(db, "Old Owner", "old owner's aim", "old owner's byzantinepelican note")
    take_backups(db, db_path, monkeypatch, count=1)
    info = get_workbook(db, old)
    delete_workbook(db, old)
    time.sleep(0.01)  # created_at is to the millisecond
    new = fill(db, "New Owner", "new owner's aim", "new owner's carpathianheron note")
    assert new == old  # SQLite gave the number out again
    monkeypatch.setattr(backups, "_now", lambda: NOW + timedelta(days=1))
    make_backup(db, db_path, reason="auto")
    paths = [b.path for b in list_backups(db_path)]

    report = remove_workbook_from_backups(db_path, info)
    assert len(report.cleaned) == 1 and report.untouched == 1
    assert "1 backup held nothing to remove; it was left alone." in report.summary()
    assert in_any(paths, b"byzantinepelican") == []
    assert len(in_any(paths, b"carpathianheron")) == 1  # the new one, in the newer backup


def test_a_renamed_workbook_is_still_found_in_older_backups(db, db_path, monkeypatch):
    from workbook.door import rename_workbook

    gone = make_pair(db)
    paths = take_backups(db, db_path, monkeypatch, count=1)
    rename_workbook(db, gone, "Renamed Later")
    info = get_workbook(db, gone)
    delete_workbook(db, gone)
    remove_workbook_from_backups(db_path, info)
    assert in_any(paths, b"zeppelinfortnight") == []


def test_no_backups_is_nothing_to_do(db, db_path, workbook_id):
    info = get_workbook(db, workbook_id)
    report = remove_workbook_from_backups(db_path, info)
    assert report.ok and report.checked == 0
    assert report.summary() == "There are no backups, so there was nothing to clean."


# ---- everything deleted ---------------------------------------------------------------


def test_purge_removes_deleted_workbooks_and_entries_but_keeps_edits(db, db_path, monkeypatch):
    kept = fill(db, "Sam Kept", "aim to keep teaching", "the kept wombatlantern entry")
    gone = fill(db, *[text.decode() for text in GONE])
    doomed = door.add_row(
        db, "journal_entries", kept, kind="energy", body="entry deleted later ptarmiganfog"
    ).row_id
    edited = door.add_row(
        db, "journal_entries", kept, kind="reflection", body="first draft of narwhalorchard"
    ).row_id
    goal = door.add_row(db, "goals", kept, title="kept goal").row_id
    action = door.add_row(db, "actions", goal, title="dropped action okapilantern").row_id
    paths = take_backups(db, db_path, monkeypatch)

    delete_workbook(db, gone)
    door.delete_row(db, "journal_entries", doomed)
    door.delete_row(db, "actions", action)
    door.update_row(db, "journal_entries", edited, "body", "second draft")
    report = purge_deleted_text(db_path, db)

    assert report.ok and len(report.cleaned) == 3
    assert report.rows_removed == 3 * (6 + 2)
    for text in [*GONE, b"ptarmiganfog", b"okapilantern"]:
        assert in_any(paths, text) == [], text
    for text in [*KEPT, b"kept goal"]:
        assert len(in_any(paths, text)) == 3, text
    # Only edited, not deleted: an earlier version is what a backup is for.
    assert len(in_any(paths, b"first draft of narwhalorchard")) == 3
    assert_sound(paths)


def test_an_entry_number_given_to_another_workbook_is_another_entry(db, db_path, monkeypatch):
    first = fill(db, "First", "first aim", "first note")
    second = fill(db, "Second", "second aim", "second note")
    row = door.add_row(
        db, "journal_entries", first, kind="reflection", body="soon gone quetzalmarch"
    ).row_id
    paths = take_backups(db, db_path, monkeypatch, count=1)
    door.delete_row(db, "journal_entries", row)
    again = door.add_row(db, "journal_entries", second, kind="reflection", body="new").row_id
    assert again == row

    purge_deleted_text(db_path, db)
    assert in_any(paths, b"quetzalmarch") == []
    assert in_any(paths, b"second note") and in_any(paths, b"first note")


def test_a_workbook_number_given_again_is_another_workbook(db, db_path, monkeypatch):
    fill(db, "Sam Kept", "aim to keep teaching", "the kept wombatlantern entry")
    old = fill(db, "Old Owner", "old owner's aim", "old owner's byzantinepelican note")
    paths = take_backups(db, db_path, monkeypatch, count=1)
    delete_workbook(db, old)
    time.sleep(0.01)
    assert fill(db, "New Owner", "new aim", "new carpathianheron note") == old

    purge_deleted_text(db_path, db)
    assert in_any(paths, b"byzantinepelican") == []
    assert in_any(paths, b"wombatlantern")


def test_purge_with_nothing_deleted_changes_no_content(db, db_path, monkeypatch):
    make_pair(db)
    paths = take_backups(db, db_path, monkeypatch, count=2)
    report = purge_deleted_text(db_path, db)
    assert report.ok and len(report.cleaned) == 2 and report.rows_removed == 0
    assert report.summary() == "Cleaned 2 backups; they held no deleted entries."
    for text in GONE + KEPT:
        assert len(in_any(paths, text)) == 2


def test_a_backup_from_before_the_search_index_is_cleaned_too(db_path, tmp_path):
    """A before-migration backup has an older schema: no search index, fewer columns."""
    from tests.conftest import DATA

    folder = backup_dir(db_path)
    folder.mkdir(parents=True, mode=0o700)
    target = folder / f"{db_path.stem}-20300101-000000Z-before-migration-to-v4.sqlite3"
    target.write_bytes((DATA / "schema1.sqlite3").read_bytes())
    os.chmod(target, 0o600)
    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    names = [row[0] for row in conn.execute("SELECT name FROM workbooks")]
    conn.close()
    assert names

    live = open_database(db_path)  # an empty live file: every workbook was deleted
    try:
        report = purge_deleted_text(db_path, live)
    finally:
        live.close()
    assert report.ok and len(report.cleaned) == 1 and report.rows_removed >= len(names)
    for name in names:
        assert name.encode() not in target.read_bytes()
    inspect(target, full_check=True)


# ---- backups that cannot be cleaned ---------------------------------------------------


def test_a_damaged_or_empty_backup_is_left_alone_and_reported(db, db_path, deleted, tmp_path):
    info, paths = deleted
    folder = backup_dir(db_path)
    damaged = folder / f"{db_path.stem}-20290101-000000Z-auto.sqlite3"
    make_damaged(tmp_path / "damaged.sqlite3")
    damaged.write_bytes((tmp_path / "damaged.sqlite3").read_bytes())
    empty = folder / f"{db_path.stem}-20290102-000000Z-auto.sqlite3"
    empty.write_bytes(b"")
    before = sha256(damaged)

    report = remove_workbook_from_backups(db_path, info)
    assert not report.ok
    assert len(report.cleaned) == 3 and report.checked == 5
    assert sha256(damaged) == before and empty.read_bytes() == b""
    reasons = dict(report.not_cleaned)
    assert "damaged" in reasons[damaged] and reasons[empty] == "it is empty"
    summary = report.summary()
    assert f"Could not clean the backup {damaged.name}: it is damaged" in summary
    assert "It was left as it was" in summary
    assert in_any(paths, b"zeppelinfortnight") == []


def test_a_cleaned_copy_that_cannot_be_put_in_place_changes_nothing(
    db, db_path, deleted, monkeypatch
):
    info, paths = deleted
    before = [sha256(path) for path in paths]

    def refuse(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_purge.os, "replace", refuse)
    report = remove_workbook_from_backups(db_path, info)
    monkeypatch.undo()
    assert [sha256(path) for path in paths] == before
    assert len(report.not_cleaned) == 3 and not report.cleaned
    assert "No space left on device" in report.not_cleaned[0][1]
    assert sorted(p.name for p in backup_dir(db_path).iterdir()) == sorted(p.name for p in paths)


# ---- the command ---------------------------------------------------------------------


def run(capsys, *argv):
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_the_command_cleans_every_backup(capsys, db, db_path, deleted):
    _, paths = deleted
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    live_before = sha256(db_path)
    code, out, err = run(capsys, "purge-backups", "--db", db_path)
    assert (code, err) == (EXIT_OK, "")
    assert out == "Cleaned 3 backups, removing 18 entries.\n"
    for text in GONE:
        assert in_any(paths, text) == []
    for text in KEPT:
        assert len(in_any(paths, text)) == 3
    assert sha256(db_path) == live_before  # the live file is only read


def test_the_command_without_a_database_or_backups(capsys, db_path, tmp_path):
    code, out, err = run(capsys, "--db", db_path, "purge-backups")
    assert code == EXIT_PROBLEM and out == ""
    assert err == f"There is no database at {db_path}.\n"
    open_database(db_path).close()
    code, out, err = run(capsys, "--db", db_path, "purge-backups")
    assert (code, err) == (EXIT_OK, "")
    assert out == "There are no backups, so there was nothing to clean.\n"


def test_the_command_reports_a_backup_it_could_not_clean(capsys, db, db_path, deleted):
    _, paths = deleted
    broken = backup_dir(db_path) / f"{db_path.stem}-20290101-000000Z-auto.sqlite3"
    broken.write_bytes(os.urandom(8192))
    code, out, err = run(capsys, "purge-backups", "--db", db_path)
    assert code == EXIT_PROBLEM
    assert out == "Cleaned 3 backups, removing 18 entries.\n"
    assert err.startswith(f"Could not clean the backup {broken.name}: it is not a Career")
    assert in_any(paths, b"zeppelinfortnight") == []


def test_the_command_refuses_a_damaged_live_file_and_changes_no_backup(
    capsys, db_path, tmp_path, monkeypatch
):
    db = open_database(db_path)
    make_pair(db)
    paths = take_backups(db, db_path, monkeypatch, count=2)
    db.close()
    before = [sha256(path) for path in paths]
    make_damaged(db_path)  # a damaged file could read as if everything were deleted
    code, out, err = run(capsys, "purge-backups", "--db", db_path)
    assert code == EXIT_PROBLEM and out == ""
    assert "damaged" in err
    assert [sha256(path) for path in paths] == before


# ---- the window ----------------------------------------------------------------------


@pytest.fixture
def answers(confirmations, monkeypatch):
    """Each question answered with the next button named in `answers.queue`; a warning is
    kept among the questions asked."""
    warned = {"title": "warning", "buttons": [], "default": None}
    monkeypatch.setattr(
        QMessageBox, "warning", lambda *a, **k: confirmations.asked.append(warned | {"text": a[2]})
    )
    return confirmations


def window_with_backups(open_window, monkeypatch):
    window = open_window()
    db = window.session.db
    make_pair(db)
    take_backups(db, window.session.path, monkeypatch, count=2)
    gone = [w.id for w in list_workbooks(db) if w.name == GONE[0].decode()][0]
    window.load_workbook(gone)
    return window, [b.path for b in list_backups(window.session.path)]


def test_deleting_offers_to_remove_it_from_the_backups(open_window, monkeypatch, answers):
    window, paths = window_with_backups(open_window, monkeypatch)
    answers.queue += ["Delete", "Remove from backups"]
    window.workbooks.delete_current()

    titles = [question["title"] for question in answers.asked]
    assert titles == ["Delete workbook", "Remove from the backups too?"]
    offer = answers.asked[1]
    assert (
        "2 backups still hold a full copy of it, private journal entries included" in offer["text"]
    )
    assert offer["default"] == "Cancel"  # the way back stays, unless asked
    for text in GONE:
        assert in_any(paths, text) == [], text
    for text in KEPT:
        assert len(in_any(paths, text)) == 2
    assert window.statusBar().currentMessage() == "Cleaned 2 backups, removing 12 entries."
    assert window.switcher.currentText() == "Sam Kept"


def test_declining_the_offer_keeps_the_backups_as_they_were(open_window, monkeypatch, answers):
    window, paths = window_with_backups(open_window, monkeypatch)
    before = [sha256(path) for path in paths]
    answers.queue += ["Delete", "Cancel"]
    window.workbooks.delete_current()
    assert len(answers.asked) == 2
    assert [sha256(path) for path in paths] == before
    assert len(in_any(paths, b"zeppelinfortnight")) == 2


def test_with_no_backups_deleting_asks_once(open_window, answers):
    window = open_window()
    window.workbooks.start_empty()
    answers.queue.append("Delete")
    window.workbooks.delete_current()
    assert len(answers.asked) == 1


def test_the_menu_item_removes_deleted_text_from_every_backup(open_window, monkeypatch, answers):
    window, paths = window_with_backups(open_window, monkeypatch)
    answers.queue += ["Delete", "Cancel"]
    window.workbooks.delete_current()  # the offer to clean the backups at once is declined
    assert len(in_any(paths, b"zeppelinfortnight")) == 2

    [action] = [
        a
        for a in window.menuBar().actions()[0].menu().actions()
        if a.text() == "Remove deleted &text from backups…"
    ]
    assert action.isEnabled()
    answers.queue.append("Remove")
    action.trigger()
    question = answers.asked[-1]
    assert question["title"] == "Remove deleted text from backups"
    assert (
        "Remove from 2 backups every workbook and entry that is no longer in this file"
        in question["text"]
    )
    assert question["default"] == "Cancel"
    for text in GONE:
        assert in_any(paths, text) == [], text
    assert "Cleaned 2 backups" in window.statusBar().currentMessage()


def test_the_menu_item_can_be_cancelled(open_window, monkeypatch, answers):
    window, paths = window_with_backups(open_window, monkeypatch)
    before = [sha256(path) for path in paths]
    answers.queue.append("Cancel")
    window.backups.purge()
    assert len(answers.asked) == 1
    assert [sha256(path) for path in paths] == before
