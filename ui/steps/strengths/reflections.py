"""The Reflections tab of the Strengths step: every reflection prompt of the journey, the
dated entries written on each, and writing a new one.

The prompts of Strengths come first; those the content files under About you, the Edge
analysis and the AI plan follow, each group under its step's name, since they are written
in the same journal and a person reflects on them at any point. (The Development plan's
prompts are its goals' GROW questions, on the goal cards.)
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Slot
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ui.binding import Binder
from ui.widgets import hint, muted, strong
from workbook.content.catalogue import Prompt
from workbook.data import JournalEntry, WorkbookData
from workbook.steps import STEPS

from .journal import JournalPanel, Loader, scrolling

#: The steps whose prompts the tab lists, in this order.
PROMPT_STEPS = ("strengths", "about", "edge", "ai_plan")


def reflection_prompts(prompts: list[Prompt]) -> list[Prompt]:
    """The prompts the tab lists, grouped by step in `PROMPT_STEPS` order."""
    return [p for step in PROMPT_STEPS for p in prompts if p.step == step]


class WholePrompts(QStyledItemDelegate):
    """Rows as tall as a prompt wrapped to the list's width, with a little to spare: Qt's
    own estimate can come out a line short, and the last line of the prompt is then lost."""

    def sizeHint(  # noqa: N802 - Qt name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        view = self.parent()
        if not isinstance(view, QListWidget):
            return hint
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        width = view.viewport().width() - 2 * view.spacing() - 10  # margins, and spare
        metrics = QFontMetrics(shown.font)
        flags = int(Qt.TextFlag.TextWordWrap)
        text = metrics.boundingRect(QRect(0, 0, max(40, width), 100_000), flags, shown.text)
        return QSize(hint.width(), max(hint.height(), text.height() + 6))

    def initStyleOption(  # noqa: N802 - Qt name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.data(Qt.ItemDataRole.UserRole) is None:
            # A group's heading cannot be chosen, but is read: drawn in the text's own
            # colour, not the greyed one of a disabled row.
            option.state |= QStyle.StateFlag.State_Enabled


class ReflectionsPanel(JournalPanel):
    """Pick a prompt, write dated entries on it, and read what you wrote before."""

    def __init__(
        self,
        binder: Binder,
        loader: Loader,
        prompts: list[Prompt],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(binder, loader, parent)
        self._prompts = prompts
        self._entries: list[JournalEntry] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter)

        self.prompt_list = QListWidget()
        self.prompt_list.setAccessibleName("Reflection prompts")
        self.prompt_list.setWordWrap(True)
        # Every prompt whole: laid out again at each width, never cut with "…".
        self.prompt_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.prompt_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.prompt_list.setItemDelegate(WholePrompts(self.prompt_list))
        self.prompt_list.setSpacing(3)
        self.prompt_list.setMinimumWidth(220)
        #: The list's row of each prompt: a group's heading takes a row of its own.
        self._rows: dict[str, int] = {}
        titles = {step.id: step.title for step in STEPS}
        step = prompts[0].step if prompts else ""
        for prompt in prompts:
            if prompt.step != step:  # the first group is this step's own: no heading
                step = prompt.step
                self.prompt_list.addItem(_heading(titles.get(step, step)))
            item = QListWidgetItem(prompt.text)
            item.setData(Qt.ItemDataRole.UserRole, prompt.id)
            self._rows[prompt.id] = self.prompt_list.count()
            self.prompt_list.addItem(item)
        self.prompt_list.currentRowChanged.connect(self._prompt_chosen)
        splitter.addWidget(self.prompt_list)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(20, 0, 8, 16)
        column.setSpacing(10)
        self.prompt_text = strong("")
        font = self.prompt_text.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)  # the one prompt being answered stands out
        self.prompt_text.setFont(font)
        self.prompt_text.setAccessibleName("The prompt")
        self.prompt_hint = hint("")
        self.prompt_hint.setAccessibleName("A hint for the prompt")
        column.addWidget(self.prompt_text)
        column.addWidget(self.prompt_hint)
        row = QHBoxLayout()
        self.new_button = QPushButton("Write a new entry")
        self.new_button.setAccessibleName("Write a new entry on this prompt")
        self.new_button.clicked.connect(self.new_entry)
        row.addWidget(self.new_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(
            muted("Entries are dated and private: they stay out of exports unless you choose.")
        )
        self._add_entry_list(column, "reflection")
        splitter.addWidget(scrolling(body))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([280, 600])
        if prompts:
            self.prompt_list.setCurrentRow(self._rows[prompts[0].id])

    def current_prompt(self) -> Prompt | None:
        item = self.prompt_list.currentItem()
        chosen = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((p for p in self._prompts if p.id == chosen), None)

    def choose_prompt(self, prompt_id: str) -> None:
        if prompt_id in self._rows:
            self.prompt_list.setCurrentRow(self._rows[prompt_id])

    def _fill(self, data: WorkbookData) -> None:
        self._entries = [e for e in data.journal if e.kind == "reflection"]
        for prompt in self._prompts:
            count = sum(1 for e in self._entries if e.prompt_id == prompt.id)
            item = self.prompt_list.item(self._rows[prompt.id])
            suffix = "" if not count else f"\n{count} {'entry' if count == 1 else 'entries'}"
            item.setText(prompt.text + suffix)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, item.text().replace("\n", ", "))
        self._show_prompt()

    def _show_prompt(self) -> None:
        prompt = self.current_prompt()
        if prompt is None or self._waiting is not None:
            return  # the entries held are another workbook's; showing the panel fills it
        self.prompt_text.setText(prompt.text)
        self.prompt_hint.setText(prompt.hint)
        self.prompt_hint.setVisible(bool(prompt.hint))
        mine = [e for e in self._entries if e.prompt_id == prompt.id]
        self.entries.show_entries(
            mine, "Nothing written on this prompt yet. Your entries appear here, newest first."
        )

    @Slot(int)
    def _prompt_chosen(self, _row: int) -> None:
        self._binder.autosaver.flush()
        self._show_prompt()

    @Slot()
    def new_entry(self) -> None:
        prompt = self.current_prompt()
        if prompt is None:
            return
        row_id = self._add(kind="reflection", prompt_id=prompt.id, body="", private=1)
        card = self.entries.card_for(row_id) if row_id is not None else None
        if card is not None:
            card.body.setFocus(Qt.FocusReason.OtherFocusReason)


def _heading(text: str) -> QListWidgetItem:
    """A group's name in the list: read, never chosen (arrow keys pass over it)."""
    item = QListWidgetItem(text)
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    font = QFont(item.font())
    font.setBold(True)
    item.setFont(font)
    item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{text}: prompts")
    return item
