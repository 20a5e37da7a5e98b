"""One page per step of the journey, and what every page must do.

Pages are built the first time they are shown (`ui.main_window.PAGES`): `about_you.py`,
and a package per other step whose `page.py` assembles it.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class StepPage(Protocol):
    """A step's page, as the main window drives it. It is built with `(db, autosaver)`
    and writes only through a `ui.binding.Binder`."""

    def show_workbook(self, workbook_id: int) -> None:
        """Show this workbook's answers (a new workbook, or the same one after undo)."""

    def refresh(self) -> None:
        """Something was saved: bring what the page shows up to date with what is stored."""
