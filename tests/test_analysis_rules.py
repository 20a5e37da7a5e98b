"""The analysis rules on small hand-built workbooks, with the exact outcome of each.

Every reason a person reads is checked word for word: a plain sentence that
names the numbers behind it.
"""

from __future__ import annotations

import dataclasses
import json
from fractions import Fraction

import pytest

from workbook.analysis import fit
from workbook.analysis import flip as flips
from workbook.analysis.ai_plan import analyse_ai_plan
from workbook.analysis.plan_checks import balance, goal_checks
from workbook.analysis.progress import progress, snapshot
from workbook.analysis.strengths import analyse_strengths
from workbook.analysis.summary import summary, summary_text
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
RANKING = dataclasses.replace(Profile(0), strength_mode="ranking")


def example(strength_id: str, n: int = 1) -> Evidence:
    return Evidence(n, strength_id, "A new hire joined.", "I paired with her.", "She shipped.")


def ids(findings: tuple) -> list[str]:
    return [f.id for f in findings]


def is_sentence(text: str) -> bool:
    return bool(text) and text[0].isupper() and text.endswith(".")


# ---- signature strengths, use more, drains ---------------------------------------------------


MIXED = WorkbookData(
    ratings={
        "mentoring": Rating("mentoring", 4, 4, 3),
        "communication": Rating("communication", 5, 5, 4),
        "innovation": Rating("innovation", 3, 4, 2),
        "data_analysis": Rating("data_analysis", 5, 2, 3),
        "building_trust": Rating("building_trust", 4, 4, 2),
        "critical_thinking": Rating("critical_thinking", 4, 3, 4),
    },
    evidence=(
        example("mentoring"),
        # An example left empty does not count as evidence.
        Evidence(2, "communication", " ", "", ""),
    ),
)


def test_signature_needs_all_four_and_says_so():
    result = analyse_strengths(MIXED, CONTENT)
    assert ids(result.signature) == ["mentoring"]
    (mentoring,) = result.signature
    assert mentoring.reason == (
        "You rate your skill 4 of 5, it energises you (4 of 5), you see yourself above most "
        "peers, and you gave an example."
    )
    assert (mentoring.proficiency, mentoring.energy, mentoring.edge, mentoring.evidence) == (
        4,
        4,
        3,
        1,
    )


def test_a_signature_without_evidence_is_to_use_more_with_a_hint_to_add_one():
    result = analyse_strengths(MIXED, CONTENT)
    assert ids(result.use_more) == ["communication", "innovation"]
    communication = result.use_more[0]
    assert communication.name == "Communicating clearly"
    assert communication.evidence == 0
    assert communication.reason == (
        "It looks like a signature strength (you rate your skill 5 of 5, energy 5, among the "
        "best you know), but it has no example yet: add one to confirm it."
    )


def test_use_more_is_energy_without_the_skill_yet():
    innovation = analyse_strengths(MIXED, CONTENT).use_more[1]
    assert innovation.id == "innovation"
    assert innovation.reason == (
        "It gives you energy (4 of 5) and you rate your skill 3 of 5: practice could turn it "
        "into an edge."
    )


def test_drain_is_skill_without_energy():
    result = analyse_strengths(MIXED, CONTENT)
    assert ids(result.drains) == ["data_analysis"]
    assert result.drains[0].reason == (
        "You rate your skill 5 of 5, but it drains you (2 of 5). Keep it from filling your "
        "week: share it, trade it, or let AI take part of it."
    )


def test_near_misses_land_in_no_list():
    result = analyse_strengths(MIXED, CONTENT)
    listed = ids(result.signature) + ids(result.use_more) + ids(result.drains)
    # Edge 2 is not above most peers; energy 3 neither lifts nor drains.
    assert "building_trust" not in listed
    assert "critical_thinking" not in listed
    assert result.rated == 6


@pytest.mark.parametrize(
    ("rating", "expected"),
    [
        (Rating("mentoring", 4, 4, 3), "signature"),
        (Rating("mentoring", 3, 4, 3), "use_more"),
        (Rating("mentoring", 4, 3, 3), None),
        (Rating("mentoring", 4, 4, 2), None),
        (Rating("mentoring", 4, 4, None), None),
        (Rating("mentoring", 4, 2, 1), "drains"),
        (Rating("mentoring", 4, 3, 1), None),
        (Rating("mentoring", 3, 2, 1), None),
        (Rating("mentoring", None, 5, 4), None),
    ],
)
def test_thresholds(rating, expected):
    data = WorkbookData(ratings={"mentoring": rating}, evidence=(example("mentoring"),))
    result = analyse_strengths(data, CONTENT)
    found = [name for name in ("signature", "use_more", "drains") if getattr(result, name)]
    assert found == ([expected] if expected else [])


