"""Properties of the analysis that must hold for any answers a person could give.

The workbooks are built in memory (no database) from hypothesis strategies
covering ratings in both strength modes, preferences, context answers,
evidence, AI tasks and reinvestments.
"""

from __future__ import annotations

import dataclasses
import json
import math
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.analysis import fit, scoring
from workbook.analysis import flip as flips
from workbook.analysis.ai_plan import analyse_ai_plan, hours_freed, total_freed
from workbook.analysis.progress import snapshot
from workbook.analysis.signals import strength_signal
from workbook.analysis.summary import summary
from workbook.content import load_content
from workbook.data import (
    Action,
    Evidence,
    Goal,
    Rating,
    Reinvestment,
    Snapshot,
    Task,
    WorkbookData,
)
from workbook.model import Profile

CONTENT = load_content()
STRENGTH_IDS = sorted(CONTENT.strengths)
PREFERENCE_IDS = sorted(CONTENT.preferences)
VALUE_IDS = list(CONTENT.values)
PATH_IDS = list(CONTENT.paths)

FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NORMAL = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# (path, strength) and (path, preference) pairs the path weights positively.
POSITIVE_STRENGTHS = sorted(
    (p.id, w.target)
    for p in CONTENT.paths.values()
    for w in p.weights
    if w.kind == "strength" and w.weight > 0
)
POSITIVE_PREFERENCES = sorted(
    (p.id, w.target)
    for p in CONTENT.paths.values()
    for w in p.weights
    if w.kind == "preference" and w.weight > 0
)
TOPS = {"proficiency": 5, "energy": 5, "edge": 4}
# Every rating or statement of the person's own some path counts: (kind, strength or
# preference id). Values are an order, changed by swapping neighbours (`value_swaps`).
# Answers about the workplace are shown beside the fit, never counted in it.
WEIGHED = sorted(
    {
        (w.kind, w.target)
        for p in CONTENT.paths.values()
        for w in p.weights
        if w.kind in ("strength", "preference")
    }
)


# ---- strategies ------------------------------------------------------------------------------

levels5 = st.one_of(st.none(), st.integers(1, 5))
levels4 = st.one_of(st.none(), st.integers(1, 4))
hours = st.floats(0, 60, allow_nan=False, allow_infinity=False)


@st.composite
def ratings_and_mode(draw: st.DrawFn) -> tuple[str, dict[str, Rating]]:
    mode = draw(st.sampled_from(["rating", "ranking"]))
    ids = draw(st.lists(st.sampled_from(STRENGTH_IDS), unique=True, max_size=len(STRENGTH_IDS)))
    ranks: list[int | None] = [None] * len(ids)
    if mode == "ranking" and ids:
        order = draw(st.permutations(range(1, len(ids) + 1)))
        ranked = draw(st.lists(st.booleans(), min_size=len(ids), max_size=len(ids)))
        ranks = [r if keep else None for r, keep in zip(order, ranked, strict=True)]
    ratings = {
        sid: Rating(sid, draw(levels5), draw(levels5), draw(levels4), rank)
        for sid, rank in zip(ids, ranks, strict=True)
    }
    return mode, ratings


@st.composite
def value_places(draw: st.DrawFn) -> dict[str, int]:
    """What matters to the person: nothing yet, every value in an order, or some of them
    (an imported file may hold part of an order, with gaps between the places)."""
    order = draw(st.permutations(VALUE_IDS))
    count = draw(st.sampled_from([0, len(order), *range(1, len(order))]))
    gaps = draw(st.lists(st.integers(1, 3), min_size=count, max_size=count))
    places, place = {}, 0
    for value, gap in zip(order[:count], gaps, strict=True):
        place += gap
        places[value] = place
    return places


@st.composite
def context_answers(draw: st.DrawFn) -> dict[str, str]:
    answers: dict[str, str] = {}
    for qid, question in CONTENT.context.items():
        if question.kind == "choice":
            choice = draw(st.one_of(st.none(), st.sampled_from([o for o, _ in question.options])))
        else:
            choice = draw(st.sampled_from([None, "", "   ", "Deep knowledge of payments."]))
        if choice is not None:
            answers[qid] = choice
    return answers


