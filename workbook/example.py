"""The example workbook: a realistic person with every step filled in.

New users open it to look around before starting their own. It is kept as
data in resources/examples and added through the same edit functions a
person's typing goes through, so it is always valid for the current schema.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

from workbook import records
from workbook.edits import create_workbook, set_profile_field, unique_name

if TYPE_CHECKING:
    from sqlite_utils import Database

EXAMPLE_FILE = "examples/example_workbook.json"
SCALES = ("proficiency", "energy", "edge")


def example_data() -> dict[str, Any]:
    """The example workbook as shipped."""
    text = resources.files("resources").joinpath(EXAMPLE_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def _rate(db: Database, workbook_id: int, strength_id: str, values: dict[str, Any]) -> None:
    for scale in (*SCALES, "overuse_note"):
        if scale in values:
            records.set_answer(
                db, "strength_ratings", workbook_id, strength_id, scale, values[scale]
            )


def add_example(db: Database) -> int:
    """Add a copy of the example workbook; returns its id. Never replaces an existing one."""
    data = example_data()
    with db.atomic():
        wid = create_workbook(db, unique_name(db, data["name"])).workbook_id
        for field, value in data["profile"].items():
            set_profile_field(db, wid, field, value)
        set_profile_field(db, wid, "strength_mode", data.get("strength_mode", "rating"))

        ratings = dict(data.get("ratings", {}))
        for custom in data.get("custom_strengths", []):
            key = records.add_custom_strength(db, wid, custom["name"], custom["description"]).key
            ratings[key] = {scale: custom[scale] for scale in SCALES if scale in custom}
        for pid, agreement in data.get("preferences", {}).items():
            records.set_answer(db, "preference_answers", wid, pid, "agreement", agreement)
        for qid, answer in data.get("context", {}).items():
            records.set_answer(db, "context_answers", wid, qid, "answer", answer)

        # Check-ins first, with the ratings as they were then, so "what moved since
        # the last check-in" has a real earlier state to compare with.
        for checkin in sorted(data.get("checkins", []), key=lambda c: c["date"]):
            for sid, values in ratings.items():
                _rate(db, wid, sid, {**values, **checkin.get("ratings_then", {}).get(sid, {})})
            records.record_checkin(db, wid, checkin["body"], checkin["date"])
        for sid, values in ratings.items():
            _rate(db, wid, sid, values)

        for item in data.get("evidence", []):
            records.add_row(db, "evidence", wid, **item)
        for entry in data.get("journal", []):
            values = dict(entry)
            values["entry_date"] = values.pop("date")
            values["private"] = int(values.get("private", True))
            records.add_row(db, "journal_entries", wid, **values)
        for path_id, future in data.get("futures", {}).items():
            for field, value in future.items():
                records.set_answer(db, "futures", wid, path_id, field, value)
        if data.get("edge_statement"):
            records.set_answer(
                db, "edge_notes", wid, None, "edge_statement", data["edge_statement"]
            )
        for task in data.get("tasks", []):
            records.add_row(db, "ai_tasks", wid, **task)
        goal_ids = []
        for goal in data.get("goals", []):
            values = {k: v for k, v in goal.items() if k != "actions"}
            goal_id = records.add_row(db, "goals", wid, **values).row_id
            goal_ids.append(goal_id)
            for action in goal.get("actions", []):
                records.add_row(db, "actions", goal_id, **action)
        # In the example file "goal:N" means its N-th goal; stored, it names the row.
        for item in data.get("reinvestments", []):
            target = item.get("target_id") or ""
            if target.startswith("goal:"):
                item = {**item, "target_id": f"goal:{goal_ids[int(target[5:]) - 1]}"}
            records.add_row(db, "reinvestments", wid, **item)
        for item in data.get("milestones", []):
            records.add_row(db, "milestones", wid, **{**item, "done": int(item.get("done", 0))})
        for item in data.get("support", []):
            records.add_row(db, "support_requests", wid, **item)
        for item in data.get("questions", []):
            records.add_row(db, "conversation_questions", wid, **item)
    return wid
