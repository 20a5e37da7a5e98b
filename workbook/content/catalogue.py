"""The coaching content as plain, read-only dataclasses.

Built by `workbook.content.loader` from the checked TOML files; the
analysis and the UI read these, never the raw files.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Scale:
    id: str
    name: str
    question: str
    levels: dict[int, str]

    @property
    def top(self) -> int:
        return max(self.levels)


@dataclass(frozen=True)
class Domain:
    id: str
    name: str
    description: str


@dataclass(frozen=True)
class Strength:
    id: str
    domain: str
    name: str
    description: str
    source: str
    overuse: str
    proficiency: dict[int, str]
    energy: dict[int, str]
    edge: dict[int, str]
    custom: bool = False


@dataclass(frozen=True)
class Prompt:
    id: str
    text: str
    step: str
    grow: str
    source: str
    hint: str = ""


@dataclass(frozen=True)
class Preference:
    id: str
    statement: str
    source: str
    hint: str = ""


@dataclass(frozen=True)
class ContextQuestion:
    id: str
    text: str
    kind: str
    source: str
    hint: str = ""
    options: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Weight:
    """One thing a path profile counts: a strength, a preference or a context answer."""

    kind: str  # "strength", "preference" or "context"
    target: str  # the strength, preference or context question id
    weight: int
    why: str
    answer: str | None = None  # for context weights: the answer that counts


@dataclass(frozen=True)
class PathProfile:
    id: str
    name: str
    short_name: str
    description: str
    source: str
    weights: tuple[Weight, ...]


@dataclass(frozen=True)
class TaskTemplate:
    id: str
    family: str
    name: str
    hours_hint: float
    ai_share: float
    mode: str
    validation: str
    stakes: str
    stakes_note: str
    source: str


@dataclass(frozen=True)
class OrchestrationSkill:
    id: str
    name: str
    why_it_matters: str
    source: str
    levels: dict[int, str]


@dataclass(frozen=True)
class ConversationQuestion:
    id: str
    text: str
    topic: str
    source: str


@dataclass(frozen=True)
class ActionIdea:
    id: str
    text: str
    kind: str
    source: str
    for_strength: str | None = None
    for_path: str | None = None


@dataclass(frozen=True)
class Content:
    scales: dict[str, Scale]
    domains: dict[str, Domain]
    strengths: dict[str, Strength]
    prompts: dict[str, Prompt]
    preferences: dict[str, Preference]
    context: dict[str, ContextQuestion]
    paths: dict[str, PathProfile]
    tasks: dict[str, TaskTemplate]
    task_note: str
    orchestration: dict[str, OrchestrationSkill]
    questions: dict[str, ConversationQuestion]
    actions: dict[str, ActionIdea]
    extra: dict[str, object] = field(default_factory=dict)

    def tasks_for_family(self, family: str) -> list[TaskTemplate]:
        return [task for task in self.tasks.values() if task.family == family]

    def strengths_in(self, domain: str) -> list[Strength]:
        return [s for s in self.strengths.values() if s.domain == domain]
