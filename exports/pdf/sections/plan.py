"""The development plan: goals with their actions, milestones, support asked for, questions."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable

from exports.pdf.blocks import Column
from exports.pdf.context import Context, when
from workbook.analysis.plan_checks import KIND_NAMES
from workbook.analysis.plan_dates import OVERDUE, action_overdue, goal_overdue, milestone_date
from workbook.data import Milestone

STATUS = {"planned": "Planned", "doing": "Under way", "done": "Done", "dropped": "Dropped"}
SOURCES = (
    ("manager", "From your manager"),
    ("hr", "From HR"),
    ("mentor", "From a mentor"),
    ("other", "From others"),
)


def goals(ctx: Context) -> list[Flowable]:
    kit, st, checks = ctx.kit, ctx.styles, ctx.result["plan"]
    found: list[Flowable] = [
        kit.heading("Goals and actions", st.h1, key="goals"),
        kit.para(
            "What you will work toward, how you will know you got there, and the steps. "
            "Most growth comes from experience on the job, some from other people, a little "
            "from courses.",
            st.intro,
        ),
    ]
    if not ctx.data.goals:
        return [*found, kit.para("You have not set goals yet.", st.body)]
    counts = checks["balance"]["counts"]
    if sum(counts.values()):
        found.append(
            kit.para(
                "Your actions: "
                + ", ".join(f"{n} {KIND_NAMES.get(k, k)}" for k, n in counts.items())
                + ".",
                st.body,
            )
        )
    found += kit.bullets(checks["balance"]["flags"], st.note)
    flags = {g["id"]: g["flags"] for g in checks["goals"]}
    for number, goal in enumerate(ctx.data.goals, start=1):
        title = goal.title.strip() or "A goal without a title"
        found.append(kit.heading(f"Goal {number}: {title}", st.h2, key=f"goal-{goal.id}", level=1))
        facts = []
        if goal.target_date:
            facts.append(f"Target date: {when(goal.target_date)}")
        if goal_overdue(goal, ctx.today):  # judged on the export date, in words
            facts.append(OVERDUE)
        if goal.commitment is not None:
            facts.append(f"Your commitment: {goal.commitment} of 10")
        if facts:
            found.append(kit.para(" · ".join(facts), st.note))
        found += kit.labelled("HOW YOU WILL KNOW", goal.measure)
        if goal.links:
            found += kit.labelled("BUILDS ON", ", ".join(ctx.link(k) for k in goal.links))
        for flag in flags.get(goal.id, []):
            found.append(kit.para(flag, st.note))
        if goal.actions:
            found += kit.table(
                [
                    Column("Action", 0.47),
                    Column("Kind", 0.19),
                    Column("Due", 0.21),
                    Column("Status", 0.13),
                ],
                [
                    [
                        a.title,
                        KIND_NAMES.get(a.kind or "", "not chosen").capitalize(),
                        when(a.due_date),
                        STATUS.get(a.status, a.status)
                        + (f" · {OVERDUE}" if action_overdue(a, ctx.today) else ""),
                    ]
                    for a in goal.actions
                ],
                keep_first=True,
            )
    return found


def milestones(ctx: Context) -> list[Flowable]:
    kit, st, start = ctx.kit, ctx.styles, ctx.data.plan_start
    since = f" from the plan's start on {when(start)}" if start else ""
    found: list[Flowable] = [
        CondPageBreak(ctx.kit.height * 0.25),
        kit.heading("Milestones", st.h1, key="milestones"),
        kit.para(
            f"Checkpoints at 30, 60 and 90 days{since}, to see whether the plan is moving.",
            st.intro,
        ),
    ]
    if not ctx.data.milestones:
        return [*found, kit.para("No milestones yet.", st.body)]

    def day(m: Milestone) -> str:
        on = milestone_date(start, m.day)
        return f"Day {m.day} · {when(on.isoformat())}" if on else f"Day {m.day}"

    found += kit.table(
        [Column("When", 0.28), Column("Milestone", 0.56), Column("Status", 0.16)],
        [[day(m), m.text, "Done" if m.done else "Open"] for m in ctx.data.milestones],
    )
    return found


def support(ctx: Context) -> list[Flowable]:
    kit, st = ctx.kit, ctx.styles
    found: list[Flowable] = [
        CondPageBreak(ctx.kit.height * 0.25),
        kit.heading("Support you are asking for", st.h1, key="support"),
        kit.para("What would help you most, and from whom.", st.intro),
    ]
    if not ctx.data.support:
        return [*found, kit.para("You have not asked for support yet.", st.body)]
    names = dict(SOURCES)
    for source, title in SOURCES:
        items = [
            s.request
            for s in ctx.data.support
            if (s.source if s.source in names else "other") == source
        ]
        if items:
            found += [kit.para(title, st.h3), *kit.bullets(items)]
    return found


def questions(ctx: Context) -> list[Flowable]:
    kit, st = ctx.kit, ctx.styles
    found: list[Flowable] = [
        CondPageBreak(ctx.kit.height * 0.25),
        kit.heading("Questions for your career conversation", st.h1, key="questions"),
        kit.para("Questions you want to ask, in the order you want to ask them.", st.intro),
    ]
    if not ctx.data.questions:
        return [*found, kit.para("No questions chosen yet.", st.body)]
    for number, question in enumerate(ctx.data.questions, start=1):
        parts = kit.user(question.text, st.bullet)
        if parts:
            parts[0].bulletText = f"{number}."  # type: ignore[attr-defined]
        found += parts
    return found
