"""A date that may stay empty: "Add a date" until one is set, then a calendar field with
a Clear button. Used by the plan's goals, actions and asks and by the About page's
"Decide by". It holds no Qt import beyond widgets, so the first page stays quick.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QPushButton, QWidget

from ui.steps.plan.widgets import DATE_FORMAT, tool_button

__all__ = ["DateField"]


class DateField(QWidget):
    """A date that can also be empty: "Add a date" until one is set, then a calendar
    field with a Clear button. Emits `changed` with "YYYY-MM-DD" or None."""

    changed = Signal(object)
    finished = Signal()

    def __init__(self, name: str, default_days: int = 30, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._default_days = default_days
        self.setAccessibleName(name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.add_button = QPushButton("Add a date")
        self.add_button.setAccessibleName(f"{name}: add a date")
        self.add_button.setToolTip("No date yet")
        self.add_button.clicked.connect(self._add)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(DATE_FORMAT)
        self.edit.setAccessibleName(name)
        self.edit.setToolTip("Alt+Down opens a calendar.")
        self.edit.dateChanged.connect(self._date_changed)
        self.edit.editingFinished.connect(self.finished)
        self.clear_button = tool_button("Clear", f"{name}: clear", "Remove the date")
        self.clear_button.clicked.connect(self._clear)
        layout.addWidget(self.add_button)
        layout.addWidget(self.edit)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self._show_empty(True)

    def value(self) -> str | None:
        if self.edit.isHidden():
            return None
        return self.edit.date().toString(Qt.DateFormat.ISODate)

    def set_value(self, value: str | None) -> None:
        """Show a stored date (not a new edit: no signal)."""
        date = QDate.fromString(value or "", Qt.DateFormat.ISODate)
        if value is None or not date.isValid():
            self._show_empty(True)
            return
        blocked = self.edit.blockSignals(True)
        self.edit.setDate(date)
        self.edit.blockSignals(blocked)
        self._show_empty(False)

    def _show_empty(self, empty: bool) -> None:
        self.add_button.setVisible(empty)
        self.edit.setVisible(not empty)
        self.clear_button.setVisible(not empty)

    @Slot()
    def _add(self) -> None:
        blocked = self.edit.blockSignals(True)
        self.edit.setDate(QDate.currentDate().addDays(self._default_days))
        self.edit.blockSignals(blocked)
        self._show_empty(False)
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit(self.value())
        self.finished.emit()

    @Slot()
    def _clear(self) -> None:
        self._show_empty(True)
        self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit(None)
        self.finished.emit()

    @Slot(QDate)
    def _date_changed(self, _date: QDate) -> None:
        self.changed.emit(self.value())
