"""Checks on the development plan: 70-20-10 balance and goals that are not yet specific.

Balance: most growth comes from doing. The plan is flagged when, with three
or more actions, fewer than half are on-the-job experience, more than a
third are formal learning, or none is learning from others. A dropped action
is no longer part of the plan, so it counts for none of this.
Goals: flagged when they have no measure, no target date or no action (a dropped
one does not count), and, kindly, when the person's commitment is below 7 of 10,
as the plan's own commitment prompt says to act on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbook.data import WorkbookData

#: An action's status in the words the Plan step and the PDF both use.
STATUS_NAMES = {"planned": "Planned", "doing": "Doing", "done": "Done", "dropped": "Dropped"}
#: Below this commitment (of 10), the goal asks what would move it one point higher.
COMMITTED = 7
#: Each kind of action in the words the Plan step and the PDF both use.
KIND_NAMES = {
    "experience": "doing it at work",
    "others": "learning from others",
    "formal": "courses and reading",
}


@dataclass(frozen=True)
class Balance:
    counts: dict[str, int]
    shares: dict[str, float]
    flags: tuple[str, ...]


@dataclass(frozen=True)
class GoalCheck:
    goal_id: int
    title: str
    flags: tuple[str, ...]


def balance(data: WorkbookData) -> Balance:
    counts = {kind: 0 for kind in KIND_NAMES}
    for goal in data.goals:
        for action in goal.actions:
            if action.kind in counts and action.status != "dropped":
                counts[action.kind] += 1
    total = sum(counts.values())
    shares = {k: (round(v / total, 2) if total else 0.0) for k, v in counts.items()}
    flags = []
    if total == 0:
        flags.append("No actions yet: add at least one thing you will do for each goal.")
    elif total >= 3:
        if shares["experience"] < 0.5:
            flags.append(
                "Most growth comes from doing. Fewer than half your actions are on-the-job "
                "experience: add a stretch assignment or a real project."
            )
        if shares["formal"] > 0.34:
            flags.append(
                "Courses and reading make up more than a third of your actions. They help "
                "most when you use what you learn at work straight away."
            )
        if counts["others"] == 0:
            flags.append(
                "None of your actions involves learning from others: think of a mentor, a "
                "peer to shadow, or someone to ask for feedback."
            )
    return Balance(counts, shares, tuple(flags))


def goal_checks(data: WorkbookData) -> tuple[GoalCheck, ...]:
    checks = []
    for goal in data.goals:
        flags = []
        if not goal.measure.strip():
            flags.append("How will you know you got there? Add a measure.")
        if not goal.target_date:
            flags.append("Add a target date, so the goal has a horizon.")
        if not goal.actions:
            flags.append("Add at least one action.")
        elif all(action.status == "dropped" for action in goal.actions):
            flags.append("Every action here is dropped: add one you will do.")
        if goal.commitment is not None and goal.commitment < COMMITTED:
            flags.append(
                f"You put your commitment at {goal.commitment} of 10. That is worth "
                "listening to: what would move it one point higher? If nothing would, "
                "change the goal into one you want more."
            )
        checks.append(GoalCheck(goal.id, goal.title or "Untitled goal", tuple(flags)))
    return tuple(checks)