def test_the_forced_ranking_changes_the_signature_strengths():
    ratings = {
        "mentoring": Rating("mentoring", 5, 5, 4, rank=1),
        "innovation": Rating("innovation", 5, 3, 2, rank=2),
        "communication": Rating("communication", 5, 5, 4, rank=3),
    }
    evidence = (example("mentoring", 1), example("communication", 2))
    rated = WorkbookData(ratings=ratings, evidence=evidence)
    assert ids(analyse_strengths(rated, CONTENT).signature) == ["communication", "mentoring"]

    ranked = dataclasses.replace(rated, profile=RANKING)
    result = analyse_strengths(ranked, CONTENT)
    # First place reads as proficiency 5, last as 1: same energy, edge and evidence.
    assert ids(result.signature) == ["mentoring"]
    assert result.signature[0].proficiency == 5
    assert result.signature[0].reason == (
        "You ranked it 1, it energises you (5 of 5), you see yourself among the best you "
        "know, and you gave an example."
    )
    assert ids(result.use_more) == ["communication"]
    assert result.use_more[0].proficiency == 1
    assert result.use_more[0].reason == (
        "It gives you energy (5 of 5) and you ranked it 3: practice could turn it into an edge."
    )

    swapped = dict(ratings)
    swapped["mentoring"] = dataclasses.replace(ratings["mentoring"], rank=3)
    swapped["communication"] = dataclasses.replace(ratings["communication"], rank=1)
    result = analyse_strengths(dataclasses.replace(ranked, ratings=swapped), CONTENT)
    assert ids(result.signature) == ["communication"]
    assert "mentoring" not in ids(result.signature)


def test_all_high_ratings_suggest_the_ranking():
    six = ["mentoring", "communication", "innovation", "data_analysis", "building_trust"]
    six.append("critical_thinking")
    high = {sid: Rating(sid, 4 + n % 2, 3, 2) for n, sid in enumerate(six)}
    assert analyse_strengths(WorkbookData(ratings=high), CONTENT).all_high

    # Five of six high is still three quarters or more.
    most = {**high, "innovation": Rating("innovation", 2, 3, 2)}
    assert analyse_strengths(WorkbookData(ratings=most), CONTENT).all_high
    # Four of six is not.
    fewer = {**most, "mentoring": Rating("mentoring", 3, 3, 2)}
    assert not analyse_strengths(WorkbookData(ratings=fewer), CONTENT).all_high
    # Too few ratings to tell, and no suggestion once ranking.
    five = dict(list(high.items())[:5])
    assert not analyse_strengths(WorkbookData(ratings=five), CONTENT).all_high
    ranked = WorkbookData(profile=RANKING, ratings=high)
    assert not analyse_strengths(ranked, CONTENT).all_high


# ---- path fit --------------------------------------------------------------------------------


SPECIALIST = WorkbookData(
    ratings={
        "technical_problem_solving": Rating("technical_problem_solving", 5, 5, 4),
        "hands_on_craft": Rating("hands_on_craft", 5, 5, 4),
        "scalable_systems": Rating("scalable_systems", 5, 5, 4),
        "mentoring": Rating("mentoring", 2, 2, 2),
        "driving_consensus": Rating("driving_consensus", 2, 1, 1),
    },
    preferences={
        "hands_on": 5,
        "long_focus": 5,
        "deep_craft_identity": 5,
        "solo_ownership": 4,
        "many_threads": 1,
        "org_politics": 2,
        "growing_others": 2,
        "directing_ai": 2,
    },
    context={"dual_ladder": "yes"},
)

