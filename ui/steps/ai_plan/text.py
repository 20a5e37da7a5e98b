"""The words of the AI-amplification page, kept apart from its widgets.

Labels for modes, stakes and the five levels of agency, and the sentences
the page builds from the analysis (totals, hours left to place, choices to
respect and opportunities to watch, a skill rating). Plain Python with no
Qt, so tests can check what a person reads without building a window.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from workbook.analysis.ai_plan import AGENCY, AIPlanResult, SkillNeed, is_decided, plan_parts
from workbook.content.catalogue import Content, RiskKind, TaskTemplate
from workbook.data import Task, WorkbookData

MODES: tuple[tuple[str | None, str], ...] = (
    (None, "Not decided yet"),
    ("automate", "Automate"),
    ("augment", "Augment"),
    ("keep_human", "Keep human"),
)
MODE_TIPS = {
    "automate": "AI does most of it; you check the result.",
    "augment": "You and AI share it; you stay in charge.",
    "keep_human": "You do it; AI at most helps you prepare. It frees no hours.",
}

STAKES: tuple[tuple[str, str], ...] = (
    ("", "Not set"),
    ("low", "Low"),
    ("medium", "Medium"),
    ("high", "High"),
)


#: A share at or above this counts as "AI could do much of it".
MUCH = 0.5
#: A share below this counts as "AI can't do much of it yet".
LITTLE = 0.3


def label(options: Iterable[tuple[object, str]], value: object) -> str:
    """The label shown for a stored value (the stored text itself if unknown)."""
    for option, text in options:
        if option == value:
            return text
    return "" if value is None else str(value)


def hours(value: float) -> str:
    """Hours as a person writes them: "2.5 h", "0.75 h", "3 h"."""
    return f"{value:g} h"


def agency_text(level: int | None) -> str:
    if level is None:
        return "Not set"
    return f"{level} · {AGENCY.get(level, '')}"


def totals_sentence(plan: AIPlanResult) -> str:
    """One line on the whole plan, for example "8.9 h a week freed of 32.5 h, after 3.3 h
    of review." """
    if not plan.tasks:
        return "Add your recurring tasks to see how many hours AI could free for you."
    if plan.hours_per_week <= 0:
        return "Give your tasks their hours a week to see how much time AI could free."
    return (
        f"{hours(plan.hours_freed)} a week freed of {hours(plan.hours_per_week)}, "
        f"after {hours(plan.review_hours)} of review."
    )


def remaining_sentence(plan: AIPlanResult) -> str:
    """Where the reinvestment plan stands against the hours freed."""
    if plan.hours_freed <= 0:
        if plan.reinvested > 0:
            return (
                f"Your plan frees no hours at the moment, yet {hours(plan.reinvested)} are "
                "placed below. Lower them, or let AI take on more of a task above."
            )
        return "Your plan frees no hours yet. Once some tasks free time, decide here where it goes."
    if plan.over_allocated:
        return (
            f"You have placed {hours(plan.reinvested)}, but your plan now frees "
            f"{hours(plan.hours_freed)}. Lower some of the hours below so they fit."
        )
    if plan.unallocated <= 0:
        return f"All {hours(plan.hours_freed)} your plan frees have a place."
    return (
        f"{hours(plan.unallocated)} of the {hours(plan.hours_freed)} your plan frees "
        "are still free to place."
    )


def agency_notes(tasks: Iterable[Task]) -> list[str]:
    """Tasks where what AI could do and what the person wants differ, in coaching words."""
    notes = []
    for task in tasks:
        if task.agency is None or task.ai_share is None:
            continue
        name = task.name.strip() or "An unnamed task"
        share = round(task.ai_share * 100)
        if task.agency >= 4 and task.ai_share >= MUCH:
            notes.append(
                f"{name}: AI could take about {share}% of it, and you want to keep it in "
                "your hands. That is a choice to respect; it may be where your judgement "
                "shows most."
            )
        elif task.agency <= 2 and task.ai_share < LITTLE:
            notes.append(
                f"{name}: you would hand much of it over, but AI takes only about {share}% "
                "of it today. An opportunity to watch as tools improve."
            )
    return notes


