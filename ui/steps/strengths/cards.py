"""Editors for one entry each: an example (situation, action, result) or a dated journal entry.

A card binds its fields to the entry's row through the Binder, so typing is
saved within a moment and leaving a field saves at once. Deleting is asked
for with `delete_requested`; the panel that owns the card confirms and
deletes, because it also owns the list the card sits in.

Cards are reused: building one costs about a millisecond (a text box and a
rating control each), so the lists keep their cards and `show_entry` /
`show_evidence` put another entry in one, for instance after switching
workbook. The fields write to the row the card shows *when the edit is
made* (`row_id` is read at that moment), and showing another row empties
every field's own undo history, so Ctrl+Z can never carry one entry's
text into another.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.binding import Binder, set_text
from ui.rating import RatingSelector
from ui.widgets import GrowingTextBox, TextBox, confirm, strong
from workbook.data import Evidence, JournalEntry

from .state import MOMENT_LEVELS
from .tags import Names, StrengthTags, strength_links, tagged_ids

DATE_FORMAT = "d MMMM yyyy"


def may_delete(
    parent: QWidget, card: EvidenceCard | JournalCard, title: str, question: str
) -> bool:
    """Whether an entry may go: one with words in it is asked about, an empty one is not."""
    if not card.has_text():
        return True
    warning = "Its text is removed from the workbook file and cannot be brought back."
    return confirm(parent, title, f"{question}\n\n{warning}", "Delete")


def set_fresh_text(widget: QLineEdit | TextBox, value: str | None) -> None:
    """Put another entry's text in a field, with an empty undo history of its own.

    `set_text` leaves a field alone when the text is already the same, which
    would keep the previous entry's undo steps; here they are dropped either
    way (QLineEdit.setText always clears them, a text box is told to).
    """
    if isinstance(widget, QLineEdit):
        old = widget.blockSignals(True)
        widget.setText(value or "")
        widget.blockSignals(old)
    else:
        set_text(widget, value)
        widget.document().clearUndoRedoStacks()


def set_quietly(widget: QWidget, setter: Callable[[], None]) -> None:
    """Show a stored value without it counting as an edit (no signal, so nothing is saved)."""
    old = widget.blockSignals(True)
    try:
        setter()
    finally:
        widget.blockSignals(old)


class Card(QFrame):
    """A framed block with a title line and a Delete button on the right."""

    #: The row id of the entry the person wants to delete.
    delete_requested = Signal(int)

    def __init__(self, row_id: int, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The row shown; it changes when the card is reused for another entry.
        self.row_id = row_id
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(12, 10, 12, 12)
        self.layout_.setSpacing(6)
        self.top = QHBoxLayout()
        self.title = strong(title)
        self.top.addWidget(self.title, 1)
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setAccessibleName(f"Delete {title.lower()}")
        self.delete_button.clicked.connect(self._delete_clicked)
        self.layout_.addLayout(self.top)

    def finish_top(self) -> None:
        """Put the Delete button last on the title line (after any extra controls)."""
        self.top.addWidget(self.delete_button)

    @Slot()
    def _delete_clicked(self) -> None:
        self.delete_requested.emit(self.row_id)

    def has_text(self) -> bool:
        raise NotImplementedError

    def _writer(self, binder: Binder, table: str, field: str) -> Callable[[Any], None]:
        """A writer for one field of the row the card shows when the edit is made."""

        def write(value: Any) -> None:
            binder.row_field(table, self.row_id, field)(value)

        return write


class EvidenceCard(Card):
    """One example for a strength: the situation, what you did, and what came of it."""

    FIELDS = (
        ("situation", "Situation", "Where were you, and what was at stake?"),
        ("action", "Action", "What did you do yourself? This is where the strength shows."),
        ("result", "Result", "What changed because of it: a decision, a number, a reaction."),
    )

    def __init__(
        self, binder: Binder, evidence: Evidence, number: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(evidence.id, f"Example {number}", parent)
        self.finish_top()
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(6)
        self.boxes: dict[str, GrowingTextBox] = {}
        for row, (field, label_text, placeholder) in enumerate(self.FIELDS):
            box = GrowingTextBox(min_lines=2)
            box.setObjectName(field)
            box.setPlaceholderText(placeholder)
            box.setAccessibleName(f"Example {number}: {label_text.lower()}")
            set_text(box, getattr(evidence, field))
            binder.text(box, self._writer(binder, "evidence", field))
            label = QLabel(f"{label_text}:")
            label.setBuddy(box)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(box, row, 1)
            self.boxes[field] = box
        self.layout_.addLayout(grid)

    def show_evidence(self, evidence: Evidence) -> None:
        """Show an example as stored: another row starts afresh, the same row keeps the cursor."""
        fresh = evidence.id != self.row_id
        self.row_id = evidence.id
        for field, box in self.boxes.items():
            (set_fresh_text if fresh else set_text)(box, getattr(evidence, field))

    def has_text(self) -> bool:
        return any(box.toPlainText().strip() for box in self.boxes.values())


class JournalCard(Card):
    """A dated entry: a reflection, a moment of the energy log, or feedback from someone."""

    def __init__(
        self,
        binder: Binder,
        entry: JournalEntry,
        kind: str,
        parent: QWidget | None = None,
        names: Names | None = None,
    ) -> None:
        what = {"reflection": "entry", "energy": "moment", "feedback": "feedback"}[kind]
        super().__init__(entry.id, f"{what.capitalize()}", parent)
        self._binder = binder
        self.title.hide()  # the date says which entry this is
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(DATE_FORMAT)
        self.date.setAccessibleName(f"Date of this {what}")
        self._write_date = self._writer(binder, "journal_entries", "entry_date")
        self.date.dateChanged.connect(self._date_changed)
        self.date.editingFinished.connect(binder.autosaver.flush)
        self.top.insertWidget(0, self.date)
        self.top.insertStretch(1, 1)
        self.delete_button.setAccessibleName(f"Delete this {what}")
        self.finish_top()

        self.level: RatingSelector | None = None
        self.source: QLineEdit | None = None
        self.private: QCheckBox | None = None
        self.tags: StrengthTags | None = None
        if kind == "energy":
            self.level = RatingSelector("Energy of this moment", MOMENT_LEVELS)
            self._write_level = self._writer(binder, "journal_entries", "energy_level")
            self.level.chosen.connect(self._level_chosen)
            self.layout_.addWidget(self.level)
        if kind == "feedback":
            row = QHBoxLayout()
            self.source = QLineEdit()
            self.source.setMaxLength(300)
            self.source.setPlaceholderText("For example: my manager, a peer in finance, a client")
            self.source.setAccessibleName("Who said it")
            binder.line(self.source, self._writer(binder, "journal_entries", "source"))
            label = QLabel("Who said it:")
            label.setBuddy(self.source)
            row.addWidget(label)
            row.addWidget(self.source, 1)
            self.layout_.addLayout(row)

        self.body = GrowingTextBox(min_lines=3, max_lines=16)
        self.body.setObjectName("body")
        self.body.setPlaceholderText(
            {
                "reflection": "Write freely, in any language. You can come back and add more.",
                "energy": "What were you doing, with whom, and what made it so?",
                "feedback": "What they said, in their words rather than your summary.",
            }[kind]
        )
        self.body.setAccessibleName(f"Text of this {what}")
        binder.text(self.body, self._writer(binder, "journal_entries", "body"))
        self.layout_.addWidget(self.body)

        if kind == "feedback":
            self.tags = StrengthTags(names or list)
            self._write_links = self._writer(binder, "journal_entries", "links")
            self.tags.changed.connect(self._tags_changed)
            self.layout_.addWidget(self.tags)
            self.private = QCheckBox("Keep private: leave it out of exports unless I include it")
            self.private.setAccessibleName("Keep this feedback private")
            self._write_private = self._writer(binder, "journal_entries", "private")
            self.private.toggled.connect(self._private_toggled)
            self.layout_.addWidget(self.private)
        self._show(entry, fresh=True)

    def show_entry(self, entry: JournalEntry) -> None:
        """Show an entry as stored (the card is reused for another entry, or after undo).

        Another row starts afresh (its own undo history); the same row keeps
        the cursor where the text is unchanged.
        """
        fresh = entry.id != self.row_id
        self.row_id = entry.id
        self._show(entry, fresh)

    def _show(self, entry: JournalEntry, fresh: bool) -> None:
        # Every value is put in quietly: showing what is stored must not write it back.
        when = QDate.fromString(entry.entry_date or date.today().isoformat(), Qt.DateFormat.ISODate)
        when = when if when.isValid() else QDate.currentDate()
        if self.date.date() != when:
            set_quietly(self.date, lambda: self.date.setDate(when))
        put_text = set_fresh_text if fresh else set_text
        if self.level is not None:
            self.level.set_value(entry.energy_level)  # sends no signal
        if self.source is not None:
            put_text(self.source, entry.source)
        put_text(self.body, entry.body)
        if self.private is not None:
            private = self.private
            set_quietly(private, lambda: private.setChecked(bool(entry.private)))
        if self.tags is not None:
            self.tags.show_tags(tagged_ids(entry.links))

    @Slot(QDate)
    def _date_changed(self, when: QDate) -> None:
        self._write_date(when.toString(Qt.DateFormat.ISODate))

    @Slot(object)
    def _level_chosen(self, value: int | None) -> None:
        self._write_level(value)
        self._binder.autosaver.flush()

    @Slot(list)
    def _tags_changed(self, ids: list[str]) -> None:
        self._write_links(strength_links(ids))
        self._binder.autosaver.flush()

    @Slot(bool)
    def _private_toggled(self, checked: bool) -> None:
        self._write_private(int(checked))
        self._binder.autosaver.flush()

    def has_text(self) -> bool:
        source = self.source.text().strip() if self.source is not None else ""
        return bool(self.body.toPlainText().strip() or source)
