"""The edge-analysis step as a person uses it: rating, answering, writing futures, reading why."""

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTreeView,
    QWidget,
)

from tests.helpers.screen import into_view
from ui.charts_fit import ContributionChart, ScoreOverview
from ui.steps.edge import text as edge_text
from ui.steps.edge.models import ContributionsModel, Line
from ui.steps.edge.page import TABS
from workbook import door
from workbook.analysis.fit import FitResult, analyse_fit
from workbook.content import load_content
from workbook.data import load_workbook_data
from workbook.example import add_example

EDGE_STEP = 2


def edge_page(window):
    window.show_step(EDGE_STEP)
    return window.page("edge")


def stored(window):
    return load_workbook_data(window.session.db, window.workbook_id)


def expected(window) -> FitResult:
    return analyse_fit(stored(window), load_content())


def points(text: str) -> int:
    """'+4.1' or '−0.7' (a real minus sign) as tenths."""
    return round(float(text.replace(edge_text.MINUS, "-")) * 10)


def shown_scores(page) -> dict[str, float]:
    names = {p.short_name: pid for pid, p in load_content().paths.items()}
    return {names[lane.name]: lane.score for lane in page.result_panel.overview.lanes()}


def wait_for_result(qtbot, window, page) -> FitResult:
    """Wait until the page shows what the analysis of the stored answers says: the line of
    scores above the tabs, and the Result tab's lanes when that tab is open."""
    want = expected(window)
    line = edge_text.scores_line(want, load_content(), edge_text.edge_answered(stored(window)))
    qtbot.waitUntil(lambda: page.scores.text() == line, timeout=3000)
    if page.tabs.currentIndex() == page.tabs.count() - 1:
        scores = {p.id: p.score for p in want.paths}
        qtbot.waitUntil(lambda: shown_scores(page) == scores, timeout=3000)
    return want


