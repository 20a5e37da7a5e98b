"""The dated parts of the strengths step: the energy log and feedback here, reflections on
prompts in `reflections.py`, all on one `JournalPanel`.

Each is a list of journal entries of one kind, newest first, each in a card
that saves as the person types. A new entry is written at once (dated
today) so not a word typed into it can be lost; deleting asks first when
the entry holds text. The lists are refilled only when entries are added or
removed or another workbook is shown, never while someone is typing in them.

Switching participant should cost little, so the lists keep their cards
and put the new entries in them (`JournalCard.show_entry`), and a panel on
a tab nobody is looking at keeps the data it was given and fills its cards
when it is next shown.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.binding import Binder
from ui.widgets import Disclosure, hint, muted
from workbook import door
from workbook.data import JournalEntry, WorkbookData

from .cards import JournalCard, may_delete
from .state import energy_summary, entries
from .tags import Names

if TYPE_CHECKING:
    from sqlite_utils import Database

Loader = Callable[[], WorkbookData | None]


def scrolling(body: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields; they scroll into view
    area.setWidget(body)
    return area


class JournalList(QWidget):
    """The entries of one kind, newest first, one card each."""

    #: An entry was deleted: the owner reloads the list.
    deleted = Signal()

    #: Hidden cards kept beyond those shown, ready for the next workbook's entries;
    #: more are deleted, so one long journal does not hold memory for the session.
    SPARE_CARDS = 8

    def __init__(
        self, binder: Binder, kind: str, parent: QWidget | None = None, names: Names | None = None
    ) -> None:
        super().__init__(parent)
        self._binder = binder
        self._names = names
        self.kind = kind
        #: The cards shown, newest entry first (the first `len(cards)` of the pool).
        self.cards: list[JournalCard] = []
        self._pool: list[JournalCard] = []
        self._shown: tuple[int, ...] | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(10)
        self.empty = muted()
        self._layout.addWidget(self.empty)

    def show_entries(self, entries: list[JournalEntry], empty_text: str) -> None:
        """Show these entries, newest first, in the cards already built where there are some."""
        self.empty.setText(empty_text)
        self.empty.setVisible(not entries)
        ids = tuple(e.id for e in entries)
        if ids == self._shown:
            return
        self._shown = ids
        newest_first = sorted(entries, key=lambda e: (e.entry_date, e.id), reverse=True)
        for index, entry in enumerate(newest_first):
            if index < len(self._pool):
                card = self._pool[index]
                card.show_entry(entry)
            else:
                card = JournalCard(self._binder, entry, self.kind, names=self._names)
                card.delete_requested.connect(self._delete)
                self._layout.addWidget(card)
                self._pool.append(card)
            # Shown now, not on the next pass of the event loop (what a new child of a
            # widget on screen waits for), so the list is never painted without it.
            card.show()
        count = len(newest_first)
        for card in self._pool[count:]:
            card.hide()
        for card in self._pool[count + self.SPARE_CARDS :]:
            self._layout.removeWidget(card)
            card.deleteLater()
        del self._pool[count + self.SPARE_CARDS :]
        self.cards = self._pool[:count]

    def card_for(self, row_id: int) -> JournalCard | None:
        return next((c for c in self.cards if c.row_id == row_id), None)

    def forget(self) -> None:
        """Put the stored entries back in the cards on the next show (another workbook, undo)."""
        self._shown = None

    @Slot(int)
    def _delete(self, row_id: int) -> None:
        card = self.card_for(row_id)
        if card is None:
            return
        what = {"reflection": "entry", "energy": "moment", "feedback": "feedback"}[self.kind]
        question = f"Delete this {what} from {card.date.text()}?"
        if not may_delete(self, card, f"Delete {what}", question):
            return
        if self._binder.now(door.journal.delete, self._binder.db, row_id):
            self.deleted.emit()


class JournalPanel(QWidget):
    """Shared set-up: a loader for fresh data, the workbook being shown, and waiting while
    hidden: `show_data` on a panel out of sight only keeps the data, and the cards are
    filled when the panel is shown (`showEvent` comes before the first paint)."""

    entries: JournalList

    def __init__(self, binder: Binder, loader: Loader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._binder = binder
        self._load = loader
        self._workbook_id: int | None = None
        self._waiting: WorkbookData | None = None

    def show_data(self, data: WorkbookData) -> None:
        """Show a workbook's entries now if the panel is on screen, else when it is next shown."""
        if data.workbook_id != self._workbook_id:
            # Set at once: an entry added from here must go to the workbook now shown.
            self._workbook_id = data.workbook_id
            self.entries.forget()
        if self.isVisible():
            self._waiting = None
            self._fill(data)
        else:
            self._waiting = data

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        data, self._waiting = self._waiting, None
        if data is not None:
            self._fill(data)

    def _scrolling_column(self, intro: str) -> QVBoxLayout:
        """The panel as one scrolling column, `intro` at its top; returns the column."""
        body = QWidget()
        body.setMaximumWidth(820)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 12, 8, 16)
        column.setSpacing(10)
        column.addWidget(hint(intro))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(body))
        return column

    def _add_entry_list(self, column: QVBoxLayout, kind: str, names: Names | None = None) -> None:
        """The cards of this panel's kind of entry, at the end of `column`."""
        self.entries = JournalList(self._binder, kind, names=names)
        self.entries.deleted.connect(self.reload)
        column.addWidget(self.entries)
        column.addStretch(1)

    def _add(self, **values: object) -> int | None:
        if self._workbook_id is None:
            return None
        db: Database = self._binder.db
        add = partial(door.journal.add, **values)  # Binder.now passes positional arguments
        change = self._binder.now(add, db, self._workbook_id)
        if change is None:
            return None
        self.reload()
        return change.row_id

    @Slot()
    def reload(self) -> None:
        data = self._load()
        if data is not None:
            self.show_data(data)

    def _fill(self, data: WorkbookData) -> None:
        """Put the workbook's entries in the panel's widgets."""
        raise NotImplementedError


