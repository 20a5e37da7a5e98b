"""The Edge step's line of scores waits for an answer on the step (issue 16): strengths
rated on the step before move the paths, but scores shown before a single statement is
answered read as a verdict on questions not yet asked, so the line invites instead."""

from tests.test_gui_edge import click, edge_page, expected, stored
from ui.steps.edge import text as edge_text
from workbook import door
from workbook.content import load_content


def test_the_scores_line_invites_until_a_statement_is_answered(open_window, qtbot):
    window = open_window()
    window.workbooks.start_empty()
    # Strengths rated already: the fit has moved from 50, but nothing here is answered.
    for field, value in (("proficiency", 5), ("energy", 5), ("edge", 4)):
        door.set_rating(window.session.db, window.workbook_id, "mentoring", field, value)
    page = edge_page(window)
    page.show_workbook(window.workbook_id)
    assert not edge_text.nothing_yet(expected(window))
    assert page.scores.text() == edge_text.SCORES_INVITATION
    assert "Path fit" not in page.scores.text() and "50" not in page.scores.text()

    click(qtbot, page.preferences.selectors["growing_others"].buttons[4])
    assert edge_text.edge_answered(stored(window))
    line = edge_text.scores_line(expected(window), load_content())
    qtbot.waitUntil(lambda: page.scores.text() == line, timeout=3000)
    assert line.startswith("Path fit right now: ")

    # Clearing the one answer brings the invitation back.
    click(qtbot, page.preferences.selectors["growing_others"].buttons[4])
    qtbot.waitUntil(lambda: page.scores.text() == edge_text.SCORES_INVITATION, timeout=3000)
