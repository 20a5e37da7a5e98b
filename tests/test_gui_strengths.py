"""The strengths step as a person uses it: rating, examples, own strengths, ranking, journal."""

import functools
from datetime import date

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from tests.helpers.strengths import choose_strength
from ui.ranking import RankingModel
from ui.steps.strengths import StrengthsPage
from ui.steps.strengths.page import TABS
from ui.steps.strengths.state import EMPTY_RESULTS, OWN_GROUP
from workbook.content import load_content
from workbook.data import load_workbook_data

#: How many strengths the catalogue holds: the status line counts against it.
CATALOGUE = len(load_content().strengths)


@pytest.fixture
def open_window(open_window):
    """The shared window factory with a short autosave pause, so saves land quickly."""
    return functools.partial(open_window, delay_ms=50)


@pytest.fixture
def page(open_window, qtbot) -> StrengthsPage:
    window = open_window()
    window.workbooks.start_empty()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_step() == 1
    return window.page("strengths")


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def stored(page):
    window = page.window()  # the MainWindow
    window.autosaver.flush()
    return load_workbook_data(window.session.db, window.workbook_id)


def settle(page, qtbot):
    """Wait until typing is saved and the page has caught up."""
    qtbot.waitUntil(lambda: not page.window().autosaver.has_pending(), timeout=3000)
    qtbot.waitUntil(lambda: page.up_to_date, timeout=3000)


def rate(qtbot, page, strength_id, proficiency, energy, edge):
    choose_strength(qtbot, page, strength_id)
    detail = page.detail
    for selector, value in ((detail.proficiency, proficiency), (detail.energy, energy)):
        if value is not None:
            click(qtbot, selector.buttons[value])
    if edge is not None:
        click(qtbot, detail.edge.buttons[edge])


def add_example(qtbot, page, situation, action, result):
    click(qtbot, page.detail.add_evidence_button)
    card = page.detail.evidence_cards[-1]
    for field, text in (("situation", situation), ("action", action), ("result", result)):
        qtbot.keyClicks(card.boxes[field], text)
    return card


def test_rating_with_clicks_is_saved_shown_and_explained(page, qtbot):
    content = load_content()
    assert page.results.plain_text() == EMPTY_RESULTS
    assert f"0 of {CATALOGUE} strengths rated" in page.status.text()

    choose_strength(qtbot, page, "critical_thinking")
    levels = content.strengths["critical_thinking"].proficiency
    # The level under the keyboard focus is described before it is chosen.
    page.detail.proficiency.buttons[2].setFocus()
    qtbot.waitUntil(lambda: page.detail.proficiency.description.text().endswith(levels[2]))
    assert page.detail.proficiency.description.text().startswith("If you choose it")

    rate(qtbot, page, "critical_thinking", 4, 5, 3)
    rating = stored(page).ratings["critical_thinking"]
    assert (rating.proficiency, rating.energy, rating.edge) == (4, 5, 3)
    assert page.detail.proficiency.description.text() == f"4: {levels[4]}"
    settle(page, qtbot)
    assert page.strength_list.item("critical_thinking").text(1) == "✓"
    assert f"1 of {CATALOGUE} strengths rated" in page.status.text()
    assert "1 to use more" in page.status.text()
    text = page.results.plain_text()
    assert "Critical thinking" in text.split("Strengths to use more")[1]
    assert "no example yet" in text

    # Skill and energy of 4 or more ask what overuse looks like, with the content's hint.
    assert page.detail.overuse_section.isVisible()
    overuse_text = " ".join(
        label.text() for label in page.detail.overuse_section.findChildren(QLabel)
    )
    assert content.strengths["critical_thinking"].overuse in overuse_text
    qtbot.keyClicks(page.detail.overuse, "I pick apart drafts too early")

    add_example(
        qtbot,
        page,
        "The forecast looked too good",
        "I traced it to a changed definition",
        "We fixed the report before the board saw it",
    )
    settle(page, qtbot)
    data = stored(page)
    assert data.ratings["critical_thinking"].overuse_note == "I pick apart drafts too early"
    [example] = data.evidence
    assert (example.strength_id, example.situation, example.action, example.result) == (
        "critical_thinking",
        "The forecast looked too good",
        "I traced it to a changed definition",
        "We fixed the report before the board saw it",
    )
    qtbot.waitUntil(
        lambda: "Critical thinking" in page.results.plain_text().split("Strengths to use more")[0]
    )
    assert "you gave an example" in page.results.plain_text()
    assert "1 signature strength" in page.status.text()

    # Lowering energy makes the strength a drain; the overuse note written stays in sight.
    click(qtbot, page.detail.energy.buttons[2])
    settle(page, qtbot)
    assert page.detail.overuse_section.isVisible()
    assert page.detail.overuse.toPlainText() == "I pick apart drafts too early"
    said = " ".join(x.text() for x in page.detail.overuse_section.findChildren(QLabel))
    assert "You wrote this when your skill and energy here were both high" in said
    assert "Critical thinking" in page.results.plain_text().split("Drains to manage")[1]
    # Emptied, it steps aside, as it would never have been asked at this energy.
    page.detail.overuse.clear()
    page.detail.overuse.clearFocus()
    settle(page, qtbot)
    qtbot.waitUntil(lambda: not page.detail.overuse_section.isVisible())