MANAGER = WorkbookData(
    ratings={
        "mentoring": Rating("mentoring", 5, 5, 4),
        "emotional_intelligence": Rating("emotional_intelligence", 5, 5, 4),
        "building_trust": Rating("building_trust", 5, 5, 4),
        "hands_on_craft": Rating("hands_on_craft", 3, 2, 2),
    },
    preferences={
        "growing_others": 5,
        "team_success": 5,
        "difficult_conversations": 4,
        "many_threads": 4,
        "long_focus": 2,
        "hands_on": 2,
        "directing_ai": 2,
    },
    context={
        "manager_value_proposition": "I link specialists and senior leaders.",
        "dual_ladder": "no",
    },
)


def scores_of(result: fit.FitResult) -> dict[str, float]:
    return {p.id: p.score for p in result.paths}


def test_a_clear_specialist_comes_out_specialist():
    result = fit.analyse_fit(SPECIALIST, CONTENT)
    assert result.ranking == ("specialist", "orchestrator", "manager")
    assert result.tied == ("specialist",)
    # 20-point blocks; no value is in an order, so the values' block adds nothing.
    assert scores_of(result) == {"specialist": 72.1, "manager": 40.5, "orchestrator": 48.0}
    assert not result.close_call and result.contenders == ("specialist",)
    specialist = result.by_id("specialist")
    # Answered: strengths fully rated weigh 9 of 19 (technical problem solving 3, hands-on
    # craft 3, scalable systems 2, mentoring 1), preferences answered 13 of 15, no evidence,
    # no values: 2/5 * 9/19 + 3/10 * 13/15 = 0.189 + 0.260 = 44%.
    assert (specialist.confidence, specialist.confidence_label) == (44, "medium")
    points = {c.item: c.points for c in specialist.contributions}
    assert points[None] == 50
    # The specialist's strength weights add up to 19: 20 points * 3 / 19 * signal 1 = 3.16.
    assert points["technical_problem_solving"] == 3.2
    # Mentoring 2, 2 and on par: (-1/2 - 1/2 + 0) / 3 = -1/3, times 20 * 1 / 19 = -0.35.
    assert points["mentoring"] == -0.3
    # Preference weights add up to 15: strongly agreeing to a weight of 3 is 20 * 3 / 15.
    assert points["long_focus"] == 4.0
    assert "dual_ladder" not in points  # the workplace is shown beside, not added
    labels = {c.item: c.label for c in specialist.contributions}
    assert labels["mentoring"] == "Mentoring (proficiency 2, energy 2, edge 2)"
    ladder = next(n for n in result.workplace if n.question == "dual_ladder")
    assert (ladder.path, ladder.answer, ladder.leans) == ("specialist", "Yes", 2)
    assert result.edge_statement == (
        "Your answers point most to the specialist path (a strong fit, 72 of 100), 24 points "
        "ahead of orchestrator. Your edge rests most on technical problem solving, hands-on "
        "craft and agreeing that “I do my best work in long stretches of time without "
        "interruptions”. This is a starting point to talk about, not a verdict."
    )


def test_a_clear_manager_comes_out_manager():
    result = fit.analyse_fit(MANAGER, CONTENT)
    assert result.ranking == ("manager", "orchestrator", "specialist")
    # The manager's strength weights add up to 29: mentoring at the top is 20 * 3 / 29 = 2.1.
    assert scores_of(result) == {"specialist": 45.2, "manager": 64.5, "orchestrator": 47.7}
    assert result.edge_statement == (
        "Your answers point most to the manager path (a good fit, 65 of 100), 17 points "
        "ahead of orchestrator. Your edge rests most on mentoring, emotional intelligence and "
        "agreeing that “I get energy from helping someone else get better at their work”. "
        "This is a starting point to talk about, not a verdict."
    )
    # What was written about the value one would bring counts for nothing by itself.
    plain = dataclasses.replace(MANAGER, context={})
    assert scores_of(fit.analyse_fit(plain, CONTENT)) == scores_of(result)


def test_a_wide_lead_has_no_flip_and_says_why_with_the_lead():
    for data, name, lead in ((SPECIALIST, "Specialist", 24), (MANAGER, "Manager", 17)):
        result = fit.analyse_fit(data, CONTENT)
        assert result.flip is None
        assert result.flip_reason == (
            f"No single change of answer puts another path on top: {name} leads by {lead} "
            "points, so it would take several answers changing together."
        )