def skill_rating_sentence(
    need: SkillNeed, level_text: str | None, ranking: bool, strength_name: str
) -> str:
    """What the person's rating of an orchestration skill is, and where it comes from."""
    if need.rating is None:
        where = "Rank" if ranking else "Rate"
        return f"Not rated yet. {where} “{strength_name}” on the Strengths step to see your gap."
    source = "from your ranking" if ranking else "your proficiency rating"
    text = f"You: {need.rating} of 5 ({source} on the Strengths step)"
    if level_text:
        text += f": “{level_text}”"
    return text


def skill_numbers(need: SkillNeed) -> str:
    if need.rating is None or need.gap is None:
        return f"Needed {need.need} of 5 · not rated yet"  # no rating, so no gap either
    rating = f"{need.rating}"
    if need.gap > 0:
        gap = f"gap {need.gap}"
    elif need.gap == 0:
        gap = "no gap"
    else:
        gap = f"{-need.gap} to spare"
    return f"Needed {need.need} of 5 · you {rating} · {gap}"


def status_sentence(
    tasks: Iterable[Task], placed: int, suggested: Collection[int] = frozenset()
) -> str:
    """How far the step is, and the next thing to do (the parts of `workbook.steps`).
    `suggested` holds the tasks still exactly as the task library suggested them: they
    are not yet the person's, so they count as neither listed nor decided."""
    tasks = list(tasks)
    parts = plan_parts(tasks, set(suggested), placed)
    done = sum(parts)
    if done == len(parts):
        return "All three parts done. You can come back and change anything."
    untouched = [t for t in tasks if t.id in suggested]
    if not tasks:
        step = "list the tasks you do most weeks."
    elif not parts[0]:
        step = (
            f"go through the {count(len(untouched), 'suggested task')}: remove those you "
            "don't do, and make the rest fit your week (the hours, the check and its review "
            "time, what you keep). A suggestion becomes yours once you change anything in it."
        )
    elif not parts[1]:
        yours = [t for t in tasks if t.id not in suggested]
        no_mode = [t for t in yours if not t.mode]
        no_check = [t for t in yours if t.mode and not is_decided(t)]
        asks = []
        if untouched:
            which = _which(untouched, "suggested task")
            if which[0].isdigit():
                asks.append(f"go through the {which} you haven't changed yet")
            else:
                asks.append(f"go through {which}, still as the library suggested")
        if no_mode:
            asks.append(f"choose a mode for {_which(no_mode)}")
        if no_check:
            asks.append(f"name how you will check what AI produces for {_which(no_check)}")
        step = " and ".join(asks) + "."
    else:
        step = "decide where the freed hours go."
    return f"{done} of {len(parts)} parts done. Next: {step}"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 task", "3 tasks": a count with its noun in the right number, never "task(s)"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def _which(tasks: list[Task], noun: str = "task") -> str:
    """Up to two tasks by name, more as a count."""
    names = [f"“{t.name.strip()}”" for t in tasks if t.name.strip()]
    if len(tasks) <= 2 and len(names) == len(tasks):
        return " and ".join(names)
    return count(len(tasks), noun)


#: Said wherever a person reads the hours AI frees: what it feels like saves more than
#: what a clock measures (see the AI plan's "How is this computed?").
FELT_SAVINGS = (
    "Time saved with AI tends to feel larger than it measures: people who timed their "
    "work have found smaller savings than they felt, sometimes none. Treat the hours "
    "below as an upper estimate and check them against a real week."
)


def setup_text(setup_hours: float) -> str:
    """The one-off time a library task takes before AI helps with it."""
    if setup_hours <= 0:
        return "nothing to set up"
    return f"about {hours(setup_hours)} once, before it saves any time"


