"""One strength in full: its description, three anchored ratings, overuse, and examples.

Built for one strength at a time (the levels differ from strength to
strength). Ratings save at once; text saves as the person types. In
ranking mode the skill rating gives way to the strength's place in the
ranking. The overuse note appears once skill and energy are both 4 or more, and stays once
written.

The same strength in another workbook reuses the widget (`show_workbook`):
every answer is written to `workbook_id` as it is when the edit is made,
and the example cards are kept and refilled rather than built again.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.binding import Binder, set_text
from ui.rating import RatingSelector
from ui.widgets import GrowingTextBox, hint, muted, strong, subheading
from workbook import door
from workbook.content.catalogue import Scale
from workbook.data import Evidence, Rating, WorkbookData

from .cards import EvidenceCard, may_delete, set_fresh_text
from .state import Entry, overuse_asked, overuse_due, place_sentence, ranking_mode

GENERIC_OVERUSE = (
    "Any strength can be overdone: think of a time this one crowded out something else, "
    "or made work harder for the people around you."
)


class StrengthDetail(QWidget):
    """The right-hand side of the inventory for one strength."""

    #: The person asked to see the ranking.
    open_ranking = Signal()
    #: An example was added or deleted: the owner reloads.
    evidence_changed = Signal()

    def __init__(
        self,
        binder: Binder,
        entry: Entry,
        scales: dict[str, Scale],
        workbook_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._binder = binder
        self.entry = entry
        self.workbook_id = workbook_id
        self.setAccessibleName(entry.name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 0, 12, 16)
        layout.setSpacing(8)

        layout.addWidget(muted(entry.group))
        self.name_edit: QLineEdit | None = None
        self.description_edit: GrowingTextBox | None = None
        if entry.custom:
            self._own_strength_fields(layout)
        else:
            layout.addWidget(subheading(entry.name))
            description = hint(entry.description)
            description.setAccessibleName(f"What {entry.name} means")
            layout.addWidget(description)

        self.selectors: dict[str, RatingSelector] = {}
        self._sections: dict[str, QWidget] = {}
        for field in ("proficiency", "energy", "edge"):
            scale = scales[field]
            section = QWidget()
            column = QVBoxLayout(section)
            column.setContentsMargins(0, 10, 0, 0)
            column.setSpacing(4)
            column.addWidget(strong(scale.name))
            column.addWidget(muted(scale.question))
            selector = RatingSelector(f"{scale.name}: {entry.name}", getattr(entry, field))
            selector.setObjectName(field)
            column.addWidget(selector)
            self.selectors[field] = selector
            self._sections[field] = section
            layout.addWidget(section)
        self.proficiency = self.selectors["proficiency"]
        self.energy = self.selectors["energy"]
        self.edge = self.selectors["edge"]
        self.proficiency.chosen.connect(self._proficiency_chosen)
        self.energy.chosen.connect(self._energy_chosen)
        self.edge.chosen.connect(self._edge_chosen)

        # In ranking mode, this replaces the skill rating.
        self.rank_section = QWidget()
        column = QVBoxLayout(self.rank_section)
        column.setContentsMargins(0, 10, 0, 0)
        column.setSpacing(4)
        column.addWidget(strong("Skill, from your ranking"))
        self.rank_text = QLabel()
        self.rank_text.setWordWrap(True)
        self.rank_text.setAccessibleName("Place in your ranking")
        column.addWidget(self.rank_text)
        row = QHBoxLayout()
        self.open_ranking_button = QPushButton("Reorder your ranking")
        self.open_ranking_button.setAccessibleName("Open the ranking to reorder your strengths")
        self.open_ranking_button.clicked.connect(self.open_ranking)
        row.addWidget(self.open_ranking_button)
        row.addStretch(1)
        column.addLayout(row)
        layout.insertWidget(layout.indexOf(self._sections["proficiency"]), self.rank_section)

        self.overuse_section = QWidget()
        column = QVBoxLayout(self.overuse_section)
        column.setContentsMargins(0, 14, 0, 0)
        column.setSpacing(4)
        column.addWidget(strong("When it is overdone"))
        self._overuse_hint = hint("")
        column.addWidget(self._overuse_hint)
        self.overuse = GrowingTextBox(min_lines=3)
        self.overuse.setObjectName("overuse_note")
        self.overuse.setAccessibleName(f"What {entry.name} looks like when you overdo it")
        self.overuse.setPlaceholderText(
            "What does it look like, to the people around you, when you overdo it?"
        )
        binder.text(self.overuse, binder.writer(door.set_strength_note, self._wid, entry.id))
        column.addWidget(self.overuse)
        layout.addWidget(self.overuse_section)

        examples = QWidget()
        column = QVBoxLayout(examples)
        column.setContentsMargins(0, 14, 0, 0)
        column.setSpacing(8)
        column.addWidget(strong("Examples"))
        column.addWidget(
            muted(
                "A concrete example makes a strength real, to you and to others. Describe one "
                "time you used it: the situation, what you did, and the result."
            )
        )
        self._cards_column = QVBoxLayout()
        self._cards_column.setSpacing(10)
        column.addLayout(self._cards_column)
        row = QHBoxLayout()
        self.add_evidence_button = QPushButton("Add an example")
        self.add_evidence_button.setAccessibleName(f"Add an example of {entry.name}")
        self.add_evidence_button.clicked.connect(self.add_evidence)
        row.addWidget(self.add_evidence_button)
        row.addStretch(1)
        column.addLayout(row)
        layout.addWidget(examples)
        layout.addStretch(1)
        #: The example cards shown, in order (the first `len(evidence_cards)` of the pool).
        self.evidence_cards: list[EvidenceCard] = []
        self._evidence_pool: list[EvidenceCard] = []
        self._evidence_ids: tuple[int, ...] | None = None

    def _own_strength_fields(self, layout: QVBoxLayout) -> None:
        entry, binder = self.entry, self._binder
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(300)
        self.name_edit.setAccessibleName("Name of your strength")
        set_text(self.name_edit, entry.name)
        binder.line(self.name_edit, binder.writer(door.name_own_strength, self._wid, entry.id))
        self.description_edit = GrowingTextBox(min_lines=2, max_lines=6)
        self.description_edit.setAccessibleName("What your strength looks like in practice")
        self.description_edit.setPlaceholderText(
            "In one or two sentences: what do you do when you use this strength?"
        )
        set_text(self.description_edit, entry.description)
        binder.text(
            self.description_edit,
            binder.writer(door.describe_own_strength, self._wid, entry.id),
        )
        for text, widget in (("Name:", self.name_edit), ("Description:", self.description_edit)):
            label = QLabel(text)
            label.setBuddy(widget)
            layout.addWidget(label)
            layout.addWidget(widget)

    def _wid(self) -> int:
        return self.workbook_id

    # ---- showing -------------------------------------------------------------------

    def load(self, data: WorkbookData) -> None:
        """Put the stored answers in the controls (on first showing, or after undo)."""
        self._load(data, set_text)

    def show_workbook(self, data: WorkbookData) -> None:
        """Show the same strength as another workbook (or the same one afresh) holds it.

        Edits made from now on go to `data.workbook_id`, and the text fields
        start with an empty undo history of their own, so Ctrl+Z in one can
        never bring back what was typed for another workbook.
        """
        self.workbook_id = data.workbook_id
        self._load(data, set_fresh_text)

    def _load(self, data: WorkbookData, put_text: Callable[[Any, str | None], None]) -> None:
        rating = data.ratings.get(self.entry.id) or Rating(self.entry.id)
        for field, selector in self.selectors.items():
            selector.set_value(getattr(rating, field))
        put_text(self.overuse, rating.overuse_note)
        if self.name_edit is not None and rating.custom_name is not None:
            put_text(self.name_edit, rating.custom_name)
        if self.description_edit is not None:
            put_text(self.description_edit, rating.custom_description)
        self._evidence_ids = None
        self.update_from(data)

    def update_from(self, data: WorkbookData) -> None:
        """Show what follows from the answers, leaving what is being typed alone."""
        ranking = ranking_mode(data)
        self._sections["proficiency"].setVisible(not ranking)
        self.rank_section.setVisible(ranking)
        if ranking:
            self.rank_text.setText(place_sentence(data, self.entry.id))
        # Never hidden under the cursor: emptying the note to rewrite it keeps the box.
        typing = self.overuse.hasFocus()
        self.overuse_section.setVisible(typing or overuse_due(data, self.entry.id))
        why = (
            "Your skill and your energy are both high here, which is when a strength is "
            "easiest to overdo. "
            if overuse_asked(data, self.entry.id)
            else "You wrote this when your skill and energy here were both high, which is "
            "when a strength is easiest to overdo. "
        )
        self._overuse_hint.setText(why + (self.entry.overuse or GENERIC_OVERUSE))
        self._show_evidence([e for e in data.evidence if e.strength_id == self.entry.id])

    def _show_evidence(self, evidence: list[Evidence]) -> None:
        ids = tuple(e.id for e in evidence)
        if ids == self._evidence_ids:
            return
        self._evidence_ids = ids
        # Card n is always "Example n", so a kept card only needs the example's text.
        for number, item in enumerate(evidence, start=1):
            if number <= len(self._evidence_pool):
                card = self._evidence_pool[number - 1]
                card.show_evidence(item)
            else:
                card = EvidenceCard(self._binder, item, number)
                card.delete_requested.connect(self._delete_evidence)
                self._cards_column.addWidget(card)
                self._evidence_pool.append(card)
            card.show()  # now, not on the event loop's next pass: never painted without it
        for card in self._evidence_pool[len(evidence) :]:
            card.hide()
        self.evidence_cards = self._evidence_pool[: len(evidence)]
        self.add_evidence_button.setText("Add another example" if evidence else "Add an example")

    # ---- editing -------------------------------------------------------------------

    def _rate(self, field: str, value: int | None) -> None:
        self._binder.writer(door.set_rating, self._wid, self.entry.id, field)(value)
        self._binder.autosaver.flush()

    @Slot(object)
    def _proficiency_chosen(self, value: int | None) -> None:
        self._rate("proficiency", value)

    @Slot(object)
    def _energy_chosen(self, value: int | None) -> None:
        self._rate("energy", value)

    @Slot(object)
    def _edge_chosen(self, value: int | None) -> None:
        self._rate("edge", value)

    @Slot()
    def add_evidence(self) -> None:
        add = partial(door.evidence.add, strength_id=self.entry.id)
        change = self._binder.now(add, self._binder.db, self.workbook_id)
        if change is None:
            return
        self.evidence_changed.emit()
        card = next((c for c in self.evidence_cards if c.row_id == change.row_id), None)
        if card is not None:
            card.boxes["situation"].setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(int)
    def _delete_evidence(self, row_id: int) -> None:
        card = next((c for c in self.evidence_cards if c.row_id == row_id), None)
        if card is None:
            return
        question = f"Delete {card.title.text().lower()} of {self.entry.name}?"
        if not may_delete(self, card, "Delete example", question):
            return
        if self._binder.now(door.evidence.delete, self._binder.db, row_id):
            self.evidence_changed.emit()
