"""A workshop's roster in the Workshops window: each participant by name or alias, perhaps
tied to a workbook of this file.

Type a name and press Enter (or Add) to add it; Remove takes the chosen line away (the
participant's workbook stays). The drop-down of workbooks to tie a participant to lists
them as `workbook.locks.listed` lets this window see them: a locked workbook only as
"Locked workbook N", never by its name, which may be its owner's. It is read again each
time it opens and each time the window comes forward, since switching workbooks locks
the one left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import hint, strong
from ui.workshop.writes import Refused, write
from workbook.workshop import MAX_ALIAS, add_participant, load_workshop, remove_participant

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMainWindow

    from workbook.workshop import Participant

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class WorkbookChoice(QComboBox):
    """The workbooks a participant may be tied to, read afresh as the list opens."""

    def __init__(self, refresh: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._refresh = refresh

    def showPopup(self) -> None:  # noqa: N802 - Qt name
        self._refresh()
        super().showPopup()


class RosterEditor(QWidget):
    """The participants of one workshop: the list, a line to add one, Remove."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self.workshop_id: int | None = None
        self._roster: tuple[Participant, ...] = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            hint(
                "Each participant by name or alias. Tie one to a workbook of this file if "
                "you like; a locked workbook shows only its number."
            )
        )
        row = QHBoxLayout()
        label = QLabel("Name or &alias:")
        self.alias = QLineEdit()
        self.alias.setMaxLength(MAX_ALIAS)
        self.alias.setAccessibleName("New participant's name or alias")
        self.alias.setPlaceholderText("Press Enter to add")
        self.alias.returnPressed.connect(self.add)
        label.setBuddy(self.alias)
        self.workbook = WorkbookChoice(self._fill_workbooks)
        self.workbook.setAccessibleName("New participant's workbook")
        self.workbook.setToolTip("The workbook this participant uses here, if any")
        self.add_button = QPushButton("Add")
        self.add_button.setAccessibleName("Add the participant")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add)
        row.addWidget(label)
        row.addWidget(self.alias, 1)
        row.addWidget(self.workbook)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.problem = strong("")
        self.problem.setObjectName("problem-roster")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.people = QListWidget()
        self.people.setAccessibleName("Participants")
        self.people.currentRowChanged.connect(self._update_buttons)
        layout.addWidget(self.people, 1)
        below = QHBoxLayout()
        self.remove_button = QPushButton("Remo&ve participant")
        self.remove_button.setAccessibleName("Remove the chosen participant")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove)
        self.count = hint("")
        below.addWidget(self.remove_button)
        below.addWidget(self.count, 1)
        layout.addLayout(below)
        self._fill_workbooks()
        self._update_buttons()

    # ---- showing --------------------------------------------------------------------------

    def show_roster(self, workshop_id: int | None, roster: tuple[Participant, ...]) -> None:
        self.workshop_id, self._roster = workshop_id, roster
        self._set_problem("")
        self._show_people()
        self.setEnabled(workshop_id is not None)

    def _names(self) -> dict[int, str]:
        """Every workbook's name as this window may show it (a locked one by number)."""
        from workbook.locks import listed

        session = self._window.session
        return {info.id: info.name for info in listed(session.db, session.unlocked)}

    def refresh_names(self) -> None:
        """Read the workbooks' names again: one may have been locked or renamed."""
        self._fill_workbooks()
        self._show_people()

    def _show_people(self, chosen: int | None = None) -> None:
        names = self._names() if any(p.workbook_id for p in self._roster) else {}
        chosen = chosen if chosen is not None else self._current_id()
        self.people.clear()
        for person in self._roster:
            text = person.alias
            if person.workbook_id is not None and person.workbook_id in names:
                text = f"{person.alias} · workbook: {names[person.workbook_id]}"
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, person.id)
            self.people.addItem(item)
            if person.id == chosen:
                self.people.setCurrentItem(item)
        count = len(self._roster)
        self.count.setText(f"{count} participant{'' if count == 1 else 's'}")
        self._update_buttons()

    @Slot()
    def _fill_workbooks(self) -> None:
        chosen = self.workbook.currentData()
        self.workbook.clear()
        self.workbook.addItem("No workbook", None)
        if getattr(self._window, "session", None) is not None:
            for workbook_id, name in self._names().items():
                self.workbook.addItem(name, workbook_id)
        self.workbook.setCurrentIndex(max(0, self.workbook.findData(chosen)))

    def _current_id(self) -> int | None:
        item = self.people.currentItem()
        return None if item is None else item.data(ID_ROLE)

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        self.remove_button.setEnabled(self._current_id() is not None)

    def _set_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setAccessibleName(message)
        self.problem.setVisible(bool(message))
        self.alias.setAccessibleDescription(message)

    def _reload(self, chosen: int | None = None) -> None:
        workshop = write(self._window.session, load_workshop, self.workshop_id)
        if isinstance(workshop, Refused):
            self._set_problem(workshop.message)
            return
        self._roster = workshop.roster
        self._show_people(chosen)

    # ---- changing -------------------------------------------------------------------------

    @Slot()
    def add(self) -> None:
        """Add the typed name (tied to the chosen workbook, if any); the line empties for
        the next one."""
        if self.workshop_id is None:
            return
        result = write(
            self._window.session,
            add_participant,
            self.workshop_id,
            self.alias.text(),
            self.workbook.currentData(),
        )
        if isinstance(result, Refused):
            self._set_problem(result.message)
            return
        self._set_problem("")
        self.alias.clear()
        self.workbook.setCurrentIndex(0)
        self._reload(chosen=result)
        self.alias.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def remove(self) -> None:
        participant_id = self._current_id()
        if participant_id is None:
            return
        row = self.people.currentRow()
        result = write(self._window.session, remove_participant, participant_id)
        if isinstance(result, Refused):
            self._set_problem(result.message)
            return
        self._set_problem("")
        self._reload()
        if self.people.count():
            self.people.setCurrentRow(min(row, self.people.count() - 1))
            self.people.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.alias.setFocus(Qt.FocusReason.OtherFocusReason)