def test_a_tie_is_a_close_call_and_says_what_would_separate_them():
    data = WorkbookData(preferences={"growing_others": 4, "scaling_through_others": 5})
    result = fit.analyse_fit(data, CONTENT)
    # Manager: 20 * (3 * 1/2 + 2 * 1) / 24 = 2.92; orchestrator: 20 * 2 / 14 = 2.86: both
    # 52.9 in tenths. Specialist: 20 * 1 / 15 = 1.33.
    assert scores_of(result) == {"specialist": 51.3, "manager": 52.9, "orchestrator": 52.9}
    assert result.tied == ("manager", "orchestrator")
    assert result.close_call and result.contenders[:2] == ("manager", "orchestrator")
    assert result.edge_statement.startswith("The manager, orchestrator and specialist paths are")
    assert "too close to call" in result.edge_statement
    assert "points ahead" not in result.edge_statement
    assert result.flip is not None  # what would separate them
    assert summary(data, CONTENT)["close_call"] is True
    assert summary(data, CONTENT)["tied"] == ["manager", "orchestrator"]
    assert summary(SPECIALIST, CONTENT)["close_call"] is False
    assert summary(SPECIALIST, CONTENT)["tied"] == []


def test_a_fully_neutral_person_is_told_it_is_too_close_to_call():
    neutral = WorkbookData(
        ratings={sid: Rating(sid, 3, 3, 2) for sid in CONTENT.strengths},
        preferences=dict.fromkeys(CONTENT.preferences, 3),
    )
    result = fit.analyse_fit(neutral, CONTENT)
    assert scores_of(result) == {"specialist": 50.0, "manager": 50.0, "orchestrator": 50.0}
    assert result.close_call and set(result.contenders) == set(CONTENT.paths)
    assert "too close to call" in result.edge_statement
    assert "ahead" not in result.edge_statement


def test_the_flip_names_the_change_and_the_new_scores():
    data = WorkbookData(preferences={"growing_others": 4})
    result = fit.analyse_fit(data, CONTENT)
    # Growing others weighs 3 of the manager's 24: agreeing (1/2) is 20 * 3 / 24 / 2 = 1.25,
    # a half rounded away from zero: 51.3.
    assert scores_of(result) == {"specialist": 50.0, "manager": 51.3, "orchestrator": 50.0}
    assert result.close_call and result.contenders[0] == "manager"
    flip = result.flip
    assert flip is not None
    assert (flip.path, flip.kind, flip.item, flip.old, flip.new) == (
        "specialist",
        "preference",
        "long_focus",
        None,
        4,
    )
    assert flip.change == (
        "answering “agree” to “I do my best work in long stretches of time without "
        "interruptions” (not answered yet)"
    )
    # Agreeing with long focus (1/2): specialist 20 * 3 / 15 / 2 = 2.0; the manager weighs it
    # -2 of 24: 51.25 - 20 * 2 / 24 / 2 = 50.42.
    assert flip.new_scores == {"specialist": 52.0, "manager": 50.4, "orchestrator": 50.0}
    assert result.flip_reason == ""
    assert summary_text(summary(data, CONTENT)).count(f"What would change it: {flip.change}.")


#: What matters to a person, in the content's order: autonomy first ... balance last.
IN_CONTENT_ORDER = {value: n for n, value in enumerate(CONTENT.values, start=1)}


def test_what_matters_moves_each_path_by_its_stated_weights():
    result = fit.analyse_fit(WorkbookData(values=IN_CONTENT_ORDER), CONTENT)
    # Eight places on -1..1: autonomy 1, mastery 5/7, impact 3/7, growing others 1/7,
    # security -1/7, variety -3/7, recognition -5/7, balance -1 (weighed by no path).
    # Specialist, weights summing to 7 in a 10-point block: mastery 3 * 5/7 + autonomy
    # 2 * 1 + recognition 1 * (-5/7) + variety (-1) * (-3/7) = 27/7, times 10/7 = 5.51.
    # Manager (9): growing others 3/7 + impact 6/7 + variety -3/7 + mastery -5/7
    # + autonomy -1 + recognition 5/7 = -1/7, times 10/9 = -0.16.
    # Orchestrator (7): impact 9/7 + variety -6/7 + autonomy 1 + security 1/7 = 11/7,
    # times 10/7 = 2.24.
    assert scores_of(result) == {"specialist": 55.5, "manager": 49.8, "orchestrator": 52.2}
    specialist = {c.item: (c.points, c.label) for c in result.by_id("specialist").contributions}
    # Autonomy first: 10 * 2 * 1 / 7 = 2.86; mastery second: 10 * 3 * 5/7 / 7 = 3.06.
    assert specialist["autonomy"] == (2.8, "Autonomy (1st of 8 in what matters to you)")
    assert specialist["mastery"] == (3.1, "Mastery (2nd of 8 in what matters to you)")
    assert "balance" not in specialist  # balance counts for no path
    assert result.edge_statement.endswith(
        "It fits what matters to you too: autonomy and mastery. This is a starting point "
        "to talk about, not a verdict."
    )
    assert summary(WorkbookData(values=IN_CONTENT_ORDER), CONTENT)["values"][:2] == [
        {"id": "autonomy", "name": "Autonomy", "place": 1},
        {"id": "mastery", "name": "Mastery", "place": 2},
    ]
    # Not in an order counts 0: with nothing else answered every path stays at 50.
    nothing = fit.analyse_fit(WorkbookData(), CONTENT)
    assert scores_of(nothing) == {"specialist": 50.0, "manager": 50.0, "orchestrator": 50.0}


