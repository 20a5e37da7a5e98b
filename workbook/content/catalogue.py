"""The coaching content as plain, read-only records.

Built by `workbook.content.loader` from the checked TOML files; the
analysis and the UI read these, never the raw files. They are NamedTuples
rather than frozen dataclasses: as immutable and as readable, and defining
the first thirteen of them took 1.5 ms instead of 8 ms, which the window would
otherwise spend on its way to showing a workbook.
"""

from __future__ import annotations

from typing import NamedTuple


class Scale(NamedTuple):
    id: str
    name: str
    question: str
    levels: dict[int, str]

    @property
    def top(self) -> int:
        return max(self.levels)


class Domain(NamedTuple):
    id: str
    name: str
    description: str


class Strength(NamedTuple):
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


class Prompt(NamedTuple):
    id: str
    text: str
    step: str
    grow: str
    source: str
    hint: str = ""


class Preference(NamedTuple):
    id: str
    statement: str
    source: str
    hint: str = ""


class Value(NamedTuple):
    """Something that may matter to a person in their working life, which they rank."""

    id: str
    name: str
    description: str
    source: str


class ContextQuestion(NamedTuple):
    id: str
    text: str
    kind: str
    source: str
    hint: str = ""
    options: tuple[tuple[str, str], ...] = ()


class Weight(NamedTuple):
    """One thing a path profile counts: a strength, a preference, a value or a context answer."""

    kind: str  # "strength", "preference", "value" or "context"
    target: str  # the strength, preference, value or context question id
    weight: int
    why: str
    answer: str | None = None  # for context weights: the answer that counts


class PathProfile(NamedTuple):
    id: str
    name: str
    short_name: str
    description: str
    source: str
    weights: tuple[Weight, ...]


class TaskTemplate(NamedTuple):
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
    #: What the task is for: the result it serves, beyond the hours it takes.
    outcome: str
    #: One-off hours before AI helps: learning the tool, instructions, trying it out.
    setup_hours: float
    #: (risk kind, level) for each of `schema.RISK_KINDS`, in that order.
    risks: tuple[tuple[str, str], ...]
    #: The risk that matters most here, in the task's own words ("" if none is high).
    risk_note: str = ""

    def risk(self, kind: str) -> str:
        return dict(self.risks)[kind]


class TaskFamily(NamedTuple):
    """A role family of the task library, with the range its starting shares keep to."""

    id: str
    #: Where the family's typical share (its tasks' shares weighted by their hours) lies.
    share_range: tuple[float, float]
    #: The most any one of its tasks starts at.
    share_ceiling: float


class RiskKind(NamedTuple):
    """Something delegating a task to AI may put at risk, with what each level means."""

    id: str
    name: str
    question: str
    source: str
    levels: dict[str, str]


class OrchestrationSkill(NamedTuple):
    id: str
    name: str
    why_it_matters: str
    source: str
    levels: dict[int, str]


class ConversationQuestion(NamedTuple):
    id: str
    text: str
    topic: str
    source: str


class ActionIdea(NamedTuple):
    id: str
    text: str
    kind: str
    source: str
    for_strength: str | None = None
    for_path: str | None = None


class GuideText(NamedTuple):
    """One part of a path guide (or the mentor and sponsor note): our words, the seed or
    practice the idea comes from, and a credit when it follows a book or an essay."""

    text: str
    source: str
    credit: str = ""
    title: str = ""


class RoleVariant(NamedTuple):
    """One shape a path's role takes: a kind of senior specialist, of manager, or a title
    the role goes by in job ads."""

    id: str
    name: str
    description: str
    source: str


class PathGuide(NamedTuple):
    """What a path is really like: a week in it, whether the move can be undone, the
    shapes the role takes (`roles_title`, `roles_intro`, `roles`), and a one-line summary."""

    path: str
    summary: str
    week: GuideText
    reversibility: GuideText
    roles_title: str
    roles_intro: str
    roles: tuple[RoleVariant, ...]
    roles_credit: str = ""


class TensionPair(NamedTuple):
    """Two answers on one theme that are worth a question when they pull apart: a
    strength's energy and a statement (`first` a strength id, `second` a preference id),
    or two statements (both preference ids). `perhaps` ends the question, in our words."""

    first: str
    second: str
    perhaps: str
    source: str


class ContradictionRule(NamedTuple):
    """One rule of `workbook.analysis.contradictions` as the content file sets it: the
    answers it compares, in words, and from what threshold it asks."""

    id: str
    looks_at: str
    threshold: int
    source: str


class Contradictions(NamedTuple):
    """contradictions.toml: the rules that ask, in the file's order, and their pairs."""

    rules: dict[str, ContradictionRule]
    energy_pairs: tuple[TensionPair, ...]
    statement_pairs: tuple[TensionPair, ...]


class Content(NamedTuple):
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
    #: The task library's families, in the file's order (most AI-applicable work first).
    task_families: dict[str, TaskFamily]
    #: The kinds of risk each library task is rated on, in the file's order.
    task_risks: dict[str, RiskKind]
    guides: dict[str, PathGuide]  # by path id
    sponsor_mentor: GuideText
    #: What may matter to a person, in the file's order, and where the list comes from.
    values: dict[str, Value]
    values_note: str
    contradictions: Contradictions

    def tasks_for_family(self, family: str) -> list[TaskTemplate]:
        return [task for task in self.tasks.values() if task.family == family]

    def strengths_in(self, domain: str) -> list[Strength]:
        return [s for s in self.strengths.values() if s.domain == domain]
