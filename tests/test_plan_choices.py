"""What the development plan offers to pick from, without widgets: link targets, their
names, action ideas that fit a goal, and the words for what moved since a check-in."""

from workbook.analysis.plan_choices import (
    ideas_for,
    link_label,
    link_options,
    moved_lines,
    score_lines,
)
from workbook.analysis.progress import Moved, Progress
from workbook.content import load_content
from workbook.data import Action, Goal, Rating, Task, WorkbookData

CONTENT = load_content()


def test_link_options_cover_strengths_custom_strengths_paths_and_tasks():
    data = WorkbookData(
        ratings={"custom_1": Rating("custom_1", custom_name="Explaining numbers")},
        tasks=(Task(7, "Writing SQL", 5.0, "augment", 0.5),),
    )
    options = link_options(data, CONTENT)
    keys = [o.key for o in options]
    assert keys[: len(CONTENT.strengths)] == [f"strength:{s}" for s in CONTENT.strengths]
    assert "strength:custom_1" in keys
    assert [o.key for o in options if o.kind == "path"] == [f"path:{p}" for p in CONTENT.paths]
    assert [(o.key, o.label) for o in options if o.kind == "task"] == [("task:7", "Writing SQL")]


def test_link_labels_name_what_is_gone():
    data = WorkbookData(tasks=(Task(7, "Writing SQL", 5.0, "augment", 0.5),))
    assert link_label("strength:mentoring", data, CONTENT) == CONTENT.strengths["mentoring"].name
    assert link_label("path:manager", data, CONTENT) == CONTENT.paths["manager"].name
    assert link_label("task:7", data, CONTENT) == "Writing SQL"
    assert link_label("task:8", data, CONTENT) == "A task no longer in your AI plan"
    assert link_label("strength:custom_9", data, CONTENT) == "custom_9"


def test_ideas_fit_the_links_and_skip_actions_already_taken():
    assert ideas_for(Goal(1, "Lead"), CONTENT) == ()
    goal = Goal(1, "Lead", links=("strength:mentoring", "path:manager", "task:3"))
    ideas = ideas_for(goal, CONTENT)
    assert ideas
    assert all(i.for_strength == "mentoring" or i.for_path == "manager" for i in ideas)
    first = ideas[0]
    assert first.for_strength == "mentoring"  # in the order of the goal's links
    taken = Goal(
        1, "Lead", links=goal.links, actions=(Action(1, 1, f" {first.text.upper()} ", None, None),)
    )
    assert first not in ideas_for(taken, CONTENT)
    assert len(ideas_for(taken, CONTENT)) == len(ideas) - 1


def test_what_moved_in_words():
    moved = Progress(
        "2026-10-13T10:00:00",
        (
            Moved("mentoring", "Mentoring", "energy", 5, 4),
            Moved("data_analysis", "Data analysis", "proficiency", None, 3),
        ),
        {"specialist": 60.0, "manager": 50.0},
        {"specialist": 60.0, "manager": 52.5, "orchestrator": 40.0},
    )
    lines = moved_lines(moved, WorkbookData(), CONTENT)
    assert lines == [
        f"{CONTENT.strengths['mentoring'].name}, energy: 5 → 4",
        f"{CONTENT.strengths['data_analysis'].name}, proficiency: not rated → 3",
    ]
    scores = score_lines(moved, CONTENT)
    assert scores == [
        f"{CONTENT.paths['specialist'].name}: 60.0, as before",
        f"{CONTENT.paths['manager'].name}: 50.0 then, 52.5 now",
        f"{CONTENT.paths['orchestrator'].name}: 40.0 now",
    ]