def test_a_value_swap_can_be_what_would_change_it():
    order = ["autonomy", "balance", "variety", "recognition", "security", "mastery", "impact"]
    data = WorkbookData(
        values={value: n for n, value in enumerate([*order, "growing_others"], start=1)},
        preferences={"difficult_conversations": 1},
    )
    result = fit.analyse_fit(data, CONTENT)
    # Specialist: difficult conversations weighs -1 of 15, strongly disagreeing is
    # 20 * 1 / 15 = 1.33; values: mastery 3 * (-3/7) + autonomy 2 + recognition 1/7
    # + variety (-1) * 3/7 = 3/7, times 10/7 = 0.61: 51.95. Orchestrator: impact
    # 3 * (-5/7) + variety 2 * 3/7 + autonomy 1 + security (-1) * (-1/7) = -1/7, times
    # 10/7: 49.80.
    assert scores_of(result) == {"specialist": 51.9, "manager": 42.3, "orchestrator": 49.8}
    flip = result.flip
    assert (flip.kind, flip.item, flip.old, flip.new, flip.path) == (
        "value",
        "impact",
        7,
        6,
        "orchestrator",
    )
    # Impact one place up (-5/7 to -3/7), mastery one down (-3/7 to -5/7): each moves 2/7
    # of its range of 2, so the swap's size is 2/7, above a statement's step (1/4). No
    # step of a quarter does it: agreeing that "I would enjoy spending a large part of my
    # day giving AI tools work" lifts the orchestrator by 20 * 3 / 14 / 2 = 2.14, to
    # 51.94, only level with the specialist.
    assert flip.size == Fraction(2, 7)
    # Orchestrator: impact 3 * (-3/7) now, 5/7 in all, times 10/7 = 1.02; specialist:
    # mastery 3 * (-5/7), -3/7 in all, times 10/7 = -0.61: 50.72.
    assert flip.new_scores == {"specialist": 50.7, "manager": 43.2, "orchestrator": 51.0}
    assert flip.change == (
        "putting Impact above Mastery in what matters to you (6th instead of 7th)"
    )
    assert result.close_call and result.contenders == ("specialist", "orchestrator")
    assert summary(data, CONTENT)["flip"]["kind"] == "value"


def test_flip_text_for_a_rating_reads_naturally():
    change = flips.Candidate("strength", "mentoring", "proficiency", 2, 4, Fraction(2))
    assert flips.describe_candidate(CONTENT, WorkbookData(), change) == (
        "rating Mentoring 4 for proficiency instead of 2"
    )
    unrated = flips.Candidate("strength", "mentoring", "edge", None, 3, Fraction(1, 2))
    assert flips.describe_candidate(CONTENT, WorkbookData(), unrated) == (
        "rating Mentoring 3 for edge (not rated yet)"
    )
    answered = flips.Candidate("preference", "long_focus", None, 2, 4, Fraction(2))
    assert flips.describe_candidate(CONTENT, WorkbookData(), answered) == (
        "answering “agree” instead of “disagree” to “I do my best work in long stretches of "
        "time without interruptions”"
    )
    ladder = flips.Candidate("context", "dual_ladder", None, "no", "yes", Fraction(1))
    assert flips.describe_candidate(CONTENT, WorkbookData(), ladder) == (
        "answering “Yes” to “Does your organisation have a specialist career ladder that "
        "rises as high as the management one”"
    )


