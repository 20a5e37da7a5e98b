"""Rows and cards rebuilt in a long session leave nothing behind in Python: once Qt has
deleted a widget, no list, closure or reference cycle keeps its Python wrapper. The memory
this saves is measured by `make bench` (the `memory` metric), never here."""

import gc

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ui.steps.plan.pickers import FlowLayout
from ui.steps.plan.widgets import focus_order
from workbook.example import add_example

PLAN_STEP = 4
STRENGTHS_STEP = 1


def settle():
    """Let Qt delete what was handed to deleteLater."""
    for _ in range(3):
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def wrappers():
    return [obj for obj in gc.get_objects() if isinstance(obj, shiboken6.Shiboken.Object)]


def dead_wrappers(earlier):
    """Python wrappers made since `earlier` and still held whose Qt object has been deleted,
    by type (an earlier test's window may still be held by pytest itself)."""
    seen = {id(obj) for obj in earlier}  # `earlier` keeps them, so no id is used again
    found = {}
    for obj in wrappers():
        if id(obj) not in seen and not shiboken6.isValid(obj):
            found[type(obj).__name__] = found.get(type(obj).__name__, 0) + 1
    found.pop("BackgroundJob", None)  # `ui.jobs` keeps a finished job until the next one
    return found


@pytest.fixture
def no_cycle_collector():
    """Without the cycle collector, whatever a reference cycle holds stays in sight."""
    settle()
    gc.collect()
    gc.disable()
    yield
    gc.enable()


def two_workbooks(open_window, qtbot):
    window = open_window(delay_ms=0)
    qtbot.mouseClick(window.welcome.example_button, Qt.MouseButton.LeftButton)
    first = window.workbook_id
    second = add_example(window.session.db)
    return window, first, second


def test_the_tab_order_walk_leaves_no_reference_cycle(open_window, qtbot, no_cycle_collector):
    window, _, _ = two_workbooks(open_window, qtbot)
    window.show_step(PLAN_STEP)
    page = window.page("plan")
    gc.collect()
    chain = focus_order(page.widget())
    assert len(chain) > 100
    del chain
    # The walk used to be two nested functions calling each other: a cycle holding the
    # list of every widget of the page, freed only by Python's occasional full collection.
    assert gc.collect() == 0


def test_rebuilt_rows_and_cards_are_let_go_once_deleted(
    open_window, qtbot, confirmations, no_cycle_collector
):
    confirmations.answer = "Delete"
    earlier = wrappers()
    window, first, second = two_workbooks(open_window, qtbot)
    window.show_step(PLAN_STEP)
    plan = window.page("plan")
    for _ in range(3):
        # Another workbook rebuilds every goal card and row of the plan.
        window.load_workbook(second)
        window.load_workbook(first)
        plan.goals.add_button.click()
        card = plan.goals.cards.rows()[-1]
        card.add_action(title="Ask for the review")
        card.actions.rows()[-1].delete_button.click()
        card.delete_button.click()
        del card  # this test's own reference
        plan.support.add_button.click()
        plan.support.rows.rows()[-1].delete_button.click()
    window.show_step(STRENGTHS_STEP)
    strengths = window.page("strengths")
    for strength in strengths.strength_list.ids()[:8]:  # more details than are kept
        strengths.select_strength(strength)
    for _ in range(2):
        strengths.detail.add_evidence()
        strengths.detail.evidence_cards[-1].delete_button.click()
        strengths.tabs.setCurrentIndex(4)  # the energy log
        strengths.energy_log.new_entry()
        strengths.energy_log.entries.cards[0].delete_button.click()
        window.load_workbook(second)
        window.load_workbook(first)
    settle()

    assert dead_wrappers(earlier) == {}
    # What the pages keep of their rows is all on screen, or kept hidden for reuse.
    kept = [
        *plan.goals.cards.rows(),
        *(row for card in plan.goals.cards.rows() for row in card.actions.rows()),
        *plan.support.rows.rows(),
        *strengths._details.values(),
        *strengths.energy_log.entries._pool,
        *strengths.detail._evidence_pool,
    ]
    assert kept and all(shiboken6.isValid(widget) for widget in kept)


def test_a_flow_layout_deletes_its_items_taken_out_and_left_in(qtbot):
    """Qt leaves a layout's items to the layout: the goal's links were laid out by one that
    never deleted them, so every refill of the chips and every goal card rebuilt left its
    items behind in C++ (about 100 bytes each)."""
    box = QWidget()
    qtbot.addWidget(box)
    flow = FlowLayout(box)
    labels = [QLabel(str(n)) for n in range(3)]
    for label in labels:
        flow.addWidget(label)
    items = [flow.itemAt(n) for n in range(3)]
    flow.clear()
    assert flow.count() == 0
    assert not any(shiboken6.isValid(item) for item in items)
    assert all(shiboken6.isValid(label) for label in labels)  # widgets are their owner's
    flow.addWidget(labels[0])
    left_in = flow.itemAt(0)
    box.deleteLater()
    settle()
    assert not shiboken6.isValid(left_in)
