"""A whole workbook read into memory: what the analysis, summary and exports work on.

Plain dataclasses with no database behind them, so the analysis can be
tested (and property-tested) on answers built directly in code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from workbook.model import Profile
from workbook.queries import get_workbook, load_profile


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
    context: dict[str, str] = field(default_factory=dict)
    futures: dict[str, Future] = field(default_factory=dict)
    edge_statement: str = ""
    tasks: tuple[Task, ...] = ()
    reinvestments: tuple[Reinvestment, ...] = ()
    goals: tuple[Goal, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    support: tuple[SupportRequest, ...] = ()
    questions: tuple[QuestionChoice, ...] = ()
    snapshots: tuple[Snapshot, ...] = ()

    def evidence_for(self, strength_id: str) -> list[Evidence]:
        return [e for e in self.evidence if e.strength_id == strength_id and e.filled]


def _rows(db: Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def load_workbook_data(db: Database, workbook_id: int) -> WorkbookData:
    """Read every answer of one workbook."""
    info = get_workbook(db, workbook_id)
    w = [workbook_id]
    ratings = {
        r["strength_id"]: Rating(
            r["strength_id"],
            r["proficiency"],
            r["energy"],
            r["edge"],
            r["rank"],
            r["overuse_note"],
            r["custom_name"],
            r["custom_description"],
        )
        for r in _rows(db, "SELECT * FROM strength_ratings WHERE workbook_id = ? ORDER BY id", w)
    }
    evidence = tuple(
        Evidence(
            r["id"], r["strength_id"], r["situation"], r["action"], r["result"], r["created_at"]
        )
        for r in _rows(db, "SELECT * FROM evidence WHERE workbook_id = ? ORDER BY id", w)
    )
    journal = tuple(
        JournalEntry(
            r["id"],
            r["kind"],
            r["body"],
            r["entry_date"],
            r["prompt_id"],
            r["source"],
            r["energy_level"],
            bool(r["private"]),
        )
        for r in _rows(
            db, "SELECT * FROM journal_entries WHERE workbook_id = ? ORDER BY entry_date, id", w
        )
    )
    preferences = {
        r["preference_id"]: r["agreement"]
        for r in _rows(db, "SELECT * FROM preference_answers WHERE workbook_id = ?", w)
        if r["agreement"] is not None
    }
    context = {
        r["question_id"]: r["answer"]
        for r in _rows(db, "SELECT * FROM context_answers WHERE workbook_id = ?", w)
        if r["answer"]
    }
    futures = {
        r["path_id"]: Future(
            r["path_id"],
            r["title"],
            r["story"],
            r["questions"],
            r["resources"],
            r["liking"],
            r["confidence"],
            r["coherence"],
            r["prototype"],
        )
        for r in _rows(db, "SELECT * FROM futures WHERE workbook_id = ?", w)
    }
    note = db.execute("SELECT edge_statement FROM edge_notes WHERE workbook_id = ?", w).fetchone()
    tasks = tuple(
        Task(
            r["id"],
            r["name"],
            r["hours_per_week"],
            r["mode"],
            r["ai_share"],
            r["validation"],
            r["review_hours"],
            r["stakes"],
            r["tool"],
            r["risk_note"],
            r["agency"],
            r["library_task_id"],
            r["position"],
        )
        for r in _rows(db, "SELECT * FROM ai_tasks WHERE workbook_id = ? ORDER BY position, id", w)
    )
    reinvestments = tuple(
        Reinvestment(r["id"], r["hours"], r["target_kind"], r["target_id"], r["note"])
        for r in _rows(db, "SELECT * FROM reinvestments WHERE workbook_id = ? ORDER BY id", w)
    )
    actions: dict[int, list[Action]] = {}
    for r in _rows(
        db,
        "SELECT a.* FROM actions a JOIN goals g ON g.id = a.goal_id "
        "WHERE g.workbook_id = ? ORDER BY a.position, a.id",
        w,
    ):
        actions.setdefault(r["goal_id"], []).append(
            Action(r["id"], r["goal_id"], r["title"], r["kind"], r["due_date"], r["status"])
        )
    goals = tuple(
        Goal(
            r["id"],
            r["title"],
            r["measure"],
            r["target_date"],
            tuple(json.loads(r["links"] or "[]")),
            r["commitment"],
            tuple(actions.get(r["id"], [])),
        )
        for r in _rows(db, "SELECT * FROM goals WHERE workbook_id = ? ORDER BY position, id", w)
    )
    milestones = tuple(
        Milestone(r["id"], r["day"], r["text"], bool(r["done"]))
        for r in _rows(db, "SELECT * FROM milestones WHERE workbook_id = ? ORDER BY day, id", w)
    )
    support = tuple(
        SupportRequest(r["id"], r["source"], r["request"])
        for r in _rows(db, "SELECT * FROM support_requests WHERE workbook_id = ? ORDER BY id", w)
    )
    questions = tuple(
        QuestionChoice(r["id"], r["text"], r["library_id"])
        for r in _rows(
            db,
            "SELECT * FROM conversation_questions WHERE workbook_id = ? ORDER BY position, id",
            w,
        )
    )
    snapshots = tuple(
        Snapshot(r["id"], r["taken_at"], json.loads(r["data"]))
        for r in _rows(
            db, "SELECT * FROM rating_snapshots WHERE workbook_id = ? ORDER BY taken_at, id", w
        )
    )
    return WorkbookData(
        workbook_id=workbook_id,
        name=info.name,
        profile=load_profile(db, workbook_id),
        ratings=ratings,
        evidence=evidence,
        journal=journal,
        preferences=preferences,
        context=context,
        futures=futures,
        edge_statement=note[0] if note else "",
        tasks=tasks,
        reinvestments=reinvestments,
        goals=goals,
        milestones=milestones,
        support=support,
        questions=questions,
        snapshots=snapshots,
    )
