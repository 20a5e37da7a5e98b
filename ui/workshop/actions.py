"""The Workshop menu's actions: opening the presenter view on an agenda the coach picks."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMainWindow

from ui.workshop.presenter import PresenterView
from workbook.content.workshops import Agenda, load_templates


def choose_agenda(window: QMainWindow) -> Agenda | None:
    """Ask which agenda to present; None when the coach cancels."""
    agendas = list(load_templates().values())
    labels = [f"{a.name} ({a.minutes} minutes, {len(a.exercises)} exercises)" for a in agendas]
    label, ok = QInputDialog.getItem(
        window, "Presenter view", "Which agenda do you want to run?", labels, 0, False
    )
    return agendas[labels.index(label)] if ok and label in labels else None


def open_presenter(window: QMainWindow, agenda: Agenda | None = None) -> PresenterView | None:
    """Open the presenter view on `agenda` (or one the coach picks), on a second screen
    when there is one. One view at a time: opening again replaces the last."""
    agenda = agenda or choose_agenda(window)
    if agenda is None:
        return None
    old = getattr(window, "presenter", None)
    if old is not None:
        old.close()
    from ui.workshop.overview import text_for_room

    view = PresenterView(agenda, window, overview=lambda: text_for_room(window))
    window.presenter = view
    view.place()
    view.activateWindow()
    view.setFocus()
    return view
