"""Names and prompts are shown whole (issue 16): at a narrow window the strengths list
wraps "Innovation and experimentation" onto a second line rather than cutting it, and the
Reflections tab shows every prompt to its last word."""

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from ui.steps.strengths.page import TABS


def lines_needed(view, text: str, width: int) -> int:
    metrics = view.fontMetrics()
    rect = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
    return round(rect.height() / metrics.lineSpacing())


def narrow_strengths_page(open_window, qtbot):
    window = open_window()
    window.resize(900, 700)
    window.workbooks.add_example()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    return window.page("strengths")


def test_every_strength_name_fits_its_row(open_window, qtbot):
    page = narrow_strengths_page(open_window, qtbot)
    tree = page.strength_list.tree
    assert tree.textElideMode() == Qt.TextElideMode.ElideNone
    qtbot.waitUntil(lambda: tree.visualItemRect(page.strength_list.item("innovation")).height() > 0)
    width = tree.columnWidth(0) - tree.indentation() - 6  # as painted: the text's margins
    wrapped = 0
    for strength_id in page.strength_list.ids():
        item = page.strength_list.item(strength_id)
        needed = lines_needed(tree, item.text(0), width)
        wrapped += needed > 1
        assert tree.visualItemRect(item).height() >= needed * tree.fontMetrics().lineSpacing()
    assert wrapped  # the window is narrow enough that some names take two lines


def test_every_reflection_prompt_fits_its_row(open_window, qtbot):
    page = narrow_strengths_page(open_window, qtbot)
    page.tabs.setCurrentIndex(TABS.index("reflections"))
    prompts = page.reflections.prompt_list
    QApplication.processEvents()
    assert prompts.textElideMode() == Qt.TextElideMode.ElideNone
    width = prompts.viewport().width() - 2 * prompts.spacing() - 6
    spacing = prompts.fontMetrics().lineSpacing()
    for row in range(prompts.count()):
        item = prompts.item(row)
        needed = lines_needed(prompts, item.text(), width)
        assert prompts.visualItemRect(item).height() >= needed * spacing, item.text()
