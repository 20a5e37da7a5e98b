"""A seeded random-use run of the whole window in one process, for `gui_probe memory`.

One action at a time, chosen by a seeded random generator: rating and preference
clicks, typing into text boxes (examples, journal entries, goals, actions, milestones,
support requests, check-ins, About you, the AI plan's task cells and reinvestment notes),
adding and deleting entries of every list (ideas, links, questions moved too), choosing
strengths, rating or ranking, step and workbook switches, undo and redo. No dialog waits
for a person: a question about deleting is answered by its button that goes ahead, and
any other message is noted as a warning. Each action ends with a short pass of the event
loop, so autosave's timer (20 ms here), deferred deletes and posted refreshes run as they
would; Python's cycle collector runs when it would in use, never forced.

`run(db, actions)` returns the resident memory after the first 1,000 actions and at the
end, the live Python wrappers of Qt objects by type (and how many of them wrap an object
Qt has already deleted) against `QApplication.allWidgets()`, checkpoints every 2,000
actions (also printed on stderr as they come), and whether the file passes
`integrity_check` and holds what was typed last into each field still there.
"""

from __future__ import annotations

import gc
import json
import os
import random
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from benchmarks.generate import WORDS

STEPS = {"about": 0, "strengths": 1, "edge": 2, "ai_plan": 3, "plan": 4, "export": 5}
#: Text longer than this is replaced rather than added to, so fields stay a usual size.
LONGEST = 400
WARM_UP = 1000
CHECKPOINT = 2000


def press(button: QAbstractButton) -> None:
    """Click a button with the mouse, as a person would (or, scrolled out of sight, with
    the keyboard's equivalent)."""
    if button.isVisible():
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    else:
        button.click()


