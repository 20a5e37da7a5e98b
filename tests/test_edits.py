"""The one door for changes (workbook.edits) and undo/redo (workbook.history)."""

import contextlib
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import set_clock
from workbook.door import COPIED_TABLES as WORKBOOK_TABLES
from workbook.door import (
    MAX_WORKBOOK_NAME,
    Change,
    add_journal_entry,
    create_workbook,
    delete_workbook,
    duplicate_workbook,
    mark_opened,
    new_workbook_name,
    rename_workbook,
    set_profile_field,
    unique_name,
)
from workbook.errors import InvalidEdit, NotFound
from workbook.history import LIMIT, History, set_value
from workbook.model import (
    HORIZONS,
    MAX_LONG_TEXT,
    MAX_SHORT_TEXT,
    MAX_YEARS_EXPERIENCE,
    ROLE_FAMILIES,
    STRENGTH_MODES,
    TRACKS,
    Profile,
)
from workbook.queries import get_workbook, list_workbooks, load_profile
from workbook.registry import PROFILE

PROFILE_FIELDS = PROFILE.names

STAMP = "2031-02-03T04:05:06.789+00:00"


def names(db):
    return [info.name for info in list_workbooks(db)]


def meta_last_change(db):
    row = db.execute("SELECT value FROM meta WHERE key = 'last_change_at'").fetchone()
    return row[0] if row else None


@pytest.fixture
def frozen_stamp(monkeypatch):
    """Every edit stamps STAMP, so 'was it stamped?' needs no clock."""
    set_clock(monkeypatch, lambda: STAMP)
    return STAMP


# ---- filling every table with raw SQL --------------------------------------------------


def fill_every_table(db, wid):
    """One or more rows in every table a workbook owns, written behind the edit functions."""
    run = db.execute
    run(
        "UPDATE profile SET person_name = 'Alex Q', current_role = 'Engineer', "
        "role_family = 'software', years_experience = 7, current_track = 'ic', "
        "aim = 'Lead the platform work', horizon_years = 3 WHERE workbook_id = ?",
        [wid],
    )
    run(
        "INSERT INTO strength_ratings (workbook_id, strength_id, custom_name, custom_description,"
        " proficiency, energy, edge, rank, overuse_note) VALUES (?, 'analysis', NULL, NULL,"
        " 5, 4, 1, 1, 'Over-analyses')",
        [wid],
    )
    run(
        "INSERT INTO strength_ratings (workbook_id, strength_id, custom_name, custom_description,"
        " proficiency, energy, edge, rank) VALUES (?, 'custom-1', 'Calm', 'in a crisis',"
        " 3, 5, 0, 2)",
        [wid],
    )
    run(
        "INSERT INTO evidence (workbook_id, strength_id, situation, action, result, created_at)"
        " VALUES (?, 'analysis', 'outage', 'traced it', 'fixed', '2024-01-02')",
        [wid],
    )
    run(
        "INSERT INTO journal_entries (workbook_id, kind, prompt_id, body, source, energy_level,"
        " entry_date, created_at, updated_at, private) VALUES"
        " (?, 'reflection', 'p1', 'A private thought', '', NULL, '2024-01-03', 'c', 'u', 1),"
        " (?, 'energy', NULL, 'Drained after meetings', '', -2, '2024-01-04', 'c', 'u', 1),"
        " (?, 'feedback', NULL, 'Great demo', 'manager', NULL, '2024-01-05', 'c', 'u', 0)",
        [wid, wid, wid],
    )
    run(
        "UPDATE journal_entries SET links = '[\"strength:analysis\"]' "
        "WHERE workbook_id = ? AND kind = 'feedback'",
        [wid],
    )
    run(
        "INSERT INTO preference_answers (workbook_id, preference_id, agreement) VALUES"
        " (?, 'deep-work', 5), (?, 'people', 2)",
        [wid, wid],
    )
    run(
        "INSERT INTO value_ranks (workbook_id, value_id, rank) VALUES (?, 'mastery', 1), "
        "(?, 'balance', 2)",
        [wid, wid],
    )
    run(
        "INSERT INTO context_answers (workbook_id, question_id, answer) VALUES (?, 'team', 'six')",
        [wid],
    )
    run(
        "INSERT INTO futures (workbook_id, path_id, title, story, questions, resources, liking,"
        " confidence, coherence, prototype) VALUES (?, 'ic', 'Staff', 'story', 'q', 3, 4, 2, 5,"
        " 'pair')",
        [wid],
    )
    run("INSERT INTO edge_notes (workbook_id, edge_statement) VALUES (?, 'I untangle')", [wid])
    run("INSERT INTO plan_notes (workbook_id, plan_start) VALUES (?, '2024-02-01')", [wid])
    run(
        "INSERT INTO ai_tasks (workbook_id, position, library_task_id, name, hours_per_week,"
        " mode, ai_share, tool, validation, review_hours, stakes, agency) VALUES"
        " (?, 0, 'reports', 'Weekly report', 3.5, 'automate', 0.8, 'LLM', 'spot-check', 0.5,"
        " 'low', 4)",
        [wid],
    )
    run(
        "INSERT INTO orchestration_ratings (workbook_id, skill_id, rating) VALUES (?, 'spec', 3)",
        [wid],
    )
    run(
        "INSERT INTO reinvestments (workbook_id, hours, target_kind, target_id, note) VALUES"
        " (?, 2.0, 'strength', 'analysis', 'more modelling')",
        [wid],
    )
    goal_ids = []
    for position, title in enumerate(["Lead a project", "Mentor two people"]):
        goal_ids.append(
            run(
                "INSERT INTO goals (workbook_id, position, title, measure, target_date, links,"
                " commitment, grow_notes) VALUES (?, ?, ?, 'shipped', '2025-06-30', '[\"a\"]',"
                ' 4, \'{"goal": "x"}\')',
                [wid, position, title],
            ).lastrowid
        )
    run(
        "INSERT INTO actions (goal_id, position, title, kind, due_date, status) VALUES"
        " (?, 0, 'Volunteer for migration', 'experience', '2025-02-01', 'planned'),"
        " (?, 1, 'Ask for a sponsor', 'others', NULL, 'done'),"
        " (?, 0, 'Coaching course', 'formal', '2025-03-01', 'planned')",
        [goal_ids[0], goal_ids[0], goal_ids[1]],
    )
    run("INSERT INTO milestones (workbook_id, day, text, done) VALUES (?, 30, 'm30', 1)", [wid])
    run("INSERT INTO milestones (workbook_id, day, text, done) VALUES (?, 90, 'm90', 0)", [wid])
    run(
        "INSERT INTO support_requests (workbook_id, source, request) VALUES (?, 'manager', 'time')",
        [wid],
    )
    run(
        "INSERT INTO conversation_questions (workbook_id, position, library_id, text) VALUES"
        " (?, 0, 'q1', 'What does good look like?')",
        [wid],
    )
    run(
        "INSERT INTO rating_snapshots (workbook_id, taken_at, data) VALUES (?, '2024-01-01', '{}')",
        [wid],
    )
    return goal_ids


