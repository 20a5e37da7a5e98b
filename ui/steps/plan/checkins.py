"""Check-ins: dated notes on progress, and what moved since the last one.

"Check in now" records a check-in at once (`door.record_checkin`, which
also stores a snapshot of the ratings and path scores) and opens its note
for writing, so nothing typed waits for a Save button. What moved since the
previous check-in is worked out just before the new one is recorded, and
shown until the workbook changes; before that, the page shows what moved
since the last check-in so far, so a person who re-rated their strengths
sees the difference (that also takes over from the check-in's result as soon
as a rating changes again).
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.binding import set_text
from ui.steps.plan.context import PlanContext
from ui.steps.plan.widgets import (
    DATE_FORMAT,
    RowList,
    ask_then_delete,
    elided,
    tool_button,
)
from ui.widgets import Disclosure, GrowingTextBox, hint, strong
from workbook import door
from workbook.analysis.plan_choices import moved_lines, score_lines
from workbook.analysis.progress import Progress, progress
from workbook.data import JournalEntry, WorkbookData, load_workbook_data

SHOWN = 5  # the latest check-ins are editable; older ones are listed below them


def readable_date(iso: str | None) -> str:
    day = QDate.fromString((iso or "")[:10], Qt.DateFormat.ISODate)
    return day.toString(DATE_FORMAT) if day.isValid() else "an unknown date"


def checkins(data: WorkbookData) -> list[JournalEntry]:
    """Check-ins, newest first."""
    found = [e for e in data.journal if e.kind == "checkin"]
    return sorted(found, key=lambda e: (e.entry_date, e.id), reverse=True)


def describe(moved: Progress, data: WorkbookData, ctx: PlanContext, just_saved: bool) -> str:
    """What moved, as rich text for the result panel."""
    if moved.since is None:
        return (
            "<b>This is your first check-in.</b> Next time, this place shows which "
            "ratings and path scores moved since today."
        )
    when = readable_date(moved.since)
    title = (
        f"Since your previous check-in on {when}"
        if just_saved
        else f"Since your last check-in on {when}"
    )
    rated = moved_lines(moved, data, ctx.content)
    scores = score_lines(moved, ctx.content)
    parts = [f"<p><b>{escape(title)}</b></p>"]
    if rated:
        parts.append(
            "<p>Ratings that moved:</p><ul>"
            + "".join(f"<li>{escape(r)}</li>" for r in rated)
            + "</ul>"
        )
    else:
        parts.append(
            "<p>No rating has changed. To see what moved, re-rate your strengths in the "
            "Strengths step before you check in.</p>"
        )
    parts.append(
        "<p>Path fit, 0 to 100 (a starting point, not a verdict):</p><ul>"
        + "".join(f"<li>{escape(s)}</li>" for s in scores)
        + "</ul>"
    )
    return "".join(parts)


class CheckinRow(QWidget):
    deleted = Signal()

    def __init__(self, ctx: PlanContext, entry: JournalEntry, number: int) -> None:
        super().__init__()
        self._ctx = ctx
        self.entry_id = entry.id
        name = f"Check-in of {readable_date(entry.entry_date)}"
        self.setAccessibleName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        top = QHBoxLayout()
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(DATE_FORMAT)
        self.date.setAccessibleName(f"Check-in {number}: date")
        self.date.dateChanged.connect(self._date_changed)
        self.date.editingFinished.connect(ctx.binder.autosaver.flush)
        top.addWidget(self.date)
        top.addStretch(1)
        self.delete_button = tool_button("Delete…", f"Delete check-in {number}")
        self.delete_button.clicked.connect(self._delete)
        top.addWidget(self.delete_button)
        layout.addLayout(top)
        self.body = GrowingTextBox(min_lines=3)
        self.body.setAccessibleName(f"Check-in {number}: note")
        self.body.setPlaceholderText(
            "What did you do since last time? What did you learn, and what changed?"
        )
        ctx.binder.text(self.body, ctx.writer("journal_entries", entry.id, "body"))
        layout.addWidget(self.body)
        self.show_values(entry)

    def show_values(self, entry: JournalEntry) -> None:
        set_text(self.body, entry.body)
        day = QDate.fromString(entry.entry_date or "", Qt.DateFormat.ISODate)
        if day.isValid() and day != self.date.date():
            blocked = self.date.blockSignals(True)
            self.date.setDate(day)
            self.date.blockSignals(blocked)

    @Slot(QDate)
    def _date_changed(self, day: QDate) -> None:
        self._ctx.writer("journal_entries", self.entry_id, "entry_date")(
            day.toString(Qt.DateFormat.ISODate)
        )

    @Slot()
    def _delete(self) -> None:
        text = self.body.toPlainText()
        if ask_then_delete(self, self._ctx, "journal_entries", self.entry_id, "check-in", text):
            self.deleted.emit()


class CheckinsSection(QWidget):
    def __init__(self, ctx: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._saved: tuple[Progress, WorkbookData] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(
            hint(
                "Come back every few weeks and write a few lines: what you did, what you "
                "learned, what changed. Re-rate your strengths first, and you will see what "
                "moved since your last check-in."
            )
        )
        self.checkin_button = QPushButton("Check in now")
        self.checkin_button.setAccessibleName("Check in now: a dated note on your progress")
        self.checkin_button.clicked.connect(self.check_in)
        layout.addWidget(self.checkin_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.result = QLabel()
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setWordWrap(True)
        self.result.setFrameShape(QFrame.Shape.StyledPanel)
        self.result.setMargin(10)
        self.result.setAccessibleName("What moved since your last check-in")
        layout.addWidget(self.result)
        self.list_heading = strong("Your check-ins, newest first")
        layout.addWidget(self.list_heading)
        self.rows = RowList(spacing=14)
        layout.addWidget(self.rows)
        self.older = QLabel()
        self.older.setWordWrap(True)
        self.older.setTextFormat(Qt.TextFormat.RichText)
        self.older.setAccessibleName("Earlier check-ins")
        self.older_toggle = Disclosure("Earlier check-ins", self.older)
        layout.addWidget(self.older_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.older)

    def forget_result(self) -> None:
        """A new workbook: what moved in the previous one no longer applies."""
        self._saved = None

    def update_from(self, full: bool) -> None:
        data = self._ctx.data
        entries = checkins(data)
        shown, older = entries[:SHOWN], entries[SHOWN:]
        if not self.rows.sync(shown, self._make) and full:
            for row, entry in zip(self.rows.rows(), shown, strict=True):
                row.show_values(entry)
        self.list_heading.setVisible(bool(entries))
        self.older_toggle.setVisible(bool(older))
        self.older.setVisible(bool(older) and self.older_toggle.isChecked())
        self.older_toggle.set_label(f"Earlier check-ins ({len(older)})")
        self.older.setText(
            "".join(
                f"<p><b>{escape(readable_date(e.entry_date))}</b><br>"
                f"{escape(elided(e.body, 400)) or '<i>No note</i>'}</p>"
                for e in older
            )
        )
        live = progress(data, self._ctx.content) if data.snapshots else None
        if self._saved is not None and (live is None or not live.moved):
            # Just checked in: what had moved by then, until a rating changes again.
            moved, before = self._saved
            self.result.setText(describe(moved, before, self._ctx, just_saved=True))
            self.result.show()
        elif live is not None:
            self.result.setText(describe(live, data, self._ctx, just_saved=False))
            self.result.show()
        else:
            self.result.hide()

    def _make(self, entry: JournalEntry, number: int) -> CheckinRow:
        row = CheckinRow(self._ctx, entry, number)
        row.deleted.connect(self.checkin_button.setFocus)
        return row

    @Slot()
    def check_in(self) -> None:
        """Record a check-in for today and open its note; show what moved since the last."""
        ctx = self._ctx
        if ctx.workbook_id is None:
            return
        ctx.flush()  # what moved is measured on everything typed so far
        before = load_workbook_data(ctx.binder.db, ctx.workbook_id)
        moved = progress(before, ctx.content)
        self._saved = (moved, before)
        change = ctx.binder.now(
            door.record_checkin, ctx.binder.db, ctx.workbook_id, "", date.today().isoformat()
        )
        if change is None:
            self._saved = None
            return
        row = self.rows.row(change.row_id)
        if row is not None:
            row.body.setFocus(Qt.FocusReason.OtherFocusReason)
