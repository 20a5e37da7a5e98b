"""The Workshops window (issue 15, item 1), as a coach uses it: a workshop made from the
"Three futures" template, its exercises retimed and reworded (an edit that breaks a rule
refused in words beside the field, nothing stored), a roster typed in with Enter, a
participant tied to a workbook without a locked one's name ever showing, Present, and
the Presenter view offering the file's workshops before the templates."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel, QListWidget, QWidget

from tests.test_gui_plan import click
from workbook.workshop import create_workshop, list_workshops, load_workshop

NAME = "Team offsite"


def menu_item(window, text):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "Wor&kshop")
    return next(a for a in menu.actions() if a.text() == text)


def open_editor(open_window, qtbot):
    window = open_window()
    menu_item(window, "&Workshops…").trigger()
    dialog = window.workshops_dialog
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return window, dialog


def click_item(qtbot, view, row):
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def retype(qtbot, field, text):
    """Select what the field holds, type over it and press Enter, as a person would."""
    click(qtbot, field)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def new_from_three_futures(qtbot, dialog, name=NAME):
    click(qtbot, dialog.new_button)
    new = dialog.new_dialog
    qtbot.waitExposed(new)
    titles = [new.templates.item(row).text() for row in range(new.templates.count())]
    row = next(i for i, text in enumerate(titles) if text.startswith("Three futures · "))
    click_item(qtbot, new.templates, row)
    assert "70 minutes" in titles[row] and "three years" in titles[row]  # minutes, summary
    click(qtbot, new.name)
    qtbot.keyClicks(new.name, name)
    assert new.create_button.isDefault()
    click(qtbot, new.create_button)
    qtbot.waitUntil(lambda: dialog.workshop_id is not None and not new.isVisible())
    return dialog.workshop_id


def stored(window, dialog):
    return load_workshop(window.session.db, dialog.workshop_id)


def test_a_workshop_from_three_futures_is_retimed_and_reworded(open_window, qtbot):
    window, dialog = open_editor(open_window, qtbot)
    assert dialog.empty.isVisible() and not dialog.detail.isEnabled()
    workshop_id = new_from_three_futures(qtbot, dialog)
    assert list_workshops(window.session.db) == [(workshop_id, NAME, None)]
    assert dialog.workshops.currentItem().text().startswith(NAME)
    assert dialog.agenda.total.text() == "Total: 70 minutes (1 h 10)"
    form = dialog.agenda.form
    assert form.title.text() == "Three sound paths"  # the first exercise is chosen

    retype(qtbot, form.minutes, "15")
    retype(qtbot, form.title, "Three paths, briefly")
    assert dialog.isVisible()  # Enter in a field keeps it, and does not close the window
    first = stored(window, dialog).agenda.exercises[0]
    assert (first.title, first.minutes) == ("Three paths, briefly", 15)
    assert dialog.agenda.total.text() == "Total: 75 minutes (1 h 15)"
    assert (
        dialog.agenda.exercises.model.index(0)
        .data()
        .endswith("Three paths, briefly · 15 min · Together")
    )

    # Another exercise, chosen in the list, keeps its own fields.
    click_item(qtbot, dialog.agenda.exercises.view, 2)
    assert form.title.text() == "Tell them to a partner" and form.per_person.isVisible()
    click(qtbot, form.instructions)
    qtbot.keyClick(form.instructions, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.instructions, "Take turns.")
    click(qtbot, form.prompts)  # leaving the box saves it
    assert stored(window, dialog).agenda.exercises[2].instructions == "Take turns."


def test_an_edit_that_breaks_a_rule_is_refused_in_words_and_nothing_is_stored(open_window, qtbot):
    window, dialog = open_editor(open_window, qtbot)
    new_from_three_futures(qtbot, dialog)
    before = stored(window, dialog)
    form = dialog.agenda.form

    retype(qtbot, form.minutes, "0")
    message = form.problem("minutes")
    assert message == "Not saved. The minutes must be from 1 to 240 minutes."
    assert form.problems["minutes"].isVisible() and "Traceback" not in message
    assert form.minutes.accessibleDescription() == message
    assert stored(window, dialog) == before
    assert dialog.agenda.total.text() == "Total: 70 minutes (1 h 10)"

    # Put right, the message goes and the edit is stored.
    retype(qtbot, form.minutes, "12")
    assert form.problem("minutes") == ""
    assert stored(window, dialog).agenda.exercises[0].minutes == 12

    # A turn that does not fit, and an empty title: each said beside its field.
    click_item(qtbot, dialog.agenda.exercises.view, 2)
    retype(qtbot, form.per_person, "20")
    assert form.problem("per_person") == (
        "Not saved. 2 turns of 20 minutes do not fit in the exercise."
    )
    retype(qtbot, form.title, "   ")
    assert form.problem("title") == "Not saved. The title must not be empty."
    assert stored(window, dialog).agenda.exercises[2] == before.agenda.exercises[2]


def test_exercises_are_added_moved_and_removed(open_window, qtbot, confirmations):
    window, dialog = open_editor(open_window, qtbot)
    new_from_three_futures(qtbot, dialog)
    agenda = dialog.agenda
    click(qtbot, agenda.add_button)  # after the first, chosen, its title ready to type over
    assert agenda.form.title.hasFocus() and agenda.form.title.selectedText() == "New exercise"
    qtbot.keyClicks(agenda.form.title, "Warm-up")
    qtbot.keyClick(agenda.form.title, Qt.Key.Key_Return)
    titles = [e.title for e in stored(window, dialog).agenda.exercises]
    assert titles[:2] == ["Three sound paths", "Warm-up"] and len(titles) == 5

    click(qtbot, agenda.exercises.up_button)
    assert [e.title for e in stored(window, dialog).agenda.exercises][:2] == [
        "Warm-up",
        "Three sound paths",
    ]
    confirmations.answer = "Remove"
    click(qtbot, agenda.remove_button)
    assert "Warm-up" in confirmations.texts[-1]
    assert [e.title for e in stored(window, dialog).agenda.exercises] == titles[:1] + titles[2:]


def test_the_roster_takes_names_with_enter_and_loses_one(open_window, qtbot):
    window, dialog = open_editor(open_window, qtbot)
    new_from_three_futures(qtbot, dialog)
    bar = dialog.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    roster = dialog.roster
    click(qtbot, roster.alias)
    for name in ("Ana", "Ben"):
        qtbot.keyClicks(roster.alias, name)
        qtbot.keyClick(roster.alias, Qt.Key.Key_Return)
    assert dialog.isVisible() and roster.alias.text() == ""
    assert [p.alias for p in stored(window, dialog).roster] == ["Ana", "Ben"]
    assert roster.count.text() == "2 participants"

    click_item(qtbot, roster.people, 1)
    click(qtbot, roster.remove_button)
    assert [p.alias for p in stored(window, dialog).roster] == ["Ana"]
    assert [roster.people.item(i).text() for i in range(roster.people.count())] == ["Ana"]

    qtbot.keyClick(roster.alias, Qt.Key.Key_Return)  # nothing typed: said, not stored
    assert roster.problem.text() == "Give the participant a name or an alias."
    assert len(stored(window, dialog).roster) == 1


def test_a_participant_is_tied_to_a_workbook_and_a_locked_name_never_shows(
    open_window, qtbot, db_path
):
    from workbook.door import create_workbook
    from workbook.locks import label, set_pin
    from workbook.session import Session

    secret = "Sam Secretname"
    session = Session.open(db_path)
    locked = create_workbook(session.db, secret).workbook_id
    set_pin(session.db, locked, "4711")
    create_workbook(session.db, "Alex")
    create_workshop(session.db, NAME, "three_futures")
    session.close()
    window, dialog = open_editor(open_window, qtbot)
    roster = dialog.roster
    choice = roster.workbook
    texts = [choice.itemText(i) for i in range(choice.count())]
    assert texts[0] == "No workbook" and "Alex" in texts and label(locked) in texts

    click(qtbot, roster.alias)
    qtbot.keyClicks(roster.alias, "Ana")
    choice.setCurrentIndex(texts.index("Alex"))
    click(qtbot, roster.add_button)
    qtbot.keyClicks(roster.alias, "Sam")
    choice.setCurrentIndex(texts.index(label(locked)))
    click(qtbot, roster.add_button)
    assert [p.workbook_id is not None for p in stored(window, dialog).roster] == [True, True]
    lines = [roster.people.item(i).text() for i in range(roster.people.count())]
    assert lines == ["Ana · workbook: Alex", f"Sam · workbook: {label(locked)}"]

    shown = [w.text() for w in dialog.findChildren(QLabel)]
    for combo in dialog.findChildren(QComboBox):
        shown += [combo.itemText(i) for i in range(combo.count())]
    for listing in dialog.findChildren(QListWidget):
        shown += [listing.item(i).text() for i in range(listing.count())]
    assert not any(secret in text for text in shown)


def test_present_opens_the_presenter_on_the_edited_agenda(open_window, qtbot):
    window, dialog = open_editor(open_window, qtbot)
    new_from_three_futures(qtbot, dialog)
    retype(qtbot, dialog.agenda.form.title, "Three paths, briefly")
    click(qtbot, dialog.present_button)
    view = window.presenter
    qtbot.waitExposed(view)
    assert view.title.text() == "Three paths, briefly"
    assert view.windowTitle() == f"Presenter view: {NAME}"
    view.close()


def test_the_presenter_view_offers_the_workshops_first(open_window, qtbot, monkeypatch):
    window, dialog = open_editor(open_window, qtbot)
    new_from_three_futures(qtbot, dialog)
    retype(qtbot, dialog.agenda.form.title, "Three paths, briefly")
    offered = []

    def pick_first(_parent, _title, _label, items, *_args):
        offered.extend(items)
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", pick_first)
    menu_item(window, "&Presenter view…").trigger()
    assert offered[0].startswith(f"Workshop: {NAME}, no day yet (70 minutes, 4 exercises)")
    assert all(label.startswith("Template: ") for label in offered[1:])
    assert any("Three futures" in label for label in offered[1:])
    assert window.presenter.title.text() == "Three paths, briefly"
    window.presenter.close()


def test_new_rename_and_delete_say_what_they_do(open_window, qtbot, monkeypatch, confirmations):
    window, dialog = open_editor(open_window, qtbot)
    create_workshop(window.session.db, "Spring", "strengths_90", "2026-04-01")
    create_workshop(window.session.db, "Autumn", "strengths_90", "2026-10-01")
    dialog.reload()
    days = [dialog.workshops.item(i).text() for i in range(dialog.workshops.count())]
    assert days == ["Autumn\n1 Oct 2026", "Spring\n1 Apr 2026"]  # the most recent first

    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("   ", True))
    click(qtbot, dialog.rename_button)
    assert dialog.notice.text() == "Give the workshop a name."
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Autumn retreat", True))
    click(qtbot, dialog.rename_button)
    assert dialog.notice.isHidden() and dialog.title.text() == "Autumn retreat"
    assert dialog.workshops.currentItem().text().startswith("Autumn retreat")

    click(qtbot, dialog.delete_button)  # Cancel first: nothing goes
    assert len(list_workshops(window.session.db)) == 2
    confirmations.answer = "Delete"
    click(qtbot, dialog.delete_button)
    assert "Autumn retreat" in confirmations.texts[-1]
    assert [row[1] for row in list_workshops(window.session.db)] == ["Spring"]
    assert dialog.title.text() == "Spring"


def test_a_day_is_set_and_the_window_is_named_for_screen_readers(open_window, qtbot):
    window, dialog = open_editor(open_window, qtbot)
    new_from_three_futures(qtbot, dialog)
    click(qtbot, dialog.day.add_button)
    assert stored(window, dialog).held_on == dialog.day.value() is not None
    assert dialog.close_button.isDefault()
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        assert unnamed(dialog) == []
    click(qtbot, dialog.new_button)
    qtbot.waitExposed(dialog.new_dialog)
    assert unnamed(dialog.new_dialog) == []


def unnamed(root):
    """The controls Tab reaches that a screen reader could not name."""
    return [
        w
        for w in root.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.isVisibleTo(root)
        and w.objectName() != "qt_spinbox_lineedit"  # a spin box's own part: it is named
        and not w.accessibleName()
    ]


@pytest.mark.parametrize("leave", ["Escape", "Close"])
def test_closing_keeps_what_was_typed(open_window, qtbot, leave):
    window, dialog = open_editor(open_window, qtbot)
    workshop_id = new_from_three_futures(qtbot, dialog)
    form = dialog.agenda.form
    click(qtbot, form.title)
    qtbot.keyClicks(form.title, " (short)")
    if leave == "Escape":
        qtbot.keyClick(form.title, Qt.Key.Key_Escape)
    else:
        click(qtbot, dialog.close_button)
    qtbot.waitUntil(lambda: window.workshops_dialog is None or not _visible(window))
    agenda = load_workshop(window.session.db, workshop_id).agenda
    assert agenda.exercises[0].title == "Three sound paths (short)"


def _visible(window) -> bool:
    try:
        return window.workshops_dialog.isVisible()
    except RuntimeError:  # deleted once closed
        return False


def test_each_alt_key_reaches_one_control(open_window, qtbot):
    from PySide6.QtWidgets import QAbstractButton

    window, dialog = open_editor(open_window, qtbot)
    new_from_three_futures(qtbot, dialog)
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        texts = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        texts += [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog)]
        texts += [
            label.text()
            for label in dialog.findChildren(QLabel)
            if label.buddy() is not None and label.isVisibleTo(dialog)
        ]
        keys = [t[t.index("&") + 1].lower() for t in texts if "&" in t.replace("&&", "")]
        assert len(keys) == len(set(keys)), sorted(keys)
