"""The fairer rules of issue 13, one test each: being on par with peers is neutral,
the manager value proposition counts by what the person judges rather than by any text,
and the specialist path weighs what senior specialists do (influence without authority,
reach through ideas others adopt).
"""

from __future__ import annotations

from fractions import Fraction

from workbook.analysis.scoring import scores
from workbook.content import load_content
from workbook.data import Rating, WorkbookData

CONTENT = load_content()


def weight(path_id: str, kind: str, target: str) -> int:
    found = [
        w.weight for w in CONTENT.paths[path_id].weights if w.kind == kind and w.target == target
    ]
    return found[0] if found else 0


def test_an_average_person_on_par_with_peers_starts_at_50_on_every_path():
    # Every strength in the middle of its scale and on par with peers, every statement
    # "neither": nothing leans, so nothing may count against any path.
    ratings = {sid: Rating(sid, 3, 3, 2) for sid in CONTENT.strengths}
    preferences = dict.fromkeys(CONTENT.preferences, 3)
    data = WorkbookData(ratings=ratings, preferences=preferences)
    assert set(scores(data, CONTENT).values()) == {Fraction(50)}


def test_being_on_par_counts_the_same_as_leaving_the_edge_unrated():
    rated = {sid: Rating(sid, 4, 4, 2) for sid in CONTENT.strengths}
    unrated = {sid: Rating(sid, 4, 4, None) for sid in CONTENT.strengths}
    assert scores(WorkbookData(ratings=rated), CONTENT) == scores(
        WorkbookData(ratings=unrated), CONTENT
    )


def test_writing_in_the_value_proposition_box_moves_no_score():
    base = WorkbookData(preferences={"growing_others": 4})
    for words in ("that you do not see one yet", "A bridge between analysts and leaders."):
        written = WorkbookData(
            preferences={"growing_others": 4}, context={"manager_value_proposition": words}
        )
        assert scores(written, CONTENT) == scores(base, CONTENT)


def test_the_manager_value_counts_by_how_distinctive_the_person_judges_it():
    assert weight("manager", "preference", "distinctive_manager_value") > 0
    low = scores(WorkbookData(preferences={"distinctive_manager_value": 1}), CONTENT)
    high = scores(WorkbookData(preferences={"distinctive_manager_value": 5}), CONTENT)
    assert high["manager"] > 50 > low["manager"]


def test_the_specialist_path_weighs_what_senior_specialists_do():
    # Staff and principal roles lead without authority and reach through ideas others
    # adopt: both count for the specialist, and pride in a team's success costs nothing.
    assert weight("specialist", "preference", "org_politics") > 0
    assert weight("specialist", "preference", "scaling_through_others") > 0
    assert weight("specialist", "preference", "team_success") >= 0
    for statement in ("org_politics", "scaling_through_others"):
        agree = scores(WorkbookData(preferences={statement: 5}), CONTENT)
        assert agree["specialist"] > 50
