"""The orchestration skills an AI plan relies on, with the person's rating and the gap.

Five skills (defining objectives, selecting tools, validating results,
managing risk, ensuring quality), listed by the gap between what the plan
needs and the person's rating, largest first, each with the reason for
its need. The rating is read-only here: it is the proficiency the person
gave the strength of the same name on the Strengths step, shown with
the description of that level.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.steps.ai_plan.text import skill_numbers, skill_rating_sentence
from ui.widgets import hint
from workbook.analysis.ai_plan import SkillNeed
from workbook.content.catalogue import Content


class SkillRow(QFrame):
    """One skill: its name and numbers, why the plan needs it, and the person's rating."""

    def __init__(self, skill_id: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.skill_id = skill_id
        self.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setSpacing(2)
        top = QHBoxLayout()
        self.name = QLabel(name)
        font = QFont(self.name.font())
        font.setBold(True)
        self.name.setFont(font)
        self.numbers = QLabel()
        self.numbers.setAccessibleName(f"{name}: need, rating and gap")
        top.addWidget(self.name)
        top.addStretch(1)
        top.addWidget(self.numbers)
        layout.addLayout(top)
        self.reason = hint("")
        self.reason.setAccessibleName(f"{name}: why your plan needs it")
        self.rating = hint("")
        self.rating.setAccessibleName(f"{name}: your rating")
        layout.addWidget(self.reason)
        layout.addWidget(self.rating)

    def show_need(self, need: SkillNeed, level_text: str | None, ranking: bool) -> None:
        self.numbers.setText(skill_numbers(need))
        self.reason.setText(f"Why: {need.reason}")
        self.rating.setText(skill_rating_sentence(need, level_text, ranking, need.name))
        self.setAccessibleName(f"{need.name}. {skill_numbers(need)}")


class SkillsPanel(QWidget):
    """The five skills, re-ordered by gap whenever the plan or the ratings change."""

    def __init__(self, content: Content, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = content
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._list = QVBoxLayout()
        self._list.setSpacing(0)
        layout.addLayout(self._list)
        self.rows: dict[str, SkillRow] = {}
        for skill_id, skill in content.orchestration.items():
            row = SkillRow(skill_id, skill.name)
            self.rows[skill_id] = row
            self._list.addWidget(row)

    def show_needs(self, needs: tuple[SkillNeed, ...], ranking: bool) -> None:
        for place, need in enumerate(needs):
            row = self.rows.get(need.id)
            if row is None:
                continue
            self._list.removeWidget(row)
            self._list.insertWidget(place, row)
            row.show_need(need, self._level_text(need), ranking)

    def order(self) -> list[str]:
        """The skill ids as shown, top to bottom."""
        return [
            self._list.itemAt(i).widget().skill_id
            for i in range(self._list.count())
            if isinstance(self._list.itemAt(i).widget(), SkillRow)
        ]

    def _level_text(self, need: SkillNeed) -> str | None:
        if need.rating is None:
            return None
        strength = self._content.strengths.get(need.id)
        if strength is not None and need.rating in strength.proficiency:
            return strength.proficiency[need.rating]
        skill = self._content.orchestration.get(need.id)
        return skill.levels.get(need.rating) if skill else None
