"""The Workshops window's New…: a name, a day and the template the agenda is copied from.

Each shipped template is listed with its name, minutes and summary. Create stores the
workshop (`workbook.workshop.create_workshop`, which copies the template's agenda); a
refusal is shown in the dialog, which stays open. A name left empty takes the template's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.date_field import DateField
from ui.widgets import hint, strong
from ui.workshop.writes import Refused, write
from workbook.content.workshops import load_templates
from workbook.workshop import MAX_NAME, create_workshop

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class NewWorkshopDialog(QDialog):
    """Asks for a workshop's name, day and template; `created` holds the new id."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self._window = window
        self.created: int | None = None
        self.setWindowTitle("New workshop")
        self.setAccessibleName("New workshop")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME)
        self.name.setAccessibleName("Workshop name")
        self.name.setPlaceholderText("Say “Team offsite, May”; empty takes the template's name")
        name_label = QLabel("&Name:")
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        self.day = DateField("Workshop day", default_days=7)
        form.addRow(QLabel("Day:"), self.day)
        layout.addLayout(form)

        templates_label = QLabel("&Start from:")
        layout.addWidget(templates_label)
        self.templates = QListWidget()
        self.templates.setAccessibleName("Template to start from")
        self.templates.setWordWrap(True)
        self.templates.setAlternatingRowColors(True)
        for template_id, agenda in load_templates().items():
            count = len(agenda.exercises)
            head = f"{agenda.name} · {agenda.minutes} minutes · {count} exercises"
            item = QListWidgetItem(f"{head}\n{agenda.summary}")
            item.setData(ID_ROLE, template_id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{head}. {agenda.summary}")
            self.templates.addItem(item)
        self.templates.setCurrentRow(0)
        self.templates.itemDoubleClicked.connect(self.accept)
        templates_label.setBuddy(self.templates)
        layout.addWidget(self.templates, 1)
        layout.addWidget(hint("The agenda is a copy: edit it freely, the template stays."))
        self.problem = strong("")
        self.problem.setObjectName("problem-new")
        self.problem.hide()
        layout.addWidget(self.problem)

        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton("Create", QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setAccessibleName("Create the workshop")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel: make no workshop")
        self.create_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(button is self.create_button)  # Enter creates
        self.resize(560, 520)
        self.name.setFocus()

    def choose_template(self, name: str) -> None:
        """Choose the template whose name starts the item's text (for the keyboard too)."""
        for row in range(self.templates.count()):
            if self.templates.item(row).text().startswith(f"{name} · "):
                self.templates.setCurrentRow(row)
                return

    @Slot()
    def accept(self) -> None:
        item = self.templates.currentItem()
        if item is None:
            self._say("Choose a template to start from.")
            return
        template_id = item.data(ID_ROLE)
        name = self.name.text().strip() or load_templates()[template_id].name
        result = write(self._window.session, create_workshop, name, template_id, self.day.value())
        if isinstance(result, Refused):
            self._say(result.message)
            return
        self.created = result
        super().accept()

    def _say(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setAccessibleName(message)
        self.problem.show()
