"""The AI-amplification plan: hours freed, thin validation, reinvestment and the skills it needs.

Hours freed per task: the hours AI takes (hours a week times its share,
none for a task kept human) minus the review time the validation step
costs, never below zero, so a task never frees more than its own hours.
A task is flagged when its stakes are high and its validation step is
missing or thin (review time under a tenth of the hours AI takes), or
when its stakes are medium and there is no validation step at all.
Reinvested hours can never exceed the hours freed.

A task the task library suggested ("Start from my role family") and the
person has not changed in any way is a suggestion, not yet theirs: it is
never flagged (the review time it lacks is the library's omission, not the
person's), and the step's progress (`plan_parts`) counts only what the
person decided. Changing anything in it, even only "What you keep", makes
it theirs, and from then on every rule applies.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from workbook.analysis.signals import proficiency_of
from workbook.content.catalogue import Content, TaskTemplate
from workbook.data import Task, WorkbookData

#: How much of a task the person wants to keep in their own hands, 1 to 5, in the words
#: the AI plan's table and the PDF both use.
AGENCY: dict[int, str] = {
    1: "AI does it alone",
    2: "AI does it, I check",
    3: "AI and I share it",
    4: "I do it, AI helps",
    5: "I do it, AI stays out",
}
THIN_REVIEW_SHARE = 0.1


@dataclass(frozen=True)
class TaskResult:
    id: int
    name: str
    hours: float
    ai_hours: float
    review_hours: float
    hours_freed: float
    mode: str | None
    stakes: str
    flag: str | None
    #: Still exactly as the task library suggested it: not yet the person's own.
    suggested: bool = False


@dataclass(frozen=True)
class SkillNeed:
    id: str
    name: str
    need: int
    rating: int | None
    #: need − rating; None while the skill is not rated (no gap is known yet).
    gap: int | None
    reason: str


@dataclass(frozen=True)
class AIPlanResult:
    hours_per_week: float
    ai_hours: float
    review_hours: float
    hours_freed: float
    reinvested: float
    unallocated: float
    over_allocated: bool
    tasks: tuple[TaskResult, ...]
    flags: tuple[str, ...]
    skills: tuple[SkillNeed, ...]


def _r(value: float) -> float:
    """Hours rounded to a tenth, the same on every machine."""
    return math.floor(value * 10 + 0.5) / 10


def ai_hours(task: Task) -> float:
    if task.mode == "keep_human" or not task.ai_share:
        return 0.0
    return max(0.0, task.hours_per_week) * min(1.0, max(0.0, task.ai_share))


def hours_freed(task: Task) -> float:
    return max(0.0, ai_hours(task) - max(0.0, task.review_hours))


def flag_for(task: Task) -> str | None:
    handled = ai_hours(task)
    if handled <= 0:
        return None
    has_step = bool(task.validation.strip())
    thin = not has_step or task.review_hours < THIN_REVIEW_SHARE * handled
    name = task.name or "A task"
    if task.stakes == "high" and thin:
        if not has_step:
            return (
                f"{name}: the stakes are high and there is no validation step. People lose "
                "accuracy on work just outside what AI does well when they stop checking: "
                "name how you will check the output."
            )
        return (
            f"{name}: the stakes are high but only {task.review_hours:g} h of review covers "
            f"{_r(handled):g} h of AI work. Consider more time for checking."
        )
    if task.stakes == "medium" and not has_step:
        return f"{name}: no validation step yet. Decide how you will check what AI produces."
    return None


def starter_values(template: TaskTemplate) -> dict[str, Any]:
    """Every field of a task added from the library, as `door.add_starter_tasks` stores
    it: what it suggests, and the person's own fields (tool, review time, what they
    keep) left empty."""
    return {
        "name": template.name,
        "library_task_id": template.id,
        "hours_per_week": template.hours_hint,
        "mode": template.mode,
        "ai_share": template.ai_share,
        "tool": "",
        "validation": template.validation,
        "review_hours": 0.0,
        "stakes": template.stakes,
        "risk_note": template.stakes_note,
        "agency": None,
    }


def is_suggestion(task: Task, content: Content) -> bool:
    """True while a task from the library is exactly as it was suggested."""
    template = content.tasks.get(task.library_task_id or "")
    if template is None:
        return False
    return all(getattr(task, name) == value for name, value in starter_values(template).items())


def is_decided(task: Task) -> bool:
    """The person chose a mode and, unless they keep the task human, how they check it."""
    return bool(task.mode) and (task.mode == "keep_human" or bool(task.validation.strip()))


def plan_parts(tasks: Iterable[Task], suggested: set[int], placed: int) -> tuple[bool, ...]:
    """The AI plan's three parts, done or not: tasks of the person's own (a suggestion
    left as it came does not count), every task decided (an untouched suggestion is not),
    and some freed hours placed. `suggested` holds the ids of untouched suggestions."""
    tasks = list(tasks)
    yours = [t for t in tasks if t.id not in suggested]
    decided = bool(tasks) and not any(t.id in suggested or not is_decided(t) for t in tasks)
    return (bool(yours), decided, placed > 0)


def total_freed(tasks: tuple[Task, ...] | list[Task]) -> float:
    return sum(hours_freed(t) for t in tasks)


def _count(n: int, noun: str) -> str:
    """ "1 task", "3 tasks": a count with its noun, never "task(s)"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _at_stake(high: int, medium: int) -> str:
    """ "1 high-stakes task and 2 medium-stakes tasks run partly on AI.", in good grammar
    for every count."""
    parts = [_count(n, f"{level}-stakes task") for n, level in ((high, "high"), (medium, "medium"))]
    named = [part for part in parts if not part.startswith("0 ")]
    if not named:
        return "No task with medium or high stakes runs on AI."
    verb = "runs" if len(named) == 1 and named[0].startswith("1 ") else "run"
    return f"{' and '.join(named)} {verb} partly on AI."


