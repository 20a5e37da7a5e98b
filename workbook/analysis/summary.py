"""The whole analysis of one workbook, as JSON-ready data and as plain text.

This is what `career-workbook summary` prints; docs/summary-format.md
documents the JSON. Later the PDF export reads the same data.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from workbook.analysis.ai_plan import analyse_ai_plan
from workbook.analysis.contradictions import find_contradictions
from workbook.analysis.fit import analyse_fit, fit_words
from workbook.analysis.plan_checks import balance, goal_checks
from workbook.analysis.plan_dates import milestone_dates, overdue
from workbook.analysis.progress import progress
from workbook.analysis.scoring import value_order
from workbook.analysis.strengths import analyse_strengths
from workbook.content.catalogue import Content
from workbook.data import WorkbookData

FORMAT = "career-workbook-summary"
VERSION = 1


def summary(data: WorkbookData, content: Content, today: date | None = None) -> dict[str, Any]:
    """Every result of the analysis; what is overdue is judged on `today` (the calendar's
    today unless given)."""
    late = overdue(data, today or date.today())
    days = milestone_dates(data)
    strengths = analyse_strengths(data, content)
    fit = analyse_fit(data, content)
    plan = analyse_ai_plan(data, content)
    moved = progress(data, content)
    mix = balance(data)

    def finding(f: Any) -> dict[str, Any]:
        others = [{"source": v.source, "quote": v.quote, "date": v.entry_date} for v in f.others]
        return {"id": f.id, "name": f.name, "reason": f.reason, "others_say": others}

    return {
        "format": FORMAT,
        "version": VERSION,
        "workbook": data.name,
        "signature_strengths": [finding(f) for f in strengths.signature],
        "strengths_to_use_more": [finding(f) for f in strengths.use_more],
        "drains": [finding(f) for f in strengths.drains],
        "suggest_ranking": strengths.all_high,
        "values": [
            {"id": value, "name": content.values[value].name, "place": place}
            for place, value in enumerate(value_order(data), start=1)
        ],
        "paths": [
            {
                "id": p.id,
                "name": p.name,
                "score": p.score,
                "confidence": p.confidence,
                "confidence_label": p.confidence_label,
                "answered_share": p.answered_share,
                "fit_words": fit_words(p.score),
                "contributions": [
                    {"source": c.source, "item": c.item, "label": c.label, "points": c.points}
                    for c in p.contributions
                ],
            }
            for p in fit.paths
        ],
        "ranking": list(fit.ranking),
        "tied": list(fit.tied) if len(fit.tied) > 1 else [],
        "close_call": fit.close_call,
        "contenders": list(fit.contenders),
        "flip": (
            {
                "path": fit.flip.path,
                "change": fit.flip.change,
                "kind": fit.flip.kind,
                "new_scores": fit.flip.new_scores,
            }
            if fit.flip
            else None
        ),
        "flip_reason": fit.flip_reason or None,
        "edge_statement": data.edge_statement.strip() or fit.edge_statement,
        "suggested_edge_statement": fit.edge_statement,
        "workplace": [
            {"path": n.path, "question": n.question, "answer": n.answer, "leans": n.leans}
            for n in fit.workplace
        ],
        "workplace_tip": fit.workplace_tip or None,
        "contradictions": [
            {"id": c.id, "rule": c.rule, "question": c.question}
            for c in find_contradictions(data, content)
        ],
        "ai_plan": {
            "hours_per_week": plan.hours_per_week,
            "ai_hours": plan.ai_hours,
            "review_hours": plan.review_hours,
            "hours_freed": plan.hours_freed,
            "reinvested": plan.reinvested,
            "unallocated": plan.unallocated,
            "over_allocated": plan.over_allocated,
            "tasks": [
                {
                    "id": t.id,
                    "name": t.name,
                    "hours": t.hours,
                    "ai_hours": t.ai_hours,
                    "review_hours": t.review_hours,
                    "hours_freed": t.hours_freed,
                    "mode": t.mode,
                    "stakes": t.stakes,
                    "flag": t.flag,
                }
                for t in plan.tasks
            ],
            "flags": list(plan.flags),
            "skills": [
                {
                    "id": s.id,
                    "name": s.name,
                    "need": s.need,
                    "rating": s.rating,
                    "gap": s.gap,
                    "reason": s.reason,
                }
                for s in plan.skills
            ],
        },
        "plan": {
            "balance": {"counts": mix.counts, "shares": mix.shares, "flags": list(mix.flags)},
            "goals": [
                {
                    "id": g.goal_id,
                    "title": g.title,
                    "flags": list(g.flags),
                    "overdue": g.goal_id in late.goals,
                }
                for g in goal_checks(data)
            ],
            "overdue_actions": [
                {"id": a.id, "goal_id": a.goal_id, "title": a.title, "due_date": a.due_date}
                for g in data.goals
                for a in g.actions
                if a.id in late.actions
            ],
            "start": data.plan_start,
            "milestones": [
                {
                    "day": m.day,
                    "date": days[m.id].isoformat() if days[m.id] else None,
                    "done": m.done,
                }
                for m in data.milestones
            ],
        },
        "progress": {
            "since": moved.since,
            "moved": [
                {
                    "strength": m.strength_id,
                    "name": m.name,
                    "scale": m.scale,
                    "before": m.before,
                    "after": m.after,
                }
                for m in moved.moved
            ],
            "scores_before": moved.scores_before,
            "scores_now": moved.scores_now,
        },
    }


def summary_text(result: dict[str, Any]) -> str:
    """The summary in plain words, for a terminal."""
    lines = [f"Summary of {result['workbook']}", ""]

    def section(title: str, items: list[dict], empty: str) -> None:
        lines.append(title)
        if not items:
            lines.append(f"  {empty}")
        for item in items:
            lines.append(f"  - {item['name']}: {item['reason']}")
            for voice in item.get("others_say", []):
                lines.append(f"      “{voice['quote']}” ({voice['source'] or 'someone'})")
        lines.append("")

    section("Signature strengths", result["signature_strengths"], "None yet.")
    section("Strengths to use more", result["strengths_to_use_more"], "None yet.")
    section("Drains to manage", result["drains"], "None.")
    if result["values"]:
        ranked = ", ".join(f"{v['place']}. {v['name']}" for v in result["values"])
        lines += [f"What matters to you: {ranked}", ""]
    lines.append("Path fit (0-100)")
    for path in sorted(result["paths"], key=lambda p: result["ranking"].index(p["id"])):
        lines.append(
            f"  {path['name']}: {path['fit_words']}, {path['score']:g}  "
            f"({path['confidence']}% of what it counts answered)"
        )
        for c in path["contributions"]:
            lines.append(f"      {c['points']:+6.1f}  {c['label']}")
    lines.append("")
    if result["close_call"]:
        names = [p["name"] for p in result["paths"] if p["id"] in result["contenders"]]
        lines.append(f"Too close to call: {' and '.join(names)}.")
        if result["workplace_tip"]:
            lines.append(result["workplace_tip"])
    if result["flip"]:
        lines.append(f"What would change it: {result['flip']['change']}.")
    else:
        lines.append(f"What would change it: {result['flip_reason']}")
    lines += ["", f"Edge statement: {result['edge_statement']}", ""]
    if result["contradictions"]:
        lines.append("Questions to think about")
        lines += [f"  - {c['question']}" for c in result["contradictions"]]
        lines.append("")
    plan = result["ai_plan"]
    lines.append(
        f"AI plan: {plan['hours_freed']:g} h a week freed of {plan['hours_per_week']:g} h, "
        f"after {plan['review_hours']:g} h of review; {plan['reinvested']:g} h reinvested."
    )
    for t in plan["tasks"]:
        lines.append(f"  - {t['name']}: {t['hours_freed']:g} h freed of {t['hours']:g} h")
    for flag in plan["flags"]:
        lines.append(f"  ! {flag}")
    lines.append("")
    for flag in result["plan"]["balance"]["flags"]:
        lines.append(f"Plan: {flag}")
    for goal in result["plan"]["goals"]:
        if goal["overdue"]:
            lines.append(f"Goal “{goal['title']}”: overdue, its target date has passed.")
        for flag in goal["flags"]:
            lines.append(f"Goal “{goal['title']}”: {flag}")
    for action in result["plan"]["overdue_actions"]:
        lines.append(f"Action “{action['title']}”: overdue since {action['due_date']}.")
    return "\n".join(lines).rstrip() + "\n"
