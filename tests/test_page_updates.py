"""A saved change reaches only the pages that show what it touched, and a hidden page
gets everything it missed when it is shown again (`ui.page_updates`)."""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt

from ui.page_updates import MAX_KEPT, PendingUpdates, concerns
from workbook import door
from workbook.change import FIELD, GROUP, Change
from workbook.steps import STEPS


class FakePage:
    reads = frozenset({"strengths"})

    def __init__(self) -> None:
        self.calls: list[object] = []

    def show_workbook(self, workbook_id: int) -> None:
        self.calls.append(("show", workbook_id))

    def refresh(self, change: Change | None) -> None:
        self.calls.append(change)


def field(table: str, value: object = 1) -> Change:
    return Change(FIELD, 1, table, "x", None, value)


def test_a_change_concerns_the_pages_that_read_its_step():
    page = FakePage()
    assert concerns(page, field("strength_ratings"))
    assert not concerns(page, field("goals"))
    assert concerns(page, field("workbooks"))  # the workbook itself: every page
    both = Change(GROUP, 1, "", parts=(field("goals"), field("evidence")))
    assert both.steps == {"plan", "strengths"} and concerns(page, both)
    nested = Change(GROUP, 1, "", parts=(both, field("profile")))
    assert nested.tables == {"goals", "evidence", "profile"}


def test_a_hidden_page_gets_what_it_missed_once_as_one_group():
    page, pending = FakePage(), PendingUpdates()
    first, second = field("strength_ratings", 1), field("evidence", 2)
    pending.add("strengths", first)
    pending.catch_up("strengths", page, 1)
    assert page.calls == [first]  # one change: handed on as it is
    pending.add("strengths", first)
    pending.add("strengths", second)
    pending.catch_up("strengths", page, 1)
    group = page.calls[-1]
    assert group.kind == GROUP and group.parts == (first, second)
    pending.catch_up("strengths", page, 1)
    assert len(page.calls) == 2  # nothing missed since: nothing to do


def test_a_reload_wins_over_changes_and_a_long_absence_refreshes_everything():
    page, pending = FakePage(), PendingUpdates()
    pending.reload("strengths")
    pending.add("strengths", field("strength_ratings"))
    pending.catch_up("strengths", page, 7)
    assert page.calls == [("show", 7)]
    for n in range(MAX_KEPT + 1):
        pending.add("strengths", field("strength_ratings", n))
    pending.catch_up("strengths", page, 7)
    assert page.calls[-1] is None  # not a group of hundreds: everything


def test_the_window_hands_a_change_only_to_the_pages_that_show_it(open_window, monkeypatch):
    window = open_window()
    window.workbooks.start_empty()
    for index in range(len(STEPS)):  # every page built, as after a while of use
        window.show_step(index)
    window.show_step(0)
    seen: dict[str, list] = {step.id: [] for step in STEPS}
    for step in STEPS:
        monkeypatch.setattr(window.page(step.id), "refresh", seen[step.id].append)

    name = window.page("about").person_name
    name.setFocus()
    name.setText("Ada")
    name.textEdited.emit("Ada")
    name.editingFinished.emit()
    assert [c.field for c in seen["about"]] == ["person_name"]  # on screen: at once
    for step in STEPS[1:]:
        assert seen[step.id] == [], step.id  # hidden: not yet

    db, wid = window.session.db, window.workbook_id
    window.autosaver.run(functools.partial(door.goals.add, title="Lead a project"), db, wid)
    for step_id in ("about", "strengths", "edge", "ai_plan"):
        window.show_step([s.id for s in STEPS].index(step_id))
    # The goal is the plan's: pages that do not show goals never hear of it; the
    # strengths page (hidden when the name was typed) gets the name when shown.
    assert len(seen["about"]) == 1
    assert seen["edge"] and all(c.steps == {"about"} for c in seen["edge"])
    assert seen["ai_plan"] and all("plan" not in c.steps for c in seen["ai_plan"])
    window.show_step([s.id for s in STEPS].index("plan"))
    assert any("goals" in c.tables for c in seen["plan"])


def test_a_click_scores_at_once_and_the_full_result_waits_for_its_tab(open_window, qtbot):
    from ui.steps.edge import text as edge_text
    from workbook.analysis.fit import analyse_fit
    from workbook.content import load_content
    from workbook.data import load_workbook_data

    window = open_window()
    window.workbooks.start_empty()
    window.show_step([s.id for s in STEPS].index("edge"))
    page = window.page("edge")
    qtbot.mouseClick(page.preferences.selectors["growing_others"].buttons[5], Qt.LeftButton)
    want = analyse_fit(load_workbook_data(window.session.db, window.workbook_id), load_content())
    assert page.scores.text() == edge_text.scores_line(want, load_content())
    assert page.result is None  # the search for what would change it has not run
    page.show_result_tab()
    assert page.result == want
    assert page.result_panel.suggestion.text() == want.edge_statement
