"""Page 1, "For our conversation": what a manager needs to act on in five minutes.

The decision and by when; the person at their best (three strengths, each with
its example and what others say); where they lean, in their own words, with the
paths in a few lines; what they ask, of whom, by when; the next 90 days; AI in one
line. It always fits one page: the page is laid out at the most generous level
that fits (`LEVELS`), shortening long text at a word with "…" and, where the
whole text is printed further on, "continued on page N". Asks and goals beyond
a level's rows are counted in a line ("And 2 more goals on page 4."); if even the
tightest level overflows (a decision pages long, say), the page is set smaller.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Spacer
from reportlab.platypus.flowables import _listWrapOn

from exports.pdf.charts import FitRow, FitStrip
from exports.pdf.context import Context, first_upper, hours, long_date, when
from exports.words import plural, tr
from workbook.analysis.plan_dates import OVERDUE, ask_overdue, goal_overdue

#: How much each part may hold at its most generous: characters of a strength's
#: example, of a quote, of the edge statement, of an ask and of a goal's measure.
GENEROUS = {"example": 220, "quote": 150, "lean": 320, "ask": 160, "measure": 120}


def _level(share: float) -> dict[str, int]:
    """The budgets at `share` of the most generous. Measures go first, then the fourth
    ask and goal, then quotes, then examples: what others say and what the person did
    are what a reader looks for first."""
    level = {key: int(chars * share) for key, chars in GENEROUS.items()}
    if share < 0.6:
        level["measure"] = 0
    level["rows"] = 4 if share >= 0.5 else 3 if share >= 0.25 else 2
    if share < 0.3:
        level["quote"] = 0
    if share < 0.2:
        level["example"] = 0
    return level


#: The levels tried, most generous first, in steps of a twentieth.
LEVELS: tuple[dict[str, int], ...] = tuple(_level(n / 20) for n in range(20, 1, -1))
AT_BEST = 3
#: The most of a name, a role, the decision and a goal's title page 1 prints, whatever
#: the level: each is one or two lines in a workbook written as intended.
NAME_CHARS, ROLE_CHARS, DECISION_CHARS, GOAL_CHARS = 60, 110, 200, 110
SOURCES = {"manager": "of you", "hr": "of HR", "mentor": "of a mentor", "other": "of others"}


@dataclass(frozen=True)
class Looks:
    """Page 1's own tighter styles: an item's first line, its text, a quieter line."""

    head: ParagraphStyle
    decision: ParagraphStyle
    item: ParagraphStyle
    text: ParagraphStyle
    quiet: ParagraphStyle

    @classmethod
    def of(cls, st: Any) -> Looks:
        return cls(
            ParagraphStyle("brief_head", parent=st.h2, spaceBefore=11, spaceAfter=2),
            ParagraphStyle("brief_decision", parent=st.h2, spaceBefore=1, spaceAfter=2),
            ParagraphStyle("brief_item", parent=st.body, spaceBefore=5, spaceAfter=0),
            ParagraphStyle("brief_text", parent=st.body, spaceAfter=0),
            ParagraphStyle("brief_quiet", parent=st.note, spaceAfter=0),
        )


@dataclass
class Shortener:
    """Cuts text to a length at a word, and remembers which sections hold the rest."""

    ctx: Context
    ahead: set[str] = field(default_factory=set)

    def __call__(self, value: str, limit: int, where: str) -> str:
        """`value` cut at a word to `limit` characters, "…" where it was cut."""
        value = " ".join(value.split())
        if limit <= 0 or len(value) <= limit:
            return value if limit > 0 else ""
        if where in self.ctx.printed:
            self.ahead.add(where)
        return value[:limit].rsplit(" ", 1)[0].rstrip(",;:.-–— ") + "…"

    def note(self, where: str, looks: Looks, more: str = "") -> list[Flowable]:
        """Under a part: "And 1 more ask." and where the part is printed in full, when
        something in it was cut or left out and the section is in this copy."""
        ctx = self.ctx
        printed = where in ctx.printed
        if more and printed:
            self.ahead.add(where)
        if where not in self.ahead and not more:
            return []
        # The first layout does not know the page yet: "?" holds its place, so the line
        # breaks the same way in both layouts.
        page = str(ctx.pages.get(where, "?")) if printed else ""
        if more:
            text = (
                tr("And {more}, on page {n}.", more=more, n=page)
                if page
                else tr("And {more}.", more=more)
            )
        else:
            text = tr("Continued on page {n}.", n=page)
        return [ctx.kit.para(text, looks.quiet)]


def _decision(ctx: Context, short: Shortener, looks: Looks) -> list[Flowable]:
    kit, st, profile = ctx.kit, ctx.styles, ctx.data.profile
    decision = short(profile.decision, DECISION_CHARS, "about")
    if not decision:
        return []
    by = when(profile.decide_by)
    label = tr("THE DECISION IN FRONT OF ME")
    if by:
        label = tr("THE DECISION IN FRONT OF ME, BY {day}", day=by.upper())
    return [kit.para(label, st.label), *kit.user(decision, looks.decision)]


def _at_best(ctx: Context, short: Shortener, level: dict[str, int], looks: Looks) -> list[Flowable]:
    kit, result = ctx.kit, ctx.result
    picked: list[dict[str, Any]] = []
    for group in ("signature_strengths", "strengths_to_use_more"):
        picked += [f for f in result[group] if f["id"] not in {p["id"] for p in picked}]
    found: list[Flowable] = [kit.para(tr("At my best"), looks.head)]
    if not picked:
        return [*found, kit.para(tr("No signature strength is named yet."), looks.text)]
    for finding in picked[:AT_BEST]:
        examples = ctx.data.evidence_for(finding["id"])
        said = ""
        if examples and level["example"]:
            item = examples[0]
            said = " ".join(p.strip() for p in (item.action, item.result) if p.strip())
            said = short(said or item.situation, level["example"], "strengths")
        found += kit.lead(finding["name"] + (":" if said else ""), said, looks.item)
        voices = finding.get("others_say", [])
        if voices and level["quote"]:
            voice = voices[0]
            quote = short(voice["quote"], level["quote"], "strengths")
            source = voice["source"].strip() or tr("someone")
            found += kit.user(f"“{quote}” ({source})", looks.quiet)
    return found + short.note("strengths", looks)


def _lean(ctx: Context, short: Shortener, level: dict[str, int], looks: Looks) -> list[Flowable]:
    kit, result = ctx.kit, ctx.result
    found: list[Flowable] = [kit.para(tr("Where I lean"), looks.head)]
    own = ctx.data.edge_statement.strip()
    if own:
        found += kit.user(short(own, level["lean"], "edge"), looks.text)
        found += short.note("edge", looks)
        found.append(Spacer(1, 5))
    paths = {p["id"]: p for p in result["paths"]}
    ranked = [paths[i] for i in result["ranking"] if i in paths]
    if not any(p["confidence"] for p in ranked):
        return [*found, kit.para(tr("Nothing is answered yet."), looks.text)]
    contenders = set(result["contenders"])
    rows = [
        FitRow(
            ctx.content.paths[p["id"]].short_name, p["score"], p["fit_words"], p["id"] in contenders
        )
        for p in ranked
    ]
    found.append(FitStrip(rows))
    if result["close_call"]:
        names = " and ".join(ctx.content.paths[i].short_name for i in result["contenders"])
        line = tr(
            "Too close to call between {names}: one answer could change the order.",
            names=names,
        )
    else:
        line = tr(
            "The dotted mark is 50, where every path starts. A starting point to talk "
            "about, not a verdict."
        )
    return [*found, kit.para(line, looks.quiet)]


def _asks(ctx: Context, short: Shortener, level: dict[str, int], looks: Looks) -> list[Flowable]:
    kit = ctx.kit
    asks = [s for s in ctx.data.support if s.request.strip()]
    if not asks:
        return []
    # What is asked of the manager comes first: they are the one reading.
    asks.sort(key=lambda s: s.source != "manager")
    shown = asks[: level["rows"]]
    found: list[Flowable] = [kit.para(tr("What I ask"), looks.head)]
    for ask in shown:
        by = when(ask.needed_by)
        whom = tr(SOURCES.get(ask.source, "of others"))
        facts = tr("{whom}, by {day}", whom=whom, day=by) if by else whom
        if ask_overdue(ask, ctx.today):
            facts += " · " + tr(OVERDUE).upper()
        line = tr("{ask} ({facts})", ask=short(ask.request, level["ask"], "support"), facts=facts)
        found += kit.bullets([line], looks.text)
    more = len(asks) - len(shown)
    found += short.note(
        "support", looks, plural(more, "1 more ask", "{n} more asks") if more else ""
    )
    return found


def _indented(kit: Any, style: ParagraphStyle) -> ParagraphStyle:
    return kit._variant(style, "-indent", leftIndent=11)


def _next_90_days(
    ctx: Context, short: Shortener, level: dict[str, int], looks: Looks
) -> list[Flowable]:
    kit = ctx.kit
    goals = list(ctx.data.goals)
    if not goals:
        return []
    shown = goals[: level["rows"]]
    found: list[Flowable] = [kit.para(tr("The next 90 days"), looks.head)]
    for goal in shown:
        title = short(goal.title, GOAL_CHARS, "goals") or tr("A goal without a title")
        found += kit.bullets([title], looks.text)
        facts = [
            tr("by {day}", day=when(goal.target_date)) if goal.target_date else tr("no date yet"),
            _goal_status(goal),
        ]
        if goal_overdue(goal, ctx.today):
            facts.insert(0, tr(OVERDUE).upper())
        if goal.measure.strip() and level["measure"]:
            facts.append(tr("measure: {text}", text=short(goal.measure, level["measure"], "goals")))
        found.append(kit.para(first_upper(" · ".join(facts)), _indented(kit, looks.quiet)))
    more = len(goals) - len(shown)
    found += short.note(
        "goals", looks, plural(more, "1 more goal", "{n} more goals") if more else ""
    )
    return found


def _goal_status(goal: Any) -> str:
    statuses = [a.status for a in goal.actions]
    if not statuses:
        return tr("no actions yet")
    done = sum(1 for s in statuses if s in ("done", "dropped"))
    if done == len(statuses):
        return tr("done")
    return tr("{done} of {total} actions done", done=done, total=len(statuses))


def _ai(ctx: Context, looks: Looks) -> list[Flowable]:
    kit, plan = ctx.kit, ctx.result["ai_plan"]
    if not plan["hours_per_week"]:
        return []
    line = tr(
        "AI could free about {freed} a week, after {review} of checking its work.",
        freed=hours(plan["hours_freed"]),
        review=hours(plan["review_hours"]),
    )
    spent = sorted((r for r in ctx.data.reinvestments if r.hours), key=lambda r: -r.hours)
    if spent:
        first = spent[0]
        line += " " + tr(
            "The most goes to {where}.",
            where=ctx.hours_go_to(first.hours, first.target_kind, first.target_id),
        )
    return [kit.para(tr("AI in one line"), looks.head), kit.para(line, looks.text)]


def _header(ctx: Context, short: Shortener) -> list[Flowable]:
    kit, st, profile = ctx.kit, ctx.styles, ctx.data.profile
    found: list[Flowable] = [kit.para(tr("FOR OUR CONVERSATION"), st.label)]
    name = short(ctx.person(), NAME_CHARS, "about")
    if name:
        found += kit.user(name, kit._variant(st.h1, "-brief", spaceBefore=2, spaceAfter=2))
    role = short(profile.current_role, ROLE_CHARS, "about")
    meta = [p for p in (role, long_date(ctx.today)) if p]
    found.append(kit.para(" · ".join(meta), st.note))
    return found


def _page(ctx: Context, level: dict[str, int]) -> tuple[list[Flowable], set[str]]:
    short = Shortener(ctx)
    looks = Looks.of(ctx.styles)
    found = _header(ctx, short) + _decision(ctx, short, looks)
    for part in (_at_best, _lean, _asks, _next_90_days):
        found += part(ctx, short, level, looks)
    found += _ai(ctx, looks)
    return found, short.ahead


def _height(flowables: list[Flowable], width: float) -> float:
    """The height the flowables take in a frame (space between them merged, as a frame
    and `KeepInFrame` merge it)."""
    return _listWrapOn(flowables, width, Canvas(BytesIO()))[1]


def _fitted(ctx: Context) -> tuple[list[Flowable], set[str]]:
    """The page at the most generous level that fits, and the sections it points to.

    Worked out once per set of page numbers. After a first layout only the page numbers
    change, digits where "?" held their place, so the search starts a level above the
    one found then rather than at the most generous: two tries instead of a dozen."""
    pages = tuple(sorted(ctx.pages.items()))
    kept = ctx.memo.get("brief")
    if kept is not None and kept[0] == pages:
        return kept[2], kept[3]
    room = ctx.kit.height - 4  # a hair below the frame, for reportlab's rounding
    start = max(0, kept[1] - 1) if kept is not None else 0
    for index in range(start, len(LEVELS)):
        found, ahead = _page(ctx, LEVELS[index])
        if _height(found, ctx.kit.width) <= room:
            break
    ctx.memo["brief"] = (pages, index, found, ahead)
    return found, ahead


def sections_ahead(ctx: Context) -> set[str]:
    """The sections page 1 shortens or counts and that are printed whole further on: a
    first layout must find the page each starts on."""
    return set(_fitted(ctx)[1])


def placeholder() -> list[Flowable]:
    """What stands for page 1 in a first layout: a page of its own, since page 1 always
    fits one, so the pages after it fall exactly as they will."""
    return [Spacer(1, 1), PageBreak()]


def build(ctx: Context) -> list[Flowable]:
    found, _ahead = _fitted(ctx)
    # The tightest level still too tall (a very long name, a decision pages long): the
    # page is set smaller rather than spill onto page 2.
    page = KeepInFrame(ctx.kit.width, ctx.kit.height - 4, found, mode="shrink")
    page._outline = ("brief", tr("For our conversation"), 0)  # type: ignore[attr-defined]
    return [page, PageBreak()]
