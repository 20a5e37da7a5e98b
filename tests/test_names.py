"""Names are one line of visible text: a tab, a line break, a NUL or any other control
character in a workbook's name, the person's name or a strength's name is refused, by the
edit door (and so in the window) and by the workbook file's checks, naming the field. No
text at all may hold a NUL; longer answers keep their line breaks and tabs."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QInputDialog, QMessageBox

from tests.test_gui_shell import commit_text
from ui.cli import EXIT_PROBLEM, main
from workbook import door
from workbook.door import (
    CONTROLS_IN_NAME,
    NAME_CONTROLS,
    add_journal_entry,
    create_workbook,
    rename_workbook,
    set_profile_field,
    unique_name,
)
from workbook.errors import InvalidEdit, WorkbookFileProblem
from workbook.queries import get_workbook, list_workbooks, load_profile
from workbook.storage import open_database
from workbook.workbook_file import import_document, validate

WORKBOOK_REFUSAL = (
    "The workbook name cannot contain control characters "
    "(such as a tab, a line break or an invisible NUL)."
)
FILE_REFUSAL = f"{CONTROLS_IN_NAME}; a name is one line of visible text."
NUL_IN_TEXT = "This text holds an invisible NUL character and cannot be saved."
CONTROLLED = ["Sam\x00", "Sam\tLee", "Sam\nLee", "Sam\r", "Sam\x1b[2J", "Sam\x7f", "Sam\x85"]
CONTROLLED += ["Sam\u2028Lee"]  # the line separator: a line break too
# A right-to-left override or an isolate makes a name show as another one ("Sam" and "maS").
CONTROLLED += ["\u202eSam", "Sam\u2066Lee\u2069"]


def names(db):
    return [info.name for info in list_workbooks(db)]


def document(**fields):
    return {"format": "career-workbook-file", "version": 1, "name": "Sam", **fields}


# ---- the door -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", CONTROLLED)
def test_a_workbook_name_with_a_control_character_is_refused(db, name):
    for edit in (create_workbook, unique_name):
        with pytest.raises(InvalidEdit) as refused:
            edit(db, name)
        assert refused.value.message == WORKBOOK_REFUSAL
    assert names(db) == []


@pytest.mark.parametrize("name", CONTROLLED)
def test_a_rename_with_a_control_character_changes_nothing(db, workbook_id, name):
    before = get_workbook(db, workbook_id)
    with pytest.raises(InvalidEdit, match="cannot contain control characters"):
        rename_workbook(db, workbook_id, name)
    assert get_workbook(db, workbook_id) == before


def test_a_blank_name_is_still_called_missing_not_controlled(db):
    with pytest.raises(InvalidEdit, match="A workbook needs a name"):
        create_workbook(db, " \t\n ")


@pytest.mark.parametrize("name", CONTROLLED)
def test_the_persons_name_is_one_line_too(db, workbook_id, name):
    with pytest.raises(InvalidEdit) as refused:
        set_profile_field(db, workbook_id, "person_name", name)
    assert refused.value.message == f"Your name {CONTROLS_IN_NAME}."
    assert load_profile(db, workbook_id).person_name == ""


def test_a_strength_of_ones_own_is_named_on_one_line(db, workbook_id):
    with pytest.raises(InvalidEdit, match="A strength's name cannot contain control"):
        door.add_own_strength(db, workbook_id, "Calm\tunder pressure")
    key = door.add_own_strength(db, workbook_id, "Calm under pressure").key
    with pytest.raises(InvalidEdit, match="A strength's name cannot contain control"):
        door.set_answer(db, "strength_ratings", workbook_id, key, "custom_name", "Calm\x00")
    name = db.execute("SELECT custom_name FROM strength_ratings WHERE strength_id = ?", [key])
    assert name.fetchone()[0] == "Calm under pressure"


def test_long_answers_keep_line_breaks_and_tabs_but_no_text_holds_a_nul(db, workbook_id):
    aim = "First line\n\tindented\r\nthird\x0cpage"
    set_profile_field(db, workbook_id, "aim", aim)
    assert load_profile(db, workbook_id).aim == aim
    for field in ("aim", "current_role"):
        with pytest.raises(InvalidEdit) as refused:
            set_profile_field(db, workbook_id, field, "before\x00after")
        assert refused.value.message == NUL_IN_TEXT
    assert load_profile(db, workbook_id).aim == aim
    with pytest.raises(InvalidEdit, match="NUL"):
        add_journal_entry(db, workbook_id, "reflection", "a\x00b")
    with pytest.raises(InvalidEdit, match="NUL"):
        add_journal_entry(db, workbook_id, "feedback", "Clear", source="Ana\x00")
    with pytest.raises(InvalidEdit, match="NUL"):
        door.add_row(db, "goals", workbook_id, title="Lead\x00")
    assert db.execute("SELECT count(*) FROM journal_entries").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM goals").fetchone()[0] == 0


# ---- the workbook file ----------------------------------------------------------------------


@pytest.mark.parametrize("name", CONTROLLED)
def test_the_file_check_names_the_field_holding_a_control_character(name):
    found = validate(
        document(
            name=name,
            profile={"person_name": name, "aim": "one\ntwo\tthree"},
            ratings={"custom_1": {"custom": True, "name": name}},
        )
    )
    assert found == [
        f"name: {FILE_REFUSAL}",
        f"profile.person_name: {FILE_REFUSAL}",
        f"ratings.custom_1.name: {FILE_REFUSAL}",
    ]


def test_the_file_check_refuses_a_nul_in_any_text_and_keeps_line_breaks():
    nul = "holds an invisible NUL character (\\u0000), which no text may hold."
    found = validate(
        document(
            profile={"current_role": "Nurse\x00", "aim": "one\ntwo\tthree"},
            journal=[
                {"kind": "feedback", "entry_date": "2026-01-02", "body": "ok\n", "source": "A\x00"},
                {"kind": "reflection", "entry_date": "2026-01-03", "body": "x" * 5000 + "\x00"},
            ],
            edge_statement="Línea\x00",
        )
    )
    assert found == [
        f"profile.current_role: {nul}",
        f"journal[0].source: {nul}",
        f"journal[1].body: {nul}",
        f"edge_statement: {nul}",
    ]


def test_an_import_with_a_nul_in_the_name_adds_nothing(db, workbook_id):
    before = names(db)
    with pytest.raises(WorkbookFileProblem) as refused:
        import_document(db, document(name="Sam\u0000"))
    assert refused.value.problems == [f"name: {FILE_REFUSAL}"]
    with pytest.raises(WorkbookFileProblem) as refused:
        import_document(db, document(), name="Sam\tLee")  # a name asked for goes by the door
    assert refused.value.problems == [f"The name asked for: {WORKBOOK_REFUSAL}"]
    assert names(db) == before


def test_the_command_line_import_names_the_field_and_adds_nothing(capsys, tmp_path, db_path):
    db = open_database(db_path)
    create_workbook(db, "Alex")
    db.close()
    file = tmp_path / "sam.json"
    file.write_text(json.dumps(document(name="Sam\u0000")), encoding="utf-8")
    code = main(["--db", str(db_path), "import", str(file)])
    out, err = capsys.readouterr()
    assert code == EXIT_PROBLEM == 1
    assert out == ""
    assert f"name: {FILE_REFUSAL}" in err
    assert "\x00" not in err and "Traceback" not in err
    db = open_database(db_path)
    try:
        assert names(db) == ["Alex"]
    finally:
        db.close()


TRICKY_CHARACTERS = "\x00\t\n\r\x0b\x1b\x7f\x85\x9f\u2028\u2029\u202e\u2067 "
ANY_NAME = st.text(st.characters() | st.sampled_from(TRICKY_CHARACTERS), max_size=20)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=ANY_NAME)
def test_the_door_and_the_file_agree_on_every_name(db, name):
    """A name with a control character is refused both ways, naming the field; one
    without is never refused for its characters."""
    controlled = bool(name.strip()) and NAME_CONTROLS.search(name) is not None
    try:
        unique_name(db, name)
        door = ""
    except InvalidEdit as refused:
        door = refused.message
    problems = validate(document(name=name, profile={"person_name": name}))
    assert (door == WORKBOOK_REFUSAL) is controlled
    assert (f"name: {FILE_REFUSAL}" in problems) is controlled
    assert (f"profile.person_name: {FILE_REFUSAL}" in problems) is (
        NAME_CONTROLS.search(name) is not None
    )


# ---- the window -----------------------------------------------------------------------------


def warnings_shown(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    return shown


def test_renaming_in_the_window_to_a_name_with_a_tab_is_refused(open_window, monkeypatch):
    window = open_window()
    window.workbooks.start_empty()
    shown = warnings_shown(monkeypatch)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Amina\tK.", True))
    window.workbooks.rename_current()
    assert shown == [WORKBOOK_REFUSAL]
    assert window.switcher.currentText() == "My workbook"
    assert names(window.session.db) == ["My workbook"]


def test_a_new_workbook_named_with_a_nul_is_refused(open_window, monkeypatch):
    window = open_window()
    window.workbooks.start_empty()
    shown = warnings_shown(monkeypatch)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Sam\x00", True))
    window.workbooks.new()
    assert shown == [WORKBOOK_REFUSAL]
    assert names(window.session.db) == ["My workbook"]
    assert window.switcher.count() == 1


def test_typing_a_control_character_in_your_name_is_refused_in_the_status_bar(open_window, qtbot):
    window = open_window()
    window.workbooks.start_empty()
    page = window.page("about")
    qtbot.keyClicks(page.person_name, "Sam")
    window.autosaver.flush()
    commit_text(page.person_name, "\x1b[31m")  # as a paste or an input method could
    window.autosaver.flush()
    assert window.statusBar().currentMessage() == f"Your name {CONTROLS_IN_NAME}."
    assert load_profile(window.session.db, window.workbook_id).person_name == "Sam"


def test_names_keep_the_marks_and_joiners_real_names_use(db):
    """Only what reorders or hides text is refused: an Arabic name with a right-to-left
    mark, a Persian one with a zero-width non-joiner and an emoji sequence stay."""
    for name in ("سارة\u200f 2", "مهر\u200cناز", "Sam 👩\u200d💻"):
        assert create_workbook(db, name).after == name
