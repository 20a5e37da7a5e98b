"""The AI plan: hours per task as a chart, the task table with each validation step, the flags,
where the freed hours go, and the orchestration skills the plan relies on."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from exports.pdf.blocks import Column
from exports.pdf.charts import HoursChart, HoursRow
from exports.pdf.context import Context, hours
from exports.pdf.sections.summary import reinvestment_target

MODES = {"automate": "Automate", "augment": "Augment", "keep_human": "Keep human"}


def _task_cell(ctx: Context, task: dict) -> list[Flowable]:
    kit, st = ctx.kit, ctx.styles
    stored = next((t for t in ctx.data.tasks if t.id == task["id"]), None)
    found: list[Flowable] = kit.user(task["name"] or "A task without a name", st.cell_bold)
    validation = stored.validation if stored else ""
    if validation.strip():
        found += kit.user("Check: " + validation, st.cell)
    elif task["mode"] != "keep_human":
        found.append(kit.para("No check named yet.", st.cell))
    if task["flag"]:
        found.append(kit.para("▲ Worth a second look: see below.", st.cell_bold))
    return found


def build(ctx: Context) -> list[Flowable]:
    kit, st, plan = ctx.kit, ctx.styles, ctx.result["ai_plan"]
    found: list[Flowable] = [
        kit.heading("Your AI plan", st.h1, key="ai_plan"),
        kit.para(
            "Which of your tasks AI can take on or help with, how you keep your judgement over "
            "its output, and where the hours it frees will go. The shares are estimates: "
            "change them as you learn what the tools really do.",
            st.intro,
        ),
    ]
    if not plan["tasks"]:
        found += [kit.para("You have not listed tasks yet.", st.body), kit.section_end()]
        return found
    found.append(
        kit.para(
            f"You listed {hours(plan['hours_per_week'])} of recurring tasks a week. AI could take "
            f"{hours(plan['ai_hours'])}; checking its work costs {hours(plan['review_hours'])}; "
            f"that frees about {hours(plan['hours_freed'])} a week.",
            st.body,
        )
    )
    rows = [
        HoursRow(
            t["name"] or "A task without a name",
            max(0.0, t["hours_freed"]),
            t["review_hours"],
            max(0.0, t["hours"] - t["hours_freed"] - t["review_hours"]),
        )
        for t in plan["tasks"]
    ]
    most = max((r.freed + r.review + r.kept for r in rows), default=1.0) or 1.0
    found += [HoursChart(rows, most=most), Spacer(1, 8)]

    table_rows = []
    for task in plan["tasks"]:
        stored = next((t for t in ctx.data.tasks if t.id == task["id"]), None)
        share = stored.ai_share if stored else None
        table_rows.append(
            [
                _task_cell(ctx, task),
                MODES.get(task["mode"] or "", "Not chosen"),
                hours(task["hours"]),
                "" if share is None else f"{share * 100:.0f}%",
                hours(task["review_hours"]),
                hours(task["hours_freed"]),
            ]
        )
    found.append(
        kit.para(
            "Hours are per week. Review is the time you spend checking AI's output; freed is "
            "what is left of AI's share after that.",
            st.note,
        )
    )
    found += kit.table(
        [
            Column("Task and how you check AI's work", 0.48),
            Column("Mode", 0.14),
            Column("Hours", 0.095, "cell_number"),
            Column("AI share", 0.095, "cell_number"),
            Column("Review", 0.095, "cell_number"),
            Column("Freed", 0.095, "cell_number"),
        ],
        table_rows,
    )

    if plan["flags"]:
        found.append(kit.para("Worth a second look", st.h2))
        found += kit.bullets(plan["flags"])

    found.append(kit.para("Where the freed hours go", st.h2))
    if ctx.data.reinvestments:
        found += kit.table(
            [Column("Hours", 0.1, "cell_number"), Column("Where", 0.3), Column("What", 0.6)],
            [
                [
                    hours(r.hours),
                    reinvestment_target(ctx, r.target_kind, r.target_id),
                    r.note,
                ]
                for r in ctx.data.reinvestments
            ],
        )
    else:
        found.append(kit.para("You have not planned where the freed hours go yet.", st.body))
    if plan["over_allocated"]:
        found.append(
            kit.para(
                f"You have planned {hours(plan['reinvested'])}, more than the "
                f"{hours(plan['hours_freed'])} the plan frees.",
                st.note,
            )
        )
    elif plan["unallocated"] > 0:
        found.append(kit.para(f"{hours(plan['unallocated'])} a week are not planned yet.", st.note))

    if plan["skills"]:
        found.append(kit.para("Skills this plan relies on", st.h2))
        found.append(
            kit.para(
                "Directing AI well takes its own skills. Need is what your plan asks for, "
                "from 1 to 5; your rating is your own (a dash: not rated yet).",
                st.note,
            )
        )
        found += kit.table(
            [
                Column("Skill", 0.26, "cell_bold"),
                Column("Need", 0.09, "cell_number"),
                Column("Your rating", 0.13, "cell_number"),
                Column("Why", 0.52),
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
        )
    found.append(kit.section_end())
    return found