def rss_mib() -> float:
    """The process's resident memory now, in MiB (Linux /proc; else the peak so far)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def wrappers() -> tuple[Counter[str], Counter[str]]:
    """Live Python wrappers of Qt objects by type, and those whose Qt object is gone."""
    live: Counter[str] = Counter()
    dead: Counter[str] = Counter()
    for obj in gc.get_objects():
        if isinstance(obj, shiboken6.Shiboken.Object):
            name = type(obj).__name__
            live[name] += 1
            if not shiboken6.isValid(obj):
                dead[name] += 1
    return live, dead


def settle() -> None:
    """Run what is posted (deferred deletes included). Python's cycle collector is left to
    run when it would in use: a collection here would hide what cycles keep alive."""
    for _ in range(3):
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class RandomUse:
    def __init__(self, window: Any, seed: int, workbooks: int) -> None:
        self.window = window
        self.rng = random.Random(seed)
        self.ids = [window.switcher.itemData(i) for i in range(window.switcher.count())]
        self.ids = self.ids[:workbooks]
        #: What was typed last into each field: (table, row id or workbook, field) -> text.
        self.typed: dict[tuple[str, Any, str], tuple[int, str]] = {}
        self.counts: Counter[str] = Counter()
        self.seconds: Counter[str] = Counter()
        self.actions: list[tuple[int, Callable[[], None]]] = [
            (8, self.rate_strength),
            (5, self.choose_strength),
            (6, self.prefer),
            (14, self.type_evidence),
            (10, self.type_journal),
            (8, self.type_goal),
            (5, self.type_action),
            (3, self.type_milestone),
            (3, self.type_about),
            (5, self.type_task),
            (4, self.add_evidence),
            (3, self.delete_evidence),
            (4, self.add_journal),
            (3, self.delete_journal),
            (3, self.add_goal),
            (2, self.delete_goal),
            (3, self.add_action),
            (2, self.delete_action),
            (2, self.add_milestone),
            (2, self.delete_milestone),
            (3, self.add_task),
            (2, self.delete_task),
            (2, self.link_goal),
            (2, self.unlink_goal),
            (2, self.add_idea),
            (2, self.add_support),
            (2, self.delete_support),
            (2, self.type_support),
            (2, self.add_question),
            (2, self.move_question),
            (2, self.delete_question),
            (1, self.check_in),
            (1, self.delete_check_in),
            (2, self.type_check_in),
            (2, self.add_place),
            (2, self.remove_place),
            (2, self.type_place),
            (1, self.switch_mode),
            (6, self.switch_step),
            (4, self.switch_workbook),
            (5, self.undo),
            (3, self.redo),
        ]
        self._weights = [w for w, _ in self.actions]

    # ---- driving ----------------------------------------------------------------------

    def step(self) -> None:
        [(_, action)] = self.rng.choices(self.actions, weights=self._weights)
        self.counts[action.__name__] += 1
        start = time.perf_counter()
        action()
        QTest.qWait(1)
        self.seconds[action.__name__] += time.perf_counter() - start

    def page(self, step_id: str) -> Any:
        self.window.show_step(STEPS[step_id])
        return self.window.page(step_id)

    def words(self, low: int = 2, high: int = 6) -> str:
        return " " + " ".join(self.rng.choices(WORDS, k=self.rng.randint(low, high)))

    def type_into(self, widget: QWidget, key: tuple[str, Any, str]) -> None:
        """Type a few words at the end of a field (or over it, once it is long)."""
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        plain = isinstance(widget, QPlainTextEdit | QTextEdit)  # a table cell's text: QTextEdit
        if plain:
            if len(widget.toPlainText()) > LONGEST:
                widget.selectAll()
            else:
                widget.moveCursor(widget.textCursor().MoveOperation.End)
        elif isinstance(widget, QLineEdit):
            if len(widget.text()) > 200:
                widget.selectAll()
            else:
                widget.end(False)
        QTest.keyClicks(widget, self.words())
        text = widget.toPlainText() if plain else widget.text()
        self.typed[key] = (self.window.workbook_id, text)

    def pick(self, items: list[Any]) -> Any:
        return self.rng.choice(items) if items else None

    # ---- ratings and choices ----------------------------------------------------------

    def rate_strength(self) -> None:
        page = self.page("strengths")
        page.tabs.setCurrentIndex(0)
        selector = page.detail.selectors[self.rng.choice(("proficiency", "energy", "edge"))]
        press(selector.buttons[self.rng.randint(1, len(selector.buttons))])

    def choose_strength(self) -> None:
        page = self.page("strengths")
        page.tabs.setCurrentIndex(0)
        page.select_strength(self.rng.choice(page.strength_list.ids()))

    def prefer(self) -> None:
        edge = self.page("edge")
        edge.tabs.setCurrentIndex(0)
        selector = self.rng.choice(list(edge.preferences.selectors.values()))
        press(selector.buttons[self.rng.randint(1, len(selector.buttons))])

    # ---- typing -----------------------------------------------------------------------

    def _detail(self) -> Any:
        page = self.page("strengths")
        page.tabs.setCurrentIndex(0)
        return page.detail

    def type_evidence(self) -> None:
        detail = self._detail()
        card = self.pick(detail.evidence_cards)
        if card is None:
            return
        field = self.rng.choice(("situation", "action", "result"))
        self.type_into(card.boxes[field], ("evidence", card.row_id, field))

    def _journal(self) -> Any:
        page = self.page("strengths")
        tab = self.rng.choice((3, 4, 5))
        page.tabs.setCurrentIndex(tab)
        panel = {3: page.reflections, 4: page.energy_log, 5: page.feedback}[tab]
        if tab == 3 and self.rng.random() < 0.3:
            panel.prompt_list.setCurrentRow(self.rng.randrange(panel.prompt_list.count()))
        return panel

    def type_journal(self) -> None:
        card = self.pick(self._journal().entries.cards)
        if card is not None:
            self.type_into(card.body, ("journal_entries", card.row_id, "body"))

    def _goals(self) -> list[Any]:
        return self.page("plan").goals.cards.rows()

    def type_goal(self) -> None:
        card = self.pick(self._goals())
        if card is None:
            return
        if self.rng.random() < 0.5:
            self.type_into(card.title, ("goals", card.goal_id, "title"))
        else:
            self.type_into(card.measure, ("goals", card.goal_id, "measure"))

    def type_action(self) -> None:
        rows = [row for card in self._goals() for row in card.actions.rows()]
        row = self.pick(rows)
        if row is not None:
            self.type_into(row.title, ("actions", row.action_id, "title"))

    def type_milestone(self) -> None:
        lists = self.page("plan").milestones.lists
        row = self.pick([row for rows in lists.values() for row in rows.rows()])
        if row is not None:
            self.type_into(row.text, ("milestones", row.milestone_id, "text"))

    def type_about(self) -> None:
        page = self.page("about")
        wid = self.window.workbook_id
        if self.rng.random() < 0.5:
            self.type_into(page.aim, ("profile", wid, "aim"))
        else:
            self.type_into(page.current_role, ("profile", wid, "current_role"))

    def type_task(self) -> None:
        from ui.steps.ai_plan.tasks_model import column_of

        page = self.page("ai_plan")
        if page.model.rowCount() == 0:
            return
        row = self.rng.randrange(page.model.rowCount())
        index = page.model.index(row, column_of("name"))
        page.table.setFocus(Qt.FocusReason.OtherFocusReason)
        page.table.setCurrentIndex(index)
        page.table.edit(index)
        editor = page.table.open_editor()
        if editor is None:
            return
        task_id = page.model.task(row).id
        self.type_into(editor, ("ai_tasks", task_id, "name"))
        page.table.commit_open_editor()
        self.typed[("ai_tasks", task_id, "name")] = (
            self.window.workbook_id,
            page.model.task(page.model.row_of(task_id)).name,
        )

    # ---- adding and deleting ----------------------------------------------------------

    def add_evidence(self) -> None:
        detail = self._detail()
        if len(detail.evidence_cards) < 4:
            detail.add_evidence()

    def delete_evidence(self) -> None:
        card = self.pick(self._detail().evidence_cards)
        if card is not None:
            self.deleting("evidence", card.row_id)
            press(card.delete_button)

    def add_journal(self) -> None:
        panel = self._journal()
        if len(panel.entries.cards) < 6:
            panel.new_entry()

    def delete_journal(self) -> None:
        card = self.pick(self._journal().entries.cards)
        if card is not None:
            self.deleting("journal_entries", card.row_id)
            press(card.delete_button)

    def add_goal(self) -> None:
        plan = self.page("plan")
        if len(plan.goals.cards.ids()) < 5:
            press(plan.goals.add_button)

    def delete_goal(self) -> None:
        card = self.pick(self._goals())
        if card is not None and len(self._goals()) > 1:
            self.deleting("goals", card.goal_id)
            self.deleting("actions", *card.actions.ids())
            press(card.delete_button)

    def add_action(self) -> None:
        card = self.pick(self._goals())
        if card is not None and len(card.actions.ids()) < 5:
            card.add_action(title=self.words().strip())

    def delete_action(self) -> None:
        rows = [row for card in self._goals() for row in card.actions.rows()]
        row = self.pick(rows)
        if row is not None:
            self.deleting("actions", row.action_id)
            press(row.delete_button)

    def add_milestone(self) -> None:
        section = self.page("plan").milestones
        day = self.rng.choice(list(section.add_buttons))
        if len(section.lists[day].ids()) < 3:
            press(section.add_buttons[day])

    def delete_milestone(self) -> None:
        lists = self.page("plan").milestones.lists
        row = self.pick([row for rows in lists.values() for row in rows.rows()])
        if row is not None:
            self.deleting("milestones", row.milestone_id)
            press(row.delete_button)

    def add_task(self) -> None:
        page = self.page("ai_plan")
        if page.model.rowCount() < 14:
            page.add_task()
            page.table.commit_open_editor()

    def delete_task(self) -> None:
        page = self.page("ai_plan")
        if page.model.rowCount() > 2:
            row = self.rng.randrange(page.model.rowCount())
            page.table.setCurrentIndex(page.model.index(row, 0))
            self.deleting("ai_tasks", page.model.task(row).id)
            page.remove_task()

    # ---- the rest of the plan and the AI plan -----------------------------------------

    def link_goal(self) -> None:
        card = self.pick(self._goals())
        if card is None:
            return
        combo = card.links.add_combo
        choices = [i for i in range(combo.count()) if combo.itemData(i)]
        if choices and len(card.links.links()) < 4:
            index = self.rng.choice(choices)
            combo.setCurrentIndex(index)
            combo.activated.emit(index)

    def unlink_goal(self) -> None:
        card = self.pick(self._goals())
        if card is None:
            return
        chips = [b for b in card.links.findChildren(QAbstractButton) if b.property("link")]
        if chips:
            press(self.rng.choice(chips))

    def add_idea(self) -> None:
        card = self.pick(self._goals())
        if card is None or len(card.actions.ids()) >= 5:
            return
        buttons = [b for b in card.ideas_panel.findChildren(QAbstractButton) if b.isEnabled()]
        if buttons:
            press(self.rng.choice(buttons))

    def add_support(self) -> None:
        support = self.page("plan").support
        if len(support.rows.ids()) < 4:
            press(support.add_button)

    def delete_support(self) -> None:
        row = self.pick(self.page("plan").support.rows.rows())
        if row is not None:
            self.deleting("support_requests", row.request_id)
            press(row.delete_button)

    def type_support(self) -> None:
        row = self.pick(self.page("plan").support.rows.rows())
        if row is not None:
            self.type_into(row.request, ("support_requests", row.request_id, "request"))

    def add_question(self) -> None:
        questions = self.page("plan").questions
        if len(questions.rows.ids()) < 6:
            press(questions.own_button)

    def move_question(self) -> None:
        row = self.pick(self.page("plan").questions.rows.rows())
        if row is not None:
            button = self.rng.choice((row.up_button, row.down_button))
            if button.isEnabled():
                press(button)

    def delete_question(self) -> None:
        row = self.pick(self.page("plan").questions.rows.rows())
        if row is not None:
            self.deleting("conversation_questions", row.question_id)
            press(row.delete_button)

    def check_in(self) -> None:
        checkins = self.page("plan").checkins
        if len(checkins.rows.ids()) < 3:
            press(checkins.checkin_button)

    def delete_check_in(self) -> None:
        row = self.pick(self.page("plan").checkins.rows.rows())
        if row is not None:
            self.deleting("journal_entries", row.entry_id)
            press(row.delete_button)

    def type_check_in(self) -> None:
        row = self.pick(self.page("plan").checkins.rows.rows())
        if row is not None:
            self.type_into(row.body, ("journal_entries", row.entry_id, "body"))

    def add_place(self) -> None:
        reinvest = self.page("ai_plan").reinvest
        if len(reinvest.rows) < 4 and reinvest.add_button.isEnabled():
            press(reinvest.add_button)

    def remove_place(self) -> None:
        row = self.pick(self.page("ai_plan").reinvest.rows)
        if row is not None:
            self.deleting("reinvestments", row.item_id)
            press(row.remove)

    def type_place(self) -> None:
        row = self.pick(self.page("ai_plan").reinvest.rows)
        if row is not None:
            self.type_into(row.note, ("reinvestments", row.item_id, "note"))

    def switch_mode(self) -> None:
        page = self.page("strengths")
        page.choose_mode(self.rng.choice(("rating", "ranking")))

    # ---- moving around ----------------------------------------------------------------

    def switch_step(self) -> None:
        self.window.show_step(self.rng.choice(list(STEPS.values())))

    def switch_workbook(self) -> None:
        others = [i for i in self.ids if i != self.window.workbook_id]
        if others:
            self.window.load_workbook(self.rng.choice(others))

    def undo(self) -> None:
        self.window.undo()
        self._forget_typed()

    def redo(self) -> None:
        self.window.redo()
        self._forget_typed()

    def deleting(self, table: str, *row_ids: int) -> None:
        """A row about to go: its id may be given to the next new row of its table."""
        self.typed = {k: v for k, v in self.typed.items() if k[0] != table or k[1] not in row_ids}

    def _forget_typed(self) -> None:
        """Undo and redo may put back any earlier value of this workbook's fields."""
        wid = self.window.workbook_id
        self.typed = {k: v for k, v in self.typed.items() if v[0] != wid}


