"""What each step page has missed while hidden, handed to it when it is shown again.

The window refreshes the page on screen after every saved change and keeps, for
each hidden page, either "show the workbook afresh" (another workbook, undo) or
the changes saved since it was last shown. A page shown again gets them as one
`Change` group, so it brings up to date only what they touched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.steps import StepPage
    from workbook.change import Change

#: Past this many changes missed, a page simply refreshes everything (`refresh(None)`):
#: a long session on one step must not keep every change for the others.
MAX_KEPT = 64

_RELOAD = "reload"
_EVERYTHING = "everything"


def concerns(page: StepPage, change: Change) -> bool:
    """Whether a saved change touches anything the page shows."""
    return "" in change.steps or bool(change.steps & page.reads)


class PendingUpdates:
    """For each hidden page (by step id): a reload, or the changes it has not seen."""

    def __init__(self) -> None:
        self._missed: dict[str, str | list[Change]] = {}

    def reload(self, step_id: str) -> None:
        """The page must show the workbook afresh (another workbook, or after undo)."""
        self._missed[step_id] = _RELOAD

    def add(self, step_id: str, change: Change) -> None:
        """A change the page was not on screen for."""
        missed = self._missed.setdefault(step_id, [])
        if isinstance(missed, list):
            missed.append(change)
            if len(missed) > MAX_KEPT:
                self._missed[step_id] = _EVERYTHING

    def forget(self, step_id: str) -> None:
        self._missed.pop(step_id, None)

    def clear(self) -> None:
        self._missed.clear()

    def catch_up(self, step_id: str, page: StepPage, workbook_id: int) -> None:
        """Bring a page that is about to be shown up to date with what it missed."""
        missed = self._missed.pop(step_id, None)
        if not missed:
            return
        if missed == _RELOAD:
            page.show_workbook(workbook_id)
        elif missed == _EVERYTHING:
            page.refresh(None)
        elif len(missed) == 1:
            page.refresh(missed[0])
        else:
            from workbook.change import GROUP, Change  # loaded by then: a change was saved

            page.refresh(Change(GROUP, workbook_id, "", parts=tuple(missed)))