def test_deleting_an_example_asks_first(page, qtbot, confirmations):
    choose_strength(qtbot, page, "mentoring")
    add_example(qtbot, page, "A new starter", "I paired with her", "She shipped alone")
    settle(page, qtbot)
    card = page.detail.evidence_cards[0]

    click(qtbot, card.delete_button)
    assert len(stored(page).evidence) == 1
    [question] = confirmations.asked
    assert (question["buttons"], question["default"]) == (["Cancel", "Delete"], "Cancel")

    confirmations.answer = "Delete"
    click(qtbot, card.delete_button)
    assert stored(page).evidence == ()
    assert page.detail.evidence_cards == []

    # An empty example goes without a question.
    click(qtbot, page.detail.add_evidence_button)
    assert len(stored(page).evidence) == 1
    click(qtbot, page.detail.evidence_cards[0].delete_button)
    assert stored(page).evidence == ()
    assert len(confirmations.asked) == 2


def test_a_strength_of_your_own_is_added_and_rated(page, qtbot):
    line = page.strength_list.new_name
    qtbot.keyClicks(line, "Calming angry customers")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert line.text() == ""
    [(key, rating)] = stored(page).ratings.items()
    assert key.startswith("custom_")
    assert rating.custom_name == "Calming angry customers"
    assert page.detail.entry.id == key
    assert page.detail.description_edit.hasFocus()
    qtbot.keyClicks(page.detail.description_edit, "I listen first and fix second")
    rate(qtbot, page, key, 3, 4, 2)
    settle(page, qtbot)
    rating = stored(page).ratings[key]
    assert rating.custom_description == "I listen first and fix second"
    assert (rating.proficiency, rating.energy, rating.edge) == (3, 4, 2)
    item = page.strength_list.item(key)
    assert item.parent().text(0) == OWN_GROUP
    assert item.text(0) == "Calming angry customers"
    assert "Calming angry customers" in page.results.plain_text()  # energy 4, skill 3: use more

    # Renaming shows in the list; the generic levels describe its scales.
    page.detail.name_edit.selectAll()
    qtbot.keyClicks(page.detail.name_edit, "Calming upset customers")
    settle(page, qtbot)
    assert stored(page).ratings[key].custom_name == "Calming upset customers"
    assert item.text(0) == "Calming upset customers"
    scale = load_content().scales["energy"].levels
    assert page.detail.energy.description.text() == f"4: {scale[4]}"


SIX = (
    "technical_problem_solving",
    "scalable_systems",
    "hands_on_craft",
    "critical_thinking",
    "data_analysis",
    "innovation",
)


def signature(page):
    """The signature strengths listed (not the note on what ranking changed)."""
    return page.results.lists["signature"].text()


