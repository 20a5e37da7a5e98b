"""The example workbook: a realistic person with every step filled in.

New users open it to look around before starting their own. It is kept as
data in resources/examples and added through the same edit functions a
person's typing goes through, so it is always valid for the current schema.

Its dates are written as of one day (`dates_as_of` in the file) and moved, when it is
added, by as many days as have passed since: whenever someone opens it, the plan started
about three months ago, the last check-in was a few weeks back and the goals are due in
a few days, never long overdue.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from importlib import resources
from typing import TYPE_CHECKING, Any

from workbook import door
from workbook.door import create_workbook, set_profile_field, unique_name

if TYPE_CHECKING:
    from sqlite_utils import Database

EXAMPLE_FILE = "examples/example_workbook.json"
SCALES = ("proficiency", "energy", "edge")


def example_data() -> dict[str, Any]:
    """The example workbook as shipped."""
    text = resources.files("resources").joinpath(EXAMPLE_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def dated(data: dict[str, Any], today: date) -> dict[str, Any]:
    """A copy of the example with every date moved so that `dates_as_of` falls on `today`."""
    days = timedelta(days=(today - date.fromisoformat(data["dates_as_of"])).days)

    def moved(value: str) -> str:
        return (date.fromisoformat(value) + days).isoformat()

    def each(items: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
        return [{**item, key: moved(item[key])} if item.get(key) else item for item in items]

    goals = [
        {**goal, "actions": each(goal.get("actions", []), "due_date")}
        for goal in each(data.get("goals", []), "target_date")
    ]
    profile = each([data.get("profile", {})], "decide_by")[0]
    copy = {
        **data,
        "profile": profile,
        "support": each(data.get("support", []), "needed_by"),
        "journal": each(data.get("journal", []), "date"),
        "checkins": each(data.get("checkins", []), "date"),
        "goals": goals,
        "dates_as_of": today.isoformat(),
    }
    if data.get("plan_start"):
        copy["plan_start"] = moved(data["plan_start"])
    return copy


def _rate(db: Database, workbook_id: int, strength_id: str, values: dict[str, Any]) -> None:
    for scale in (*SCALES, "overuse_note"):
        if scale in values:
            if scale == "overuse_note":
                door.set_strength_note(db, workbook_id, strength_id, values[scale])
            else:
                door.set_rating(db, workbook_id, strength_id, scale, values[scale])


def add_example(db: Database, today: date | None = None) -> int:
    """Add a copy of the example workbook, its dates moved to look current on `today` (the
    calendar's today unless given); returns its id. Never replaces an existing one."""
    data = dated(example_data(), today or date.today())
    with db.atomic():
        wid = create_workbook(db, unique_name(db, data["name"])).workbook_id
        for field, value in data["profile"].items():
            set_profile_field(db, wid, field, value)
        set_profile_field(db, wid, "strength_mode", data.get("strength_mode", "rating"))

        ratings = dict(data.get("ratings", {}))
        for custom in data.get("custom_strengths", []):
            key = door.add_own_strength(db, wid, custom["name"], custom["description"]).key
            ratings[key] = {scale: custom[scale] for scale in SCALES if scale in custom}
        for pid, agreement in data.get("preferences", {}).items():
            door.set_preference(db, wid, pid, agreement)
        if data.get("values"):  # what matters to the person, most first
            door.rank_values(db, wid, data["values"])
        for qid, answer in data.get("context", {}).items():
            door.set_context_answer(db, wid, qid, answer)

        # Check-ins first, with the ratings as they were then, so "what moved since
        # the last check-in" has a real earlier state to compare with.
        for checkin in sorted(data.get("checkins", []), key=lambda c: c["date"]):
            for sid, values in ratings.items():
                _rate(db, wid, sid, {**values, **checkin.get("ratings_then", {}).get(sid, {})})
            door.record_checkin(db, wid, checkin["body"], checkin["date"])
        for sid, values in ratings.items():
            _rate(db, wid, sid, values)

        for item in data.get("evidence", []):
            door.evidence.add(db, wid, **item)
        for entry in data.get("journal", []):
            values = dict(entry)
            values["entry_date"] = values.pop("date")
            values["private"] = int(values.get("private", True))
            door.journal.add(db, wid, **values)
        for path_id, future in data.get("futures", {}).items():
            for field, value in future.items():
                door.set_future(db, wid, path_id, field, value)
        if data.get("edge_statement"):
            door.set_edge_statement(db, wid, data["edge_statement"])
        for task in data.get("tasks", []):
            door.tasks.add(db, wid, **task)
        goal_ids = []
        for goal in data.get("goals", []):
            values = {k: v for k, v in goal.items() if k != "actions"}
            goal_id = door.goals.add(db, wid, **values).row_id
            goal_ids.append(goal_id)
            for action in goal.get("actions", []):
                door.actions.add(db, goal_id, **action)
        # In the example file "goal:N" means its N-th goal; stored, it names the row.
        for item in data.get("reinvestments", []):
            target = item.get("target_id") or ""
            if target.startswith("goal:"):
                item = {**item, "target_id": f"goal:{goal_ids[int(target[5:]) - 1]}"}
            door.reinvestments.add(db, wid, **item)
        if data.get("plan_start"):
            door.set_answer(db, "plan_notes", wid, None, "plan_start", data["plan_start"])
        for item in data.get("milestones", []):
            door.milestones.add(db, wid, **{**item, "done": int(item.get("done", 0))})
        for item in data.get("support", []):
            door.support.add(db, wid, **item)
        for item in data.get("questions", []):
            door.questions.add(db, wid, **item)
    return wid
