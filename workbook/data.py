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


def _rows(db: Database, columns: str, rest: str, params: list[Any]) -> list[tuple[Any, ...]]:
    # Named columns, read as tuples straight into the dataclasses (in their fields' order):
    # building a dict per row first took a third of the time a workbook took to load.
    return db.execute(f"SELECT {columns} {rest}", params).fetchall()


def load_workbook_data(db: Database, workbook_id: int) -> WorkbookData:
    """Read every answer of one workbook."""
    info = get_workbook(db, workbook_id)
    w = [workbook_id]
    ratings = {
        row[0]: Rating(*row)
        for row in _rows(
            db,
            "strength_id, proficiency, energy, edge, rank, overuse_note, custom_name, "
            "custom_description",
            "FROM strength_ratings WHERE workbook_id = ? ORDER BY id",
            w,
        )
    }
    evidence = tuple(
        Evidence(*row)
        for row in _rows(
            db,
            "id, strength_id, situation, action, result, created_at",
            "FROM evidence WHERE workbook_id = ? ORDER BY id",
            w,
        )
    )
    journal = tuple(
        JournalEntry(*row[:7], bool(row[7]))
        for row in _rows(
            db,
            "id, kind, body, entry_date, prompt_id, source, energy_level, private",
            "FROM journal_entries WHERE workbook_id = ? ORDER BY entry_date, id",
            w,
        )
    )
    preferences = {
        key: agreement
        for key, agreement in _rows(
            db, "preference_id, agreement", "FROM preference_answers WHERE workbook_id = ?", w
        )
        if agreement is not None
    }
    context = {
        key: answer
        for key, answer in _rows(
            db, "question_id, answer", "FROM context_answers WHERE workbook_id = ?", w
        )
        if answer
    }
    futures = {
        row[0]: Future(*row)
        for row in _rows(
            db,
            "path_id, title, story, questions, resources, liking, confidence, coherence, prototype",
            "FROM futures WHERE workbook_id = ?",
            w,
        )
    }
    note = db.execute("SELECT edge_statement FROM edge_notes WHERE workbook_id = ?", w).fetchone()
    tasks = tuple(
        Task(*row)
        for row in _rows(
            db,
            "id, name, hours_per_week, mode, ai_share, validation, review_hours, stakes, tool, "
            "risk_note, agency, library_task_id, position",
            "FROM ai_tasks WHERE workbook_id = ? ORDER BY position, id",
            w,
        )
    )
    reinvestments = tuple(
        Reinvestment(*row)
        for row in _rows(
            db,
            "id, hours, target_kind, target_id, note",
            "FROM reinvestments WHERE workbook_id = ? ORDER BY id",
            w,
        )
    )
    actions: dict[int, list[Action]] = {}
    for row in _rows(
        db,
        "a.id, a.goal_id, a.title, a.kind, a.due_date, a.status",
        "FROM actions a JOIN goals g ON g.id = a.goal_id "
        "WHERE g.workbook_id = ? ORDER BY a.position, a.id",
        w,
    ):
        actions.setdefault(row[1], []).append(Action(*row))
    goals = tuple(
        Goal(
            goal_id,
            title,
            measure,
            target_date,
            tuple(json.loads(links or "[]")),
            commitment,
            tuple(actions.get(goal_id, [])),
        )
        for goal_id, title, measure, target_date, links, commitment in _rows(
            db,
            "id, title, measure, target_date, links, commitment",
            "FROM goals WHERE workbook_id = ? ORDER BY position, id",
            w,
        )
    )
    milestones = tuple(
        Milestone(milestone_id, day, text, bool(done))
        for milestone_id, day, text, done in _rows(
            db,
            "id, day, text, done",
            "FROM milestones WHERE workbook_id = ? ORDER BY day, id",
            w,
        )
    )
    support = tuple(
        SupportRequest(*row)
        for row in _rows(
            db,
            "id, source, request",
            "FROM support_requests WHERE workbook_id = ? ORDER BY id",
            w,
        )
    )
    questions = tuple(
        QuestionChoice(*row)
        for row in _rows(
            db,
            "id, text, library_id",
            "FROM conversation_questions WHERE workbook_id = ? ORDER BY position, id",
            w,
        )
    )
    snapshots = tuple(
        Snapshot(snapshot_id, taken_at, json.loads(data))
        for snapshot_id, taken_at, data in _rows(
            db,
            "id, taken_at, data",
            "FROM rating_snapshots WHERE workbook_id = ? ORDER BY taken_at, id",
            w,
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
