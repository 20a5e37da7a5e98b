"""The Plan step's asks for support, as a person uses them: the day each one is needed by,
added, changed with the keyboard, saved, undone and shown again on reopening; an "Overdue"
mark in words once that day has passed; Tab in reading order across the row."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from tests.test_gui_plan import PLAN_STEP, click, open_plan, stored
from tests.test_gui_plan_dates import later
from workbook.analysis.plan_dates import OVERDUE


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def add_ask(qtbot, page, text):
    click(qtbot, page.support.add_button)
    row = page.support.rows.rows()[-1]
    click(qtbot, row.request)
    qtbot.keyClicks(row.request, text)
    return row


def test_a_needed_by_date_is_added_changed_by_keyboard_saved_and_undone(open_window, qtbot):
    window, page = open_plan(open_window, qtbot)
    row = add_ask(qtbot, page, "One hour a month with Amira")
    field = row.needed_by
    assert field.add_button.isVisible() and field.add_button.text() == "Add a date"
    assert field.value() is None

    click(qtbot, field.add_button)  # two weeks from now, saved at once
    first = date.today() + timedelta(days=14)
    assert field.edit.isVisible() and field.edit.hasFocus()
    assert not field.add_button.isVisible()
    qtbot.waitUntil(lambda: stored(window).support[0].needed_by == first.isoformat())
    assert stored(window).support[0].request == "One hour a month with Amira"

    # One day later, by keyboard; saved after a pause in typing.
    field.edit.setSelectedSection(field.edit.Section.DaySection)
    qtbot.keyClick(field.edit, Qt.Key.Key_Up)
    moved = first + timedelta(days=1)
    qtbot.waitUntil(lambda: stored(window).support[0].needed_by == moved.isoformat())
    assert field.value() == moved.isoformat()

    # Each change is one undo step: first the keyboard's, then the added date.
    window.undo()
    assert stored(window).support[0].needed_by == first.isoformat()
    qtbot.waitUntil(lambda: field.edit.date() == qdate(first))
    window.undo()
    assert stored(window).support[0].needed_by is None
    qtbot.waitUntil(field.add_button.isVisible)
    assert field.value() is None and not field.edit.isVisible()
    assert stored(window).support[0].request == "One hour a month with Amira"


def test_the_date_is_shown_again_after_closing_and_reopening(open_window, qtbot):
    window, page = open_plan(open_window, qtbot)
    row = add_ask(qtbot, page, "Tell me which levels exist for specialists")
    click(qtbot, row.needed_by.add_button)
    saved = row.needed_by.value()
    window.close()

    again = open_window()
    again.show_step(PLAN_STEP)
    [row] = again.page("plan").support.rows.rows()
    assert row.needed_by.value() == saved
    assert row.needed_by.edit.isVisible() and not row.needed_by.add_button.isVisible()


def test_an_ask_past_its_date_says_overdue_until_the_date_moves_or_goes(open_window, qtbot):
    window, page = open_plan(open_window, qtbot)
    page.ctx.today = later(30)  # a month from now, an ask needed in two weeks is late
    row = add_ask(qtbot, page, "Let me run two sales reviews myself")
    assert not row.overdue.isVisible()  # no date yet: nothing can be late

    click(qtbot, row.needed_by.add_button)
    qtbot.waitUntil(row.overdue.isVisible)
    assert row.overdue.text() == OVERDUE == "Overdue"
    assert "overdue" in row.overdue.accessibleName()
    assert row.needed_by.edit.accessibleDescription() == "Overdue"

    click(qtbot, row.needed_by.clear_button)  # asked and answered: the date goes
    qtbot.waitUntil(lambda: stored(window).support[0].needed_by is None)
    qtbot.waitUntil(lambda: not row.overdue.isVisible())
    assert row.needed_by.edit.accessibleDescription() == ""


def test_the_example_shows_its_asks_dates_and_which_are_late(open_window, qtbot):
    window, page = open_plan(open_window, qtbot, example=True)
    asks = stored(window).support
    rows = page.support.rows.rows()
    assert [r.needed_by.value() for r in rows] == [a.needed_by for a in asks]
    assert sum(a.needed_by is not None for a in asks) >= 2  # the example dates some asks
    assert not any(r.overdue.isVisible() for r in rows)  # current on the day it is added

    page.ctx.today = later(60)  # two months on, every dated ask is late
    page.refresh()
    assert [r.overdue.isVisible() for r in rows] == [a.needed_by is not None for a in asks]


def test_tab_goes_from_whom_to_what_to_when_then_delete(open_window, qtbot):
    _, page = open_plan(open_window, qtbot)
    click(qtbot, page.support.add_button)
    [row] = page.support.rows.rows()
    assert row.source.hasFocus()
    after = (row.request, row.needed_by.add_button, row.delete_button, page.support.add_button)
    for expected in after:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected
    assert row.needed_by.add_button.accessibleName() == "Support request 1: needed by: add a date"

    # With a date: the date (Tab steps through day, month and year), Clear, then delete.
    click(qtbot, row.needed_by.add_button)
    assert row.needed_by.edit.hasFocus()
    for _ in range(3):
        if QApplication.focusWidget() is row.needed_by.edit:
            qtbot.keyClick(row.needed_by.edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is row.needed_by.clear_button
    qtbot.keyClick(row.needed_by.clear_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is row.delete_button
    assert row.needed_by.edit.accessibleName() == "Support request 1: needed by"
