"""The Reflections tab lists every reflection prompt of the journey, not only the
Strengths step's: a reflection on an Edge, About you or AI plan prompt (the example has
seven) is shown, edited and reached from search like any other; and search's Go to puts
the cursor in the box that holds the words searched for."""

from PySide6.QtCore import Qt

from tests.test_gui_search_everything import find_and_go
from tests.test_gui_strengths import TABS
from workbook.content import load_content
from workbook.example import add_example
from workbook.session import Session

STRENGTHS = 1
EDGE_PROMPT = "edge_manage_or_deepen"


def example_window(open_window, db_path):
    session = Session.open(db_path)
    add_example(session.db)
    session.close()
    return open_window()


def reflections(qtbot, window):
    window.show_step(STRENGTHS)
    page = window.page("strengths")
    page.tabs.setCurrentIndex(TABS.index("reflections"))
    return page.reflections


def test_prompts_of_other_steps_are_listed_under_their_step(open_window, qtbot, db_path):
    window = example_window(open_window, db_path)
    panel = reflections(qtbot, window)
    prompts = panel.prompt_list
    texts = [prompts.item(row).text() for row in range(prompts.count())]
    headings = [
        t for row, t in enumerate(texts) if prompts.item(row).flags() == Qt.ItemFlag.NoItemFlags
    ]
    assert headings == ["About you", "Edge analysis", "AI plan"]
    assert texts[0].startswith("What am I uniquely good at")  # this step's own come first
    panel.choose_prompt(EDGE_PROMPT)
    assert panel.current_prompt().id == EDGE_PROMPT
    [card] = panel.entries.cards
    assert "tired of pretending" in card.body.toPlainText()
    assert panel.prompt_list.currentItem().text().endswith("\n1 entry")


def test_the_arrow_keys_pass_over_a_heading(open_window, qtbot, db_path):
    window = example_window(open_window, db_path)
    panel = reflections(qtbot, window)
    prompts = panel.prompt_list
    strengths_prompts = [p for p in load_content().prompts.values() if p.step == "strengths"]
    panel.choose_prompt(strengths_prompts[-1].id)
    prompts.setFocus()
    qtbot.keyClick(prompts, Qt.Key.Key_Down)
    assert panel.current_prompt().step == "about"


def test_a_reflection_on_an_edge_prompt_is_reached_from_search(open_window, qtbot, db_path):
    window = example_window(open_window, db_path)
    where = "Strengths ▸ Reflection: Do you want to manage people, or to deepen your expertise?"
    focused = find_and_go(qtbot, window, "pretending", where)
    panel = window.page("strengths").reflections
    assert window.current_step() == STRENGTHS
    assert panel.current_prompt().id == EDGE_PROMPT
    assert focused is panel.entries.cards[0].body
    assert focused.textCursor().selectedText() == "pretending"


def test_go_to_picks_the_box_holding_the_phrase_not_the_first_with_a_word():
    from ui.search_reveal import best_match

    texts = ["Check row counts in the query log", "The SQL query editor", ""]
    assert best_match(texts, "query editor") == 1  # the phrase, though "query" comes first
    assert best_match(texts, "Query   EDITOR") == 1  # as the search matched it: any case
    assert best_match(texts, "editor row") == 0  # no phrase: most words, the first on a tie
    assert best_match(texts, "nowhere") == 0
    assert best_match([], "query") == 0
