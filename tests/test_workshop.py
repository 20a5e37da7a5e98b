"""A coach's workshops (issue 15, item 1): a name, a day, a roster, and an agenda copied
from a template that the coach may edit, every edit held to the template file's rules."""

from __future__ import annotations

import pytest

from workbook.content.workshops import AgendaProblem, agenda_document, load_templates
from workbook.door import create_workbook, delete_workbook
from workbook.errors import InvalidEdit
from workbook.workshop import (
    add_participant,
    create_workshop,
    delete_workshop,
    list_workshops,
    load_workshop,
    remove_participant,
    rename_workshop,
    set_agenda,
    set_day,
)


def test_a_workshop_starts_from_a_copy_of_its_template(db):
    wid = create_workshop(db, "  Team  day ", "three_futures", "2027-01-14")
    found = load_workshop(db, wid)
    assert found.name == "Team day" and found.held_on == "2027-01-14"
    assert found.agenda == load_templates()["three_futures"] and found.roster == ()
    assert list_workshops(db) == [(wid, "Team day", "2027-01-14")]


def test_the_coach_retimes_and_rewords_the_copy_and_the_template_stays(db):
    wid = create_workshop(db, "Day", "strengths_90")
    agenda = load_workshop(db, wid).agenda
    first = agenda.exercises[0]._replace(minutes=15, title="Why we are here")
    edited = agenda._replace(name="Strengths, our way", exercises=(first, *agenda.exercises[2:]))
    set_agenda(db, wid, edited)
    stored = load_workshop(db, wid).agenda
    assert stored.name == "Strengths, our way" and stored.exercises[0].minutes == 15
    assert len(stored.exercises) == len(agenda.exercises) - 1
    assert load_templates()["strengths_90"].exercises[0].minutes == 10


def test_an_agenda_that_breaks_a_rule_is_refused_and_nothing_is_stored(db):
    wid = create_workshop(db, "Day", "ai_plan_clinic")
    before = load_workshop(db, wid).agenda
    document = agenda_document(before)
    document["exercises"][0]["minutes"] = 0
    with pytest.raises(AgendaProblem, match="minutes"):
        set_agenda(db, wid, document)
    assert load_workshop(db, wid).agenda == before


def test_the_roster_holds_names_or_aliases_and_outlives_a_deleted_workbook(db):
    wid = create_workshop(db, "Day", "career_conversation")
    book = create_workbook(db, "Sam's workbook").workbook_id
    sam = add_participant(db, wid, "Sam", book)
    add_participant(db, wid, "Table 3")
    assert [(p.alias, p.workbook_id) for p in load_workshop(db, wid).roster] == [
        ("Sam", book),
        ("Table 3", None),
    ]
    delete_workbook(db, book)
    assert load_workshop(db, wid).roster[0].workbook_id is None
    remove_participant(db, sam)
    assert [p.alias for p in load_workshop(db, wid).roster] == ["Table 3"]


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda db, w: add_participant(db, w, "   "), "name or"),
        (lambda db, w: add_participant(db, w, "x" * 81), "80 characters"),
        (lambda db, w: add_participant(db, w, "Sam\tLee"), "one line"),
        (lambda db, w: rename_workshop(db, w, ""), "Give the workshop a name"),
        (lambda db, w: set_day(db, w, "next Tuesday"), "YYYY-MM-DD"),
        (lambda db, w: create_workshop(db, "Day", "no_such_template"), "no agenda template"),
    ],
)
def test_bad_input_is_refused_in_plain_words(db, edit, words):
    wid = create_workshop(db, "Day", "three_futures")
    with pytest.raises(InvalidEdit, match=words):
        edit(db, wid)


def test_deleting_a_workshop_takes_its_roster_and_leaves_workbooks(db):
    wid = create_workshop(db, "Day", "three_futures")
    book = create_workbook(db, "Kept").workbook_id
    add_participant(db, wid, "Kim", book)
    delete_workshop(db, wid)
    assert list_workshops(db) == []
    assert db.execute("SELECT count(*) FROM workshop_roster").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM workbooks WHERE id = ?", [book]).fetchone()[0] == 1


def test_a_hand_off_takes_the_participants_roster_line_with_them(db):
    from workbook.handoff import delete

    wid = create_workshop(db, "Day", "three_futures")
    book = create_workbook(db, "Sam's").workbook_id
    add_participant(db, wid, "Sam Jones", book)
    add_participant(db, wid, "Kim")
    delete(db, book)
    assert [p.alias for p in load_workshop(db, wid).roster] == ["Kim"]