def type_into(qtbot, widget, text):
    """Click into a field and type, as a person would."""
    into_view(widget)
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def leave(qtbot, widget):
    """Move on to the next control, as a person does (leaving a field saves it)."""
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def commit_text(widget, text):
    """Type text the way an input method does (QTest can only type ASCII keys)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def click(qtbot, button):
    into_view(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_rating_preferences_and_answering_context_move_the_scores(open_window, qtbot):
    window = open_window()
    window.workbooks.start_empty()
    page = edge_page(window)
    assert "starts at 50" in page.scores.text()
    page.show_result_tab()
    assert shown_scores(page) == {"specialist": 50.0, "manager": 50.0, "orchestrator": 50.0}
    page.tabs.setCurrentIndex(0)

    selector = page.preferences.selectors["growing_others"]
    click(qtbot, selector.buttons[5])
    assert stored(window).preferences == {"growing_others": 5}
    result = wait_for_result(qtbot, window, page)
    assert result.by_id("manager").score > 50  # energy from others' growth counts for managers
    assert result.ranking[0] == "manager"
    assert "Strongly agree" in selector.description.text()

    # By keyboard: focus a level and type the number wanted.
    focus = page.preferences.selectors["long_focus"].buttons[1]
    focus.setFocus()
    qtbot.keyClick(focus, Qt.Key.Key_5)
    assert stored(window).preferences["long_focus"] == 5

    page.tabs.setCurrentIndex(TABS.index("situation"))
    click(qtbot, page.context.groups["middle_management_shrinking"].buttons()[0])
    assert stored(window).context["middle_management_shrinking"] == "yes"
    box = page.context.texts["manager_value_proposition"]
    type_into(qtbot, box, "I know our customer data")
    leave(qtbot, box)
    assert stored(window).context["manager_value_proposition"] == "I know our customer data"

    result = wait_for_result(qtbot, window, page)
    before = {p.id: p.score for p in result.paths}
    click(qtbot, page.preferences.selectors["growing_others"].buttons[1])
    result = wait_for_result(qtbot, window, page)
    assert result.by_id("manager").score < before["manager"]
    assert page.scores.text() == edge_text.scores_line(result, load_content())


def test_contributions_shown_add_up_and_the_flip_is_said(open_window, qtbot):
    window = open_window()
    click(qtbot, window.welcome.example_button)
    page = edge_page(window)
    result = wait_for_result(qtbot, window, page)
    content = load_content()
    page.show_result_tab()
    for fit in result.paths:
        detail = page.result_panel.paths[fit.id]
        lines = detail.model.lines()
        assert sum(points(line.points) for line in lines) == round(fit.score * 10)
        assert [line.what for line in lines[1:]] == [c.label for c in edge_text.ordered(fit)]
        assert lines[0].points == "+50.0"
        bars = detail.chart.bars()
        assert 500 + sum(round(b.points * 10) for b in bars) == round(fit.score * 10)
        assert all(b.why for b in bars)
        assert f"{fit.score:.1f} of 100" in detail.sum.text()
        assert f"How much of this is answered: {fit.confidence}% of what this path" in (
            detail.confidence.text()
        )
        # The reason is the tooltip and the accessible description of each row.
        index = detail.model.index(1, 1)
        assert detail.model.data(index, Qt.ItemDataRole.ToolTipRole) == lines[1].why
        assert "raises it by" in detail.model.data(index, Qt.ItemDataRole.AccessibleTextRole)

    flip = result.flip
    assert flip is not None
    assert flip.change[1:] in page.result_panel.flip.text()
    assert f"would put {content.paths[flip.path].short_name} on top" in (
        page.result_panel.flip.text()
    )
    assert page.result_panel.ranking.text().startswith("Closest fit right now: Specialist")
    assert page.result_panel.suggestion.text() == result.edge_statement

    # Choosing a row with the keyboard shows why it counts.
    detail = page.result_panel.paths["specialist"]
    detail.table.setFocus()
    detail.table.setCurrentIndex(detail.model.index(1, 0))
    assert detail.model.lines()[1].why in detail.why.text()


def test_a_change_on_another_step_shows_when_the_page_comes_back(open_window, qtbot):
    window = open_window()
    window.workbooks.start_empty()
    page = edge_page(window)
    window.show_step(0)
    # What the strengths page does when a person rates a strength there.
    window.autosaver.run(
        door.set_answer,
        window.session.db,
        "strength_ratings",
        window.workbook_id,
        "mentoring",
        "proficiency",
        5,
    )
    assert not page.isVisible()
    page = edge_page(window)
    page.show_result_tab()
    result = wait_for_result(qtbot, window, page)
    assert result.by_id("manager").score > 50
    bars = page.result_panel.paths["manager"].chart.bars()
    assert bars[0].what == "Mentoring"
    assert bars[0].why in bars[0].tooltip()
    assert "Mentoring (proficiency 5" in page.result_panel.paths["manager"].model.lines()[1].what


def test_a_future_is_written_gauged_and_stored(open_window, qtbot):
    window = open_window()
    window.workbooks.start_empty()
    page = edge_page(window)
    page.tabs.setCurrentIndex(TABS.index("futures"))
    page.futures.tabs.setCurrentIndex(1)
    future = page.futures.panels["manager"]

    type_into(qtbot, future.title, "Leading six analysts")
    assert future.title_hint.text().startswith("3 words so far")
    type_into(qtbot, future.title, " through real change")
    assert future.title_hint.text() == "Six words. ✓"
    leave(qtbot, future.title)
    type_into(qtbot, future.story, "My week is one-to-ones and planning.")
    leave(qtbot, future.story)
    type_into(qtbot, future.questions, "Will I lose my craft?")
    leave(qtbot, future.questions)
    for field, level in (("resources", 4), ("liking", 3), ("confidence", 2), ("coherence", 5)):
        click(qtbot, future.gauges[field].buttons[level])
    type_into(qtbot, future.prototype, "Lead the retention project for three months.")
    leave(qtbot, future.prototype)

    saved = stored(window).futures["manager"]
    assert saved.title == "Leading six analysts through real change"
    assert saved.story == "My week is one-to-ones and planning."
    assert saved.questions == "Will I lose my craft?"
    assert (saved.resources, saved.liking, saved.confidence, saved.coherence) == (4, 3, 2, 5)
    assert saved.prototype == "Lead the retention project for three months."
    # Clicking the chosen level again clears the gauge.
    click(qtbot, future.gauges["liking"].buttons[3])
    assert stored(window).futures["manager"].liking is None


def test_own_edge_statement_is_stored_shown_and_can_start_from_the_suggestion(
    open_window, qtbot, confirmations
):
    window = open_window()
    click(qtbot, window.welcome.example_button)
    page = edge_page(window)
    page.show_result_tab()
    panel = page.result_panel
    result = wait_for_result(qtbot, window, page)
    assert panel.own.toPlainText() == ""
    assert "uses the suggestion" in panel.in_use.text()

    type_into(qtbot, panel.own, "I turn messy customer data into forecasts people trust.")
    leave(qtbot, panel.own)
    assert stored(window).edge_statement == (
        "I turn messy customer data into forecasts people trust."
    )
    assert panel.in_use.text() == "Your plan uses your own words."

    panel.own.setFocus()
    panel.own.selectAll()
    qtbot.keyClick(panel.own, Qt.Key.Key_Delete)
    leave(qtbot, panel.own)
    assert stored(window).edge_statement == ""
    click(qtbot, panel.use_suggestion)
    assert panel.own.toPlainText() == result.edge_statement
    assert stored(window).edge_statement == result.edge_statement
    assert not panel.use_suggestion.isEnabled()

    # Over words of one's own, the suggestion asks first; cancelling keeps every word.
    panel.own.setFocus()
    qtbot.keyClick(panel.own, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_into(qtbot, panel.own, " Mine.")
    leave(qtbot, panel.own)
    click(qtbot, panel.use_suggestion)
    [question] = confirmations.asked
    assert "Replace what you wrote" in question["text"] and "Replace" in question["buttons"]
    assert stored(window).edge_statement == result.edge_statement + " Mine."


def test_answers_are_shown_again_after_closing_and_reopening(open_window, qtbot, db_path):
    window = open_window()
    window.workbooks.start_empty()
    page = edge_page(window)
    click(qtbot, page.preferences.selectors["hands_on"].buttons[4])
    page.tabs.setCurrentIndex(TABS.index("situation"))
    click(qtbot, page.context.groups["ai_adoption"].buttons()[2])
    page.tabs.setCurrentIndex(TABS.index("futures"))
    future = page.futures.panels["orchestrator"]
    type_into(qtbot, future.title, "Directing analysts and AI toward decisions")
    click(qtbot, future.gauges["coherence"].buttons[4])
    page.show_result_tab()
    type_into(qtbot, page.result_panel.own, "Mon avantage : ")
    commit_text(page.result_panel.own, "看護 and analysis")
    window.close()  # saves what is still being typed

    again = open_window()
    page = edge_page(again)
    assert page.preferences.selectors["hands_on"].value() == 4
    assert page.context.groups["ai_adoption"].buttons()[2].isChecked()
    assert not page.context.groups["dual_ladder"].checkedButton()
    future = page.futures.panels["orchestrator"]
    assert future.title.text() == "Directing analysts and AI toward decisions"
    assert future.title_hint.text() == "Six words. ✓"
    assert future.gauges["coherence"].value() == 4
    assert page.result_panel.own.toPlainText() == "Mon avantage : 看護 and analysis"
    wait_for_result(qtbot, again, page)


def test_undo_puts_the_previous_rating_back(open_window, qtbot):
    window = open_window()
    window.workbooks.start_empty()
    page = edge_page(window)
    selector = page.preferences.selectors["team_success"]
    click(qtbot, selector.buttons[2])
    click(qtbot, selector.buttons[5])
    window.undo_action.trigger()
    assert selector.value() == 2
    assert stored(window).preferences["team_success"] == 2
    wait_for_result(qtbot, window, page)


def test_every_control_has_an_accessible_name_and_tabs_open_by_keyboard(open_window, qtbot):
    window = open_window()
    click(qtbot, window.welcome.example_button)
    page = edge_page(window)
    kinds = (
        QLineEdit,
        QMessageBox,
        QPlainTextEdit,
        QAbstractButton,
        QTreeView,
        ContributionChart,
        ScoreOverview,
    )
    unnamed = [
        f"{type(w).__name__} {w.objectName()}"
        for w in page.findChildren(QWidget)
        if isinstance(w, kinds)
        and not isinstance(w.parent(), QTabBar)  # the tab bar's own scroll arrows
        and not w.accessibleName()
    ]
    assert unnamed == []
    link = page.result_panel.how
    assert link.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    qtbot.keyClick(page, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentIndex() == TABS.index("result")
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentIndex() == TABS.index("situation")
    qtbot.keyClick(page, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentIndex() == TABS.index("values")


def test_contributions_model_passes_the_model_tester(qtmodeltester):
    model = ContributionsModel()
    model.set_lines(
        [
            Line("+50.0", "Every path starts in the middle", "Every path starts at 50.", "x"),
            Line("+4.1", "Long focus (strongly agree)", "Specialists get focus.", "y"),
            Line("−0.7", "Team pride (agree)", "", "z"),
        ]
    )
    qtmodeltester.check(model)
    model.set_lines([])
    qtmodeltester.check(model)


# ---- the words, without widgets -------------------------------------------------------------


def test_title_hint_counts_words_gently():
    assert edge_text.title_hint("").startswith("Six words, for example")
    assert edge_text.title_hint("Lead a team").startswith("3 words so far")
    assert edge_text.title_hint("one two three four five six") == "Six words. ✓"
    assert edge_text.title_hint("one two three four five six seven").startswith(
        "7 words. Try keeping it to six"
    )
    assert "must" not in " ".join(edge_text.title_hint(t) for t in ("", "a", "a b c d e f g h i j"))
    # Japanese is written without spaces: no word count that would be wrong.
    assert "words so far" not in edge_text.title_hint("データで意思決定を導く専門家")


def test_a_close_call_is_said_in_words(db):
    content = load_content()
    result = analyse_fit(load_workbook_data(db, add_example(db)), content)
    fits = {p.id: p for p in result.paths}
    tied_fits = tuple(
        replace(p, score=60.0) if p.id in ("specialist", "orchestrator") else p
        for p in fits.values()
    )
    tie = replace(
        result,
        paths=tied_fits,
        tied=("specialist", "orchestrator"),
        ranking=("specialist", "orchestrator", "manager"),
        close_call=True,
        contenders=("specialist", "orchestrator"),
        workplace_tip="Where you work leans towards the specialist path: a ladder.",
    )
    sentence = edge_text.ranking_sentence(tie, content)
    assert sentence.startswith("Too close to call: Specialist (60) and Orchestrator (60) are")
    assert "Manager" not in sentence
    assert sentence.endswith("Where you work leans towards the specialist path: a ladder.")


def test_signed_numbers_use_a_real_minus_sign():
    assert edge_text.signed(4.1) == "+4.1"
    assert edge_text.signed(-0.7) == "−0.7"
    assert edge_text.signed(0.0) == "0.0"
    assert edge_text.spoken(-0.7) == "lowers it by 0.7"


def test_what_matters_is_put_in_order_by_keyboard_and_counts_at_once(open_window, qtbot):
    window = open_window()
    window.workbooks.start_empty()
    page = edge_page(window)
    qtbot.keyClick(page, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentIndex() == TABS.index("values")
    panel = page.values
    values = list(load_content().values)
    assert panel.order() == values  # as the content lists them, counting for nothing yet
    assert panel.keep_button.isVisible() and stored(window).values == {}
    assert "starts at 50" in page.scores.text()

    view = panel.list.view
    view.setFocus()
    panel.list.select("growing_others")
    assert "Growing others: Watching people you helped" in panel.about.text()
    for _ in range(3):  # Alt+Up three times: growing others first
        qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    order = ["growing_others", *(v for v in values if v != "growing_others")]
    assert panel.order() == order
    assert stored(window).values == {value: n for n, value in enumerate(order, start=1)}
    assert not panel.keep_button.isVisible()
    result = wait_for_result(qtbot, window, page)  # the scores line counts it at once
    # Growing others first: 10 * 3 * 1 / 9 = 3.3 points for the manager from it alone.
    manager = {c.item: c.points for c in result.by_id("manager").contributions}
    assert abs(manager["growing_others"] - 10 / 3) < 0.1  # shown parts are apportioned

    # Alt+Down moves it back one place; undo takes that move back, one step each.
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert stored(window).values["growing_others"] == 2
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: panel.order() == order, timeout=3000)
    assert stored(window).values["growing_others"] == 1
    assert panel.list.up_button.accessibleName() == "Move the chosen value up"
    assert view.accessibleName() == "What matters to you, most first"


def test_an_order_that_is_already_right_can_be_kept(open_window, qtbot):
    window = open_window()
    window.workbooks.start_empty()
    page = edge_page(window)
    page.tabs.setCurrentIndex(TABS.index("values"))
    click(qtbot, page.values.keep_button)
    places = {value: n for n, value in enumerate(load_content().values, start=1)}
    assert stored(window).values == places
    assert not page.values.keep_button.isVisible()
    assert window.undo_action.text().endswith("put what matters to you in order")
    wait_for_result(qtbot, window, page)
