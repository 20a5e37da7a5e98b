"""What every part of the development plan page shares: the open workbook and its door.

The page owns one `PlanContext`; goal cards, rows and sections receive it
instead of the database. Every write goes through `workbook.door` by way
of the Binder (typing is staged with the autosaver; adding, deleting and
moving run at once), so no widget of the plan writes SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

from ui.binding import Binder
from workbook import door
from workbook.content.catalogue import Content
from workbook.data import WorkbookData


@dataclass
class PlanContext:
    binder: Binder
    content: Content
    workbook_id: int | None = None
    data: WorkbookData = field(default_factory=WorkbookData)
    #: The day what is overdue is judged on (a test may pin it).
    today: Callable[[], date] = date.today

    def writer(self, table: str, row_id: int, field_name: str) -> Callable[[Any], None]:
        """Stage edits of one field of one row (saved after a pause or on leaving)."""
        return self.binder.row_field(table, row_id, field_name)

    def set_plan_start(self, day: str | None) -> None:
        """Stage the day the plan starts, which the milestones count from."""
        if self.workbook_id is not None:
            where = ("plan_notes", self.workbook_id, None, "plan_start")
            self.binder.stage(door.set_answer, *where, day)

    def flush(self) -> None:
        self.binder.autosaver.flush()

    def add(self, table: str, parent_id: int | None = None, **values: Any) -> int | None:
        """Add an entry now; returns its id, or None if refused (the status bar says why)."""
        parent = self.workbook_id if parent_id is None else parent_id
        if parent is None:
            return None
        add = partial(door.LISTS[table].add, **values)  # Binder.now passes them by position
        change = self.binder.now(add, self.binder.db, parent)
        return None if change is None else change.row_id

    def delete(self, table: str, row_id: int) -> bool:
        return self.binder.now(door.LISTS[table].delete, self.binder.db, row_id) is not None

    def move(self, table: str, row_id: int, new_index: int) -> bool:
        change = self.binder.now(door.LISTS[table].move, self.binder.db, row_id, new_index)
        return change is not None
