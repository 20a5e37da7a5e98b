"""One new user's whole journey on one window: every step filled by keyboard and mouse,
the results and the sidebar following along, and everything back after reopening."""

import functools

import pytest
from PySide6.QtCore import Qt

from tests.helpers.screen import into_view
from tests.helpers.strengths import choose_strength
from ui.sidebar import STATUS_ROLE
from ui.steps.ai_plan.tasks_model import column_of
from ui.steps.edge import text as edge_text
from ui.steps.edge.page import TABS as EDGE_TABS
from ui.steps.strengths.page import TABS
from workbook.analysis.ai_plan import analyse_ai_plan
from workbook.analysis.fit import analyse_fit
from workbook.content import load_content
from workbook.data import load_workbook_data
from workbook.queries import list_workbooks
from workbook.session import Access, Session
from workbook.steps import STEPS

WAIT_MS = 5000
SIGNATURE = ("critical_thinking", "data_analysis")
PLAIN = "mentoring"
PROMPT_ROW = 1
#: How many strengths the catalogue holds: the status lines count against it.
CATALOGUE = len(load_content().strengths)


@pytest.fixture
def open_window(open_window):
    """The shared window factory with a short autosave pause, so saves land quickly."""
    return functools.partial(open_window, delay_ms=50)


# ---- how a person does things -------------------------------------------------------


def click(qtbot, widget):
    into_view(widget)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_into(qtbot, widget, text):
    into_view(widget)
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def go_to(qtbot, window, step_id):
    """Ctrl+1 … Ctrl+6 switch steps."""
    index = [s.id for s in STEPS].index(step_id)
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{index + 1}"), Qt.KeyboardModifier.ControlModifier)
    assert window.current_step() == index
    return window.page(step_id)


def status(window, step_id):
    index = [s.id for s in STEPS].index(step_id)
    return window.sidebar.item(index).data(STATUS_ROLE)


def stored(window):
    window.autosaver.flush()
    return load_workbook_data(window.session.db, window.workbook_id)


def settled(qtbot, window, page=None):
    qtbot.waitUntil(lambda: not window.autosaver.has_pending(), timeout=WAIT_MS)
    if page is not None:
        qtbot.waitUntil(lambda: page.up_to_date, timeout=WAIT_MS)


def rate(qtbot, page, strength_id, proficiency, energy, edge):
    choose_strength(qtbot, page, strength_id)
    detail = page.detail
    click(qtbot, detail.proficiency.buttons[proficiency])
    click(qtbot, detail.energy.buttons[energy])
    click(qtbot, detail.edge.buttons[edge])


def signature(page):
    return page.results.plain_text().split("Strengths to use more")[0]


def wait_for_scores(qtbot, window, page):
    """Wait until the line of scores above the edge page's tabs says what the analysis
    of the stored answers says."""
    result = analyse_fit(stored(window), load_content())
    line = edge_text.scores_line(result, load_content(), edge_text.edge_answered(stored(window)))
    qtbot.waitUntil(lambda: page.scores.text() == line, timeout=WAIT_MS)
    return {p.id: p.score for p in result.paths}


# ---- the journey --------------------------------------------------------------------


def fill_about_you(qtbot, window):
    qtbot.mouseClick(window.welcome.empty_button, Qt.MouseButton.LeftButton)
    assert window.workbook_id is not None
    assert window.current_step() == 0
    page = window.page("about")
    before = status(window, "about")
    assert before == "Not started"

    type_into(qtbot, page.current_role, "Senior data analyst")
    family = page.role_family.findData("data")
    page.role_family.setFocus()
    page.role_family.setCurrentIndex(family)
    page.role_family.activated.emit(family)
    page.years.setFocus()
    page.years.selectAll()
    qtbot.keyClicks(page.years, "9")
    qtbot.keyClick(page.years, Qt.Key.Key_Tab)
    click(qtbot, page.track_group.buttons()[0])  # individual contributor
    type_into(qtbot, page.aim, "Decide between leading a team and going deeper")
    click(qtbot, page.horizon_group.buttons()[1])  # 3 years: leaving the aim saves it
    settled(qtbot, window)
    assert page.status.text().startswith("All answered")
    assert status(window, "about") != before
    assert status(window, "about") == "✓ Complete"


