"""The development plan: goals with their actions, milestones, what I ask, questions.

Written by the person to the reader, in the first person, in the app's own words for
kinds and statuses; the checks the app makes on a plan ("add a measure") stay in the
app: a copy for someone else says what is there, not what is missing.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from exports.pdf.blocks import Column
from exports.pdf.context import Context, when
from exports.words import tr
from workbook.analysis.plan_checks import KIND_NAMES, STATUS_NAMES
from workbook.analysis.plan_dates import (
    OVERDUE,
    action_overdue,
    ask_overdue,
    goal_overdue,
    milestone_date,
)
from workbook.data import Milestone, SupportRequest

SOURCES = (
    ("manager", "Of you, my manager"),
    ("hr", "Of HR"),
    ("mentor", "Of a mentor"),
    ("other", "Of others"),
)

#: A goal's GROW notes as the coach's and the person's copies label them, in stage order.
GROW_NOTES = (
    ("goal", "MY GROW NOTES: THE GOAL"),
    ("reality", "MY GROW NOTES: WHERE I STAND"),
    ("options", "MY GROW NOTES: MY OPTIONS"),
    ("will", "MY GROW NOTES: WHAT I WILL DO"),
)


def goals(ctx: Context) -> list[Flowable]:
    kit, st, checks = ctx.kit, ctx.styles, ctx.result["plan"]
    found: list[Flowable] = [
        kit.heading(tr("Goals and actions"), st.h1, key="goals"),
        *ctx.intro(
            tr(
                "What I will work toward, how I will know I got there, and the steps. Most "
                "growth comes from doing it at work, some from other people, a little from "
                "courses and reading."
            )
        ),
    ]
    if not ctx.data.goals:
        return [*found, kit.para(tr("No goals yet."), st.body)]
    counts = checks["balance"]["counts"]
    if sum(counts.values()) and ctx.reader.detail:
        found.append(
            kit.para(
                tr(
                    "My actions: {counts}.",
                    counts=", ".join(
                        f"{n} {tr(KIND_NAMES.get(k, k))}" for k, n in counts.items() if n
                    ),
                ),
                st.body,
            )
        )
    for number, goal in enumerate(ctx.data.goals, start=1):
        title = goal.title.strip() or tr("A goal without a title")
        found.append(
            kit.heading(
                tr("Goal {n}: {title}", n=number, title=title),
                st.h2,
                key=f"goal-{goal.id}",
                level=1,
            )
        )
        facts = []
        if goal.target_date:
            facts.append(tr("By {day}", day=when(goal.target_date)))
        if goal_overdue(goal, ctx.today):  # judged on the export date, in words
            facts.append(tr(OVERDUE))
        if goal.commitment is not None and ctx.reader.detail:
            facts.append(tr("my commitment {n} of 10", n=goal.commitment))
        if facts:
            found.append(kit.para(" · ".join(facts), st.note))
        found += kit.labelled(tr("HOW I WILL KNOW"), goal.measure)
        if goal.links and ctx.reader.detail:
            found += kit.labelled(tr("BUILDS ON"), ", ".join(ctx.link(k) for k in goal.links))
        if goal.grow_notes and ctx.reader.detail:  # notes for a coach, not a shared copy
            for stage, label in GROW_NOTES:
                found += kit.labelled(tr(label), goal.grow_notes.get(stage, ""))
        if goal.actions:
            found += kit.table(
                [
                    Column(tr("Action"), 0.44),
                    Column(tr("Kind"), 0.2),
                    Column(tr("Due"), 0.2),
                    Column(tr("Status"), 0.16),
                ],
                [
                    [
                        a.title,
                        tr(KIND_NAMES.get(a.kind or "", "not chosen")).capitalize(),
                        when(a.due_date),
                        tr(STATUS_NAMES.get(a.status, a.status))
                        + (f" · {tr(OVERDUE)}" if action_overdue(a, ctx.today) else ""),
                    ]
                    for a in goal.actions
                ],
            )
    return found


def milestones(ctx: Context) -> list[Flowable]:
    kit, st, start = ctx.kit, ctx.styles, ctx.data.plan_start
    intro = tr("Checkpoints at 30, 60 and 90 days, to see whether the plan is moving.")
    if start:
        intro = tr(
            "Checkpoints at 30, 60 and 90 days from the plan's start on {day}, to see "
            "whether the plan is moving.",
            day=when(start),
        )
    found: list[Flowable] = [
        kit.heading(tr("Milestones"), st.h1, key="milestones"),
        kit.para(intro, st.intro),
    ]
    if not ctx.data.milestones:
        return [*found, kit.para(tr("No milestones yet."), st.body)]

    def day(m: Milestone) -> str:
        on = milestone_date(start, m.day)
        if on:
            return tr("Day {n} · {day}", n=m.day, day=when(on.isoformat()))
        return tr("Day {n}", n=m.day)

    found += kit.table(
        [Column(tr("When"), 0.28), Column(tr("Milestone"), 0.56), Column(tr("Status"), 0.16)],
        [[day(m), m.text, tr("Done") if m.done else tr("Open")] for m in ctx.data.milestones],
    )
    return found


def support(ctx: Context) -> list[Flowable]:
    kit, st = ctx.kit, ctx.styles
    found: list[Flowable] = [
        kit.heading(tr("What I ask"), st.h1, key="support"),
        *ctx.intro(tr("What would help me most, from whom, and by when.")),
    ]
    if not ctx.data.support:
        return [*found, kit.para(tr("No requests yet."), st.body)]
    names = dict(SOURCES)
    for source, title in SOURCES:
        items = [
            _ask(ctx, s)
            for s in ctx.data.support
            if (s.source if s.source in names else "other") == source and s.request.strip()
        ]
        if items:
            found += [kit.para(tr(title), st.h3), *kit.bullets(items)]
    return found


def _ask(ctx: Context, ask: SupportRequest) -> str:
    if not ask.needed_by:
        return ask.request
    by = tr("by {day}", day=when(ask.needed_by))
    if ask_overdue(ask, ctx.today):
        by += " · " + tr(OVERDUE)
    return tr("{ask} ({by})", ask=ask.request, by=by)


def questions(ctx: Context) -> list[Flowable]:
    kit, st = ctx.kit, ctx.styles
    found: list[Flowable] = [
        kit.heading(tr("Questions for our conversation"), st.h1, key="questions"),
        *ctx.intro(tr("What I want to ask, in the order I want to ask it.")),
    ]
    if not ctx.data.questions:
        return [*found, kit.para(tr("No questions chosen yet."), st.body)]
    for number, question in enumerate(ctx.data.questions, start=1):
        parts = kit.user(question.text, st.bullet)
        if parts:
            parts[0].bulletText = f"{number}."  # type: ignore[attr-defined]
        found += parts
    return found
