"""The fields of every answer and list table: each field's rule, and each table's shape.

A rule takes a value as a person or a file gives it and returns what is stored,
or raises InvalidEdit with a plain message. `KEYED` (answers keyed by a content
id), `SINGLE` (one row per workbook) and `ROWS` (lists of entries) say which
fields each table has, what adding a row needs and where a row belongs. The
door (`workbook.records`) checks every edit against them, and the workbook
file's checks (`workbook.workbook_file.checking`) read the same rules. This is
where one registry of tables and fields will grow (issue 11).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from workbook.edits import JOURNAL_KINDS, name_rule, text_rule
from workbook.errors import InvalidEdit
from workbook.model import MAX_LONG_TEXT, MAX_SHORT_TEXT

Rule = Callable[[Any], Any]
MAX_HOURS = 80.0


def whole(low: int, high: int, what: str) -> Rule:
    def check(value: Any) -> int | None:
        if value in (None, ""):
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidEdit(f"{what} must be a whole number from {low} to {high}.")
        if not low <= value <= high:
            raise InvalidEdit(f"{what} must be from {low} to {high}.")
        return value

    return check


def number(low: float, high: float, what: str, *, optional: bool = False) -> Rule:
    def check(value: Any) -> float | None:
        if value in (None, ""):
            if optional:
                return None
            return 0.0
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            raise InvalidEdit(f"{what} must be a number.")
        if not low <= value <= high:
            raise InvalidEdit(f"{what} must be from {low:g} to {high:g}.")
        return float(value)

    return check


def choice(options: tuple[Any, ...], what: str, *, optional: bool = True) -> Rule:
    def check(value: Any) -> Any:
        if value in (None, "") and optional:
            return None
        if value not in options or isinstance(value, bool):
            raise InvalidEdit(
                f"{value!r} is not one of the {what}: {', '.join(map(str, options))}."
            )
        return value

    return check


def iso_date(what: str) -> Rule:
    def check(value: Any) -> str | None:
        if value in (None, ""):
            return None
        if isinstance(value, datetime):  # a datetime is a date too, but its text has a time
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise InvalidEdit(f"{what} must be a date written as YYYY-MM-DD.") from None

    return check


def flag(value: Any) -> int:
    if not isinstance(value, bool | int) or value not in (0, 1):
        raise InvalidEdit("This must be yes or no.")
    return int(value)


ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


def content_id(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise InvalidEdit(f"{value!r} is not a valid id.")
    return value


def links(value: Any) -> str:
    if value in (None, ""):
        return "[]"
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise InvalidEdit("Links must be a list.") from None
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise InvalidEdit("Links must be a list of names such as 'strength:mentoring'.")
    return json.dumps(list(value))


SHORT = text_rule(MAX_SHORT_TEXT)
LONG = text_rule(MAX_LONG_TEXT)
#: A strength of the person's own is named on one line, like a workbook.
STRENGTH_NAME = name_rule(MAX_SHORT_TEXT, "A strength's name")
RATING_5 = whole(1, 5, "A rating")
GAUGE = whole(1, 5, "A gauge")


@dataclass(frozen=True)
class TableSpec:
    fields: dict[str, Rule]
    key: str | None = None  # keyed tables: the column holding the content id
    parent: str = "workbook_id"  # actions belong to a goal
    required: tuple[str, ...] = ()  # fields add_row must be given
    defaults: dict[str, Any] = field(default_factory=dict)


KEYED: dict[str, TableSpec] = {
    "strength_ratings": TableSpec(
        {
            "proficiency": whole(1, 5, "Proficiency"),
            "energy": whole(1, 5, "Energy"),
            "edge": whole(1, 4, "Edge"),
            "rank": whole(1, 999, "A rank"),
            "overuse_note": LONG,
            "custom_name": STRENGTH_NAME,
            "custom_description": LONG,
        },
        key="strength_id",
    ),
    "preference_answers": TableSpec({"agreement": RATING_5}, key="preference_id"),
    "context_answers": TableSpec({"answer": LONG}, key="question_id"),
    "futures": TableSpec(
        {
            "title": SHORT,
            "story": LONG,
            "questions": LONG,
            "resources": GAUGE,
            "liking": GAUGE,
            "confidence": GAUGE,
            "coherence": GAUGE,
            "prototype": LONG,
        },
        key="path_id",
    ),
}

SINGLE: dict[str, TableSpec] = {"edge_notes": TableSpec({"edge_statement": LONG})}

ROWS: dict[str, TableSpec] = {
    "evidence": TableSpec(
        {"strength_id": content_id, "situation": LONG, "action": LONG, "result": LONG},
        required=("strength_id",),
        defaults={"created_at": None},
    ),
    "journal_entries": TableSpec(
        {
            "kind": choice(JOURNAL_KINDS, "kinds of entry", optional=False),
            "prompt_id": content_id,
            "body": LONG,
            "source": SHORT,
            "energy_level": whole(1, 5, "The energy level"),
            "entry_date": iso_date("The entry's date"),
            "private": flag,
        },
        required=("kind",),
        defaults={"created_at": None, "updated_at": None},
    ),
    "ai_tasks": TableSpec(
        {
            "name": SHORT,
            "library_task_id": content_id,
            "hours_per_week": number(0, MAX_HOURS, "Hours a week"),
            "mode": choice(("automate", "augment", "keep_human"), "modes"),
            "ai_share": number(0, 1, "The share AI takes", optional=True),
            "tool": SHORT,
            "validation": LONG,
            "review_hours": number(0, MAX_HOURS, "Review time"),
            "stakes": lambda v: choice(("low", "medium", "high"), "stakes")(v) or "",
            "risk_note": LONG,
            "agency": whole(1, 5, "The agency you keep"),
            "position": whole(0, 100_000, "A position"),
        }
    ),
    "reinvestments": TableSpec(
        {
            "hours": number(0, MAX_HOURS, "Hours"),
            "target_kind": choice(
                ("strength", "goal", "path", "other"), "kinds of target", optional=False
            ),
            "target_id": SHORT,
            "note": LONG,
        },
        defaults={"target_kind": "other"},
    ),
    "goals": TableSpec(
        {
            "title": SHORT,
            "measure": LONG,
            "target_date": iso_date("The target date"),
            "links": links,
            "commitment": whole(1, 10, "Commitment"),
            "position": whole(0, 100_000, "A position"),
        }
    ),
    "actions": TableSpec(
        {
            "title": SHORT,
            "kind": choice(("experience", "others", "formal"), "kinds of action"),
            "due_date": iso_date("The due date"),
            "status": choice(("planned", "doing", "done", "dropped"), "statuses", optional=False),
            "position": whole(0, 100_000, "A position"),
        },
        parent="goal_id",
        defaults={"status": "planned"},
    ),
    "milestones": TableSpec(
        {"day": choice((30, 60, 90), "milestone days", optional=False), "text": LONG, "done": flag},
        required=("day",),
    ),
    "support_requests": TableSpec(
        {
            "source": choice(("manager", "hr", "mentor", "other"), "sources", optional=False),
            "request": LONG,
        },
        defaults={"source": "manager"},
    ),
    "conversation_questions": TableSpec(
        {"library_id": content_id, "text": LONG, "position": whole(0, 100_000, "A position")}
    ),
}