def fill_strengths(qtbot, window):
    before = status(window, "strengths")
    page = go_to(qtbot, window, "strengths")
    assert before == "Not started"
    assert f"0 of {CATALOGUE} strengths rated" in page.status.text()
    names = {s: load_content().strengths[s].name for s in (*SIGNATURE, PLAIN)}

    for strength_id in SIGNATURE:
        rate(qtbot, page, strength_id, 5, 5, 4)
    rate(qtbot, page, PLAIN, 3, 2, 2)
    settled(qtbot, window, page)
    assert f"3 of {CATALOGUE} strengths rated" in page.status.text()
    # Without an example a top rating is not yet a signature strength.
    assert names[SIGNATURE[0]] not in signature(page)

    choose_strength(qtbot, page, SIGNATURE[0])
    click(qtbot, page.detail.add_evidence_button)
    card = page.detail.evidence_cards[-1]
    for field, text in (
        ("situation", "The forecast looked too good"),
        ("action", "I traced it to a changed definition"),
        ("result", "We fixed the report before the board saw it"),
    ):
        type_into(qtbot, card.boxes[field], text)
    settled(qtbot, window, page)
    qtbot.waitUntil(lambda: names[SIGNATURE[0]] in signature(page), timeout=WAIT_MS)
    assert "1 signature strength" in page.status.text()
    assert names[SIGNATURE[1]] not in signature(page)

    # A reflection in the journal (Alt+F opens the reflections tab).
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentIndex() == TABS.index("reflections")
    prompts = page.reflections.prompt_list
    item = prompts.item(PROMPT_ROW)
    qtbot.mouseClick(
        prompts.viewport(), Qt.MouseButton.LeftButton, pos=prompts.visualItemRect(item).center()
    )
    prompt_id = page.reflections.current_prompt().id
    click(qtbot, page.reflections.new_button)
    entry = page.reflections.entries.cards[0]
    assert entry.body.hasFocus()
    qtbot.keyClicks(entry.body, "Ravi asked me about a slow query")
    settled(qtbot, window, page)
    assert "1 entry" in prompts.item(PROMPT_ROW).text()

    assert status(window, "strengths") != before
    assert status(window, "strengths") == f"3 of {CATALOGUE} rated"
    return prompt_id


def fill_edge(qtbot, window):
    before = status(window, "edge")
    page = go_to(qtbot, window, "edge")
    assert before == "Not started"
    scores_before = wait_for_scores(qtbot, window, page)

    selector = page.preferences.selectors["growing_others"]
    click(qtbot, selector.buttons[5])
    scores_after = wait_for_scores(qtbot, window, page)
    assert scores_after != scores_before
    assert scores_after["manager"] > scores_before["manager"]
    assert "Strongly agree" in selector.description.text()

    page.tabs.setCurrentIndex(EDGE_TABS.index("futures"))
    page.futures.tabs.setCurrentIndex(1)
    future = page.futures.panels["manager"]
    type_into(qtbot, future.title, "Leading six analysts through real change")
    qtbot.keyClick(future.title, Qt.Key.Key_Tab)  # leaving the field saves it
    click(qtbot, future.gauges["liking"].buttons[4])
    settled(qtbot, window)
    saved = stored(window).futures["manager"]
    assert (saved.title, saved.liking) == ("Leading six analysts through real change", 4)

    assert status(window, "edge") != before
    assert status(window, "edge").startswith("2 of ")


