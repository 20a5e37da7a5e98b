"""Forced ranking: put your strengths in order instead of rating each one.

`RankingPanel` holds the switch between rating and ranking and, in ranking mode, the
strengths in the person's order (`ui.ranking.RankedList`: the list with Move up / Move
down, Alt+Up / Alt+Down). Every move reports the new order through the model's
`order_changed`; the page stores each strength's place as its rank.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.ranking import RankedList, RankingModel
from ui.widgets import hint, muted, strong
from workbook.model import STRENGTH_MODES

__all__ = ["RankingModel", "RankingPanel"]


class RankingPanel(QWidget):
    """Choose rating or ranking; in ranking mode, order the strengths."""

    #: "rating" or "ranking", chosen by the person.
    mode_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 8)
        layout.setSpacing(10)
        layout.addWidget(strong("How do you want to judge your skill?"))
        modes = QHBoxLayout()
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QRadioButton] = {}
        for index, (mode, label) in enumerate(STRENGTH_MODES):
            button = QRadioButton(label)
            button.setAccessibleName(f"Way to judge skill: {label}")
            self.mode_group.addButton(button, index)
            self.mode_buttons[mode] = button
            modes.addWidget(button)
        modes.addStretch(1)
        self.mode_group.idClicked.connect(self._mode_clicked)
        layout.addLayout(modes)
        layout.addWidget(
            hint(
                "Rating asks how skilled you are at each strength on its own. Ranking asks "
                "you to put them in order, which helps when everything looks like a 4 or a 5. "
                "In your ranking, first place counts as a skill of 5 and last place as 1, "
                "evenly spaced between. You still rate energy and edge in the inventory."
            )
        )
        self.rating_note = muted(
            "You are rating each strength. Choose ranking above to put the strengths you "
            "have rated in order; your earlier ratings set the starting order. Your ratings "
            "and your order are both kept, whichever you choose."
        )
        layout.addWidget(self.rating_note)
        # In ranking mode: which signature strengths the order and the ratings disagree on.
        self.mode_effect = hint("")
        self.mode_effect.setAccessibleName("What ranking changes in your results")
        self.mode_effect.hide()
        layout.addWidget(self.mode_effect)

        self.list_area = RankedList("strength", "Your strengths in order, strongest first")
        self.model = self.list_area.model
        self.view = self.list_area.view
        self.up_button = self.list_area.up_button
        self.down_button = self.list_area.down_button
        layout.addWidget(self.list_area, 100)
        self.empty = muted(
            "Nothing to rank yet: rate the energy or edge of a few strengths in the inventory."
        )
        layout.addWidget(self.empty)
        layout.addStretch(1)  # keeps the text together when the list is hidden

        self.set_mode("rating")

    def set_mode(self, mode: str) -> None:
        """Show the stored mode (not a choice: no signal)."""
        self.mode_group.blockSignals(True)
        self.mode_buttons.get(mode, self.mode_buttons["rating"]).setChecked(True)
        self.mode_group.blockSignals(False)
        ranking = mode == "ranking"
        self.rating_note.setVisible(not ranking)
        self.list_area.setVisible(ranking and self.model.rowCount() > 0)
        self.empty.setVisible(ranking and self.model.rowCount() == 0)

    def show_mode_note(self, text: str) -> None:
        """Say what the ranking changed in the results, and why (`state.mode_note`)."""
        self.mode_effect.setText(text)
        self.mode_effect.setVisible(bool(text))

    def set_items(self, items: list[tuple[str, str]]) -> None:
        self.list_area.set_items(items)
        self.set_mode("ranking" if self.mode_buttons["ranking"].isChecked() else "rating")

    def current_id(self) -> str | None:
        return self.list_area.current_id()

    def select(self, strength_id: str) -> None:
        self.list_area.select(strength_id)

    @Slot(int)
    def _mode_clicked(self, index: int) -> None:
        self.mode_chosen.emit(STRENGTH_MODES[index][0])