@st.composite
def tasks(draw: st.DrawFn) -> tuple[Task, ...]:
    count = draw(st.integers(0, 6))
    return tuple(
        Task(
            id=n + 1,
            name=draw(st.sampled_from(["", "Write reports", "Code review", "Rota"])),
            hours_per_week=draw(hours),
            mode=draw(st.sampled_from([None, "automate", "augment", "keep_human"])),
            ai_share=draw(st.one_of(st.none(), st.floats(0, 1, allow_nan=False))),
            validation=draw(st.sampled_from(["", "  ", "Check against the source data."])),
            review_hours=draw(st.floats(0, 20, allow_nan=False, allow_infinity=False)),
            stakes=draw(st.sampled_from(["", "low", "medium", "high"])),
            tool=draw(st.sampled_from(["", "ChatGPT", "Copilot"])),
            position=n,
        )
        for n in range(count)
    )


@st.composite
def workbooks(draw: st.DrawFn, with_plan: bool = True) -> WorkbookData:
    mode, ratings = draw(ratings_and_mode())
    evidence_for = draw(st.lists(st.sampled_from(STRENGTH_IDS), unique=True, max_size=8))
    evidence = tuple(
        Evidence(
            n + 1,
            sid,
            draw(st.sampled_from(["", "A release was late."])),
            draw(st.sampled_from(["", "I rebuilt the pipeline."])),
            "",
        )
        for n, sid in enumerate(evidence_for)
    )
    data = WorkbookData(
        name="Alex",
        profile=dataclasses.replace(Profile(0), strength_mode=mode),
        ratings=ratings,
        evidence=evidence,
        preferences=draw(st.dictionaries(st.sampled_from(PREFERENCE_IDS), st.integers(1, 5))),
        values=draw(value_places()),
        context=draw(context_answers()),
    )
    if not with_plan:
        return data
    plan_tasks = draw(tasks())
    reinvested = draw(st.lists(st.floats(0, 30, allow_nan=False), max_size=3))
    goals = tuple(
        Goal(
            g + 1,
            draw(st.sampled_from(["", "Lead the design review"])),
            measure=draw(st.sampled_from(["", "Two reviews led"])),
            target_date=draw(st.sampled_from([None, "2025-12-31"])),
            actions=tuple(
                Action(10 * g + a, g + 1, "Do it", kind, None)
                for a, kind in enumerate(
                    draw(
                        st.lists(
                            st.sampled_from([None, "experience", "others", "formal"]), max_size=5
                        )
                    )
                )
            ),
        )
        for g in range(draw(st.integers(0, 2)))
    )
    data = dataclasses.replace(
        data,
        tasks=plan_tasks,
        reinvestments=tuple(
            Reinvestment(n + 1, h, "other", None) for n, h in enumerate(reinvested)
        ),
        goals=goals,
    )
    if draw(st.booleans()):
        # A check-in taken before some ratings changed.
        _, earlier = draw(ratings_and_mode())
        before = dataclasses.replace(data, ratings=earlier)
        data = dataclasses.replace(
            data, snapshots=(Snapshot(1, "2025-01-01T09:00:00", snapshot(before, CONTENT)),)
        )
    return data


def tenths(x: float) -> int:
    return round(x * 10)


def exact_tenths(value: Fraction) -> int:
    """An exact score in tenths, a half rounded up (a score is never below 0)."""
    return math.floor(value * 10 + Fraction(1, 2))


def rounded_scores(data: WorkbookData) -> dict[str, int]:
    return {pid: exact_tenths(v) for pid, v in fit.scores(data, CONTENT).items()}


def answered_nothing(data: WorkbookData) -> bool:
    """No strength rated or ranked, no statement answered and no value in an order."""
    rated = any(r.proficiency or r.energy or r.edge or r.rank for r in data.ratings.values())
    return not (rated or data.preferences or data.values)