def _skill_needs(data: WorkbookData, content: Content, handled: float) -> list[SkillNeed]:
    ai_tasks = [t for t in data.tasks if ai_hours(t) > 0]
    high = sum(1 for t in ai_tasks if t.stakes == "high")
    medium = sum(1 for t in ai_tasks if t.stakes == "medium")
    tools = {t.tool.strip().lower() for t in ai_tasks if t.tool.strip()}
    automated = sum(1 for t in ai_tasks if t.mode == "automate")
    volume = min(4, math.ceil(handled / 5))
    rules = {
        "defining_objectives": (
            1 + volume,
            f"{_r(handled):g} h a week handed to AI means many instructions to get right.",
        ),
        "validating_results": (
            1 + volume + high,
            f"{_r(handled):g} h of AI output a week to check, "
            f"{_count(high, 'task') if high else 'none'} with high stakes.",
        ),
        "managing_risk": (1 + 2 * high + medium, _at_stake(high, medium)),
        "selecting_tools": (
            1 + len(tools),
            "Your plan names "
            + (
                _count(len(tools), "different tool")
                if len(tools) > 1
                else "one tool"
                if tools
                else "no tool yet"
            )
            + ".",
        ),
        "ensuring_quality": (
            1 + min(4, automated + math.floor(handled / 10)),
            f"{_count(automated, 'task')} set to run largely on "
            f"{'its' if automated == 1 else 'their'} own."
            if automated
            else "No task is set to run largely on its own.",
        ),
    }
    needs = []
    for skill_id, skill in content.orchestration.items():
        need, reason = rules.get(skill_id, (1, "Part of directing AI well."))
        need = max(1, min(5, need))
        rated = proficiency_of(data, skill_id)
        rating = None if rated is None else math.floor(rated + 0.5)
        gap = None if rating is None else need - rating
        needs.append(SkillNeed(skill_id, skill.name, need, rating, gap, reason))
    # Those not rated yet first (rating them is the next thing to do; their gap is not
    # known, never taken as the whole need), by need; then the rated ones by gap.
    return sorted(needs, key=lambda n: (n.gap is not None, -(n.gap or 0), -n.need, n.name))


def analyse_ai_plan(data: WorkbookData, content: Content) -> AIPlanResult:
    suggested = {t.id for t in data.tasks if is_suggestion(t, content)}
    results = tuple(
        TaskResult(
            t.id,
            t.name,
            _r(t.hours_per_week),
            _r(ai_hours(t)),
            _r(t.review_hours if ai_hours(t) else 0.0),
            _r(hours_freed(t)),
            t.mode,
            t.stakes,
            None if t.id in suggested else flag_for(t),
            t.id in suggested,
        )
        for t in data.tasks
    )
    handled = sum(ai_hours(t) for t in data.tasks)
    freed = total_freed(data.tasks)
    reinvested = sum(max(0.0, r.hours) for r in data.reinvestments)
    return AIPlanResult(
        hours_per_week=_r(sum(max(0.0, t.hours_per_week) for t in data.tasks)),
        ai_hours=_r(handled),
        review_hours=_r(sum(t.review_hours for t in data.tasks if ai_hours(t))),
        hours_freed=_r(freed),
        reinvested=_r(reinvested),
        unallocated=_r(max(0.0, freed - reinvested)),
        over_allocated=reinvested > freed + 1e-9,
        tasks=results,
        flags=tuple(r.flag for r in results if r.flag),
        skills=tuple(_skill_needs(data, content, handled)),
    )
