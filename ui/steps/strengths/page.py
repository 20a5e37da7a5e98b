"""Step 1, "Strengths": the inventory, forced ranking, results, reflections, energy, feedback.

The page lays out its tabs and keeps them in step with the database: it
reads the workbook whole (`load_workbook_data`), asks `analyse_strengths`
for the result, and hands each part what it shows. Every change goes
through the Binder to `workbook.door`. `refresh()`
comes after every saved change anywhere in the window, so it is cheap: it
waits until the page is visible, runs once per burst of changes, and never
puts stored text back into a field someone may be typing in.

Switching workbook (`show_workbook` with another id) reuses what is built:
the details of the strengths shown lately, the journal cards, and tabs out
of sight are filled only when opened; see `_build_detail` and `journal.py`.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.autosave import Autosaver
from ui.binding import Binder
from ui.next_step import next_step_row
from ui.widgets import heading, hint
from workbook import door
from workbook.analysis.contradictions import strength_questions
from workbook.analysis.strengths import StrengthResult, analyse_strengths
from workbook.content import load_content
from workbook.data import WorkbookData, load_workbook_data
from workbook.door import set_profile_field
from workbook.errors import WorkbookError
from workbook.steps import completion

from . import state
from .detail import StrengthDetail
from .inventory import StrengthList
from .journal import EnergyLogPanel, FeedbackPanel, scrolling
from .ranking import RankingPanel
from .reflections import ReflectionsPanel, reflection_prompts
from .results import ResultsPanel

if TYPE_CHECKING:
    from sqlite_utils import Database

    from workbook.change import Change

TABS = ("inventory", "ranking", "results", "reflections", "energy", "feedback")
#: Details of strengths shown before, kept hidden to be shown again without building them.
KEPT_DETAILS = 6


class StrengthsPage(QWidget):
    def __init__(self, db: Database, autosaver: Autosaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._autosaver = autosaver
        self._binder = Binder(db, autosaver, self)
        self._content = load_content()
        self._workbook_id: int | None = None
        self._selected: str | None = None
        self._stale = False
        self._banner_dismissed = False
        self.detail: StrengthDetail | None = None
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._refresh_now)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 16)
        outer.setSpacing(8)
        outer.addWidget(heading("Strengths"))
        outer.addWidget(
            hint(
                "What are you good at, what gives you energy, and where do you have an edge "
                "over your peers? Rate each strength against what the levels describe, not "
                "against how you feel about yourself, and back the ones that matter with an "
                "example. A low rating is information, not a failing."
            )
        )
        outer.addSpacing(4)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("How far the strength inventory is")
        outer.addWidget(self.status)
        outer.addWidget(self._build_banner())

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Parts of the strengths step")
        self.tabs.setDocumentMode(True)
        outer.addWidget(self.tabs, 1)
        outer.addLayout(next_step_row("strengths"))

        self.strength_list = StrengthList()
        self.strength_list.chosen.connect(self._strength_chosen)
        self.strength_list.add_requested.connect(self._add_own_strength)
        self.detail_area = QScrollArea()
        self.detail_area.setWidgetResizable(True)
        self.detail_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.detail_area.setAccessibleName("The chosen strength")
        self.detail_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields
        # One container for the details of the strengths: the one chosen is in its layout,
        # the others kept for reuse are hidden (`_build_detail`).
        self._detail_box = QWidget()
        self._detail_layout = QVBoxLayout(self._detail_box)
        self._detail_layout.setContentsMargins(0, 0, 0, 0)
        self._detail_layout.setSpacing(0)
        self.detail_area.setWidget(self._detail_box)
        self._details: OrderedDict[str, StrengthDetail] = OrderedDict()
        inventory = QSplitter(Qt.Orientation.Horizontal)
        inventory.setChildrenCollapsible(False)
        inventory.addWidget(self.strength_list)
        inventory.addWidget(self.detail_area)
        inventory.setStretchFactor(0, 2)
        inventory.setStretchFactor(1, 5)
        inventory.setSizes([270, 600])
        self.strength_list.setMinimumWidth(220)
        inventory_page = QWidget()
        box = QVBoxLayout(inventory_page)
        box.setContentsMargins(0, 10, 0, 0)
        box.addWidget(inventory)

        self.ranking = RankingPanel()
        self.ranking.mode_chosen.connect(self.choose_mode)
        self.ranking.model.order_changed.connect(self._order_changed)
        self.results = ResultsPanel()
        self.results.strength_chosen.connect(self.open_strength)
        results_body = QWidget()
        results_body.setMaximumWidth(820)
        QVBoxLayout(results_body).addWidget(self.results)
        prompts = reflection_prompts(list(self._content.prompts.values()))
        self.reflections = ReflectionsPanel(self._binder, self._data, prompts)
        self.energy_log = EnergyLogPanel(self._binder, self._data)
        self.feedback = FeedbackPanel(self._binder, self._data)

        for widget, label in (
            (inventory_page, "&Inventory"),
            (self.ranking, "Ran&king"),
            (scrolling(results_body), "&Results"),
            (self.reflections, "Re&flections"),
            (self.energy_log, "Energy &log"),
            (self.feedback, "Feed&back"),
        ):
            self.tabs.addTab(widget, label)
        self.tabs.currentChanged.connect(self._tab_changed)

    def _build_banner(self) -> QFrame:
        """The suggestion to rank instead, shown when most ratings came out high."""
        self.banner = QFrame()
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.banner.setAutoFillBackground(True)
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(12, 8, 12, 8)
        self.banner_text = hint(state.ALL_HIGH)
        self.banner_text.setAccessibleName("A suggestion: rank instead of rating")
        row.addWidget(self.banner_text, 1)
        self.rank_instead_button = QPushButton("Rank them instead")
        self.rank_instead_button.setAccessibleName("Rank your strengths instead of rating them")
        self.rank_instead_button.clicked.connect(self._rank_instead)
        self.keep_rating_button = QPushButton("Keep rating")
        self.keep_rating_button.setAccessibleName("Keep rating and hide this suggestion")
        self.keep_rating_button.clicked.connect(self._dismiss_banner)
        row.addWidget(self.rank_instead_button, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.keep_rating_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.banner.hide()
        return self.banner

    # ---- the page protocol --------------------------------------------------------------

    def show_workbook(self, workbook_id: int) -> None:
        """Show a workbook as stored (also after undo and redo)."""
        if workbook_id != self._workbook_id:
            self._selected = None
            self._banner_dismissed = False
        self._workbook_id = workbook_id
        data = self._data()
        if data is not None:
            self._show(data, full=True)

    #: The steps whose answers this page shows: the profile holds rating or ranking.
    reads = frozenset({"about", "strengths"})

    def refresh(self, change: Change | None = None) -> None:
        """Something was saved: update once the burst of changes is over, if visible.
        Changes to the profile other than rating or ranking leave the page as it is."""
        if change is not None and change.tables == {"profile"} and change.field != "strength_mode":
            return
        self._stale = True
        if self.isVisible():
            self._refresh_timer.start()

    @property
    def up_to_date(self) -> bool:
        """Whether the page shows everything saved so far (no refresh is waiting)."""
        return not self._stale

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        if self._stale:
            self._refresh_timer.start()

    # ---- showing ---------------------------------------------------------------------

    def _data(self) -> WorkbookData | None:
        if self._workbook_id is None:
            return None
        try:
            return load_workbook_data(self._db, self._workbook_id)
        except WorkbookError:
            return None  # the workbook was deleted; the window moves on
        except sqlite3.ProgrammingError:
            return None  # the database was closed (the window is closing or restoring)

    @Slot()
    def _refresh_now(self) -> None:
        if not self._stale or not self.isVisible():
            return  # a hidden page catches up when it is shown again
        data = self._data()
        if data is not None:
            self._show(data, full=False)

    def _show(self, data: WorkbookData, full: bool) -> None:
        self._stale = False
        content = self._content
        result = analyse_strengths(data, content)
        entries = state.entries(content, data)
        states = {e.id: state.rating_state(data, e.id) for e in entries}
        self.strength_list.show_entries(entries, states)

        ids = [e.id for e in entries]
        if self._selected not in ids:
            self._selected = next((i for i in ids if states[i] != "done"), ids[0])
            full = True
        if full or self.detail is None or self.detail.entry.id != self._selected:
            self._build_detail(data, entries)
        else:
            self.detail.update_from(data)
        if self.strength_list.current_id() != self._selected:
            self.strength_list.select(self._selected)

        mode = data.profile.strength_mode
        names = {e.id: e.name for e in entries}
        order = state.ranking_order(content, data)
        self.ranking.set_items([(i, names.get(i, i)) for i in order])
        self.ranking.set_mode(mode)
        note = state.mode_note(data, content, result)
        self.ranking.show_mode_note(note)
        self.results.show_result(result, note)
        self.results.show_questions([c.question for c in strength_questions(data, content)])
        self._show_status(result)
        self.banner.setVisible(result.all_high and not self._banner_dismissed)
        for panel in (self.reflections, self.energy_log, self.feedback):
            if full:  # after undo the stored text may differ from what the cards hold
                panel.entries.forget()
            panel.show_data(data)

    def _show_status(self, result: StrengthResult) -> None:
        done = completion(self._db, self._workbook_id, "strengths") if self._workbook_id else None
        count, total = (done.done, done.total) if done else (0, len(self._content.strengths))
        self.status.setText(state.summary_line(result, count, total))

    def _build_detail(self, data: WorkbookData, entries: list[state.Entry]) -> None:
        """Show the selected strength, in a detail built before for it if one is kept.

        Building a detail costs several milliseconds (three rating controls, the
        examples) and more again to lay out and polish; putting a workbook's answers
        in one already built costs well under one. Switching participant and
        stepping through the list would otherwise pay the first every time.
        """
        entry = next(e for e in entries if e.id == self._selected)
        detail = self._details.pop(entry.id, None)
        stale = None
        if detail is not None and detail.entry != entry:
            stale, detail = detail, None  # your own strength, renamed since: built afresh
        if detail is None:
            detail = StrengthDetail(
                self._binder, entry, self._content.scales, data.workbook_id, self._detail_box
            )
            detail.hide()
            detail.open_ranking.connect(self._open_ranking)
            detail.evidence_changed.connect(self._evidence_changed)
            detail.load(data)
        else:
            detail.show_workbook(data)
        self._details[entry.id] = detail  # the most recent last
        if detail is not self.detail:
            # Swapped inside the one container: QScrollArea.takeWidget / setWidget would
            # reparent the detail and measure it afresh, a few milliseconds each time.
            if self.detail is not None:
                self._detail_layout.removeWidget(self.detail)
                self.detail.hide()
            self._detail_layout.addWidget(detail, 1)
            detail.show()
            self.detail = detail
        if stale is not None:
            stale.deleteLater()
        while len(self._details) > KEPT_DETAILS:
            _, oldest = self._details.popitem(last=False)  # never the one shown, it is last
            oldest.deleteLater()
        self.detail_area.verticalScrollBar().setValue(0)

    # ---- choosing ---------------------------------------------------------------------

    @Slot(str)
    def _strength_chosen(self, strength_id: str) -> None:
        if strength_id == self._selected:
            return
        self._autosaver.flush()  # so the detail shows what was just typed
        self._selected = strength_id
        data = self._data()
        if data is not None:
            self._build_detail(data, state.entries(self._content, data))

    def open_strength(self, strength_id: str) -> None:
        """Show one strength in the inventory (from a link in the results)."""
        self.tabs.setCurrentIndex(TABS.index("inventory"))
        self.strength_list.select(strength_id)

    def select_strength(self, strength_id: str) -> None:
        self.strength_list.select(strength_id)

    @Slot(int)
    def _tab_changed(self, _index: int) -> None:
        self._autosaver.flush()

    @Slot()
    def _open_ranking(self) -> None:
        self.tabs.setCurrentIndex(TABS.index("ranking"))
        if self._selected:
            self.ranking.select(self._selected)
        self.ranking.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- editing ---------------------------------------------------------------------

    def _rank(self, strength_id: str, rank: int | None) -> None:
        if self._workbook_id is not None:
            self._binder.now(
                door.set_rating, self._db, self._workbook_id, strength_id, "rank", rank
            )

    @Slot()
    def _evidence_changed(self) -> None:
        data = self._data()
        if data is not None and self.detail is not None:
            self.detail.update_from(data)

    @Slot(str)
    def choose_mode(self, mode: str) -> None:
        """Rate or rank; switching to ranking gives every rated strength a place."""
        if self._workbook_id is None:
            return
        changed = self._binder.now(
            set_profile_field, self._db, self._workbook_id, "strength_mode", mode
        )
        data = self._data()
        if changed is None or data is None:
            return
        if mode == "ranking":
            order = state.ranking_order(self._content, data)
            for strength_id, rank in state.ranks_to_write(order, data):
                self._rank(strength_id, rank)
            data = self._data() or data
        self._show(data, full=True)

    @Slot()
    def _rank_instead(self) -> None:
        self.choose_mode("ranking")
        self._open_ranking()

    @Slot()
    def _dismiss_banner(self) -> None:
        self._banner_dismissed = True
        self.banner.hide()

    @Slot(list)
    def _order_changed(self, order: list[str]) -> None:
        data = self._data()
        if data is None:
            return
        for strength_id, rank in state.ranks_to_write(order, data):
            self._rank(strength_id, rank)

    @Slot(str)
    def _add_own_strength(self, name: str) -> None:
        if self._workbook_id is None:
            return
        change = self._binder.now(door.add_own_strength, self._db, self._workbook_id, name)
        if change is None:
            return
        self.strength_list.added()
        self._selected = change.key
        data = self._data()
        if data is not None:
            self._show(data, full=True)
        if self.detail is not None and self.detail.description_edit is not None:
            self.detail.description_edit.setFocus(Qt.FocusReason.OtherFocusReason)
