"""The mouse wheel changes no answer it is not aimed at (`ui/wheel_guard.py`).

Every step of the example workbook, every tab of it: the wheel, sent as the mouse sends
it (through the window, to whatever is under the pointer), over every drop-down, number
box, date and slider that does not have focus leaves the control and the stored workbook
as they were, and scrolls the page instead. A control the person has focused still
takes the wheel.
"""

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollArea,
    QScrollBar,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from ui.steps.plan.pickers import PickList
from workbook.data import load_workbook_data
from workbook.example import add_example
from workbook.session import Session
from workbook.steps import STEPS
from workbook.workbook_file.writing import json_text, to_document

NOTCH = 120  # one step of a mouse wheel, in eighths of a degree
CONTROLS = (QComboBox, QAbstractSpinBox, QAbstractSlider)
#: How many of those controls the example workbook shows at least on each step's page
#: (the window's workbook switcher, on every step, comes on top), so the test cannot pass
#: by finding none. The edge and export steps have none (buttons and check boxes there).
ON_PAGE = {"about": 2, "strengths": 9, "edge": 0, "ai_plan": 9, "plan": 40, "export": 0}


@pytest.fixture
def window(open_window, db_path):
    """The main window on a database holding only the example workbook."""
    session = Session.open(db_path)
    add_example(session.db)
    session.close()
    return open_window()


def stored(window) -> str:
    """The whole stored workbook, as the workbook file would hold it, after saving."""
    window.autosaver.flush()
    document = to_document(load_workbook_data(window.session.db, window.workbook_id))
    del document["exported_at"]
    return json_text(document)


def scroll_areas(widget: QWidget) -> list[QScrollArea]:
    """The scroll areas around `widget`, innermost first."""
    areas, parent = [], widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            areas.append(parent)
        parent = parent.parentWidget()
    return areas


def into_view(widget: QWidget) -> None:
    QApplication.processEvents()
    for area in scroll_areas(widget):
        area.ensureWidgetVisible(widget)
    QApplication.processEvents()


def show_tab(tabs: QTabWidget, index: int) -> None:
    """Bring a tab on screen, first choosing the tabs of any tab widget around it."""
    child, parent = tabs, tabs.parentWidget()
    while parent is not None:
        outer = parent.parentWidget()
        if isinstance(parent, QStackedWidget) and isinstance(outer, QTabWidget):
            outer.setCurrentWidget(child)
        child, parent = parent, outer
    tabs.setCurrentIndex(index)
    QApplication.processEvents()


def views(page: QWidget):
    """Show each view of a step page in turn: the page, then every tab of every tab
    widget on it (tabs inside tabs too); yields a name for each."""
    yield "page"
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):
            show_tab(tabs, index)
            yield f"{tabs.accessibleName() or 'tabs'}: {tabs.tabText(index)}"


def unfocused_controls(window) -> list[QWidget]:
    """The drop-downs, number boxes, dates and sliders on screen that lack focus."""
    return [
        widget
        for widget in window.findChildren(QWidget)
        if isinstance(widget, CONTROLS)
        and not isinstance(widget, QScrollBar)
        and widget.isVisible()
        and not widget.hasFocus()
    ]


def value(control: QWidget) -> object:
    if isinstance(control, QComboBox):
        return control.currentIndex(), control.currentText()
    if isinstance(control, QAbstractSpinBox):
        return control.text()
    return control.value()


def wheel(window, control: QWidget, notches: int) -> None:
    """Turn the wheel over the middle of `control`, as the mouse does: the window finds
    what is under the pointer and Qt hands the event on up from there."""
    into_view(control)
    spot = control.mapTo(window, control.rect().center())
    under = window.childAt(spot)
    assert under is control or control.isAncestorOf(under), (control, under)
    QTest.wheelEvent(window.windowHandle(), QPointF(spot), QPoint(0, notches * NOTCH))
    QApplication.processEvents()