def value_swaps(data: WorkbookData) -> list[flips.Candidate]:
    """Each value of the person's order one place up, its neighbour one down, sized as
    docs/analysis.md says: how far each of the two values moves on -1..1, as a share of
    its range of 2, added up. Worked out here through the standings themselves."""
    order = sorted(data.values, key=lambda v: (data.values[v], v))
    changes = []
    for place in range(1, len(order)):
        up, down = order[place], order[place - 1]
        swapped = {**data.values, up: data.values[down], down: data.values[up]}
        if data.values[up] == data.values[down]:
            continue  # two values sharing a place (a hand-written file): no order to swap
        moved = dataclasses.replace(data, values=swapped)
        size = sum(
            abs(scoring.value_standing(moved, v) - scoring.value_standing(data, v)) / 2
            for v in (up, down)
        )
        changes.append(flips.Candidate("value", up, None, place + 1, place, size))
    return changes


def single_changes(data: WorkbookData) -> list[flips.Candidate]:
    """Every other value of one answer the paths count, as docs/analysis.md sizes them:
    how far the item's value (a strength's signal, a preference's agreement, each -1..1)
    moves, as a share of its range of 2. Worked out here through the signal itself, not
    per scale as the app does."""
    changes = []
    for kind, item in WEIGHED:
        if kind == "strength":
            rating = data.ratings.get(item) or Rating(item)
            now = strength_signal(data, item)
            for scale, top in TOPS.items():
                if scale == "proficiency" and data.profile.strength_mode == "ranking":
                    continue  # the order counts, not the rated proficiency
                for new in range(1, top + 1):
                    if new != getattr(rating, scale):
                        changed = dataclasses.replace(rating, **{scale: new})
                        moved = dataclasses.replace(data, ratings={**data.ratings, item: changed})
                        size = abs(strength_signal(moved, item) - now) / 2
                        old = getattr(rating, scale)
                        changes.append(flips.Candidate(kind, item, scale, old, new, size))
        else:
            old = data.preferences.get(item)
            now = Fraction(0) if old is None else Fraction(old - 3, 2)
            changes += [
                flips.Candidate(kind, item, None, old, new, abs(Fraction(new - 3, 2) - now) / 2)
                for new in range(1, 6)
                if new != old
            ]
    return changes + value_swaps(data)


def unique_leader(rounded: dict[str, int]) -> str | None:
    best = max(rounded.values())
    top = [pid for pid in PATH_IDS if rounded[pid] == best]
    return top[0] if len(top) == 1 else None


# ---- scores and contributions ----------------------------------------------------------------


@NORMAL
@given(workbooks(with_plan=False))
def test_scores_in_range_and_contributions_add_up_exactly(data):
    for path in (fit.path_fit(data, CONTENT, profile) for profile in CONTENT.paths.values()):
        exact = scoring.exact_score(data, CONTENT.paths[path.id])
        assert 0 <= exact <= 100
        assert 0 <= path.score <= 100
        assert tenths(path.score) == exact_tenths(exact)
        assert path.contributions[0].source == "baseline"
        assert path.contributions[0].points == 50
        assert sum(tenths(c.points) for c in path.contributions) == tenths(path.score)
        assert all(c.points != 0 for c in path.contributions[1:])
        assert 0 <= path.confidence <= 100
        assert path.confidence_label == fit.confidence_label(path.confidence)


@FAST
@given(workbooks(), st.randoms(use_true_random=False))
def test_same_answers_give_the_same_result_in_any_order(data, rnd):
    items = list(data.ratings.items())
    rnd.shuffle(items)
    prefs = list(data.preferences.items())
    rnd.shuffle(prefs)
    places = list(data.values.items())
    rnd.shuffle(places)
    shuffled = dataclasses.replace(
        data, ratings=dict(items), preferences=dict(prefs), values=dict(places)
    )
    assert fit.analyse_fit(shuffled, CONTENT) == fit.analyse_fit(data, CONTENT)
    # The same answers twice (in another order) give byte-identical JSON.
    assert json.dumps(summary(shuffled, CONTENT)) == json.dumps(summary(data, CONTENT))


# ---- monotonicity ----------------------------------------------------------------------------


