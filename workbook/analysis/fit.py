"""Path fit: a 0-100 score per path, its contributions, how much is answered, the flip,
whether the call is close, where you work, and the edge statement.

Score. Every path starts at 50. A path's strengths can move it at most 20 points either
way, its preferences at most 20 and what matters to you at most 10 (`BLOCK_POINTS`): what
a person is good at counts as much as what they want, and their ranking of a few values
half as much. Within a block each weighted item adds `B * weight * x / M_block`, where B
is the block's points, x is in -1..1 (a strength's signal, a preference's agreement
centred on "neither", a value's place in the person's order: first 1, last -1, not in
the order 0) and M_block is the sum of the block's weight sizes, so the score stays
within 0..100. Contributions are rounded to tenths so that they add up exactly to the
rounded score (largest-remainder rounding).

Where you work. Answers about the workplace (a specialist ladder, shrinking middle
management, how far AI is used) are not added to the score: they describe the place, not
the person. They are shown beside it (`workplace`) and may tip a close call, in words.

Answered. How much of what the path counts is answered (kept as `confidence` in the
summary): fully rated strengths (two fifths), strengths backed by evidence (a fifth),
answered preferences (three tenths) and values in the person's order (a tenth), each
share weighted by the items' weights.

Flip. The single answer change of smallest size that would put a different path strictly
on top. A change's size is how far it moves the answer's value, as a share of its whole
range: one step of a preference is 1/4, one step of one of a strength's three scales 1/12
(a strength is three answers), so per unit of size a strength and a preference move a
path alike; swapping two neighbours in what matters to you moves two values, each by a
share 1/(n-1) of n values in order, so its size is 2/(n-1). Ties are broken by the
larger resulting margin, then by a fixed order.

Close call. When one step on one answer could put another path on top (or the top paths
tie), the top paths are too close to call: the app says so and what would separate them.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import floor

from workbook.analysis.flip import Flip, find_flip
from workbook.analysis.scoring import (
    AGREEMENT_WORDS,
    BASELINE,
    BLOCK_POINTS,
    WORKPLACE,
    _round_tenths,
    _strength_name,
    _value,
    apportion,
    exact_terms,
    ordinal,
    scores,
    value_order,
    value_standing,
)
from workbook.analysis.signals import fully_rated
from workbook.analysis.voices import others_say, who_says
from workbook.content.catalogue import Content, PathProfile, Weight
from workbook.data import Rating, WorkbookData


@dataclass(frozen=True)
class Contribution:
    source: str  # "baseline", "strength" or "preference"
    item: str | None  # the strength, preference or question id
    label: str  # what the person sees: "Mentoring (proficiency 4, energy 5, edge 3)"
    points: float  # tenths, positive or negative; all of a path's add up to its score
    why: str = ""


@dataclass(frozen=True)
class PathFit:
    id: str
    name: str
    score: float
    confidence: int  # 0..100: how much of what the path counts is answered
    confidence_label: str  # "low", "medium", "high"
    contributions: tuple[Contribution, ...]

    @property
    def answered_share(self) -> float:
        """How much of what this path counts is answered, 0..1."""
        return self.confidence / 100


@dataclass(frozen=True)
class WorkplaceNote:
    """One answer about the workplace that favours (or not) one path, shown beside the fit."""

    path: str
    question: str
    answer: str  # the answer in words
    leans: int  # the profile's weight: above 0 favours the path, below 0 holds it back
    why: str


@dataclass(frozen=True)
class FitScores:
    """Each path's score and the order they come in: what a click changes at once. The
    search for the answer that would change the order comes with `analyse_fit`."""

    paths: tuple[PathFit, ...]  # in content order
    ranking: tuple[str, ...]  # path ids, best first (ties keep content order)
    tied: tuple[str, ...]  # the paths sharing the top score (one if no tie)

    def by_id(self, path_id: str) -> PathFit:
        return next(p for p in self.paths if p.id == path_id)


@dataclass(frozen=True)
class FitResult:
    paths: tuple[PathFit, ...]  # in content order
    ranking: tuple[str, ...]  # path ids, best first (ties keep content order)
    tied: tuple[str, ...]  # the paths sharing the top score (one if no tie)
    flip: Flip | None
    flip_reason: str  # why there is no flip, when there is none
    edge_statement: str
    #: One step on one answer could put another path on top (or the top paths tie).
    close_call: bool = False
    #: The paths too close to call, the leader first (just the leader when not close).
    contenders: tuple[str, ...] = ()
    workplace: tuple[WorkplaceNote, ...] = ()
    #: In a close call, where the workplace leans among the contenders, in words ("").
    workplace_tip: str = ""

    def by_id(self, path_id: str) -> PathFit:
        return next(p for p in self.paths if p.id == path_id)


# ---- labels -------------------------------------------------------------------------------


def value_place_words(data: WorkbookData, value: str) -> str:
    """Where a value is in the person's order, in words: "1st of 8 in what matters to you"."""
    order = value_order(data)
    if value not in order:
        return "not in your order of what matters yet"
    return f"{ordinal(order.index(value) + 1)} of {len(order)} in what matters to you"


