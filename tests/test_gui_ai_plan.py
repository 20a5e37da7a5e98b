"""The AI-amplification page as a person uses it: tasks, hours freed, flags, reinvestment."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QDoubleSpinBox, QScrollArea

from ui.steps.ai_plan.editors import CellTextEdit
from ui.steps.ai_plan.tasks_model import COLUMNS, COMPACT_ROLE, column_of
from ui.steps.ai_plan.tasks_view import AgencySpinBox, share_width
from ui.steps.ai_plan.text import agency_notes, agency_text, status_sentence, totals_sentence
from workbook.analysis.ai_plan import analyse_ai_plan
from workbook.content import load_content
from workbook.data import Task, load_workbook_data

AI_PLAN = 3


def choose_role_family(window, family_id):
    """Pick a role family in About you, the way the combo box does."""
    window.show_step(0)
    about = window.page("about")
    index = about.role_family.findData(family_id)
    about.role_family.setFocus()
    about.role_family.setCurrentIndex(index)
    about.role_family.activated.emit(index)


def editor_closed(qtbot, table):
    """Enter commits and closes a cell editor on the next pass of the event loop."""
    qtbot.waitUntil(lambda: table.open_editor() is None, timeout=3000)


def plan_page(window):
    window.show_step(AI_PLAN)
    return window.page("ai_plan")


def stored(window):
    return load_workbook_data(window.session.db, window.workbook_id)


def started(open_window, qtbot, family="data"):
    """A new workbook, a role family chosen, and the page started from it."""
    window = open_window()
    window.workbooks.start_empty()
    choose_role_family(window, family)
    page = plan_page(window)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    return window, page


def test_start_from_role_family_adds_the_library_tasks(open_window, qtbot):
    window, page = started(open_window, qtbot)
    templates = load_content().tasks_for_family("data")
    tasks = stored(window).tasks
    assert [t.library_task_id for t in tasks] == [t.id for t in templates]
    first = templates[0]
    assert (tasks[0].name, tasks[0].hours_per_week, tasks[0].ai_share) == (
        first.name,
        first.hours_hint,
        first.ai_share,
    )
    assert (tasks[0].mode, tasks[0].stakes, tasks[0].validation) == (
        first.mode,
        first.stakes,
        first.validation,
    )
    assert page.model.rowCount() == len(templates)
    assert page.model.index(0, column_of("name")).data() == first.name
    assert "Added" in page.task_message.text() and "starting points" in page.task_message.text()
    assert page.starting_points.isVisible()
    assert "starting points" in page.starting_points.text()

    # A second click adds nothing twice.
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert len(stored(window).tasks) == len(templates)
    assert "already in your list" in page.task_message.text()


def test_without_a_role_family_the_page_points_to_about_you(open_window, qtbot):
    window = open_window()
    window.workbooks.start_empty()
    page = plan_page(window)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert "About you" in page.task_message.text()
    assert page.task_message.isVisible()
    assert stored(window).tasks == ()


def test_editing_hours_in_the_table_changes_the_hours_freed(open_window, qtbot):
    window, page = started(open_window, qtbot)
    before = page.plan.hours_freed
    table, model = page.table, page.model
    index = model.index(0, column_of("hours_per_week"))
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.open_editor()
    assert isinstance(editor, QDoubleSpinBox)
    editor.selectAll()
    qtbot.keyClicks(editor, "20")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    editor_closed(qtbot, table)

    task = stored(window).tasks[0]
    assert task.hours_per_week == 20
    plan = analyse_ai_plan(stored(window), load_content())
    assert plan.hours_freed > before
    assert page.plan == plan
    assert model.index(0, column_of("hours_per_week")).data() == "20 h"
    assert model.index(0, column_of("freed")).data() == f"{plan.tasks[0].hours_freed:g} h"
    assert page.totals.text() == totals_sentence(plan)
    assert f"{plan.hours_freed:g} h a week freed of {plan.hours_per_week:g} h" in (
        page.totals.text()
    )
    assert page.chart.bars()[0].hours == 20
    assert page.chart.bars()[0].freed == plan.tasks[0].hours_freed


def test_the_share_is_shown_and_edited_in_percent(open_window, qtbot):
    window, page = started(open_window, qtbot)
    index = page.model.index(0, column_of("ai_share"))
    assert page.model.setData(index, 80)  # what the percent spin box hands over
    assert stored(window).tasks[0].ai_share == pytest.approx(0.8)
    assert index.data() == "80 %"


def test_the_agency_kept_is_chosen_with_its_meaning(open_window, qtbot):
    window, page = started(open_window, qtbot)
    table, model = page.table, page.model
    index = model.index(0, column_of("agency"))
    assert index.data() == "Not set"
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.open_editor()
    assert "What you keep" in editor.accessibleName()
    editor.selectAll()
    qtbot.keyClicks(editor, "4")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    editor_closed(qtbot, table)
    assert stored(window).tasks[0].agency == 4
    assert index.data() == "4 · I do it, AI helps"


def test_an_allocation_over_the_hours_freed_is_refused(open_window, qtbot, confirmations):
    window, page = started(open_window, qtbot)
    freed = page.plan.hours_freed
    assert freed > 0
    panel = page.reinvest
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    [placed] = stored(window).reinvestments
    assert 0 < placed.hours <= freed
    assert "have a place" in panel.remaining.text() or "still free" in panel.remaining.text()

    spin = panel.rows[0].hours
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "70")
    qtbot.keyClick(spin, Qt.Key.Key_Return)

    assert panel.message.isVisible()
    assert "at most" in panel.message.text()
    assert f"{freed:.1f} h" in panel.message.text()
    [kept] = stored(window).reinvestments
    assert kept.hours == placed.hours  # nothing over the limit was stored
    assert spin.value() == placed.hours

    # A value that fits is taken, and the message goes away.
    spin.selectAll()
    qtbot.keyClicks(spin, "1")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert stored(window).reinvestments[0].hours == 1
    assert not panel.message.isVisible()
    assert "still free to place" in panel.remaining.text()

    confirmations.answer = "Remove"
    qtbot.mouseClick(panel.rows[0].remove, Qt.MouseButton.LeftButton)
    assert stored(window).reinvestments == ()


def test_a_high_stakes_task_without_validation_is_flagged(open_window, qtbot):
    window = open_window()
    window.workbooks.start_empty()
    page = plan_page(window)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    editor = page.table.open_editor()
    assert isinstance(editor, CellTextEdit)
    qtbot.keyClicks(editor, "Board report")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    editor_closed(qtbot, page.table)
    assert stored(window).tasks[0].name == "Board report"
    assert not page.flags_box.isVisible()

    model = page.model
    for field, value in (
        ("hours_per_week", 4.0),
        ("mode", "augment"),
        ("ai_share", 50),
    ):
        assert model.setData(model.index(0, column_of(field)), value)  # as the delegate does
    # Stakes from the combo box editor, as a person picks it.
    stakes = model.index(0, column_of("stakes"))
    page.table.setCurrentIndex(stakes)
    page.table.edit(stakes)
    combo = page.table.open_editor()
    high = combo.findData("high")
    combo.setCurrentIndex(high)
    combo.activated.emit(high)
    editor_closed(qtbot, page.table)
    assert stored(window).tasks[0].stakes == "high"
    assert page.flags_box.isVisible()
    assert "Board report" in page.flags_box.flags()
    assert "no validation step" in page.flags_box.flags()
    assert model.index(0, column_of("name")).data(Qt.ItemDataRole.DecorationRole) is not None

    model.setData(model.index(0, column_of("validation")), "A colleague reads it first")
    model.setData(model.index(0, column_of("review_hours")), 0.5)
    assert not page.flags_box.isVisible()
    assert model.index(0, column_of("name")).data(Qt.ItemDataRole.DecorationRole) is None


def test_reorder_with_buttons_and_keys_then_delete(open_window, qtbot, confirmations):
    window, page = started(open_window, qtbot)
    ids = [t.id for t in stored(window).tasks]
    table = page.table
    page.table.selectRow(0)
    qtbot.mouseClick(page.down_button, Qt.MouseButton.LeftButton)
    assert [t.id for t in stored(window).tasks][:3] == [ids[1], ids[0], ids[2]]
    assert page.model.task(1).id == ids[0]
    assert table.currentIndex().row() == 1  # the moved task stays selected

    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [t.id for t in stored(window).tasks] == ids
    assert table.currentIndex().row() == 0
    assert not page.up_button.isEnabled()

    page.table.selectRow(2)
    confirmations.answer = "Cancel"
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert len(stored(window).tasks) == len(ids)
    confirmations.answer = "Remove"
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert [t.id for t in stored(window).tasks] == ids[:2] + ids[3:]
    assert [page.model.task(r).id for r in range(page.model.rowCount())] == ids[:2] + ids[3:]


def test_the_model_passes_qt_model_checks(open_window, qtbot, qtmodeltester, confirmations):
    window, page = started(open_window, qtbot)
    model = page.model
    qtmodeltester.check(model, force_py=False)
    # The checker keeps watching while the model changes.
    model.setData(model.index(1, column_of("name")), "Renamed")
    page.table.selectRow(1)
    page.move_down()
    confirmations.answer = "Remove"
    page.remove_task()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    page.table.commit_open_editor()
    qtmodeltester.check(model, force_py=True)


def test_tasks_survive_closing_and_reopening(open_window, qtbot):
    window, page = started(open_window, qtbot)
    names = [page.model.task(r).name for r in range(page.model.rowCount())]
    # A cell still being edited when the window closes is saved too.
    index = page.model.index(0, column_of("tool"))
    page.table.setFocus()
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    qtbot.keyClicks(page.table.open_editor(), "our notebook assistant")
    window.close()

    again = open_window()
    page = plan_page(again)
    assert [page.model.task(r).name for r in range(page.model.rowCount())] == names
    assert page.model.index(0, column_of("tool")).data() == "our notebook assistant"


def test_example_shows_skills_by_gap_and_the_reinvestment_plan(open_window, qtbot):
    window = open_window()
    window.workbooks.add_example()
    page = plan_page(window)
    plan = page.plan
    assert page.skills.order() == [s.id for s in plan.skills]
    # Those not rated yet first, with no gap; then the rated ones, largest gap first.
    unrated = [s for s in plan.skills if s.rating is None]
    assert unrated and all(s.gap is None for s in unrated)
    assert list(plan.skills[: len(unrated)]) == unrated
    gaps = [s.gap for s in plan.skills[len(unrated) :]]
    assert gaps == sorted(gaps, reverse=True)
    numbers = page.skills.rows[unrated[0].id].numbers.text()
    assert numbers.endswith("· not rated yet") and "gap" not in numbers
    rated = next(s for s in plan.skills if s.rating is not None)
    text = page.skills.rows[rated.id].rating.text()
    assert f"{rated.rating} of 5" in text and "on the Strengths step" in text
    assert page.totals.text() == "8.9 h a week freed of 32.5 h, after 3.3 h of review."
    assert "Drafting insight summaries" in page.flags_box.flags()

    first = page.reinvest.rows[0]
    assert first.kind.currentData() == "goal"
    assert first.target.currentText() == stored(window).goals[0].title
    assert "2.3 h of the 8.9 h" in page.reinvest.remaining.text()

    # Choosing another kind of target stores it and offers that kind's list.
    index = first.kind.findData("path")
    first.kind.setCurrentIndex(index)
    first.kind.activated.emit(index)
    item = stored(window).reinvestments[0]
    assert (item.target_kind, item.target_id) == ("path", "")
    assert first.target.findData("orchestrator") > 0


def test_words_for_the_plan():
    task = Task(1, "Weekly report", 4.0, "augment", 0.6, agency=5)
    [note] = agency_notes([task])
    assert "choice to respect" in note
    watch = Task(2, "Scheduling", 2.0, "augment", 0.1, agency=1)
    assert "opportunity to watch" in agency_notes([watch])[0]
    assert "Next: decide where the freed hours go" not in status_sentence([], 0)
    assert "Next: list the tasks" in status_sentence([], 0)
    assert "“Weekly report”" in status_sentence([task], 0)


def fits(table, text, width):
    """Whether `text` shows whole in a cell `width` wide, on the lines a row has."""
    room = width - table.cell_padding()
    metrics = table.fontMetrics()
    bounds = metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, text)
    return bounds.width() <= room and bounds.height() <= table.LINES * metrics.lineSpacing()


def settled(qtbot, table):
    """Wait for the table to take its width in the page's layout."""
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() >= table.viewport().width() > 0, timeout=3000)