def test_the_edge_statement_says_disagreeing_when_disagreement_scored():
    # A negative weight: disagreeing with many threads counts for the specialist (org
    # politics now weighs for a senior specialist, so disagreeing there costs a little).
    data = WorkbookData(preferences={"org_politics": 1, "many_threads": 1, "long_focus": 5})
    statement = fit.analyse_fit(data, CONTENT).edge_statement
    assert statement == (
        "Your answers point most to the specialist path (a mixed fit, 54 of 100), 5 points "
        "ahead of orchestrator. Your edge rests most on agreeing that “I do my best work in "
        "long stretches of time without interruptions” and disagreeing that “I enjoy keeping "
        "many tasks and people moving at the same time”. This is a starting point to talk "
        "about, not a verdict."
    )


def test_the_edge_statement_rests_on_the_person_not_the_workplace():
    data = WorkbookData(
        preferences={"long_focus": 4},
        context={"dual_ladder": "yes", "middle_management_shrinking": "yes"},
    )
    statement = fit.analyse_fit(data, CONTENT).edge_statement
    assert "situation at work" not in statement
    assert "rests most on agreeing that “I do my best" in statement


def test_empty_workbook():
    result = fit.analyse_fit(WorkbookData(), CONTENT)
    assert scores_of(result) == {"specialist": 50.0, "manager": 50.0, "orchestrator": 50.0}
    assert [p.confidence for p in result.paths] == [0, 0, 0]
    assert [p.confidence_label for p in result.paths] == ["low", "low", "low"]
    assert result.edge_statement == (
        "Nothing to go on yet: rate a few strengths and preferences, and your edge will take "
        "shape here."
    )


def test_confidence_counts_ratings_evidence_and_preferences():
    profile = CONTENT.paths["manager"]
    everything = WorkbookData(
        ratings={
            w.target: Rating(w.target, 3, 3, 2) for w in profile.weights if w.kind == "strength"
        },
        evidence=tuple(
            example(w.target, n) for n, w in enumerate(profile.weights) if w.kind == "strength"
        ),
        preferences={w.target: 3 for w in profile.weights if w.kind == "preference"},
    )
    # Strengths rated 2/5, backed by an example 1/5, statements 3/10, values in order 1/10.
    places = {value: n for n, value in enumerate(CONTENT.values, start=1)}
    everything = dataclasses.replace(everything, values=places)
    assert fit.confidence(everything, profile) == 100
    # The manager's value weights add up to 9; growing others alone weighs 3 of them:
    # 9/10 + 1/10 * 3/9 = 93%.
    some_values = dataclasses.replace(everything, values={"growing_others": 1})
    assert fit.confidence(some_values, profile) == 93
    no_evidence = dataclasses.replace(everything, evidence=())
    assert fit.confidence(no_evidence, profile) == 80
    no_preferences = dataclasses.replace(no_evidence, preferences={})
    assert fit.confidence(no_preferences, profile) == 50
    # A strength rated on two scales of three is not yet rated.
    partly = {sid: dataclasses.replace(r, edge=None) for sid, r in no_evidence.ratings.items()}
    assert fit.confidence(dataclasses.replace(no_evidence, ratings=partly), profile) == 40


# ---- the AI plan -----------------------------------------------------------------------------


TASKS = (
    Task(1, "Draft reports", 10, "augment", 0.5, "", 0, "high"),
    Task(2, "Code review", 20, "augment", 0.5, "Run the tests", 0.5, "high"),
    Task(3, "Rota", 4, "automate", 1.0, "", 0, "low"),
    Task(4, "One-to-ones", 5, "keep_human", 0.8, "", 0, "high"),
    Task(5, "Status email", 2, "augment", 0.5, "", 0, "medium"),
    Task(6, "Test plans", 10, "automate", 1.0, "Spot-check ten cases", 1.0, "high", tool="Copilot"),
)