@NORMAL
@given(
    workbooks(with_plan=False),
    st.sampled_from(POSITIVE_STRENGTHS),
    st.sampled_from(["proficiency", "energy", "edge"]),
    st.data(),
)
def test_raising_a_weighted_strength_never_lowers_the_path(data, pair, scale, draw):
    path_id, strength_id = pair
    top = TOPS[scale]
    low = draw.draw(st.integers(1, top - 1), label="from")
    high = draw.draw(st.integers(low + 1, top), label="to")
    rating = data.ratings.get(strength_id) or Rating(strength_id)
    profile = CONTENT.paths[path_id]

    def with_value(value: int) -> WorkbookData:
        changed = dataclasses.replace(rating, **{scale: value})
        return dataclasses.replace(data, ratings={**data.ratings, strength_id: changed})

    before = scoring.exact_score(with_value(low), profile)
    after = scoring.exact_score(with_value(high), profile)
    assert after >= before
    if scale != "proficiency" or data.profile.strength_mode == "rating":
        assert after > before
    else:
        # In ranking mode the rated proficiency is not used: the order is.
        assert after == before


@NORMAL
@given(workbooks(with_plan=False), st.sampled_from(POSITIVE_PREFERENCES), st.data())
def test_agreeing_more_with_a_weighted_preference_never_lowers_the_path(data, pair, draw):
    path_id, preference_id = pair
    low = draw.draw(st.integers(1, 4), label="from")
    high = draw.draw(st.integers(low + 1, 5), label="to")
    profile = CONTENT.paths[path_id]

    def agreeing(value: int) -> WorkbookData:
        return dataclasses.replace(data, preferences={**data.preferences, preference_id: value})

    assert scoring.exact_score(agreeing(high), profile) > scoring.exact_score(
        agreeing(low), profile
    )


@NORMAL
@given(workbooks(with_plan=False))
def test_the_quick_scores_order_the_paths_as_the_exact_scores_do(data):
    # The edge page shows fit_scores after each click; it must agree with the exact sums.
    scored = fit.fit_scores(data, CONTENT)
    exact = fit.scores(data, CONTENT)
    assert {p.id: tenths(p.score) for p in scored.paths} == {
        pid: fit._round_tenths(value) for pid, value in exact.items()
    }
    best = max(fit._round_tenths(v) for v in exact.values())
    assert scored.tied == tuple(p for p in PATH_IDS if fit._round_tenths(exact[p]) == best)
    assert sorted(exact, key=lambda p: -exact[p]) == list(scored.ranking) or len(
        {fit._round_tenths(v) for v in exact.values()}
    ) < len(exact)


# ---- balance -----------------------------------------------------------------------------------


def test_strengths_and_preferences_can_move_every_path_equally_far():
    """docs/analysis.md, "Balance": a path's strengths at their best (or worst) move it as
    far as its preferences at their best (or worst): 20 points each way. What matters to
    you is stated at half that, 10, and all three together stay within 0..100."""
    assert fit.BLOCK_POINTS == {"strength": 20, "preference": 20, "value": 10}
    assert fit.BASELINE + sum(fit.BLOCK_POINTS.values()) == 100
    for profile in CONTENT.paths.values():
        for kind in ("strength", "preference"):
            at_best = sum(
                (abs(points) for _, points in fit.exact_terms(extreme(profile, kind), profile)),
                Fraction(0),
            )
            assert at_best == fit.BLOCK_POINTS[kind], (profile.id, kind)
        assert scoring.block_total(profile, "value"), profile.id  # every path weighs values


@NORMAL
@given(value_places())
def test_what_matters_moves_a_path_at_most_its_stated_10_points(places):
    """An order puts only one value first and one last, so the values' block reaches its
    10 points only in part; it never goes past them."""
    data = WorkbookData(values=places)
    for profile in CONTENT.paths.values():
        points = [p for w, p in fit.exact_terms(data, profile) if w.kind == "value"]
        assert abs(sum(points, Fraction(0))) <= fit.BLOCK_POINTS["value"]
        assert sum((abs(p) for p in points), Fraction(0)) <= fit.BLOCK_POINTS["value"]