def test_forced_ranking_reorders_with_the_keyboard_and_changes_signature(page, qtbot):
    for strength_id in SIX:
        rate(qtbot, page, strength_id, 5, 5, 4)
    for strength_id in SIX[:3]:
        choose_strength(qtbot, page, strength_id)
        add_example(qtbot, page, "When it mattered", "I did the hard part", "It worked")
    settle(page, qtbot)
    names = {s: load_content().strengths[s].name for s in SIX}
    assert all(names[s] in signature(page) for s in SIX[:3])
    # Everything rated 5: the page suggests ranking instead.
    assert page.banner.isVisible()

    click(qtbot, page.rank_instead_button)
    data = stored(page)
    assert data.profile.strength_mode == "ranking"
    assert [data.ratings[s].rank for s in SIX] == [1, 2, 3, 4, 5, 6]
    assert page.tabs.currentIndex() == TABS.index("ranking")
    settle(page, qtbot)
    assert not page.banner.isVisible()
    # First place counts as 5, the second as 4.2, the third only 3.4.
    assert names[SIX[0]] in signature(page)
    assert names[SIX[1]] in signature(page)
    assert names[SIX[2]] not in signature(page)

    view = page.ranking.view
    page.ranking.select(SIX[2])
    click(qtbot, page.ranking.up_button)
    assert page.ranking.model.order()[:3] == [SIX[0], SIX[2], SIX[1]]
    ranks = {s: r.rank for s, r in stored(page).ratings.items()}
    assert (ranks[SIX[1]], ranks[SIX[2]]) == (3, 2)
    settle(page, qtbot)
    assert names[SIX[2]] in signature(page)
    assert names[SIX[1]] not in signature(page)

    # Alt+Up and Alt+Down move the chosen strength too; the choice follows it.
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert page.ranking.model.order()[:2] == [SIX[2], SIX[0]]
    assert page.ranking.current_id() == SIX[2]
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert page.ranking.model.order()[:3] == [SIX[0], SIX[1], SIX[2]]
    assert [stored(page).ratings[s].rank for s in SIX] == [1, 2, 3, 4, 5, 6]
    assert not page.ranking.up_button.isEnabled() or page.ranking.current_id() != SIX[0]

    # The inventory shows the place instead of the skill rating.
    page.tabs.setCurrentIndex(TABS.index("inventory"))
    choose_strength(qtbot, page, SIX[1])
    assert not page.detail.proficiency.isVisible()
    assert "Place 2 of 6" in page.detail.rank_text.text()
    # A strength rated for the first time joins the end of the ranking.
    rate(qtbot, page, "mentoring", None, 4, None)
    assert stored(page).ratings["mentoring"].rank == 7
    settle(page, qtbot)
    assert page.ranking.model.order()[-1] == "mentoring"
    assert "Place 7 of 7" in page.detail.rank_text.text()

    # Back to rating: the ratings are as they were.
    page.tabs.setCurrentIndex(TABS.index("ranking"))
    click(qtbot, page.ranking.mode_buttons["rating"])
    assert stored(page).profile.strength_mode == "rating"
    settle(page, qtbot)
    assert all(names[s] in signature(page) for s in SIX[:3])


def test_ranking_model_is_a_proper_item_model(qtmodeltester, qtbot):
    model = RankingModel()
    model.set_items([("a", "Alpha"), ("b", "Beta"), ("c", "Gamma"), ("d", "Delta")])
    qtmodeltester.check(model)
    assert model.index(0).data() == "1.  Alpha"
    with qtbot.waitSignal(model.order_changed) as moved:
        assert model.move(3, -1)
    assert moved.args == [["a", "b", "d", "c"]]
    assert model.index(2).data() == "3.  Delta"
    assert model.move(0, 1)
    assert model.order() == ["b", "a", "d", "c"]
    assert not model.move(0, -1)
    assert not model.move(3, 1)

    assert model.moveRow(QModelIndex(), 0, QModelIndex(), 4)  # to the end, as a drop does
    assert model.order() == ["a", "d", "c", "b"]
    assert not model.moveRow(QModelIndex(), 1, QModelIndex(), 2)  # onto itself
    model.set_items([("a", "Alpha"), ("b", "Beta")])
    qtmodeltester.check(model)


