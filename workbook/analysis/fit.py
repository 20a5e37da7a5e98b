"""Path fit: a 0-100 score per path, its contributions, confidence, the flip and the edge statement.

Score. Every path starts at 50. Each weighted item in the path's profile
adds `50 * weight * x / M` points, where x is in -1..1 (a strength's signal,
a preference's agreement centred on "neither", or 1 when a context answer
matches) and M is the largest total the weights could reach, so the score
stays within 0..100. Contributions are rounded to tenths so that they add
up exactly to the rounded score (largest-remainder rounding).

Confidence. How much of what the path counts is answered: fully rated
strengths (half the weight), strengths backed by evidence (a fifth) and
answered preferences (the rest), weighted by each item's weight.

Flip. The single answer change of smallest size (steps on its scale) that
would put a different path strictly on top; ties broken by the larger
resulting margin, then by a fixed order, so the answer is deterministic.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from fractions import Fraction
from math import floor

from workbook.analysis.signals import centred, fully_rated, strength_signal
from workbook.content.catalogue import Content, PathProfile, Weight
from workbook.data import Rating, WorkbookData

BASELINE = Fraction(50)


@dataclass(frozen=True)
class Contribution:
    source: str  # "baseline", "strength", "preference" or "context"
    item: str | None  # the strength, preference or question id
    label: str  # what the person sees: "Mentoring (proficiency 4, energy 5, edge 3)"
    points: float  # tenths, positive or negative; all of a path's add up to its score
    why: str = ""


@dataclass(frozen=True)
class PathFit:
    id: str
    name: str
    score: float
    confidence: int  # 0..100
    confidence_label: str  # "low", "medium", "high"
    contributions: tuple[Contribution, ...]


@dataclass(frozen=True)
class Flip:
    path: str  # the path that would come out on top
    change: str  # in words
    kind: str  # "strength", "preference" or "context"
    item: str
    scale: str | None
    old: object
    new: object
    size: Fraction
    new_scores: dict[str, float]


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

    def by_id(self, path_id: str) -> PathFit:
        return next(p for p in self.paths if p.id == path_id)


# ---- scoring ------------------------------------------------------------------------------


def _value(data: WorkbookData, weight: Weight) -> Fraction:
    if weight.kind == "strength":
        return strength_signal(data, weight.target)
    if weight.kind == "preference":
        return centred(data.preferences.get(weight.target), 5)
    answer = data.context.get(weight.target, "")
    matched = (weight.answer == "answered" and answer.strip() != "") or answer == weight.answer
    return Fraction(1 if matched else 0)


def max_total(profile: PathProfile) -> Fraction:
    """The largest |sum| the weights can reach; one answer per context question counts."""
    total = Fraction(0)
    per_question: dict[str, int] = {}
    for w in profile.weights:
        if w.kind == "context":
            per_question[w.target] = max(per_question.get(w.target, 0), abs(w.weight))
        else:
            total += abs(w.weight)
    return total + sum(per_question.values())


def exact_terms(data: WorkbookData, profile: PathProfile) -> list[tuple[Weight, Fraction]]:
    """Each weight's exact points (before rounding); the score is 50 plus their sum."""
    scale = BASELINE / max_total(profile)
    return [(w, scale * w.weight * _value(data, w)) for w in profile.weights]


def exact_score(data: WorkbookData, profile: PathProfile) -> Fraction:
    return BASELINE + sum((points for _, points in exact_terms(data, profile)), Fraction(0))


def _round_tenths(value: Fraction) -> int:
    """Round half away from zero, in tenths (so every machine rounds alike)."""
    # floor(10 n/d + 1/2) = (20 n + d) // 2d, in whole numbers (d > 0 in a Fraction).
    n, d = value.numerator, value.denominator
    return (20 * n + d) // (2 * d) if n >= 0 else -((-20 * n + d) // (2 * d))


def apportion(parts: list[Fraction]) -> list[int]:
    """Round parts to tenths so the rounded parts add up to the rounded total."""
    target = _round_tenths(sum(parts, Fraction(0)))
    floors = [floor(p * 10) for p in parts]
    remainders = [p * 10 - f for p, f in zip(parts, floors, strict=True)]
    short = target - sum(floors)
    order = sorted(range(len(parts)), key=lambda i: (-remainders[i], i))
    for i in order[:short]:
        floors[i] += 1
    return floors


# ---- labels -------------------------------------------------------------------------------


