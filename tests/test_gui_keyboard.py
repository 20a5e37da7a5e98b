"""The keyboard alone: a rating is one Tab stop with arrows inside, a 2 px focus ring
shows where the focus is, the welcome page answers Return, and a strength is chosen and
rated on skill, energy and edge without the mouse (issue 16)."""

import functools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui import focus, style
from ui.contrast import ratio
from ui.rating import RatingSelector
from workbook.data import load_workbook_data

LEVELS = {1: "Never", 2: "Rarely", 3: "Sometimes", 4: "Often", 5: "Always"}


@pytest.fixture
def open_window(open_window):
    return functools.partial(open_window, delay_ms=50)


def styled(qtbot):
    """Wait for the window to put ui.style in place (once its workbook is on screen)."""
    qtbot.waitUntil(lambda: isinstance(QApplication.style(), style.ContrastStyle))


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key pressed on whatever has the focus, as a person's keyboard would."""
    qtbot.keyClick(focused(), key, modifier)


@pytest.fixture
def rating_form(qtbot):
    """A field, a rating, a field: the rating between them in the Tab order."""
    form = QWidget()
    layout = QVBoxLayout(form)
    before, after = QLineEdit(), QLineEdit()
    selector = RatingSelector("Energy: Coaching", LEVELS)
    for widget in (before, selector, after):
        layout.addWidget(widget)
    qtbot.addWidget(form)
    with qtbot.waitActive(form):
        form.show()
        form.activateWindow()
    before.setFocus()
    yield before, selector, after
    form.close()


def test_a_rating_is_one_tab_stop_with_arrow_keys_inside(rating_form, qtbot):
    before, selector, after = rating_form
    chosen = []
    selector.chosen.connect(chosen.append)

    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is selector.buttons[1]  # nothing chosen yet: the first level
    assert selector.description.text() == "If you choose it: 1: Never"
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is after  # one stop, not five
    press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is selector.buttons[1]

    press(qtbot, Qt.Key.Key_Right)
    assert (selector.value(), focused()) == (2, selector.buttons[2])
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert selector.value() == 4
    press(qtbot, Qt.Key.Key_Up)
    assert selector.value() == 3
    assert selector.description.text() == "3: Sometimes"
    press(qtbot, Qt.Key.Key_End)
    assert (selector.value(), focused()) == (5, selector.buttons[5])
    press(qtbot, Qt.Key.Key_Right)  # the last level stays chosen
    press(qtbot, Qt.Key.Key_Home)
    press(qtbot, Qt.Key.Key_Left)
    assert selector.value() == 1
    assert chosen == [2, 3, 4, 3, 5, 1]
    assert selector.buttons[1].isChecked()
    assert not any(selector.buttons[level].isChecked() for level in (2, 3, 4, 5))

    # Tab away and back: the chosen level is the stop.
    press(qtbot, Qt.Key.Key_4)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is selector.buttons[4]
    press(qtbot, Qt.Key.Key_Delete)
    assert selector.value() is None and chosen[-1] is None
    press(qtbot, Qt.Key.Key_Space)
    assert selector.value() == 4


def test_a_rating_names_its_group_and_level_for_a_screen_reader(rating_form):
    _before, selector, _after = rating_form
    selector.set_value(3)
    button = selector.buttons[3]
    assert selector.accessibleName() == "Energy: Coaching"
    assert button.accessibleName() == "Energy: Coaching: 3 of 5"
    assert button.accessibleDescription() == "Sometimes"
    assert button.isCheckable() and button.isChecked()
    selector.setFocus()  # a label's buddy or a page focuses the selector: its stop
    assert focused() is button


def _ring_pixels(window, widget):
    """The colours in the 2 px band just outside `widget`, in the window as painted."""
    image = window.grab().toImage()
    scale = image.width() / window.width()
    top_left = widget.mapTo(window, widget.rect().topLeft())
    middle_y = top_left.y() + widget.height() // 2
    middle_x = top_left.x() + widget.width() // 2
    points = [(top_left.x() - 1, middle_y), (top_left.x() - 2, middle_y)]
    points += [(middle_x, top_left.y() - 1), (middle_x, top_left.y() - 2)]
    return [image.pixelColor(int(x * scale), int(y * scale)) for x, y in points]


