"""Strengths: a chart of the ratings, signature strengths with their examples, and the rest."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from exports.pdf.charts import StrengthChart, StrengthRow
from exports.pdf.context import Context
from workbook.data import Evidence

CHART_ROWS = 14


def _chart_rows(ctx: Context) -> list[StrengthRow]:
    result = ctx.result
    order: list[str] = []
    for group in ("signature_strengths", "strengths_to_use_more", "drains"):
        order += [f["id"] for f in result[group] if f["id"] not in order]
    rated = [
        (sid, r)
        for sid, r in ctx.data.ratings.items()
        if r.proficiency is not None or r.energy is not None or r.edge is not None
    ]
    rest = sorted(
        (sid for sid, _ in rated if sid not in order),
        key=lambda sid: (
            -sum(
                v or 0
                for v in (
                    ctx.data.ratings[sid].proficiency,
                    ctx.data.ratings[sid].energy,
                    ctx.data.ratings[sid].edge,
                )
            )
        ),
    )
    rows = []
    for sid in (order + rest)[:CHART_ROWS]:
        rating = ctx.data.ratings.get(sid)
        if rating is None:
            continue
        rows.append(
            StrengthRow(ctx.strength(sid), (rating.proficiency, rating.energy, rating.edge))
        )
    return rows


def _evidence(ctx: Context, item: Evidence) -> list[Flowable]:
    kit = ctx.kit
    found: list[Flowable] = []
    found += kit.labelled("SITUATION", item.situation)
    found += kit.labelled("WHAT YOU DID", item.action)
    found += kit.labelled("RESULT", item.result)
    return kit.keep(found, len(item.situation) + len(item.action) + len(item.result))


def _finding(ctx: Context, finding: dict, *, with_overuse: bool) -> list[Flowable]:
    kit, st = ctx.kit, ctx.styles
    found: list[Flowable] = [kit.para(finding["name"], st.h3), *kit.user(finding["reason"])]
    # What others say, a line or two each: shared feedback tagged with this strength.
    said = [
        f"“{voice['quote']}” ({voice['source'].strip() or 'someone'})"
        for voice in finding.get("others_say", [])
    ]
    found += kit.labelled("WHAT OTHERS SAY", "\n".join(said))
    for item in ctx.data.evidence_for(finding["id"]):
        found += _evidence(ctx, item)
    rating = ctx.data.ratings.get(finding["id"])
    if with_overuse and rating is not None:
        found += kit.labelled("WHEN IT IS OVERDONE", rating.overuse_note)
    return found


def build(ctx: Context) -> list[Flowable]:
    kit, st, result = ctx.kit, ctx.styles, ctx.result
    found: list[Flowable] = [
        kit.heading("Your strengths", st.h1, key="strengths"),
        kit.para(
            "What you are good at, what gives you energy, and where you stand out among your "
            "peers, in your own ratings: skill and energy from 1 to 5, edge from 1 (below most "
            "peers) to 4 (among the best you know).",
            st.intro,
        ),
    ]
    rows = _chart_rows(ctx)
    if rows:
        found += [StrengthChart(rows), Spacer(1, 4)]
        rated = sum(1 for r in ctx.data.ratings.values() if r.proficiency or r.energy or r.edge)
        if rated > len(rows):
            found.append(
                kit.para(
                    f"The chart shows {len(rows)} of the {rated} strengths you rated: "
                    "the ones named below first.",
                    st.note,
                )
            )
    else:
        found.append(kit.para("You have not rated any strengths yet.", st.body))
    if result["suggest_ranking"]:
        found.append(
            kit.para(
                "Most of your ratings are 4 or 5. Ranking your strengths against each other "
                "would show more clearly which ones stand out.",
                st.note,
            )
        )

    shown: set[str] = set()
    groups = (
        (
            "signature_strengths",
            "Signature strengths",
            "Strong, energising, an edge over most peers, and backed by an example or by "
            "what others say.",
        ),
        (
            "strengths_to_use_more",
            "Strengths to use more",
            "They give you energy, or they look like signature strengths still waiting for an "
            "example.",
        ),
        (
            "drains",
            "Drains to manage",
            "You are good at these, and they cost you energy. Each comes with a note on what "
            "to do about it.",
        ),
    )
    for key, title, intro in groups:
        if not result[key]:
            continue
        found += [kit.para(title, st.h2), kit.para(intro, st.note)]
        for finding in result[key]:
            found += _finding(ctx, finding, with_overuse=True)
            shown.add(finding["id"])

    others = [e for e in ctx.data.evidence if e.filled and e.strength_id not in shown]
    if others:
        found.append(kit.para("More examples you gave", st.h2))
        for item in others:
            found += [kit.para(ctx.strength(item.strength_id), st.h3), *_evidence(ctx, item)]
    found.append(kit.section_end())
    return found
