"""Step 0, "About you": role, role family, experience, track, aim, the decision in front
of the person and by when, and horizon.

Every control stages its edit with the autosaver as the person types or
picks; leaving a field saves at once. The page reads the profile back from
the database, so what it shows is what is stored. Once the person gives their name
while the workbook still has its default name ("My workbook"), a line under the name
offers to name the workbook after them: one click, one undo step.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.autosave import Autosaver
from ui.binding import Binder
from ui.date_field import DateField
from ui.next_step import next_step_row
from ui.widgets import TextBox, heading, hint
from workbook.model import HORIZONS, MAX_YEARS_EXPERIENCE, ROLE_FAMILIES, TRACKS, Profile
from workbook.queries import get_workbook, load_profile
from workbook.registry import PROFILE

if TYPE_CHECKING:
    from sqlite_utils import Database

    from workbook.change import Change

#: The name a workbook is given when made ("My workbook", "My workbook (2)"...): one still
#: called so is offered the person's name once they give it.
DEFAULT_NAME = re.compile(r"My workbook( \(\d+\))?")

#: What each field is called on the page, as undo names it too (`workbook.registry`).
FIELD_LABELS = {field.name: field.shown for field in PROFILE.fields}


class AboutYouPage(QScrollArea):
    def __init__(self, db: Database, autosaver: Autosaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._autosaver = autosaver
        self._binder = Binder(db, autosaver, self)
        self._workbook_id: int | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)

        body = QWidget()
        body.setMaximumWidth(760)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(32, 24, 32, 32)
        outer.setSpacing(12)
        outer.addWidget(heading("About you"))
        outer.addWidget(
            hint(
                "A few facts about where you stand today. They shape the suggestions in "
                "later steps. Only your role and aims matter here: your name is optional, "
                "and everything stays on this computer."
            )
        )
        self.status = QLabel()
        self.status.setAccessibleName("How complete this step is")
        outer.addWidget(self.status)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setVerticalSpacing(14)
        outer.addLayout(form)

        self.person_name = QLineEdit()
        self.person_name.setPlaceholderText("Optional: leave empty if you prefer")
        self.current_role = QLineEdit()
        self.current_role.setPlaceholderText(
            "For example: ward nurse, backend developer, recruiter, shop manager"
        )
        for field, edit in (("person_name", self.person_name), ("current_role", self.current_role)):
            edit.setObjectName(field)
            edit.setMaxLength(300)
            edit.textEdited.connect(self._line_edited)
            edit.editingFinished.connect(autosaver.flush)

        self.role_family = QComboBox()
        self.role_family.setObjectName("role_family")
        self.role_family.addItem("Choose the closest family…", None)
        for family_id, label in ROLE_FAMILIES:
            self.role_family.addItem(label, family_id)
        self.role_family.activated.connect(self._family_chosen)

        self.years = QSpinBox()
        self.years.setObjectName("years_experience")
        self.years.setRange(-1, MAX_YEARS_EXPERIENCE)
        self.years.setSpecialValueText("Not set")
        self.years.setSuffix(" years")
        self.years.valueChanged.connect(self._years_changed)
        self.years.editingFinished.connect(autosaver.flush)

        self.track_group, track_row = self._radio_row("current_track", TRACKS)
        self.horizon_group, horizon_row = self._radio_row("horizon_years", HORIZONS)

        self.aim = TextBox(min_lines=5)
        self.aim.setObjectName("aim")
        self.aim.setPlaceholderText(
            "What made you open this workbook? A decision ahead, a conversation to prepare, "
            "a feeling that your work is changing… Write freely, in any language."
        )
        self.aim.textChanged.connect(self._aim_changed)
        self.aim.left.connect(autosaver.flush)

        # What the conversation is for: page 1 of the PDF opens with it.
        self.decision = QLineEdit()
        self.decision.setObjectName("decision")
        self.decision.setMaxLength(300)
        self.decision.setPlaceholderText(
            "Optional. For example: whether to apply for the team lead role"
        )
        self.decision.textEdited.connect(self._line_edited)
        self.decision.editingFinished.connect(autosaver.flush)
        self.decide_by = DateField(FIELD_LABELS["decide_by"], default_days=90)
        self.decide_by.setObjectName("decide_by")
        self.decide_by.changed.connect(self._decide_by_changed)

        rows = [
            ("person_name", self.person_name),
            ("current_role", self.current_role),
            ("role_family", self.role_family),
            ("years_experience", self.years),
            ("current_track", track_row),
            ("aim", self.aim),
            ("decision", self.decision),
            ("decide_by", self.decide_by),
            ("horizon_years", horizon_row),
        ]
        buddies = {
            "current_track": self.track_group.buttons()[0],
            "horizon_years": self.horizon_group.buttons()[0],
            "decide_by": self.decide_by.add_button,
        }
        for field, widget in rows:
            label = QLabel(f"{FIELD_LABELS[field]}:")
            label.setBuddy(buddies.get(field, widget))
            form.addRow(label, widget)
            widget.setAccessibleName(FIELD_LABELS[field])
        form.insertRow(1, "", self._build_name_offer())
        form.addRow(
            "",
            hint(
                "The horizon is how far ahead you want to plan: the futures and goals in "
                "later steps use it."
            ),
        )
        outer.addStretch(1)
        outer.addLayout(next_step_row("about"))
        self.setWidget(body)

    def _radio_row(self, field: str, options: tuple) -> tuple[QButtonGroup, QWidget]:
        row = QWidget()
        row.setObjectName(field)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        group = QButtonGroup(self)
        for index, (_, label) in enumerate(options):
            button = QRadioButton(label)
            button.setAccessibleName(f"{FIELD_LABELS[field]}: {label}")
            group.addButton(button, index)
            layout.addWidget(button)
        layout.addStretch(1)
        group.idClicked.connect(self._radio_clicked)
        group.setProperty("field", field)
        group.setProperty("options", [option for option, _ in options])
        return group, row

    # ---- showing ----------------------------------------------------------------

    def show_workbook(self, workbook_id: int) -> None:
        self._workbook_id = workbook_id
        self.show_profile(load_profile(self._db, workbook_id))

    def show_profile(self, profile: Profile) -> None:
        """Put stored values in the controls without treating them as new edits."""
        blockers = [
            QSignalBlocker(w)
            for w in (
                self.person_name,
                self.current_role,
                self.role_family,
                self.years,
                self.aim,
                self.decision,
            )
        ]
        if self.person_name.text() != profile.person_name:
            self.person_name.setText(profile.person_name)
        if self.current_role.text() != profile.current_role:
            self.current_role.setText(profile.current_role)
        self.role_family.setCurrentIndex(max(0, self.role_family.findData(profile.role_family)))
        self.years.setValue(-1 if profile.years_experience is None else profile.years_experience)
        if self.aim.toPlainText() != profile.aim:
            self.aim.setPlainText(profile.aim)
        if self.decision.text() != profile.decision:
            self.decision.setText(profile.decision)
        for edit in (self.person_name, self.current_role, self.decision):
            if not edit.hasFocus():
                edit.setCursorPosition(0)  # show a long line from its start, not its end
        self.decide_by.set_value(profile.decide_by)
        self._check_radio(self.track_group, profile.current_track)
        self._check_radio(self.horizon_group, profile.horizon_years)
        del blockers
        self._show_status(profile)
        self._show_name_offer(profile)

    def _build_name_offer(self) -> QWidget:
        """The offer to name a workbook still called "My workbook" after the person."""
        self.name_offer = QWidget()
        row = QHBoxLayout(self.name_offer)
        row.setContentsMargins(0, 0, 0, 0)
        self.name_offer_text = hint("")
        self.name_offer_text.setAccessibleName("The workbook's name")
        self.name_offer_button = QPushButton()
        self.name_offer_button.clicked.connect(self._rename_workbook)
        row.addWidget(self.name_offer_text, 1)
        row.addWidget(self.name_offer_button, 0)
        self.name_offer.hide()
        return self.name_offer

    def _show_name_offer(self, profile: Profile) -> None:
        name = profile.person_name.strip()
        current = get_workbook(self._db, profile.workbook_id).name
        offered = bool(name) and bool(DEFAULT_NAME.fullmatch(current))
        if offered:
            self.name_offer_text.setText(f"This workbook is still called “{current}”.")
            self.name_offer_button.setText(f"Call it “{name}”")
            self.name_offer_button.setAccessibleName(f"Rename this workbook to {name}")
        self.name_offer.setVisible(offered)

    @Slot()
    def _rename_workbook(self) -> None:
        """Rename through the window's workbook actions: saved, undoable, refused in words."""
        actions = getattr(self.window(), "workbooks", None)
        name = self.person_name.text().strip()
        if actions is not None and name and self._workbook_id is not None:
            actions.rename_to(self._workbook_id, name)

    def _check_radio(self, group: QButtonGroup, value: object) -> None:
        options = group.property("options")
        group.setExclusive(False)  # lets every button be unchecked for "not answered"
        for index, button in enumerate(group.buttons()):
            button.setChecked(index < len(options) and options[index] == value)
        group.setExclusive(True)

    def _show_status(self, profile: Profile) -> None:
        done, total = profile.answered(), len(Profile.REQUIRED)
        if done == total:
            self.status.setText("All answered. You can come back and change anything.")
        else:
            self.status.setText(f"{done} of {total} answered")

    #: The steps whose answers this page shows (`ui.steps.StepPage`).
    reads = frozenset({"about"})

    def refresh(self, change: Change | None = None) -> None:
        """Only the line saying how much is answered follows what was saved: the fields
        hold what the person typed."""
        if self._workbook_id is not None:
            profile = load_profile(self._db, self._workbook_id)
            self._show_status(profile)
            self._show_name_offer(profile)

    # ---- editing ----------------------------------------------------------------

    def _stage(self, field: str, value: object) -> None:
        if self._workbook_id is None:
            return
        # Imported at the first edit, not with the page: the About page is the first one a
        # new workbook shows, and the door is not needed to show it (~5 ms).
        from workbook.door import set_profile_field

        self._binder.stage(set_profile_field, self._workbook_id, field, value)

    @Slot(str)
    def _line_edited(self, text: str) -> None:
        self._stage(self.sender().objectName(), text)

    @Slot(int)
    def _family_chosen(self, index: int) -> None:
        self._stage("role_family", self.role_family.itemData(index))
        self._autosaver.flush()

    @Slot(int)
    def _years_changed(self, value: int) -> None:
        self._stage("years_experience", None if value < 0 else value)

    @Slot()
    def _aim_changed(self) -> None:
        self._stage("aim", self.aim.toPlainText())

    @Slot(object)
    def _decide_by_changed(self, value: str | None) -> None:
        self._stage("decide_by", value)
        self._autosaver.flush()

    @Slot(int)
    def _radio_clicked(self, index: int) -> None:
        group = self.sender()
        self._stage(group.property("field"), group.property("options")[index])
        self._autosaver.flush()
