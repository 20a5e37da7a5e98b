"""About you: the decision the conversation is for, and the day to decide by, typed and
picked as a person would, saved, undone, and printed at the top of the PDF's page 1."""

import io

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt

from exports.pdf import render
from workbook.content import load_content
from workbook.data import load_workbook_data
from workbook.queries import most_recent_workbook


def stored(window):
    db = window.session.db
    return load_workbook_data(db, most_recent_workbook(db).id)


def test_the_decision_and_its_day_are_saved_undone_and_printed(open_window, qtbot):
    window = open_window()
    window.workbooks.start_empty()
    about = window.page("about")
    about.decision.setFocus()
    qtbot.keyClicks(about.decision, "Whether to apply for the team lead role")
    # "Add a date" opens the day 90 days on; the keyboard moves it.
    qtbot.mouseClick(about.decide_by.add_button, Qt.MouseButton.LeftButton)
    picked = QDate.currentDate().addDays(90)
    assert about.decide_by.edit.hasFocus()
    about.decide_by.edit.setDate(picked.addDays(1))
    window.save_now()
    profile = stored(window).profile
    assert profile.decision == "Whether to apply for the team lead role"
    assert profile.decide_by == picked.addDays(1).toString(Qt.DateFormat.ISODate)

    buffer = io.BytesIO()
    render(stored(window), load_content(), buffer)
    first = " ".join(PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text().split())
    assert "THE DECISION IN FRONT OF ME, BY" in first
    assert "Whether to apply for the team lead role" in first

    # Clearing the date is one step, and undo brings it back.
    qtbot.mouseClick(about.decide_by.clear_button, Qt.MouseButton.LeftButton)
    window.save_now()
    assert stored(window).profile.decide_by is None
    window.undo()
    assert stored(window).profile.decide_by == picked.addDays(1).toString(Qt.DateFormat.ISODate)
    assert about.decide_by.value() == stored(window).profile.decide_by
