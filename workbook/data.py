"""A whole workbook read into memory: what the analysis, summary and exports work on.

Plain dataclasses with no database behind them (their fields are named as the
registry names the columns, and read by those names), so the analysis can be
tested (and property-tested) on answers built directly in code.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from functools import cache
from typing import Any, TypeVar

from sqlite_utils import Database

from workbook.fields import Kind
from workbook.model import Profile
from workbook.queries import get_workbook, load_profile
from workbook.registry import BY_NAME

T = TypeVar("T")


@dataclass(frozen=True)
class Rating:
    """One strength's self-assessment; None means "not rated yet"."""

    strength_id: str
    proficiency: int | None = None
    energy: int | None = None
    edge: int | None = None
    rank: int | None = None
    overuse_note: str = ""
    custom_name: str | None = None
    custom_description: str | None = None


@dataclass(frozen=True)
class Evidence:
    id: int
    strength_id: str
    situation: str
    action: str
    result: str
    created_at: str = ""

    @property
    def filled(self) -> bool:
        return bool(self.situation.strip() or self.action.strip() or self.result.strip())


@dataclass(frozen=True)
class JournalEntry:
    id: int
    kind: str
    body: str
    entry_date: str
    prompt_id: str | None = None
    source: str = ""
    energy_level: int | None = None
    private: bool = True
    #: The strengths a piece of feedback speaks to, as "strength:<id>".
    links: tuple[str, ...] = ()


@dataclass(frozen=True)
class Future:
    path_id: str
    title: str = ""
    story: str = ""
    questions: str = ""
    resources: int | None = None
    liking: int | None = None
    confidence: int | None = None
    coherence: int | None = None
    prototype: str = ""


@dataclass(frozen=True)
class Task:
    id: int
    name: str
    hours_per_week: float
    mode: str | None
    ai_share: float | None
    validation: str = ""
    review_hours: float = 0.0
    stakes: str = ""
    tool: str = ""
    risk_note: str = ""
    agency: int | None = None
    library_task_id: str | None = None
    position: int = 0


@dataclass(frozen=True)
class Reinvestment:
    id: int
    hours: float
    target_kind: str
    target_id: str | None
    note: str = ""


@dataclass(frozen=True)
class Action:
    id: int
    goal_id: int
    title: str
    kind: str | None
    due_date: str | None
    status: str = "planned"


@dataclass(frozen=True)
class Goal:
    id: int
    title: str
    measure: str = ""
    target_date: str | None = None
    links: tuple[str, ...] = ()
    commitment: int | None = None
    #: A note per GROW stage written so far ("reality": "..."), in the stages' order.
    grow_notes: dict[str, str] = field(default_factory=dict)
    #: Last: the readers fill the fields before it in order, then the actions (`_plan`).
    actions: tuple[Action, ...] = ()


@dataclass(frozen=True)
class Milestone:
    id: int
    day: int
    text: str
    done: bool = False


@dataclass(frozen=True)
class SupportRequest:
    id: int
    source: str
    request: str
    needed_by: str | None = None


@dataclass(frozen=True)
class QuestionChoice:
    id: int
    text: str
    library_id: str | None = None


@dataclass(frozen=True)
class Snapshot:
    id: int
    taken_at: str
    data: dict[str, Any]


