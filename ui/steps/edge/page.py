"""Step 2, "Edge analysis": specialist, people manager or orchestrator, and why.

The page has five tabs (`TABS`): the preference statements, what matters
to you (values put in order), questions about the workplace, the three
futures, and the result. A line above the tabs keeps
the current path scores in view while the person answers. Every control
writes through the binder (`workbook.door`). After each saved change
(`refresh`) the scores line is worked out again (`fit_scores`, a few
milliseconds) when something the fit counts has changed; the whole
analysis, with its search for the answer that would change the order
(tens of milliseconds), waits until the Result tab is looked at, so a
click answers within a frame. A hidden page catches up when shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.autosave import Autosaver
from ui.binding import Binder
from ui.next_step import next_step_row
from ui.steps.edge.futures import FuturePanel, FuturesPanel
from ui.steps.edge.inputs import ContextPanel, PreferencesPanel
from ui.steps.edge.result import ResultPanel
from ui.steps.edge.text import edge_answered, scores_line
from ui.steps.edge.values import ValuesPanel
from ui.widgets import heading, hint
from workbook.analysis.fit import FitResult, FitScores, analyse_fit, fit_scores
from workbook.analysis.voices import tagged_feedback
from workbook.content import load_content
from workbook.data import WorkbookData, load_workbook_data
from workbook.steps import completion

if TYPE_CHECKING:
    from sqlite_utils import Database

    from workbook.change import Change

PAGE_WIDTH = 900
#: The tabs, in order; the result is always last.
TABS = ("preferences", "values", "situation", "futures", "result")


def fit_inputs(data: WorkbookData) -> tuple[Any, ...]:
    """Everything the path fit reads: when this is unchanged, so is the result."""
    return (
        data.profile.strength_mode,
        data.ratings,
        data.evidence,
        data.preferences,
        data.values,
        data.context,
        tagged_feedback(data),  # what others say, named in the edge statement
    )


def scrolled(widget: QWidget) -> QScrollArea:
    """A tab's content in its own scroll area, at most a readable width."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(4, 12, 16, 24)
    layout.addWidget(widget)
    layout.addStretch(1)
    area.setWidget(holder)
    return area