def table_rows(db, table, wid):
    """A workbook's rows of one table, without their ids, in a stable order."""
    columns = [c.name for c in db[table].columns if c.name not in ("id", "workbook_id")]
    rows = db.execute(
        f"SELECT {', '.join(columns)} FROM {table} WHERE workbook_id = ?", [wid]
    ).fetchall()
    return sorted(rows, key=repr)


def action_rows(db, wid):
    """A workbook's actions with the title of the goal each hangs off."""
    rows = db.execute(
        "SELECT g.title, a.position, a.title, a.kind, a.due_date, a.status FROM actions a"
        " JOIN goals g ON g.id = a.goal_id WHERE g.workbook_id = ?",
        [wid],
    ).fetchall()
    return sorted(rows, key=repr)


def everything(db, wid):
    return {table: table_rows(db, table, wid) for table in WORKBOOK_TABLES} | {
        "actions": action_rows(db, wid)
    }


# ---- create -----------------------------------------------------------------------------


def test_create_adds_a_workbook_with_an_empty_profile(db, frozen_stamp):
    change = create_workbook(db, "  Alex   Morgan ")
    assert isinstance(change, Change)
    assert change.kind == "created"
    assert change.table == "workbooks"
    assert change.after == "Alex Morgan"  # spaces tidied
    assert not change.undoable
    info = get_workbook(db, change.workbook_id)
    assert info.name == "Alex Morgan"
    assert info.created_at == info.updated_at == info.last_opened_at == frozen_stamp
    assert load_profile(db, change.workbook_id) == Profile(change.workbook_id)
    assert db.execute("SELECT count(*) FROM profile").fetchone()[0] == 1
    assert meta_last_change(db) == frozen_stamp


@pytest.mark.parametrize("name", ["", "   ", "\t\n", None, 42, ["Alex"]])
def test_create_refuses_a_missing_name(db, name):
    with pytest.raises(InvalidEdit) as refused:
        create_workbook(db, name)
    assert refused.value.message == "A workbook needs a name."
    assert names(db) == []
    assert meta_last_change(db) is None


def test_create_refuses_a_name_that_is_too_long(db):
    create_workbook(db, "x" * MAX_WORKBOOK_NAME)  # the longest allowed
    with pytest.raises(InvalidEdit, match=f"to {MAX_WORKBOOK_NAME} characters or fewer"):
        create_workbook(db, "y" * (MAX_WORKBOOK_NAME + 1))
    assert names(db) == ["x" * MAX_WORKBOOK_NAME]


@pytest.mark.parametrize("clash", ["Alex", "alex", "ALEX", " aLeX "])
def test_create_refuses_a_name_already_used_ignoring_case(db, clash):
    create_workbook(db, "Alex")
    with pytest.raises(InvalidEdit) as refused:
        create_workbook(db, clash)
    assert "There is already a workbook called" in refused.value.message
    assert "Choose another name." in refused.value.message
    assert names(db) == ["Alex"]