@dataclass(frozen=True)
class WorkbookData:
    workbook_id: int = 0
    name: str = ""
    profile: Profile = field(default_factory=lambda: Profile(0))
    ratings: dict[str, Rating] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()
    journal: tuple[JournalEntry, ...] = ()
    preferences: dict[str, int] = field(default_factory=dict)
    #: What matters to you: each ranked value's place, 1 for what matters most.
    values: dict[str, int] = field(default_factory=dict)
    context: dict[str, str] = field(default_factory=dict)
    futures: dict[str, Future] = field(default_factory=dict)
    edge_statement: str = ""
    tasks: tuple[Task, ...] = ()
    reinvestments: tuple[Reinvestment, ...] = ()
    goals: tuple[Goal, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    #: The day the milestones' days count from (YYYY-MM-DD): the one the person set, else
    #: the day the workbook was made; None only for data built without either.
    plan_start: str | None = None
    support: tuple[SupportRequest, ...] = ()
    questions: tuple[QuestionChoice, ...] = ()
    snapshots: tuple[Snapshot, ...] = ()

    def evidence_for(self, strength_id: str) -> list[Evidence]:
        return [e for e in self.evidence if e.strength_id == strength_id and e.filled]


_CONVERT: dict[Kind, Callable[[Any], Any]] = {
    Kind.FLAG: bool,
    Kind.LINKS: lambda stored: tuple(json.loads(stored or "[]")),
    Kind.NOTES: lambda stored: json.loads(stored or "{}"),
}


@cache
def _plan(cls: type, table: str, alias: str) -> tuple[str, tuple[tuple[int, Callable], ...]]:
    """The columns to select for `cls` and how to convert the values that need it, worked
    out once per dataclass."""
    described = BY_NAME[table]
    names = [f.name for f in fields(cls) if f.name != "actions"]  # a goal's own list
    convert = tuple(
        (index, _CONVERT[described.field(name).kind])
        for index, name in enumerate(names)
        if name in described.names and described.field(name).kind in _CONVERT
    )
    return ", ".join(f"{alias}{name}" for name in names), convert


def _read(
    db: Database, cls: type[T], table: str, rest: str, params: list[Any], *, alias: str = ""
) -> list[T]:
    """Rows of `table` as `cls`, whose fields are named as the table's columns (the
    registry's fields, its key and `id`), read as tuples straight into the dataclass:
    building a dict per row first took a third of the time a workbook took to load."""
    columns, convert = _plan(cls, table, alias)
    rows = db.execute(f"SELECT {columns} {rest}", params).fetchall()
    if not convert:
        return [cls(*row) for row in rows]
    read = []
    for row in rows:
        values = list(row)
        for index, change in convert:
            values[index] = change(values[index])
        read.append(cls(*values))
    return read


def load_tasks(db: Database, workbook_id: int) -> tuple[Task, ...]:
    """One workbook's AI tasks in their order (for the AI plan's progress on its own)."""
    rest = "FROM ai_tasks WHERE workbook_id = ? ORDER BY position, id"
    return tuple(_read(db, Task, "ai_tasks", rest, [workbook_id]))


def load_workbook_data(db: Database, workbook_id: int) -> WorkbookData:
    """Read every answer of one workbook."""
    info = get_workbook(db, workbook_id)
    w = [workbook_id]
    mine = "WHERE workbook_id = ?"
    ratings = {
        r.strength_id: r
        for r in _read(
            db, Rating, "strength_ratings", f"FROM strength_ratings {mine} ORDER BY id", w
        )
    }
    preferences = {
        key: agreement
        for key, agreement in db.execute(
            f"SELECT preference_id, agreement FROM preference_answers {mine}", w
        )
        if agreement is not None
    }
    values = {
        key: rank
        for key, rank in db.execute(
            f"SELECT value_id, rank FROM value_ranks {mine} ORDER BY rank, value_id", w
        )
        if rank is not None
    }
    context = {
        key: answer
        for key, answer in db.execute(f"SELECT question_id, answer FROM context_answers {mine}", w)
        if answer
    }
    futures = {f.path_id: f for f in _read(db, Future, "futures", f"FROM futures {mine}", w)}
    note = db.execute(f"SELECT edge_statement FROM edge_notes {mine}", w).fetchone()
    start = db.execute(f"SELECT plan_start FROM plan_notes {mine}", w).fetchone()
    actions: dict[int, list[Action]] = {}
    for action in _read(
        db,
        Action,
        "actions",
        "FROM actions a JOIN goals g ON g.id = a.goal_id "
        "WHERE g.workbook_id = ? ORDER BY a.position, a.id",
        w,
        alias="a.",
    ):
        actions.setdefault(action.goal_id, []).append(action)
    goals = tuple(
        replace(goal, actions=tuple(actions.get(goal.id, [])))
        for goal in _read(db, Goal, "goals", f"FROM goals {mine} ORDER BY position, id", w)
    )
    return WorkbookData(
        workbook_id=workbook_id,
        name=info.name,
        profile=load_profile(db, workbook_id),
        ratings=ratings,
        evidence=tuple(_read(db, Evidence, "evidence", f"FROM evidence {mine} ORDER BY id", w)),
        journal=tuple(
            _read(
                db,
                JournalEntry,
                "journal_entries",
                f"FROM journal_entries {mine} ORDER BY entry_date, id",
                w,
            )
        ),
        preferences=preferences,
        values=values,
        context=context,
        futures=futures,
        edge_statement=note[0] if note else "",
        tasks=load_tasks(db, workbook_id),
        reinvestments=tuple(
            _read(db, Reinvestment, "reinvestments", f"FROM reinvestments {mine} ORDER BY id", w)
        ),
        goals=goals,
        milestones=tuple(
            _read(db, Milestone, "milestones", f"FROM milestones {mine} ORDER BY day, id", w)
        ),
        plan_start=(start and start[0]) or info.created_at[:10] or None,
        support=tuple(
            _read(
                db,
                SupportRequest,
                "support_requests",
                f"FROM support_requests {mine} ORDER BY id",
                w,
            )
        ),
        questions=tuple(
            _read(
                db,
                QuestionChoice,
                "conversation_questions",
                f"FROM conversation_questions {mine} ORDER BY position, id",
                w,
            )
        ),
        snapshots=tuple(
            Snapshot(snapshot_id, taken_at, json.loads(data))
            for snapshot_id, taken_at, data in db.execute(
                f"SELECT id, taken_at, data FROM rating_snapshots {mine} ORDER BY taken_at, id", w
            )
        ),
    )