def test_reflection_entries_are_written_edited_and_deleted(page, qtbot, confirmations):
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentIndex() == TABS.index("reflections")
    panel = page.reflections
    prompts = panel.prompt_list
    item = prompts.item(1)
    qtbot.mouseClick(
        prompts.viewport(), Qt.MouseButton.LeftButton, pos=prompts.visualItemRect(item).center()
    )
    prompt = panel.current_prompt()
    assert prompt.id == "strengths_colleagues_come_for"
    assert panel.prompt_text.text() == prompt.text

    click(qtbot, panel.new_button)
    card = panel.entries.cards[0]
    assert card.body.hasFocus()
    qtbot.keyClicks(card.body, "Ravi asked about a slow query")
    settle(page, qtbot)
    [entry] = [e for e in stored(page).journal if e.kind == "reflection"]
    assert (entry.prompt_id, entry.body, entry.private) == (
        prompt.id,
        card.body.toPlainText(),
        True,
    )
    assert entry.entry_date == date.today().isoformat()
    assert "1 entry" in prompts.item(1).text()

    # Editing: more words, and an earlier date.
    qtbot.keyClicks(card.body, ", and Lina about the forecast.")
    card.date.setFocus()
    today = QDate.currentDate()
    key, expected = (
        (Qt.Key.Key_Down, today.addDays(-1))
        if today.day() > 1
        else (Qt.Key.Key_Up, today.addDays(1))
    )
    qtbot.keyClick(card.date, key)
    card.body.setFocus()  # leaving the date saves it
    settle(page, qtbot)
    [entry] = [e for e in stored(page).journal if e.kind == "reflection"]
    assert entry.body == "Ravi asked about a slow query, and Lina about the forecast."
    assert entry.entry_date == expected.toString(Qt.DateFormat.ISODate)

    # A second entry on the same prompt: both are shown, newest first.
    click(qtbot, panel.new_button)
    assert len(panel.entries.cards) == 2
    qtbot.keyClicks(panel.entries.cards[0].body, "Three weeks later")
    settle(page, qtbot)
    assert "2 entries" in prompts.item(1).text()
    # Other prompts do not show them.
    prompts.setCurrentRow(0)
    assert panel.entries.cards == []
    prompts.setCurrentRow(1)
    assert len(panel.entries.cards) == 2

    confirmations.answer = "Delete"
    older = panel.entries.cards[1]
    click(qtbot, older.delete_button)
    assert confirmations.asked
    bodies = [e.body for e in stored(page).journal if e.kind == "reflection"]
    assert bodies == ["Three weeks later"]
    assert len(panel.entries.cards) == 1


def test_energy_log_and_feedback(page, qtbot):
    page.tabs.setCurrentIndex(TABS.index("energy"))
    click(qtbot, page.energy_log.new_button)
    card = page.energy_log.entries.cards[0]
    click(qtbot, card.level.buttons[5])
    qtbot.keyClicks(card.body, "Four quiet hours with the messy data")
    settle(page, qtbot)
    [moment] = [e for e in stored(page).journal if e.kind == "energy"]
    assert (moment.energy_level, moment.body) == (5, "Four quiet hours with the messy data")
    assert (
        page.energy_log.summary.text() == "1 moment logged: 1 that gave you energy, 0 that took it."
    )

    page.tabs.setCurrentIndex(TABS.index("feedback"))
    click(qtbot, page.feedback.new_button)
    card = page.feedback.entries.cards[0]
    assert card.source.hasFocus()
    qtbot.keyClicks(card.source, "Karim, my manager")
    qtbot.keyClicks(card.body, "People trust your numbers")
    settle(page, qtbot)
    [said] = [e for e in stored(page).journal if e.kind == "feedback"]
    assert (said.source, said.body, said.private) == (
        "Karim, my manager",
        "People trust your numbers",
        False,
    )
    card.private.setFocus()
    qtbot.keyClick(card.private, Qt.Key.Key_Space)
    assert [e.private for e in stored(page).journal if e.kind == "feedback"] == [True]


def test_arrow_keys_step_over_domain_headings(page, qtbot):
    choose_strength(qtbot, page, "critical_thinking")  # the first strength of the second domain
    tree = page.strength_list.tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Up)
    assert page.detail.entry.id == "hands_on_craft"
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert page.detail.entry.id == "data_analysis"
    qtbot.keyClick(tree, Qt.Key.Key_Home)
    assert page.detail.entry.id == "technical_problem_solving"


def test_every_control_has_an_accessible_name(page, qtbot):
    rate(qtbot, page, "mentoring", 5, 5, 4)
    add_example(qtbot, page, "a", "b", "c")
    for tab in ("reflections", "energy", "feedback"):
        page.tabs.setCurrentIndex(TABS.index(tab))
        panel = {"reflections": page.reflections, "energy": page.energy_log}.get(tab, page.feedback)
        click(qtbot, panel.new_button)
    page.tabs.setCurrentIndex(TABS.index("ranking"))
    click(qtbot, page.ranking.mode_buttons["ranking"])
    controls = (QAbstractButton, QLineEdit, QPlainTextEdit, QAbstractItemView, QAbstractSpinBox)
    unnamed = [
        w
        for w in page.findChildren(QWidget)
        if isinstance(w, controls)
        and not w.isHidden()  # say, the list's hidden header
        and not isinstance(w.parentWidget(), QAbstractSpinBox)  # a date's inner line
        and not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text())
    ]
    assert unnamed == []