@pytest.mark.parametrize(
    ("first", "second"), [("Émile", "émile"), ("ÖZLEM", "özlem"), ("Straße", "STRASSE")]
)
def test_names_clash_ignoring_case_beyond_ascii(db, first, second):
    create_workbook(db, first)
    with pytest.raises(InvalidEdit, match="There is already a workbook"):
        create_workbook(db, second)
    assert names(db) == [first]


def test_similar_but_different_names_are_allowed(db):
    for name in ["Alex", "Alex 2", "Alexa", "Al ex"]:
        create_workbook(db, name)
    assert sorted(names(db)) == ["Al ex", "Alex", "Alex 2", "Alexa"]


# ---- unique_name ------------------------------------------------------------------------


def test_unique_name_returns_a_free_name_unchanged(db):
    assert unique_name(db, "Alex") == "Alex"
    assert unique_name(db, "  Alex  Morgan ") == "Alex Morgan"


def test_unique_name_numbers_taken_names_ignoring_case(db):
    create_workbook(db, "Alex")
    assert unique_name(db, "alex") == "alex (2)"
    create_workbook(db, "Alex (2)")
    assert unique_name(db, "ALEX") == "ALEX (3)"
    create_workbook(db, unique_name(db, "Alex"))
    assert names(db) == ["Alex", "Alex (2)", "Alex (3)"]


def test_unique_name_stays_within_the_length_limit(db):
    long = "n" * MAX_WORKBOOK_NAME
    create_workbook(db, long)
    candidate = unique_name(db, long)
    assert len(candidate) == MAX_WORKBOOK_NAME
    assert candidate.endswith(" (2)")
    create_workbook(db, candidate)  # and it is accepted


def test_unique_name_refuses_a_blank_name(db):
    with pytest.raises(InvalidEdit, match="needs a name"):
        unique_name(db, "  ")


def test_a_new_workbook_is_called_my_workbook_numbered_when_taken(db):
    assert new_workbook_name(db) == "My workbook"
    create_workbook(db, new_workbook_name(db))
    assert new_workbook_name(db) == "My workbook (2)"


# ---- rename -----------------------------------------------------------------------------


def test_rename_returns_before_and_after_and_stamps(db, workbook_id, frozen_stamp):
    change = rename_workbook(db, workbook_id, "  Alex   Morgan")
    assert (change.kind, change.table, change.field) == ("field", "workbooks", "name")
    assert (change.before, change.after) == ("Alex", "Alex Morgan")
    assert change.workbook_id == workbook_id
    assert change.undoable
    assert get_workbook(db, workbook_id).name == "Alex Morgan"
    assert get_workbook(db, workbook_id).updated_at == frozen_stamp
    assert meta_last_change(db) == frozen_stamp


def test_rename_to_a_different_case_of_its_own_name_is_allowed(db, workbook_id):
    change = rename_workbook(db, workbook_id, "ALEX")
    assert (change.before, change.after) == ("Alex", "ALEX")
    assert names(db) == ["ALEX"]


def test_rename_refuses_another_workbooks_name_and_changes_nothing(db, workbook_id):
    create_workbook(db, "Sam")
    before = get_workbook(db, workbook_id)
    with pytest.raises(InvalidEdit, match="already a workbook called 'sAM'"):
        rename_workbook(db, workbook_id, "sAM")
    assert get_workbook(db, workbook_id) == before


@pytest.mark.parametrize("bad", ["", "   ", None, "z" * (MAX_WORKBOOK_NAME + 1)])
def test_rename_refuses_bad_names(db, workbook_id, bad):
    with pytest.raises(InvalidEdit):
        rename_workbook(db, workbook_id, bad)
    assert names(db) == ["Alex"]


def test_rename_of_a_missing_workbook_says_so(db):
    with pytest.raises(NotFound, match="no workbook number 999"):
        rename_workbook(db, 999, "Ghost")


# ---- duplicate --------------------------------------------------------------------------


def test_duplicate_copies_every_table_including_goals_and_actions(db, workbook_id):
    fill_every_table(db, workbook_id)
    original = everything(db, workbook_id)
    assert all(original[table] for table in original), "every table should hold something"

    change = duplicate_workbook(db, workbook_id)
    copy_id = change.workbook_id
    assert change.kind == "created"
    assert change.after == "Alex (copy)"
    assert copy_id != workbook_id
    assert everything(db, copy_id) == original
    assert everything(db, workbook_id) == original  # the source is untouched
    assert load_profile(db, copy_id) == Profile(
        copy_id, "Alex Q", "Engineer", "software", 7, "ic", "Lead the platform work", 3
    )


def test_duplicated_actions_hang_off_the_copys_own_goals(db, workbook_id):
    source_goals = set(fill_every_table(db, workbook_id))
    copy_id = duplicate_workbook(db, workbook_id).workbook_id
    copy_goals = {
        row[0]
        for row in db.execute("SELECT id FROM goals WHERE workbook_id = ?", [copy_id]).fetchall()
    }
    assert len(copy_goals) == 2
    assert copy_goals.isdisjoint(source_goals)
    action_goals = {
        row[0]
        for row in db.execute(
            "SELECT goal_id FROM actions WHERE goal_id IN (SELECT id FROM goals WHERE "
            "workbook_id = ?)",
            [copy_id],
        )
    }
    assert action_goals == copy_goals
    assert db.execute("SELECT count(*) FROM actions").fetchone()[0] == 6


