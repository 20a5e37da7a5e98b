"""Every table and field of a workbook, described once, as data.

Each `Field` (`workbook.fields`) says what a column holds (its kind, limits and allowed values),
what a blank answer stores, whether a new row must be given it, how it appears in the workbook
file, whether it is private and whether it is a closed answer that a coach's anonymous group
overview may count. Each `Table` says how its rows hang together (answers keyed by a content
id, one row per workbook, or a list) and where it sits in the workbook file.

What derives from it: the door's checks (`workbook.rules`), the workbook file's keys, checks,
import columns and JSON Schema (`workbook.workbook_file`), and the readers (`workbook.data`).
Migrations stay hand-written and frozen; `tests/test_registry.py` checks that a freshly
migrated database has exactly these columns, types and defaults.

To add a field: a migration, one entry here, the widget that edits it, and its line in
the PDF if printed (docs/architecture.md, "Where to add things").
"""

from __future__ import annotations

from typing import Any

from workbook.fields import Field, InFile, Kind, Shape, Table
from workbook.model import (
    HORIZONS,
    MAX_LONG_TEXT,
    MAX_SHORT_TEXT,
    MAX_YEARS_EXPERIENCE,
    ROLE_FAMILIES,
    STRENGTH_MODES,
    TRACKS,
)

MAX_HOURS = 80.0
MAX_POSITION = 100_000
#: The last place a value may take in a person's order (the content lists far fewer).
MAX_VALUE_RANK = 99
JOURNAL_KINDS = ("reflection", "energy", "feedback", "checkin")
GROW = ("goal", "reality", "options", "will")  # a goal's coaching stages, in order


def _text(name: str, limit: int = MAX_LONG_TEXT, **more: Any) -> Field:
    return Field(name, Kind.TEXT, limit=limit, **more)


def _short(name: str, **more: Any) -> Field:
    return _text(name, MAX_SHORT_TEXT, **more)


def _gauge(name: str, label: str, high: int = 5, **more: Any) -> Field:
    return Field(name, Kind.WHOLE, label, low=1, high=high, countable=True, **more)


def _position(*, in_file: bool = False) -> Field:
    return Field(
        "position",
        Kind.WHOLE,
        "A position",
        high=MAX_POSITION,
        default=0,
        clearable=False,
        file_key=None if in_file else "",
    )


def _ids(pairs: tuple[tuple[Any, str], ...]) -> tuple[Any, ...]:
    return tuple(key for key, _ in pairs)


PROFILE = Table(
    "profile",
    Shape.SINGLE,
    (
        Field(
            "person_name",
            Kind.LINE,
            "Your name",
            title="Your name",
            limit=MAX_SHORT_TEXT,
            default="",
        ),
        _short("current_role", default=""),
        Field(
            "role_family",
            Kind.CHOICE,
            choices=_ids(ROLE_FAMILIES),
            choices_label="role families",
            countable=True,
        ),
        Field(
            "years_experience",
            Kind.WHOLE,
            "Years of experience",
            title="Years of experience",
            high=MAX_YEARS_EXPERIENCE,
            countable=True,
        ),
        Field(
            "current_track",
            Kind.CHOICE,
            choices=_ids(TRACKS),
            choices_label="tracks",
            countable=True,
        ),
        _text("aim", title="What you want from this", default="", private=True),
        _short("decision", title="The decision in front of you", default=""),
        Field("decide_by", Kind.DATE, "The day to decide by", title="Decide by"),
        Field(
            "horizon_years",
            Kind.CHOICE,
            title="Time horizon",
            choices=_ids(HORIZONS),
            choices_label="time horizons",
            countable=True,
        ),
        Field(
            "strength_mode",
            Kind.CHOICE,
            title="Way to assess strengths",
            choices=_ids(STRENGTH_MODES),
            choices_label="ways to assess strengths",
            default="rating",
        ),
    ),
    "profile",
    InFile.OBJECT,
    "your profile",
    "your profile",
    step="about",
)

