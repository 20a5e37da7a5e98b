"""Nothing moves under the pointer (issue 16): a rating's level description keeps the
height of its longest level, so hovering or choosing a level never pushes the next row."""

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.helpers.strengths import choose_strength
from ui.rating import RatingSelector
from workbook.content import load_content

LONG = "a level whose description runs on " * 8


def enter(button) -> None:
    QApplication.sendEvent(button, QEnterEvent(QPointF(3, 3), QPointF(3, 3), QPointF(3, 3)))


def leave(button) -> None:
    QApplication.sendEvent(button, QEvent(QEvent.Type.Leave))


def test_a_long_level_description_takes_its_room_before_it_is_shown(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    holder.resize(360, 400)
    selector = RatingSelector("Test", {1: "short", 2: LONG, 3: "middling " * 4}, holder)
    selector.setGeometry(0, 0, 360, selector.heightForWidth(360))
    holder.show()
    qtbot.waitExposed(holder)
    before = selector.description.height()
    heights = set()
    for button in selector.buttons.values():
        enter(button)
        heights.add((selector.description.height(), selector.description.sizeHint().height()))
        leave(button)
    selector.set_value(2)
    heights.add((selector.description.height(), selector.description.sizeHint().height()))
    assert {height for height, _ in heights} == {before}
    assert len({hint for _, hint in heights}) == 1
    # The reserved room holds the longest text, wrapped, not just one line.
    assert before > 2 * selector.description.fontMetrics().lineSpacing()


def test_hovering_a_level_on_the_strengths_step_moves_no_row(open_window, qtbot):
    window = open_window()
    window.workbooks.start_empty()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.page("strengths")
    strength = next(iter(load_content().strengths.values()))
    choose_strength(qtbot, page, strength.id)
    detail = page.detail
    QApplication.processEvents()
    rows = [detail.proficiency, detail.energy, detail.edge]
    where = [row.mapTo(detail, row.rect().topLeft()).y() for row in rows]
    for selector in rows:
        for button in selector.buttons.values():
            enter(button)
            QApplication.processEvents()
            assert [r.mapTo(detail, r.rect().topLeft()).y() for r in rows] == where
            leave(button)
        # Level 1: a chosen description of its own, and no overuse note appearing below.
        qtbot.mouseClick(selector.buttons[1], Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        assert [r.mapTo(detail, r.rect().topLeft()).y() for r in rows] == where