def test_a_copy_lives_on_when_its_source_is_deleted(db, workbook_id):
    fill_every_table(db, workbook_id)
    original = everything(db, workbook_id)
    copy_id = duplicate_workbook(db, workbook_id, "Alex, spare").workbook_id
    delete_workbook(db, workbook_id)
    assert everything(db, copy_id) == original
    assert names(db) == ["Alex, spare"]


def test_duplicate_names_the_copy(db, workbook_id):
    assert duplicate_workbook(db, workbook_id).after == "Alex (copy)"
    assert duplicate_workbook(db, workbook_id).after == "Alex (copy) (2)"
    assert duplicate_workbook(db, workbook_id, "Plan B").after == "Plan B"
    assert duplicate_workbook(db, workbook_id, "plan b").after == "plan b (2)"
    assert sorted(names(db), key=str.lower) == [
        "Alex",
        "Alex (copy)",
        "Alex (copy) (2)",
        "Plan B",
        "plan b (2)",
    ]


def test_duplicate_of_a_workbook_with_the_longest_name(db):
    wid = create_workbook(db, "L" * MAX_WORKBOOK_NAME).workbook_id
    first = duplicate_workbook(db, wid).after
    second = duplicate_workbook(db, wid).after
    assert len(first) <= MAX_WORKBOOK_NAME
    assert len(second) <= MAX_WORKBOOK_NAME
    assert first.endswith("(copy)")
    assert len({first, second, "L" * MAX_WORKBOOK_NAME}) == 3


def test_duplicate_stamps_the_file(db, workbook_id, frozen_stamp):
    copy_id = duplicate_workbook(db, workbook_id).workbook_id
    info = get_workbook(db, copy_id)
    assert info.created_at == info.updated_at == frozen_stamp
    assert meta_last_change(db) == frozen_stamp


def test_duplicate_of_a_missing_workbook_adds_nothing(db, workbook_id):
    with pytest.raises(NotFound):
        duplicate_workbook(db, 999)
    assert names(db) == ["Alex"]


# ---- delete -----------------------------------------------------------------------------


def test_delete_cascades_to_every_table_and_spares_other_workbooks(db, workbook_id):
    fill_every_table(db, workbook_id)
    other = create_workbook(db, "Sam").workbook_id
    fill_every_table(db, other)
    kept = everything(db, other)

    change = delete_workbook(db, workbook_id)
    assert change.kind == "deleted"
    assert change.before == "Alex"
    assert not change.undoable
    with pytest.raises(NotFound):
        get_workbook(db, workbook_id)
    for table in WORKBOOK_TABLES:
        left = db.execute(
            f"SELECT count(*) FROM {table} WHERE workbook_id = ?", [workbook_id]
        ).fetchone()[0]
        assert left == 0, table
    orphans = db.execute(
        "SELECT count(*) FROM actions WHERE goal_id NOT IN (SELECT id FROM goals)"
    ).fetchone()[0]
    assert orphans == 0
    assert everything(db, other) == kept
    assert db.execute("SELECT count(*) FROM actions").fetchone()[0] == 3


def test_delete_stamps_the_file_and_refuses_a_missing_workbook(db, workbook_id, monkeypatch):
    set_clock(monkeypatch, lambda: "2032-01-01T00:00:00.000+00:00")
    delete_workbook(db, workbook_id)
    assert meta_last_change(db) == "2032-01-01T00:00:00.000+00:00"
    with pytest.raises(NotFound):
        delete_workbook(db, workbook_id)


# ---- profile fields ---------------------------------------------------------------------

VALID_VALUES = {
    "person_name": ["Alex Morgan", "", "名前", "x" * MAX_SHORT_TEXT],
    "current_role": ["Staff engineer", "  spaced  ", "r" * MAX_SHORT_TEXT],
    "role_family": [option for option, _ in ROLE_FAMILIES],
    "years_experience": [0, 1, 15, MAX_YEARS_EXPERIENCE],
    "current_track": [option for option, _ in TRACKS],
    "aim": ["Grow", "line one\nline two", "a" * MAX_LONG_TEXT],
    "horizon_years": [option for option, _ in HORIZONS],
    "strength_mode": ["rating", "ranking"],
    "decision": ["Whether to lead the new analytics team", "", "d" * MAX_SHORT_TEXT],
    "decide_by": ["2027-03-01", "2026-12-31"],
}

