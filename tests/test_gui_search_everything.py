"""Edit ▸ Search… finds what a person typed beyond the journal: words typed in a goal's
GROW notes and in an AI task's validation step are found through the dialog, named by
where they are, and Go to opens what hides them (the GROW notes' disclosure, the task's
cell) with the words under the cursor."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.test_gui_plan import PLAN_STEP, add_goal, click, open_plan
from tests.test_gui_search import open_dialog, rows
from ui.steps.ai_plan.tasks_model import column_of
from workbook import door

AI_PLAN = 3


def find_and_go(qtbot, window, words, where):
    """Search for `words` in the dialog, choose the hit listed at `where` and press Go to;
    returns the widget the cursor lands in."""
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.field, words)
    qtbot.waitUntil(lambda: dialog.results.topLevelItemCount() > 0)
    found = rows(dialog)
    assert [w for _, w, _ in found] == [where]
    assert f"[{words}]" in found[0][2].lower()
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return QApplication.focusWidget()


def assert_well_in_view(box):
    """The box is in its scroll area's upper part, not on the bottom edge."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QScrollArea

    area = box.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    top = box.mapTo(area.viewport(), QPoint(0, 0)).y()
    room = area.viewport().height()
    if area.verticalScrollBar().value() < area.verticalScrollBar().maximum():
        assert 0 <= top <= room * 0.5, (top, room)
    else:  # at the end of the page, as far up as it goes
        assert 0 <= top + box.height() <= room, (top, room)


def test_words_in_grow_notes_are_found_and_the_notes_opened(open_window, qtbot):
    window, page = open_plan(open_window, qtbot)
    card = add_goal(qtbot, page, "Run the forecast on my own")
    notes = card.grow_notes
    click(qtbot, notes.toggle)
    reality = notes.boxes["reality"]
    click(qtbot, reality)
    qtbot.keyClicks(reality, "Nobody trusts the hazelnut numbers yet")
    click(qtbot, notes.toggle)  # closed again: going to the hit must open it
    assert not reality.isVisible()
    window.show_step(0)

    focused = find_and_go(
        qtbot, window, "hazelnut", "Development plan ▸ Goal: Run the forecast on my own"
    )
    assert window.current_step() == PLAN_STEP
    assert focused is reality
    assert reality.isVisible() and notes.toggle.isChecked()
    assert_well_in_view(reality)
    assert reality.textCursor().selectedText() == "hazelnut"
    # The goal's title is found too, and lands in the title's box.
    focused = find_and_go(
        qtbot, window, "forecast", "Development plan ▸ Goal: Run the forecast on my own"
    )
    assert focused is card.title and card.title.selectedText() == "forecast"


def test_words_in_an_ai_task_are_found_and_its_cell_opened(open_window, qtbot):
    window = open_window()
    qtbot.mouseClick(window.welcome.empty_button, Qt.MouseButton.LeftButton)
    door.add_row(window.session.db, "ai_tasks", window.workbook_id, name="Weekly sales report")
    window.show_step(AI_PLAN)
    page = window.page("ai_plan")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    table, model = page.table, page.model
    index = model.index(0, column_of("validation"))
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.keyClicks(table.open_editor(), "Check it against the mongoose ledger")
    qtbot.keyClick(table.open_editor(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.open_editor() is None, timeout=3000)
    window.show_step(PLAN_STEP)

    focused = find_and_go(qtbot, window, "mongoose", "AI plan ▸ Task: Weekly sales report")
    assert window.current_step() == AI_PLAN
    assert focused is table.open_editor()
    assert table.currentIndex() == model.index(0, column_of("validation"))
    assert focused.textCursor().selectedText() == "mongoose"


def test_go_to_lands_on_the_words_of_every_kind(open_window, qtbot, db_path):
    """Each kind of hit is named by its place and Go to puts the cursor on its words."""
    from tests.test_search_everything import fill
    from workbook.storage import open_database

    db = open_database(db_path)
    typed = fill(db, door.create_workbook(db, "Alex").workbook_id)
    db.close()
    window = open_window()
    where = {}
    for kind, (word, _row_id) in typed.items():
        dialog = open_dialog(qtbot, window)
        qtbot.keyClicks(dialog.field, word)
        qtbot.waitUntil(lambda d=dialog: d.results.topLevelItemCount() == 1)
        where[kind] = rows(dialog)[0][1]
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())
        qtbot.wait(50)
        focused = QApplication.focusWidget()
        selected = (
            focused.selectedText()
            if hasattr(focused, "selectedText")
            else focused.textCursor().selectedText()
        )
        assert selected.lower() == word, (kind, rows(dialog), type(focused))
        assert focused.isVisible(), kind
    goal = "Own the quarterly forecast"
    assert where == {
        "goal": f"Development plan ▸ Goal: {goal}",
        "action": f"Development plan ▸ Action for the goal: {goal}",
        "milestone": "Development plan ▸ Milestone at 30 days",
        "support": "Development plan ▸ What I ask",
        "question": "Development plan ▸ Questions for your career conversation",
        "task": "AI plan ▸ Task: Weekly mongoose report",
        "reinvestment": "AI plan ▸ Where the freed hours go",
        "future": "Edge analysis ▸ Three futures ▸ Specialist",
        "strength": "Strengths ▸ Data analysis ▸ When it is overdone",
        "context": "Edge analysis ▸ Your situation",
        "edge": "Edge analysis ▸ Your edge statement",
        "profile": "About you ▸ Your profile",
    }