def test_the_focus_ring_is_2_px_where_the_keyboard_is_and_not_after_a_click(open_window, qtbot):
    window = open_window()
    styled(qtbot)
    window.workbooks.start_empty()
    window.sidebar.setFocus(Qt.FocusReason.TabFocusReason)
    press(qtbot, Qt.Key.Key_Tab)
    target = focused()
    assert target is not window.sidebar
    qtbot.waitUntil(lambda: focus.ring_widget() is target)
    colour = QColor(style.focus_colour(target.palette()))
    background = window.palette().color(window.backgroundRole())
    assert ratio(colour, background) >= 3.0
    for pixel in _ring_pixels(window, target):
        assert ratio(pixel, background) >= 2.5, pixel.name()  # both pixels of the band

    # The step list shows it too.
    press(qtbot, Qt.Key.Key_Backtab)
    while focused() is not window.sidebar:
        press(qtbot, Qt.Key.Key_Backtab)
    qtbot.waitUntil(lambda: focus.ring_widget() is window.sidebar)


def test_a_click_leaves_no_ring_but_a_field_typed_in_has_one(open_window, qtbot):
    open_window()
    styled(qtbot)  # the window installs the style and the ring
    form = QWidget()
    layout = QVBoxLayout(form)
    button, field = QPushButton("Do it"), QLineEdit()
    layout.addWidget(field)  # the focus starts here
    layout.addWidget(button)
    qtbot.addWidget(form)
    with qtbot.waitActive(form):
        form.show()
        form.activateWindow()
    # Through the window, as the system delivers a click (the buttons held are known).
    click = button.mapTo(form, button.rect().center())
    qtbot.mouseClick(form.windowHandle(), Qt.MouseButton.LeftButton, pos=click)
    assert focused() is button
    assert focus.ring_widget() is None
    press(qtbot, Qt.Key.Key_Backtab)
    qtbot.waitUntil(lambda: focus.ring_widget() is field)
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: focus.ring_widget() is button)  # reached by the keyboard
    click = field.mapTo(form, field.rect().center())
    qtbot.mouseClick(form.windowHandle(), Qt.MouseButton.LeftButton, pos=click)
    qtbot.waitUntil(lambda: focus.ring_widget() is field)  # clicked, but typed in
    form.close()


def test_the_welcome_page_has_the_focus_so_return_starts_a_workbook(open_window, qtbot):
    window = open_window()
    welcome = window.welcome
    qtbot.waitUntil(lambda: focused() is welcome.empty_button)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workbook_id is not None)
    assert window.current_step() == 0


def test_a_strength_is_chosen_and_rated_by_keys_alone(open_window, qtbot):
    window = open_window()
    qtbot.waitUntil(lambda: focused() is window.welcome.empty_button)
    press(qtbot, Qt.Key.Key_Return)  # start my own workbook
    qtbot.waitUntil(lambda: window.workbook_id is not None)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Go ▸ Strengths
    page = window.page("strengths")
    tree = page.strength_list.tree

    tabs = 0
    while focused() is not tree:
        press(qtbot, Qt.Key.Key_Tab)
        tabs += 1
        assert tabs < 20, f"the list of strengths is not reached by Tab ({focused()})"
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    strength = page.strength_list.current_id()
    assert strength is not None and page.detail.entry.id == strength

    detail = page.detail
    tabs = 0
    while focused() not in detail.proficiency.buttons.values():
        press(qtbot, Qt.Key.Key_Tab)
        tabs += 1
        assert tabs < 10, f"the skill rating is not reached by Tab ({focused()})"
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Right)  # 1 → 4
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() in detail.energy.buttons.values()  # one Tab from rating to rating
    press(qtbot, Qt.Key.Key_End)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() in detail.edge.buttons.values()
    press(qtbot, Qt.Key.Key_Right)

    qtbot.waitUntil(lambda: not window.autosaver.has_pending(), timeout=3000)
    rating = load_workbook_data(window.session.db, window.workbook_id).ratings[strength]
    assert (rating.proficiency, rating.energy, rating.edge) == (4, 5, 2)

    # Back to the list: as many Shift+Tabs as Tabs came, a handful.
    back = 0
    while focused() is not tree:
        press(qtbot, Qt.Key.Key_Backtab)
        back += 1
        assert back < 10
