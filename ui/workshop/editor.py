"""Workshop ▸ Workshops…: the coach's workshops in this file, each a copy of a template
the coach edits in the app (issue 15, item 1).

The window lists the workshops, the most recent day first, with New… (a name, a day and
the template to start from), Rename… and Delete…. For the chosen one it shows its day,
its agenda (`agenda_editor`: the exercises in order and the chosen one's fields) and its
roster (`roster`), and Present opens the presenter view on its agenda. Every edit is
stored at once through `workbook.workshop`; a refused one is said in words beside the
field and nothing is stored (`writes`). It does not block the main window, so the
presenter view it opens takes the keyboard; Escape or Close closes it, saving the
field being typed in.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.date_field import DateField
from ui.widgets import confirm, heading, hint, strong, subheading
from ui.workshop.actions import day_words, open_presenter
from ui.workshop.agenda_editor import AgendaEditor
from ui.workshop.new_workshop import NewWorkshopDialog
from ui.workshop.roster import RosterEditor
from ui.workshop.writes import Refused, write
from workbook.workshop import (
    delete_workshop,
    list_workshops,
    load_workshop,
    rename_workshop,
    set_day,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from ui.workshop.presenter import PresenterView

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _problem_label(name: str) -> QLabel:
    label = strong("")
    label.setObjectName(name)
    label.hide()
    return label


def _say(label: QLabel, message: str) -> None:
    label.setText(message)
    label.setAccessibleName(message)
    label.setVisible(bool(message))


class WorkshopsDialog(QDialog):
    """The workshops of the window's file, and the chosen one's day, agenda and roster."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.workshop_id: int | None = None
        self._name = ""
        self.new_dialog: NewWorkshopDialog | None = None
        self.setWindowTitle("Workshops")
        self.setAccessibleName("Workshops")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        body = QHBoxLayout()
        layout.addLayout(body, 1)

        left = QVBoxLayout()
        title = subheading("Workshops")
        left.addWidget(title)
        self.workshops = QListWidget()
        self.workshops.setAccessibleName("Workshops in this file, the most recent first")
        self.workshops.setMaximumWidth(240)
        self.workshops.currentItemChanged.connect(self._chosen)
        left.addWidget(self.workshops, 1)
        self.empty = hint("No workshops yet. New… starts one from a template.")
        left.addWidget(self.empty)
        buttons = QHBoxLayout()
        self.new_button = self._button("&New…", "New workshop", self.new_workshop)
        self.rename_button = self._button("Rena&me…", "Rename the workshop", self.rename)
        self.delete_button = self._button("&Delete…", "Delete the workshop", self.delete)
        for button in (self.new_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        left.addLayout(buttons)
        self.notice = _problem_label("problem-workshop")
        self.notice.setMaximumWidth(240)
        left.addWidget(self.notice)
        body.addLayout(left)

        self.detail = QWidget()
        right = QVBoxLayout(self.detail)
        right.setContentsMargins(12, 0, 0, 0)
        self.title = heading("")
        right.addWidget(self.title)
        day_row = QHBoxLayout()
        day_label = QLabel("Day:")
        self.day = DateField("Workshop day", default_days=7)
        self.day.changed.connect(self._day_changed)
        day_row.addWidget(day_label)
        day_row.addWidget(self.day, 1)
        right.addLayout(day_row)
        self.day_problem = _problem_label("problem-day")
        right.addWidget(self.day_problem)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Agenda and roster")
        self.tabs.tabBar().setAccessibleName("Agenda and roster")
        self.agenda = AgendaEditor(window)
        self.roster = RosterEditor(window)
        self.tabs.addTab(self.agenda, "A&genda")
        self.tabs.addTab(self.roster, "&Roster")
        right.addWidget(self.tabs, 1)
        body.addWidget(self.detail, 1)

        below = QHBoxLayout()
        below.addStretch(1)
        self.present_button = self._button(
            "&Present", "Present this workshop's agenda", self.present
        )
        self.present_button.setToolTip("Open the presenter view on this workshop's agenda")
        self.close_button = self._button("Close", "Close the Workshops window", self.reject)
        self.close_button.setDefault(True)
        below.addWidget(self.present_button)
        below.addWidget(self.close_button)
        layout.addLayout(below)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(button is self.close_button)  # Enter means Close, not "Add"
        self.resize(1120, 720)
        self.reload()

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    # ---- the list -------------------------------------------------------------------------

    def reload(self, chosen: int | None = None) -> None:
        """List the workshops again, keeping (or choosing) `chosen` or the one shown."""
        chosen = chosen if chosen is not None else self.workshop_id
        listed = write(self._window.session, list_workshops)
        if isinstance(listed, Refused):
            _say(self.notice, listed.message)
            listed = []
        self.workshops.blockSignals(True)
        self.workshops.clear()
        for workshop_id, name, day in listed:
            item = QListWidgetItem(f"{name}\n{day_words(day)}")
            item.setData(ID_ROLE, workshop_id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{name}, {day_words(day)}")
            self.workshops.addItem(item)
        self.workshops.blockSignals(False)
        ids = [row[0] for row in listed]
        row = ids.index(chosen) if chosen in ids else 0 if ids else -1
        self.workshops.setCurrentRow(row)
        if row < 0 or ids[row] != self.workshop_id:
            self._show(ids[row] if row >= 0 else None)
        self.empty.setVisible(not ids)

    @Slot(QListWidgetItem, QListWidgetItem)
    def _chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        workshop_id = None if current is None else current.data(ID_ROLE)
        if workshop_id != self.workshop_id:
            self._show(workshop_id)

    def _show(self, workshop_id: int | None) -> None:
        self.agenda.form.flush()  # what was typed in the workshop left is kept
        workshop = None
        if workshop_id is not None:
            workshop = write(self._window.session, load_workshop, workshop_id)
            if isinstance(workshop, Refused):
                _say(self.notice, workshop.message)
                workshop = None
        self.workshop_id = None if workshop is None else workshop.id
        self._name = "" if workshop is None else workshop.name
        self.title.setText(self._name)
        self.title.setAccessibleName(self._name)
        self.day.set_value(None if workshop is None else workshop.held_on)
        _say(self.day_problem, "")
        self.agenda.show_agenda(self.workshop_id, None if workshop is None else workshop.agenda)
        self.roster.show_roster(self.workshop_id, () if workshop is None else workshop.roster)
        for widget in (self.detail, self.rename_button, self.delete_button, self.present_button):
            widget.setEnabled(workshop is not None)

    # ---- the workshop ---------------------------------------------------------------------

    @Slot()
    def new_workshop(self) -> NewWorkshopDialog:
        """Ask for a name, a day and a template; the new workshop is then shown."""
        self.new_dialog = NewWorkshopDialog(self._window, self)
        self.new_dialog.accepted.connect(self._created)
        self.new_dialog.open()
        return self.new_dialog

    @Slot()
    def _created(self) -> None:
        if self.new_dialog is not None and self.new_dialog.created is not None:
            _say(self.notice, "")
            self.reload(self.new_dialog.created)
            self.agenda.exercises.view.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def rename(self) -> None:
        if self.workshop_id is None:
            return
        name, ok = QInputDialog.getText(
            self, "Rename workshop", "New name:", QLineEdit.EchoMode.Normal, self._name
        )
        if not ok:
            return
        result = write(self._window.session, rename_workshop, self.workshop_id, name)
        _say(self.notice, result.message if isinstance(result, Refused) else "")
        if not isinstance(result, Refused):
            self._name = ""
            self.workshop_id, chosen = None, self.workshop_id
            self.reload(chosen)

    @Slot()
    def delete(self) -> None:
        if self.workshop_id is None or not confirm(
            self,
            "Delete workshop",
            f"Delete the workshop “{self._name}”, its agenda and its roster? "
            "The participants' workbooks stay.",
            "Delete",
        ):
            return
        result = write(self._window.session, delete_workshop, self.workshop_id)
        if isinstance(result, Refused):
            _say(self.notice, result.message)
            return
        _say(self.notice, "")
        self.workshop_id = None
        self.reload()
        self.workshops.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(object)
    def _day_changed(self, day: str | None) -> None:
        if self.workshop_id is None:
            return
        result = write(self._window.session, set_day, self.workshop_id, day)
        if isinstance(result, Refused):
            _say(self.day_problem, result.message)
            return
        _say(self.day_problem, "")
        self.reload()  # the list is in order of day

    @Slot()
    def present(self) -> PresenterView | None:
        """The presenter view on this workshop's agenda, under the workshop's name."""
        self.agenda.form.flush()
        agenda = self.agenda.agenda
        if agenda is None or not agenda.exercises:
            return None
        return open_presenter(self._window, agenda._replace(name=self._name))

    # ---- keys and closing -----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        """Enter in a text or number field keeps the field (it is saved, or the roster's
        name added); elsewhere it presses the default button, Close."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and isinstance(self.focusWidget(), (QLineEdit, QAbstractSpinBox)):
            event.accept()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate and self.workshop_id is not None:
            self.roster.refresh_names()  # a workbook may have been locked meanwhile
        return super().event(event)

    def done(self, result: int) -> None:
        self.agenda.form.flush()
        super().done(result)


def open_workshops(window: QMainWindow) -> WorkshopsDialog:
    """Show the Workshops window over `window` (one at a time)."""
    old = getattr(window, "workshops_dialog", None)
    if old is not None:
        with contextlib.suppress(RuntimeError):  # already deleted by Qt on closing
            old.close()
    dialog = WorkshopsDialog(window)
    window.workshops_dialog = dialog
    dialog.show()
    dialog.activateWindow()
    return dialog
