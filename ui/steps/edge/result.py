"""The edge analysis result: where the answers point, what would change it, and why.

`ResultPanel` shows the three scores on one chart and in words (ties
said plainly), the questions some answers raise when they pull against each other
(`ui.think_about`), the smallest change that would put another path on top,
the edge statement (the suggestion, and a box for the person's own words,
stored in `edge_notes`), and for each path a chart and a table of every
answer that raised or lowered it, with its reason. It only displays a
`FitResult` computed elsewhere; the one thing it writes is the edge
statement, through the binder.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.binding import Binder, set_text
from ui.charts_fit import Bar, ContributionChart, Lane, ScoreOverview
from ui.help import how_computed_link
from ui.steps.edge.models import ContributionsModel, FittedTreeView, Line
from ui.steps.edge.text import (
    answered_sentence,
    chart_label,
    edge_in_use,
    fit_text,
    flip_sentence,
    nothing_yet,
    ordered,
    ranking_sentence,
    signed,
    spoken,
    sum_of,
    why_text,
    workplace_lines,
)
from ui.think_about import ThinkAbout
from ui.widgets import GrowingTextBox, confirm, hint, muted, strong, subheading
from workbook import door
from workbook.analysis.contradictions import find_contradictions
from workbook.analysis.fit import FitResult, PathFit, whole
from workbook.content.catalogue import Content
from workbook.data import WorkbookData

WorkbookId = Callable[[], int | None]
HELP_SECTION = "Path fit (0 to 100)"
WHY_PROMPT = (
    "Hover over an answer to read why this path counts it, or move through the table "
    "with the arrow keys and read it here."
)


def reading(text: str = "") -> QLabel:
    """A wrapped result text a person can select and copy, and reach with the keyboard."""
    label = hint(text)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return label


class PathDetail(QWidget):
    """Why one path scores what it does: a chart, the sum in words, and the table of answers."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        self.title = strong(name)
        layout.addWidget(self.title)
        self.description = muted("")
        layout.addWidget(self.description)
        self.confidence = reading()
        self.confidence.setAccessibleName(f"{name}: how much of this is answered")
        layout.addWidget(self.confidence)
        self.chart = ContributionChart()
        self.chart.setAccessibleName(f"{name}: chart of the answers that moved the score")
        layout.addWidget(self.chart)
        self.sum = reading()
        self.sum.setAccessibleName(f"{name}: how the score adds up")
        layout.addWidget(self.sum)
        self.model = ContributionsModel(self)
        self.table = FittedTreeView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(f"{name}: every answer that moved the score, with its points")
        layout.addWidget(self.table)
        self.why = muted(WHY_PROMPT)
        self.why.setAccessibleName(f"{name}: why the chosen answer counts")
        layout.addWidget(self.why)
        self.table.selectionModel().currentRowChanged.connect(self._show_why)
        self.model.modelReset.connect(self._forget_why)
        layout.addStretch(1)

    def show_fit(
        self,
        fit: PathFit,
        content: Content,
        data: WorkbookData,
        scale: tuple[float, float],
    ) -> None:
        path = content.paths[fit.id]
        title = f"{path.name}: {fit_text(fit.score)}"
        self.title.setText(title)
        self.title.setAccessibleName(title)
        self.description.setText(path.description)
        self.confidence.setText(answered_sentence(fit))
        moved = ordered(fit)
        bars = [Bar(*chart_label(c, content, data), c.points, c.why) for c in moved]
        self.chart.set_bars(bars, *scale)
        self.chart.setAccessibleDescription(
            "; ".join(f"{b.what} {spoken(b.points)}" for b in bars) or "No answer moves it yet."
        )
        self.sum.setText(sum_of(fit).sentence())
        baseline = [c for c in fit.contributions if c.source == "baseline"]
        self.model.set_lines(
            [
                Line(signed(c.points), c.label, why_text(c), spoken(c.points))
                for c in baseline + moved
            ]
        )

    @Slot(QModelIndex, QModelIndex)
    def _show_why(self, current: QModelIndex, _previous: QModelIndex) -> None:
        lines = self.model.lines()
        if current.isValid() and 0 <= current.row() < len(lines):
            line = lines[current.row()]
            self.why.setText(f"Why it counts ({line.points}): {line.why}")
        else:
            self._forget_why()

    @Slot()
    def _forget_why(self) -> None:
        self.why.setText(WHY_PROMPT)


