"""The reinvestment plan: where the hours AI frees go.

Each place is a number of hours a week, where they go (a strength, a goal,
a path, or something else, picked from lists filled from the content and
the workbook's goals) and a note. Hours are written at once when the
person commits a value; the workbook refuses an allocation beyond the
hours freed, and the panel then shows that plain message and puts the
stored value back, so nothing over the limit is ever kept. A line above
the rows says how many freed hours are still free to place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.binding import Binder, set_text
from ui.steps.ai_plan.text import hours
from ui.widgets import confirm, hint
from workbook import door
from workbook.change import Change
from workbook.data import Reinvestment
from workbook.registry import MAX_HOURS

#: (kind, label) as stored in reinvestments.target_kind.
KINDS: tuple[tuple[str, str], ...] = (
    ("strength", "A strength"),
    ("goal", "A goal"),
    ("path", "A path"),
    ("other", "Something else"),
)
CHOOSE = {
    "strength": "Choose a strength…",
    "goal": "Choose a goal…",
    "path": "Choose a path…",
    "other": "Say where in the note",
}
WIDTHS = {"hours": 96, "kind": 140}
#: The "which one" list narrows to its minimum before the page has to scroll sideways.
TARGET_WIDTHS = (200, 360)
COLUMN_GAP = 8

#: run(edit, *args) -> (the Change, or None and the plain message of a refusal)
Runner = Callable[..., tuple[Change | None, str]]
Targets = dict[str, list[tuple[str, str]]]


def flexible_target(widget: QWidget) -> None:
    """The "which one" column: as wide as it can be up to a limit, narrower when it must."""
    widget.setMinimumWidth(TARGET_WIDTHS[0])
    widget.setMaximumWidth(TARGET_WIDTHS[1])
    widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)


class ReinvestRow(QWidget):
    """One place for freed hours: hours, kind, target, note and a remove button."""

    hours_chosen = Signal(int, float)
    kind_chosen = Signal(int, str)
    target_chosen = Signal(int, str)
    remove_asked = Signal(int)

    def __init__(self, item: Reinvestment, binder: Binder, number: int) -> None:
        super().__init__()
        self.item_id = item.id
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 4)
        outer.setSpacing(4)
        layout = QHBoxLayout()
        layout.setSpacing(COLUMN_GAP)  # as in the header (a nested layout would take 4)
        outer.addLayout(layout)
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, MAX_HOURS)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.hours.setSuffix(" h")
        self.hours.setKeyboardTracking(False)  # a typed value counts once Enter or Tab commits it
        self.hours.setFixedWidth(WIDTHS["hours"])
        self.hours.setAccessibleName(f"Hours a week for place {number}")
        self.hours.valueChanged.connect(self._hours_changed)
        self.kind = QComboBox()
        for kind, text in KINDS:
            self.kind.addItem(text, kind)
        self.kind.setFixedWidth(WIDTHS["kind"])
        self.kind.setAccessibleName(f"What place {number} goes to")
        self.kind.activated.connect(self._kind_changed)
        self.target = QComboBox()
        flexible_target(self.target)
        # A long goal title must not widen the list: it is elided, and the tooltip and
        # the open list show it whole.
        self.target.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.target.setMinimumContentsLength(12)
        self.target.setAccessibleName(f"Which one, for place {number}")
        self.target.activated.connect(self._target_changed)
        self.note = QLineEdit()
        self.note.setPlaceholderText("What you will do with the time")
        self.note.setAccessibleName(f"Note for place {number}")
        binder.line(self.note, binder.row_field("reinvestments", item.id, "note"))
        self.remove = QPushButton("Remove")
        self.remove.setAccessibleName(f"Remove place {number}")
        self.remove.clicked.connect(self._remove_clicked)
        # The same items as the panel's header row, so the columns line up at any width.
        layout.addWidget(self.hours)
        layout.addWidget(self.kind)
        layout.addWidget(self.target, 1)
        layout.addStretch(1)
        layout.addWidget(self.remove)
        outer.addWidget(self.note)  # a sentence or two: the full width of the panel

    def show_item(self, item: Reinvestment, targets: Targets) -> None:
        """Put the stored values in the controls without counting them as edits."""
        blockers = [QSignalBlocker(w) for w in (self.hours, self.kind, self.target)]
        # A value being typed (not yet committed) stays while the stored one is unchanged.
        if not (self.hours.hasFocus() and self.hours.value() == item.hours):
            self.hours.setValue(item.hours)
        self.kind.setCurrentIndex(max(0, self.kind.findData(item.target_kind)))
        self.target.clear()
        self.target.addItem(CHOOSE.get(item.target_kind, "…"), "")
        for target_id, text in targets.get(item.target_kind, []):
            self.target.addItem(text, target_id)
        if item.target_id and self.target.findData(item.target_id) < 0:
            self.target.addItem("Something no longer in your workbook", item.target_id)
        self.target.setCurrentIndex(max(0, self.target.findData(item.target_id or "")))
        self.target.setEnabled(item.target_kind != "other")
        self.target.setToolTip(self.target.currentText())
        del blockers
        set_text(self.note, item.note)
        self.note.setToolTip(item.note)
        if not self.note.hasFocus():
            self.note.setCursorPosition(0)  # show the start of a long note

    @Slot(float)
    def _hours_changed(self, value: float) -> None:
        self.hours_chosen.emit(self.item_id, value)

    @Slot(int)
    def _kind_changed(self, index: int) -> None:
        self.kind_chosen.emit(self.item_id, self.kind.itemData(index))

    @Slot(int)
    def _target_changed(self, index: int) -> None:
        self.target_chosen.emit(self.item_id, self.target.itemData(index) or "")

    @Slot()
    def _remove_clicked(self) -> None:
        self.remove_asked.emit(self.item_id)


class ReinvestmentPanel(QWidget):
    """Rows of reinvested hours, an "add" button, the hours left and any refusal."""

    def __init__(self, binder: Binder, run: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._binder = binder
        self._run = run
        self._workbook_id: int | None = None
        self._items: dict[int, Reinvestment] = {}
        self._targets: Targets = {}
        self._room = 0.0
        self.rows: list[ReinvestRow] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.remaining = QLabel()
        self.remaining.setWordWrap(True)
        self.remaining.setAccessibleName("Hours left to place")
        font = self.remaining.font()
        font.setBold(True)
        self.remaining.setFont(font)
        layout.addWidget(self.remaining)

        self.header = QWidget()
        header = QHBoxLayout(self.header)
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(COLUMN_GAP)
        for text, width in (("Hours a week", WIDTHS["hours"]), ("Goes to", WIDTHS["kind"])):
            label = QLabel(text)
            label.setFixedWidth(width)
            header.addWidget(label)
        target = QLabel("Which one")
        flexible_target(target)
        header.addWidget(target, 1)
        header.addStretch(1)
        # Where each row has its Remove button: the rows and the header share out the
        # same width the same way.
        room = QWidget()
        room.setFixedWidth(QPushButton("Remove").sizeHint().width())
        header.addWidget(room)
        layout.addWidget(self.header)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(10)
        layout.addLayout(self._rows_layout)

        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add a place for freed hours")
        self.add_button.setAccessibleName("Add a place for freed hours")
        self.add_button.clicked.connect(self.add_place)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.message = hint("")
        self.message.setAccessibleName("Reinvestment message")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)

    # ---- showing ---------------------------------------------------------------------------

    def show_plan(
        self,
        workbook_id: int,
        items: tuple[Reinvestment, ...],
        targets: Targets,
        remaining_text: str,
        room: float,
    ) -> None:
        """Show the stored rows; `room` is the exact number of hours not yet placed."""
        if workbook_id != self._workbook_id:
            self.show_message("")
        self._workbook_id = workbook_id
        self._items = {item.id: item for item in items}
        self._targets = targets
        self._room = room
        self.remaining.setText(remaining_text)
        if [row.item_id for row in self.rows] != [item.id for item in items]:
            self._rebuild(items)
        for row, item in zip(self.rows, items, strict=True):
            row.show_item(item, targets)
        self.header.setVisible(bool(items))
        self.add_button.setEnabled(room >= 0.1)
        self.add_button.setToolTip(
            "Adds a row with the hours not placed yet; change it as you like."
            if room >= 0.1
            else "Every hour your plan frees has a place. Lower one to make room."
            if items
            else "Your plan frees no hours yet."
        )

    def _rebuild(self, items: tuple[Reinvestment, ...]) -> None:
        old = {row.item_id: row for row in self.rows}
        self.rows = []
        for number, item in enumerate(items, start=1):
            row = old.pop(item.id, None)
            if row is None:
                row = ReinvestRow(item, self._binder, number)
                row.hours_chosen.connect(self._hours_chosen)
                row.kind_chosen.connect(self._kind_chosen)
                row.target_chosen.connect(self._target_chosen)
                row.remove_asked.connect(self._remove_asked)
            self._rows_layout.addWidget(row)  # re-adding moves it to the end, in order
            self.rows.append(row)
        for row in old.values():
            self._rows_layout.removeWidget(row)
            row.hide()
            row.deleteLater()  # the row may be sending the signal that removed it

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ---- editing ---------------------------------------------------------------------------

    def _edit(self, *args: Any, **values: Any) -> Change | None:
        change, refusal = self._run(*args, **values)
        self.show_message(refusal if change is None else "")
        return change

    @Slot()
    def add_place(self) -> None:
        if self._workbook_id is None:
            return
        start = max(0.0, int(self._room * 10 + 1e-6) / 10)  # rounded down: always fits
        change = self._edit(
            door.reinvestments.add,
            self._binder.db,
            self._workbook_id,
            hours=start,
            target_kind="other",
        )
        if change is not None and self.rows:
            new = next((r for r in self.rows if r.item_id == change.row_id), self.rows[-1])
            new.hours.setFocus(Qt.FocusReason.OtherFocusReason)
            new.hours.selectAll()

    @Slot(int, float)
    def _hours_chosen(self, item_id: int, value: float) -> None:
        change = self._edit(door.reinvestments.update, self._binder.db, item_id, "hours", value)
        if change is None and item_id in self._items:
            row = next(r for r in self.rows if r.item_id == item_id)
            with QSignalBlocker(row.hours):
                row.hours.setValue(self._items[item_id].hours)

    @Slot(int, str)
    def _kind_chosen(self, item_id: int, kind: str) -> None:
        item = self._items.get(item_id)
        if item is None or item.target_kind == kind:
            return
        db = self._binder.db
        changed = self._edit(door.reinvestments.update, db, item_id, "target_kind", kind)
        if changed and item.target_id:
            self._edit(door.reinvestments.update, db, item_id, "target_id", "")

    @Slot(int, str)
    def _target_chosen(self, item_id: int, target_id: str) -> None:
        self._edit(door.reinvestments.update, self._binder.db, item_id, "target_id", target_id)

    @Slot(int)
    def _remove_asked(self, item_id: int) -> None:
        item = self._items.get(item_id)
        if item is None:
            return
        question = (
            f"Remove the {hours(item.hours)} placed here, and its note?\n\n"
            "The hours become free to place again."
        )
        if confirm(self, "Remove this place", question, "Remove"):
            self._edit(door.reinvestments.delete, self._binder.db, item_id)