def _strength_name(content: Content, data: WorkbookData, strength_id: str) -> str:
    if strength_id in content.strengths:
        return content.strengths[strength_id].name
    rating = data.ratings.get(strength_id)
    return (rating.custom_name if rating else None) or strength_id


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
    question = content.context[w.target]
    if w.answer == "answered":
        return f"{question.text} (you answered)"
    return f"{question.text} ({dict(question.options).get(w.answer, w.answer)})"


AGREEMENT_WORDS = {
    1: "strongly disagree",
    2: "disagree",
    3: "neither",
    4: "agree",
    5: "strongly agree",
}


# ---- confidence ----------------------------------------------------------------------------


def confidence(data: WorkbookData, profile: PathProfile) -> int:
    strength_weights = [w for w in profile.weights if w.kind == "strength"]
    preference_weights = [w for w in profile.weights if w.kind == "preference"]

    def share(weights: list[Weight], done: object) -> Fraction:
        total = sum(abs(w.weight) for w in weights)
        if not total:
            return Fraction(1)
        return Fraction(sum(abs(w.weight) for w in weights if done(w)), total)

    rated = share(strength_weights, lambda w: fully_rated(data, w.target))
    evidenced = share(strength_weights, lambda w: bool(data.evidence_for(w.target)))
    answered = share(preference_weights, lambda w: w.target in data.preferences)
    value = (rated * Fraction(1, 2) + evidenced * Fraction(1, 5) + answered * Fraction(3, 10)) * 100
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


def scores(data: WorkbookData, content: Content) -> dict[str, Fraction]:
    return {pid: exact_score(data, profile) for pid, profile in content.paths.items()}


def _leader(exact: dict[str, Fraction], order: list[str]) -> tuple[str, tuple[str, ...]]:
    rounded = {pid: _round_tenths(value) for pid, value in exact.items()}
    best = max(rounded.values())
    tied = tuple(pid for pid in order if rounded[pid] == best)
    return tied[0], tied


# ---- the flip ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    kind: str
    item: str
    scale: str | None
    old: object
    new: object
    size: Fraction


def _candidates(data: WorkbookData, content: Content) -> list[Candidate]:
    """Every single-answer change worth trying, in a fixed order."""
    found: list[Candidate] = []
    weighted = {(w.kind, w.target) for p in content.paths.values() for w in p.weights}
    scales = ["energy", "edge"]
    if data.profile.strength_mode != "ranking":
        scales.insert(0, "proficiency")
    for kind, item in sorted(weighted):
        if kind == "strength":
            rating = data.ratings.get(item) or Rating(item)
            for scale in scales:
                top = 4 if scale == "edge" else 5
                old = getattr(rating, scale)
                start = Fraction(top + 1, 2) if old is None else Fraction(old)
                for new in range(1, top + 1):
                    if new != old:
                        found.append(Candidate(kind, item, scale, old, new, abs(new - start)))
        elif kind == "preference":
            old = data.preferences.get(item)
            start = Fraction(3) if old is None else Fraction(old)
            for new in range(1, 6):
                if new != old:
                    found.append(Candidate(kind, item, None, old, new, abs(new - start)))
        else:
            question = content.context[item]
            old = data.context.get(item)
            if question.kind == "choice":
                for option, _ in question.options:
                    if option != old:
                        found.append(Candidate(kind, item, None, old, option, Fraction(1)))
            elif not (old or "").strip():
                found.append(Candidate(kind, item, None, old, "answered", Fraction(1)))
    return found


def apply_candidate(data: WorkbookData, change: Candidate | Flip) -> WorkbookData:
    """The answers with one change made (used to search the flip and to test it)."""
    if change.kind == "strength":
        rating = data.ratings.get(change.item) or Rating(change.item)
        ratings = dict(data.ratings)
        ratings[change.item] = dataclasses.replace(rating, **{change.scale: change.new})
        return dataclasses.replace(data, ratings=ratings)
    if change.kind == "preference":
        return dataclasses.replace(data, preferences={**data.preferences, change.item: change.new})
    answer = "(your answer)" if change.new == "answered" else change.new
    return dataclasses.replace(data, context={**data.context, change.item: answer})


def describe_candidate(content: Content, data: WorkbookData, c: Candidate) -> str:
    """One change to the answers in the person's words, as "What would change it" says it."""
    if c.kind == "strength":
        name = _strength_name(content, data, c.item)
        if c.old is None:
            return f"rating {name} {c.new} for {c.scale} (not rated yet)"
        return f"rating {name} {c.new} for {c.scale} instead of {c.old}"
    if c.kind == "preference":
        statement = content.preferences[c.item].statement.rstrip(".")
        new = AGREEMENT_WORDS[c.new]
        if c.old is None:
            return f"answering “{new}” to “{statement}” (not answered yet)"
        return f"answering “{new}” instead of “{AGREEMENT_WORDS[c.old]}” to “{statement}”"
    question = content.context[c.item]
    if c.new == "answered":
        return f"answering “{question.text}”"
    label = dict(question.options)[c.new]
    return f"answering “{label}” to “{question.text.rstrip('.?')}”"


