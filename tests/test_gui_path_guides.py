"""Each future in the Edge step can open "What this path is really like": the path's guide."""

from PySide6.QtCore import Qt

from tests.helpers.screen import into_view
from ui.steps.edge.guide import TOGGLE_TEXT
from ui.steps.edge.page import TABS
from workbook.content import load_content

EDGE_STEP = 2
FUTURES_TAB = TABS.index("futures")


def futures_of(window):
    window.show_step(EDGE_STEP)
    page = window.page("edge")
    page.tabs.setCurrentIndex(FUTURES_TAB)
    return page.futures


def test_every_future_opens_its_path_guide(open_window, qtbot):
    content = load_content()
    window = open_window()
    window.workbooks.start_empty()
    futures = futures_of(window)
    for index, (path_id, path) in enumerate(content.paths.items()):
        futures.tabs.setCurrentIndex(index)
        view = futures.panels[path_id].guide
        guide = content.guides[path_id]
        # Closed at first: one line, nothing built behind it yet.
        assert view.toggle.text() == TOGGLE_TEXT
        assert view.toggle.accessibleName() == f"{path.short_name}: {TOGGLE_TEXT.lower()}"
        assert not view.body.isVisible() and view.plain_text() == ""

        into_view(view.toggle)
        qtbot.mouseClick(view.toggle, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(view.body.isVisible)
        shown = view.plain_text()
        for text in (
            guide.summary,
            guide.week.text,
            guide.reversibility.text,
            guide.roles_title,
            guide.roles_intro,
            content.sponsor_mentor.title,
            content.sponsor_mentor.text,
        ):
            assert text in shown, (path_id, text)
        for variant in guide.roles:
            assert variant.name in shown and variant.description in shown
        for credit in (guide.week.credit, guide.reversibility.credit, guide.roles_credit):
            assert credit in shown

        qtbot.mouseClick(view.toggle, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda view=view: not view.body.isVisible())


def test_the_guide_opens_from_the_keyboard(open_window, qtbot):
    window = open_window()
    window.workbooks.start_empty()
    futures = futures_of(window)
    futures.tabs.setCurrentIndex(1)
    view = futures.panels["manager"].guide
    into_view(view.toggle)
    view.toggle.setFocus()
    qtbot.waitUntil(view.toggle.hasFocus)
    qtbot.keyClick(view.toggle, Qt.Key.Key_Space)
    qtbot.waitUntil(view.body.isVisible)
    assert "Player-coach" in view.plain_text()