class ResultPanel(QWidget):
    """Everything the analysis says, kept up to date by `show_result`."""

    def __init__(
        self,
        content: Content,
        binder: Binder,
        workbook_id: WorkbookId,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._content = content
        self._binder = binder
        self._suggestion = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)

        layout.addWidget(subheading("Where your answers point"))
        self.overview = ScoreOverview()
        self.overview.setAccessibleName("Path fit of the three paths, 0 to 100")
        layout.addWidget(self.overview)
        self.ranking = reading()
        self.ranking.setAccessibleName("Where your answers point")
        layout.addWidget(self.ranking)
        link_row = QHBoxLayout()
        self.how = how_computed_link(HELP_SECTION)
        self.how.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.how.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it, Enter opens it
        link_row.addWidget(self.how)
        link_row.addStretch(1)
        layout.addLayout(link_row)

        self.think_about = ThinkAbout()  # hidden while nothing pulls apart
        layout.addWidget(self.think_about)

        layout.addSpacing(10)
        layout.addWidget(subheading("Where you work"))
        layout.addWidget(
            hint(
                "Your answers about the place you work, beside the fit and never in it: they "
                "say which paths are open there, not who you are."
            )
        )
        self.workplace = reading()
        self.workplace.setObjectName("workplace")
        self.workplace.setAccessibleName("Where you work")
        layout.addWidget(self.workplace)

        layout.addSpacing(10)
        layout.addWidget(subheading("What would change this"))
        self.flip = reading()
        self.flip.setObjectName("flip")
        self.flip.setAccessibleName("What would change this")
        layout.addWidget(self.flip)

        layout.addSpacing(10)
        layout.addWidget(subheading("Your edge statement"))
        layout.addWidget(
            hint(
                "A sentence or two you could say in a career conversation about what you bring "
                "and where it fits best. Start from the suggestion, or put it in your own words."
            )
        )
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(10, 8, 10, 8)
        frame_layout.addWidget(muted("Suggested from your answers:"))
        self.suggestion = reading()
        self.suggestion.setObjectName("edge_suggestion")
        self.suggestion.setAccessibleName("Suggested edge statement")
        frame_layout.addWidget(self.suggestion)
        layout.addWidget(frame)

        own_label = QLabel("In your &own words (optional):")
        self.own = GrowingTextBox(min_lines=3, max_lines=14)
        self.own.setObjectName("edge_statement")
        self.own.setAccessibleName("Your edge statement in your own words")
        self.own.setPlaceholderText(
            "Leave this empty to use the suggestion, or write what you would say, in any language."
        )
        own_label.setBuddy(self.own)
        binder.text(self.own, binder.writer(door.set_edge_statement, workbook_id))
        self.own.textChanged.connect(self._own_changed)
        layout.addWidget(own_label)
        layout.addWidget(self.own)
        row = QHBoxLayout()
        self.use_suggestion = QPushButton("&Use the suggestion")
        self.use_suggestion.setAccessibleName("Use the suggestion as your edge statement")
        self.use_suggestion.setToolTip("Copy the suggested statement into your own box to edit it.")
        self.use_suggestion.clicked.connect(self._copy_suggestion)
        row.addWidget(self.use_suggestion)
        self.in_use = muted("")
        self.in_use.setAccessibleName("Which edge statement your plan uses")
        row.addWidget(self.in_use, 1)
        layout.addLayout(row)

        layout.addSpacing(10)
        layout.addWidget(subheading("Why each score"))
        layout.addWidget(
            hint(
                "Every path starts at 50. Each answer a path counts moves it up or down, and "
                "the moves add up to the score. These are starting points to talk about, worked "
                "out from your answers; change an answer and they change with it."
            )
        )
        self.details = QTabWidget()
        self.details.setAccessibleName("Why each path scores what it does")
        self.paths: dict[str, PathDetail] = {}
        for path in content.paths.values():
            detail = PathDetail(path.name)
            self.paths[path.id] = detail
            self.details.addTab(detail, path.short_name)
        layout.addWidget(self.details)
        self._own_changed()

    # ---- showing ---------------------------------------------------------------------------

    def load(self, data: WorkbookData) -> None:
        """Put the stored own statement in its box (not a new edit)."""
        set_text(self.own, data.edge_statement)
        self._own_changed()

    def show_result(self, result: FitResult, data: WorkbookData) -> None:
        content = self._content
        top = set(result.contenders)
        self.overview.set_lanes(
            [
                Lane(content.paths[pid].short_name, result.by_id(pid).score, pid in top)
                for pid in content.paths
            ]
        )
        self.ranking.setText(ranking_sentence(result, content))
        self.show_questions(data)
        self.flip.setText(flip_sentence(result, content))
        self.workplace.setText(workplace_lines(result, content))
        # Before any answer the "suggestion" is an invitation, not a statement to copy.
        self._suggestion = "" if nothing_yet(result) else result.edge_statement
        self.suggestion.setText(result.edge_statement)
        raised = max((c.points for p in result.paths for c in ordered(p)), default=0.0)
        lowered = -min((c.points for p in result.paths for c in ordered(p)), default=0.0)
        for index, (path_id, detail) in enumerate(self.paths.items()):
            fit = result.by_id(path_id)
            detail.show_fit(fit, content, data, (max(raised, 0.0), max(lowered, 0.0)))
            mark = " (closest)" if path_id in top and len(top) == 1 else ""
            mark = " (too close to call)" if path_id in top and len(top) > 1 else mark
            self.details.setTabText(
                index, f"{content.paths[path_id].short_name} {whole(fit.score)}{mark}"
            )
        self._own_changed()

    def show_questions(self, data: WorkbookData) -> None:
        """The answers that pull against each other, as questions (well under a
        millisecond: the page calls it for a change the scores do not count, a future's
        gauges)."""
        found = find_contradictions(data, self._content)
        self.think_about.show_questions([c.question for c in found])

    # ---- the edge statement ------------------------------------------------------------------

    @Slot()
    def _own_changed(self) -> None:
        own = self.own.toPlainText()
        self.in_use.setText(edge_in_use(own))
        self.use_suggestion.setEnabled(bool(self._suggestion) and own != self._suggestion)

    @Slot()
    def _copy_suggestion(self) -> None:
        if not self._suggestion:
            return
        if self.own.toPlainText().strip() and not confirm(
            self,
            "Use the suggestion",
            "Replace what you wrote with the suggested statement?\n\n"
            "If you change your mind, Edit ▸ Undo brings your words back.",
            "Replace",
        ):
            return
        self.own.setPlainText(self._suggestion)  # a real edit: staged and saved, and undoable
        self._binder.autosaver.flush()