def _label(content: Content, data: WorkbookData, w: Weight) -> str:
    if w.kind == "strength":
        rating = data.ratings.get(w.target) or Rating(w.target)
        name = _strength_name(content, data, w.target)
        if data.profile.strength_mode == "ranking":
            first = f"ranked {rating.rank}" if rating.rank else "not ranked"
        else:
            first = f"proficiency {rating.proficiency or '-'}"
        return f"{name} ({first}, energy {rating.energy or '-'}, edge {rating.edge or '-'})"
    if w.kind == "preference":
        statement = content.preferences[w.target].statement
        agreement = data.preferences.get(w.target)
        said = AGREEMENT_WORDS.get(agreement, "not answered")
        return f"“{statement}” ({said})"
    if w.kind == "value":
        return f"{content.values[w.target].name} ({value_place_words(data, w.target)})"
    question = content.context[w.target]
    if w.answer == "answered":
        return f"{question.text} (you answered)"
    return f"{question.text} ({dict(question.options).get(w.answer, w.answer)})"


# ---- confidence ----------------------------------------------------------------------------


def confidence(data: WorkbookData, profile: PathProfile) -> int:
    strength_weights = [w for w in profile.weights if w.kind == "strength"]
    preference_weights = [w for w in profile.weights if w.kind == "preference"]
    value_weights = [w for w in profile.weights if w.kind == "value"]

    def share(weights: list[Weight], done: object) -> Fraction:
        total = sum(abs(w.weight) for w in weights)
        if not total:
            return Fraction(1)
        return Fraction(sum(abs(w.weight) for w in weights if done(w)), total)

    rated = share(strength_weights, lambda w: fully_rated(data, w.target))
    evidenced = share(strength_weights, lambda w: bool(data.evidence_for(w.target)))
    answered = share(preference_weights, lambda w: w.target in data.preferences)
    ordered = share(value_weights, lambda w: w.target in data.values)
    value = (
        rated * Fraction(2, 5)
        + evidenced * Fraction(1, 5)
        + answered * Fraction(3, 10)
        + ordered * Fraction(1, 10)
    ) * 100
    return int(_round_tenths(value) // 10)


def confidence_label(value: int) -> str:
    return "low" if value < 40 else "medium" if value < 70 else "high"


# ---- fit ----------------------------------------------------------------------------------


def path_fit(data: WorkbookData, content: Content, profile: PathProfile) -> PathFit:
    terms = exact_terms(data, profile)
    tenths = apportion([BASELINE, *(points for _, points in terms)])
    contributions = [
        Contribution("baseline", None, "Every path starts in the middle", tenths[0] / 10)
    ]
    for (w, _), points in zip(terms, tenths[1:], strict=True):
        if points:
            contributions.append(
                Contribution(w.kind, w.target, _label(content, data, w), points / 10, w.why)
            )
    value = confidence(data, profile)
    return PathFit(
        profile.id,
        profile.name,
        sum(tenths) / 10,
        value,
        confidence_label(value),
        tuple(contributions),
    )


# ---- where you work ---------------------------------------------------------------------------


def workplace(data: WorkbookData, content: Content) -> tuple[WorkplaceNote, ...]:
    """The answers about the workplace that bear on a path, each with the way it leans."""
    notes = []
    for pid, profile in content.paths.items():
        for w in profile.weights:
            if w.kind == WORKPLACE and _value(data, w):
                question = content.context[w.target]
                answer = (
                    "you answered"
                    if w.answer == "answered"
                    else dict(question.options).get(w.answer, w.answer)
                )
                notes.append(WorkplaceNote(pid, w.target, answer, w.weight, w.why))
    return tuple(notes)


def workplace_tip(
    content: Content, notes: tuple[WorkplaceNote, ...], contenders: tuple[str, ...]
) -> str:
    """In a close call, whether where you work leans to one of the contenders, in words."""
    if len(contenders) < 2:
        return ""
    lean = {pid: sum(n.leans for n in notes if n.path == pid) for pid in contenders}
    best = max(lean.values())
    favoured = [pid for pid, value in lean.items() if value == best]
    if best <= 0 or len(favoured) != 1:
        return ""
    pid = favoured[0]
    reason = next(n.why.rstrip(".") for n in notes if n.path == pid and n.leans > 0)
    return (
        f"Where you work leans towards the {content.paths[pid].short_name.lower()} path: "
        f"{reason[0].lower() + reason[1:]}. That is about the place, not about you: "
        "weigh it, and ask whether it will still hold in a few years."
    )


# ---- edge statement --------------------------------------------------------------------------


def _short_label(content: Content, data: WorkbookData, c: Contribution) -> str:
    if c.source == "strength":
        return _strength_name(content, data, c.item or "").lower()
    if c.source == "preference":
        # A negative weight turns disagreement into points: say what the person said.
        agreement = data.preferences.get(c.item or "") or 3
        verb = "disagreeing" if agreement < 3 else "agreeing"
        return f"{verb} that “{content.preferences[c.item].statement.rstrip('.')}”"
    return "your situation at work"


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _answered_anything(data: WorkbookData) -> bool:
    """Whether any of the person's own answers the fit counts is given."""
    rated = any(r.proficiency or r.energy or r.edge or r.rank for r in data.ratings.values())
    return rated or any(v is not None for v in data.preferences.values()) or bool(data.values)


#: Words for a score, from the top band down (the number is shown beside them).
FIT_WORDS = ((70, "a strong fit"), (60, "a good fit"), (41, "a mixed fit"), (30, "a weak fit"))


def whole(score: float) -> int:
    """A score as shown in whole points, a half rounded up (69.5 is 70, 40.5 is 41)."""
    return floor(score + 0.5)


def fit_words(score: float) -> str:
    """A score in words, for the whole number shown beside it: "a strong fit" (70 or
    more) ... "a poor fit" (under 30)."""
    shown = whole(score)
    return next((words for low, words in FIT_WORDS if shown >= low), "a poor fit")


def edge_statement(
    content: Content, data: WorkbookData, fits: list[PathFit], contenders: tuple[str, ...]
) -> str:
    """The suggested edge statement: where the answers point, or that the top paths are
    too close to call (`contenders`, the leader first), and what the edge rests on."""
    by_id = {f.id: f for f in fits}
    leader = by_id[contenders[0]]
    if not _answered_anything(data):
        return (
            "Nothing to go on yet: rate a few strengths and preferences, and your edge "
            "will take shape here."
        )
    positive = sorted(
        (c for c in leader.contributions if c.source in BLOCK_POINTS and c.points > 0),
        key=lambda c: -c.points,
    )
    # The edge is first what the person is good at, then what they want: up to two
    # strengths, and preferences to make three reasons.
    strengths = [c for c in positive if c.source == "strength"][:2]
    preferences = [c for c in positive if c.source == "preference"][: 3 - len(strengths)]
    labels = list(dict.fromkeys(_short_label(content, data, c) for c in strengths + preferences))
    reasons = _join(labels)
    names = [content.paths[pid].short_name.lower() for pid in contenders]
    if len(contenders) > 1:
        opening = (
            f"The {_join(names)} paths are too close to call on your answers so far: "
            "one step on a single answer could change which comes first."
        )
    else:
        others = sorted((f for f in fits if f.id != leader.id), key=lambda f: -f.score)
        gap = leader.score - others[0].score
        opening = (
            f"Your answers point most to the {names[0]} path ({fit_words(leader.score)}, "
            f"{whole(leader.score)} of 100), {whole(gap)} points ahead of "
            f"{content.paths[others[0].id].short_name.lower()}."
        )
    if reasons:
        opening += f" Your edge rests most on {reasons}."
    # What others say: shared feedback tagged with a strength the edge rests on.
    voices = others_say(data)
    backed = [c.item or "" for c in strengths if c.item in voices]
    if backed:
        heard = who_says(tuple(v for sid in backed for v in voices[sid]))
        named = _join([_strength_name(content, data, sid).lower() for sid in backed])
        verb = "comes" if len(backed) == 1 else "come"
        # The source may itself hold a comma ("Karim, my manager"): it goes last.
        opening += f" Others say so too: {named} {verb} up in feedback from {heard}."
    # What matters to you that the leading path serves: values in the top half of the order
    # that raise it (a value placed low can raise a path that weighs it negatively).
    served = [
        content.values[c.item or ""].name.lower()
        for c in sorted(positive, key=lambda c: data.values.get(c.item or "", 0))
        if c.source == "value" and value_standing(data, c.item or "") > 0
    ][:2]
    if served and len(contenders) == 1:
        opening += f" It fits what matters to you too: {_join(served)}."
    return opening + " This is a starting point to talk about, not a verdict."


# ---- everything ------------------------------------------------------------------------------


def fit_scores(data: WorkbookData, content: Content) -> FitScores:
    """Every path's score, explained, and their order: a few milliseconds."""
    fits = tuple(path_fit(data, content, profile) for profile in content.paths.values())
    # A fit's parts are apportioned to add up to its exact score rounded to tenths, so
    # its score orders the paths as the exact one does, without working it out again.
    tenths = {fit.id: round(fit.score * 10) for fit in fits}
    order = list(content.paths)
    best = max(tenths.values())
    tied = tuple(pid for pid in order if tenths[pid] == best)
    ranking = tuple(sorted(order, key=lambda pid: (-tenths[pid], order.index(pid))))
    return FitScores(fits, ranking, tied)


def analyse_fit(data: WorkbookData, content: Content, scored: FitScores | None = None) -> FitResult:
    """The scores (`scored`, if already worked out for the same data), what one change of
    answer would put another path on top, and the edge statement."""
    scored = scored or fit_scores(data, content)
    order = list(content.paths)
    if _answered_anything(data):
        search = find_flip(data, content, scores(data, content))
        flip, reason = search.flip, search.reason
        close = set(scored.tied) | set(search.within_a_step)
    else:
        flip, reason = (
            None,
            "Answer a few questions first: with nothing rated, every path sits at 50.",
        )
        close = set(order)
    leader = scored.ranking[0]
    contenders = (leader, *(pid for pid in scored.ranking if pid in close and pid != leader))
    notes = workplace(data, content)
    statement = edge_statement(content, data, list(scored.paths), contenders)
    return FitResult(
        scored.paths,
        scored.ranking,
        scored.tied,
        flip,
        reason,
        statement,
        close_call=len(contenders) > 1,
        contenders=contenders,
        workplace=notes,
        workplace_tip=workplace_tip(content, notes, contenders),
    )
