"""A goal's GROW notes on the plan page: opened from the goal card, typed into a stage's
box, stored as one change, undone in one step, and shown again on reopening."""

from PySide6.QtCore import Qt

from tests.test_gui_plan import add_goal, click, open_plan, stored


def test_a_note_typed_under_reality_is_stored_and_undone(open_window, qtbot):
    window, page = open_plan(open_window, qtbot)
    card = add_goal(qtbot, page, "Run the forecast on my own")
    notes = card.grow_notes
    assert not notes.panel.isVisible()  # closed while the goal has no notes
    assert notes.toggle.accessibleName() == "Goal 1: GROW notes"

    click(qtbot, notes.toggle)
    reality = notes.boxes["reality"]
    assert reality.isVisible()
    assert reality.accessibleName() == "Goal 1: GROW notes, Reality"
    click(qtbot, reality)
    qtbot.keyClicks(reality, "I run it with Sofia's help")
    qtbot.keyClick(reality, Qt.Key.Key_Tab)  # leaving saves
    assert stored(window).goals[0].grow_notes == {"reality": "I run it with Sofia's help"}
    assert stored(window).goals[0].title == "Run the forecast on my own"

    window.undo()
    assert stored(window).goals[0].grow_notes == {}
    assert reality.toPlainText() == ""
    assert stored(window).goals[0].title == "Run the forecast on my own"  # one step back only


def test_notes_are_kept_per_stage_and_shown_again(open_window, qtbot):
    window, page = open_plan(open_window, qtbot)
    card = add_goal(qtbot, page, "Lead the review")
    click(qtbot, card.grow_notes.toggle)
    for stage, text in (("will", "Ask Karim on Monday"), ("goal", "Lead it alone")):
        box = card.grow_notes.boxes[stage]
        click(qtbot, box)
        qtbot.keyClicks(box, text)
    window.close()  # saves what is still waiting for a pause in typing

    again = open_window()
    again.show_step(4)
    [card] = again.page("plan").goals.cards.rows()
    assert stored(again).goals[0].grow_notes == {
        "goal": "Lead it alone",
        "will": "Ask Karim on Monday",
    }
    assert card.grow_notes.panel.isVisibleTo(card)  # open: the goal has notes
    assert card.grow_notes.boxes["will"].toPlainText() == "Ask Karim on Monday"
    assert card.grow_notes.boxes["reality"].toPlainText() == ""