def test_the_task_table_fits_the_default_window(open_window, qtbot):
    window = open_window()
    assert (window.width(), window.height()) == (1100, 760)  # the size a first start opens at
    window.workbooks.add_example()
    page = plan_page(window)
    table, model = page.table, page.model
    header = table.horizontalHeader()
    settled(qtbot, table)

    # Every column on screen at once, nothing to scroll sideways.
    assert header.length() == table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    assert not any(header.isSectionHidden(n) for n in range(len(COLUMNS)))
    for number, column in enumerate(COLUMNS):
        width = header.sectionSize(number)
        if column.stretch:  # long text wraps and elides, but keeps a width worth reading
            assert width >= table.minimum_width(number)
        else:  # numbers and choices are never cut short
            for row in range(model.rowCount()):
                index = model.index(row, number)
                shown = index.data(COMPACT_ROLE) or index.data()
                assert fits(table, shown, width), (column.name, shown, width)

    # "What you keep" shows a word or two; its full meaning is read, hovered and edited.
    task = stored(window).tasks[0]
    full = agency_text(task.agency)
    keep = model.index(0, column_of("agency"))
    assert keep.data() == full  # the display role, which screen readers read
    assert full in keep.data(Qt.ItemDataRole.ToolTipRole)
    assert keep.data(COMPACT_ROLE).startswith(f"{task.agency} · ")
    assert len(keep.data(COMPACT_ROLE)) < len(full)
    table.setFocus()
    table.setCurrentIndex(keep)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.open_editor()
    assert isinstance(editor, AgencySpinBox)
    assert editor.text() == full
    assert editor.width() >= editor.fontMetrics().horizontalAdvance(full)
    assert editor.x() >= 0 and editor.geometry().right() < table.viewport().width()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    editor_closed(qtbot, table)
    assert stored(window).tasks[0].agency == task.agency

    # A header cut onto two lines is read as one.
    risk = column_of("risk_note")
    assert "\n" in model.headerData(risk, Qt.Orientation.Horizontal)
    spoken = model.headerData(risk, Qt.Orientation.Horizontal, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Risk if AI gets it wrong"
    # Long text cut short in its cell is whole in the tooltip.
    validation = model.index(0, column_of("validation"))
    assert validation.data(Qt.ItemDataRole.ToolTipRole) == task.validation


def test_a_narrow_window_scrolls_the_table_rather_than_crush_it(open_window, qtbot):
    window = open_window()
    window.workbooks.add_example()
    page = plan_page(window)
    table = page.table
    header = table.horizontalHeader()
    settled(qtbot, table)

    window.resize(900, 760)
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0, timeout=3000)
    for number, column in enumerate(COLUMNS):
        if column.stretch:
            assert header.sectionSize(number) == table.minimum_width(number)
        else:
            assert header.sectionSize(number) == table.natural_width(number)

    window.resize(1100, 760)
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0, timeout=3000)
    assert header.length() == table.viewport().width()