@NORMAL
@given(workbooks(with_plan=False), st.data())
def test_moving_a_value_up_past_one_weighed_less_never_lowers_the_path(data, draw):
    swaps = value_swaps(data)
    if not swaps:
        return
    swap = draw.draw(st.sampled_from(swaps))
    moved = flips.apply_candidate(data, swap)
    order = scoring.value_order(data)
    above = order[swap.new - 1]
    for profile in CONTENT.paths.values():
        weights = {w.target: w.weight for w in profile.weights if w.kind == "value"}
        change = scoring.exact_score(moved, profile) - scoring.exact_score(data, profile)
        difference = weights.get(swap.item, 0) - weights.get(above, 0)
        # Exactly 10 × (w_up − w_down) × 2/(n − 1) / M: the two standings trade places.
        expected = (
            fit.BLOCK_POINTS["value"]
            * difference
            * Fraction(2, len(order) - 1)
            / scoring.block_total(profile, "value")
        )
        assert change == expected, (profile.id, swap)


def extreme(profile, kind: str) -> WorkbookData:
    """Every answer of one kind at the top of its scale (each item's value at 1)."""
    weighted = [w.target for w in profile.weights if w.kind == kind]
    if kind == "strength":
        return WorkbookData(ratings={sid: Rating(sid, 5, 5, 4) for sid in weighted})
    return WorkbookData(preferences=dict.fromkeys(weighted, 5))


@NORMAL
@given(workbooks(with_plan=False))
def test_answers_about_the_workplace_never_move_a_score(data):
    plain = dataclasses.replace(data, context={})
    assert fit.scores(data, CONTENT) == fit.scores(plain, CONTENT)


@NORMAL
@given(workbooks(with_plan=False))
def test_a_close_call_is_exactly_when_one_step_could_change_the_top(data):
    result = fit.analyse_fit(data, CONTENT)
    assert result.contenders[0] == result.ranking[0]
    assert result.close_call == (len(result.contenders) > 1)
    if answered_nothing(data):
        assert result.close_call
        return
    leader = result.ranking[0]
    one_step = set()
    for candidate in flips._candidates(data, CONTENT):
        if candidate.steps <= 1:
            winner = unique_leader(rounded_scores(flips.apply_candidate(data, candidate)))
            if winner not in (None, leader):
                one_step.add(winner)
    assert set(result.contenders) == {leader} | set(result.tied) | one_step
    if result.close_call:
        assert "too close to call" in result.edge_statement
    else:
        assert "points ahead of" in result.edge_statement


# ---- the flip --------------------------------------------------------------------------------


@NORMAL
@given(workbooks(with_plan=False))
def test_the_flip_puts_its_path_uniquely_on_top(data):
    result = fit.analyse_fit(data, CONTENT)
    assert [p.id for p in result.paths] == PATH_IDS
    scores_now = {p.id: tenths(p.score) for p in result.paths}
    assert [scores_now[pid] for pid in result.ranking] == sorted(scores_now.values(), reverse=True)
    assert result.ranking[0] == result.tied[0]
    assert {scores_now[pid] for pid in result.tied} == {max(scores_now.values())}
    if result.flip is None:
        reason = result.flip_reason
        assert reason and reason[0].isupper() and reason.endswith(".")
        assert len(reason.split()) >= 8
        return
    flip = result.flip
    assert result.flip_reason == ""
    assert flip.path != result.ranking[0]
    changed = flips.apply_candidate(data, flip)
    # Re-scoring without searching a flip of its own keeps the test quick.
    again = [fit.path_fit(changed, CONTENT, profile) for profile in CONTENT.paths.values()]
    rescored = {p.id: tenths(p.score) for p in again}
    assert unique_leader(rescored) == flip.path  # alone on top, and not the leader now
    assert flip.new_scores == {p.id: p.score for p in again}
    assert flip.change and flip.change[0].islower()


@settings(max_examples=12, deadline=None)
@given(workbooks(with_plan=False))
def test_no_smaller_change_flips_the_leader(data):
    """Brute force, rescoring every candidate in full: the flip is a smallest one."""
    result = fit.analyse_fit(data, CONTENT)
    if answered_nothing(data):
        assert result.flip is None and result.flip_reason  # nothing to change yet
        return
    leader = result.ranking[0]
    limit = result.flip.size if result.flip else None
    for candidate in single_changes(data):
        if limit is not None and candidate.size >= limit:
            continue
        winner = unique_leader(rounded_scores(flips.apply_candidate(data, candidate)))
        assert winner is None or winner == leader, candidate


