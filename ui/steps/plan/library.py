"""The library of questions for a career conversation, as a two-level item model.

Topics at the top level, their questions beneath, in the content's order.
Questions the person has already added are shown greyed out and marked,
so the same question is not added twice. Checked with pytest-qt's
`qtmodeltester` in the tests.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from workbook.content.catalogue import ConversationQuestion

TOPIC_NAMES = {
    "path": "Your path",
    "strengths": "Your strengths",
    "growth": "Growing where you are",
    "support": "Support you can ask for",
    "ai": "AI and your work",
}
QUESTION_ROLE = Qt.ItemDataRole.UserRole + 1
TOP = 0  # internal id of a topic; a question's is its topic's row + 1

Index = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractItemModel):
    def __init__(self, questions: dict[str, ConversationQuestion], parent: Any = None) -> None:
        super().__init__(parent)
        topics: dict[str, list[ConversationQuestion]] = {}
        for question in questions.values():
            topics.setdefault(question.topic, []).append(question)
        self._topics = list(topics.items())
        self._chosen: frozenset[str] = frozenset()

    # ---- structure ---------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt name
        if not parent.isValid():
            return len(self._topics)
        if parent.column() != 0 or parent.internalId() != TOP:
            return 0
        return len(self._topics[parent.row()][1])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt name
        return 1

    # ---- content -----------------------------------------------------------------------

    def question(self, index: Index) -> ConversationQuestion | None:
        if not index.isValid() or index.internalId() == TOP:
            return None
        return self._topics[index.internalId() - 1][1][index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        question = self.question(index)
        if question is None:
            topic = self._topics[index.row()][0]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return TOPIC_NAMES.get(topic, topic.capitalize())
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setWeight(QFont.Weight.DemiBold)
                return font
            return None
        added = question.id in self._chosen
        if role == Qt.ItemDataRole.DisplayRole:
            return f"✓ {question.text}" if added else question.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{question.text} (already added)" if added else question.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Already in your questions" if added else question.text
        if role == QUESTION_ROLE:
            return question.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        question = self.question(index)
        if question is None:
            return Qt.ItemFlag.ItemIsEnabled
        if question.id in self._chosen:
            return Qt.ItemFlag.ItemNeverHasChildren
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def set_chosen(self, library_ids: set[str] | frozenset[str]) -> None:
        """Mark the questions already added (greyed out, not selectable)."""
        chosen = frozenset(library_ids)
        if chosen == self._chosen:
            return
        self._chosen = chosen
        for row, (_, questions) in enumerate(self._topics):
            if questions:
                parent = self.index(row, 0)
                self.dataChanged.emit(
                    self.index(0, 0, parent), self.index(len(questions) - 1, 0, parent)
                )

    def first_open(self) -> QModelIndex:
        """The first question not yet added (for the keyboard's starting point)."""
        for row, (_, questions) in enumerate(self._topics):
            for child, question in enumerate(questions):
                if question.id not in self._chosen:
                    return self.index(child, 0, self.index(row, 0))
        return QModelIndex()
