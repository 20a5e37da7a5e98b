"""What a path is really like, beside the future a person writes for it.

`PathGuideView` is a closed "What this path is really like" toggle under the path's
description, above the future's fields. Opened, it shows the path's guide from
`path_guides.toml`: what a week holds, whether the move can be undone, the shapes the
role takes, and the note on mentors and sponsors. Reading it is optional, so it starts
closed and takes one line. Credits for ideas from outside the seeds are shown quietly
under the part they belong to.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.widgets import Disclosure, hint, muted, strong
from workbook.content.catalogue import GuideText, PathGuide

TOGGLE_TEXT = "What this path is really like"


class PathGuideView(QWidget):
    """One path's guide behind a toggle; the texts are plain labels a person can select.
    They are made the first time the guide is opened (some thirty labels a path), so the
    Edge page is built as quickly as before."""

    def __init__(
        self, guide: PathGuide, note: GuideText, path_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._guide = guide
        self._note = note
        self.setObjectName(f"guide_{guide.path}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

        self.body = QWidget()
        self.body.setAccessibleName(f"{path_name}: {TOGGLE_TEXT.lower()}")
        self._body = QVBoxLayout(self.body)
        self._body.setContentsMargins(20, 4, 0, 8)
        self._body.setSpacing(4)
        self.labels: list[QLabel] = []
        self.toggle = Disclosure(TOGGLE_TEXT, self.body)
        self.toggle.setObjectName(f"guide_{guide.path}_toggle")
        self.toggle.setAccessibleName(f"{path_name}: {TOGGLE_TEXT.lower()}")
        self.toggle.toggled.connect(self._opened)
        layout.addWidget(self.toggle)
        layout.addWidget(self.body)

    @Slot(bool)
    def _opened(self, shown: bool) -> None:
        if shown and not self.labels:
            self._fill()

    def _fill(self) -> None:
        guide, note, body = self._guide, self._note, self._body
        self._add(body, hint(guide.summary))
        self._part(body, "What a week holds", guide.week.text, guide.week.credit)
        self._part(body, "Can you go back?", guide.reversibility.text, guide.reversibility.credit)
        self._part(body, guide.roles_title, guide.roles_intro, "")
        for variant in guide.roles:
            row = QWidget()
            rows = QVBoxLayout(row)
            rows.setContentsMargins(12, 2, 0, 2)
            rows.setSpacing(0)
            self._add(rows, strong(variant.name))
            self._add(rows, hint(variant.description))
            body.addWidget(row)
        if guide.roles_credit:
            self._add(body, muted(guide.roles_credit))
        self._part(body, note.title, note.text, note.credit)

    def _part(self, layout: QVBoxLayout, title: str, text: str, credit: str) -> None:
        layout.addSpacing(6)
        self._add(layout, strong(title))
        self._add(layout, hint(text))
        if credit:
            self._add(layout, muted(credit))

    def _add(self, layout: QVBoxLayout, label: QLabel) -> None:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(label)
        self.labels.append(label)

    def plain_text(self) -> str:
        """Everything the guide shows once opened, in order (empty while never opened)."""
        return "\n".join(label.text() for label in self.labels)