def test_ratings_are_shown_again_after_closing_and_reopening(open_window, qtbot):
    window = open_window()
    window.workbooks.start_empty()
    window.show_step(1)
    page = window.page("strengths")
    rate(qtbot, page, "data_analysis", 4, 5, 3)
    choose_strength(qtbot, page, "data_analysis")
    qtbot.keyClicks(page.detail.overuse, "One more chart")
    window.close()

    again = open_window()
    assert again.current_step() == 1
    page = again.page("strengths")
    assert page.strength_list.item("data_analysis").text(1) == "✓"
    choose_strength(qtbot, page, "data_analysis")
    detail = page.detail
    assert (detail.proficiency.value(), detail.energy.value(), detail.edge.value()) == (4, 5, 3)
    assert detail.overuse.toPlainText() == "One more chart"
    assert "Data analysis" in page.results.plain_text()


def test_undo_puts_a_rating_back(page, qtbot):
    rate(qtbot, page, "mentoring", 3, None, None)
    click(qtbot, page.detail.proficiency.buttons[5])
    assert stored(page).ratings["mentoring"].proficiency == 5
    page.window().undo_action.trigger()
    assert stored(page).ratings["mentoring"].proficiency == 3
    assert page.detail.proficiency.value() == 3


def test_undo_puts_typed_text_back_in_the_cards(page, qtbot):
    page.tabs.setCurrentIndex(TABS.index("feedback"))
    click(qtbot, page.feedback.new_button)
    card = page.feedback.entries.cards[0]
    qtbot.keyClicks(card.body, "Clear and calm")
    settle(page, qtbot)
    page.window().undo_action.trigger()
    assert [e.body for e in stored(page).journal] == [""]
    assert page.feedback.entries.cards[0].body.toPlainText() == ""


# A menu on the offscreen platform says it cannot raise itself or grab the keyboard.
@pytest.mark.qt_log_ignore("does not support raise", "grabbing the keyboard", extend=True)
def test_feedback_is_tagged_with_strengths_and_shows_as_what_others_say(page, qtbot):
    rate(qtbot, page, "mentoring", 4, 5, 3)  # would be a signature strength: no example yet
    settle(page, qtbot)
    assert "Mentoring" in page.results.plain_text().split("Strengths to use more")[1]
    page.tabs.setCurrentIndex(TABS.index("feedback"))
    feedback = page.feedback
    assert feedback.ask_toggle.isChecked()  # no feedback yet: the question is in view
    click(qtbot, feedback.copy_button)
    assert QApplication.clipboard().text().startswith("Hello, I am thinking about")
    assert "Copied" in feedback.copied.text()

    click(qtbot, feedback.new_button)
    card = feedback.entries.cards[0]
    qtbot.keyClicks(card.source, "Lina, who I mentor")
    qtbot.keyClicks(card.body, '"You are the reason I am not scared of forecasting."')
    settle(page, qtbot)
    # Untagged, it counts for nothing.
    assert "Others say" not in page.results.plain_text()
    assert card.tags.note.isVisibleTo(card)

    # Tag it from the keyboard: Space opens the menu of strengths, Enter tags the one chosen.
    button = card.tags.add_button
    assert button.accessibleName() == "Tag a strength this feedback speaks to"

    def choose_mentoring():
        menu = QApplication.activePopupWidget()
        [action] = [a for a in menu.actions() if a.data() == "mentoring"]
        menu.setActiveAction(action)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose_mentoring)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: stored(page).journal[0].links == ("strength:mentoring",))
    assert [b.accessibleName() for b in card.tags.buttons] == ["Remove the tag Mentoring"]
    assert not card.tags.note.isVisibleTo(card)
    settle(page, qtbot)
    signature = page.results.plain_text().split("Strengths to use more")[0]
    assert "Mentoring" in signature and "others say so: Lina, who I mentor" in signature

    # Kept private, it counts for nothing again; removing the tag does the same.
    card.private.setFocus()
    qtbot.keyClick(card.private, Qt.Key.Key_Space)
    settle(page, qtbot)
    assert "Others say" not in page.results.plain_text()
    qtbot.keyClick(card.private, Qt.Key.Key_Space)
    click(qtbot, card.tags.buttons[0])
    assert stored(page).journal[0].links == ()
    settle(page, qtbot)
    assert "others say so" not in page.results.plain_text()