def risk_lines(template: TaskTemplate, kinds: dict[str, RiskKind]) -> list[str]:
    """Each risk the library names for a task besides a wrong output, with its level and
    what that level asks of the person, for example "Your own skill: high. Keep…"."""
    lines = []
    for kind, level in template.risks:
        about = kinds.get(kind)
        name = about.name if about else kind
        advice = about.levels.get(level, "") if about else ""
        lines.append(f"{name}: {level}. {advice}".strip())
    return lines


def library_details(template: TaskTemplate, kinds: dict[str, RiskKind]) -> list[str]:
    """What the task library says about a task beyond its cells: the outcome it serves,
    its set-up time and its risks, and that its share is our estimate."""
    lines = [
        f"Outcome it serves: {template.outcome}",
        f"Set-up: {setup_text(template.setup_hours)}.",
        "Risks besides a wrong answer:",
    ]
    lines += [f"• {line}" for line in risk_lines(template, kinds)]
    if template.risk_note:
        lines.append(f"Most at stake here: {template.risk_note}")
    lines.append(
        f"The starting share ({round(template.ai_share * 100)}%) is our own estimate, "
        "not a measurement: change it to fit your work."
    )
    return lines


def library_tip(template: TaskTemplate, kinds: dict[str, RiskKind]) -> str:
    """The tooltip over a library task's name."""
    return "\n".join(
        [
            "A suggested starting point from the task library: change anything.",
            f"What is at stake if AI gets it wrong: {template.stakes_note}",
            *library_details(template, kinds),
        ]
    )


def task_details(
    task: Task, template: TaskTemplate | None, kinds: dict[str, RiskKind] | None = None
) -> str:
    """The selected task's long texts in full, for reading what the cells cut short; for a
    task from the library, also its outcome, set-up time and risks."""
    lines = [f"“{task.name.strip() or 'Unnamed task'}”"]
    lines.append(f"Tool: {task.tool.strip() or 'not named yet'}")
    lines.append(f"Validation step: {task.validation.strip() or 'none yet'}")
    lines.append(f"Risk if AI gets it wrong: {task.risk_note.strip() or 'not written yet'}")
    if template is None:
        return "\n".join(lines)
    if template.stakes_note.strip() != task.risk_note.strip():
        lines.append(f"What the task library says is at stake: {template.stakes_note}")
    lines.append("")
    lines += library_details(template, kinds or {})
    return "\n".join(lines)


def library_tips(data: WorkbookData, content: Content) -> dict[int, str]:
    """Each task added from the library: its tooltip (what it is for, its risks)."""
    tips = {}
    for task in data.tasks:
        template = content.tasks.get(task.library_task_id or "")
        if template is not None:
            tips[task.id] = library_tip(template, content.task_risks)
    return tips


def reinvest_targets(data: WorkbookData, content: Content) -> dict[str, list[tuple[str, str]]]:
    """What freed hours may go to, by kind: strengths (signature ones first, then the
    rest, the person's own named as such), goals and paths, as (key, words)."""
    from workbook.analysis.strengths import analyse_strengths

    signature = [f.id for f in analyse_strengths(data, content).signature]
    names = {sid: s.name for sid, s in content.strengths.items()}
    names.update(
        (sid, f"{r.custom_name} (your own)")
        for sid, r in data.ratings.items()
        if r.custom_name and sid not in content.strengths
    )
    strengths = [(sid, f"{names[sid]}, a signature strength") for sid in signature if sid in names]
    strengths += [(sid, name) for sid, name in names.items() if sid not in signature]
    goals = [(f"goal:{g.id}", g.title.strip() or "Untitled goal") for g in data.goals]
    paths = [(pid, p.name) for pid, p in content.paths.items()]
    return {"strength": strengths, "goal": goals, "path": paths}
