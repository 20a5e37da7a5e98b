"""One page per step of the journey, and what every page must do.

Pages are built the first time they are shown (`ui.pages.PAGES`): `about_you.py`,
and a package per other step whose `page.py` assembles it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from workbook.change import Change


@runtime_checkable
class StepPage(Protocol):
    """A step's page, as the main window drives it. It is built with `(db, autosaver)`
    and writes only through a `ui.binding.Binder`."""

    #: The steps (`workbook.steps.STEPS` ids) whose answers the page shows: a change to
    #: any other step's answers is not handed to it (`ui.page_updates.concerns`).
    reads: frozenset[str]

    def show_workbook(self, workbook_id: int) -> None:
        """Show this workbook's answers (a new workbook, or the same one after undo)."""

    def refresh(self, change: Change | None) -> None:
        """Something was saved: `change` says what (`Change.steps`, `.tables`,
        `.rows_changed`; a group for all a hidden page missed), None when anything may
        have. Bring up to date only what it touched, keeping what is being typed."""
