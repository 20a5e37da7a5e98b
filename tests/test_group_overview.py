"""The coach's anonymous group overview (issue 15, item 4): closed answers of consenting
participants only, nothing below five, "fewer than 5" in any smaller cell, never a name
or a word anyone typed."""

from __future__ import annotations

import json

import pytest

from workbook.content import load_content
from workbook.door import add_journal_entry, duplicate_workbook, set_preference
from workbook.example import add_example
from workbook.group_overview import (
    CLOSE_CALL,
    FEWER,
    MIN_GROUP,
    consenting_ids,
    overview,
    overview_json,
    overview_text,
    set_consent,
)
from workbook.queries import get_workbook

CONTENT = load_content()
MARKER = "Quokka-marker-5521"


@pytest.fixture
def room(db):
    """Six copies of the example, each with a typed marker, none consenting yet."""
    first = add_example(db)
    add_journal_entry(db, first, "reflection", MARKER)
    ids = [first]
    for _ in range(5):
        ids.append(duplicate_workbook(db, first).workbook_id)
    return ids


def test_nothing_is_shown_below_five_consenting_participants(db, room):
    for workbook_id in room[: MIN_GROUP - 1]:
        assert set_consent(db, workbook_id, True)
    found = overview(db, CONTENT)
    assert found.participants == MIN_GROUP - 1 and not found.enough
    assert "shows nothing until at least 5" in overview_text(found)
    assert set(overview_json(found)) == {"participants", "enough", "minimum", "skipped_locked"}


def test_five_consenting_participants_are_counted_by_closed_answers(db, room):
    for workbook_id in room[:MIN_GROUP]:
        set_consent(db, workbook_id, True)
    assert not set_consent(db, room[0], True)  # already counted: nothing changes
    found = overview(db, CONTENT)
    assert found.enough and found.participants == 5
    assert [(c.label, c.count) for c in found.leanings] == [
        ("Specialist individual contributor", 5)
    ]
    assert ("5 to 10 h", 5) in [(c.label, c.count) for c in found.hours_freed]
    assert ("High stakes, no check named", 5) in [(c.label, c.count) for c in found.flags]
    assert found.first_values[0].count == 5
    assert found.signature_domains and all(c.count == 5 for c in found.signature_domains)


def test_a_small_cell_says_fewer_than_five_and_names_no_one(db, room):
    for workbook_id in room:
        set_consent(db, workbook_id, True)
    # One person now answers every statement as a manager would: alone in that cell.
    manager = {w.target for w in CONTENT.paths["manager"].weights if w.weight > 0}
    for statement in CONTENT.preferences:
        set_preference(db, room[-1], statement, 5 if statement in manager else 1)
    found = overview(db, CONTENT)
    cells = {c.label: c for c in found.leanings}
    assert found.participants == 6
    assert cells["Specialist individual contributor"].count == 5
    assert cells["People manager"].count is None and cells["People manager"].shown == FEWER
    assert CLOSE_CALL not in cells
    text = overview_text(found) + json.dumps(overview_json(found))
    assert FEWER in text
    for workbook_id in room:
        assert get_workbook(db, workbook_id).name not in text
    assert MARKER not in text and "Nadia" not in text


def test_withdrawing_consent_and_locked_workbooks_are_left_out(db, room):
    for workbook_id in room:
        set_consent(db, workbook_id, True)
    set_consent(db, room[0], False)
    assert room[0] not in consenting_ids(db)
    found = overview(db, CONTENT, skip={room[1]})
    assert found.participants == 4 and found.skipped_locked == 1 and not found.enough


def test_the_command_line_gives_consent_and_prints_the_overview(tmp_path, capsys):
    from ui.cli import main
    from workbook.session import Session

    path = tmp_path / "room.sqlite3"
    session = Session.open(path)
    first = add_example(session.db)
    for _ in range(4):
        duplicate_workbook(session.db, first)
    names = [row[0] for row in session.db.execute("SELECT name FROM workbooks ORDER BY id")]
    session.close()
    db = ["--db", str(path)]
    for name in names[:4]:
        assert main([*db, "consent", name, "yes"]) == 0
    assert main([*db, "overview"]) == 1
    assert "shows nothing until at least 5" in capsys.readouterr().err
    assert main([*db, "consent", names[4], "yes"]) == 0
    capsys.readouterr()
    assert main([*db, "overview", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["participants"] == 5 and printed["leanings"][0]["count"] == 5
    assert main([*db, "overview"]) == 0
    text = capsys.readouterr().out
    assert "Group overview of 5 participants" in text
    assert not any(name in text for name in names)
    assert main([*db, "consent", names[0], "no"]) == 0
    assert main([*db, "overview"]) == 1


def test_the_overview_prints_on_one_page_with_no_name_or_text(db, room, tmp_path):
    from pypdf import PdfReader

    from exports.pdf.overview import export_overview

    with pytest.raises(ValueError, match="shows nothing until at least 5"):
        export_overview(overview(db, CONTENT), tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()
    for workbook_id in room:
        set_consent(db, workbook_id, True)
    out = export_overview(overview(db, CONTENT), tmp_path / "group.pdf", title="Spring cohort")
    pages = PdfReader(out).pages
    assert len(pages) == 1
    text = " ".join(pages[0].extract_text().split())
    assert "GROUP OVERVIEW Spring cohort" in text and "6 participants said yes" in text
    assert "Where answers lean" in text and "Specialist individual contributor 6" in text
    assert MARKER not in text and "Nadia" not in text
    for workbook_id in room:
        assert get_workbook(db, workbook_id).name not in text
