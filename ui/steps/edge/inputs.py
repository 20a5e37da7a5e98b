"""The edge page's questions: preference statements and questions about the workplace.

`PreferencesPanel` lists every preference statement with its hint and an
agreement rating whose levels say what each number means.
`ContextPanel` asks about the organisation: choice questions as radio
buttons with the content's options, the open question as a text box.
Both write through the binder (`door.set_preference`, `door.set_context_answer`) and put
stored answers back with `load`, without counting them as new edits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.binding import Binder, set_text
from ui.rating import RatingSelector
from ui.widgets import GrowingTextBox, TextBox, hint, muted, separator, strong
from workbook import door
from workbook.content.catalogue import Content, ContextQuestion
from workbook.data import WorkbookData

WorkbookId = Callable[[], int | None]


def short_question(question: ContextQuestion) -> str:
    """A question's first sentence, for accessible names (the full text is on screen)."""
    first = question.text.split("? ", 1)[0]
    return first if first.endswith("?") else first + ("?" if "? " in question.text else "")


class PreferencesPanel(QWidget):
    """Each statement rated on the agreement scale."""

    def __init__(
        self,
        content: Content,
        binder: Binder,
        workbook_id: WorkbookId,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._binder = binder
        self._workbook_id = workbook_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        scale = content.scales["agreement"]
        layout.addWidget(
            hint(
                f"{scale.question} 1 means strongly disagree, 5 strongly agree; hover or move "
                "to a number to read what it means. There are no right answers: each statement "
                "says something about which kind of work suits you."
            )
        )
        self.selectors: dict[str, RatingSelector] = {}
        for number, preference in enumerate(content.preferences.values(), start=1):
            layout.addWidget(separator())
            block = QVBoxLayout()
            block.setSpacing(4)
            layout.addLayout(block)
            statement = strong(f"{number}. {preference.statement}")
            block.addWidget(statement)
            if preference.hint:
                block.addWidget(muted(preference.hint))
            selector = RatingSelector(f"How true: {preference.statement}", scale.levels)
            selector.setObjectName(f"preference_{preference.id}")
            selector.setProperty("key", preference.id)
            selector.chosen.connect(self._rated)
            statement.setBuddy(selector)
            block.addWidget(selector)
            self.selectors[preference.id] = selector

    @Slot(object)
    def _rated(self, value: int | None) -> None:
        key = self.sender().property("key")
        self._binder.writer(door.set_preference, self._workbook_id, key)(value)
        self._binder.autosaver.flush()

    def load(self, data: WorkbookData) -> None:
        for key, selector in self.selectors.items():
            selector.set_value(data.preferences.get(key))


class ContextPanel(QWidget):
    """Questions about the workplace: radio buttons for choices, a text box for the open one."""

    def __init__(
        self,
        content: Content,
        binder: Binder,
        workbook_id: WorkbookId,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._binder = binder
        self._workbook_id = workbook_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(
            hint(
                "A few questions about the place where you work. They change which paths are "
                "open to you, not who you are. “I am not sure” is a fine answer, and a good "
                "question to take to your career conversation."
            )
        )
        self.groups: dict[str, QButtonGroup] = {}
        self.options: dict[str, list[str]] = {}
        self.texts: dict[str, TextBox] = {}
        for question in content.context.values():
            layout.addWidget(separator())
            block = QVBoxLayout()
            block.setSpacing(4)
            layout.addLayout(block)
            label = strong(question.text)
            block.addWidget(label)
            if question.hint:
                block.addWidget(muted(question.hint))
            if question.kind == "choice":
                group = QButtonGroup(self)
                group.setProperty("key", question.id)
                for index, (option_id, option_label) in enumerate(question.options):
                    button = QRadioButton(option_label)
                    button.setObjectName(f"context_{question.id}_{option_id}")
                    button.setAccessibleName(f"{short_question(question)} {option_label}")
                    group.addButton(button, index)
                    # As wide as its words: all of it answers a click, nothing beside it does.
                    block.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
                group.idClicked.connect(self._chosen)
                label.setBuddy(group.buttons()[0])
                self.groups[question.id] = group
                self.options[question.id] = [option for option, _ in question.options]
            else:
                box = GrowingTextBox(min_lines=3, max_lines=14)
                box.setObjectName(f"context_{question.id}")
                box.setAccessibleName(short_question(question))
                box.setPlaceholderText(
                    "One or two sentences, in any language. “I do not see one yet” is an "
                    "honest answer too."
                )
                binder.text(box, binder.writer(door.set_context_answer, workbook_id, question.id))
                label.setBuddy(box)
                block.addWidget(box)
                self.texts[question.id] = box

    @Slot(int)
    def _chosen(self, index: int) -> None:
        key = self.sender().property("key")
        value = self.options[key][index]
        self._binder.writer(door.set_context_answer, self._workbook_id, key)(value)
        self._binder.autosaver.flush()

    def load(self, data: WorkbookData) -> None:
        for key, group in self.groups.items():
            answer = data.context.get(key)
            group.setExclusive(False)  # lets every button be unchecked for "not answered"
            for index, button in enumerate(group.buttons()):
                button.setChecked(self.options[key][index] == answer)
            group.setExclusive(True)
        for key, box in self.texts.items():
            set_text(box, data.context.get(key, ""))