class EnergyLogPanel(JournalPanel):
    """Moments of high or low engagement at work, dated, to spot patterns over weeks."""

    def __init__(self, binder: Binder, loader: Loader, parent: QWidget | None = None) -> None:
        super().__init__(binder, loader, parent)
        column = self._scrolling_column(
            "Note a moment at work when your energy went clearly up or down: what you were "
            "doing, with whom, and how it left you. A few weeks of notes show patterns a "
            "single rating cannot. This log is optional."
        )
        row = QHBoxLayout()
        self.new_button = QPushButton("Log a moment")
        self.new_button.setAccessibleName("Log a moment of high or low energy")
        self.new_button.clicked.connect(self.new_entry)
        row.addWidget(self.new_button)
        self.summary = QLabel()
        self.summary.setAccessibleName("Energy log summary")
        row.addWidget(self.summary, 1)
        column.addLayout(row)
        self._add_entry_list(column, "energy")

    def _fill(self, data: WorkbookData) -> None:
        mine = [e for e in data.journal if e.kind == "energy"]
        self.summary.setText(energy_summary([e.energy_level for e in mine]))
        self.entries.show_entries(mine, "")

    @Slot()
    def new_entry(self) -> None:
        row_id = self._add(kind="energy", body="", private=1)
        card = self.entries.card_for(row_id) if row_id is not None else None
        if card is not None and card.level is not None:
            card.level.buttons[3].setFocus(Qt.FocusReason.OtherFocusReason)


#: A question to send to three people, in our own words: what they have seen, not a rating.
ASK_THREE = (
    "Hello, I am thinking about where to take my work next, and your view would help me. "
    "Could you tell me about a time you saw me at my best at work: what was I doing, and "
    "what difference did it make? And what do you come to me for, or would you? Two or "
    "three sentences are plenty. Thank you."
)


class FeedbackPanel(JournalPanel):
    """What others said about your strengths, with who said it and the strengths it
    speaks to; and a question ready to send to three people."""

    def __init__(self, binder: Binder, loader: Loader, parent: QWidget | None = None) -> None:
        super().__init__(binder, loader, parent)
        self._strengths: list[tuple[str, str]] = []
        column = self._scrolling_column(
            "What a peer, a manager, a client or someone you support said about your work. "
            "Their words often name a strength you take for granted. Tag the strengths each "
            "piece speaks to, and it shows in your results as what others say."
        )
        row = QHBoxLayout()
        self.new_button = QPushButton("Add feedback")
        self.new_button.setAccessibleName("Add feedback from someone")
        self.new_button.clicked.connect(self.new_entry)
        row.addWidget(self.new_button)
        ask = self._ask_three()
        self.ask_toggle = Disclosure("Ask three people: a question ready to send", ask)
        row.addWidget(self.ask_toggle)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(ask)
        #: The workbook whose "Ask three people" was last opened or closed for it.
        self._asked_for: int | None = None
        self._add_entry_list(column, "feedback", names=self.strength_names)

    def _ask_three(self) -> QWidget:
        """Ask three people: the question, ready to copy into a message."""
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(6)
        layout.addWidget(
            hint(
                "Send this to three people who have seen you work lately: someone you work "
                "with, someone you work for, and someone you help. Put what they answer "
                "here, in their words."
            )
        )
        self.ask_text = QLabel(ASK_THREE)
        self.ask_text.setWordWrap(True)
        self.ask_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ask_text.setAccessibleName("A question to send to three people")
        self.ask_text.setFrameShape(QFrame.Shape.Box)
        self.ask_text.setMargin(8)
        layout.addWidget(self.ask_text)
        row = QHBoxLayout()
        self.copy_button = QPushButton("Copy")
        self.copy_button.setAccessibleName("Copy the question to send")
        self.copy_button.setToolTip("Copy the question, to paste into an email or a chat")
        self.copy_button.clicked.connect(self.copy_question)
        row.addWidget(self.copy_button)
        self.copied = muted("")
        self.copied.setAccessibleName("Whether the question was copied")
        row.addWidget(self.copied, 1)
        layout.addLayout(row)
        return box

    @Slot()
    def copy_question(self) -> None:
        QGuiApplication.clipboard().setText(ASK_THREE)
        self.copied.setText("Copied: paste it into a message to each of the three.")

    def strength_names(self) -> list[tuple[str, str]]:
        """The strengths a feedback entry may be tagged with: the catalogue, then your own."""
        return self._strengths

    def _fill(self, data: WorkbookData) -> None:
        from workbook.content import load_content  # loaded already by the page

        self._strengths = [(e.id, e.name) for e in entries(load_content(), data)]
        mine = [e for e in data.journal if e.kind == "feedback"]
        if self._asked_for != data.workbook_id:  # open at first while there is no feedback
            self._asked_for = data.workbook_id
            self.ask_toggle.setChecked(not mine)
        self.entries.show_entries(mine, "No feedback noted yet.")

    @Slot()
    def new_entry(self) -> None:
        row_id = self._add(kind="feedback", body="", private=0)
        card = self.entries.card_for(row_id) if row_id is not None else None
        if card is not None and card.source is not None:
            card.source.setFocus(Qt.FocusReason.OtherFocusReason)
