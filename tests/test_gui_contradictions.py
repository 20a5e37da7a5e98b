"""Answers that pull against each other, shown kindly as "Questions to think about":
on the Edge step's Result tab (every question) and in the Strengths step's results (the
questions about strengths alone), answered with clicks as a person would."""

import pytest
from PySide6.QtCore import Qt

from tests.helpers.strengths import choose_strength
from ui.steps.edge.page import TABS as EDGE_TABS
from ui.think_about import TITLE
from workbook.analysis.contradictions import SHOWN, find_contradictions
from workbook.content import load_content
from workbook.data import load_workbook_data

STRENGTHS_STEP, EDGE_STEP = 1, 2
ISSUE_QUESTION = (
    "You rate your energy for Mentoring 1 of 5 (it drains you), and you strongly agree "
    "with “I get energy from helping someone else get better at their work”."
)


@pytest.fixture
def window(open_window):
    window = open_window(delay_ms=50)
    window.workbooks.start_empty()
    return window


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def stored(window):
    window.autosaver.flush()
    return load_workbook_data(window.session.db, window.workbook_id)


def rate(qtbot, window, strength_id, scale, level):
    window.show_step(STRENGTHS_STEP)
    page = window.page("strengths")
    page.tabs.setCurrentIndex(0)
    choose_strength(qtbot, page, strength_id)
    click(qtbot, getattr(page.detail, scale).buttons[level])
    window.autosaver.flush()
    return page


def edge_page(window):
    window.show_step(EDGE_STEP)
    return window.page("edge")


def agree(qtbot, page, preference_id, level):
    page.tabs.setCurrentIndex(0)
    click(qtbot, page.preferences.selectors[preference_id].buttons[level])


def gauge(qtbot, page, path_id, field, level):
    page.tabs.setCurrentIndex(EDGE_TABS.index("futures"))
    future = page.futures.panels[path_id]
    page.futures.tabs.setCurrentWidget(future)
    click(qtbot, future.gauges[field].buttons[level])


def test_the_result_tab_asks_about_answers_that_pull_apart(window, qtbot):
    rate(qtbot, window, "mentoring", "energy", 1)
    page = edge_page(window)
    think = page.result_panel.think_about
    page.show_result_tab()
    assert not think.isVisibleTo(page)  # nothing pulls apart yet: the part is not there

    agree(qtbot, page, "growing_others", 5)
    page.show_result_tab()
    qtbot.waitUntil(lambda: think.isVisibleTo(page), timeout=3000)
    (question,) = think.questions()
    assert question.startswith(ISSUE_QUESTION)
    assert question in think.shown.text()
    assert not think.more.isVisibleTo(page)
    assert think.shown.accessibleName() == TITLE

    # A future's gauges are not in the fit, and still reach the questions.
    for field, level in (("liking", 5), ("coherence", 1)):
        gauge(qtbot, page, "manager", field, level)
    for preference in ("long_focus", "many_threads"):
        agree(qtbot, page, preference, 5)
    rate(qtbot, window, "data_analysis", "proficiency", 1)
    rate(qtbot, window, "data_analysis", "edge", 4)
    page = edge_page(window)
    page.show_result_tab()
    expected = [c.question for c in find_contradictions(stored(window), load_content())]
    assert len(expected) == SHOWN + 1
    qtbot.waitUntil(lambda: list(think.questions()) == expected, timeout=3000)
    assert think.shown.text() == "\n\n".join(expected[:SHOWN])
    assert think.more.isVisibleTo(page) and think.more.text() == "1 more question"
    assert not think.rest.isVisibleTo(page)
    click(qtbot, think.more)
    assert think.rest.isVisibleTo(page) and think.rest.text() == expected[SHOWN]

    # Changing an answer on the Result tab's own page takes its question away.
    gauge(qtbot, page, "manager", "coherence", 4)
    page.show_result_tab()
    qtbot.waitUntil(lambda: len(think.questions()) == SHOWN, timeout=3000)
    assert not think.more.isVisibleTo(page)
    assert all("manager future" not in q for q in think.questions())


def test_the_strengths_results_ask_about_ratings_that_pull_apart(window, qtbot):
    page = rate(qtbot, window, "data_analysis", "proficiency", 1)
    think = page.results.think_about
    page.tabs.setCurrentIndex(2)  # Results
    assert not think.isVisibleTo(page)
    rate(qtbot, window, "data_analysis", "edge", 4)
    page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: think.isVisibleTo(page), timeout=3000)
    (question,) = think.questions()
    assert question.startswith(
        "You see yourself among the best you know at Data analysis (edge 4 of 4), and you "
        "rate your skill 1 of 5"
    )
    assert f"{TITLE}\n\n{question}" in page.results.plain_text()
    # A question about energy and a statement belongs to the Edge step, not here.
    rate(qtbot, window, "mentoring", "energy", 1)
    edge = edge_page(window)
    agree(qtbot, edge, "growing_others", 5)
    window.show_step(STRENGTHS_STEP)
    qtbot.waitUntil(lambda: page.up_to_date, timeout=3000)
    assert think.questions() == (question,)
