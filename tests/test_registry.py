"""The registry of tables and fields: the database, the file and the door all agree with it."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.errors import InvalidEdit
from workbook.fields import REFUSE, Kind
from workbook.registry import BY_NAME, NOT_YET_USED, TABLES
from workbook.rules import rule
from workbook.storage import open_database
from workbook.workbook_file import json_schema
from workbook.workbook_file.shapes import column_check

#: Columns that say where a row belongs rather than what it holds.
STRUCTURE = {"id", "workbook_id", "goal_id"}
#: Tables of the database that hold no workbook answers, so no part of the workbook file:
#: the file's facts, each workbook's name and times, and a PIN's salted hash with its wrong
#: guesses (`workbook.locks`: a lock on this laptop's file, never exported or copied).
OTHER_TABLES = {
    "meta",
    "workbooks",
    "sqlite_sequence",
    "workbook_locks",
    "workshops",
    "workshop_roster",
    "group_contributions",
}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    path: Path = tmp_path_factory.mktemp("fresh") / "fresh.db"
    db = open_database(path)
    yield db
    db.conn.close()


def _default(text):
    """A column's default as SQLite reports it ('' quoted, numbers bare), as a value."""
    if text is None:
        return None
    if text.startswith("'"):
        return text[1:-1].replace("''", "'")
    return float(text) if "." in text else int(text)


def test_the_committed_json_schema_is_the_one_the_registry_makes():
    committed = json_schema.PATH.read_text(encoding="utf-8")
    assert committed == json_schema.schema_text(), (
        "resources/schema/workbook-file.schema.json is out of date: run "
        "`.venv/bin/python -m workbook.workbook_file.json_schema`"
    )


def test_a_freshly_migrated_database_has_every_table_of_the_registry(fresh):
    tables = {
        name
        for (name,) in fresh.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not name.startswith("search_index")
    }
    unused = {table for table, column in NOT_YET_USED if column == "*"}
    assert tables - OTHER_TABLES - unused == set(BY_NAME)


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_each_column_matches_its_field(fresh, table):
    columns = {
        name: (kind, bool(notnull), _default(default))
        for _, name, kind, notnull, default, _ in fresh.execute(f"PRAGMA table_info({table.name})")
    }
    described = {field.name for field in table.fields} | STRUCTURE | {table.key}
    waiting = {column for (name, column) in NOT_YET_USED if name == table.name}
    assert set(columns) - described == waiting, "a column the registry does not describe"
    for field in table.fields:
        assert field.name in columns, f"{table.name}.{field.name} is not in the database"
        kind, notnull, default = columns[field.name]
        assert kind == field.sql_type, field.name
        assert notnull == (not field.nullable), field.name
        if field.default is not None:
            assert default == field.default, field.name
        else:
            assert default is None, field.name


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_each_check_constraint_allows_exactly_the_registrys_choices(fresh, table):
    (sql,) = fresh.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table.name]
    ).fetchone()
    for column, listed in re.findall(r"(\w+) IN \(([^)]*)\)", sql):
        values = [v.strip().strip("'") for v in listed.split(",")]
        choices = [str(choice) for choice in table.field(column).choices]
        assert values == choices, f"{table.name}.{column}"


def test_every_field_has_a_rule_and_every_file_field_a_check():
    for table in TABLES:
        for field in table.fields:
            assert callable(rule(field))
            if field.key and field.kind is not Kind.DOCUMENT:
                assert callable(column_check(field))


# ---- the door and the file agree ---------------------------------------------------------


class _Collect:
    """A walker that only notes whether a check found a problem."""

    content = None

    def __init__(self):
        self.problems = []

    def add(self, where, message):
        self.problems.append(message)


FILE_FIELDS = [
    (table.name, field)
    for table in TABLES
    for field in table.in_file_fields
    if field.kind not in (Kind.ID, Kind.STRENGTH, Kind.DOCUMENT, Kind.MOMENT, Kind.LINKS)
]

values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 1000),
    st.floats(allow_nan=True),
    st.text(max_size=8),
    st.sampled_from(["", "low", "planned", "rating", "2026-02-30", "2026-12-03", 30, 90, "\x00"]),
)


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_what_a_file_may_hold_the_door_stores(data):
    """A value the workbook file's check lets through is one the door accepts: an import
    never holds what the window could not have saved."""
    _, field = data.draw(st.sampled_from(FILE_FIELDS))
    choices = st.sampled_from(field.choices) if field.choices else values
    value = data.draw(st.one_of(values, choices))
    walker = _Collect()
    column_check(field)(walker, value, ("x",))
    if walker.problems:
        return
    if value is None and field.blank is REFUSE:
        return  # the file may say null where the door has no blank (none do today)
    try:
        rule(field)(value)
    except InvalidEdit as refused:
        pytest.fail(f"{field.name}: the file accepts {value!r}, the door says {refused}")


def test_every_table_names_a_step_of_the_journey_and_a_change_says_it():
    from workbook.change import Change
    from workbook.steps import STEPS

    ids = {step.id for step in STEPS}
    for table in TABLES:
        assert table.step in ids, table.name
        assert Change("field", 1, table.name, "x").steps == {table.step}


def test_a_copy_of_a_workbook_copies_every_table_of_the_registry():
    from workbook.door import COPIED_TABLES

    for table in TABLES:
        assert table.name in COPIED_TABLES or table.parent != "workbook_id", table.name


@pytest.mark.parametrize("table", ["profile", "evidence", "journal_entries", "ai_tasks", "goals"])
def test_every_field_in_the_file_is_read_back_by_the_readers(table):
    """The export reads each in-file field off the readers' dataclasses: a field in the
    registry but not in its dataclass would be lost (or crash the export)."""
    from dataclasses import fields

    from workbook import data, model

    cls = {
        "profile": model.Profile,
        "evidence": data.Evidence,
        "journal_entries": data.JournalEntry,
        "ai_tasks": data.Task,
        "goals": data.Goal,
    }[table]
    names = {f.name for f in fields(cls)}
    for field in BY_NAME[table].in_file_fields:
        assert field.name in names, f"{table}.{field.name} is not read into {cls.__name__}"
