"""Switching participant on the strengths step: what is shown, and where typing is saved.

The page reuses its widgets from one workbook to the next (journal cards,
example cards, the detail of a strength) and fills hidden tabs only when
they are shown. These tests switch as a person would, with the workbook
switcher, between workbooks holding more, fewer and no entries, and check
every card on screen and every row in the database.
"""

import functools
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from tests.helpers.strengths import choose_strength
from ui.steps.strengths import StrengthsPage
from ui.steps.strengths.cards import EvidenceCard, JournalCard
from ui.steps.strengths.page import TABS
from ui.steps.strengths.state import EMPTY_RESULTS
from workbook import door
from workbook.data import load_workbook_data
from workbook.door import create_workbook
from workbook.queries import find_workbook
from workbook.storage import open_database

#: The strength every workbook below opens on: the first in the catalogue, not fully rated.
FIRST = "technical_problem_solving"
PROMPT = "strengths_uniquely_good"  # the first reflection prompt, shown first

# Per workbook: ratings {strength: (proficiency, energy, edge, overuse note)}, examples
# {strength: [(situation, action, result)]}, feedback [(date, source, body, private)],
# energy [(date, level, body)], reflections [(date, body)]. Amina has more entries than
# Bruno in the feedback and reflections, fewer in the energy log; Chen has nothing.
WORKBOOKS = {
    "Amina": {
        "ratings": {
            FIRST: (4, 5, None, "I rewrite other people's code"),
            "data_analysis": (5, 5, 4, None),
        },
        "examples": {
            FIRST: [("The outage in May", "I traced the lock", "Back up in an hour")],
            "data_analysis": [("The churn study", "I built the model", "Pricing changed")],
        },
        "feedback": [
            (date(2026, 3, 1), "Karim, my manager", "Your forecasts are the ones we trust", False),
            (date(2026, 1, 10), "A client", "Clear report", False),
            (date(2026, 2, 1), "Lina, a peer", "You explain the numbers calmly", True),
        ],
        "energy": [
            (date(2026, 3, 3), 5, "Four quiet hours with the data"),
            (date(2026, 3, 2), 1, "The budget meeting"),
        ],
        "reflections": [
            (date(2026, 2, 2), "Finding the one number that matters"),
            (date(2026, 2, 9), "Asking the question nobody asked"),
        ],
    },
    "Bruno": {
        "ratings": {
            FIRST: (5, 4, None, None),
            "data_analysis": (5, 1, 3, None),
        },
        "examples": {
            FIRST: [
                ("A flaky build", "I bisected it", "Green again"),
                ("The slow page", "I profiled it", "Ten times faster"),
            ],
        },
        "feedback": [(date(2026, 2, 15), "Sara", "", True)],
        "energy": [
            (date(2026, 1, 5), 2, "Expense reports"),
            (date(2026, 1, 12), 4, "Pairing with Ana"),
            (date(2026, 1, 19), None, "A long review"),
            (date(2026, 1, 26), 5, "Shipping the release"),
        ],
        "reflections": [(date(2026, 1, 20), "Untangling other people's systems")],
    },
    "Chen": {"ratings": {}, "examples": {}, "feedback": [], "energy": [], "reflections": []},
}


def seed(db_path) -> None:
    """The three workbooks, written through the door; Amina is opened last."""
    db = open_database(db_path)
    for name in ("Chen", "Bruno", "Amina"):
        spec = WORKBOOKS[name]
        wid = create_workbook(db, name).workbook_id
        for strength, (proficiency, energy, edge, overuse) in spec["ratings"].items():
            for field, value in (
                ("proficiency", proficiency),
                ("energy", energy),
                ("edge", edge),
                ("overuse_note", overuse),
            ):
                if value is not None:
                    door.set_answer(db, "strength_ratings", wid, strength, field, value)
        for strength, examples in spec["examples"].items():
            for situation, action, result in examples:
                door.add_row(
                    db,
                    "evidence",
                    wid,
                    strength_id=strength,
                    situation=situation,
                    action=action,
                    result=result,
                )
        for when, source, body, private in spec["feedback"]:
            add = {"source": source, "private": int(private)}
            add_entry(db, wid, "feedback", when, body, **add)
        for when, level, body in spec["energy"]:
            add_entry(db, wid, "energy", when, body, energy_level=level)
        for when, body in spec["reflections"]:
            add_entry(db, wid, "reflection", when, body, prompt_id=PROMPT)
    db.close()


