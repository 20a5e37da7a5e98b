"""Where I lean, and how the fit was worked out: two sections a reader can take or leave.

`lean`: the person's edge statement (their own words, or what the workbook says of
their answers, once), each path's fit as a chart with the close-call state, and
the three futures they imagined, each with a line on what its path usually holds.
`analysis`: every answer that moved each path's score (the points add up to the
score), what would change the result, where they work, and the answers that pull
against each other as questions to think about.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from exports.pdf.blocks import Column
from exports.pdf.charts import FitChart, FitRow, PointsBar
from exports.pdf.context import Context, first_upper
from exports.words import tr
from workbook.analysis.fit import whole

GAUGES = (
    ("resources", "resources"),
    ("liking", "how much I like it"),
    ("confidence", "my confidence"),
    ("coherence", "fit with my values"),
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
                f"{c['points']:+.1f}" if not baseline else f"{c['points']:.0f}",
                [Spacer(1, 1)] if baseline else [PointsBar(c["points"], most)],
            ]
        )
    # The points are kept to a tenth so they visibly add up; everywhere else the score is
    # the whole number, and this row says so.
    total = tr("Fit score: the sum, shown elsewhere as {n}", n=whole(path["score"]))
    rows.append([[kit.para(total, st.cell_bold)], f"{path['score']:.1f}", [Spacer(1, 1)]])
    return kit.table(
        [
            Column(tr("What moved the score"), 0.72),
            Column(tr("Points"), 0.12, "cell_number"),
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
        tr("{gauge} {n} of 5", gauge=tr(name), n=getattr(future, field))
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
        found.append(kit.para(first_upper(" · ".join(gauges)), st.note))
    guide = ctx.content.guides.get(path_id)
    if (
        guide is not None and ctx.reader.detail
    ):  # what the path is really like, for a reader who has not lived it
        found.append(
            kit.para(tr("What this path usually holds: {text}", text=guide.summary), st.note)
        )
    found += kit.user(future.story)
    notes = kit.labelled(tr("QUESTIONS IT RAISES"), future.questions)
    notes += kit.labelled(tr("A SMALL EXPERIMENT BEFORE I COMMIT"), future.prototype)
    return found + kit.keep(notes, len(future.questions) + len(future.prototype))


def _questions(ctx: Context) -> list[Flowable]:
    """Every pair of answers that pull against each other, as questions; none, nothing."""
    kit, st = ctx.kit, ctx.styles
    questions = [c["question"] for c in ctx.result["contradictions"]]
    if not questions:
        return []
    return [
        kit.para(tr("Questions to think about"), st.h2),
        kit.para(
            tr(
                "Some answers pull against each other. They are not mistakes: the space "
                "between them is worth a conversation."
            ),
            st.note,
        ),
        *kit.bullets(questions),
    ]


def _chart(ctx: Context, *, answered: bool) -> list[Flowable]:
    kit, st, result = ctx.kit, ctx.styles, ctx.result
    paths = {p["id"]: p for p in result["paths"]}
    ranked = [paths[i] for i in result["ranking"] if i in paths]
    top = set(result["contenders"])
    rows = [
        FitRow(
            p["name"],
            p["score"],
            tr("{words}, {n}% answered", words=p["fit_words"], n=p["confidence"])
            if answered
            else p["fit_words"],
            p["id"] in top,
        )
        for p in ranked
    ]
    note = tr("The dotted mark is 50, where every path starts: answers move it up or down.")
    if answered:
        note += " " + tr(
            "“Answered” says how much of what a path counts is answered, not how sure the "
            "result is."
        )
    found: list[Flowable] = [FitChart(rows), Spacer(1, 2), kit.para(note, st.note)]
    if result["close_call"]:
        names = " and ".join(ctx.path(pid) for pid in result["contenders"])
        close = tr(
            "Too close to call: {names} are within one step of one answer of each other, so "
            "the order between them says little yet.",
            names=names,
        )
        if result["workplace_tip"]:
            close += " " + result["workplace_tip"]
        found.append(kit.para(close, st.body))
    return found


def _workplace(ctx: Context) -> list[Flowable]:
    kit, st, result = ctx.kit, ctx.styles, ctx.result
    if not result["workplace"]:
        return []
    found = [
        kit.para(tr("Where I work"), st.h2),
        kit.para(
            tr(
                "Beside the fit, never in it: the answers about the workplace say which "
                "paths are open there, not who I am."
            ),
            st.note,
        ),
    ]
    for note in result["workplace"]:
        question = ctx.content.context[note["question"]].text
        leans = tr("helps") if note["leans"] > 0 else tr("holds back")
        found.append(
            kit.para(
                tr(
                    "{question} {answer}: {leans} the {path} path.",
                    question=question,
                    answer=note["answer"],
                    leans=leans,
                    path=ctx.path(note["path"]),
                ),
                st.body,
            )
        )
    return found


def _nothing_answered(ctx: Context) -> bool:
    return not any(p["confidence"] for p in ctx.result["paths"])


def lean(ctx: Context) -> list[Flowable]:
    kit, st, result = ctx.kit, ctx.styles, ctx.result
    found: list[Flowable] = [kit.heading(tr("Where I lean"), st.h1, key="edge")]
    if _nothing_answered(ctx):
        # The app's words for this case ask the person to answer; a copy just says so.
        return [*found, kit.para(tr("Nothing is answered yet."), st.body)]
    own = ctx.data.edge_statement.strip()
    if own:
        found += kit.callout(own, tr("IN MY OWN WORDS"))
    elif ctx.reader.detail:
        found += kit.callout(result["edge_statement"], tr("WHAT THE WORKBOOK SAYS OF MY ANSWERS"))
    if ctx.reader.detail or "brief" not in ctx.printed:
        # Page 1 shows the paths in a few lines already; a manager's copy says it once.
        found += [
            kit.para(
                tr(
                    "Three paths, all sound: the specialist who goes deep, the people "
                    "manager, and the orchestrator who directs people and AI toward outcomes."
                ),
                st.body,
            ),
            *_chart(ctx, answered=False),
        ]
    futures = [f for p in result["paths"] for f in _future(ctx, p["id"])]
    if futures:
        found += [
            kit.heading(tr("Three futures I imagined"), st.h2, key="futures", level=1),
            kit.para(
                tr(
                    "Each future rated from 1 to 5 on resources, how much I like it, my "
                    "confidence, and its fit with my values."
                ),
                st.note,
            ),
            *futures,
        ]
    return [*found, kit.section_end()]


def analysis(ctx: Context) -> list[Flowable]:
    kit, st, result = ctx.kit, ctx.styles, ctx.result
    if _nothing_answered(ctx):
        return [
            kit.heading(tr("How the fit was worked out"), st.h1, key="analysis"),
            kit.para(tr("Nothing is answered yet, so every path sits at 50."), st.body),
        ]
    found: list[Flowable] = [
        kit.heading(tr("How the fit was worked out"), st.h1, key="analysis"),
        kit.para(
            tr(
                "Each path starts at 50 of 100; each answer moves it up or down by the "
                "points below, which add up to the score. A starting point to talk about, "
                "not a verdict."
            ),
            st.intro,
        ),
        *_chart(ctx, answered=True),
        kit.para(tr("What would change the result"), st.h2),
    ]
    flip = result["flip"]
    if flip:
        new = flip["new_scores"]
        found.append(
            kit.para(
                tr(
                    "The smallest single change that would put {path} on top: {change}. "
                    "The scores would then be {scores}.",
                    path=ctx.path(flip["path"]),
                    change=flip["change"],
                    scores=", ".join(f"{ctx.path(k)} {whole(v)}" for k, v in new.items()),
                ),
                st.body,
            )
        )
    elif result["flip_reason"]:
        found.append(kit.para(result["flip_reason"], st.body))
    found += _workplace(ctx)
    found += _questions(ctx)
    paths = {p["id"]: p for p in result["paths"]}
    for path in (paths[i] for i in result["ranking"] if i in paths):
        found.append(
            kit.heading(
                tr(
                    "{path}: {words}, {score} of 100",
                    path=path["name"],
                    words=path["fit_words"],
                    score=whole(path["score"]),
                ),
                st.h2,
                key=f"edge-{path['id']}",
                level=1,
            )
        )
        found.append(
            kit.para(
                tr(
                    "How much of this is answered: {n}% of what this path counts.",
                    n=path["confidence"],
                ),
                st.note,
            )
        )
        found += _contributions(ctx, path)
    return [*found, kit.section_end()]