INVALID_VALUES = [
    ("person_name", 5, "must be text"),
    ("person_name", ["Alex"], "must be text"),
    ("person_name", "x" * (MAX_SHORT_TEXT + 1), f"keep it to {MAX_SHORT_TEXT} characters or fewer"),
    ("current_role", 3.5, "must be text"),
    ("current_role", b"bytes", "must be text"),
    ("current_role", "r" * (MAX_SHORT_TEXT + 1), "too long"),
    ("aim", 7, "must be text"),
    ("decision", "d" * (MAX_SHORT_TEXT + 1), "too long"),
    ("decide_by", "next spring", "must be a date written as YYYY-MM-DD"),
    ("decide_by", True, "must be a date"),
    ("aim", "half a pair \ud83d", "broken character"),
    ("aim", "a" * (MAX_LONG_TEXT + 1), f"keep it to {MAX_LONG_TEXT:,} characters or fewer"),
    ("role_family", "astronaut", "'astronaut' is not one of the role families: software, data,"),
    ("role_family", "Software", "not one of the role families"),
    ("role_family", 1, "not one of the role families"),
    ("current_track", "director", "'director' is not one of the tracks: ic, manager, hybrid."),
    ("current_track", "IC", "not one of the tracks"),
    ("horizon_years", 2, "2 is not one of the time horizons: 1, 3, 5."),
    ("horizon_years", 10, "not one of the time horizons"),
    ("horizon_years", "3", "not one of the time horizons"),
    ("horizon_years", True, "not one of the time horizons"),
    ("horizon_years", 3.0, "not one of the time horizons"),
    ("years_experience", -1, f"must be from 0 to {MAX_YEARS_EXPERIENCE}."),
    (
        "years_experience",
        MAX_YEARS_EXPERIENCE + 1,
        f"must be from 0 to {MAX_YEARS_EXPERIENCE}.",
    ),
    ("years_experience", 2.5, "must be a whole number"),
    ("years_experience", 3.0, "must be a whole number"),
    ("years_experience", "5", "must be a whole number"),
    ("years_experience", True, "must be a whole number"),
    ("years_experience", False, "must be a whole number"),
    ("strength_mode", "guessing", "not one of the ways to assess strengths"),
]


def test_every_profile_field_has_valid_and_invalid_cases():
    assert set(VALID_VALUES) == set(PROFILE_FIELDS)
    optional = {"person_name", "strength_mode", "decision", "decide_by"}
    assert set(PROFILE_FIELDS) == set(Profile.REQUIRED) | optional
    assert {field for field, _, _ in INVALID_VALUES} == set(PROFILE_FIELDS)


@pytest.mark.parametrize(
    ("field", "value"),
    [(field, value) for field, values in VALID_VALUES.items() for value in values],
    ids=lambda v: repr(v)[:20],
)
def test_valid_profile_values_are_saved_exactly(db, workbook_id, field, value):
    change = set_profile_field(db, workbook_id, field, value)
    assert getattr(load_profile(db, workbook_id), field) == value
    assert change.after == value
    assert (change.kind, change.table, change.field) == ("field", "profile", field)


@pytest.mark.parametrize(("field", "value", "message"), INVALID_VALUES, ids=lambda v: repr(v)[:20])
def test_invalid_profile_values_are_refused_with_a_plain_message(
    db, workbook_id, field, value, message
):
    set_profile_field(db, workbook_id, "current_role", "Analyst")
    before_profile = load_profile(db, workbook_id)
    before_stamp = (get_workbook(db, workbook_id).updated_at, meta_last_change(db))
    with pytest.raises(InvalidEdit) as refused:
        set_profile_field(db, workbook_id, field, value)
    text = refused.value.message
    assert message in text
    assert "Traceback" not in text
    assert len(text) < 250  # the thirteen role families, listed, are the longest
    assert load_profile(db, workbook_id) == before_profile
    assert (get_workbook(db, workbook_id).updated_at, meta_last_change(db)) == before_stamp


def test_an_unknown_field_is_refused_by_name(db, workbook_id):
    with pytest.raises(InvalidEdit, match="'About you' has no field called 'salary'"):
        set_profile_field(db, workbook_id, "salary", 100)
    with pytest.raises(InvalidEdit):  # not a way into the SQL either
        set_profile_field(db, workbook_id, "aim = 'x'; --", "y")
    assert load_profile(db, workbook_id) == Profile(workbook_id)


@pytest.mark.parametrize(
    ("field", "cleared"),
    [
        ("person_name", ""),
        ("current_role", ""),
        ("aim", ""),
        ("role_family", None),
        ("current_track", None),
        ("horizon_years", None),
        ("years_experience", None),
    ],
)
@pytest.mark.parametrize("blank", [None, ""])
def test_blank_values_clear_a_field(db, workbook_id, field, cleared, blank):
    set_profile_field(db, workbook_id, field, VALID_VALUES[field][0])
    change = set_profile_field(db, workbook_id, field, blank)
    assert change.before == VALID_VALUES[field][0]
    assert change.after == cleared
    assert getattr(load_profile(db, workbook_id), field) == cleared


def test_profile_change_reports_before_and_after(db, workbook_id):
    first = set_profile_field(db, workbook_id, "years_experience", 4)
    second = set_profile_field(db, workbook_id, "years_experience", 9)
    assert (first.before, first.after) == (None, 4)
    assert (second.before, second.after) == (4, 9)
    assert first.undoable and second.undoable
    assert second.workbook_id == workbook_id
    assert second.description


