"""The edge analysis: each path's fit as a chart, the answers behind it, the flip, the statement.

Every score is explained: the table under each path lists every answer that
moved it, and the points add up to the score. Answers that pull against each other
follow the flip as a few questions to think about. The three futures the person
imagined close the section, each with a line on what its path usually holds.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from exports.pdf.blocks import Column
from exports.pdf.charts import FitChart, FitRow, PointsBar
from exports.pdf.context import Context
from workbook.analysis.contradictions import SHOWN

GAUGES = (
    ("resources", "resources"),
    ("liking", "how much you like it"),
    ("confidence", "confidence"),
    ("coherence", "fit with your values"),
)


def _contributions(ctx: Context, path: dict) -> list[Flowable]:
    kit, st = ctx.kit, ctx.styles
    items = sorted(path["contributions"], key=lambda c: (c["source"] != "baseline", -c["points"]))
    most = max((abs(c["points"]) for c in items if c["source"] != "baseline"), default=1.0)
    rows = []
    for c in items:
        baseline = c["source"] == "baseline"
        rows.append(
            [
                c["label"],
                f"{c['points']:+.1f}" if not baseline else f"{c['points']:.1f}",
                [Spacer(1, 1)] if baseline else [PointsBar(c["points"], most)],
            ]
        )
    rows.append([[kit.para("Fit score", st.cell_bold)], f"{path['score']:.1f}", [Spacer(1, 1)]])
    return kit.table(
        [
            Column("What moved the score", 0.72),
            Column("Points", 0.12, "cell_number"),
            Column("", 0.16),
        ],
        rows,
    )


def _future(ctx: Context, path_id: str) -> list[Flowable]:
    kit, st = ctx.kit, ctx.styles
    future = ctx.data.futures.get(path_id)
    if future is None:
        return []
    texts = (future.title, future.story, future.questions, future.prototype)
    gauges = [
        f"{name} {getattr(future, field)} of 5"
        for field, name in GAUGES
        if getattr(future, field) is not None
    ]
    if not any(t.strip() for t in texts) and not gauges:
        return []
    heading = ctx.path(path_id)
    if future.title.strip():
        heading += ": " + future.title.strip()
    found: list[Flowable] = [kit.para(heading, st.h3)]
    if gauges:
        found.append(kit.para(" · ".join(gauges).capitalize(), st.note))
    guide = ctx.content.guides.get(path_id)
    if guide is not None:  # what the path is really like, for a reader who has not lived it
        found.append(kit.para(f"What this path usually holds: {guide.summary}", st.note))
    found += kit.user(future.story)
    notes = kit.labelled("QUESTIONS IT RAISES", future.questions)
    notes += kit.labelled("A SMALL EXPERIMENT BEFORE YOU COMMIT", future.prototype)
    return found + kit.keep(notes, len(future.questions) + len(future.prototype))


def _questions(ctx: Context) -> list[Flowable]:
    """The first few answers that pull against each other, as questions; none, nothing."""
    kit, st = ctx.kit, ctx.styles
    questions = [c["question"] for c in ctx.result["contradictions"]]
    if not questions:
        return []
    found = [
        kit.para("Questions to think about", st.h2),
        kit.para(
            "Some answers pull against each other. They are not mistakes: the space between "
            "them is worth a conversation.",
            st.note,
        ),
        *kit.bullets(questions[:SHOWN]),
    ]
    rest = len(questions) - SHOWN
    if rest > 0:
        more = "One more question is" if rest == 1 else f"{rest} more questions are"
        found.append(kit.para(f"{more} in the workbook's Edge step.", st.note))
    return found


def build(ctx: Context) -> list[Flowable]:
    kit, st, result = ctx.kit, ctx.styles, ctx.result
    found: list[Flowable] = [
        kit.heading("Your edge: which path fits", st.h1, key="edge"),
        kit.para(
            "Three paths, all valid: the specialist who goes deep, the people manager, and the "
            "orchestrator who directs people and AI toward outcomes. Each starts at 50 of 100; "
            "your answers move it up or down. The score is a starting point to talk about, "
            "not a verdict.",
            st.intro,
        ),
    ]
    paths = {p["id"]: p for p in result["paths"]}
    ranked = [paths[i] for i in result["ranking"] if i in paths]
    top = set(result["contenders"])
    found += [
        FitChart(
            [
                FitRow(
                    p["name"],
                    p["score"],
                    f"{p['fit_words']}, {p['confidence']}% answered",
                    p["id"] in top,
                )
                for p in ranked
            ]
        ),
        Spacer(1, 2),
        kit.para(
            "The dotted line marks 50, where every path starts. “Answered” says how much of "
            "what a path counts you have answered, not how sure the result is.",
            st.note,
        ),
    ]
    if result["close_call"]:
        names = " and ".join(ctx.path(pid) for pid in result["contenders"])
        close = (
            f"Too close to call: {names} are within one step of one answer of each other, "
            "so the order between them says little yet."
        )
        if result["workplace_tip"]:
            close += " " + result["workplace_tip"]
        found.append(kit.para(close, st.body))
    if result["workplace"]:
        found.append(kit.para("Where you work", st.h2))
        found.append(
            kit.para(
                "Beside the fit, never in it: your answers about the place you work say which "
                "paths are open there, not who you are.",
                st.note,
            )
        )
        for note in result["workplace"]:
            question = ctx.content.context[note["question"]].text
            leans = "helps" if note["leans"] > 0 else "holds back"
            found.append(
                kit.para(
                    f"{question} {note['answer']}: {leans} the {ctx.path(note['path'])} path.",
                    st.body,
                )
            )
    found += kit.callout(result["edge_statement"], "YOUR EDGE STATEMENT")
    if not ctx.data.edge_statement.strip():
        found.append(
            kit.para(
                "Suggested from your answers. Rewrite it in your own words when you are ready.",
                st.note,
            )
        )

    found.append(kit.para("What would change the result", st.h2))
    flip = result["flip"]
    if flip:
        new = flip["new_scores"]
        found.append(
            kit.para(
                f"The smallest single change that would put {ctx.path(flip['path'])} on top: "
                f"{flip['change']}. The scores would then be "
                + ", ".join(f"{ctx.path(k)} {v:g}" for k, v in new.items())
                + ".",
                st.body,
            )
        )
    elif result["flip_reason"]:
        found.append(kit.para(result["flip_reason"], st.body))

    found += _questions(ctx)

    for path in ranked:
        found.append(
            kit.heading(
                f"{path['name']}: {path['fit_words']}, {path['score']:.0f} of 100",
                st.h2,
                key=f"edge-{path['id']}",
                level=1,
            )
        )
        found.append(
            kit.para(
                f"How much of this is answered: {path['confidence']}% of what this path counts.",
                st.note,
            )
        )
        found += _contributions(ctx, path)

    futures = [f for pid in paths for f in _future(ctx, pid)]
    if futures:
        found += [
            kit.para("Three futures you imagined", st.h2),
            kit.para(
                "Each future rated from 1 to 5 on resources, how much you like it, your "
                "confidence, and its fit with your values.",
                st.note,
            ),
            *futures,
        ]
    found.append(kit.section_end())
    return found
