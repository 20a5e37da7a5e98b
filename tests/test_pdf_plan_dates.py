"""Dates in the PDF's plan: "Overdue" printed beside a goal or action whose date is before the
export date (and only then), and each milestone's calendar date beside its day count."""

from __future__ import annotations

from datetime import date

import pytest

from exports.pdf import export_pdf
from tests.test_pdf_export import pdf_text, squash
from workbook.content.loader import load_content
from workbook.data import Action, Goal, Milestone, WorkbookData, load_workbook_data
from workbook.example import add_example

SECTIONS = ["goals", "milestones"]
EXPORTED = date(2026, 12, 2)


@pytest.fixture(scope="module")
def content():
    return load_content()


def plan() -> WorkbookData:
    return WorkbookData(
        workbook_id=3,
        name="Dates",
        plan_start="2026-12-03",
        goals=(
            Goal(
                1,
                "Lead one design review a month",
                measure="Three reviews",
                target_date="2026-11-15",
                actions=(
                    Action(1, 1, "Shadow Mei at two reviews", "others", "2026-11-01", "doing"),
                    Action(2, 1, "Write the review checklist", "experience", "2026-10-01", "done"),
                    Action(3, 1, "Run the January review", "experience", "2027-01-20"),
                ),
            ),
            Goal(2, "Finish the course", target_date="2027-02-01"),
        ),
        milestones=(
            Milestone(1, 30, "First review done"),
            Milestone(2, 90, "I give Karim my answer", done=False),
        ),
    )


def exported(data, content, tmp_path, today=EXPORTED) -> str:
    out = export_pdf(data, content, tmp_path / "plan.pdf", sections=SECTIONS, today=today)
    return squash(pdf_text(out))


def test_overdue_is_printed_beside_late_open_goals_and_actions_only(content, tmp_path):
    found = exported(plan(), content, tmp_path)
    # Goal 1 is past its target date with open actions; goal 2 is not due yet.
    assert squash("By 15 November 2026 · Overdue") in found
    assert squash("By 1 February 2027 · Overdue") not in found
    # The late action under way is marked; the late one done and the future one are not.
    assert squash("Doing · Overdue") in found
    assert found.count(squash("Overdue")) == 2
    assert squash("Done · Overdue") not in found
    assert squash("Planned · Overdue") not in found


def test_overdue_is_judged_on_the_export_date(content, tmp_path):
    assert "Overdue" not in exported(plan(), content, tmp_path, today=date(2026, 10, 15))
    later = exported(plan(), content, tmp_path, today=date(2027, 3, 1))
    assert squash("By 1 February 2027 · Overdue") in later
    assert squash("Planned · Overdue") in later  # the January review, still planned


def test_milestones_print_their_calendar_dates(content, tmp_path):
    found = exported(plan(), content, tmp_path)
    assert squash("from the plan's start on 3 December 2026") in found
    assert squash("Day 30 · 2 January 2027") in found
    assert squash("Day 90 · 3 March 2027") in found
    assert squash("Day 90 · 3 March 2027 I give Karim my answer") in found


def test_the_examples_plan_prints_current_dates_and_nothing_overdue(db, content, tmp_path):
    today = date(2026, 12, 2)
    data = load_workbook_data(db, add_example(db, today=today))
    found = exported(data, content, tmp_path, today=today)
    assert "Overdue" not in found
    # Written as of 10 November 2026 with goals due on the 15th: moved 22 days on.
    assert squash("By 7 December 2026") in found
    assert squash("Day 90 · 7 December 2026") in found
    assert squash("15 November 2026") not in found
