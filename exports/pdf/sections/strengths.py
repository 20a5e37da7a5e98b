"""Strengths in three sections a reader can take or leave.

`signature` ("At my best"): each signature strength with its examples and what
others say, and no self-ratings, for any reader. `more`: strengths to use more and
drains with the reasons behind them, and every other example. `ratings`: the chart
of every rated strength (skill, energy, edge), the raw self-ratings a manager gets
only when they are ticked.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from exports.pdf.charts import StrengthChart, StrengthRow
from exports.pdf.context import Context, first_upper
from exports.words import tr
from workbook.data import Evidence


def _rated(ctx: Context) -> list[str]:
    """Every rated strength: the ones the analysis names first, then by their ratings."""
    result = ctx.result
    order: list[str] = []
    for group in ("signature_strengths", "strengths_to_use_more", "drains"):
        order += [f["id"] for f in result[group] if f["id"] not in order]
    rated = {
        sid: r
        for sid, r in ctx.data.ratings.items()
        if r.proficiency is not None or r.energy is not None or r.edge is not None
    }
    rest = sorted(
        (sid for sid in rated if sid not in order),
        key=lambda sid: (
            -sum(v or 0 for v in (rated[sid].proficiency, rated[sid].energy, rated[sid].edge))
        ),
    )
    return [sid for sid in order if sid in rated] + rest


def _evidence(ctx: Context, item: Evidence) -> list[Flowable]:
    kit = ctx.kit
    if not ctx.reader.detail:
        # One paragraph under one label: the story reads as a story, in half the lines.
        story = " ".join(p.strip() for p in (item.situation, item.action, item.result))
        return kit.keep(kit.labelled(tr("EXAMPLE"), story.strip()), len(story))
    found: list[Flowable] = []
    found += kit.labelled(tr("SITUATION"), item.situation)
    found += kit.labelled(tr("WHAT I DID"), item.action)
    found += kit.labelled(tr("RESULT"), item.result)
    return kit.keep(found, len(item.situation) + len(item.action) + len(item.result))


def _voices(ctx: Context, finding: dict) -> list[Flowable]:
    # What others say, a line or two each: shared feedback tagged with this strength.
    said = [
        f"“{voice['quote']}” ({voice['source'].strip() or tr('someone')})"
        for voice in finding.get("others_say", [])
    ]
    return ctx.kit.labelled(tr("WHAT OTHERS SAY"), "\n".join(said))


EDGE = {
    1: "below most peers",
    2: "on par with peers",
    3: "above most peers",
    4: "among the best I know",
}


def _facts(ctx: Context, strength_id: str) -> str:
    """A strength's own ratings in a line: "Skill 4 of 5 · energy 2 of 5 · above most peers"
    (the app's reasons speak to the person, so the PDF states the ratings instead)."""
    rating = ctx.data.ratings.get(strength_id)
    if rating is None:
        return ""
    facts = []
    if rating.proficiency is not None:
        facts.append(tr("skill {n} of 5", n=rating.proficiency))
    if rating.energy is not None:
        facts.append(tr("energy {n} of 5", n=rating.energy))
    if rating.edge in EDGE:
        facts.append(tr(EDGE[rating.edge]))
    if not ctx.data.evidence_for(strength_id):
        facts.append(tr("no example yet"))
    return first_upper(" · ".join(facts))


def signature(ctx: Context) -> list[Flowable]:
    kit, st, result = ctx.kit, ctx.styles, ctx.result
    found: list[Flowable] = [
        kit.heading(tr("At my best"), st.h1, key="strengths"),
        *ctx.intro(
            tr(
                "My signature strengths: what I do well, what gives me energy and where I "
                "stand out, each backed by an example or by what others say."
            )
        ),
    ]
    if not result["signature_strengths"]:
        return [*found, kit.para(tr("No signature strength is named yet."), st.body)]
    for finding in result["signature_strengths"]:
        found.append(kit.para(finding["name"], st.h2))
        found += _voices(ctx, finding)
        for item in ctx.data.evidence_for(finding["id"]):
            found += _evidence(ctx, item)
    return [*found, kit.section_end()]


def more(ctx: Context) -> list[Flowable]:
    kit, st, result = ctx.kit, ctx.styles, ctx.result
    found: list[Flowable] = [
        kit.heading(tr("More about my strengths"), st.h1, key="strengths_more")
    ]
    groups = (
        (
            "strengths_to_use_more",
            tr("Strengths to use more"),
            tr(
                "They give me energy, or they look like signature strengths still waiting "
                "for an example."
            ),
        ),
        (
            "drains",
            tr("Drains to manage"),
            tr("I am good at these, and they cost me energy; each with what to do about it."),
        ),
    )
    shown = {f["id"] for f in result["signature_strengths"]}
    for key, title, intro in groups:
        if not result[key]:
            continue
        found += [kit.para(title, st.h2), kit.para(intro, st.note)]
        for finding in result[key]:
            found += [kit.para(finding["name"], st.h3)]
            facts = _facts(ctx, finding["id"])
            if facts:
                found.append(kit.para(facts, st.note))
            found += _voices(ctx, finding)
            for item in ctx.data.evidence_for(finding["id"]):
                found += _evidence(ctx, item)
            rating = ctx.data.ratings.get(finding["id"])
            if rating is not None:
                found += kit.labelled(tr("WHEN IT IS OVERDONE"), rating.overuse_note)
            shown.add(finding["id"])
    others = [e for e in ctx.data.evidence if e.filled and e.strength_id not in shown]
    if others:
        found.append(kit.para(tr("More examples"), st.h2))
        for item in others:
            found += [kit.para(ctx.strength(item.strength_id), st.h3), *_evidence(ctx, item)]
    if len(found) == 1:
        return []
    return [*found, kit.section_end()]


def ratings(ctx: Context) -> list[Flowable]:
    kit, st = ctx.kit, ctx.styles
    found: list[Flowable] = [
        kit.heading(tr("My ratings"), st.h1, key="ratings"),
        kit.para(
            tr(
                "My own ratings of every strength I rated: skill and energy from 1 to 5, "
                "edge from 1 (below most peers) to 4 (among the best I know)."
            ),
            st.intro,
        ),
    ]
    rows = []
    for sid in _rated(ctx):
        rating = ctx.data.ratings[sid]
        rows.append(
            StrengthRow(ctx.strength(sid), (rating.proficiency, rating.energy, rating.edge))
        )
    if not rows:
        return [*found, kit.para(tr("No strength is rated yet."), st.body)]
    found += [StrengthChart(rows), Spacer(1, 4)]
    return [*found, kit.section_end()]