def check_stored(db: Path, typed: dict[tuple[str, Any, str], tuple[int, str]]) -> dict:
    """Whether the file is sound and holds what was typed last into each field still there."""
    conn = sqlite3.connect(db)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        checked, differ, gone = 0, [], 0
        for (table, key, field), (_, text) in typed.items():
            if table == "profile":
                row = conn.execute(f"SELECT {field} FROM profile WHERE workbook_id = ?", [key])
            else:
                row = conn.execute(f"SELECT {field} FROM {table} WHERE id = ?", [key])  # noqa: S608
            found = row.fetchone()
            if found is None:
                gone += 1  # deleted since, or its workbook's undo took it away
                continue
            checked += 1
            if (found[0] or "") != text:
                differ.append([table, key, field, text[-60:], (found[0] or "")[-60:]])
    finally:
        conn.close()
    return {"integrity": integrity, "checked": checked, "lost": differ[:10], "gone": gone}


class Answerer:
    """No dialog waits for a person: a timer that also runs inside a dialog's own event
    loop answers it. A question about deleting is answered by its button that goes ahead,
    any other message is closed; `said` counts what each said (a warning is a refusal)."""

    GO_AHEAD = (
        QMessageBox.ButtonRole.DestructiveRole,
        QMessageBox.ButtonRole.YesRole,
        QMessageBox.ButtonRole.AcceptRole,
    )

    def __init__(self) -> None:
        self.said: Counter[str] = Counter()
        self.timer = QTimer()
        self.timer.setInterval(2)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def _answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        if isinstance(dialog, QMessageBox):
            if dialog.icon() == QMessageBox.Icon.Question:
                self.said["questions answered"] += 1
            else:
                self.said[f"{dialog.icon().name}: {dialog.text()}"[:200]] += 1
            buttons = dialog.buttons()
            chosen = next((b for b in buttons if dialog.buttonRole(b) in self.GO_AHEAD), None)
            (chosen or buttons[0]).click()
        else:
            self.said[f"dialog: {dialog.windowTitle()}"] += 1
            dialog.reject()