def test_spare_width_is_shared_by_weight_above_each_minimum():
    assert share_width(300, {0: 1, 1: 2}, {0: 10, 1: 10}) == {0: 100, 1: 200}
    # Rounding leftovers go to the first column, so the widths fill the room exactly.
    assert share_width(100, {0: 1, 1: 1, 2: 1}, {0: 0, 1: 0, 2: 0}) == {0: 34, 1: 33, 2: 33}
    # A column whose share falls below its minimum keeps the minimum; the rest share the rest.
    assert share_width(200, {0: 1, 1: 3}, {0: 80, 1: 50}) == {0: 80, 1: 120}
    # When even the minimums do not fit, every column keeps its minimum.
    assert share_width(50, {0: 1, 1: 1}, {0: 40, 1: 40}) == {0: 40, 1: 40}


def test_the_page_fits_a_narrow_window_and_the_columns_line_up(open_window, qtbot):
    """At 900 px the reinvestment rows narrow their "which one" list instead of pushing the
    whole page sideways, and the header's labels stay above their columns."""
    window = open_window()
    window.workbooks.add_example()
    page = plan_page(window)
    panel = page.reinvest
    window.resize(900, 760)
    qtbot.waitUntil(lambda: panel.rows and panel.rows[0].target.width() < 360, timeout=3000)
    area = page if isinstance(page, QScrollArea) else page.findChild(QScrollArea)
    assert area.horizontalScrollBar().maximum() == 0
    header = panel.header.layout()
    for row in panel.rows:
        for number, control in enumerate((row.hours, row.kind, row.target)):
            label = header.itemAt(number).widget()
            assert (label.x(), label.width()) == (control.x(), control.width())


