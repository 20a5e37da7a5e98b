"""The window as a person uses it: typing, switching steps and workbooks, undo, reopening."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from tests.conftest import stored_profile
from ui.sidebar import STATUS_ROLE
from workbook.door import create_workbook
from workbook.queries import list_workbooks, load_profile
from workbook.steps import STEPS


def commit_text(widget, text):
    """Type text the way an input method does (QTest can only type ASCII keys)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def sidebar_text(window, step_id):
    index = [s.id for s in STEPS].index(step_id)
    item = window.sidebar.item(index)
    return f"{item.text()}\n{item.data(STATUS_ROLE)}"


def test_first_launch_offers_empty_or_example(open_window, qtbot):
    window = open_window()
    assert window.workbook_id is None
    assert not window.sidebar.isEnabled()
    qtbot.mouseClick(window.welcome.example_button, Qt.MouseButton.LeftButton)
    assert window.workbook_id is not None
    assert window.switcher.currentText() == "Example: Nadia Haddad"
    page = window.page("about")
    assert page.current_role.text() == "Senior data analyst, customer insights"
    assert "Complete" in sidebar_text(window, "about")


def test_typing_is_saved_and_survives_closing_and_reopening(open_window, qtbot, db_path):
    window = open_window()
    qtbot.mouseClick(window.welcome.empty_button, Qt.MouseButton.LeftButton)
    page = window.page("about")
    qtbot.keyClicks(page.current_role, "Ward nurse, night shifts")
    page.role_family.setFocus()
    qtbot.keyClicks(page.aim, "Decide whether to lead ")
    commit_text(page.aim, "équipe 👩‍⚕️ 看護")
    # Switching step saves at once, without waiting for a pause in typing.
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_step() == 1
    assert window.autosaver.has_pending() is False
    window.close()

    profile = stored_profile(db_path)
    assert profile.current_role == "Ward nurse, night shifts"
    assert profile.aim == "Decide whether to lead équipe 👩‍⚕️ 看護"

    again = open_window()
    assert again.current_step() == 1  # the window remembers the last step
    qtbot.keyClick(again, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    page = again.page("about")
    assert page.current_role.text() == "Ward nurse, night shifts"
    assert page.aim.toPlainText() == "Decide whether to lead équipe 👩‍⚕️ 看護"


def test_autosave_writes_after_a_pause_in_typing(open_window, qtbot, db_path):
    window = open_window(delay_ms=50)
    window.workbooks.start_empty()
    page = window.page("about")
    page.current_role.setFocus()
    qtbot.keyClicks(page.current_role, "Recruiter")
    assert window.save_label.text() == "Saving…"
    qtbot.waitUntil(lambda: window.save_label.text() == "All changes saved", timeout=3000)
    assert load_profile(window.session.db, window.workbook_id).current_role == "Recruiter"


def test_choices_save_and_the_sidebar_counts_them(open_window, qtbot):
    window = open_window()
    window.workbooks.start_empty()
    page = window.page("about")
    assert "Not started" in sidebar_text(window, "about")
    page.role_family.setFocus()
    page.role_family.setCurrentIndex(3)
    page.role_family.activated.emit(3)
    qtbot.mouseClick(page.track_group.buttons()[1], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.horizon_group.buttons()[2], Qt.MouseButton.LeftButton)
    page.years.setFocus()
    page.years.selectAll()
    qtbot.keyClicks(page.years, "12")
    qtbot.keyClick(page.years, Qt.Key.Key_Tab)
    profile = load_profile(window.session.db, window.workbook_id)
    assert profile.role_family == "infrastructure_security"
    assert profile.current_track == "manager"
    assert profile.horizon_years == 5
    assert profile.years_experience == 12
    assert "4 of 6 answered" in sidebar_text(window, "about")
    assert page.status.text() == "4 of 6 answered"


def test_undo_and_redo_from_the_edit_menu(open_window, qtbot):
    window = open_window()
    window.workbooks.start_empty()
    page = window.page("about")
    qtbot.keyClicks(page.current_role, "Analyst")
    window.sidebar.setFocus()  # leaving the field saves it
    page.current_role.editingFinished.emit()
    assert window.undo_action.isEnabled()
    assert "Current role" in window.undo_action.text()
    window.undo_action.trigger()
    assert page.current_role.text() == ""
    assert load_profile(window.session.db, window.workbook_id).current_role == ""
    window.redo_action.trigger()
    assert page.current_role.text() == "Analyst"
    assert load_profile(window.session.db, window.workbook_id).current_role == "Analyst"


def test_workbook_switcher_new_rename_duplicate_delete(
    open_window, qtbot, monkeypatch, confirmations
):
    window = open_window()
    window.workbooks.start_empty()
    answers = iter([("Amina", True), ("Amina K.", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    window.workbooks.new()
    assert window.switcher.currentText() == "Amina"
    qtbot.keyClicks(window.page("about").current_role, "Product designer")
    window.workbooks.rename_current()
    assert window.switcher.currentText() == "Amina K."
    window.workbooks.duplicate_current()
    assert window.switcher.currentText() == "Amina K. (copy)"
    assert window.page("about").current_role.text() == "Product designer"
    names = [window.switcher.itemText(i) for i in range(window.switcher.count())]
    assert names == ["Amina K.", "Amina K. (copy)", "My workbook"]

    # Switching back shows the other workbook's answers.
    window.switcher.setCurrentIndex(2)
    window.switcher.activated.emit(2)
    assert window.switcher.currentText() == "My workbook"
    assert window.page("about").current_role.text() == ""

    window.workbooks.delete_current()
    assert window.switcher.count() == 3
    assert "Delete the workbook “My workbook”" in confirmations.texts[0]
    confirmations.answer = "Delete"
    window.workbooks.delete_current()
    assert [w.name for w in list_workbooks(window.session.db)] == ["Amina K.", "Amina K. (copy)"]


def test_refused_name_is_explained_and_nothing_changes(open_window, monkeypatch):
    window = open_window()
    window.workbooks.start_empty()
    create_workbook(window.session.db, "Taken")
    shown = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("taken", True))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.workbooks.rename_current()
    assert shown and "already a workbook called 'taken'" in shown[0]
    assert window.switcher.currentText() == "My workbook"


def test_steps_reachable_by_keyboard_and_pages_built_on_demand(open_window, qtbot):
    window = open_window()
    window.workbooks.start_empty()
    assert window.built_steps == ["about"]
    for _ in range(len(STEPS)):
        qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_step() == len(STEPS) - 1
    assert window.built_steps == [s.id for s in STEPS]  # one by one, as reached
    for widget in (window.sidebar, window.switcher, window.page("about").aim):
        assert widget.accessibleName()


def test_about_box_states_the_privacy_promise(open_window, monkeypatch):
    window = open_window()
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.show_about()
    assert "never connects to the internet" in shown[0]
    assert str(window.session.path) in shown[0]


def test_restore_a_backup_from_the_menu(open_window, qtbot, monkeypatch):
    from ui.dialogs.backups import BackupDialog
    from workbook.backups import list_backups, make_backup

    window = open_window()
    window.workbooks.start_empty()
    page = window.page("about")
    qtbot.keyClicks(page.current_role, "Teacher")
    window.save_now()
    make_backup(window.session.db, window.session.path, reason="manual")
    qtbot.keyClicks(page.current_role, " who regrets this edit")
    window.save_now()

    monkeypatch.setattr(BackupDialog, "exec", lambda self: BackupDialog.DialogCode.Accepted)
    window.backups.restore()
    page = window.page("about")
    assert page.current_role.text() == "Teacher"
    assert load_profile(window.session.db, window.workbook_id).current_role == "Teacher"
    reasons = {b.reason for b in list_backups(window.session.path)}
    assert "before-restore" in reasons


def test_back_up_now_from_the_menu_holds_what_was_just_typed(open_window, qtbot):
    from tests.test_gui_search import menu_action
    from workbook.backups import list_backups
    from workbook.storage import open_database

    window = open_window()
    window.workbooks.start_empty()
    page = window.page("about")
    page.current_role.setFocus()
    qtbot.keyClicks(page.current_role, "Lighthouse keeper")  # typed, not yet saved
    menu_action(window, "Workbook", "Back up now").trigger()
    [made] = list_backups(window.session.path)
    assert made.reason == "manual"
    assert made.path.name in window.statusBar().currentMessage()
    copy = open_database(made.path)
    try:
        roles = [row[0] for row in copy.execute("SELECT current_role FROM profile")]
    finally:
        copy.close()
    assert roles == ["Lighthouse keeper"]


def test_back_up_now_refuses_a_damaged_file(open_window, qtbot, monkeypatch):
    """A damaged file must never push a good backup out of the ten kept."""
    from PySide6.QtWidgets import QMessageBox

    from tests.test_gui_search import menu_action
    from workbook.backups import list_backups

    window = open_window()
    window.workbooks.start_empty()
    before = list_backups(window.session.path)
    window.session.record_check(["row 1 missing from index idx_actions_goal"])
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    menu_action(window, "Workbook", "Back up now").trigger()
    assert list_backups(window.session.path) == before
    assert said[0].startswith("No backup was made.") and "The file is damaged" in said[0]


def test_workbook_file_import_from_the_menu_before_any_workbook(
    open_window, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from workbook.data import load_workbook_data
    from workbook.example import add_example
    from workbook.session import Session as S
    from workbook.workbook_file import write_file

    other = S.open(tmp_path / "other.sqlite3")
    data = load_workbook_data(other.db, add_example(other.db))
    other.close()
    path = tmp_path / "nadia.json"
    write_file(data, path)

    window = open_window()
    assert window.workbook_id is None
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.workbooks.import_file()  # reads and checks the file on a worker
    qtbot.waitUntil(lambda: window.workbook_id is not None, timeout=10_000)
    assert window.switcher.currentText() == "Example: Nadia Haddad"


def test_every_step_page_keeps_the_page_contract(open_window):
    from ui.steps import StepPage
    from workbook.steps import STEPS

    window = open_window()
    window.workbooks.start_empty()
    for index, step in enumerate(STEPS):
        window.show_step(index)
        assert isinstance(window.page(step.id), StepPage), step.id