def run(db: str, actions: int, seed: int = 20261122, workbooks: int = 6) -> dict:
    from benchmarks.gui_probe import _window

    answerer = Answerer()
    window = _window(db)
    window.autosaver.set_delay(20)  # saves within the run's short waits, as pauses would
    use = RandomUse(window, seed, workbooks)
    for step_id in STEPS:  # every page built, as after a while of use
        use.page(step_id)
    checkpoints = []
    for n in range(1, actions + 1):
        use.step()
        if n == min(WARM_UP, actions) or n % CHECKPOINT == 0 or n == actions:
            settle()
            rss = rss_mib()  # before counting: the count makes a list of every object
            live, dead = wrappers()
            point = {
                "actions": n,
                "rss_mib": round(rss, 1),
                "wrappers": sum(live.values()),
                "dead_wrappers": sum(dead.values()),
                "widgets": len(QApplication.allWidgets()),
                "dead_by_type": dict(dead.most_common(8)),
            }
            checkpoints.append(point)
            print(json.dumps(point), file=sys.stderr, flush=True)  # progress, for a person
    window.shutdown()  # saves what is pending, as closing does
    first = next(p for p in checkpoints if p["actions"] == min(WARM_UP, actions))
    last = checkpoints[-1]
    said = dict(answerer.said)
    return {
        "actions": actions,
        "rss_after_1000_mib": first["rss_mib"],
        "rss_end_mib": last["rss_mib"],
        "growth_mib": round(last["rss_mib"] - first["rss_mib"], 1),
        "wrappers_end": dict(live.most_common(12)),
        "dead_wrappers": last["dead_wrappers"],
        "dead_wrappers_end": dict(dead.most_common(12)),
        "widgets_end": last["widgets"],
        "checkpoints": checkpoints,
        "done": dict(use.counts),
        "ms_per_action": {k: round(1000 * v / use.counts[k], 1) for k, v in use.seconds.items()},
        "stored": check_stored(Path(db), use.typed),
        "questions_answered": said.pop("questions answered", 0),
        "warnings": said,
    }