# ---- the AI plan -----------------------------------------------------------------------------


@NORMAL
@given(workbooks())
def test_ai_plan_hours_add_up(data):
    plan = analyse_ai_plan(data, CONTENT)
    assert len(plan.tasks) == len(data.tasks)
    for task, result in zip(data.tasks, plan.tasks, strict=True):
        freed = hours_freed(task)
        assert 0 <= freed <= task.hours_per_week
        assert 0 <= result.hours_freed <= result.hours
        if task.mode == "keep_human" or not task.ai_share:
            assert result.hours_freed == 0
    assert 0 <= plan.hours_freed <= plan.hours_per_week
    freed_total = total_freed(data.tasks)
    reinvested = sum(r.hours for r in data.reinvestments)
    if reinvested > freed_total + 1e-9:
        assert plan.over_allocated
        assert plan.unallocated == 0
    if reinvested <= freed_total:
        assert not plan.over_allocated
    assert plan.flags == tuple(t.flag for t in plan.tasks if t.flag)


@NORMAL
@given(tasks(), st.sampled_from([Fraction(0), Fraction(1, 2), Fraction(1)]))
def test_reinvesting_up_to_the_hours_freed_is_never_over_allocated(plan_tasks, share):
    freed = total_freed(plan_tasks)
    exact = WorkbookData(
        tasks=plan_tasks, reinvestments=(Reinvestment(1, float(freed * share), "other", None),)
    )
    assert not analyse_ai_plan(exact, CONTENT).over_allocated
    over = dataclasses.replace(
        exact, reinvestments=(*exact.reinvestments, Reinvestment(2, freed + 0.5, "other", None))
    )
    assert analyse_ai_plan(over, CONTENT).over_allocated


# ---- confidence and the empty workbook -------------------------------------------------------


def test_empty_workbook_has_no_confidence_and_nothing_to_go_on():
    for mode in ("rating", "ranking"):
        data = WorkbookData(profile=dataclasses.replace(Profile(0), strength_mode=mode))
        result = fit.analyse_fit(data, CONTENT)
        assert [p.confidence for p in result.paths] == [0] * len(PATH_IDS)
        assert all(p.score == 50 for p in result.paths)
        assert result.edge_statement.startswith("Nothing to go on yet")
        assert result.tied == tuple(PATH_IDS)


# ---- the summary -----------------------------------------------------------------------------


@FAST
@given(workbooks())
def test_summary_is_json_with_the_documented_shape(data):
    result = summary(data, CONTENT)
    assert json.loads(json.dumps(result)) == result
    for finding in result["signature_strengths"]:
        assert set(finding) >= {"id", "name", "reason"}
        assert finding["id"] in data.ratings
    assert [p["id"] for p in result["paths"]] == PATH_IDS
    for path in result["paths"]:
        assert set(path) >= {"id", "name", "score", "confidence", "contributions"}
        assert 0 <= path["score"] <= 100
        assert 0 <= path["confidence"] <= 100
        for c in path["contributions"]:
            assert set(c) >= {"source", "label", "points"}
            assert c["source"] in {"baseline", "strength", "preference", "value"}
        assert sum(tenths(c["points"]) for c in path["contributions"]) == tenths(path["score"])
    assert [v["id"] for v in result["values"]] == scoring.value_order(data)
    assert [v["place"] for v in result["values"]] == list(range(1, len(data.values) + 1))
    flip = result["flip"]
    assert flip is None or (flip["path"] in PATH_IDS and isinstance(flip["change"], str))
    assert flip is None or flip["kind"] in {"strength", "preference", "value"}
    if flip is None:
        assert result["flip_reason"]
    plan = result["ai_plan"]
    assert set(plan) >= {"hours_per_week", "hours_freed", "tasks", "flags"}
    assert plan["hours_freed"] <= plan["hours_per_week"]
    assert len(plan["tasks"]) == len(data.tasks)