def find_flip(
    data: WorkbookData, content: Content, exact: dict[str, Fraction]
) -> tuple[Flip | None, str]:
    order = list(content.paths)
    leader, _ = _leader(exact, order)
    # One answer touches only the weights on that item, so each candidate's new
    # scores are the current ones plus those weights' change: no full rescoring.
    # Each weight's points per unit of value, and its value now, are worked out once:
    # several hundred candidates share them.
    by_item: dict[tuple[str, str], list[tuple[str, Weight, Fraction, Fraction]]] = {}
    for pid, profile in content.paths.items():
        scale = BASELINE / max_total(profile)
        for w in profile.weights:
            entry = (pid, w, scale * w.weight, _value(data, w))
            by_item.setdefault((w.kind, w.target), []).append(entry)
    best: tuple[tuple, Candidate, dict[str, Fraction], str] | None = None
    for c in _candidates(data, content):
        changed_data = apply_candidate(data, c)
        changed = dict(exact)
        # Paths weighing the same answer share its new value: work it out once.
        values: dict[tuple[str, str, str | None], Fraction] = {}
        for pid, w, factor, now in by_item[(c.kind, c.item)]:
            key = (w.kind, w.target, w.answer)
            value = values.get(key)
            if value is None:
                value = values[key] = _value(changed_data, w)
            changed[pid] += factor * (value - now)
        rounded = {pid: _round_tenths(v) for pid, v in changed.items()}
        top = max(rounded.values())
        winners = [pid for pid in order if rounded[pid] == top]
        # A flip leaves exactly one path on top, and not the one that leads now.
        if len(winners) != 1 or winners[0] == leader:
            continue
        winner = winners[0]
        margin = top - max(v for pid, v in rounded.items() if pid != winner)
        key = (c.size, -margin)
        if best is None or key < best[0]:
            best = (key, c, changed, winner)
    if best is None:
        lead = exact[leader] - max(v for pid, v in exact.items() if pid != leader)
        return None, (
            f"No single change of answer puts another path on top: "
            f"{content.paths[leader].short_name} leads by {float(lead):.1f} points, "
            "so it would take several answers changing together."
        )
    _, c, changed, winner = best
    return (
        Flip(
            winner,
            describe_candidate(content, data, c),
            c.kind,
            c.item,
            c.scale,
            c.old,
            c.new,
            c.size,
            {pid: _round_tenths(v) / 10 for pid, v in changed.items()},
        ),
        "",
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
    rated = any(r.proficiency or r.energy or r.edge or r.rank for r in data.ratings.values())
    return rated or bool(data.preferences) or bool(data.context)


def edge_statement(content: Content, data: WorkbookData, fits: list[PathFit], tied: tuple) -> str:
    by_id = {f.id: f for f in fits}
    leader = by_id[tied[0]]
    if not _answered_anything(data):
        return (
            "Nothing to go on yet: rate a few strengths and preferences, and your edge "
            "will take shape here."
        )
    strongest = sorted(
        # Context answers describe the workplace, not the person: the edge is theirs.
        (
            c
            for c in leader.contributions
            if c.source in ("strength", "preference") and c.points > 0
        ),
        key=lambda c: -c.points,
    )
    # Several context answers share one label: name each reason once.
    labels = list(dict.fromkeys(_short_label(content, data, c) for c in strongest))
    reasons = _join(labels[:3])
    names = [content.paths[pid].short_name for pid in tied]
    if len(tied) > 1:
        opening = f"{_join(names)} fit you equally well ({leader.score:g} each)."
    else:
        others = sorted((f for f in fits if f.id != leader.id), key=lambda f: -f.score)
        gap = leader.score - others[0].score
        opening = (
            f"Your answers point most to the {content.paths[leader.id].short_name.lower()} "
            f"path ({leader.score:g} of 100), {gap:.1f} points ahead of "
            f"{content.paths[others[0].id].short_name.lower()}."
        )
    if reasons:
        opening += f" Your edge rests most on {reasons}."
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
    if _answered_anything(data):
        flip, reason = find_flip(data, content, scores(data, content))
    else:
        flip, reason = (
            None,
            "Answer a few questions first: with nothing rated, every path sits at 50.",
        )
    statement = edge_statement(content, data, list(scored.paths), scored.tied)
    return FitResult(scored.paths, scored.ranking, scored.tied, flip, reason, statement)