class EdgePage(QWidget):
    def __init__(self, db: Database, autosaver: Autosaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._workbook_id: int | None = None
        self._content = load_content()
        self._binder = Binder(db, autosaver, self)
        self._inputs: tuple[Any, ...] | None = None
        self.scored: FitScores | None = None
        self.result: FitResult | None = None
        self._stale = False
        self._data: WorkbookData | None = None

        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        body.setMaximumWidth(PAGE_WIDTH)
        outer.addWidget(body, 1)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(32, 24, 16, 8)
        layout.setSpacing(8)
        layout.addWidget(heading("Edge analysis"))
        layout.addWidget(
            hint(
                "Three ways to grow: the specialist who goes deeper, the people manager who "
                "grows a team, and the orchestrator who directs people and AI toward an outcome. "
                "All three are sound paths. Your answers here, with your strengths, show which "
                "one fits you best today, and why."
            )
        )
        self.status = QLabel()
        self.status.setAccessibleName("How complete this step is")
        layout.addSpacing(4)
        layout.addWidget(self.status)

        strip = QHBoxLayout()
        self.scores = QLabel()
        self.scores.setObjectName("scores_line")
        self.scores.setAccessibleName("Path fit right now")
        self.scores.setWordWrap(True)
        strip.addWidget(self.scores, 1)
        self.see_why = QPushButton("See &why")
        self.see_why.setAccessibleName("See why: open the result")
        self.see_why.clicked.connect(self.show_result_tab)
        keep = self.see_why.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the tabs stay put when it hides
        self.see_why.setSizePolicy(keep)
        strip.addWidget(self.see_why)
        layout.addLayout(strip)

        wid = self.workbook_id
        self.preferences = PreferencesPanel(self._content, self._binder, wid)
        self.values = ValuesPanel(self._content, self._binder, wid)
        self.context = ContextPanel(self._content, self._binder, wid)
        self.futures = FuturesPanel(self._content, self._binder, wid)
        self.result_panel = ResultPanel(self._content, self._binder, wid)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("edge_tabs")
        self.tabs.setAccessibleName("Edge analysis sections")
        self.tabs.addTab(scrolled(self.preferences), "&Preferences")
        self.tabs.addTab(scrolled(self.values), "What &matters")
        self.tabs.addTab(scrolled(self.context), "Your &situation")
        self.tabs.addTab(scrolled(self.futures), "Three &futures")
        self._result_tab = scrolled(self.result_panel)
        self.tabs.addTab(self._result_tab, "&Result")
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(next_step_row("edge"))
        outer.addStretch(0)
        self._tab_changed(self.tabs.currentIndex())

    def workbook_id(self) -> int | None:
        return self._workbook_id

    # ---- showing ------------------------------------------------------------------------------

    #: The steps whose answers this page shows (`ui.steps.StepPage`).
    reads = frozenset({"about", "strengths", "edge"})

    def show_workbook(self, workbook_id: int) -> None:
        """Show a workbook's stored answers (also after undo), then its result."""
        self._workbook_id = workbook_id
        data = load_workbook_data(self._db, workbook_id)
        self.preferences.load(data)
        self.values.load(data)
        self.context.load(data)
        self.futures.load(data)
        self.result_panel.load(data)
        self._inputs = None  # perhaps a different workbook: compute afresh
        if self.isVisible():
            self._update(data)
        else:
            self._stale = True

    def refresh(self, change: Change | None = None) -> None:
        """Something was saved. Reading the answers back takes well under a millisecond;
        the scores are worked out again only when something they count has changed, and
        a hidden page waits until it is shown again. The window hands it only changes to
        what it `reads` (`ui.page_updates.concerns`)."""
        if self._workbook_id is None:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._recompute()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._recompute()

    @Slot()
    def _recompute(self) -> None:
        if self._workbook_id is not None:
            self._update(load_workbook_data(self._db, self._workbook_id))

    def _update(self, data: WorkbookData) -> None:
        """Show the completion line and the scores for `data` (worked out only if needed),
        and the whole result if the Result tab is on screen."""
        self._data = data
        done = completion(self._db, data.workbook_id, "edge")
        if done is not None:
            self.status.setText(
                "All answered. You can come back and change anything."
                if done.complete
                else f"{done.done} of {done.total} answered"
            )
        inputs = fit_inputs(data)
        if inputs != self._inputs or self.scored is None:
            self._inputs = inputs
            self.scored = fit_scores(data, self._content)
            self.result = None
            answered = edge_answered(data)
            self.scores.setText(scores_line(self.scored, self._content, answered))
        if self.tabs.currentWidget() is not self._result_tab:
            return
        if self.result is None:
            self._show_result()
        else:  # the questions also read what the fit does not count (a future's gauges)
            self.result_panel.show_questions(data)

    def _show_result(self) -> None:
        """The whole analysis, for the Result tab: the flip search takes tens of ms."""
        if self.scored is None or self._data is None:
            return
        self.result = analyse_fit(self._data, self._content, self.scored)
        self.result_panel.show_result(self.result, self._data)

    @Slot()
    def show_result_tab(self) -> None:
        self.tabs.setCurrentIndex(self.tabs.count() - 1)

    def show_situation(self, question_id: str) -> QWidget | None:
        """Open the situation tab on a question answered in words (a search hit in it);
        returns its box."""
        box = self.context.texts.get(question_id)
        if box is not None:
            tab = next(i for i in range(self.tabs.count()) if self.tabs.widget(i).isAncestorOf(box))
            self.tabs.setCurrentIndex(tab)
        return box

    def show_future(self, path_id: str) -> FuturePanel | None:
        """Open the futures tab on one path's future (a search hit in it)."""
        panel = self.futures.panels.get(path_id)
        if panel is not None:
            tab = next(
                i for i in range(self.tabs.count()) if self.tabs.widget(i).isAncestorOf(panel)
            )
            self.tabs.setCurrentIndex(tab)
            self.futures.tabs.setCurrentWidget(panel)
        return panel

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        on_result = index == self.tabs.count() - 1
        self.see_why.setVisible(not on_result)
        if on_result and self.isVisible():
            if self.result is None:
                self._show_result()
            elif self._data is not None:
                self.result_panel.show_questions(self._data)
