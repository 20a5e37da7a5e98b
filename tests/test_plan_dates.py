"""Dates in the plan: what counts as overdue on a given day, each milestone's calendar day,
the plan's start stored and read, and the example's dates moving with the day it is added."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from workbook import door
from workbook.analysis.plan_dates import (
    action_overdue,
    ask_overdue,
    goal_closed,
    goal_overdue,
    milestone_date,
    milestone_dates,
    overdue,
)
from workbook.data import (
    Action,
    Goal,
    Milestone,
    SupportRequest,
    WorkbookData,
    load_workbook_data,
)
from workbook.example import add_example, example_data

TODAY = date(2026, 12, 2)


def action(due: str | None, status: str = "planned", action_id: int = 1) -> Action:
    return Action(action_id, 1, "Shadow Mei", "others", due, status)


@pytest.mark.parametrize(
    ("due", "status", "late"),
    [
        ("2026-12-01", "planned", True),  # the day before
        ("2026-11-15", "doing", True),
        ("2026-12-02", "planned", False),  # due today is not late yet
        ("2026-12-03", "doing", False),
        ("2026-11-15", "done", False),
        ("2026-11-15", "dropped", False),
        (None, "planned", False),
        ("", "planned", False),
        ("not a date", "planned", False),
    ],
)
def test_an_action_is_overdue_when_open_and_its_due_date_has_passed(due, status, late):
    assert action_overdue(action(due, status), TODAY) is late


def test_a_goal_is_overdue_while_open_after_its_target_date():
    open_goal = Goal(1, "Lead a review", target_date="2026-11-15", actions=(action(None),))
    assert goal_overdue(open_goal, TODAY)
    assert not goal_overdue(open_goal, date(2026, 11, 15))  # on the day itself
    assert not goal_overdue(Goal(2, "No date"), TODAY)

    # A goal has no status: it is closed once each of its actions is done or dropped.
    finished = Goal(
        3,
        "Finished",
        target_date="2026-11-15",
        actions=(action(None, "done", 1), action(None, "dropped", 2)),
    )
    assert goal_closed(finished) and not goal_overdue(finished, TODAY)
    half = Goal(4, "Half", target_date="2026-11-15", actions=(action(None, "done"), action(None)))
    assert not goal_closed(half) and goal_overdue(half, TODAY)
    # With no actions at all, nothing says it is finished.
    assert goal_overdue(Goal(5, "Bare", target_date="2026-01-01"), TODAY)


@pytest.mark.parametrize(
    ("needed_by", "late"),
    [
        ("2026-12-01", True),  # the day before
        ("2026-01-15", True),
        ("2026-12-02", False),  # needed today is not late yet
        ("2027-01-10", False),
        (None, False),
        ("", False),
        ("not a date", False),
    ],
)
def test_an_ask_is_overdue_once_the_day_it_is_needed_by_has_passed(needed_by, late):
    ask = SupportRequest(1, "manager", "Let me run two reviews", needed_by)
    assert ask_overdue(ask, TODAY) is late


def test_overdue_lists_goals_and_actions_in_the_plans_order():
    data = WorkbookData(
        goals=(
            Goal(1, "Late", target_date="2026-11-01", actions=(action("2026-10-01", "doing", 7),)),
            Goal(
                2,
                "In time",
                target_date="2027-01-01",
                actions=(action("2026-11-30", "planned", 8),),
            ),
            Goal(3, "Done", target_date="2026-11-01", actions=(action("2026-10-01", "done", 9),)),
        )
    )
    found = overdue(data, TODAY)
    assert (found.goals, found.actions) == ((1,), (7, 8))
    assert overdue(data, date(2026, 9, 1)) == type(found)((), ())


def test_a_milestone_falls_its_day_count_after_the_plans_start():
    assert milestone_date("2026-12-03", 90) == date(2027, 3, 3)
    assert milestone_date(date(2026, 12, 31), 30) == date(2027, 1, 30)
    assert milestone_date(None, 30) is None
    data = WorkbookData(
        plan_start="2026-08-17", milestones=(Milestone(4, 30, "a"), Milestone(5, 90, "b"))
    )
    assert milestone_dates(data) == {4: date(2026, 9, 16), 5: date(2026, 11, 15)}


def test_the_plan_counts_from_the_workbooks_day_until_a_start_is_set(db):
    wid = door.create_workbook(db, "Mine").workbook_id
    made = db.execute("SELECT created_at FROM workbooks WHERE id = ?", [wid]).fetchone()[0]
    assert load_workbook_data(db, wid).plan_start == made[:10]
    door.set_answer(db, "plan_notes", wid, None, "plan_start", "2027-01-04")
    assert load_workbook_data(db, wid).plan_start == "2027-01-04"
    door.set_answer(
        db, "plan_notes", wid, None, "plan_start", None
    )  # cleared: back to the workbook's day
    assert load_workbook_data(db, wid).plan_start == made[:10]


# ---- the example's dates --------------------------------------------------------------------


@pytest.mark.parametrize("today", [date(2026, 12, 2), date(2031, 2, 28)])
def test_the_examples_dates_move_with_the_day_it_is_added(db, today):
    data = load_workbook_data(db, add_example(db, today=today))
    shipped = example_data()
    moved = today - date.fromisoformat(shipped["dates_as_of"])
    assert data.plan_start == (date.fromisoformat(shipped["plan_start"]) + moved).isoformat()
    assert [g.target_date for g in data.goals] == [
        (date.fromisoformat(g["target_date"]) + moved).isoformat() for g in shipped["goals"]
    ]
    # It looks current: the goals are due soon, nothing is overdue, the last check-in and
    # the journal are in the recent past, and the 90-day milestone is still ahead.
    for goal in data.goals:
        assert today < date.fromisoformat(goal.target_date) <= today + timedelta(days=14)
    assert overdue(data, today) == type(overdue(data, today))((), ())
    entries = [date.fromisoformat(j.entry_date) for j in data.journal]
    assert max(entries) <= today and today - max(entries) <= timedelta(days=14)
    [checkin] = [j for j in data.journal if j.kind == "checkin"]
    assert timedelta(days=14) <= today - date.fromisoformat(checkin.entry_date) <= timedelta(60)
    assert data.snapshots[-1].taken_at.startswith(checkin.entry_date)
    days = {m.day: d for m in data.milestones if (d := milestone_dates(data)[m.id])}
    assert days[30] < days[60] < today < days[90]
    assert all(m.done == (m.day < 90) for m in data.milestones)


def test_the_example_added_on_two_days_differs_only_in_its_dates(db):
    first = load_workbook_data(db, add_example(db, today=date(2026, 12, 2)))
    second = load_workbook_data(db, add_example(db, today=date(2027, 6, 1)))
    assert [g.title for g in first.goals] == [g.title for g in second.goals]
    assert [j.body for j in first.journal] == [j.body for j in second.journal]
    assert first.plan_start != second.plan_start
