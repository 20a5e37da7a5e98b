"""Dates in the development plan: what is overdue on a given day, and each milestone's day.

Overdue: an action is overdue when its due date is before `today` and it is neither done
nor dropped; a goal is overdue when its target date is before `today` and it is still
open. A goal has no status of its own, so it counts as closed once it has actions and
every one of them is done or dropped. An ask for support is overdue when the day it is
needed by is before `today` (it has no status: the person clears or moves the date once
the answer came). Nothing is overdue on its due date itself, and a
missing or unreadable date is never overdue. "Today" is always given by the caller (the
window passes the calendar's today, the PDF its export date) so tests can pin it.

Milestones are kept as a day count (30, 60 or 90); their calendar day is the plan's start
(`WorkbookData.plan_start`: the day the person set, else the day the workbook was made)
plus that many days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from workbook.data import Action, Goal, SupportRequest, WorkbookData

#: Statuses that close an action: it is never overdue, however old its date.
CLOSED = frozenset({"done", "dropped"})
#: The word the window and the PDF print beside an overdue goal, action or ask.
OVERDUE = "Overdue"


def as_date(value: str | date | None) -> date | None:
    """A stored ISO date (a time after it is ignored) as a date; None if blank or unreadable."""
    if isinstance(value, date):
        return value
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def action_overdue(action: Action, today: date) -> bool:
    """Whether an open action's due date has passed."""
    due = as_date(action.due_date)
    return due is not None and due < today and action.status not in CLOSED


def goal_closed(goal: Goal) -> bool:
    """Whether every action of the goal is done or dropped (a goal without actions is open)."""
    return bool(goal.actions) and all(a.status in CLOSED for a in goal.actions)


def goal_overdue(goal: Goal, today: date) -> bool:
    """Whether an open goal's target date has passed."""
    target = as_date(goal.target_date)
    return target is not None and target < today and not goal_closed(goal)


def ask_overdue(request: SupportRequest, today: date) -> bool:
    """Whether the day an ask for support is needed by has passed."""
    needed = as_date(request.needed_by)
    return needed is not None and needed < today


@dataclass(frozen=True)
class Overdue:
    """The ids of what is overdue on one day, goals and actions in the plan's order."""

    goals: tuple[int, ...]
    actions: tuple[int, ...]


def overdue(data: WorkbookData, today: date) -> Overdue:
    """Every overdue goal and action of the workbook on `today`."""
    return Overdue(
        tuple(g.id for g in data.goals if goal_overdue(g, today)),
        tuple(a.id for g in data.goals for a in g.actions if action_overdue(a, today)),
    )


def milestone_date(start: str | date | None, day: int) -> date | None:
    """The calendar day of a milestone `day` days after `start` (None without a start)."""
    first = as_date(start)
    return None if first is None else first + timedelta(days=day)


def milestone_dates(data: WorkbookData) -> dict[int, date | None]:
    """Each milestone's calendar day, by milestone id."""
    return {m.id: milestone_date(data.plan_start, m.day) for m in data.milestones}
