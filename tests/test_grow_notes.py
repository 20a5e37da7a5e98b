"""A goal's GROW notes: a note per coaching stage (goal, reality, options, will), kept by
the door as one JSON object, read back as a dict, written to and read from the workbook
file, and refused in plain words when they are anything else."""

import json

import pytest

from workbook import door
from workbook import workbook_file as wf
from workbook.content import load_content
from workbook.content.schema import GROW
from workbook.data import load_workbook_data
from workbook.errors import InvalidEdit, WorkbookFileProblem
from workbook.history import History, label
from workbook.queries import list_workbooks
from workbook.registry import NOT_YET_USED


@pytest.fixture
def goal(db, workbook_id):
    return door.add_row(db, "goals", workbook_id, title="Run the forecast").row_id


def notes_of(db, workbook_id):
    (goal,) = load_workbook_data(db, workbook_id).goals
    return goal.grow_notes


def test_the_stages_are_the_contents_and_the_column_is_in_use():
    assert GROW == ("goal", "reality", "options", "will")
    assert ("goals", "grow_notes") not in NOT_YET_USED


def test_a_new_goal_has_no_notes(db, workbook_id, goal):
    assert notes_of(db, workbook_id) == {}


def test_notes_are_saved_in_the_stages_order_and_blank_ones_left_out(db, workbook_id, goal):
    change = door.update_row(
        db, "goals", goal, "grow_notes", {"will": "Ask Sam on Monday", "reality": "", "goal": "X"}
    )
    assert notes_of(db, workbook_id) == {"goal": "X", "will": "Ask Sam on Monday"}
    assert list(notes_of(db, workbook_id)) == ["goal", "will"]
    assert change.before == "{}" and json.loads(change.after) == {
        "goal": "X",
        "will": "Ask Sam on Monday",
    }


def test_a_change_is_one_undo_step(db, workbook_id, goal):
    history = History()
    history.record(door.update_row(db, "goals", goal, "grow_notes", {"reality": "New team"}))
    assert label(history.next_undo(workbook_id)) == "“GROW notes”"
    assert notes_of(db, workbook_id) == {"reality": "New team"}
    history.undo(db, workbook_id)
    assert notes_of(db, workbook_id) == {}


def test_clearing_stores_no_notes(db, workbook_id, goal):
    door.update_row(db, "goals", goal, "grow_notes", {"reality": "New team"})
    door.update_row(db, "goals", goal, "grow_notes", None)
    assert notes_of(db, workbook_id) == {}


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (
            {"mood": "fine"},
            "GROW notes are kept under goal, reality, options, will only, not 'mood'",
        ),
        ({"reality": 3}, "the note under 'reality' must be text"),
        ({"reality": ["a"]}, "the note under 'reality' must be text"),
        ({"will": "x" * 1_000_001}, "too long"),
        ({"will": "a\x00b"}, "NUL"),
        (["reality"], "GROW notes must be notes under goal, reality, options, will"),
        ("not json", "GROW notes must be notes under"),
        (7, "GROW notes must be notes under"),
    ],
)
def test_anything_else_is_refused_in_plain_words(db, workbook_id, goal, value, words):
    door.update_row(db, "goals", goal, "grow_notes", {"goal": "kept"})
    with pytest.raises(InvalidEdit) as refused:
        door.update_row(db, "goals", goal, "grow_notes", value)
    assert words in refused.value.message
    assert notes_of(db, workbook_id) == {"goal": "kept"}


def test_the_workbook_file_round_trips_them(db, workbook_id, goal, tmp_path):
    notes = {"goal": "Lead reviews", "reality": "محللة بيانات\nline two", "will": "👩🏽‍💻"}
    door.update_row(db, "goals", goal, "grow_notes", notes)
    data = load_workbook_data(db, workbook_id)
    document = wf.to_document(data)
    assert document["goals"][0]["grow_notes"] == notes
    path = wf.write_file(data, tmp_path / "out.json")
    assert notes_of(db, wf.import_file(db, path)) == notes


@pytest.mark.parametrize(
    ("notes", "where"),
    [
        ({"mood": "fine"}, "goals[0].grow_notes.mood"),
        ({"reality": 3}, "goals[0].grow_notes.reality"),
        ("reality", "goals[0].grow_notes"),
    ],
)
def test_a_file_with_bad_notes_is_refused_naming_the_field(
    db, workbook_id, goal, tmp_path, notes, where
):
    document = wf.to_document(load_workbook_data(db, workbook_id))
    document["goals"][0]["grow_notes"] = notes
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(document), "utf-8")
    with pytest.raises(WorkbookFileProblem) as refused:
        wf.import_file(db, path)
    assert where in refused.value.message
    assert len(list_workbooks(db)) == 1  # nothing was added


def test_the_coachs_and_the_persons_pdf_print_them_the_managers_does_not(db, workbook_id, goal):
    from tests.test_pdf_readers import pages_of

    content = load_content()
    door.update_row(
        db, "goals", goal, "grow_notes", {"reality": "Sofia checks every forecast", "will": ""}
    )
    data = load_workbook_data(db, workbook_id)
    for reader_id in ("coach", "me"):
        printed = " ".join(pages_of(data, content, reader_id=reader_id))
        assert "MY GROW NOTES: WHERE I STAND" in printed
        assert "Sofia checks every forecast" in printed
        assert "WHAT I WILL DO" not in printed  # an empty note prints nothing
    printed = " ".join(pages_of(data, content, reader_id="manager"))
    assert "Sofia checks" not in printed and "GROW" not in printed
