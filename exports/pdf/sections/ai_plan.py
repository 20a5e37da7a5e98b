"""The AI plan in two sections a reader can take or leave.

`summary` ("My AI plan"): the hours AI can free after checking its work, where they
go, and each task in a line (how AI takes part, what I keep, hours freed). `detail`:
hours per task as a chart; every task with its check, tool, risks, what it is for
and set-up time; the tasks worth a second look; the orchestration skills the plan
relies on. Both say what the app says: felt savings tend to run ahead of measured ones.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from exports.pdf.blocks import Column
from exports.pdf.charts import HoursChart, HoursRow
from exports.pdf.context import Context, first_upper, hours
from exports.words import plural, tr
from workbook.analysis.ai_plan import AGENCY, ai_hours
from workbook.data import Task

#: Tasks listed in a manager's copy, the ones that free the most.
SHORT_LIST = 5
MODES = {"automate": "Automate", "augment": "Augment", "keep_human": "Keep human"}
STAKES = {"low": "low", "medium": "medium", "high": "high"}


def _headline(ctx: Context) -> list[Flowable]:
    kit, st, plan = ctx.kit, ctx.styles, ctx.result["ai_plan"]
    return [
        kit.para(
            tr(
                "I listed {total} of recurring tasks a week. AI could take {ai}; checking "
                "its work costs {review}; that frees about {freed} a week.",
                total=hours(plan["hours_per_week"]),
                ai=hours(plan["ai_hours"]),
                review=hours(plan["review_hours"]),
                freed=hours(plan["hours_freed"]),
            ),
            st.body,
        ),
        kit.para(
            tr(
                "These are estimates. Time saved with AI tends to feel larger than it "
                "measures, so I treat them as an upper bound to check against a real week."
            ),
            st.note,
        ),
    ]


def _where(ctx: Context) -> list[Flowable]:
    kit, st, plan = ctx.kit, ctx.styles, ctx.result["ai_plan"]
    found: list[Flowable] = [kit.para(tr("Where the freed hours go"), st.h2)]
    spent = [r for r in ctx.data.reinvestments if r.hours]
    if not spent:
        return [*found, kit.para(tr("Not decided yet."), st.body)]
    if not ctx.reader.detail:
        # In short for a manager: where the hours go, without the notes on how.
        found += kit.bullets(
            [first_upper(ctx.hours_go_to(r.hours, r.target_kind, r.target_id)) for r in spent]
        )
        return found
    found += kit.table(
        [
            Column(tr("Hours"), 0.12, "cell_number"),
            Column(tr("Where"), 0.38),
            Column(tr("What"), 0.5),
        ],
        [
            [hours(r.hours), ctx.reinvestment_target(r.target_kind, r.target_id), r.note]
            for r in spent
        ],
    )
    if plan["over_allocated"]:
        found.append(
            kit.para(
                tr(
                    "{planned} are planned, more than the {freed} the plan frees.",
                    planned=hours(plan["reinvested"]),
                    freed=hours(plan["hours_freed"]),
                ),
                st.note,
            )
        )
    elif plan["unallocated"] > 0:
        found.append(
            kit.para(
                tr("{h} a week are still to be given a place.", h=hours(plan["unallocated"])),
                st.note,
            )
        )
    return found


def _stored(ctx: Context, task_id: int) -> Task | None:
    return next((t for t in ctx.data.tasks if t.id == task_id), None)


def _how(task: dict, stored: Task | None) -> str:
    how = tr(MODES.get(task["mode"] or "", "Not decided yet"))
    if stored is not None and stored.agency in AGENCY:
        how += " · " + tr(AGENCY[stored.agency])
    return how


def summary(ctx: Context) -> list[Flowable]:
    kit, st, plan = ctx.kit, ctx.styles, ctx.result["ai_plan"]
    found: list[Flowable] = [kit.heading(tr("My AI plan"), st.h1, key="ai_plan")]
    if not plan["tasks"]:
        return [*found, kit.para(tr("No tasks listed yet."), st.body), kit.section_end()]
    found += _headline(ctx)
    tasks = plan["tasks"]
    if not ctx.reader.detail:
        # In short: the tasks that free the most, largest first; the rest in one line.
        tasks = sorted(tasks, key=lambda t: -t["hours_freed"])[:SHORT_LIST]
    rows = []
    for task in tasks:
        stored = _stored(ctx, task["id"])
        cell = kit.user(task["name"] or tr("A task without a name"), st.cell)
        rows.append([cell, _how(task, stored), hours(task["hours_freed"])])
    found += kit.table(
        [
            Column(tr("Task"), 0.5),
            Column(tr("How AI takes part"), 0.36),
            Column(tr("Freed a week"), 0.14, "cell_number"),
        ],
        rows,
    )
    rest = plan["tasks"][len(tasks) :] if len(tasks) < len(plan["tasks"]) else []
    if rest:
        left = len(plan["tasks"]) - len(tasks)
        freed = sum(t["hours_freed"] for t in plan["tasks"]) - sum(t["hours_freed"] for t in tasks)
        found.append(
            kit.para(
                plural(
                    left,
                    "And 1 more task, freeing {h} a week.",
                    "And {n} more tasks, freeing {h} a week.",
                    h=hours(freed),
                ),
                st.note,
            )
        )
    found += _where(ctx)
    return [*found, kit.section_end()]


def _flag(task: dict, stored: Task | None) -> str | None:
    """Why a task is worth a second look, as a fact (the app says what to do about it)."""
    if not task["flag"] or stored is None:
        return None
    name = task["name"] or tr("A task without a name")
    if not stored.validation.strip():
        if stored.stakes == "high":
            return tr("{name}: high stakes, and no check is named yet.", name=name)
        return tr("{name}: no check is named yet.", name=name)
    return tr(
        "{name}: high stakes, with {review} of checking for {ai} of AI's work.",
        name=name,
        review=hours(stored.review_hours),
        ai=hours(ai_hours(stored)),
    )


def _task_detail(ctx: Context, task: dict, stored: Task | None) -> list[Flowable]:
    """One task as a short block across the page: its name, its numbers in a line, then
    how it is checked, the tool, the stakes and risks, what it is for and set-up time."""
    kit, st = ctx.kit, ctx.styles
    found: list[Flowable] = kit.user(task["name"] or tr("A task without a name"), st.h3)
    share = stored.ai_share if stored else None
    numbers = [
        _how(task, stored),
        tr("{h} a week", h=hours(task["hours"])),
        tr("AI's share {n}%", n=round(share * 100)) if share is not None else "",
        tr("checking {h}", h=hours(task["review_hours"])) if task["review_hours"] else "",
        tr("freed {h}", h=hours(task["hours_freed"])),
    ]
    found.append(kit.para(" · ".join(n for n in numbers if n), st.note))
    if stored is None:
        return kit.keep(found, 0)
    lines: list[str] = []
    if stored.validation.strip():
        lines.append(tr("Check: {text}", text=stored.validation))
    elif task["mode"] != "keep_human":
        lines.append(tr("No check named yet."))
    if stored.tool.strip():
        lines.append(tr("Tool: {text}", text=stored.tool))
    if stored.stakes in STAKES:
        lines.append(tr("Stakes: {level}", level=tr(STAKES[stored.stakes])))
    if stored.risk_note.strip():
        lines.append(tr("If AI gets it wrong: {text}", text=stored.risk_note))
    library = ctx.content.tasks.get(stored.library_task_id or "")
    if library is not None:
        lines.append(tr("What it is for: {text}", text=library.outcome))
        risks = [
            tr("{risk}: {level}", risk=ctx.content.task_risks[kind].name, level=tr(level))
            for kind, level in library.risks
            if kind in ctx.content.task_risks
        ]
        lines.append(" · ".join([tr("Set-up: about {h}", h=hours(library.setup_hours)), *risks]))
    for line in lines:
        found += kit.user(line, st.cell)
    chars = sum(len(line) for line in lines)
    return kit.keep(found, chars)


def detail(ctx: Context) -> list[Flowable]:
    kit, st, plan = ctx.kit, ctx.styles, ctx.result["ai_plan"]
    found: list[Flowable] = [kit.heading(tr("My AI plan in detail"), st.h1, key="ai_tasks")]
    if not plan["tasks"]:
        return []
    if "ai_plan" not in ctx.printed:
        found += _headline(ctx)
    rows = [
        HoursRow(
            t["name"] or tr("A task without a name"),
            max(0.0, t["hours_freed"]),
            t["review_hours"],
            max(0.0, t["hours"] - t["hours_freed"] - t["review_hours"]),
        )
        for t in plan["tasks"]
    ]
    most = max((r.freed + r.review + r.kept for r in rows), default=1.0) or 1.0
    found += [HoursChart(rows, most=most), Spacer(1, 8)]
    found.append(
        kit.para(
            tr(
                "Hours are per week. Checking is the time spent on AI's output; freed is "
                "what is left of AI's share after that."
            ),
            st.note,
        )
    )
    for task in plan["tasks"]:
        found += _task_detail(ctx, task, _stored(ctx, task["id"]))
    flags = [f for t in plan["tasks"] if (f := _flag(t, _stored(ctx, t["id"])))]
    if flags:
        found.append(kit.para(tr("Worth a second look"), st.h2))
        found += kit.bullets(flags)
    if "ai_plan" not in ctx.printed:
        found += _where(ctx)
    if plan["skills"]:
        found += [
            kit.para(tr("Skills this plan relies on"), st.h2),
            kit.para(
                tr(
                    "Directing AI well takes its own skills. Need is what the plan asks "
                    "for, from 1 to 5, beside my own rating (a dash: not rated)."
                ),
                st.note,
            ),
        ]
        found += kit.table(
            [
                Column(tr("Skill"), 0.28, "cell_bold"),
                Column(tr("Need"), 0.1, "cell_number"),
                Column(tr("My rating"), 0.14, "cell_number"),
                Column(tr("Why"), 0.48),
            ],
            [
                [
                    s["name"],
                    str(s["need"]),
                    "–" if s["rating"] is None else str(s["rating"]),
                    s["reason"],
                ]
                for s in plan["skills"]
            ],
            keep_first=True,
        )
    return [*found, kit.section_end()]
