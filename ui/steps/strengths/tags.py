"""Which strengths a piece of feedback speaks to: tags on a feedback card.

Each tag is a button naming the strength ("Mentoring ✕"; pressing it removes the tag),
and "Tag a strength…" opens a menu of the strengths not yet tagged, the person's own
among them (Space or Enter opens it, the arrows move, Enter tags; a menu rather than a
drop-down, where an arrow key on the closed box would tag at once). The
tags are stored as the entry's links ("strength:<id>", `door.journal.update`), written
at once. Only tagged feedback that is not private counts in the results ("what others
say"); the hint under the tags says so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from ui.widgets import muted

#: The strengths a card may offer, as (id, name), in the inventory's order.
Names = Callable[[], list[tuple[str, str]]]
PROMPT = "Tag a strength…"
UNTAGGED = (
    "Tag the strengths it speaks to: tagged feedback you do not keep private shows in your "
    "results and your PDF as what others say. Untagged feedback is kept, and counts for "
    "nothing."
)


def strength_links(ids: list[str]) -> list[str]:
    return [f"strength:{sid}" for sid in ids]


def tagged_ids(links: tuple[str, ...] | list[str]) -> list[str]:
    return [link.partition(":")[2] for link in links if link.startswith("strength:")]


class StrengthTags(QWidget):
    """The tags of one feedback entry, and the menu to add one."""

    #: The tagged strength ids, after the person added or removed one.
    changed = Signal(list)

    def __init__(self, names: Names, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = names
        self._ids: list[str] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.row = QHBoxLayout()
        self.row.setSpacing(6)
        label = QLabel("Speaks to:")
        self.row.addWidget(label)
        self.buttons: list[QPushButton] = []
        self.add_button = QPushButton(PROMPT)
        self.add_button.setAccessibleName("Tag a strength this feedback speaks to")
        self.menu = QMenu(self.add_button)
        self.menu.setAccessibleName("Strengths to tag")
        self.menu.aboutToShow.connect(self._fill_menu)
        self.menu.triggered.connect(self._chosen)
        self.add_button.setMenu(self.menu)
        label.setBuddy(self.add_button)
        self.row.addWidget(self.add_button)
        self.row.addStretch(1)
        column.addLayout(self.row)
        self.note = muted(UNTAGGED)
        column.addWidget(self.note)

    def show_tags(self, ids: list[str]) -> None:
        """Show stored tags (not an edit: no `changed`)."""
        ids = list(dict.fromkeys(ids))
        if ids != self._ids or not self.buttons and ids:
            self._ids = ids
            self._rebuild()

    def ids(self) -> list[str]:
        return list(self._ids)

    def _rebuild(self) -> None:
        names = dict(self._names())
        for button in self.buttons:
            self.row.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for index, sid in enumerate(self._ids):
            name = names.get(sid, sid)
            button = QPushButton(f"{name} ✕")
            button.setAccessibleName(f"Remove the tag {name}")
            button.setToolTip(f"This feedback speaks to {name}. Press to remove the tag.")
            button.setProperty("strength", sid)
            button.clicked.connect(self._remove_clicked)
            self.row.insertWidget(1 + index, button)
            self.buttons.append(button)
        self.note.setVisible(not self._ids)

    @Slot()
    def _fill_menu(self) -> None:
        """The strengths not yet tagged, read when the menu opens."""
        self.menu.clear()
        for sid, name in self._names():
            if sid not in self._ids:
                action = self.menu.addAction(name)
                action.setData(sid)

    def tag(self, strength_id: str) -> None:
        """Tag the feedback with a strength, as choosing it from the menu does."""
        if strength_id in self._ids:
            return
        self._ids.append(strength_id)
        self._rebuild()
        self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit(self.ids())

    @Slot(QAction)
    def _chosen(self, action: QAction) -> None:
        if action.data():
            self.tag(action.data())

    @Slot()
    def _remove_clicked(self) -> None:
        sid = self.sender().property("strength")
        if sid not in self._ids:
            return
        self._ids.remove(sid)
        self._rebuild()
        self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit(self.ids())
