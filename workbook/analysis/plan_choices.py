"""What the development plan offers to pick from, and how it names what it shows.

A goal links to what it builds on with short keys: `strength:<id>` (a
catalogue strength or one the person added), `path:<id>` and `task:<row
id>` (a task from the person's AI plan). This module lists those choices,
names a stored link (also one whose target has since gone), finds the
action ideas from the content that fit a goal's links, and words what moved
since the last check-in. Plain Python over `WorkbookData` and `Content`, so
the plan page stays thin and these decisions are tested without widgets.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbook.analysis.progress import Progress
from workbook.content.catalogue import ActionIdea, Content
from workbook.data import Goal, WorkbookData

LINK_KINDS = {"strength": "Strengths", "path": "Paths", "task": "Tasks from your AI plan"}
KIND_WORDS = {"strength": "strength", "path": "path", "task": "AI task"}


@dataclass(frozen=True)
class LinkOption:
    key: str  # "strength:mentoring", "path:specialist", "task:12"
    kind: str  # "strength", "path" or "task"
    label: str


def strength_name(strength_id: str, data: WorkbookData, content: Content) -> str:
    if strength_id in content.strengths:
        return content.strengths[strength_id].name
    rating = data.ratings.get(strength_id)
    if rating is not None and rating.custom_name:
        return rating.custom_name
    return strength_id


def link_options(data: WorkbookData, content: Content) -> tuple[LinkOption, ...]:
    """Everything a goal can link to, grouped by kind in a fixed order."""
    options = [
        LinkOption(f"strength:{sid}", "strength", strength.name)
        for sid, strength in content.strengths.items()
    ]
    options += [
        LinkOption(f"strength:{sid}", "strength", rating.custom_name)
        for sid, rating in data.ratings.items()
        if sid not in content.strengths and rating.custom_name
    ]
    options += [LinkOption(f"path:{pid}", "path", p.name) for pid, p in content.paths.items()]
    options += [
        LinkOption(f"task:{task.id}", "task", task.name.strip() or "A task without a name")
        for task in data.tasks
    ]
    return tuple(options)


def link_label(key: str, data: WorkbookData, content: Content) -> str:
    """How a stored link reads, even when what it pointed to is gone."""
    kind, _, target = key.partition(":")
    if kind == "strength":
        return strength_name(target, data, content)
    if kind == "path" and target in content.paths:
        return content.paths[target].name
    if kind == "task":
        for task in data.tasks:
            if str(task.id) == target:
                return task.name.strip() or "A task without a name"
        return "A task no longer in your AI plan"
    return key


def link_kind(key: str) -> str:
    return key.partition(":")[0]


def ideas_for(goal: Goal, content: Content) -> tuple[ActionIdea, ...]:
    """Action ideas for the strengths and paths a goal links to, not yet among its actions.

    In the order of the goal's links, then the content's order."""
    taken = {action.title.strip().casefold() for action in goal.actions}
    found: list[ActionIdea] = []
    for key in goal.links:
        kind, _, target = key.partition(":")
        for idea in content.actions.values():
            fits = (kind == "strength" and idea.for_strength == target) or (
                kind == "path" and idea.for_path == target
            )
            if fits and idea not in found and idea.text.strip().casefold() not in taken:
                found.append(idea)
    return tuple(found)


def moved_lines(moved: Progress, data: WorkbookData, content: Content) -> list[str]:
    """One line per rating that differs now from the last check-in."""
    lines = []
    for item in moved.moved:
        name = strength_name(item.strength_id, data, content)
        before = "not rated" if item.before is None else str(item.before)
        after = "not rated" if item.after is None else str(item.after)
        scale = content.scales[item.scale].name if item.scale in content.scales else item.scale
        lines.append(f"{name}, {scale.lower()}: {before} → {after}")
    return lines


def score_lines(moved: Progress, content: Content) -> list[str]:
    """Each path's fit score (0 to 100) then and now."""
    lines = []
    for pid, now in moved.scores_now.items():
        name = content.paths[pid].name if pid in content.paths else pid
        before = moved.scores_before.get(pid)
        if before is None:
            lines.append(f"{name}: {now:.1f} now")
        elif abs(before - now) < 0.05:
            lines.append(f"{name}: {now:.1f}, as before")
        else:
            lines.append(f"{name}: {before:.1f} then, {now:.1f} now")
    return lines
