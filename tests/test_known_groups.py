"""Known groups: people whose answers clearly describe one path come out on it by a wide
margin, and a person with no leaning is told the call is too close (issue 13).

The archetypes are our own: each rates the strengths its path weighs most at the top
and the rest in the middle, and answers the statements as someone on that path would.
No workplace answer is given, so the result rests on the person alone.
"""

from __future__ import annotations

import pytest

from workbook.analysis.fit import analyse_fit
from workbook.content import load_content
from workbook.data import Rating, WorkbookData

CONTENT = load_content()
#: A clear case leads the next path by at least this many points.
WIDE = 12


def archetype(path_id: str) -> WorkbookData:
    """Someone whose answers fit one path: its weighted strengths at the top (the rest on
    the middle), each statement answered at the end its weight for that path favours,
    statements it does not weigh left neutral."""
    profile = CONTENT.paths[path_id]
    ratings = {sid: Rating(sid, 3, 3, 2) for sid in CONTENT.strengths}
    preferences = dict.fromkeys(CONTENT.preferences, 3)
    for w in profile.weights:
        if w.kind == "strength" and w.weight >= 2:
            ratings[w.target] = Rating(w.target, 5, 5, 4)
        elif w.kind == "preference":
            preferences[w.target] = 5 if w.weight > 0 else 1
    return WorkbookData(ratings=ratings, preferences=preferences)


@pytest.mark.parametrize("path_id", list(CONTENT.paths))
def test_a_clear_case_wins_its_path_by_a_wide_margin(path_id):
    result = analyse_fit(archetype(path_id), CONTENT)
    scores = {p.id: p.score for p in result.paths}
    runner_up = max(score for pid, score in scores.items() if pid != path_id)
    assert result.ranking[0] == path_id, scores
    assert scores[path_id] - runner_up >= WIDE, scores
    assert not result.close_call
    assert result.flip is None  # no single answer could undo a clear case


def test_a_balanced_person_is_a_close_call():
    balanced = WorkbookData(
        ratings={sid: Rating(sid, 4, 4, 3) for sid in CONTENT.strengths},
        preferences=dict.fromkeys(CONTENT.preferences, 4),
    )
    result = analyse_fit(balanced, CONTENT)
    assert result.close_call, {p.id: p.score for p in result.paths}
    assert "too close to call" in result.edge_statement
    assert "ahead of" not in result.edge_statement