def test_profile_edit_stamps_updated_at_and_last_change(db, workbook_id, frozen_stamp):
    set_profile_field(db, workbook_id, "aim", "Grow")
    assert get_workbook(db, workbook_id).updated_at == frozen_stamp
    assert meta_last_change(db) == frozen_stamp


def test_setting_the_same_value_again_is_not_an_edit(db, workbook_id, monkeypatch):
    set_clock(monkeypatch, lambda: "2030-01-01T00:00:00.000+00:00")
    set_profile_field(db, workbook_id, "aim", "Grow")
    set_clock(monkeypatch, lambda: "2035-01-01T00:00:00.000+00:00")
    change = set_profile_field(db, workbook_id, "aim", "Grow")
    assert (change.before, change.after) == ("Grow", "Grow")
    assert not change.undoable
    assert get_workbook(db, workbook_id).updated_at.startswith("2030")
    assert meta_last_change(db).startswith("2030")


def test_profile_edit_only_touches_its_own_workbook(db, workbook_id):
    other = create_workbook(db, "Sam").workbook_id
    set_profile_field(db, other, "aim", "Sam's aim")
    set_profile_field(db, workbook_id, "aim", "Alex's aim")
    assert load_profile(db, other).aim == "Sam's aim"
    assert load_profile(db, workbook_id).aim == "Alex's aim"


def test_profile_edit_recreates_a_missing_profile_row(db, workbook_id):
    db.execute("DELETE FROM profile WHERE workbook_id = ?", [workbook_id])
    assert load_profile(db, workbook_id) == Profile(workbook_id)
    set_profile_field(db, workbook_id, "current_track", "manager")
    assert load_profile(db, workbook_id).current_track == "manager"


def test_profile_edit_of_a_missing_workbook_says_so(db):
    with pytest.raises(NotFound, match="no workbook number 404"):
        set_profile_field(db, 404, "aim", "x")
    assert db.execute("SELECT count(*) FROM profile").fetchone()[0] == 0
    with pytest.raises(NotFound):
        load_profile(db, 404)


def test_edits_are_committed_at_once(db, db_path, workbook_id):
    set_profile_field(db, workbook_id, "aim", "Committed")
    assert not db.conn.in_transaction
    from workbook.storage import connect

    other = connect(db_path)
    try:
        assert load_profile(other, workbook_id).aim == "Committed"
    finally:
        other.close()


# ---- other edits in the module ----------------------------------------------------------


def test_journal_entry_is_added_and_stamped(db, workbook_id, frozen_stamp):
    change = add_journal_entry(
        db,
        workbook_id,
        "feedback",
        "Clear writing",
        entry_date=date(2024, 5, 6),
        source="peer",
        private=False,
    )
    assert (change.kind, change.table, change.after["body"]) == (
        "added",
        "journal_entries",
        "Clear writing",
    )
    row = db.execute(
        "SELECT workbook_id, kind, body, source, entry_date, private, created_at FROM "
        "journal_entries WHERE id = ?",
        [change.row_id],
    ).fetchone()
    assert row == (workbook_id, "feedback", "Clear writing", "peer", "2024-05-06", 0, frozen_stamp)
    assert meta_last_change(db) == frozen_stamp


def test_journal_entries_are_private_unless_said_otherwise(db, workbook_id):
    row_id = add_journal_entry(db, workbook_id, "reflection", "mine").row_id
    private = db.execute("SELECT private FROM journal_entries WHERE id = ?", [row_id]).fetchone()
    assert private == (1,)


@pytest.mark.parametrize(
    ("kind", "body", "message"),
    [("diary", "x", "'diary' is not one of the kinds of entry: "), ("energy", 5, "must be text")],
)
def test_bad_journal_entries_are_refused(db, workbook_id, kind, body, message):
    with pytest.raises(InvalidEdit, match=message):
        add_journal_entry(db, workbook_id, kind, body)
    assert db.execute("SELECT count(*) FROM journal_entries").fetchone()[0] == 0


def test_mark_opened_is_not_an_edit(db, workbook_id, monkeypatch):
    stamp_before = meta_last_change(db)
    updated_before = get_workbook(db, workbook_id).updated_at
    set_clock(monkeypatch, lambda: "2040-01-01T00:00:00.000+00:00")
    mark_opened(db, workbook_id)
    info = get_workbook(db, workbook_id)
    assert info.last_opened_at == "2040-01-01T00:00:00.000+00:00"
    assert info.updated_at == updated_before
    assert meta_last_change(db) == stamp_before


def test_apply_value_replays_profile_and_name_changes_only(db, workbook_id):
    change = set_profile_field(db, workbook_id, "aim", "New")
    assert set_value(db, change, "Old").after == "Old"
    assert load_profile(db, workbook_id).aim == "Old"
    rename = rename_workbook(db, workbook_id, "Alexandra")
    assert set_value(db, rename, "Alex").after == "Alex"
    with pytest.raises(NotFound, match="cannot be replayed"):
        set_value(db, Change("added", workbook_id, "journal_entries"), "x")


# ---- history ----------------------------------------------------------------------------