# ---- undo of whole rows ----------------------------------------------------------------------


def test_starting_from_a_role_family_is_one_step_to_undo(open_window, qtbot):
    window, page = started(open_window, qtbot)
    count = len(load_content().tasks_for_family("data"))
    assert count > 1 and len(stored(window).tasks) == count
    assert window.undo_action.text() == f"&Undo add {count} tasks typical for Data and analytics"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window).tasks == ()
    assert page.model.rowCount() == 0
    window.redo_action.trigger()
    assert [t.library_task_id for t in stored(window).tasks] == [
        t.id for t in load_content().tasks_for_family("data")
    ]
    assert page.model.rowCount() == count


def test_a_removed_task_comes_back_with_undo(open_window, qtbot, confirmations):
    window, page = started(open_window, qtbot)
    before = stored(window).tasks
    table = page.table
    table.setFocus()
    table.selectRow(1)
    confirmations.answer = "Remove"
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert [t.id for t in stored(window).tasks] == [t.id for t in before if t.id != before[1].id]
    assert window.undo_action.text() == "&Undo delete a task"
    window.undo_action.trigger()
    assert stored(window).tasks == before  # same id, place, hours and notes
    assert page.model.index(1, column_of("name")).data() == before[1].name


def test_an_added_task_goes_away_with_undo_and_a_move_goes_back(open_window, qtbot):
    window, page = started(open_window, qtbot)
    before = stored(window).tasks
    page.table.selectRow(0)
    qtbot.mouseClick(page.down_button, Qt.MouseButton.LeftButton)
    assert [t.id for t in stored(window).tasks][:2] == [before[1].id, before[0].id]
    assert window.undo_action.text() == "&Undo move a task"
    window.undo_action.trigger()
    assert stored(window).tasks == before
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    editor = page.table.open_editor()
    if editor is not None:
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert len(stored(window).tasks) == len(before) + 1
    window.undo_action.trigger()
    assert stored(window).tasks == before


def test_the_added_message_names_the_family_and_goes_when_undone(open_window, qtbot):
    window, page = started(open_window, qtbot)
    assert "typical for Data and analytics" in page.task_message.text()
    window.undo_action.trigger()
    assert not page.task_message.isVisible()
