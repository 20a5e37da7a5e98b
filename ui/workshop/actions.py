"""The Workshop menu's actions: opening the presenter view on an agenda the coach picks,
one of this file's workshops (listed first, the most recent day first) or a template."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QInputDialog, QMainWindow

from ui.workshop.presenter import PresenterView
from workbook.content.workshops import Agenda, AgendaProblem, load_templates

DAY_FORMAT = "d MMM yyyy"


def day_words(day: str | None) -> str:
    """A workshop's stored day as lists say it: "12 May 2026", or "no day yet"."""
    date = QDate.fromString(day or "", Qt.DateFormat.ISODate)
    return date.toString(DAY_FORMAT) if date.isValid() else "no day yet"


def _workshops(window: QMainWindow) -> list[tuple[str, Agenda]]:
    """This file's workshops as (label, agenda under the workshop's name); one whose
    stored agenda cannot be read is left out rather than shown half."""
    import sqlite3

    from workbook.errors import WorkbookError
    from workbook.workshop import list_workshops, load_workshop

    session = getattr(window, "session", None)
    if session is None:
        return []
    found = []
    try:
        for workshop_id, name, day in list_workshops(session.db):
            try:
                agenda = load_workshop(session.db, workshop_id).agenda
            except (AgendaProblem, WorkbookError, ValueError):
                continue
            label = (
                f"Workshop: {name}, {day_words(day)} "
                f"({agenda.minutes} minutes, {len(agenda.exercises)} exercises)"
            )
            found.append((label, agenda._replace(name=name)))
    except sqlite3.Error:
        return []  # an older file without workshops, or one that cannot be read now
    return found


def agenda_choices(window: QMainWindow) -> list[tuple[str, Agenda]]:
    """Every agenda the presenter can run, by label: the workshops, then the templates."""
    choices = _workshops(window) + [
        (f"Template: {a.name} ({a.minutes} minutes, {len(a.exercises)} exercises)", a)
        for a in load_templates().values()
    ]
    seen: dict[str, int] = {}
    unique = []
    for label, agenda in choices:  # two workshops of one name and day stay apart
        seen[label] = seen.get(label, 0) + 1
        unique.append((label if seen[label] == 1 else f"{label} ({seen[label]})", agenda))
    return [(label, agenda) for label, agenda in unique if agenda.exercises]


def choose_agenda(window: QMainWindow) -> Agenda | None:
    """Ask which agenda to present; None when the coach cancels."""
    choices = agenda_choices(window)
    labels = [label for label, _ in choices]
    label, ok = QInputDialog.getItem(
        window, "Presenter view", "Which agenda do you want to run?", labels, 0, False
    )
    return choices[labels.index(label)][1] if ok and label in labels else None


def open_presenter(window: QMainWindow, agenda: Agenda | None = None) -> PresenterView | None:
    """Open the presenter view on `agenda` (or one the coach picks), on a second screen
    when there is one. One view at a time: opening again replaces the last."""
    agenda = agenda or choose_agenda(window)
    if agenda is None:
        return None
    old = getattr(window, "presenter", None)
    if old is not None:
        old.close()
    from ui.workshop.room import text_for_room

    # The anonymous group overview, counted anew each time G shows it.
    view = PresenterView(agenda, window, overview=lambda: text_for_room(window))
    window.presenter = view
    view.place()
    view.activateWindow()
    view.setFocus()
    return view
