"""What every section builder receives: the workbook, its analysis, the kit and the page size.

Also the few wording helpers the sections share (dates, hours, names of
strengths, paths and links), so each section reads the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from exports.pdf.blocks import Kit
from exports.pdf.styles import Styles
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


def long_date(value: date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def when(value: str | None) -> str:
    """A stored ISO date in words ("15 November 2026"); anything else as stored."""
    if not value:
        return ""
    try:
        return long_date(date.fromisoformat(value[:10]))
    except ValueError:
        return value


def hours(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.1f}".rstrip("0").rstrip(".") + " h"