def test_undo_and_redo_of_a_profile_edit(db, workbook_id):
    history = History()
    assert not history.can_undo(workbook_id)
    assert history.undo(db, workbook_id) is None
    assert history.redo(db, workbook_id) is None

    history.record(set_profile_field(db, workbook_id, "aim", "First"))
    history.record(set_profile_field(db, workbook_id, "aim", "Second"))
    assert history.can_undo(workbook_id) and not history.can_redo(workbook_id)
    assert history.next_undo(workbook_id).after == "Second"

    undone = history.undo(db, workbook_id)
    assert (undone.before, undone.after) == ("Second", "First")
    assert load_profile(db, workbook_id).aim == "First"
    assert history.can_redo(workbook_id)
    assert history.next_redo(workbook_id).after == "Second"

    history.undo(db, workbook_id)
    assert load_profile(db, workbook_id).aim == ""
    assert not history.can_undo(workbook_id)

    history.redo(db, workbook_id)
    assert load_profile(db, workbook_id).aim == "First"
    redone = history.redo(db, workbook_id)
    assert redone.after == "Second"
    assert load_profile(db, workbook_id).aim == "Second"
    assert not history.can_redo(workbook_id)
    assert history.can_undo(workbook_id)


def test_undo_is_an_edit_that_stamps(db, workbook_id, monkeypatch):
    history = History()
    history.record(set_profile_field(db, workbook_id, "aim", "Grow"))
    set_clock(monkeypatch, lambda: "2033-03-03T03:03:03.000+00:00")
    history.undo(db, workbook_id)
    assert meta_last_change(db) == "2033-03-03T03:03:03.000+00:00"
    assert get_workbook(db, workbook_id).updated_at == "2033-03-03T03:03:03.000+00:00"


def test_a_new_edit_clears_redo(db, workbook_id):
    history = History()
    history.record(set_profile_field(db, workbook_id, "aim", "One"))
    history.record(set_profile_field(db, workbook_id, "aim", "Two"))
    history.undo(db, workbook_id)
    assert history.can_redo(workbook_id)
    history.record(set_profile_field(db, workbook_id, "current_role", "Lead"))
    assert not history.can_redo(workbook_id)
    assert history.redo(db, workbook_id) is None
    assert load_profile(db, workbook_id).aim == "One"


def test_stacks_are_kept_per_workbook(db, workbook_id):
    other = create_workbook(db, "Sam").workbook_id
    history = History()
    history.record(set_profile_field(db, workbook_id, "aim", "Alex aim"))
    history.record(set_profile_field(db, other, "aim", "Sam aim"))
    history.undo(db, other)
    assert history.can_redo(other)
    assert load_profile(db, workbook_id).aim == "Alex aim"
    assert load_profile(db, other).aim == ""
    # A new edit in Alex's workbook leaves Sam's redo alone.
    history.record(set_profile_field(db, workbook_id, "current_role", "Lead"))
    assert history.can_redo(other)
    assert not history.can_redo(workbook_id)
    history.redo(db, other)
    assert load_profile(db, other).aim == "Sam aim"
    history.forget(other)
    assert not history.can_undo(other) and not history.can_redo(other)
    assert history.can_undo(workbook_id)


def test_unchanged_fields_and_new_workbooks_are_not_recorded(db, workbook_id):
    history = History()
    set_profile_field(db, workbook_id, "aim", "Same")
    history.record(set_profile_field(db, workbook_id, "aim", "Same"))
    other = create_workbook(db, "Sam")
    history.record(other)
    assert not history.can_undo(workbook_id) and not history.can_undo(other.workbook_id)
    assert history.next_undo(workbook_id) is None


def test_undo_and_redo_of_a_rename(db, workbook_id):
    history = History()
    history.record(rename_workbook(db, workbook_id, "Alexandra"))
    history.undo(db, workbook_id)
    assert get_workbook(db, workbook_id).name == "Alex"
    history.redo(db, workbook_id)
    assert get_workbook(db, workbook_id).name == "Alexandra"


def test_a_refused_undo_keeps_the_change_for_later(db, workbook_id):
    history = History()
    history.record(rename_workbook(db, workbook_id, "Alexandra"))
    blocker = create_workbook(db, "alex").workbook_id  # takes the old name meanwhile
    with pytest.raises(InvalidEdit, match="already a workbook"):
        history.undo(db, workbook_id)
    assert get_workbook(db, workbook_id).name == "Alexandra"
    assert history.can_undo(workbook_id)
    assert not history.can_redo(workbook_id)
    delete_workbook(db, blocker)
    history.undo(db, workbook_id)
    assert get_workbook(db, workbook_id).name == "Alex"


def test_undo_of_a_deleted_workbook_says_so(db, workbook_id):
    history = History()
    history.record(set_profile_field(db, workbook_id, "aim", "Gone soon"))
    delete_workbook(db, workbook_id)
    with pytest.raises(NotFound):
        history.undo(db, workbook_id)


def test_history_keeps_the_last_limit_edits(db, workbook_id):
    history = History()
    for n in range(LIMIT + 5):
        history.record(set_profile_field(db, workbook_id, "aim", f"v{n}"))
    undone = 0
    while history.undo(db, workbook_id) is not None:
        undone += 1
    assert undone == LIMIT
    assert load_profile(db, workbook_id).aim == "v4"


