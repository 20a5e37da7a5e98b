"""A drain central to the path a person leans towards gets honest advice, not "let AI take it".

A drain is a strength rated 4 or more for skill and 2 or less for energy. Central means
the path's profile weighs it at `CENTRAL_WEIGHT` or more (stakeholder management for a
manager, in the issue that asked for this rule).
"""

from __future__ import annotations

import pytest

from workbook.analysis.drains import (
    CENTRAL_WEIGHT,
    USUAL,
    central_paths,
    drain_advice,
    leaning_paths,
)
from workbook.analysis.strengths import analyse_strengths
from workbook.analysis.summary import summary
from workbook.content import load_content
from workbook.data import Rating, WorkbookData

CONTENT = load_content()
DRAIN = "stakeholder_management"  # the example: central to the manager path
MANAGER_LEANING = {"growing_others": 5, "team_success": 5, "difficult_conversations": 5}
SPECIALIST_LEANING = {"long_focus": 5, "hands_on": 5, "deep_craft_identity": 5}


def weight(path_id: str, strength_id: str) -> int:
    path = CONTENT.paths[path_id]
    return next(
        (w.weight for w in path.weights if w.kind == "strength" and w.target == strength_id), 0
    )


def drained(strength_id: str = DRAIN, **preferences: int) -> WorkbookData:
    return WorkbookData(
        ratings={strength_id: Rating(strength_id, 5, 1, 3)}, preferences=dict(preferences)
    )


def reason(data: WorkbookData, leaning: tuple[str, ...] | None = None) -> str:
    (finding,) = analyse_strengths(data, CONTENT, leaning).drains
    return finding.reason


def test_central_means_weighed_at_least_the_central_weight():
    for strength_id in CONTENT.strengths:
        expected = [p for p in CONTENT.paths if weight(p, strength_id) >= CENTRAL_WEIGHT]
        assert [p.id for p in central_paths(CONTENT, strength_id)] == expected
    assert "manager" in [p.id for p in central_paths(CONTENT, DRAIN)]


def test_a_drain_central_to_the_leaning_path_is_named_honestly():
    text = reason(drained(), leaning=("manager",))
    why = next(
        w.why for w in CONTENT.paths["manager"].weights if w.target == DRAIN
    )  # the profile's own sentence on why it counts
    assert text == (
        "You rate your skill 5 of 5, but it drains you (1 of 5). It is at the heart of the "
        f"manager path, which your answers lean towards. {why} There it stays your work: "
        "colleagues and AI can help with parts of it, not carry it for you. If it keeps "
        "draining you, weigh that before you choose this path, and ask someone in such a "
        "role how much of their week it takes."
    )
    assert "let AI take part" not in text


def test_the_leaning_comes_from_the_answers_when_not_given():
    data = drained(**MANAGER_LEANING)
    assert leaning_paths(data, CONTENT) == ("manager",)
    assert "heart of the manager path, which your answers lean towards" in reason(data)


def test_leaning_elsewhere_keeps_the_usual_advice_and_names_the_path_it_is_central_to():
    data = drained(**SPECIALIST_LEANING)
    assert leaning_paths(data, CONTENT)[0] == "specialist"
    text = reason(data)
    assert USUAL in text
    assert "Worth knowing if you consider the manager path" in text
    assert "lean towards" not in text


def test_a_drain_central_to_no_path_gets_the_usual_advice():
    quiet = next(s for s in CONTENT.strengths if not central_paths(CONTENT, s))
    data = WorkbookData(ratings={quiet: Rating(quiet, 4, 2, 2)}, preferences=MANAGER_LEANING)
    assert reason(data) == f"You rate your skill 4 of 5, but it drains you (2 of 5). {USUAL}"


def test_with_nothing_separating_the_paths_there_is_no_leaning():
    assert leaning_paths(WorkbookData(), CONTENT) == ()
    text = drain_advice(CONTENT, DRAIN, ())
    assert text.startswith(USUAL) and "lean towards" not in text


@pytest.mark.parametrize("path_id", list(CONTENT.paths))
def test_every_path_s_central_drains_get_the_honest_advice_on_that_path(path_id):
    short = CONTENT.paths[path_id].short_name.lower()
    for strength_id in CONTENT.strengths:
        text = drain_advice(CONTENT, strength_id, (path_id,))
        if weight(path_id, strength_id) >= CENTRAL_WEIGHT:
            assert f"heart of the {short} path, which your answers lean towards" in text
            assert USUAL not in text
        else:
            assert USUAL in text


def test_the_summary_and_so_the_pdf_carry_the_advice():
    data = drained(**MANAGER_LEANING)
    (finding,) = summary(data, CONTENT)["drains"]
    assert finding["id"] == DRAIN
    assert "heart of the manager path" in finding["reason"]