TABLES: tuple[Table, ...] = (
    PROFILE,
    Table(
        "strength_ratings",
        Shape.KEYED,
        (
            _gauge("proficiency", "Proficiency"),
            _gauge("energy", "Energy"),
            _gauge("edge", "Edge", 4),
            Field("rank", Kind.WHOLE, "A rank", low=1, high=999, countable=True),
            _text("overuse_note", default="", private=True),
            Field(
                "custom_name",
                Kind.LINE,
                "A strength's name",
                limit=MAX_SHORT_TEXT,
                file_key="name",
                custom_only=True,
            ),
            _text("custom_description", file_key="description", custom_only=True),
        ),
        "ratings",
        InFile.MAP,
        "a strength",
        "strengths",
        key="strength_id",
        note="Keyed by strength id: a catalogue strength, or custom_<n> for one of the "
        "person's own.",
        step="strengths",
    ),
    Table(
        "evidence",
        Shape.ROWS,
        (
            Field("strength_id", Kind.STRENGTH, "The strength", required=True),
            _text("situation", default="", private=True),
            _text("action", default="", private=True),
            _text("result", default="", private=True),
            Field("created_at", Kind.MOMENT, stamp="now"),
        ),
        "evidence",
        InFile.LIST,
        "a piece of evidence",
        "evidence",
        step="strengths",
    ),
    Table(
        "journal_entries",
        Shape.ROWS,
        (
            Field(
                "kind",
                Kind.CHOICE,
                choices=JOURNAL_KINDS,
                choices_label="kinds of entry",
                required=True,
                countable=True,
            ),
            Field("entry_date", Kind.DATE, "The entry's date", stamp="today"),
            Field("prompt_id", Kind.ID, known="prompts"),
            _text("body", default="", private=True),
            _short("source", default="", private=True),
            _gauge("energy_level", "The energy level"),
            Field("private", Kind.FLAG, default=1),
            Field(
                "links",
                Kind.LINKS,
                "Links",
                title="Strengths it speaks to",
                default="[]",
                known="strengths",
            ),
            Field("created_at", Kind.MOMENT, stamp="now", file_key=""),
            Field("updated_at", Kind.MOMENT, stamp="now", file_key=""),
        ),
        "journal",
        InFile.LIST,
        "a journal entry",
        "journal entries",
        step="strengths",
    ),
    Table(
        "preference_answers",
        Shape.KEYED,
        (_gauge("agreement", "A rating", file_null=False),),
        "preferences",
        InFile.MAP_VALUE,
        "a preference",
        "preferences",
        key="preference_id",
        note="Keyed by preference id: agreement from 1 (not at all) to 5 (very much).",
        step="edge",
    ),
    Table(
        "value_ranks",
        Shape.KEYED,
        (_gauge("rank", "A place", MAX_VALUE_RANK, file_null=False),),
        "values",
        InFile.MAP_VALUE,
        "what matters to you",
        "what matters to you",
        key="value_id",
        note="Keyed by value id: the value's place in the person's order, 1 for what matters most.",
        step="edge",
    ),
    Table(
        "context_answers",
        Shape.KEYED,
        (_text("answer", default=""),),
        "context",
        InFile.MAP_VALUE,
        "a workplace answer",
        "workplace answers",
        key="question_id",
        note="Keyed by context question id: the answer (for a choice question, one of its "
        "option ids).",
        step="edge",
    ),
    Table(
        "futures",
        Shape.KEYED,
        (
            _short("title", default=""),
            _text("story", default="", private=True),
            _text("questions", default="", private=True),
            _gauge("resources", "A gauge"),
            _gauge("liking", "A gauge"),
            _gauge("confidence", "A gauge"),
            _gauge("coherence", "A gauge"),
            _text("prototype", default=""),
        ),
        "futures",
        InFile.MAP,
        "a future",
        "futures",
        key="path_id",
        note="Keyed by path id: the future the person imagined on that path.",
        step="edge",
    ),
    Table(
        "edge_notes",
        Shape.SINGLE,
        (_text("edge_statement", default=""),),
        "edge_statement",
        InFile.VALUE,
        "your edge statement",
        "your edge statement",
        step="edge",
    ),
    Table(
        "ai_tasks",
        Shape.ROWS,
        (
            _position(in_file=True),
            _short("name", default=""),
            Field("library_task_id", Kind.ID, known="tasks"),
            Field("hours_per_week", Kind.NUMBER, "Hours a week", high=MAX_HOURS, default=0.0),
            Field(
                "mode",
                Kind.CHOICE,
                choices=("automate", "augment", "keep_human"),
                choices_label="modes",
                countable=True,
            ),
            Field("ai_share", Kind.NUMBER, "The share AI takes", high=1),
            _short("tool", default=""),
            _text("validation", default=""),
            Field("review_hours", Kind.NUMBER, "Review time", high=MAX_HOURS, default=0.0),
            # A blank stakes is stored as "" (not yet judged), as the first version had it.
            Field(
                "stakes",
                Kind.CHOICE,
                choices=("low", "medium", "high"),
                choices_label="stakes",
                default="",
                countable=True,
            ),
            _text("risk_note", default=""),
            _gauge("agency", "The agency you keep"),
        ),
        "tasks",
        InFile.LIST,
        "a task",
        "tasks",
        ordered=True,
        file_ids=True,
        step="ai_plan",
    ),
    Table(
        "reinvestments",
        Shape.ROWS,
        (
            Field("hours", Kind.NUMBER, "Hours", high=MAX_HOURS, default=0.0),
            Field(
                "target_kind",
                Kind.CHOICE,
                choices=("strength", "goal", "path", "other"),
                choices_label="kinds of target",
                default="other",
                countable=True,
            ),
            # A strength or path id, goal:<id>, or for "other" the person's own words.
            _short(
                "target_id",
                file_null=True,
                note="A strength id, a path id, goal:<id of a goal in this file>, or for "
                "other, free text.",
            ),
            _text("note", default=""),
        ),
        "reinvestments",
        InFile.LIST,
        "a reinvestment",
        "reinvestments",
        step="ai_plan",
    ),
    Table(
        "goals",
        Shape.ROWS,
        (
            _position(),
            _short("title", default=""),
            _text("measure", default=""),
            Field("target_date", Kind.DATE, "The target date"),
            Field("links", Kind.LINKS, "Links", default="[]"),
            Field("commitment", Kind.WHOLE, "Commitment", low=1, high=10, countable=True),
            Field("grow_notes", Kind.NOTES, title="GROW notes", choices=GROW, default="{}"),
        ),
        "goals",
        InFile.LIST,
        "a goal",
        "goals",
        ordered=True,
        file_ids=True,
        step="plan",
    ),
    Table(
        "actions",
        Shape.ROWS,
        (
            _position(),
            _short("title", default=""),
            Field(
                "kind",
                Kind.CHOICE,
                choices=("experience", "others", "formal"),
                choices_label="kinds of action",
                countable=True,
            ),
            Field("due_date", Kind.DATE, "The due date"),
            Field(
                "status",
                Kind.CHOICE,
                choices=("planned", "doing", "done", "dropped"),
                choices_label="statuses",
                default="planned",
                countable=True,
            ),
        ),
        "actions",
        InFile.NESTED,
        "an action",
        "actions",
        parent="goal_id",
        ordered=True,
        step="plan",
    ),
    Table(
        "milestones",
        Shape.ROWS,
        (
            Field(
                "day",
                Kind.CHOICE,
                choices=(30, 60, 90),
                choices_label="milestone days",
                required=True,
            ),
            _text("text", default=""),
            Field("done", Kind.FLAG, default=0, countable=True),
        ),
        "milestones",
        InFile.LIST,
        "a milestone",
        "milestones",
        step="plan",
    ),
    Table(
        "plan_notes",
        Shape.SINGLE,
        # Null: the plan counts from the day the workbook was made (workbook.data).
        (Field("plan_start", Kind.DATE, "The plan's start", title="When your plan starts"),),
        "plan_start",
        InFile.VALUE,
        "your plan's start",
        "your plan's start",
        step="plan",
    ),
    Table(
        "support_requests",
        Shape.ROWS,
        (
            Field(
                "source",
                Kind.CHOICE,
                choices=("manager", "hr", "mentor", "other"),
                choices_label="sources",
                default="manager",
                countable=True,
            ),
            _text("request", default=""),
            Field("needed_by", Kind.DATE, "The day it is needed by", title="Needed by"),
        ),
        "support",
        InFile.LIST,
        "a request for support",
        "requests for support",
        step="plan",
    ),
    Table(
        "conversation_questions",
        Shape.ROWS,
        (
            _position(),
            Field("library_id", Kind.ID, known="questions"),
            _text("text", default=""),
        ),
        "questions",
        InFile.LIST,
        "a question",
        "questions",
        ordered=True,
        step="plan",
    ),
    Table(
        "rating_snapshots",
        Shape.ROWS,
        (
            Field("taken_at", Kind.MOMENT, required=True),
            Field("data", Kind.DOCUMENT, required=True),
        ),
        "snapshots",
        InFile.LIST,
        "a check-in's snapshot",
        "check-ins' snapshots",
        step="plan",
        internal=True,
    ),
)

BY_NAME: dict[str, Table] = {table.name: table for table in TABLES}

#: Columns a migration made that nothing reads or writes yet, and why they stay.
NOT_YET_USED: dict[tuple[str, str], str] = {
    ("workbooks", "counted_in_group"): "consent to a coach's anonymous overview (workshops)",
    ("orchestration_ratings", "*"): "a first version's table, never written; kept so old "
    "files open unchanged",
}


def table(name: str) -> Table:
    """The table called `name` (KeyError for any other)."""
    return BY_NAME[name]


def of_shape(shape: Shape) -> dict[str, Table]:
    return {t.name: t for t in TABLES if t.shape is shape and t.name != "profile"}