def fill_ai_plan(qtbot, window):
    before = status(window, "ai_plan")
    page = go_to(qtbot, window, "ai_plan")
    assert before == "Not started"
    assert page.plan.hours_freed == 0

    click(qtbot, page.add_button)
    editor = page.table.open_editor()
    qtbot.keyClicks(editor, "Weekly churn report")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.open_editor() is None, timeout=WAIT_MS)

    # Hours typed into the table's spin box, as a person does.
    table, model = page.table, page.model
    table.setFocus()
    table.setCurrentIndex(model.index(0, column_of("hours_per_week")))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    spin = table.open_editor()
    spin.selectAll()
    qtbot.keyClicks(spin, "6")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.open_editor() is None, timeout=WAIT_MS)
    # Mode and share as the delegates hand them over.
    assert model.setData(model.index(0, column_of("mode")), "augment")
    assert model.setData(model.index(0, column_of("ai_share")), 50)

    plan = analyse_ai_plan(stored(window), load_content())
    assert plan.hours_freed > 0
    qtbot.waitUntil(lambda: page.plan.hours_freed == plan.hours_freed, timeout=WAIT_MS)
    assert f"{plan.hours_freed:g} h a week freed of 6 h" in page.totals.text()

    assert status(window, "ai_plan") != before
    assert status(window, "ai_plan") == "1 of 3 done"
    return plan.hours_freed


def fill_plan(qtbot, window):
    before = status(window, "plan")
    page = go_to(qtbot, window, "plan")
    assert before == "Not started"
    assert "No actions yet" in page.balance.flags.text()

    click(qtbot, page.goals.add_button)
    card = page.goals.cards.rows()[-1]
    assert card.title.hasFocus()
    qtbot.keyClicks(card.title, "Lead the quarterly review on my own")
    type_into(qtbot, card.measure, "The team acts on two findings")
    click(qtbot, card.target_date.add_button)  # leaving the measure saves it
    assert card.target_date.edit.isVisible()
    qtbot.waitUntil(lambda: "Add a measure" not in card.checks.text(), timeout=WAIT_MS)

    click(qtbot, card.add_action_button)
    [row] = card.actions.rows()
    assert row.title.hasFocus()
    qtbot.keyClicks(row.title, "Prepare the review with Karim")
    row.kind.setFocus()
    qtbot.keyClick(row.kind, Qt.Key.Key_Down)  # "Doing it at work"
    qtbot.waitUntil(
        lambda: "1 (100%)" in page.balance.numbers["experience"].text(), timeout=WAIT_MS
    )
    assert "No actions yet" not in page.balance.flags.text()
    settled(qtbot, window)

    assert status(window, "plan") != before
    assert status(window, "plan") == "2 of 5 done"
    return card.target_date.value()


def check_export(qtbot, window):
    before = status(window, "export")
    page = go_to(qtbot, window, "export")
    assert before == ""  # Export has nothing to complete
    sentence = "Your reflections and energy log stay out of this PDF."
    qtbot.waitUntil(lambda: sentence in page.privacy_label.text(), timeout=WAIT_MS)
    assert page.privacy_label.isVisible()


def check_stored(db_path, prompt_id, target_date):
    session = Session.open(db_path, Access.READ)
    try:
        [info] = list_workbooks(session.db)
        data = load_workbook_data(session.db, info.id)
    finally:
        session.close()

    profile = data.profile
    assert profile.current_role == "Senior data analyst"
    assert profile.role_family == "data"
    assert profile.years_experience == 9
    assert profile.current_track == "ic"
    assert profile.aim == "Decide between leading a team and going deeper"
    assert profile.horizon_years == 3

    for strength_id in SIGNATURE:
        rating = data.ratings[strength_id]
        assert (rating.proficiency, rating.energy, rating.edge) == (5, 5, 4)
    rating = data.ratings[PLAIN]
    assert (rating.proficiency, rating.energy, rating.edge) == (3, 2, 2)
    [example] = data.evidence
    assert (example.strength_id, example.situation, example.action, example.result) == (
        SIGNATURE[0],
        "The forecast looked too good",
        "I traced it to a changed definition",
        "We fixed the report before the board saw it",
    )
    [entry] = data.journal
    assert (entry.kind, entry.prompt_id, entry.body, entry.private) == (
        "reflection",
        prompt_id,
        "Ravi asked me about a slow query",
        True,
    )

    assert data.preferences == {"growing_others": 5}
    future = data.futures["manager"]
    assert (future.title, future.liking) == ("Leading six analysts through real change", 4)

    [task] = data.tasks
    assert (task.name, task.hours_per_week, task.mode) == ("Weekly churn report", 6, "augment")
    assert task.ai_share == pytest.approx(0.5)

    [goal] = data.goals
    assert (goal.title, goal.measure, goal.target_date) == (
        "Lead the quarterly review on my own",
        "The team acts on two findings",
        target_date,
    )
    assert target_date is not None
    [action] = goal.actions
    assert (action.title, action.kind) == ("Prepare the review with Karim", "experience")
    return data


