"""What every section builder receives: the workbook, its analysis, the kit and the page size.

Also the few wording helpers the sections share (dates, hours, names of
strengths, paths and links), so each section reads the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reportlab.platypus import Flowable

from exports.pdf.blocks import Kit
from exports.pdf.styles import Styles
from exports.readers import READERS, Reader
from exports.words import plural, tr
from workbook.analysis.plan_choices import link_label, strength_name
from workbook.content.catalogue import Content
from workbook.data import WorkbookData

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass
class Context:
    data: WorkbookData
    content: Content
    result: dict[str, Any]  # `workbook.analysis.summary.summary(data, content)`
    kit: Kit
    today: date
    include_private: bool
    reader: Reader = READERS["manager"]
    #: The sections this export prints, so a section can point to another or leave it be.
    printed: tuple[str, ...] = ()
    #: Where each bookmark landed in a first layout ("goals" -> 3), for "continued on
    #: page N"; empty on the first layout.
    pages: dict[str, int] = field(default_factory=dict)
    #: What a section worked out once in this export and keeps for the next layout
    #: (page 1's level, say), by the section's id.
    memo: dict[str, Any] = field(default_factory=dict)

    @property
    def styles(self) -> Styles:
        return self.kit.styles

    def strength(self, strength_id: str) -> str:
        return strength_name(strength_id, self.data, self.content)

    def path(self, path_id: str | None) -> str:
        if path_id and path_id in self.content.paths:
            return self.content.paths[path_id].name
        return path_id or ""

    def link(self, key: str) -> str:
        return link_label(key, self.data, self.content)

    def person(self) -> str:
        return self.data.profile.person_name.strip() or self.data.name.strip()

    def intro(self, value: str) -> list[Flowable]:
        """A section's opening sentence for the person or a coach; a manager's copy, which
        must be read in minutes, goes straight to the content."""
        return [self.kit.para(value, self.styles.intro)] if self.reader.detail else []

    def goal_title(self, key: str) -> str:
        """A goal's title from a link key ("goal:3") or its id."""
        goal_id = key.partition(":")[2] if ":" in key else key
        for goal in self.data.goals:
            if str(goal.id) == goal_id:
                return goal.title.strip() or tr("A goal without a title")
        return tr("A goal no longer in the plan")

    def hours_go_to(self, spent: float, kind: str, target: str | None) -> str:
        """Where freed hours go, as the end of a sentence: "the goal “…” (3 h)"."""
        if kind == "goal" and target:
            return tr("the goal “{name}” ({h})", h=hours(spent), name=self.goal_title(target))
        if kind == "strength" and target:
            return tr("building on {name} ({h})", h=hours(spent), name=self.strength(target))
        if kind == "path" and target:
            return tr("trying the {name} path ({h})", h=hours(spent), name=self.path(target))
        return tr("something else ({h})", h=hours(spent))

    def reinvestment_target(self, kind: str, target: str | None) -> str:
        """Where freed hours go, in words: "Goal: …", "Strength: …", "Path: …"."""
        if kind == "goal" and target:
            return tr("Goal: {name}", name=self.goal_title(target))
        if kind == "strength" and target:
            return tr("Strength: {name}", name=self.strength(target))
        if kind == "path" and target:
            return tr("Path: {name}", name=self.path(target))
        return tr("Something else")


def long_date(value: date) -> str:
    return f"{value.day} {tr(MONTHS[value.month - 1])} {value.year}"


def when(value: str | None) -> str:
    """A stored ISO date in words ("15 November 2026"); anything else as stored."""
    if not value:
        return ""
    try:
        return long_date(date.fromisoformat(value[:10]))
    except ValueError:
        return value


def hours(value: float | None) -> str:
    """Hours as the app shows them: "8.9 h", "2 h", one decimal at most."""
    if value is None:
        return ""
    return tr("{h} h", h=f"{value:.1f}".rstrip("0").rstrip("."))


def first_upper(value: str) -> str:
    """The text with its first letter made a capital, the rest as it is ("the goal “CRM”"
    becomes "The goal “CRM”"; `str.capitalize` would lower the rest)."""
    return value[:1].upper() + value[1:]


def count(n: int, one: str, many: str) -> str:
    """ "1 goal", "3 goals": a count with its noun, never "goal(s)"."""
    return plural(n, "{n} " + one, "{n} " + many)
