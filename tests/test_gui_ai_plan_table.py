"""The AI plan's table at the window's default size, its text editors, the role family's
starter tasks, and the rows staying put (issue 16)."""

import re

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel

from ui.steps.ai_plan.editors import CellTextEdit
from ui.steps.ai_plan.tasks_model import COLUMNS, column_of
from ui.steps.ai_plan.text import status_sentence
from workbook.analysis.ai_plan import analyse_ai_plan
from workbook.content import load_content
from workbook.data import Task, load_workbook_data
from workbook.steps import completion

AI_PLAN = 3
DEFAULT_SIZE = (1200, 820)


def stored(window):
    return load_workbook_data(window.session.db, window.workbook_id)


def example_page(open_window, qtbot):
    window = open_window()
    window.resize(*DEFAULT_SIZE)
    window.workbooks.add_example()
    window.show_step(AI_PLAN)
    page = window.page("ai_plan")
    table = page.table
    qtbot.waitUntil(lambda: table.horizontalHeader().length() == table.viewport().width() > 0)
    return window, page


def lines_needed(table, row, number):
    """The lines the cell's text takes wrapped in its column, as the delegate lays it out."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    option.rect = QRect(0, 0, table.columnWidth(number) - 1, 1)
    return table.itemDelegate().sizeHint(option, table.model().index(row, number)).height()


def test_no_text_cell_is_cut_short_at_the_default_size(open_window, qtbot):
    _window, page = example_page(open_window, qtbot)
    table, model = page.table, page.model
    assert model.rowCount() >= 9

    def cut_short():
        """Text cells whose wrapped text is taller than their row: elided with "…"."""
        return [
            (column.name, model.index(row, number).data())
            for row in range(model.rowCount())
            for number, column in enumerate(COLUMNS)
            if column.kind == "text" and lines_needed(table, row, number) > table.rowHeight(row)
        ]

    qtbot.waitUntil(lambda: not cut_short())
    assert cut_short() == []
    # Every row is on the page, none hidden inside the table.
    assert table.verticalScrollBar().maximum() == 0


def test_a_validation_step_is_edited_in_its_own_cell_over_several_lines(open_window, qtbot):
    window, page = example_page(open_window, qtbot)
    table, model = page.table, page.model
    index = model.index(4, column_of("validation"))  # "Drafting insight summaries": none yet
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.open_editor()
    assert isinstance(editor, CellTextEdit)
    cell = table.visualRect(index)
    # As wide as its column, no wider: it covers no other column.
    assert (editor.x(), editor.width()) == (cell.x(), cell.width())
    qtbot.keyClicks(editor, "Check every figure against the dashboard.")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor, "Ask the sales director which numbers she will quote.")
    assert table.open_editor() is editor  # Shift+Enter made a new line, it saved nothing
    assert editor.height() > cell.height() or "\n" in editor.toPlainText()
    assert editor.geometry().bottom() < table.viewport().height()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.open_editor() is None, timeout=3000)
    assert stored(window).tasks[4].validation == (
        "Check every figure against the dashboard.\n"
        "Ask the sales director which numbers she will quote."
    )
    # Escape drops what was typed.
    table.setCurrentIndex(model.index(0, column_of("risk_note")))
    before = stored(window).tasks[0].risk_note
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.keyClicks(table.open_editor(), "gone")
    qtbot.keyClick(table.open_editor(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: table.open_editor() is None, timeout=3000)
    assert stored(window).tasks[0].risk_note == before


def test_a_short_text_stays_one_paragraph(open_window, qtbot):
    window, page = example_page(open_window, qtbot)
    table, model = page.table, page.model
    table.setFocus()
    table.setCurrentIndex(model.index(0, column_of("tool")))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.open_editor()
    editor.selectAll()
    qtbot.keyClicks(editor, "a notebook")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # saves
    qtbot.waitUntil(lambda: table.open_editor() is None, timeout=3000)
    assert stored(window).tasks[0].tool == "a notebook"


def started(open_window, qtbot):
    window = open_window()
    window.resize(*DEFAULT_SIZE)
    window.workbooks.start_empty()
    window.show_step(0)
    about = window.page("about")
    index = about.role_family.findData("data")
    about.role_family.setCurrentIndex(index)
    about.role_family.activated.emit(index)
    window.show_step(AI_PLAN)
    page = window.page("ai_plan")
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    return window, page


def test_starter_tasks_are_suggestions_until_the_person_changes_them(open_window, qtbot):
    window, page = started(open_window, qtbot)
    tasks = stored(window).tasks
    assert len(tasks) > 3
    # Nothing the person did is flagged, and one click decided nothing.
    assert page.plan.flags == ()
    assert not page.flags_box.isVisible() and not page.flags_note.isVisible()
    assert all(r.suggested for r in page.plan.tasks)
    done = completion(window.session.db, window.workbook_id, "ai_plan")
    assert (done.done, done.total) == (0, 3)
    assert page.status.text().startswith("0 of 3 parts done. Next: go through the ")
    assert "(s)" not in page.status.text()

    # Changing what you keep makes the first one yours: it counts, and its rules apply.
    high = next(row for row, t in enumerate(tasks) if t.stakes == "high" and t.mode != "keep_human")
    assert page.model.setData(page.model.index(high, column_of("agency")), 3)
    qtbot.waitUntil(lambda: not page.plan.tasks[high].suggested)
    done = completion(window.session.db, window.workbook_id, "ai_plan")
    assert (done.done, done.total) == (1, 3)
    assert "haven't changed yet" in page.status.text()
    # No review time yet on a high-stakes task of the person's own: now that is worth a look.
    assert page.plan.tasks[high].flag is not None
    assert page.flags_note.isVisible() and "1 task worth a second look" in page.flags_note.text()
    # Undo puts the suggestion back as it came: not the person's again, not flagged.
    window.undo()
    qtbot.waitUntil(lambda: page.plan.tasks[high].suggested)
    assert page.plan.flags == ()


def test_the_domain_and_the_page_count_the_same_parts():
    content = load_content()
    template = next(iter(content.tasks.values()))
    from workbook.analysis.ai_plan import is_suggestion, starter_values

    values = starter_values(template)
    suggestion = Task(1, **{k: v for k, v in values.items()})
    assert is_suggestion(suggestion, content)
    own = Task(2, **{**values, "review_hours": 0.5})
    assert not is_suggestion(own, content)
    assert status_sentence([suggestion], 0, {1}).startswith("0 of 3 parts done")
    assert status_sentence([own], 0, set()).startswith("2 of 3 parts done")


def test_the_table_stays_put_when_flags_come_and_go(open_window, qtbot):
    window, page = example_page(open_window, qtbot)
    table, model = page.table, page.model
    assert page.flags_box.isVisible()
    qtbot.waitUntil(lambda: table.mapTo(page.widget(), QPoint()).y() > 0)
    top = table.mapTo(page.widget(), QPoint()).y()
    # The flagged task gets its check: the flag goes, the status sentence gets shorter.
    assert model.setData(model.index(4, column_of("validation")), "Read it aloud to a colleague.")
    assert model.setData(model.index(4, column_of("review_hours")), 0.5)
    qtbot.waitUntil(lambda: not page.flags_box.isVisible())
    for _ in range(5):  # several passes of the layout: the table never moves (a pixel of
        QApplication.processEvents()  # rounding aside)
        assert abs(table.mapTo(page.widget(), QPoint()).y() - top) <= 1
    # And back: the flag returns, the table does not move either.
    window.undo()
    window.undo()
    qtbot.waitUntil(lambda: page.flags_box.isVisible())
    for _ in range(5):
        QApplication.processEvents()
        assert abs(table.mapTo(page.widget(), QPoint()).y() - top) <= 1


def test_counts_in_the_ai_plan_are_real_plurals(open_window, qtbot):
    window, page = example_page(open_window, qtbot)
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert texts and not [t for t in texts if re.search(r"\w\(s\)", t)]
    data = stored(window)
    one = data.__class__(**{**data.__dict__, "tasks": data.tasks[4:5]})
    reasons = {s.id: s.reason for s in analyse_ai_plan(one, load_content()).skills}
    assert reasons["managing_risk"] == "1 high-stakes task runs partly on AI."
    assert reasons["selecting_tools"] == "Your plan names one tool."
    assert reasons["ensuring_quality"] == "No task is set to run largely on its own."
    assert "(s)" not in " ".join(reasons.values())
