"""Dates on the development plan page, as a person sees them: an "Overdue" mark in words on
a goal or action whose date has passed, gone once it is done; milestones headed by their
calendar dates, which follow the day the plan starts; the example shown current."""

from __future__ import annotations

import re
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt

from tests.test_gui_plan import add_goal, click, open_plan, stored
from ui.steps.plan.widgets import DATE_FORMAT
from workbook.analysis.plan_dates import milestone_date


def shown(day: date) -> str:
    return QDate(day.year, day.month, day.day).toString(DATE_FORMAT)


def later(days: int):
    """A 'today' that many days after the calendar's, for the page to judge dates on."""
    return lambda: date.today() + timedelta(days=days)


def test_an_action_past_its_due_date_says_overdue_until_it_is_done(open_window, qtbot):
    window, page = open_plan(open_window, qtbot)
    page.ctx.today = later(45)  # six weeks from now, an action due in 30 days is late
    card = add_goal(qtbot, page, "Run the quarterly review on my own")
    click(qtbot, card.add_action_button)
    [row] = card.actions.rows()
    qtbot.keyClicks(row.title, "Prepare the review with Karim")
    assert not row.overdue.isVisible()  # no due date yet: nothing can be late

    click(qtbot, row.due.add_button)  # 30 days from now
    qtbot.waitUntil(lambda: stored(window).goals[0].actions[0].due_date is not None)
    qtbot.waitUntil(row.overdue.isVisible)
    assert row.overdue.text() == "Overdue"
    assert row.overdue.accessibleName() == "Goal 1, action 1: overdue"
    assert row.due.edit.accessibleDescription() == "Overdue"

    # Done: no longer overdue, whatever its date.
    row.status.setFocus()
    for _ in range(2):  # Planned -> Doing -> Done
        qtbot.keyClick(row.status, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: stored(window).goals[0].actions[0].status == "done")
    qtbot.waitUntil(lambda: not row.overdue.isVisible())
    assert row.due.edit.accessibleDescription() == ""


def test_a_goal_past_its_target_date_says_overdue_until_its_actions_are_done(open_window, qtbot):
    window, page = open_plan(open_window, qtbot)
    card = add_goal(qtbot, page, "Find out whether I want to lead the team")
    click(qtbot, card.target_date.add_button)  # 90 days from now
    qtbot.waitUntil(lambda: stored(window).goals[0].target_date is not None)
    assert not card.overdue.isVisible()  # in time today

    page.ctx.today = later(120)  # four months on, the target date has passed
    click(qtbot, card.add_action_button)
    [row] = card.actions.rows()
    qtbot.waitUntil(card.overdue.isVisible)
    words = re.sub(r"<[^>]+>", "", card.overdue.text())  # what it reads, without the bold
    assert words == "Overdue: the target date has passed"
    assert "overdue" in card.overdue.accessibleName()
    assert card.target_date.edit.accessibleDescription() == "Overdue"

    row.status.setFocus()
    qtbot.keyClick(row.status, Qt.Key.Key_End)  # Dropped: the goal's last action closed
    qtbot.waitUntil(lambda: stored(window).goals[0].actions[0].status == "dropped")
    qtbot.waitUntil(lambda: not card.overdue.isVisible())


def test_milestones_show_their_dates_and_follow_the_plans_start(open_window, qtbot):
    window, page = open_plan(open_window, qtbot, example=True)
    section = page.milestones
    start = date.fromisoformat(stored(window).plan_start)
    assert section.start.date() == QDate(start.year, start.month, start.day)
    for day in (30, 60, 90):
        expected = f"By day {day} · {shown(start + timedelta(days=day))}"
        assert section.headings[day].text() == expected
        assert section.headings[day].accessibleName() == expected

    # One day later, by keyboard: the day section of the date goes up by one.
    section.start.setFocus()
    section.start.setSelectedSection(section.start.Section.DaySection)
    qtbot.keyClick(section.start, Qt.Key.Key_Up)
    qtbot.keyClick(section.start, Qt.Key.Key_Tab)  # leaving saves
    moved = start + timedelta(days=1)
    qtbot.waitUntil(lambda: stored(window).plan_start == moved.isoformat())
    qtbot.waitUntil(lambda: shown(moved + timedelta(days=90)) in section.headings[90].text())

    window.undo()
    qtbot.waitUntil(lambda: section.start.date() == QDate(start.year, start.month, start.day))
    assert section.headings[90].text().endswith(shown(start + timedelta(days=90)))


def test_a_new_workbooks_milestones_count_from_the_day_it_was_made(open_window, qtbot):
    window, page = open_plan(open_window, qtbot)
    made = date.fromisoformat(stored(window).plan_start)
    assert abs((made - date.today()).days) <= 1  # made just now (the stamp is in UTC)
    assert page.milestones.headings[30].text() == f"By day 30 · {shown(made + timedelta(30))}"
    assert milestone_date(made, 30) == made + timedelta(days=30)


def test_the_example_plan_is_current_with_nothing_overdue(open_window, qtbot):
    _, page = open_plan(open_window, qtbot, example=True)
    cards = page.goals.cards.rows()
    assert cards and not any(card.overdue.isVisible() for card in cards)
    assert not any(row.overdue.isVisible() for card in cards for row in card.actions.rows())
    # Judged three weeks on, the goal with open actions is late and so are those actions;
    # the goals whose actions are all done are not.
    page.ctx.today = later(21)
    page.refresh()
    assert [card.overdue.isVisible() for card in cards] == [False, True, False]
    late = [row.overdue.isVisible() for row in cards[1].actions.rows()]
    statuses = [a.status for a in page.ctx.data.goals[1].actions]
    assert late == [status != "done" for status in statuses] and any(late)
