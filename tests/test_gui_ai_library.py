"""What a person reads of the AI task library on the AI plan page: the outcome a suggested
task serves, its set-up time and its risks, the honest headline, and the new role families."""

from PySide6.QtCore import Qt

from tests.test_gui_ai_plan import choose_role_family, plan_page, started, stored
from ui.steps.ai_plan.tasks_model import column_of
from workbook.content import load_content


def test_a_suggested_task_shows_its_outcome_set_up_time_and_risks(open_window, qtbot):
    window, page = started(open_window, qtbot, family="healthcare")
    content = load_content()
    templates = content.tasks_for_family("healthcare")
    assert [t.library_task_id for t in stored(window).tasks] == [t.id for t in templates]

    first = templates[0]  # clinical notes: personal data high
    page.table.selectRow(0)
    details = page.details.text()
    assert page.details.isVisible()
    assert f"Outcome it serves: {first.outcome}" in details
    assert "Set-up: about 6 h once" in details
    for kind, level in first.risks:
        name = content.task_risks[kind].name
        assert f"{name}: {level}. {content.task_risks[kind].levels[level]}" in details
    assert "Personal data: high" in details
    assert first.risk_note in details
    assert "our own estimate" in details

    # The same, on hovering over the task's name.
    tip = page.model.index(0, column_of("name")).data(Qt.ItemDataRole.ToolTipRole)
    assert first.outcome in tip and first.risk_note in tip and "Learning work for juniors" in tip

    # A task the person added has no library text to show.
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    page.table.commit_open_editor()
    page.table.selectRow(page.model.rowCount() - 1)
    assert "Outcome it serves" not in page.details.text()


def test_the_headline_says_felt_savings_run_ahead_of_measured_ones(open_window):
    window = open_window()
    window.workbooks.start_empty()
    page = plan_page(window)
    texts = [label.text() for label in page.findChildren(type(page.details))]
    assert any("feel larger than it measures" in text for text in texts)


def test_about_you_offers_the_new_role_families(open_window, qtbot):
    window = open_window()
    window.workbooks.start_empty()
    about = window.page("about")
    offered = {about.role_family.itemData(i) for i in range(about.role_family.count())}
    assert {"healthcare", "education", "retail_hospitality", "public_sector"} <= offered
    choose_role_family(window, "public_sector")
    window.save_now()
    assert stored(window).profile.role_family == "public_sector"
