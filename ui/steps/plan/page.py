"""Step 4, "Development plan": goals and actions, milestones, support, questions, check-ins.

The page lays out its sections and keeps them in step with the database:
`show_workbook` puts every stored value in place (opening a workbook, or
after an undo); `refresh`, called after every saved change anywhere, reads
the workbook again and updates what depends on it (the 70-20-10 balance,
each goal's hints, ideas, links, the completion line) and rebuilds a list
only when entries were added, removed or moved, so typing is never
interrupted. The parts: `plan_balance` (70-20-10), `plan_goals` (goals,
actions, ideas, GROW questions), `plan_lists` (milestones, support,
conversation questions, with the `plan_library` model), `plan_checkins`,
and the small controls in `plan_pickers` and `plan_widgets`; they share a
`plan_context.PlanContext`. Every write goes through `workbook.door`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.autosave import Autosaver
from ui.binding import Binder
from ui.next_step import next_step_row
from ui.steps.plan.balance import BalanceView
from ui.steps.plan.checkins import CheckinsSection
from ui.steps.plan.context import PlanContext
from ui.steps.plan.goals import GoalsSection
from ui.steps.plan.lists import MilestonesSection, QuestionsSection, SupportSection
from ui.steps.plan.widgets import focus_order
from ui.widgets import heading, hint, subheading
from workbook.analysis.plan_checks import balance, goal_checks
from workbook.content import load_content
from workbook.data import load_workbook_data
from workbook.steps import completion

if TYPE_CHECKING:
    from sqlite_utils import Database

    from workbook.change import Change


#: The tables each part of the page shows (goals with their checks and the balance).
PARTS_READ: dict[str, frozenset[str]] = {
    "goals": frozenset({"goals", "actions"}),
    "milestones": frozenset({"milestones", "plan_notes"}),
    "support": frozenset({"support_requests"}),
    "questions": frozenset({"conversation_questions"}),
    "checkins": frozenset({"journal_entries", "rating_snapshots", "strength_ratings"}),
}


class PlanPage(QScrollArea):
    def __init__(self, db: Database, autosaver: Autosaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.ctx = PlanContext(Binder(db, autosaver, self), load_content())
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)

        body = QWidget()
        body.setMaximumWidth(880)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(32, 24, 32, 32)
        outer.setSpacing(12)
        outer.addWidget(heading("Development plan"))
        outer.addWidget(
            hint(
                "Turn what you found in the earlier steps into a few goals you can act on: "
                "what you want, how you will know, by when, and what you will do. Two or "
                "three goals are plenty."
            )
        )
        self.status = QLabel()
        self.status.setAccessibleName("How complete this step is")
        outer.addWidget(self.status)

        self.goals = GoalsSection(self.ctx)
        self.balance = BalanceView()
        self.milestones = MilestonesSection(self.ctx)
        self.support = SupportSection(self.ctx)
        self.questions = QuestionsSection(self.ctx)
        self.checkins = CheckinsSection(self.ctx)
        for title, section in (
            ("Balance of your actions (70-20-10)", self.balance),
            ("Goals", self.goals),
            ("Milestones at 30, 60 and 90 days", self.milestones),
            ("What I ask", self.support),
            ("Questions for your career conversation", self.questions),
            ("Check-ins", self.checkins),
        ):
            outer.addSpacing(12)
            outer.addWidget(subheading(title))
            outer.addWidget(section)
        outer.addStretch(1)
        outer.addLayout(next_step_row("plan"))
        self.setWidget(body)
        self._tab_chain: list[QWidget] = []
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # ---- showing ---------------------------------------------------------------------------

    def show_workbook(self, workbook_id: int) -> None:
        """Show a workbook with every stored value put in place."""
        if workbook_id != self.ctx.workbook_id:
            self.checkins.forget_result()
        self.ctx.workbook_id = workbook_id
        self._update(full=True)

    #: The steps whose answers this page shows: check-ins compare strength ratings, and
    #: the goals' checks read the whole workbook.
    reads = frozenset({"about", "strengths", "edge", "ai_plan", "plan"})

    def refresh(self, change: Change | None = None) -> None:
        """After a saved change: update the parts it touched; keep what is typed."""
        if self.ctx.workbook_id is None:
            return
        tables = change.tables if change is not None else None
        if tables is not None and not tables <= set().union(*PARTS_READ.values()):
            tables = None  # something outside the plan's own lists: every part
        self._update(full=False, tables=tables)

    def _update(self, full: bool, tables: frozenset[str] | None = None) -> None:
        """Put the stored plan in place; only the parts reading `tables`, when given."""
        wid = self.ctx.workbook_id
        if wid is None:
            return
        data = load_workbook_data(self._db, wid)
        self.ctx.data = data

        def touched(part: str) -> bool:
            return tables is None or bool(tables & PARTS_READ[part])

        if touched("goals"):
            flags = {check.goal_id: check.flags for check in goal_checks(data)}
            self.goals.update_from(full, flags)
            result = balance(data)
            self.balance.show_balance(result.counts, result.shares, result.flags)
        if touched("milestones"):
            self.milestones.update_from(full)
        if touched("support"):
            self.support.update_from(full)
        if touched("questions"):
            self.questions.update_from(full)
        if touched("checkins"):
            self.checkins.update_from(full)
        self._order_tabs()
        done = completion(self._db, wid, "plan")
        if done is not None and done.complete:
            self.status.setText("Every part is in place. Come back to check in as you go.")
        elif done is not None:
            self.status.setText(
                f"{done.done} of {done.total} done: goals with a measure and a date, an "
                "action for each goal, milestones, support, questions."
            )

    def _order_tabs(self) -> None:
        """Rows built later would come last for Tab: put the chain back in reading order."""
        chain = focus_order(self.widget())
        if chain != self._tab_chain:
            self._tab_chain = chain
            for first, second in zip(chain, chain[1:], strict=False):
                QWidget.setTabOrder(first, second)

    @Slot(QWidget, QWidget)
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Keep the focused control in view, also when focus moves to a row just added."""
        if new is not None and self.isVisible() and self.widget().isAncestorOf(new):
            QTimer.singleShot(0, self._show_focused)

    @Slot()
    def _show_focused(self) -> None:
        focused = QApplication.focusWidget()
        if focused is not None and self.widget().isAncestorOf(focused):
            self.widget().layout().activate()  # rows added a moment ago need their place
            self.ensureWidgetVisible(focused, 20, 40)