def add_entry(db, wid, kind, when, body, **values):
    values = {k: v for k, v in values.items() if v is not None}
    door.add_row(
        db, "journal_entries", wid, kind=kind, entry_date=when.isoformat(), body=body, **values
    )


@pytest.fixture
def open_window(open_window, db_path):
    """The shared window factory on the seeded database, with a short autosave pause."""
    seed(db_path)
    return functools.partial(open_window, delay_ms=50)


@pytest.fixture
def page(open_window, qtbot) -> StrengthsPage:
    window = open_window()
    assert window.switcher.currentText() == "Amina"
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_step() == 1
    return window.page("strengths")


# ---- doing things as a person would ---------------------------------------------------


def switch_to(qtbot, page, name):
    """Choose a workbook in the switcher with the arrow keys, as at the keyboard."""
    window = page.window()
    switcher = window.switcher
    switcher.setFocus()
    target = switcher.findText(name)
    assert target >= 0
    while switcher.currentIndex() != target:
        key = Qt.Key.Key_Down if switcher.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(switcher, key)
    assert window.workbook_id == wid_of(page, name)


def open_tab(qtbot, page, tab):
    """The tab's Alt shortcut (Alt+I, Alt+K, Alt+R, Alt+F, Alt+L, Alt+B)."""
    letter = {
        "inventory": Qt.Key.Key_I,
        "ranking": Qt.Key.Key_K,
        "results": Qt.Key.Key_R,
        "reflections": Qt.Key.Key_F,
        "energy": Qt.Key.Key_L,
        "feedback": Qt.Key.Key_B,
    }[tab]
    qtbot.keyClick(page, letter, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentIndex() == TABS.index(tab)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_into(qtbot, box):
    """Click at the end of a text box's text, where a person would carry on typing."""
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert box.hasFocus()


def settle(page, qtbot):
    """Wait until typing is saved and the page has caught up."""
    qtbot.waitUntil(lambda: not page.window().autosaver.has_pending(), timeout=3000)
    qtbot.waitUntil(lambda: page.up_to_date, timeout=3000)


# ---- what is stored and what is shown -------------------------------------------------


def wid_of(page, name):
    return find_workbook(page.window().session.db, name).id


def stored(page, name):
    window = page.window()
    window.autosaver.flush()
    return load_workbook_data(window.session.db, wid_of(page, name))


def journal(page, name, kind):
    """A workbook's stored entries of one kind, newest first (as the cards show them)."""
    entries = [e for e in stored(page, name).journal if e.kind == kind]
    return sorted(entries, key=lambda e: (e.entry_date, e.id), reverse=True)


def on_screen(qtbot, panel, kind=JournalCard):
    """The cards a person sees, checked against the panel's own list of them.

    A card added to a list on screen is shown once the event loop runs (Qt shows a new
    child of a visible widget that way), so this waits for the window to catch up.
    """
    cards = panel.entries.cards if kind is JournalCard else panel.evidence_cards

    def shown() -> set:
        return {c for c in panel.findChildren(kind) if c.isVisible()}

    qtbot.waitUntil(lambda: shown() == set(cards), timeout=3000)
    return cards


def check_feedback(qtbot, page, name):
    expected = sorted(WORKBOOKS[name]["feedback"], reverse=True)
    cards = on_screen(qtbot, page.feedback)
    assert [c.row_id for c in cards] == [e.id for e in journal(page, name, "feedback")]
    shown = [
        (
            c.date.date(),
            c.source.text(),
            c.body.toPlainText(),
            c.private.isChecked(),
        )
        for c in cards
    ]
    assert shown == [
        (QDate(when), source, body, private) for when, source, body, private in expected
    ]
    assert page.feedback.entries.empty.isVisible() == (not expected)


def check_energy(qtbot, page, name):
    expected = sorted(WORKBOOKS[name]["energy"], key=lambda e: e[0], reverse=True)
    cards = on_screen(qtbot, page.energy_log)
    assert [c.row_id for c in cards] == [e.id for e in journal(page, name, "energy")]
    shown = [(c.date.date(), c.level.value(), c.body.toPlainText()) for c in cards]
    assert shown == [(QDate(when), level, body) for when, level, body in expected]
    summary = page.energy_log.summary.text()
    assert summary.startswith(f"{len(expected)} moment" if expected else "No moments logged")


def check_reflections(qtbot, page, name):
    expected = sorted(WORKBOOKS[name]["reflections"], reverse=True)
    panel = page.reflections
    assert panel.current_prompt().id == PROMPT
    cards = on_screen(qtbot, panel)
    assert [c.row_id for c in cards] == [e.id for e in journal(page, name, "reflection")]
    assert [(c.date.date(), c.body.toPlainText()) for c in cards] == [
        (QDate(when), body) for when, body in expected
    ]
    count = len(expected)
    item = panel.prompt_list.item(0).text()
    if count:
        assert item.endswith(f"\n{count} {'entry' if count == 1 else 'entries'}")
    else:
        assert "\n" not in item


def check_detail(qtbot, page, name):
    """The strength the page opens on, with this workbook's ratings, note and examples."""
    detail = page.detail
    assert detail.entry.id == FIRST
    assert detail.isVisible()
    assert [w for w in page.findChildren(type(detail)) if w.isVisible()] == [detail]
    proficiency, energy, edge, overuse = WORKBOOKS[name]["ratings"].get(
        FIRST, (None, None, None, None)
    )
    values = (detail.proficiency.value(), detail.energy.value(), detail.edge.value())
    assert values == (proficiency, energy, edge)
    due = (proficiency or 0) >= 4 and (energy or 0) >= 4
    assert detail.overuse_section.isVisible() == due
    assert detail.overuse.toPlainText() == (overuse or "")
    cards = on_screen(qtbot, detail, EvidenceCard)
    assert [
        tuple(c.boxes[f].toPlainText() for f in ("situation", "action", "result")) for c in cards
    ] == WORKBOOKS[name]["examples"].get(FIRST, [])
    assert [c.title.text() for c in cards] == [f"Example {n}" for n in range(1, len(cards) + 1)]
    examples = [e.id for e in stored(page, name).evidence if e.strength_id == FIRST]
    assert [c.row_id for c in cards] == examples


def check_results(qtbot, page, name):
    text = page.results.plain_text()
    if name == "Chen":
        assert text == EMPTY_RESULTS
        return
    signature, rest = text.split("Strengths to use more")
    drains = rest.split("Drains to manage")[1]
    assert ("Data analysis" in signature) == (name == "Amina")
    assert ("Data analysis" in drains) == (name == "Bruno")


# ---- the tests -------------------------------------------------------------------------


def test_the_open_tab_shows_each_workbooks_entries_after_a_switch(page, qtbot):
    """More, fewer and no entries, while the tab is on screen."""
    order = ("Amina", "Bruno", "Chen", "Amina", "Chen", "Bruno")
    check_detail(qtbot, page, "Amina")
    for name in order[1:]:
        switch_to(qtbot, page, name)
        check_detail(qtbot, page, name)

    open_tab(qtbot, page, "feedback")
    for name in order:
        switch_to(qtbot, page, name)
        check_feedback(qtbot, page, name)

    open_tab(qtbot, page, "energy")
    for name in order:
        switch_to(qtbot, page, name)
        check_energy(qtbot, page, name)

    open_tab(qtbot, page, "reflections")
    for name in order:
        switch_to(qtbot, page, name)
        check_reflections(qtbot, page, name)

    open_tab(qtbot, page, "results")
    for name in order:
        switch_to(qtbot, page, name)
        check_results(qtbot, page, name)


def test_hidden_tabs_show_the_workbook_switched_to_when_opened(page, qtbot):
    """Tabs out of sight catch up when opened, whatever was switched in between."""
    open_tab(qtbot, page, "feedback")
    open_tab(qtbot, page, "energy")
    open_tab(qtbot, page, "reflections")
    open_tab(qtbot, page, "inventory")
    # Amina to Chen passes Bruno on the way: two switches while the tabs are hidden.
    for name in ("Bruno", "Chen", "Amina", "Chen", "Bruno", "Amina"):
        switch_to(qtbot, page, name)
        check_detail(qtbot, page, name)
        for tab, check in (
            ("feedback", check_feedback),
            ("energy", check_energy),
            ("reflections", check_reflections),
            ("results", check_results),
        ):
            open_tab(qtbot, page, tab)
            check(qtbot, page, name)
        open_tab(qtbot, page, "inventory")


def test_typing_after_a_switch_is_saved_to_the_workbook_on_screen(page, qtbot):
    amina_before = journal(page, "Amina", "feedback")
    open_tab(qtbot, page, "feedback")
    card = page.feedback.entries.cards[0]
    click_into(qtbot, card.body)
    qtbot.keyClicks(card.body, ", every quarter")
    switch_to(qtbot, page, "Bruno")  # before the autosave pause is over: flushed first

    [card] = page.feedback.entries.cards
    click_into(qtbot, card.body)
    qtbot.keyClicks(card.body, "Patient with new starters")
    card.source.setFocus()
    card.source.selectAll()
    qtbot.keyClicks(card.source, "Sara, my lead")
    card.private.setFocus()
    qtbot.keyClick(card.private, Qt.Key.Key_Space)
    settle(page, qtbot)

    [bruno] = journal(page, "Bruno", "feedback")
    assert (bruno.source, bruno.body, bruno.private) == (
        "Sara, my lead",
        "Patient with new starters",
        False,
    )
    amina = journal(page, "Amina", "feedback")
    assert amina[0].body == "Your forecasts are the ones we trust, every quarter"
    assert amina[1:] == amina_before[1:]
    assert (amina[0].source, amina[0].private) == (amina_before[0].source, False)

    # An energy level chosen and a moment logged after switching.
    open_tab(qtbot, page, "energy")
    click(qtbot, page.energy_log.entries.cards[0].level.buttons[3])
    switch_to(qtbot, page, "Chen")
    assert page.energy_log.entries.cards == []
    click(qtbot, page.energy_log.new_button)
    [card] = page.energy_log.entries.cards
    click(qtbot, card.level.buttons[4])
    click_into(qtbot, card.body)
    qtbot.keyClicks(card.body, "Teaching the interns")
    settle(page, qtbot)
    [chen] = journal(page, "Chen", "energy")
    assert (chen.energy_level, chen.body) == (4, "Teaching the interns")
    bruno = journal(page, "Bruno", "energy")
    assert [(e.energy_level, e.body) for e in bruno] == [
        (3, "Shipping the release"),
        (None, "A long review"),
        (4, "Pairing with Ana"),
        (2, "Expense reports"),
    ]
    assert [e.energy_level for e in journal(page, "Amina", "energy")] == [5, 1]

    # The strength's detail: a note and an example typed after switching.
    open_tab(qtbot, page, "inventory")
    switch_to(qtbot, page, "Amina")
    click_into(qtbot, page.detail.overuse)
    qtbot.keyClicks(page.detail.overuse, " at night")
    switch_to(qtbot, page, "Bruno")
    click_into(qtbot, page.detail.overuse)
    qtbot.keyClicks(page.detail.overuse, "I take over the keyboard")
    box = page.detail.evidence_cards[1].boxes["result"]
    click_into(qtbot, box)
    qtbot.keyClicks(box, " for everyone")
    click(qtbot, page.detail.edge.buttons[2])
    settle(page, qtbot)

    bruno, amina = stored(page, "Bruno"), stored(page, "Amina")
    assert bruno.ratings[FIRST].overuse_note == "I take over the keyboard"
    assert bruno.ratings[FIRST].edge == 2
    assert [e.result for e in bruno.evidence] == ["Green again", "Ten times faster for everyone"]
    assert amina.ratings[FIRST].overuse_note == "I rewrite other people's code at night"
    assert amina.ratings[FIRST].edge is None
    assert [e.result for e in amina.evidence] == ["Back up in an hour", "Pricing changed"]

    # Undo takes back Bruno's last edit, and only his.
    page.window().undo_action.trigger()
    assert stored(page, "Bruno").ratings[FIRST].edge is None
    assert page.detail.edge.value() is None
    assert page.detail.overuse.toPlainText() == "I take over the keyboard"
    assert stored(page, "Amina").ratings[FIRST].overuse_note.endswith("at night")


def test_a_fields_own_undo_never_crosses_to_another_workbook(page, qtbot):
    """Ctrl+Z in a field undoes what was typed there for this workbook, nothing else."""
    # Amina: a new feedback entry, typed and then rubbed out, so it is empty again,
    # like Bruno's feedback that reuses the same card after the switch.
    open_tab(qtbot, page, "feedback")
    click(qtbot, page.feedback.new_button)
    card = page.feedback.entries.cards[0]
    click_into(qtbot, card.body)
    qtbot.keyClicks(card.body, "Typo")
    for _ in range(4):
        qtbot.keyClick(card.body, Qt.Key.Key_Backspace)
    settle(page, qtbot)
    switch_to(qtbot, page, "Bruno")
    [card] = page.feedback.entries.cards
    click_into(qtbot, card.body)
    qtbot.keyClick(card.body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(page, qtbot)
    assert card.body.toPlainText() == ""
    assert [e.body for e in journal(page, "Bruno", "feedback")] == [""]
    assert journal(page, "Amina", "feedback")[0].body == ""

    # The same in a strength's overuse note: emptied in Amina's, then Ctrl+Z in Bruno's.
    open_tab(qtbot, page, "inventory")
    switch_to(qtbot, page, "Amina")
    box = page.detail.overuse
    click_into(qtbot, box)
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    settle(page, qtbot)
    switch_to(qtbot, page, "Bruno")
    assert page.detail.overuse is box  # the same strength: the detail is reused
    click_into(qtbot, box)
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(page, qtbot)
    assert box.toPlainText() == ""
    assert stored(page, "Bruno").ratings[FIRST].overuse_note in (None, "")
    assert stored(page, "Amina").ratings[FIRST].overuse_note in (None, "")


def test_a_strength_shown_before_shows_the_new_workbooks_answers(page, qtbot):
    """A strength chosen in one workbook and again in another: its answers, not the first's."""
    choose_strength(qtbot, page, "data_analysis")
    detail = page.detail
    assert (detail.proficiency.value(), detail.energy.value(), detail.edge.value()) == (5, 5, 4)
    assert len(detail.evidence_cards) == 1

    switch_to(qtbot, page, "Bruno")
    check_detail(qtbot, page, "Bruno")
    choose_strength(qtbot, page, "data_analysis")
    detail = page.detail
    assert (detail.proficiency.value(), detail.energy.value(), detail.edge.value()) == (5, 1, 3)
    assert on_screen(qtbot, detail, EvidenceCard) == []
    assert not detail.overuse_section.isVisible()
    click(qtbot, detail.add_evidence_button)
    [card] = detail.evidence_cards
    assert card.boxes["situation"].hasFocus()
    qtbot.keyClicks(card.boxes["situation"], "Month-end close")
    click(qtbot, detail.energy.buttons[2])
    settle(page, qtbot)

    bruno, amina = stored(page, "Bruno"), stored(page, "Amina")
    assert [(e.strength_id, e.situation) for e in bruno.evidence if e.strength_id != FIRST] == [
        ("data_analysis", "Month-end close")
    ]
    assert bruno.ratings["data_analysis"].energy == 2
    assert [e.situation for e in amina.evidence if e.strength_id == "data_analysis"] == [
        "The churn study"
    ]
    assert amina.ratings["data_analysis"].energy == 5

    # Back to Amina: the page opens on its first strength again, then hers for data analysis.
    switch_to(qtbot, page, "Amina")
    check_detail(qtbot, page, "Amina")
    choose_strength(qtbot, page, "data_analysis")
    [card] = on_screen(qtbot, page.detail, EvidenceCard)
    assert card.boxes["situation"].toPlainText() == "The churn study"
    assert page.detail.energy.value() == 5
