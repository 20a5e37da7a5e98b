"""Switching between rating and ranking says why the signature strengths change (issue 16).

Ranking reads skill from the order, so a strength rated 4 that ends up low in the order
stops counting as a signature strength. That is the ranking's point, so the page keeps the
rule and says so in words, where the switch is made and in the results; going back to
rating restores the ratings, and the note goes.
"""

import pytest
from PySide6.QtCore import Qt

from tests.test_gui_strengths import add_example, click, rate, settle, signature, stored
from ui.steps.strengths import StrengthsPage
from ui.steps.strengths.page import TABS
from ui.steps.strengths.state import mode_note
from workbook.analysis.strengths import analyse_strengths
from workbook.content import load_content


@pytest.fixture
def page(open_window, qtbot) -> StrengthsPage:
    window = open_window(delay_ms=50)
    window.workbooks.start_empty()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    return window.page("strengths")


NAMES = {s.id: s.name for s in load_content().strengths.values()}


def test_switching_to_ranking_says_which_signature_strength_it_moved_and_why(page, qtbot):
    rate(qtbot, page, "data_analysis", 4, 5, 3)
    add_example(qtbot, page, "The churn study", "I built the model", "Pricing changed")
    rate(qtbot, page, "mentoring", 5, 3, 2)
    rate(qtbot, page, "critical_thinking", 5, 3, 2)
    settle(page, qtbot)
    name = NAMES["data_analysis"]
    assert name in signature(page)
    assert not page.ranking.mode_effect.text()
    assert not page.results.mode_note.isVisibleTo(page.results)

    page.tabs.setCurrentIndex(TABS.index("ranking"))
    click(qtbot, page.ranking.mode_buttons["ranking"])
    settle(page, qtbot)
    assert stored(page).ratings["data_analysis"].rank == 3  # rated 4, after two rated 5
    assert name not in signature(page)
    # Said where the switch was made ...
    said = page.ranking.mode_effect.text()
    assert page.ranking.mode_effect.isVisible()
    assert f"By your ratings, {name} is a signature strength; by your order, it is not" in said
    assert "top quarter" in said and "your ratings are kept" in said
    # ... and in the results, above the (now empty) list.
    page.tabs.setCurrentIndex(TABS.index("results"))
    assert page.results.mode_note.isVisible()
    assert page.results.mode_note.text() == said
    assert said in page.results.plain_text()

    # Moving it to first place makes it a signature strength again, and the note goes.
    page.tabs.setCurrentIndex(TABS.index("ranking"))
    page.ranking.select("data_analysis")
    click(qtbot, page.ranking.up_button)
    click(qtbot, page.ranking.up_button)
    settle(page, qtbot)
    assert name in signature(page)
    assert not page.ranking.mode_effect.isVisible()

    # Back to rating: the ratings decide again, and nothing needs explaining.
    page.ranking.select("data_analysis")
    click(qtbot, page.ranking.down_button)
    click(qtbot, page.ranking.mode_buttons["rating"])
    settle(page, qtbot)
    assert name in signature(page)
    assert not page.ranking.mode_effect.isVisible()
    assert "kept" in page.ranking.rating_note.text()


def test_the_note_names_strengths_the_order_adds_as_well(page, qtbot):
    content = load_content()
    rate(qtbot, page, "mentoring", 3, 5, 3)
    add_example(qtbot, page, "A new starter", "Paired every day", "Up to speed in a month")
    page.tabs.setCurrentIndex(TABS.index("ranking"))
    click(qtbot, page.ranking.mode_buttons["ranking"])
    settle(page, qtbot)
    data = stored(page)
    note = mode_note(data, content, analyse_strengths(data, content))
    assert note.startswith(f"By your order, {NAMES['mentoring']} is a signature strength;")
    assert "by your ratings, it was not" in note
