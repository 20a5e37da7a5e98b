"""The strengths step's result: signature strengths, strengths to use more, drains.

Each finding shows its name and the reason `analyse_strengths` gives, so
nothing reads as a verdict; ratings that pull against each other follow as questions to
think about (`strength_questions`); a "How is this computed?" link opens the rules.
A strength's name is a link that opens it in the inventory.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.help import how_computed_link
from ui.think_about import TITLE as QUESTIONS_TITLE
from ui.think_about import ThinkAbout
from ui.widgets import hint, muted, subheading
from workbook.analysis.strengths import StrengthFinding, StrengthResult

from .state import EMPTY_LISTS, EMPTY_RESULTS

HELP_TITLE = "Signature strengths, strengths to use more, drains"
STRENGTH_QUESTIONS = (
    "A few of your ratings pull against each other. That is not a mistake: ratings of "
    "ourselves rarely line up neatly, and the gap is often where the most useful "
    "conversation starts."
)

SECTIONS = (
    (
        "signature",
        "Signature strengths",
        "What you do well, enjoy, do better than most peers, and have shown in an example "
        "or others have seen.",
    ),
    ("use_more", "Strengths to use more", "What gives you energy and could grow into an edge."),
    ("drains", "Drains to manage", "What you are good at but that costs you energy."),
)


class ResultsPanel(QWidget):
    #: The id of a strength whose name was clicked.
    strength_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 8, 16)
        layout.setSpacing(8)
        self.empty = hint(EMPTY_RESULTS)
        self.empty.setAccessibleName("Results")
        layout.addWidget(self.empty)
        self.lists: dict[str, QLabel] = {}
        self.sections: dict[str, QWidget] = {}
        for key, title, explanation in SECTIONS:
            section = QWidget()
            column = QVBoxLayout(section)
            column.setContentsMargins(0, 8, 0, 4)
            column.setSpacing(4)
            column.addWidget(subheading(title))
            column.addWidget(muted(explanation))
            if key == "signature":
                # In ranking mode: why the order gives other signature strengths.
                self.mode_note = hint("")
                self.mode_note.setAccessibleName("How ranking changed your signature strengths")
                self.mode_note.hide()
                column.addWidget(self.mode_note)
            body = QLabel()
            body.setWordWrap(True)
            body.setTextFormat(Qt.TextFormat.RichText)
            body.setAccessibleName(title)
            body.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            body.linkActivated.connect(self._link)
            column.addWidget(body)
            self.lists[key] = body
            self.sections[key] = section
            layout.addWidget(section)
        self.think_about = ThinkAbout(STRENGTH_QUESTIONS)  # hidden while nothing pulls apart
        layout.addWidget(self.think_about)
        self.help_link = how_computed_link(HELP_TITLE)
        layout.addWidget(self.help_link)
        layout.addStretch(1)

    def show_result(self, result: StrengthResult, mode_note: str = "") -> None:
        """The findings; `mode_note` says why ranking changed the signature strengths."""
        nothing = result.rated == 0
        self.empty.setVisible(nothing)
        self.mode_note.setText(mode_note)
        self.mode_note.setVisible(bool(mode_note) and not nothing)
        for key, _, _ in SECTIONS:
            self.sections[key].setVisible(not nothing)
            findings: tuple[StrengthFinding, ...] = getattr(result, key)
            self.lists[key].setText(_html(findings, EMPTY_LISTS[key]))

    def show_questions(self, questions: list[str] | tuple[str, ...]) -> None:
        """The questions the ratings raise (`strength_questions`), under the findings."""
        self.think_about.show_questions(questions)

    def plain_text(self) -> str:
        """What the panel says, as text (for tests and screen readers)."""
        if self.empty.isVisibleTo(self):
            return self.empty.text()
        parts = []
        for key, title, _ in SECTIONS:
            label = self.lists[key]
            note = self.mode_note.text() if key == "signature" and self.mode_note.text() else ""
            parts.append("\n".join(filter(None, (title, note, _plain(label.text())))))
        if questions := self.think_about.questions():
            parts.append("\n\n".join([QUESTIONS_TITLE, *questions]))
        return "\n\n".join(parts)

    @Slot(str)
    def _link(self, href: str) -> None:
        self.strength_chosen.emit(href.removeprefix("strength:"))


def _html(findings: tuple[StrengthFinding, ...], empty: str) -> str:
    if not findings:
        return f"<p>{escape(empty)}</p>"
    items = "".join(
        f'<p><a href="strength:{escape(f.id)}"><b>{escape(f.name)}</b></a><br>'
        f"{escape(f.reason)}</p>"
        for f in findings
    )
    return items


def _plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()
