"""The one-page summary: the path that fits and why, signature strengths, freed hours, top goals."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from exports.pdf.context import Context, hours, when
from workbook.analysis.fit import whole
from workbook.analysis.strengths import EDGE_WORDS

TOP_GOALS = 3


def _strength_line(ctx: Context, finding: dict) -> str:
    rating = ctx.data.ratings.get(finding["id"])
    parts = [finding["name"]]
    if rating is not None:
        facts = []
        if rating.proficiency is not None:
            facts.append(f"skill {rating.proficiency} of 5")
        if rating.energy is not None:
            facts.append(f"energy {rating.energy} of 5")
        if rating.edge is not None:
            facts.append(EDGE_WORDS.get(rating.edge, ""))
        if facts:
            parts.append(" · ".join(f for f in facts if f))
    return ": ".join(parts)


def goal_title(ctx: Context, key: str) -> str:
    goal_id = key.partition(":")[2]
    for goal in ctx.data.goals:
        if str(goal.id) == goal_id:
            return goal.title.strip() or "A goal without a title"
    return "A goal no longer in your plan"


def reinvestment_target(ctx: Context, kind: str, target: str | None) -> str:
    if kind == "goal" and target:
        return "Goal: " + goal_title(ctx, target if ":" in target else f"goal:{target}")
    if kind == "strength" and target:
        return "Strength: " + ctx.strength(target)
    if kind == "path" and target:
        return "Path: " + ctx.path(target)
    return "Something else"


def build(ctx: Context) -> list[Flowable]:
    kit, st, result = ctx.kit, ctx.styles, ctx.result
    found: list[Flowable] = [
        kit.heading("Your plan at a glance", st.h1, key="summary"),
        kit.para(
            "The short version, for the first minutes of your conversation. "
            "The pages after this one show where each part comes from.",
            st.intro,
        ),
    ]

    paths = {p["id"]: p for p in result["paths"]}
    ranked = [paths[i] for i in result["ranking"] if i in paths]
    plan = result["ai_plan"]
    actions = sum(len(g.actions) for g in ctx.data.goals)
    figures = []
    if ranked and result["close_call"]:
        figures.append((f"{whole(ranked[0]['score'])}", "of 100: the top paths too close to call"))
    elif ranked:
        figures.append(
            (f"{whole(ranked[0]['score'])}", f"of 100: your fit with {ranked[0]['name']}")
        )
    figures.append((hours(plan["hours_freed"]), "a week freed by AI, after checking its work"))
    figures.append(
        (
            str(len(ctx.data.goals)),
            f"goals, with {actions} actions" if actions != 1 else "goals, with 1 action",
        )
    )
    found += kit.figures(figures)

    found.append(kit.para("The path that fits you best", st.h2))
    if ranked:
        if result["close_call"]:
            names = " and ".join(paths[i]["name"] for i in result["contenders"])
            lead = (
                f"Too close to call between {names}: one step on a single answer could "
                "change which comes first."
            )
        else:
            top = ranked[0]
            lead = (
                f"{top['name']}: {top['fit_words']}, {whole(top['score'])} of 100, with "
                f"{top['confidence']}% of what it counts answered. "
            )
            others = [f"{p['name']}, {p['fit_words']} ({whole(p['score'])})" for p in ranked[1:]]
            if others:
                lead += "The others: " + ", ".join(others) + "."
        found.append(kit.para(lead, st.body))
    found += kit.callout(result["edge_statement"], "WHY THIS PATH")

    found.append(kit.para("Your signature strengths", st.h2))
    signature = result["signature_strengths"]
    if signature:
        found += kit.bullets([_strength_line(ctx, f) for f in signature])
    else:
        found.append(
            kit.para(
                "None yet. A signature strength is one you are good at, that gives you energy, "
                "where you stand out among your peers, and that you can back with an example.",
                st.body,
            )
        )

    found.append(kit.para("Hours AI can free, and where they go", st.h2))
    if plan["hours_per_week"]:
        found.append(
            kit.para(
                f"About {hours(plan['hours_freed'])} a week, after {hours(plan['review_hours'])} "
                f"of checking AI's work, out of {hours(plan['hours_per_week'])} of listed tasks.",
                st.body,
            )
        )
        items = [
            f"{hours(r.hours)}: {reinvestment_target(ctx, r.target_kind, r.target_id)}"
            for r in ctx.data.reinvestments
        ]
        if plan["unallocated"] > 0:
            items.append(f"{hours(plan['unallocated'])}: not planned yet")
        found += kit.bullets(items)
        if plan["over_allocated"]:
            found.append(kit.para("You have planned more hours than the plan frees.", st.note))
    else:
        found.append(kit.para("You have not listed tasks in your AI plan yet.", st.body))

    found.append(kit.para("Your top goals", st.h2))
    goals = ctx.data.goals[:TOP_GOALS]
    if goals:
        lines = []
        for goal in goals:
            line = goal.title.strip() or "A goal without a title"
            if goal.target_date:
                line += f" (by {when(goal.target_date)})"
            lines.append(line)
        found += kit.bullets(lines)
        if len(ctx.data.goals) > TOP_GOALS:
            found.append(
                kit.para(f"And {len(ctx.data.goals) - TOP_GOALS} more in the plan.", st.note)
            )
    else:
        found.append(kit.para("No goals yet.", st.body))
    found.append(PageBreak())
    return found
