"""Edit ▸ Search…, as a person uses it: Ctrl+F, type a word, choose a hit with Enter or a
double-click and land on the entry, its words under the cursor; a workbook locked with a
PIN never shows a hit, its name or its words."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.test_gui_locks import every_text
from workbook import door, locks
from workbook.search import Place, place, search
from workbook.storage import open_database

WORD = "Forecast"
PIN = "kiwi-lantern-2291"
#: Not the first prompt, so going to the entry must choose its prompt.
PROMPT = "strengths_absorbed"


def menu_action(window, menu_title, text):
    """The menu item a person would pick, by the words they see."""
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == menu_title:
            for action in top.menu().actions():
                if action.text().replace("&", "") == text:
                    return action
    raise AssertionError(f"no {menu_title} ▸ {text}")


def workbooks(db_path):
    """Alex (shown: opened last) with a reflection, an example and a check-in holding the
    word; Sam with a feedback entry holding it; Kim, locked with a PIN, holding it too."""
    db = open_database(db_path)
    kim = door.create_workbook(db, "Kim Private").workbook_id
    door.add_journal_entry(db, kim, "reflection", f"Secret {WORD} of Kim")
    locks.set_pin(db, kim, PIN)
    sam = door.create_workbook(db, "Sam").workbook_id
    door.add_journal_entry(db, sam, "feedback", f"Sam's {WORD.lower()} was spot on")
    alex = door.create_workbook(db, "Alex").workbook_id
    reflection = door.add_journal_entry(
        db,
        alex,
        "reflection",
        f"Quiet week.\n\nThe churn {WORD} finally worked.",
        prompt_id=PROMPT,
    ).row_id
    example = door.add_row(
        db,
        "evidence",
        alex,
        strength_id="data_analysis",
        situation="A messy quarter",
        action=f"I rebuilt the {WORD.lower()} model",
        result="Trusted numbers",
    ).row_id
    checkin = door.record_checkin(db, alex, f"Showed the {WORD} to the team", "2026-02-01").row_id
    db.close()
    return {"alex": alex, "sam": sam, "kim": kim}, {
        "reflection": reflection,
        "example": example,
        "checkin": checkin,
    }


def open_dialog(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    dialog = QApplication.activeModalWidget()
    assert dialog.windowTitle() == "Search"
    qtbot.waitUntil(dialog.field.hasFocus)
    return dialog


def rows(dialog):
    tree = dialog.results
    return [
        tuple(tree.topLevelItem(i).text(c) for c in range(3))
        for i in range(tree.topLevelItemCount())
    ]


def test_search_finds_the_word_and_enter_opens_the_reflection(qtbot, open_window, db_path):
    ids, rows_ids = workbooks(db_path)
    window = open_window()
    assert window.workbook_id == ids["alex"]
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.field, "forecast")
    qtbot.waitUntil(lambda: dialog.results.topLevelItemCount() == 3)
    found = rows(dialog)
    absorbed = "Strengths ▸ Reflection: When did you last become so absorbed in your work that you…"
    assert {where for _, where, _ in found} == {
        absorbed,
        "Strengths ▸ Example for Data analysis",
        "Development plan ▸ Check-ins",
    }
    assert all(book == "Alex" for book, _, _ in found)
    assert all("[" in words and "forecast" in words.lower() for _, _, words in found)
    assert dialog.status.text() == "3 found in this workbook."

    # The reflection is the first hit: choose it in the list and press Enter.
    reflection = next(i for i, row in enumerate(found) if row[1] == absorbed)
    dialog.results.setFocus()
    dialog.results.setCurrentItem(dialog.results.topLevelItem(reflection))
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.current_step() == 1
    page = window.page("strengths")
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Re&flections"
    assert page.reflections.current_prompt().id == PROMPT
    box = page.reflections.entries.card_for(rows_ids["reflection"]).body
    qtbot.waitUntil(box.hasFocus)
    assert box.textCursor().selectedText() == WORD


def test_a_double_click_opens_the_example_and_the_check_in(qtbot, open_window, db_path):
    ids, rows_ids = workbooks(db_path)
    window = open_window()
    for where, check in (
        ("Strengths ▸ Example for Data analysis", "example"),
        ("Development plan ▸ Check-ins", "checkin"),
    ):
        dialog = open_dialog(qtbot, window)
        qtbot.keyClicks(dialog.field, "forecast")
        qtbot.waitUntil(lambda d=dialog: d.results.topLevelItemCount() == 3)
        item = next(
            dialog.results.topLevelItem(i)
            for i in range(3)
            if dialog.results.topLevelItem(i).text(1) == where
        )
        spot = dialog.results.visualItemRect(item).center()
        # QTest's double-click is the second click only: the first comes before it.
        qtbot.mouseClick(dialog.results.viewport(), Qt.MouseButton.LeftButton, pos=spot)
        qtbot.mouseDClick(dialog.results.viewport(), Qt.MouseButton.LeftButton, pos=spot)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        focused = QApplication.focusWidget()
        if check == "example":
            assert window.current_step() == 1
            page = window.page("strengths")
            assert page.detail.entry.id == "data_analysis"
            card = next(c for c in page.detail.evidence_cards if c.row_id == rows_ids["example"])
            assert focused is card.boxes["action"]
        else:
            assert window.current_step() == 4
            row = next(
                r
                for r in window.page("plan").checkins.rows.rows()
                if r.entry_id == rows_ids["checkin"]
            )
            assert focused is row.body
        assert focused.textCursor().selectedText().lower() == "forecast"


def test_every_workbook_but_never_a_locked_one(qtbot, open_window, db_path):
    ids, _ = workbooks(db_path)
    window = open_window()
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.field, "forecast")
    qtbot.waitUntil(lambda: dialog.results.topLevelItemCount() == 3)
    assert dialog.results.isColumnHidden(0)  # one workbook: no column naming it
    dialog.everywhere.click()  # the box: every workbook this window can open
    assert not dialog.results.isColumnHidden(0)
    assert {book for book, _, _ in rows(dialog)} == {"Alex", "Sam"}
    assert dialog.status.text() == (
        "4 found in all workbooks. 1 locked with a PIN was not searched."
    )
    assert "Kim" not in " ".join(every_text(window))

    # Choosing Sam's feedback shows Sam's workbook, on the Feedback tab.
    sam_row = next(i for i, row in enumerate(rows(dialog)) if row[0] == "Sam")
    dialog.results.setCurrentItem(dialog.results.topLevelItem(sam_row))
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)  # Enter in the field: the default button
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.workbook_id == ids["sam"]
    page = window.page("strengths")
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Feed&back"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget().textCursor().selectedText() == "forecast"

    # Once Kim's workbook is unlocked in this window, its words may be found.
    window.session.unlocked.add(ids["kim"])
    dialog = open_dialog(qtbot, window)
    dialog.everywhere.click()
    qtbot.keyClicks(dialog.field, "secret")
    dialog.run()
    assert [row[0] for row in rows(dialog)] == ["Kim Private"]


def test_a_locked_workbook_on_screen_finds_nothing(qtbot, open_window, db_path):
    ids, _ = workbooks(db_path)
    db = open_database(db_path)
    door.mark_opened(db, ids["kim"])  # Kim's is shown at the start, locked
    db.close()
    window = open_window()
    assert window.workbook_id == ids["kim"] and window.locks.hides(ids["kim"])
    action = menu_action(window, "Edit", "Search…")
    action.trigger()
    dialog = QApplication.activeModalWidget()
    qtbot.keyClicks(dialog.field, "secret")
    dialog.run()
    assert rows(dialog) == []
    assert dialog.status.text() == "This workbook is locked with a PIN: unlock it to search it."
    dialog.everywhere.click()
    assert rows(dialog) == []
    assert not dialog.go_button.isEnabled()
    dialog.reject()


def test_the_domain_search_keeps_to_one_workbook_and_says_where(db_path):
    ids, rows_ids = workbooks(db_path)
    db = open_database(db_path)
    hits = search(db, "forecast", workbook_id=ids["alex"])
    assert {h.workbook_id for h in hits} == {ids["alex"]} and len(hits) == 3
    assert search(db, "secret", workbook_id=ids["kim"]) == []  # locked for this reader
    assert len(search(db, "secret", workbook_id=ids["kim"], unlocked={ids["kim"]})) == 1
    places = {place(db, h) for h in hits}
    assert places == {
        Place("strengths", "reflection", PROMPT),
        Place("strengths", "evidence", "data_analysis"),
        Place("plan", "checkin"),
    }
    db.close()


def test_punctuation_alone_is_explained_and_what_was_written_gets_the_room(
    qtbot, open_window, db_path
):
    workbooks(db_path)
    window = open_window()
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.field, "!!! ?*")
    dialog.run()
    assert dialog.status.text() == "Type a word or two: only letters and digits are searched."
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, "forec")  # the start of a word is enough
    dialog.run()
    assert rows(dialog) and all("[forecast" in text.lower() for _, _, text in rows(dialog))
    dialog.everywhere.click()
    tree = dialog.results
    assert tree.columnWidth(2) >= 0.35 * tree.viewport().width()
    dialog.reject()


def test_enter_right_after_typing_searches_the_new_words_first(qtbot, open_window, db_path):
    workbooks(db_path)
    window = open_window()
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.field, "forecast")
    dialog.run()
    assert rows(dialog)
    qtbot.keyClicks(dialog.field, "zebracorn")  # Enter before the pause runs the search
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.isVisible() and rows(dialog) == []
    assert dialog.status.text() == "Nothing found in this workbook."
    dialog.reject()
