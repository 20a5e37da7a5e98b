"""Three futures, one per path, in the manner of Odyssey plans.

For each path a `FuturePanel`: what the path is really like (`guide.PathGuideView`,
closed until opened), a six-word title (with a gentle word count),
a few lines on what working life would look like, the questions that
future raises, four gauges (resources, liking, confidence, coherence with
one's values) and a small prototype to try first. `FuturesPanel` holds the
three as tabs. Every field writes `futures` through the binder.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.binding import Binder, set_text
from ui.rating import RatingSelector
from ui.steps.edge.guide import PathGuideView
from ui.steps.edge.text import GAUGES, horizon_phrase, title_hint
from ui.widgets import GrowingTextBox, TextBox, hint, muted, strong
from workbook import door
from workbook.content.catalogue import Content, PathProfile
from workbook.data import Future, WorkbookData
from workbook.model import MAX_SHORT_TEXT

WorkbookId = Callable[[], int | None]


class FuturePanel(QWidget):
    """One future: what it is called, what it looks like, how it feels, how to try it."""

    def __init__(
        self,
        path: PathProfile,
        content: Content,
        binder: Binder,
        workbook_id: WorkbookId,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path_id = path.id
        self._binder = binder
        self._workbook_id = workbook_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(muted(path.description))
        guide = content.guides.get(path.id)
        self.guide = (
            PathGuideView(guide, content.sponsor_mentor, path.short_name) if guide else None
        )
        if self.guide is not None:
            layout.addWidget(self.guide)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(6)
        layout.addLayout(form)
        name = path.short_name

        self.title = QLineEdit()
        self.title.setObjectName(f"future_{path.id}_title")
        self.title.setMaxLength(MAX_SHORT_TEXT)
        self.title.setAccessibleName(f"{name} future: six-word title")
        self.title.setPlaceholderText("Six words that name this future")
        binder.line(self.title, self._writer("title"))
        self.title.textChanged.connect(self._count_words)
        self.title_hint = muted()
        self.title_hint.setAccessibleName(f"{name} future: word count")
        self._label(form, "Six-word &title", self.title)
        form.addRow(self.title_hint)

        self.story_label = QLabel()
        self.story = self._box("story", f"{name} future: what your working life looks like", 4)
        self.story.setPlaceholderText(
            "A typical week: what you spend your days on, who you work with, what you are "
            "known for, what is hard. Write freely, in any language."
        )
        self.story_label.setText("What your working life looks like:")
        self.story_label.setBuddy(self.story)
        form.addRow(self.story_label)
        form.addRow(self.story)

        self.questions = self._box("questions", f"{name} future: questions it raises", 3)
        self.questions.setPlaceholderText(
            "What would you need to find out? For example: does this role exist where I work? "
            "What would I miss?"
        )
        self._label(form, "&Questions this future raises", self.questions)

        form.addRow(strong("Four gauges"))
        form.addRow(
            muted(
                "How this future looks to you today, from 1 (very little) to 5 (a great "
                "deal). Gut feeling is fine; you can change them after a conversation."
            )
        )
        levels = content.scales["gauge"].levels
        self.gauges: dict[str, RatingSelector] = {}
        for field, label, question in GAUGES:
            selector = RatingSelector(f"{name} future: {label}", levels)
            selector.setObjectName(f"future_{path.id}_{field}")
            selector.setProperty("field", field)
            selector.chosen.connect(self._gauged)
            title = QLabel(f"<b>{label}</b>: {question}")
            title.setWordWrap(True)
            title.setBuddy(selector)
            form.addRow(title)
            form.addRow(selector)
            self.gauges[field] = selector

        self.prototype = self._box("prototype", f"{name} future: a prototype to try", 3)
        self.prototype.setPlaceholderText(
            "A conversation to have or a small experiment to try before committing: ask "
            "someone who does this work about their week, take on a piece of it for a month…"
        )
        self._label(form, "A &prototype to try first", self.prototype)
        layout.addStretch(1)

    def _writer(self, field: str) -> Callable[[object], None]:
        return self._binder.writer(door.set_future, self._workbook_id, self.path_id, field)

    def _box(self, field: str, name: str, lines: int) -> TextBox:
        box = GrowingTextBox(min_lines=lines, max_lines=14)
        box.setObjectName(f"future_{self.path_id}_{field}")
        box.setAccessibleName(name)
        self._binder.text(box, self._writer(field))
        return box

    @staticmethod
    def _label(form: QFormLayout, text: str, widget: QWidget) -> None:
        label = QLabel(f"{text}:")
        label.setBuddy(widget)
        form.addRow(label)
        form.addRow(widget)

    @Slot(str)
    def _count_words(self, text: str) -> None:
        self.title_hint.setText(title_hint(text))

    @Slot(object)
    def _gauged(self, value: int | None) -> None:
        self._writer(self.sender().property("field"))(value)
        self._binder.autosaver.flush()

    def load(self, future: Future, horizon: int | None) -> None:
        set_text(self.title, future.title)
        self._count_words(self.title.text())
        set_text(self.story, future.story)
        set_text(self.questions, future.questions)
        set_text(self.prototype, future.prototype)
        for field, selector in self.gauges.items():
            selector.set_value(getattr(future, field))
        self.story_label.setText(f"What your working life looks like {horizon_phrase(horizon)}:")


class FuturesPanel(QWidget):
    """The three futures side by side as tabs, with a word on why to write all three."""

    def __init__(
        self,
        content: Content,
        binder: Binder,
        workbook_id: WorkbookId,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.intro = hint("")
        layout.addWidget(self.intro)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Futures, one per path")
        self.tabs.setDocumentMode(False)
        self.panels: dict[str, FuturePanel] = {}
        for path in content.paths.values():
            panel = FuturePanel(path, content, binder, workbook_id)
            self.panels[path.id] = panel
            self.tabs.addTab(panel, path.short_name)
        layout.addWidget(self.tabs)
        self._show_intro(None)

    def _show_intro(self, horizon: int | None) -> None:
        self.intro.setText(
            f"Imagine your working life {horizon_phrase(horizon)} along each path. All three "
            "are real options: writing them side by side helps you notice which one you lean "
            "towards, and why. Give each a six-word title, a few lines of story, the questions "
            "it raises, four gauges and one small step to try it out. Not sure what a path "
            "involves day to day? Open “What this path is really like” on its tab."
        )

    def load(self, data: WorkbookData) -> None:
        horizon = data.profile.horizon_years
        self._show_intro(horizon)
        for path_id, panel in self.panels.items():
            panel.load(data.futures.get(path_id) or Future(path_id), horizon)
