"""Edit ▸ Search… (Ctrl+F): find words anywhere a person wrote them, and go to one.

The search is `workbook.search.search` on the window's session: in the workbook shown,
or, with the box ticked, in every workbook this window may read. A workbook locked with
a PIN (`Session.unlocked`, `workbook.locks`) is never searched, so none of its words or
its name can show here. Results list the workbook, where the words are and the words
around them; choosing one (Enter or a double-click) shows that workbook, its step and
the entry, with the cursor on the words (`ui.search_reveal`). The dialog is window-modal,
so no workbook can be locked or switched while its results are on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ui.search_reveal import reveal
from workbook.locks import locked_ids
from workbook.search import Hit, Place, match_expression, place, search
from workbook.steps import STEPS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

#: Wait this long after the last key before searching (each search takes a few ms).
TYPING_PAUSE_MS = 200
#: Where each kind of journal entry is shown: the step's part, in the words of its tab.
PARTS = {
    "reflection": "Reflections",
    "energy": "Energy log",
    "feedback": "Feedback",
    "checkin": "Check-ins",
}
#: Where each other kind of hit is, in the words of the page ({name}: the person's own name
#: for it, a goal's title or a task's; {key}: a milestone's day).
PLACES = {
    "goal": "Goal: {name}",
    "action": "Action for the goal: {name}",
    "milestone": "Milestone at {key} days",
    "support": "What I ask",
    "question": "Questions for your career conversation",
    "task": "Task: {name}",
    "reinvestment": "Where the freed hours go",
    "edge": "Your edge statement",
    "profile": "Your profile",
    "context": "Your situation",
}
HIT_ROLE = Qt.ItemDataRole.UserRole


class SearchDialog(QDialog):
    """The search box, the choice of where to look, and the results."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.setWindowTitle("Search")
        self.setObjectName("search")
        layout = QVBoxLayout(self)

        row = QHBoxLayout()
        label = QLabel("&Find:")
        self.field = QLineEdit()
        self.field.setAccessibleName("Words to find")
        self.field.setPlaceholderText("A word or a few words you wrote")
        self.field.setClearButtonEnabled(True)
        label.setBuddy(self.field)
        row.addWidget(label)
        row.addWidget(self.field, 1)
        layout.addLayout(row)
        self.everywhere = QCheckBox("In &all workbooks")
        self.everywhere.setToolTip("Workbooks locked with a PIN are never searched.")
        layout.addWidget(self.everywhere)
        about = QLabel(
            "Searches everything you wrote: About you, your strengths and examples, "
            "reflections, the energy log and feedback, your situation, the edge statement "
            "and futures, the AI plan, goals, actions, milestones, what you ask and "
            "check-ins. Whole words, and the start of the last one: “forec” finds "
            "“forecast”."
        )
        about.setWordWrap(True)
        layout.addWidget(about)

        self.results = QTreeWidget()
        self.results.setAccessibleName("Results")
        self.results.setHeaderLabels(["Workbook", "Where", "What you wrote"])
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.results.header()
        # What was written gets the room: the other two are sized to their text, within
        # a share of the width (`_fit_columns`), the whole of each in its tooltip.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.results.setColumnHidden(0, True)  # one workbook until "all" is ticked
        layout.addWidget(self.results, 1)
        self.status = QLabel()
        self.status.setAccessibleName("How many were found")
        layout.addWidget(self.status)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.go_button = buttons.addButton("&Go to", QDialogButtonBox.ButtonRole.AcceptRole)
        self.go_button.setEnabled(False)
        buttons.accepted.connect(self.go)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Once in the dialog (a button outside one cannot be its default): Enter in the
        # field or the list goes to the hit chosen, never to Close.
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        self.go_button.setDefault(True)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run)
        self.field.textChanged.connect(self._timer.start)
        self.everywhere.toggled.connect(self.run)
        self.results.itemDoubleClicked.connect(self._double_clicked)
        self.results.currentItemChanged.connect(self._current_changed)
        self.resize(900, 460)

    # ---- searching ----------------------------------------------------------------------

    @Slot()
    def run(self) -> None:
        """Search for what is typed now, and list what is found, the best first."""
        self._timer.stop()
        window = self._window
        session = window.session
        self.results.clear()
        words = self.field.text()
        everywhere = self.everywhere.isChecked()
        self.results.setColumnHidden(0, not everywhere)
        self.go_button.setEnabled(False)
        only = None if everywhere else window.workbook_id
        if not words.strip():
            self.status.setText("")
            return
        if match_expression(words) is None:
            self.status.setText("Type a word or two: only letters and digits are searched.")
            return
        if only is not None and window.locks.hides(only):
            self.status.setText("This workbook is locked with a PIN: unlock it to search it.")
            return
        hits: list[Hit] = []
        if only is not None or everywhere:
            window.autosaver.flush()  # so what was typed a moment ago is found too
            hits = search(session.db, words, unlocked=session.unlocked, workbook_id=only)
        for hit in hits:
            spot = place(session.db, hit)
            if spot is None:
                continue
            item = QTreeWidgetItem([hit.workbook, self._where(hit, spot), _one_line(hit.snippet)])
            item.setData(0, HIT_ROLE, (hit, spot))
            item.setToolTip(1, item.text(1))
            item.setToolTip(2, hit.snippet)
            self.results.addTopLevelItem(item)
        self._fit_columns()
        count = self.results.topLevelItemCount()
        skipped = len(locked_ids(session.db, session.unlocked)) if everywhere else 0
        self.status.setText(_found(count, everywhere, skipped))
        if count:
            self.results.setCurrentItem(self.results.topLevelItem(0))
        self.go_button.setEnabled(count > 0)

    def _fit_columns(self) -> None:
        """The workbook and where columns as wide as their text, up to a quarter and two
        fifths of the width: what was written always keeps the rest."""
        width = self.results.viewport().width()
        for column, share in ((0, 0.25), (1, 0.4)):
            if not self.results.isColumnHidden(column):
                wanted = self.results.sizeHintForColumn(column) + 16
                self.results.setColumnWidth(column, min(wanted, int(width * share)))

    def _where(self, hit: Hit, spot: Place) -> str:
        step = next(s.title for s in STEPS if s.id == spot.step)
        if spot.part == "evidence":
            return f"{step} ▸ Example for {_strength_name(spot)}"
        if spot.part == "strength":
            # Of a catalogue strength only the overuse note is text; one of the person's
            # own has its name and description too.
            catalogue = not spot.name  # `place` gives only an own strength a name
            note = " ▸ When it is overdone" if catalogue else ""
            return f"{step} ▸ {_strength_name(spot)}{note}"
        if spot.part == "future":
            from workbook.content import load_content

            path = load_content().paths.get(spot.key)
            return f"{step} ▸ Three futures ▸ {path.short_name if path else 'a path'}"
        if spot.part == "reflection" and spot.key:
            from workbook.content import load_content

            prompt = load_content().prompts.get(spot.key)
            if prompt is not None:
                return f"{step} ▸ Reflection: {_elided(prompt.text)}"
        if spot.part in PLACES:
            name = _one_line(spot.name) or "not named yet"
            return f"{step} ▸ " + PLACES[spot.part].format(name=_elided(name), key=spot.key)
        return f"{step} ▸ {PARTS[spot.part]}"

    @Slot()
    def _current_changed(self) -> None:
        self.go_button.setEnabled(self.results.currentItem() is not None)

    # ---- going to a hit -----------------------------------------------------------------

    @Slot(QTreeWidgetItem, int)
    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self.results.setCurrentItem(item)
        self.go()

    @Slot()
    def go(self) -> None:
        """Show the chosen hit's workbook, step and entry, and close the search. Words
        typed since the last search are searched first: Enter then shows their results,
        never a hit for the words before them."""
        if self._timer.isActive():
            self.run()
            return
        item = self.results.currentItem()
        if item is None or not self.isVisible():
            return
        hit, spot = item.data(0, HIT_ROLE)
        self.accept()
        reveal(self._window, hit, spot, self.field.text())


def _strength_name(spot: Place) -> str:
    """A strength of the content by its name, a person's own by the name they gave it
    (`Place.name`, read by `workbook.search.place`)."""
    from workbook.content import load_content

    known = load_content().strengths.get(spot.key)
    return known.name if known is not None else spot.name or "your own strength"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _elided(text: str, most: int = 60) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _found(count: int, everywhere: bool, locked: int = 0) -> str:
    where = "in all workbooks" if everywhere else "in this workbook"
    said = f"{count} found {where}." if count else f"Nothing found {where}."
    if locked:
        said += f" {locked} locked with a PIN {'was' if locked == 1 else 'were'} not searched."
    return said


def open_search(window: QMainWindow) -> SearchDialog:
    """Edit ▸ Search…: the dialog, window-modal, the field ready for typing."""
    dialog = SearchDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.field.setFocus()
    return dialog
