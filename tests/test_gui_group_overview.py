"""The group overview in the window (issue 15, item 4): a participant ticks consent in the
Workshop menu; the coach sees the overview, saves it as a one-page PDF and shows it on
the presenter view; nothing shows below five."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from workbook.door import duplicate_workbook
from workbook.example import add_example
from workbook.group_overview import consenting_ids
from workbook.session import Session


def workshop_menu(window) -> QMenu:
    return next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "Wor&kshop")


def consent_action(window):
    menu = workshop_menu(window)
    menu.aboutToShow.emit()
    return next(a for a in menu.actions() if a.text().startswith("&Count this workbook"))


def test_consent_is_given_from_the_menu_and_the_overview_shows_at_five(
    open_window, qtbot, db_path, tmp_path, monkeypatch
):
    from ui.workshop import overview as module

    session = Session.open(db_path)
    first = add_example(session.db)
    for _ in range(4):
        duplicate_workbook(session.db, first)
    session.close()
    window = open_window()
    action = consent_action(window)
    assert not action.isChecked()
    action.trigger()  # as a click on the menu item does
    assert window.workbook_id in consenting_ids(window.session.db)
    assert consent_action(window).isChecked()

    dialog = module.OverviewDialog(window)
    qtbot.addWidget(dialog)
    assert "shows nothing until at least 5" in dialog.text.text()
    assert not dialog.save_button.isEnabled()
    for workbook_id in [row[0] for row in window.session.db.execute("SELECT id FROM workbooks")]:
        module.set_consent(window.session.db, workbook_id, True)
    dialog = module.OverviewDialog(window)
    qtbot.addWidget(dialog)
    assert "Group overview of 5 participants" in dialog.text.text()
    assert "Nadia" not in dialog.text.text()
    out = dialog.save_pdf(str(tmp_path / "group.pdf"))
    assert out is not None and out.exists()

    # Show it on the presenter view: the coach picks the agenda, the overview comes up,
    # and G goes back to the exercise.
    from ui.workshop import actions
    from workbook.content.workshops import load_templates

    futures = load_templates()["three_futures"]
    monkeypatch.setattr(actions, "choose_agenda", lambda window: futures)
    qtbot.mouseClick(dialog.present_button, Qt.MouseButton.LeftButton)
    view = window.presenter
    assert view.showing_overview
    assert "Group overview of 5 participants" in view.instructions.text()
    qtbot.keyClick(view, Qt.Key.Key_G)
    assert not view.showing_overview and view.title.text() == futures.exercises[0].title
    view.close()


def test_a_participant_saves_a_contribution_file_and_the_coach_adds_it(
    open_window, qtbot, db_path, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from ui.workshop import overview as module
    from workbook.content import load_content
    from workbook.contribution import read_contribution

    session = Session.open(db_path)
    add_example(session.db)
    session.close()
    window = open_window()
    asked = []
    monkeypatch.setattr(module, "confirm", lambda *a: asked.append(a[3]) or True)
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    out = module.save_contribution(window, str(tmp_path / "mine.json"))
    assert out is not None and window.workbook_id in consenting_ids(window.session.db)
    assert asked == ["Count and save"]
    assert "Nadia" not in out.read_text()
    read_contribution(out, load_content())
    (tmp_path / "bad.json").write_text('{"name": "Nadia"}')
    module.add_contributions(window, [str(out), str(out), str(tmp_path / "bad.json")])
    lines = said[-1].splitlines()
    assert lines[:2] == ["mine.json: added.", "mine.json: already counted."]
    assert lines[2].startswith("bad.json: ") and "Nothing from it was added" in lines[2]