def test_ai_plan_hours_and_flags():
    data = WorkbookData(tasks=TASKS, reinvestments=(Reinvestment(1, 20, "goal", "1"),))
    plan = analyse_ai_plan(data, CONTENT)
    assert [(t.ai_hours, t.review_hours, t.hours_freed) for t in plan.tasks] == [
        (5.0, 0.0, 5.0),
        (10.0, 0.5, 9.5),
        (4.0, 0.0, 4.0),
        (0.0, 0.0, 0.0),
        (1.0, 0.0, 1.0),
        (10.0, 1.0, 9.0),
    ]
    assert (plan.hours_per_week, plan.ai_hours, plan.review_hours) == (51.0, 30.0, 1.5)
    assert (plan.hours_freed, plan.reinvested, plan.unallocated) == (28.5, 20.0, 8.5)
    assert not plan.over_allocated
    flags = {t.name: t.flag for t in plan.tasks}
    assert flags["Draft reports"] == (
        "Draft reports: the stakes are high and there is no validation step. People lose "
        "accuracy on work just outside what AI does well when they stop checking: name how you "
        "will check the output."
    )
    assert flags["Code review"] == (
        "Code review: the stakes are high but only 0.5 h of review covers 10 h of AI work. "
        "Consider more time for checking."
    )
    assert flags["Status email"] == (
        "Status email: no validation step yet. Decide how you will check what AI produces."
    )
    # Low stakes, work kept human, and review of exactly a tenth are not flagged.
    assert flags["Rota"] is None
    assert flags["One-to-ones"] is None
    assert flags["Test plans"] is None
    assert plan.flags == (flags["Draft reports"], flags["Code review"], flags["Status email"])


def test_keep_human_frees_nothing_whatever_the_share():
    task = Task(1, "Feedback talks", 12, "keep_human", 1.0, "", 0, "high")
    plan = analyse_ai_plan(WorkbookData(tasks=(task,)), CONTENT)
    assert (plan.ai_hours, plan.hours_freed, plan.flags) == (0.0, 0.0, ())


def test_review_time_can_use_up_all_the_hours_but_never_more():
    task = Task(1, "Contracts", 8, "augment", 0.25, "Legal reads every clause", 5, "high")
    plan = analyse_ai_plan(WorkbookData(tasks=(task,)), CONTENT)
    assert (plan.tasks[0].ai_hours, plan.tasks[0].hours_freed) == (2.0, 0.0)
    assert plan.tasks[0].flag is None


def test_reinvesting_more_than_freed_is_over_allocated():
    data = WorkbookData(
        tasks=(Task(1, "Rota", 4, "automate", 0.5, "", 0, "low"),),
        reinvestments=(
            Reinvestment(1, 1.5, "strength", "mentoring"),
            Reinvestment(2, 1, "other", None),
        ),
    )
    plan = analyse_ai_plan(data, CONTENT)
    assert (plan.hours_freed, plan.reinvested, plan.unallocated) == (2.0, 2.5, 0.0)
    assert plan.over_allocated
    exact = dataclasses.replace(data, reinvestments=data.reinvestments[:1])
    assert not analyse_ai_plan(exact, CONTENT).over_allocated


# ---- the development plan --------------------------------------------------------------------


def goal_with(*kinds: str | None, goal_id: int = 1, **fields: object) -> Goal:
    actions = tuple(Action(n, goal_id, f"Action {n}", kind, None) for n, kind in enumerate(kinds))
    values = {"measure": "Lead two reviews", "target_date": "2026-06-30", **fields}
    return Goal(goal_id, "Lead design reviews", actions=actions, **values)


def test_a_plan_of_courses_only_is_flagged_three_ways():
    result = balance(WorkbookData(goals=(goal_with("formal", "formal", "formal"),)))
    assert result.counts == {"experience": 0, "others": 0, "formal": 3}
    assert result.shares == {"experience": 0.0, "others": 0.0, "formal": 1.0}
    assert len(result.flags) == 3
    assert result.flags[0].startswith("Most growth comes from doing.")
    assert result.flags[1].startswith("Courses and reading make up more than a third")
    assert result.flags[2].startswith("None of your actions involves learning from others")
    assert all(is_sentence(flag) for flag in result.flags)


def test_a_70_20_10_plan_is_not_flagged():
    kinds = ["experience"] * 7 + ["others"] * 2 + ["formal"]
    goals = (goal_with(*kinds[:5]), goal_with(*kinds[5:], goal_id=2))
    result = balance(WorkbookData(goals=goals))
    assert result.counts == {"experience": 7, "others": 2, "formal": 1}
    assert result.shares == {"experience": 0.7, "others": 0.2, "formal": 0.1}
    assert result.flags == ()


