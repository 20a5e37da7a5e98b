"""A workbook still called "My workbook" is offered the person's name (issue 16): once they
give it on About you, a line under the name says what the workbook is called and one
click renames it, as one step that Undo takes back."""

from PySide6.QtCore import Qt

from workbook.queries import get_workbook


def workbook_name(window) -> str:
    return get_workbook(window.session.db, window.workbook_id).name


def test_naming_yourself_offers_to_name_the_workbook_and_undo_takes_it_back(open_window, qtbot):
    window = open_window(delay_ms=50)
    window.workbooks.start_empty()
    window.show_step(0)
    page = window.page("about")
    assert workbook_name(window) == "My workbook"
    assert not page.name_offer.isVisible()

    page.person_name.setFocus()
    qtbot.keyClicks(page.person_name, "Nadia Haddad")
    qtbot.keyClick(page.person_name, Qt.Key.Key_Tab)
    qtbot.waitUntil(page.name_offer.isVisible, timeout=3000)
    assert "still called “My workbook”" in page.name_offer_text.text()
    assert page.name_offer_button.text() == "Call it “Nadia Haddad”"

    qtbot.mouseClick(page.name_offer_button, Qt.MouseButton.LeftButton)
    assert workbook_name(window) == "Nadia Haddad"
    page = window.page("about")
    assert not page.name_offer.isVisible()

    window.undo()  # the rename alone: the name typed stays
    assert workbook_name(window) == "My workbook"
    page = window.page("about")
    assert page.person_name.text() == "Nadia Haddad"
    qtbot.waitUntil(page.name_offer.isVisible, timeout=3000)


def test_a_workbook_with_a_name_of_its_own_is_left_alone(open_window, qtbot):
    window = open_window(delay_ms=50)
    window.workbooks.start_empty()
    from workbook.door import rename_workbook

    rename_workbook(window.session.db, window.workbook_id, "Career talk 2027")
    window.load_workbook(window.workbook_id)
    window.show_step(0)
    page = window.page("about")
    page.person_name.setFocus()
    qtbot.keyClicks(page.person_name, "Nadia")
    qtbot.keyClick(page.person_name, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not window.autosaver.has_pending(), timeout=3000)
    assert not page.name_offer.isVisible()
