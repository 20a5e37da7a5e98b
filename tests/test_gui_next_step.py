"""A "Next step" button ends each step's page (issue 16): it names the step that follows,
is reached with Tab, and Space or a click shows that step; the last step has none."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.next_step import NextStepButton
from workbook.steps import STEPS

IDS = [step.id for step in STEPS]
#: The pages that end with the button so far (the AI plan's page is another's to edit).
WITH_BUTTON = ("about", "strengths", "edge", "ai_plan", "plan")


def button_of(window, step_id: str) -> NextStepButton:
    window.show_step(IDS.index(step_id))
    [button] = window.page(step_id).findChildren(NextStepButton)
    return button


@pytest.mark.parametrize("step_id", WITH_BUTTON)
def test_the_button_names_the_next_step_and_goes_there(open_window, qtbot, step_id):
    window = open_window()
    window.workbooks.start_empty()
    button = button_of(window, step_id)
    following = STEPS[IDS.index(step_id) + 1]
    assert button.text().startswith(f"Next step: {following.title}")
    assert following.title in button.accessibleName()
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_step() == IDS.index(following.id)


def test_the_button_is_pressed_from_the_keyboard(open_window, qtbot):
    window = open_window()
    window.workbooks.start_empty()
    button = button_of(window, "about")
    # Tab reaches it: it is in the page's focus chain.
    chain, widget = [], window.page("about").nextInFocusChain()
    while widget is not window.page("about") and len(chain) < 500:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    assert button in chain
    button.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert window.current_step() == IDS.index("strengths")


def test_the_last_step_has_no_next_step(open_window):
    window = open_window()
    window.workbooks.start_empty()
    window.show_step(len(STEPS) - 1)
    assert not window.page(STEPS[-1].id).findChildren(NextStepButton)