def test_a_third_formal_is_allowed_and_short_plans_are_not_judged():
    # Half experience and exactly a third formal: on the line, so not flagged.
    third = goal_with("experience", "experience", "experience", "others", "formal", "formal")
    result = balance(WorkbookData(goals=(third,)))
    assert result.shares == {"experience": 0.5, "others": 0.17, "formal": 0.33}
    assert result.flags == ()
    assert balance(WorkbookData(goals=(goal_with("formal", "formal"),))).flags == ()
    assert balance(WorkbookData(goals=(goal_with(),))).flags == (
        "No actions yet: add at least one thing you will do for each goal.",
    )


def test_goal_checks_flag_what_is_missing():
    vague = Goal(1, "Get better at leading")
    complete = goal_with("experience")
    untitled = Goal(3, "", measure="Two talks", target_date="2026-01-31")
    checks = goal_checks(WorkbookData(goals=(vague, complete, untitled)))
    assert [c.goal_id for c in checks] == [1, 1, 3]
    assert checks[0].flags == (
        "How will you know you got there? Add a measure.",
        "Add a target date, so the goal has a horizon.",
        "Add at least one action.",
    )
    assert checks[1].flags == ()
    assert (checks[2].title, checks[2].flags) == ("Untitled goal", ("Add at least one action.",))


# ---- progress --------------------------------------------------------------------------------


def test_progress_lists_moved_ratings_and_scores_before_and_after():
    before = WorkbookData(
        ratings={
            "mentoring": Rating("mentoring", 2, 3, 2),
            "communication": Rating("communication", 4, 4, 3),
        }
    )
    taken = snapshot(before, CONTENT)
    assert json.loads(json.dumps(taken)) == taken
    now = WorkbookData(
        ratings={
            "mentoring": Rating("mentoring", 4, 3, 3),
            "communication": Rating("communication", 4, 4, 3),
            "innovation": Rating("innovation", 3),
        },
        snapshots=(Snapshot(1, "2025-03-01T10:00:00", taken),),
    )
    result = progress(now, CONTENT)
    assert result.since == "2025-03-01T10:00:00"
    assert [(m.strength_id, m.name, m.scale, m.before, m.after) for m in result.moved] == [
        ("innovation", "Innovation and experimentation", "proficiency", None, 3),
        ("mentoring", "Mentoring", "proficiency", 2, 4),
        ("mentoring", "Mentoring", "edge", 2, 3),
    ]
    # Manager before: mentoring (2, 3, on par) is -1/6 * 20 * 3 / 29 = -0.34; communication
    # (4, 4, above) is 1/2 * 20 * 2 / 29 = 0.69: 50.34. Now mentoring (4, 3, above) is
    # 1/3 * 20 * 3 / 29 = 0.69: 51.38. The orchestrator weighs communication 1 of 24:
    # 1/2 * 20 / 24 = 0.42 both times.
    assert result.scores_before == {"specialist": 49.8, "manager": 50.3, "orchestrator": 50.4}
    assert result.scores_now == {"specialist": 50.4, "manager": 51.4, "orchestrator": 50.4}
    moved = summary(now, CONTENT)["progress"]["moved"]
    assert moved[1] == {
        "strength": "mentoring",
        "name": "Mentoring",
        "scale": "proficiency",
        "before": 2,
        "after": 4,
    }


def test_progress_without_a_check_in_has_nothing_before():
    result = progress(MIXED, CONTENT)
    assert (result.since, result.moved, result.scores_before) == (None, (), {})
    assert result.scores_now == {p.id: p.score for p in fit.analyse_fit(MIXED, CONTENT).paths}


def test_progress_compares_with_the_latest_check_in():
    first = snapshot(WorkbookData(ratings={"mentoring": Rating("mentoring", 1, 1, 1)}), CONTENT)
    second = snapshot(WorkbookData(ratings={"mentoring": Rating("mentoring", 3, 3, 2)}), CONTENT)
    now = WorkbookData(
        ratings={"mentoring": Rating("mentoring", 3, 3, 2)},
        snapshots=(Snapshot(1, "2025-01-01", first), Snapshot(2, "2025-02-01", second)),
    )
    result = progress(now, CONTENT)
    assert (result.since, result.moved) == ("2025-02-01", ())
    assert result.scores_before == result.scores_now