def check_reopened(qtbot, window, prompt_id, target_date, hours_freed):
    assert window.current_step() == len(STEPS) - 1  # the window remembers the last step
    assert status(window, "about") == "✓ Complete"
    # Counted against the content files, these two fill in once the window is on screen.
    qtbot.waitUntil(lambda: status(window, "edge") is not None)
    assert status(window, "strengths") == f"3 of {CATALOGUE} rated"
    assert status(window, "edge").startswith("2 of ")
    assert status(window, "ai_plan") == "1 of 3 done"
    assert status(window, "plan") == "2 of 5 done"

    page = go_to(qtbot, window, "about")
    assert page.current_role.text() == "Senior data analyst"
    assert page.role_family.currentData() == "data"
    assert page.years.value() == 9
    assert page.track_group.buttons()[0].isChecked()
    assert page.aim.toPlainText() == "Decide between leading a team and going deeper"
    assert page.horizon_group.buttons()[1].isChecked()

    page = go_to(qtbot, window, "strengths")
    settled(qtbot, window, page)
    for strength_id in (*SIGNATURE, PLAIN):
        assert page.strength_list.item(strength_id).text(1) == "✓"
    choose_strength(qtbot, page, SIGNATURE[0])
    detail = page.detail
    assert (detail.proficiency.value(), detail.energy.value(), detail.edge.value()) == (5, 5, 4)
    [card] = detail.evidence_cards
    assert card.boxes["situation"].toPlainText() == "The forecast looked too good"
    assert card.boxes["result"].toPlainText() == "We fixed the report before the board saw it"
    assert load_content().strengths[SIGNATURE[0]].name in signature(page)
    page.tabs.setCurrentIndex(TABS.index("reflections"))
    prompts = page.reflections.prompt_list
    prompts.setCurrentRow(PROMPT_ROW)
    assert page.reflections.current_prompt().id == prompt_id
    [entry] = page.reflections.entries.cards
    assert entry.body.toPlainText() == "Ravi asked me about a slow query"

    page = go_to(qtbot, window, "edge")
    assert page.preferences.selectors["growing_others"].value() == 5
    future = page.futures.panels["manager"]
    assert future.title.text() == "Leading six analysts through real change"
    assert future.gauges["liking"].value() == 4
    scores = wait_for_scores(qtbot, window, page)
    assert scores["manager"] > 50

    page = go_to(qtbot, window, "ai_plan")
    model = page.model
    assert model.rowCount() == 1
    assert model.index(0, column_of("name")).data() == "Weekly churn report"
    assert model.index(0, column_of("hours_per_week")).data() == "6 h"
    assert model.index(0, column_of("ai_share")).data() == "50 %"
    assert page.plan.hours_freed == hours_freed > 0

    page = go_to(qtbot, window, "plan")
    [card] = page.goals.cards.rows()
    assert card.title.text() == "Lead the quarterly review on my own"
    assert card.measure.toPlainText() == "The team acts on two findings"
    assert card.target_date.value() == target_date
    [row] = card.actions.rows()
    assert row.title.text() == "Prepare the review with Karim"
    assert row.kind.currentData() == "experience"
    assert "1 (100%)" in page.balance.numbers["experience"].text()

    page = go_to(qtbot, window, "export")
    assert "stay out of this PDF" in page.privacy_label.text()


def test_a_new_user_fills_every_step_and_finds_it_all_again(open_window, qtbot, db_path):
    window = open_window()
    assert window.workbook_id is None
    fill_about_you(qtbot, window)
    prompt_id = fill_strengths(qtbot, window)
    fill_edge(qtbot, window)
    hours_freed = fill_ai_plan(qtbot, window)
    target_date = fill_plan(qtbot, window)
    check_export(qtbot, window)
    window.close()

    check_stored(db_path, prompt_id, target_date)

    again = open_window()
    check_reopened(qtbot, again, prompt_id, target_date, hours_freed)