def test_the_wheel_over_an_unfocused_control_changes_nothing_on_any_step(window, qtbot):
    before = stored(window)
    taken, saved_on, found = [], [], {}
    for number, step in enumerate(STEPS):
        window.show_step(number)
        page = window.page(step.id)
        seen: dict[int, QWidget] = {}  # holding the widgets keeps their ids apart
        for view in views(page):
            window.sidebar.setFocus()  # no control of the page has focus
            for control in unfocused_controls(window):
                if id(control) in seen:
                    continue
                seen[id(control)] = control
                was = value(control)
                for notches in (1, 1, -1, -1, -1, 3, -3):
                    wheel(window, control, notches)
                if value(control) != was or control.hasFocus():
                    taken.append((step.id, view, control.accessibleName()))
        assert window.switcher in seen.values()
        found[step.id] = sum(page.isAncestorOf(c) for c in seen.values())
        if stored(window) != before or window.session.history.can_undo(window.workbook_id):
            saved_on.append(step.id)
    assert taken == []
    assert saved_on == []
    assert all(found[step] >= least for step, least in ON_PAGE.items()), found


def plan_control_in_view(window) -> tuple[QScrollArea, QWidget]:
    """The plan page at its top and an unfocused control there, well inside the view."""
    window.show_step([s.id for s in STEPS].index("plan"))
    page = window.page("plan")
    window.sidebar.setFocus()
    QApplication.processEvents()
    bar = page.verticalScrollBar()
    bar.setValue(bar.minimum())
    assert bar.maximum() > bar.minimum()  # the page is longer than the window
    viewport = page.viewport()
    for control in unfocused_controls(window):
        top = control.mapTo(viewport, QPoint(0, 0)).y()
        if page.isAncestorOf(control) and top >= 0 and top + control.height() <= viewport.height():
            return page, control
    raise AssertionError("no control in view at the top of the plan page")


def test_the_wheel_over_an_unfocused_control_scrolls_the_page(window, qtbot):
    page, control = plan_control_in_view(window)
    was = value(control)
    bar = page.verticalScrollBar()
    top = bar.value()
    wheel(window, control, -1)  # down
    assert bar.value() > top
    assert value(control) == was
    # The scroll bar itself still takes the wheel.
    top = bar.value()
    spot = bar.mapTo(window, bar.rect().center())
    assert window.childAt(spot) is bar
    QTest.wheelEvent(window.windowHandle(), QPointF(spot), QPoint(0, -NOTCH))
    assert bar.value() > top


def test_a_focused_control_still_takes_the_wheel(window, qtbot):
    window.show_step([s.id for s in STEPS].index("about"))
    page = window.page("about")
    for control in (page.years, page.role_family):
        was = value(control)
        control.setFocus()
        qtbot.waitUntil(control.hasFocus)
        wheel(window, control, -1)
        assert value(control) != was, control.accessibleName()


def test_a_builds_on_list_never_takes_the_wheel(window, qtbot):
    """Each pick in it adds a link, so even with focus the wheel scrolls the page."""
    before = stored(window)
    window.show_step([s.id for s in STEPS].index("plan"))
    picker = window.page("plan").findChildren(PickList)[0]
    picker.setFocus()
    qtbot.waitUntil(picker.hasFocus)
    was = value(picker)
    for notches in (-1, -1, 1):
        wheel(window, picker, notches)
    assert value(picker) == was
    assert stored(window) == before


def test_a_list_still_scrolls_under_the_wheel(window, qtbot):
    window.show_step([s.id for s in STEPS].index("strengths"))
    tree = window.page("strengths").strength_list.tree
    bar = tree.verticalScrollBar()
    bar.setValue(bar.minimum())
    assert bar.maximum() > bar.minimum()  # the list is longer than its view
    spot = tree.viewport().mapTo(window, tree.viewport().rect().center())
    QTest.wheelEvent(window.windowHandle(), QPointF(spot), QPoint(0, -NOTCH))
    assert bar.value() > bar.minimum()
