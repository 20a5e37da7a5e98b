"""Going to a search hit: the workbook, the step, the part that shows it, the box, the words.

`reveal(window, hit, place, words)` is what Edit ▸ Search…'s Go to does (`search_dialog`):
it shows the hit's workbook and step, opens what hides the entry (a tab, a strength, a
goal's GROW notes, a future's path, an AI task's cell), brings its box into view and puts
the cursor on the words. Each kind of hit has a finder here that asks the step's page,
through what the page makes public, for the boxes that can hold the words; the one
holding them as a phrase, else most of them, gets the cursor (`best_match`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QScrollArea, QTextEdit, QWidget

from workbook.steps import STEPS

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtWidgets import QMainWindow

    from workbook.search import Hit, Place

Box = QLineEdit | QPlainTextEdit | QTextEdit
#: The strengths page's tab for each kind of journal entry, and the panel holding it.
STRENGTHS_TABS = {
    "reflection": ("reflections", "reflections"),
    "energy": ("energy", "energy_log"),
    "feedback": ("feedback", "feedback"),
}


def reveal(window: QMainWindow, hit: Hit, spot: Place, words: str) -> QWidget | None:
    """Show the workbook, the step and the entry that hold `hit`, the cursor on `words`;
    returns the text box the cursor is in (None if the entry is no longer shown)."""
    if window.workbook_id != hit.workbook_id:
        window.load_workbook(hit.workbook_id)
    window.show_step([s.id for s in STEPS].index(spot.step))
    page = window.page(spot.step)
    finder = FINDERS.get(spot.part, _journal)
    box = finder(page, hit, spot, words)
    if box is None:
        return None
    window.activateWindow()  # back from the dialog, the typing goes to the entry
    box.setFocus(Qt.FocusReason.OtherFocusReason)
    _select_words(box, words)
    QTimer.singleShot(0, lambda: _scroll_to(box))
    return box


def _text(box: Box) -> str:
    return box.text() if isinstance(box, QLineEdit) else box.toPlainText()


def _holding(boxes: Sequence[Box | None], words: str) -> Box | None:
    """The box holding the words the search matched (the entry's text is its boxes'
    together), else the first box."""
    shown = [box for box in boxes if box is not None]
    return shown[best_match([_text(box) for box in shown], words)] if shown else None


def best_match(texts: Sequence[str], words: str) -> int:
    """Which of `texts` holds `words`: the first holding them as a phrase, else the one
    holding most of them, else the first (index 0)."""
    phrase = " ".join(words.lower().split())
    flat = [" ".join(text.lower().split()) for text in texts]
    for index, text in enumerate(flat):
        if phrase and phrase in text:
            return index
    counts = [sum(word in text for word in phrase.split()) for text in flat]
    return max(range(len(texts)), key=lambda i: (counts[i], -i)) if texts else 0


# ---- one finder for each kind of hit -------------------------------------------------------


def _journal(page: QWidget, hit: Hit, spot: Place, _words: str) -> Box | None:
    from ui.steps.strengths.page import TABS

    tab, panel_name = STRENGTHS_TABS[spot.part]
    page.tabs.setCurrentIndex(TABS.index(tab))
    panel = getattr(page, panel_name)
    if spot.part == "reflection":
        panel.choose_prompt(spot.key)  # the panel lists one prompt's entries at a time
    card = panel.entries.card_for(hit.row_id)
    return None if card is None else card.body


def _checkin(page: QWidget, hit: Hit, _spot: Place, _words: str) -> Box | None:
    rows = page.checkins.rows.rows()
    return next((row.body for row in rows if row.entry_id == hit.row_id), None)


def _evidence(page: QWidget, hit: Hit, spot: Place, words: str) -> Box | None:
    page.open_strength(spot.key)
    cards = page.detail.evidence_cards if page.detail is not None else []
    card = next((c for c in cards if c.row_id == hit.row_id), None)
    return None if card is None else _holding(list(card.boxes.values()), words)


def _strength(page: QWidget, _hit: Hit, spot: Place, words: str) -> Box | None:
    page.open_strength(spot.key)
    detail = page.detail
    if detail is None:
        return None
    # The overuse note is asked only while the strength is rated skilled and keen.
    overuse = detail.overuse if detail.overuse_section.isVisibleTo(detail) else None
    return _holding([detail.name_edit, detail.description_edit, overuse], words)


def _goal(page: QWidget, hit: Hit, _spot: Place, words: str) -> Box | None:
    card = page.goals.card(hit.row_id)
    if card is None:
        return None
    notes = card.grow_notes
    box = _holding([card.title, card.measure, *notes.boxes.values()], words)
    if box in notes.boxes.values():
        notes.toggle.setChecked(True)  # the notes are behind their disclosure
    return box


def _action(page: QWidget, hit: Hit, spot: Place, _words: str) -> Box | None:
    card = page.goals.card(int(spot.key))
    row = card.actions.row(hit.row_id) if card is not None else None
    return None if row is None else row.title


def _milestone(page: QWidget, hit: Hit, spot: Place, _words: str) -> Box | None:
    rows = page.milestones.lists.get(int(spot.key))
    row = rows.row(hit.row_id) if rows is not None else None
    return None if row is None else row.text


def _support(page: QWidget, hit: Hit, _spot: Place, _words: str) -> Box | None:
    row = page.support.rows.row(hit.row_id)
    return None if row is None else row.request


def _question(page: QWidget, hit: Hit, _spot: Place, _words: str) -> Box | None:
    row = page.questions.rows.row(hit.row_id)
    return None if row is None else row.text


def _task(page: QWidget, hit: Hit, _spot: Place, words: str) -> Box | None:
    """An AI task is a row of the table: its cell holding the words, open for editing."""
    from ui.steps.ai_plan.tasks_model import column_of

    row = page.model.row_of(hit.row_id)
    if row < 0:
        return None
    task = page.model.task(row)
    fields = ("name", "validation", "tool", "risk_note")
    field = fields[best_match([getattr(task, f) or "" for f in fields], words)]
    page.select_cell(row, column_of(field))
    page.table.edit(page.model.index(row, column_of(field)))
    return page.table.open_editor()


def _reinvestment(page: QWidget, hit: Hit, _spot: Place, _words: str) -> Box | None:
    row = next((r for r in page.reinvest.rows if r.item_id == hit.row_id), None)
    return None if row is None else row.note


def _future(page: QWidget, _hit: Hit, spot: Place, words: str) -> Box | None:
    panel = page.show_future(spot.key)
    if panel is None:
        return None
    return _holding([panel.title, panel.story, panel.questions, panel.prototype], words)


def _edge(page: QWidget, _hit: Hit, _spot: Place, _words: str) -> Box | None:
    page.show_result_tab()
    return page.result_panel.own


def _situation(page: QWidget, _hit: Hit, spot: Place, _words: str) -> Box | None:
    return page.show_situation(spot.key)


def _profile(page: QWidget, _hit: Hit, _spot: Place, words: str) -> Box | None:
    return _holding([page.person_name, page.current_role, page.aim, page.decision], words)


#: Each kind of hit's finder (a reflection, energy entry or feedback is `_journal`).
FINDERS: dict[str, Callable[[QWidget, Hit, Place, str], Box | None]] = {
    "checkin": _checkin,
    "evidence": _evidence,
    "strength": _strength,
    "goal": _goal,
    "action": _action,
    "milestone": _milestone,
    "support": _support,
    "question": _question,
    "task": _task,
    "reinvestment": _reinvestment,
    "future": _future,
    "edge": _edge,
    "context": _situation,
    "profile": _profile,
}


# ---- the cursor and the view -----------------------------------------------------------------


def _select_words(box: Box, words: str) -> None:
    """Put the cursor on the first place the words are, as the search matched them."""
    if isinstance(box, QLineEdit):
        lowered = box.text().lower()
        for attempt in (words.strip(), *words.split()):
            at = lowered.find(attempt.lower()) if attempt else -1
            if at >= 0:
                box.setSelection(at, len(attempt))
                return
        return
    cursor = box.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    box.setTextCursor(cursor)
    for attempt in (words.strip(), *words.split()):
        if attempt and box.find(attempt, QTextDocument.FindFlag(0)):
            return


def _scroll_to(box: QWidget) -> None:
    """Bring the box into view in the scroll area around it (they take no focus), its top
    a third of the way down where it fits, so what holds it can be read around it rather
    than the box sitting on the bottom edge."""
    parent = box.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            parent.ensureWidgetVisible(box, 20, 40)
            bar = parent.verticalScrollBar()
            top = box.mapTo(parent.widget(), QPoint(0, 0)).y()
            room = parent.viewport().height()
            if box.height() < room * 2 // 3:
                bar.setValue(max(bar.minimum(), min(bar.maximum(), top - room // 3)))
            return
        parent = parent.parentWidget()