# ---- properties -------------------------------------------------------------------------

TEXT_FIELDS = {
    "person_name": MAX_SHORT_TEXT,
    "current_role": MAX_SHORT_TEXT,
    "decision": MAX_SHORT_TEXT,
    "aim": 2000,
}
#: Any text but NUL, which no answer may hold; a name holds no control character at all.
ANY_TEXT = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
ONE_LINE = st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\u2028\u2029")


def text_for(field, **size):
    return st.text(ONE_LINE if field == "person_name" else ANY_TEXT, **size)


def valid_value(field):
    if field in TEXT_FIELDS:
        return text_for(field, max_size=TEXT_FIELDS[field])
    if field == "years_experience":
        return st.none() | st.integers(0, MAX_YEARS_EXPERIENCE)
    if field == "decide_by":
        return st.none() | st.dates().map(date.isoformat)
    if field == "strength_mode":  # never empty: None means the default, "rating"
        return st.sampled_from([option for option, _ in STRENGTH_MODES])
    options = {"role_family": ROLE_FAMILIES, "current_track": TRACKS, "horizon_years": HORIZONS}
    return st.none() | st.sampled_from([option for option, _ in options[field]])


valid_edit = st.sampled_from(sorted(PROFILE_FIELDS)).flatmap(
    lambda field: st.tuples(st.just(field), valid_value(field))
)


def invalid_value(field):
    if field == "decide_by":
        return st.one_of(
            st.sampled_from(["next spring", "2027-02-30", "01/03/2027"]), st.floats(), st.booleans()
        )
    if field in ("person_name", "current_role", "decision"):
        refused = [
            st.integers(),
            st.floats(),
            st.lists(st.text(), max_size=2),
            st.text(min_size=MAX_SHORT_TEXT + 1, max_size=MAX_SHORT_TEXT + 20),
            st.text(max_size=5).map(lambda t: t + "\x00"),
        ]
        if field == "person_name":  # a name is one line of visible text
            refused.append(st.sampled_from(["Sam\tLee", "Sam\nLee", "Sam\x1b[31m", "Sam\u2028"]))
        return st.one_of(*refused)
    if field == "aim":
        return st.one_of(
            st.integers(), st.booleans(), st.binary(max_size=5), st.just("line one\n\x00")
        )
    if field == "years_experience":
        return st.one_of(
            st.integers(max_value=-1),
            st.integers(min_value=MAX_YEARS_EXPERIENCE + 1),
            st.floats(),
            st.booleans(),
            st.text(min_size=1),
        )
    options = {
        "role_family": ROLE_FAMILIES,
        "current_track": TRACKS,
        "horizon_years": HORIZONS,
        "strength_mode": STRENGTH_MODES,
    }
    ids = [option for option, _ in options[field]]
    return st.one_of(
        st.text(min_size=1), st.integers(), st.floats(), st.booleans(), st.lists(st.integers())
    ).filter(lambda v: not (type(v) is type(ids[0]) and v in ids))


invalid_edit = st.sampled_from(sorted(PROFILE_FIELDS)).flatmap(
    lambda field: st.tuples(st.just(field), invalid_value(field))
)

FIXTURE_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FIXTURE_SETTINGS
@given(data=st.data(), field=st.sampled_from(sorted(TEXT_FIELDS)))
def test_any_text_is_saved_and_loaded_exactly(db, workbook_id, data, field):
    text = data.draw(text_for(field))[: TEXT_FIELDS[field]]
    set_profile_field(db, workbook_id, field, text)
    assert getattr(load_profile(db, workbook_id), field) == text


@FIXTURE_SETTINGS
@given(
    start=st.lists(valid_edit, max_size=7),
    steps=st.lists(st.one_of(valid_edit, invalid_edit), max_size=15),
)
def test_undoing_every_edit_restores_the_original_profile(db, start, steps):
    wid = create_workbook(db, unique_name(db, "Property")).workbook_id
    for field, value in start:
        set_profile_field(db, wid, field, value)
    original = load_profile(db, wid)

    history = History()
    for field, value in steps:
        with contextlib.suppress(InvalidEdit):  # refused edits are not recorded
            history.record(set_profile_field(db, wid, field, value))
    while history.can_undo(wid):
        history.undo(db, wid)
    assert load_profile(db, wid) == original


@FIXTURE_SETTINGS
@given(start=st.lists(valid_edit, max_size=7), bad=invalid_edit)
def test_invalid_values_never_change_the_stored_profile(db, start, bad):
    wid = create_workbook(db, unique_name(db, "Property")).workbook_id
    for field, value in start:
        set_profile_field(db, wid, field, value)
    before = load_profile(db, wid)
    stamps = (get_workbook(db, wid).updated_at, meta_last_change(db))
    field, value = bad
    with pytest.raises(InvalidEdit):
        set_profile_field(db, wid, field, value)
    assert load_profile(db, wid) == before
    assert (get_workbook(db, wid).updated_at, meta_last_change(db)) == stamps
