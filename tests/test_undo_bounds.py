"""The undo history is bounded for the whole session: steps and text, all workbooks together,
the oldest going first, and never what was just done."""

import pytest

from workbook import door
from workbook import history as history_module
from workbook.door import create_workbook, set_profile_field
from workbook.history import History
from workbook.queries import load_profile


def undo_all(history, db, workbook_id):
    undone = 0
    while history.can_undo(workbook_id):
        history.undo(db, workbook_id)
        undone += 1
    return undone


@pytest.fixture
def two(db, workbook_id):
    return workbook_id, create_workbook(db, "Sam").workbook_id


def test_the_session_keeps_max_steps_over_all_workbooks_the_oldest_going_first(
    db, two, monkeypatch
):
    monkeypatch.setattr(history_module, "MAX_STEPS", 10)
    first, second = two
    history = History()
    for n in range(8):
        history.record(set_profile_field(db, first, "aim", f"first {n}"))
    for n in range(6):
        history.record(set_profile_field(db, second, "aim", f"second {n}"))
    # 14 steps recorded, 10 kept: the first workbook's four oldest went.
    assert history.steps == 10
    assert undo_all(history, db, second) == 6
    assert undo_all(history, db, first) == 4
    assert load_profile(db, first).aim == "first 3"
    assert load_profile(db, second).aim == ""


def test_the_session_keeps_max_text_over_all_workbooks(db, two, monkeypatch):
    monkeypatch.setattr(history_module, "MAX_TEXT", 4_500)
    first, second = two
    history = History()
    for workbook_id in (first, second, first, second):
        added = door.journal.add(db, workbook_id, kind="reflection", body="x" * 1_000)
        history.record(door.journal.delete(db, added.row_id))  # each keeps its 1,000
    for n in range(3):
        text = chr(ord("a") + n) * 1_000
        history.record(set_profile_field(db, second, "aim", text))
    # Each profile edit keeps its before and after: 1,000, then 2,000 and 2,000. Past 4,500
    # characters the deletions went, whichever workbook they were in, then the first edit.
    assert history.text <= 4_500
    assert undo_all(history, db, first) == 0
    assert undo_all(history, db, second) == 2
    assert load_profile(db, second).aim == "a" * 1_000


def test_the_step_just_recorded_stays_however_large(db, two, monkeypatch):
    monkeypatch.setattr(history_module, "MAX_TEXT", 100)
    first, second = two
    history = History()
    history.record(set_profile_field(db, first, "aim", "short"))
    history.record(set_profile_field(db, second, "aim", "y" * 1_000))
    assert not history.can_undo(first)
    assert history.can_undo(second) and history.steps == 1
    history.undo(db, second)
    assert load_profile(db, second).aim == ""


def test_redo_steps_count_and_are_dropped_too(db, two, monkeypatch):
    monkeypatch.setattr(history_module, "MAX_STEPS", 4)
    first, second = two
    history = History()
    for n in range(3):
        history.record(set_profile_field(db, first, "aim", f"first {n}"))
    undo_all(history, db, first)  # three steps to redo in the first workbook
    assert history.steps == 3 and history.can_redo(first)
    for n in range(3):
        history.record(set_profile_field(db, second, "aim", f"second {n}"))
    # Six steps, four kept: two of the first workbook's redo steps went, those farthest off.
    assert history.steps == 4
    assert history.redo(db, first) is not None
    assert not history.can_redo(first)
    assert load_profile(db, first).aim == "first 0"


def test_the_counts_follow_undo_redo_a_new_edit_and_forgetting(db, two):
    first, second = two
    history = History()
    for n in range(3):
        history.record(set_profile_field(db, first, "aim", f"v{n}"))
    history.record(set_profile_field(db, second, "aim", "other"))
    history.undo(db, first)
    history.undo(db, first)
    assert history.steps == 4  # undone steps wait to be redone
    history.record(set_profile_field(db, first, "aim", "new"))
    assert history.steps == 3  # a new edit clears what could be redone
    text = history.text
    history.forget(second)
    assert history.steps == 2 and history.text == text - len("other")
