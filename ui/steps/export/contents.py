"""What goes in the PDF: who the copy is for, and its sections.

Choosing a reader ("My manager", "My coach", "Me") ticks that reader's sections
and says in one sentence what the version holds; the person can still tick or
untick any section on top, and the sentence under the preview names what they
added or left out. The readers and sections come from `exports.readers` and
`exports.sections`, so a new section or reader needs no change here.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from exports import sections as section_list
from exports.readers import DEFAULT_READER, READERS
from ui.widgets import hint


def indented(widget: QWidget, left: int = 26) -> QWidget:
    """A widget moved in under the checkbox or radio button it explains."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(left, 0, 0, 2)
    layout.addWidget(widget)
    return box


class ContentsChoice(QWidget):
    """The reader's radio buttons over the sections' checkboxes; `changed` on any choice."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self._build_readers())
        layout.addWidget(self._build_sections())
        self.reader_buttons[DEFAULT_READER].setChecked(True)
        self._show_reader(DEFAULT_READER)

    def _build_readers(self) -> QGroupBox:
        group = QGroupBox("Who is this copy for?")
        group.setAccessibleName("Who is this copy for?")
        layout = QVBoxLayout(group)
        row = QHBoxLayout()
        self.reader_group = QButtonGroup(self)
        self.reader_buttons: dict[str, QRadioButton] = {}
        for reader in READERS.values():
            button = QRadioButton(reader.label)
            button.setObjectName(f"reader-{reader.id}")
            button.setAccessibleName(f"A copy for: {reader.label}")
            button.setAccessibleDescription(reader.sentence)
            self.reader_group.addButton(button)
            self.reader_buttons[reader.id] = button
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.reader_sentence = hint("")
        self.reader_sentence.setObjectName("reader-sentence")
        self.reader_sentence.setAccessibleName("What this copy holds")
        layout.addWidget(self.reader_sentence)
        self.reader_group.buttonToggled.connect(self._reader_toggled)
        return group

    def _build_sections(self) -> QGroupBox:
        group = QGroupBox("What goes in the PDF")
        group.setAccessibleName("What goes in the PDF")
        layout = QVBoxLayout(group)
        layout.setSpacing(2)
        self.section_boxes: dict[str, QCheckBox] = {}
        for section in section_list.SECTION_LIST:  # read when built: a new one shows
            box = QCheckBox(section.label)
            box.setObjectName(f"section-{section.id}")
            box.setAccessibleName(section.label)
            box.setAccessibleDescription(section.note)
            box.toggled.connect(self.changed)
            self.section_boxes[section.id] = box
            layout.addWidget(box)
            layout.addWidget(indented(hint(section.note)))
        return group

    def reader(self) -> str:
        return next(rid for rid, button in self.reader_buttons.items() if button.isChecked())

    def sections(self) -> tuple[str, ...]:
        return tuple(sid for sid, box in self.section_boxes.items() if box.isChecked())

    def choose_reader(self, reader_id: str) -> None:
        """As if the person clicked the reader's button."""
        self.reader_buttons[reader_id].setChecked(True)

    @Slot(QRadioButton, bool)
    def _reader_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self._show_reader(self.reader())
            self.changed.emit()

    def _show_reader(self, reader_id: str) -> None:
        reader = READERS[reader_id]
        self.reader_sentence.setText(reader.sentence)
        for sid, box in self.section_boxes.items():
            # One `changed` for the whole switch, not one per box.
            blocker = QSignalBlocker(box)
            if box.isEnabled():
                box.setChecked(sid in reader.sections)
            del blocker
