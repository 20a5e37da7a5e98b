"""The main window: steps down the side, the current step's page, a workbook switcher.

The window paints its frame first (menus, toolbar, an empty side bar) and is
given its Session afterwards with `attach()`, so it appears before the
database layer, the content and the step pages are imported: modules needed
only once a workbook is open are imported inside the methods that use them.
Pages are built the first time they are shown.

The window owns the Session (the open database) and the Autosaver. Every
edit goes through the autosaver to `workbook.door`; the window refreshes
the sidebar and the undo actions from each saved Change. Every way out
(closing, quitting, SIGTERM, the desktop session ending) ends in
`shutdown()`, which flushes pending edits before the database is closed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ui.autosave import DEFAULT_DELAY_MS, Autosaver
from ui.settings import ui_settings
from workbook import APP_NAME
from workbook.errors import WorkbookError, as_problem
from workbook.steps import STEPS, Step

if TYPE_CHECKING:
    from pathlib import Path

    from sqlite_utils import Database

    from workbook.change import Change
    from workbook.session import Session

# Each step's page, imported only when first shown so start-up stays lean.
PAGES = {
    "about": ("ui.steps.about_you", "AboutYouPage"),
    "strengths": ("ui.steps.strengths", "StrengthsPage"),
    "edge": ("ui.steps.edge", "EdgePage"),
    "ai_plan": ("ui.steps.ai_plan", "AIPlanPage"),
    "plan": ("ui.steps.plan", "PlanPage"),
    "export": ("ui.steps.export", "ExportPage"),
}


def build_page(step: Step, db: Database, autosaver: Autosaver) -> QWidget:
    """The page for a step: every page takes (db, autosaver) and keeps the contract of
    `ui.steps.StepPage` (show_workbook, refresh)."""
    import importlib

    module_name, class_name = PAGES[step.id]
    return getattr(importlib.import_module(module_name), class_name)(db, autosaver)


SAVE_STATES = {"saving": "Saving…", "saved": "All changes saved", "error": "Not saved"}


class MainWindow(QMainWindow):
    #: Emitted once, after the window's frame has first been painted.
    painted = Signal()
    #: Emitted once, after the window with its workbook (or the welcome page) has been
    #: painted: from then on the person can type.
    ready = Signal()

    def __init__(
        self,
        session: Session | None = None,
        autosave_delay_ms: int = DEFAULT_DELAY_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.autosaver: Autosaver | None = None
        self._autosave_delay_ms = autosave_delay_ms
        self.workbook_id: int | None = None
        self._pages: dict[str, QWidget] = {}
        #: Built pages not on screen that must reload ("reload") or refresh when shown.
        self._stale: dict[str, str] = {}
        self._closed = False
        #: Signals to emit once the next paint has reached the screen.
        self._after_paint: list[str] = ["painted"]
        self._welcome: QWidget | None = None
        #: The local server that brings this window forward when the file is opened again.
        self._second_launch: QObject | None = None
        self._banner: QWidget | None = None
        self._checked_session: Session | None = None
        self._restoring = False
        #: Whether the first workbook (or the welcome page) has been on screen: until then
        #: the side bar leaves out the statuses that need the content files.
        self._shown = False

        self.setWindowTitle(APP_NAME)
        self._build_layout()
        self._build_menus()
        self._restore_geometry()
        if session is not None:
            self.attach(session)

    def attach(self, session: Session) -> None:
        """Open the window on a database: the most recent workbook, or the welcome page."""
        from ui import wheel_guard
        from ui.sidebar import StepDelegate
        from workbook.queries import most_recent_workbook

        wheel_guard.install()  # from now on the wheel changes only a focused control
        self.session = session
        self.autosaver = self._new_autosaver(self._autosave_delay_ms)
        self.sidebar.setItemDelegate(StepDelegate(self.sidebar))
        for step in STEPS:
            item = QListWidgetItem(step.title)
            item.setToolTip(step.summary)
            self.sidebar.addItem(item)
        self.save_label.setText(SAVE_STATES["saved"])
        for action in self._session_actions:
            action.setEnabled(True)
        self._after_paint.append("ready")

        if session.read_only is not None:
            self._show_read_only(session.read_only)

        recent = most_recent_workbook(session.db)
        if recent is None:
            self._show_welcome()
        else:
            last = ui_settings().value("last_step", 0, int)
            step = last if 0 <= last < len(STEPS) else 0
            # It is the one opened last already: no need to write that down again.
            self.load_workbook(recent.id, remember=False, step=step)
        # Showing the workbook took reads only; what edits need loads once it is on screen.
        self.ready.connect(self._after_ready)
        self.update()  # the paint that announces `ready`

    # ---- building -------------------------------------------------------------------

    def _new_autosaver(self, delay_ms: int) -> Autosaver:
        autosaver = Autosaver(self.session.history, self, delay_ms)
        autosaver.saved.connect(self._on_saved)
        autosaver.refused.connect(self._on_refused)
        autosaver.state_changed.connect(self._on_save_state)
        autosaver.file_problem.connect(self._on_file_problem)
        if self.session.read_only is not None:
            autosaver.set_read_only(self.session.read_only)
        return autosaver

    @Slot()
    def _after_ready(self) -> None:
        self._shown = True
        QTimer.singleShot(0, self._complete_sidebar)
        QTimer.singleShot(0, self._prepare_session)

    @Slot()
    def _complete_sidebar(self) -> None:
        """The statuses left out until the first workbook was on screen (they need the
        content files, ~12 ms to load, which the About page does not)."""
        if self.session is not None and not self.session.closed:
            self._refresh_sidebar()

    @Slot()
    def _prepare_session(self) -> None:
        """Once the workbook is on screen: answer a second launch on the same file, check
        the whole file for damage and then load what edits need."""
        if self.session is None or self.session.closed:
            return
        if self.session.read_only is not None:
            return
        if self._second_launch is None:
            from ui.single_window import listen_for_second_launch

            self._second_launch = listen_for_second_launch(self, self.session.path)
        self._check_whole_file()

    def _check_whole_file(self) -> None:
        """The full integrity check, on another thread: on a coach's file of 200 workbooks
        it takes longer than a frame. A write that comes first runs it itself."""
        from functools import partial

        from ui.jobs import BackgroundJob, start

        job = BackgroundJob(partial(_integrity, self.session.path), doing="check the file")
        self._checked_session = self.session
        job.succeeded.connect(self._whole_file_checked)
        start(job)

    @Slot(object)
    def _whole_file_checked(self, problems: list[str]) -> None:
        session = self._checked_session
        if session is not self.session or session.closed or session.verified:
            return  # reopened meanwhile, or a write already checked it (and loaded all)
        session.record_check(problems)
        if session.damage is not None:
            self._on_file_problem(session.damage)
        else:
            session.prepare()  # the file is sound: load what edits need before the first one

    @Slot(object)
    def _on_file_problem(self, problem: object) -> None:
        """The file turned out damaged before anything was written: offer a backup."""
        from ui.storage_notices import offer_backup_for

        if not self._restoring and offer_backup_for(self, problem):
            self.restore_backup()

    def _show_read_only(self, reason: str) -> None:
        from ui.storage_notices import read_only_banner

        self._banner = read_only_banner(reason)
        self.centralWidget().layout().insertWidget(0, self._banner)

    def _build_layout(self) -> None:
        """The frame: an empty step list, the page stack, the switcher, the status bar.

        Nothing here may touch Qt's `Qt` namespace or QStyle: PySide6 builds all their
        enums on first use (about 25 ms), which would delay the first paint.
        """
        central = QWidget()
        # A column, so a notice (a read-only file) can sit above the steps and the page.
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        layout = QHBoxLayout()
        column.addLayout(layout, 1)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName("Steps")
        self.sidebar.setObjectName("steps")
        self.sidebar.setFixedWidth(230)
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        self.sidebar.currentRowChanged.connect(self._step_chosen)
        layout.addWidget(self.sidebar)
        self._stack = QStackedWidget()
        layout.addWidget(self._stack, 1)
        self.setCentralWidget(central)

        toolbar = QToolBar("Workbook")
        toolbar.setObjectName("workbook-toolbar")
        toolbar.setMovable(False)
        label = QLabel("  Workbook: ")
        self.switcher = QComboBox()
        self.switcher.setAccessibleName("Current workbook")
        self.switcher.setMinimumContentsLength(24)
        self.switcher.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        label.setBuddy(self.switcher)
        self.switcher.activated.connect(self._switcher_chosen)
        toolbar.addWidget(label)
        toolbar.addWidget(self.switcher)
        self.addToolBar(toolbar)

        self.save_label = QLabel("")
        self.save_label.setAccessibleName("Save status")
        self.statusBar().addPermanentWidget(self.save_label)

    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "") -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # with the platform's alternatives
        elif shortcut is not None:
            # setShortcuts, not setShortcut: resolving setShortcut's overloads makes
            # PySide6 build every enum of the Qt namespace, 20 ms before the first paint.
            action.setShortcuts([QKeySequence(shortcut)])
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&Workbook")
        self._action(file_menu, "&New workbook…", self.new_workbook, QKeySequence.StandardKey.New)
        self._action(file_menu, "&Switch workbook", self.focus_switcher, "Ctrl+K")
        self.rename_action = self._action(file_menu, "&Rename…", self.rename_current, "F2")
        self.duplicate_action = self._action(file_menu, "&Duplicate", self.duplicate_current)
        self.delete_action = self._action(file_menu, "De&lete…", self.delete_current)
        file_menu.addSeparator()
        self._action(file_menu, "Add the &example workbook", self.add_example_workbook)
        self._action(file_menu, "&Import a workbook file…", self.import_workbook_file, "Ctrl+I")
        self.export_file_action = self._action(
            file_menu, "E&xport this workbook's file…", self.export_workbook_file
        )
        self.export_pdf_action = self._action(
            file_menu, "Export the &PDF plan…", self.export_pdf, "Ctrl+E"
        )
        self._action(file_menu, "Restore a &backup…", self.restore_backup)
        self._action(file_menu, "Remove deleted &text from backups…", self.purge_backups)
        file_menu.addSeparator()
        quit_action = self._action(file_menu, "&Quit", self.close, "Ctrl+Q")
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit_menu = bar.addMenu("&Edit")
        self.undo_action = self._action(
            edit_menu, "&Undo", self.undo, QKeySequence.StandardKey.Undo
        )
        self.redo_action = self._action(
            edit_menu, "&Redo", self.redo, QKeySequence.StandardKey.Redo
        )

        go_menu = bar.addMenu("&Go")
        for index, step in enumerate(STEPS):
            action = self._action(go_menu, step.title, self._go_to_step, f"Ctrl+{index + 1}")
            action.setData(index)
        go_menu.addSeparator()
        self._action(go_menu, "&Next step", self.next_step, "Ctrl+PgDown")
        self._action(go_menu, "&Previous step", self.previous_step, "Ctrl+PgUp")

        help_menu = bar.addMenu("&Help")
        about = self._action(help_menu, f"&About {APP_NAME}", self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        # Until a database is attached, only quitting makes sense.
        self._session_actions = [
            action
            for menu in (file_menu, edit_menu, go_menu, help_menu)
            for action in menu.actions()
            if action is not quit_action and not action.isSeparator()
        ]
        for action in self._session_actions:
            action.setEnabled(False)

    # ---- workbooks -------------------------------------------------------------------

    def _refresh_switcher(self) -> None:
        from workbook.queries import list_workbooks

        self.switcher.blockSignals(True)
        self.switcher.clear()
        for info in list_workbooks(self.session.db):
            self.switcher.addItem(info.name, info.id)
        self.switcher.setCurrentIndex(self.switcher.findData(self.workbook_id))
        self.switcher.blockSignals(False)

    def load_workbook(self, workbook_id: int, *, remember: bool = True, step: int = 0) -> None:
        """Show a workbook: pending edits to the previous one are saved first.

        `remember` notes it as the workbook opened last, to reopen next time; `step` is
        the step shown if none is yet (only that page is built)."""
        import contextlib
        import sqlite3

        self.autosaver.flush()
        self.workbook_id = workbook_id
        # Only orders the list of workbooks: a disk that refuses it must not stop the switch.
        if remember:
            from workbook.door import mark_opened

            with contextlib.suppress(sqlite3.Error):
                mark_opened(self.session.db, workbook_id)
        self._refresh_switcher()
        name = self.switcher.currentText()
        self.setWindowTitle(f"{name} — {APP_NAME}")
        self._reload_pages()
        self.sidebar.setEnabled(True)
        self._refresh_sidebar()
        self._update_actions()
        if self._stack.currentWidget() in (None, self._welcome):  # nothing shown yet
            self.show_step(step)

    def _reload_pages(self) -> None:
        """Load the workbook into the page on screen now; the others when next shown.

        Switching participant in a workshop should not pay for rebuilding pages
        nobody is looking at.
        """
        current = self._stack.currentWidget()
        for step_id, page in self._pages.items():
            if page is current:
                page.show_workbook(self.workbook_id)
                self._stale.pop(step_id, None)
            else:
                self._stale[step_id] = "reload"

    def _show_most_recent(self) -> None:
        from workbook.queries import most_recent_workbook

        recent = most_recent_workbook(self.session.db)
        if recent is None:
            self._show_welcome()
        else:
            self.load_workbook(recent.id)

    def _welcome_page(self) -> QWidget:
        """The first-run page, built only when a database holds no workbook."""
        if self._welcome is None:
            from ui.welcome import WelcomePage

            self._welcome = WelcomePage(str(self.session.path.absolute()))
            self._welcome.start_empty.connect(self.start_empty_workbook)
            self._welcome.open_example.connect(self.add_example_workbook)
            self._stack.addWidget(self._welcome)
        return self._welcome

    def _show_welcome(self) -> None:
        self.workbook_id = None
        self._refresh_switcher()
        self.setWindowTitle(APP_NAME)
        self.sidebar.setEnabled(False)
        self._stack.setCurrentWidget(self._welcome_page())
        self._update_actions()
        self._refresh_sidebar()

    @Slot(int)
    def _switcher_chosen(self, index: int) -> None:
        workbook_id = self.switcher.itemData(index)
        if workbook_id is not None and workbook_id != self.workbook_id:
            self.load_workbook(workbook_id)

    def _run(self, edit, *args) -> Change | None:  # noqa: ANN001
        """Run a structural edit, telling the person plainly if it is refused."""
        import sqlite3

        from PySide6.QtWidgets import QMessageBox

        self.autosaver.flush()
        if self.session.read_only is not None:
            QMessageBox.information(self, APP_NAME, f"Not saved: {self.session.read_only}")
            return None
        try:
            change = edit(self.session.db, *args)
        except (WorkbookError, sqlite3.Error) as problem:
            QMessageBox.warning(self, APP_NAME, as_problem(problem).message)
            return None
        self.session.history.record(change)
        return change

    def _ask_name(self, title: str, prompt: str, initial: str) -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        text, ok = QInputDialog.getText(self, title, prompt, QLineEdit.EchoMode.Normal, initial)
        return text if ok else None

    @Slot()
    def new_workbook(self) -> None:
        from workbook.door import create_workbook, unique_name

        name = self._ask_name(
            "New workbook",
            "Name of the new workbook (for a workshop, the participant's first name):",
            unique_name(self.session.db, "My workbook"),
        )
        if name is not None and (change := self._run(create_workbook, name)):
            self.load_workbook(change.workbook_id)

    @Slot()
    def start_empty_workbook(self) -> None:
        from workbook.door import create_workbook, unique_name

        change = self._run(create_workbook, unique_name(self.session.db, "My workbook"))
        if change:
            self.load_workbook(change.workbook_id)

    @Slot()
    def add_example_workbook(self) -> None:
        import sqlite3

        from PySide6.QtWidgets import QMessageBox

        from workbook.example import add_example

        self.autosaver.flush()
        try:
            workbook_id = add_example(self.session.db)
        except (WorkbookError, sqlite3.Error) as problem:
            QMessageBox.warning(self, APP_NAME, as_problem(problem).message)
            return
        self.load_workbook(workbook_id)

    @Slot()
    def rename_current(self) -> None:
        from workbook.door import rename_workbook

        if self.workbook_id is None:
            return
        name = self._ask_name("Rename workbook", "New name:", self.switcher.currentText())
        if name is not None and self._run(rename_workbook, self.workbook_id, name):
            self.load_workbook(self.workbook_id)

    @Slot()
    def duplicate_current(self) -> None:
        from workbook.door import duplicate_workbook

        if self.workbook_id is not None and (
            change := self._run(duplicate_workbook, self.workbook_id)
        ):
            self.load_workbook(change.workbook_id)

    @Slot()
    def delete_current(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from ui.backup_purge import offer_to_remove_deleted
        from workbook.door import delete_workbook
        from workbook.queries import get_workbook

        if self.workbook_id is None:
            return
        name = self.switcher.currentText()
        answer = QMessageBox.question(
            self,
            "Delete workbook",
            f"Delete the workbook “{name}” and everything written in it?\n\n"
            "This cannot be undone, although yesterday's backup still holds it.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        deleted = self.workbook_id
        info = get_workbook(self.session.db, deleted)  # which one it was, for the backups
        if self._run(delete_workbook, deleted):
            self.session.history.forget(deleted)
            self._show_most_recent()
            offer_to_remove_deleted(self, self.session, info)

    def _export_page(self) -> QWidget:
        index = [step.id for step in STEPS].index("export")
        self.show_step(index)
        return self._page(index)

    @Slot()
    def import_workbook_file(self) -> None:
        """Import works from anywhere, even before any workbook exists."""
        index = [step.id for step in STEPS].index("export")
        if self.workbook_id is not None:
            self.show_step(index)
        self._page(index).file_box.import_file()

    @Slot()
    def export_workbook_file(self) -> None:
        if self.workbook_id is not None:
            self._export_page().file_box.export_file()

    @Slot()
    def export_pdf(self) -> None:
        if self.workbook_id is not None:
            self._export_page().save_button.setFocus()

    @Slot()
    def focus_switcher(self) -> None:
        from PySide6.QtCore import Qt

        self.switcher.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.switcher.showPopup()

    # ---- steps -----------------------------------------------------------------------

    def page(self, step_id: str) -> QWidget:
        """The page of a step ("about", "strengths", ...), built if it was not yet."""
        return self._page([step.id for step in STEPS].index(step_id))

    @property
    def welcome(self) -> QWidget | None:
        """The first-run page, if it has been shown."""
        return self._welcome

    @property
    def built_steps(self) -> list[str]:
        """The ids of the steps whose pages are built so far, in the order they were built."""
        return list(self._pages)

    def _page(self, index: int) -> QWidget:
        step = STEPS[index]
        page = self._pages.get(step.id)
        if page is None:
            page = build_page(step, self.session.db, self.autosaver)
            self._pages[step.id] = page
            self._stack.addWidget(page)
            if self.workbook_id is not None:
                page.show_workbook(self.workbook_id)
        return page

    def show_step(self, index: int) -> None:
        if self.workbook_id is None:
            return
        self.sidebar.setCurrentRow(index)  # calls _step_chosen if the row changes
        self._step_chosen(index)

    @Slot(int)
    def _step_chosen(self, index: int) -> None:
        if index < 0 or self.workbook_id is None:
            return
        self.autosaver.flush()
        page = self._page(index)
        pending = self._stale.pop(STEPS[index].id, None)
        if pending == "reload":
            page.show_workbook(self.workbook_id)
        elif pending == "refresh":
            page.refresh()
        if self._stack.currentWidget() is not page:
            self._stack.setCurrentWidget(page)
            ui_settings().setValue("last_step", index)

    def current_step(self) -> int:
        return self.sidebar.currentRow()

    @Slot()
    def _go_to_step(self) -> None:
        self.show_step(self.sender().data())

    @Slot()
    def next_step(self) -> None:
        self.show_step(min(self.current_step() + 1, len(STEPS) - 1))

    @Slot()
    def previous_step(self) -> None:
        self.show_step(max(self.current_step() - 1, 0))

    def _refresh_sidebar(self) -> None:
        from PySide6.QtCore import Qt

        from ui.sidebar import STATUS_ROLE
        from workbook.steps import NEEDS_CONTENT, completion

        for index, step in enumerate(STEPS):
            item = self.sidebar.item(index)
            if self.workbook_id is None:
                status = ""
            elif step.id in NEEDS_CONTENT and not self._shown:
                continue  # the content files load once the first workbook is on screen
            else:
                done = completion(self.session.db, self.workbook_id, step.id)
                if done is None:
                    status = ""  # a step with nothing to complete, such as Export
                elif done.complete:
                    status = "✓ Complete"
                elif done.done == 0:
                    status = "Not started"
                else:
                    status = f"{done.done} of {done.total} {done.unit}"
            item.setData(STATUS_ROLE, status)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{step.title}, {status}")

    # ---- saving, undo ------------------------------------------------------------------

    @Slot(object)
    def _on_saved(self, change: Change) -> None:
        if change.table == "workbooks":
            self._refresh_switcher()
        self._refresh_sidebar()
        current = self._stack.currentWidget()
        for step_id, page in self._pages.items():
            if page is current:
                page.refresh()
            elif step_id not in self._stale:
                self._stale[step_id] = "refresh"
        self._update_actions()

    @Slot(str)
    def _on_refused(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)

    @Slot(str)
    def _on_save_state(self, state: str) -> None:
        self.save_label.setText(SAVE_STATES[state])

    def _describe(self, change: Change | None) -> str:
        from workbook.history import label

        text = label(change)
        return f" {text}" if text else ""

    def _update_actions(self) -> None:
        if self.session is None:
            return
        has = self.workbook_id is not None
        for action in (
            self.rename_action,
            self.duplicate_action,
            self.delete_action,
            self.export_file_action,
            self.export_pdf_action,
        ):
            action.setEnabled(has)
        history = self.session.history
        undo = history.next_undo(self.workbook_id) if has else None
        redo = history.next_redo(self.workbook_id) if has else None
        self.undo_action.setEnabled(undo is not None)
        self.redo_action.setEnabled(redo is not None)
        self.undo_action.setText(f"&Undo{self._describe(undo)}")
        self.redo_action.setText(f"&Redo{self._describe(redo)}")

    def _replay(self, step) -> None:  # noqa: ANN001
        import sqlite3

        from PySide6.QtWidgets import QMessageBox

        if self.workbook_id is None:
            return
        self.autosaver.flush()
        try:
            change = step(self.session.db, self.workbook_id)
        except (WorkbookError, sqlite3.Error) as problem:
            QMessageBox.warning(self, APP_NAME, as_problem(problem).message)
            return
        if change is not None:
            self._reload_pages()
            self._on_saved(change)

    @Slot()
    def undo(self) -> None:
        self._replay(self.session.history.undo)

    @Slot()
    def redo(self) -> None:
        self._replay(self.session.history.redo)

    # ---- backups, about -----------------------------------------------------------------

    @Slot()
    def restore_backup(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from ui.dialogs.backups import BackupDialog
        from workbook.session import Access, Session, restore_backup

        if self.session.read_only is not None:
            QMessageBox.information(
                self, APP_NAME, f"A backup cannot be restored here: {self.session.read_only}"
            )
            return
        dialog = BackupDialog(self.session.path, self)
        if dialog.exec() != BackupDialog.DialogCode.Accepted or dialog.chosen() is None:
            return
        if not self._settle_pending_before_restore():
            return
        path, lock = self.session.path, self.session.lock
        # The window keeps the file's lock throughout: no other program writes meanwhile.
        self.session.close(keep_lock=True)
        try:
            kept = restore_backup(path, dialog.chosen(), lock=lock)
        except WorkbookError as problem:
            QMessageBox.warning(self, APP_NAME, problem.message)
            kept = None
        self.reopen(Session.open(path, Access.WINDOW, lock=lock))
        if kept:
            self.statusBar().showMessage(f"Restored. The file as it was is kept in {kept}.", 15_000)

    def _settle_pending_before_restore(self) -> bool:
        """Save what is typed; what the file still refuses (it is damaged, or the disk is
        full) can be kept in a workbook file first. False to stay as things are."""
        from ui.storage_notices import keep_unsaved_before_closing

        self._restoring = True  # a refusal now is expected: no second offer of a backup
        try:
            self.autosaver.flush()
        finally:
            self._restoring = False
        if not self.autosaver.has_pending():
            return True
        return keep_unsaved_before_closing(self, self.session, self.autosaver, going_on="Restore")

    @Slot()
    def purge_backups(self) -> None:
        from ui.backup_purge import purge_deleted_from_backups

        self.autosaver.flush()  # what is typed but not yet saved still exists
        purge_deleted_from_backups(self, self.session)

    def reopen(self, session: Session) -> None:
        """Switch to a freshly opened database (after a restore): pages are rebuilt."""
        self.session = session
        self.autosaver.deleteLater()
        self.autosaver = self._new_autosaver(self.autosaver.delay_ms)
        for page in self._pages.values():
            self._stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        self._stale.clear()
        self.workbook_id = None
        self._stack.setCurrentWidget(self._welcome_page())
        self._show_most_recent()
        QTimer.singleShot(0, self._prepare_session)

    @Slot()
    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from workbook import __version__

        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>A private workbook for thinking about your strengths, your edge and "
            "your next steps.</p>"
            "<p><b>Your words stay with you.</b> This program never connects to the "
            "internet: no accounts, no telemetry, no update checks. Everything you "
            "write is kept in one file on this computer, readable only by you:</p>"
            f"<p><code>{_html(str(self.session.path))}</code></p>"
            "<p>Backups are kept in the <code>backups</code> folder beside it.</p>",
        )

    # ---- leaving ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt name
        super().paintEvent(event)
        if self._after_paint:
            names, self._after_paint = self._after_paint, []
            # Emitted from the event loop, once this paint has finished and reached the screen.
            QTimer.singleShot(0, lambda: [getattr(self, name).emit() for name in names])

    def _restore_geometry(self) -> None:
        geometry = ui_settings().value("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 760)

    @Slot()
    def save_now(self) -> None:
        """Write pending edits at once (for example when the desktop session ends)."""
        if self.autosaver is not None:
            self.autosaver.flush()

    def shutdown(self) -> None:
        """Save everything and close the database. Every exit path ends here; safe twice."""
        if self._closed:
            return
        self._closed = True
        if self.autosaver is not None:
            self.autosaver.flush()
        settings = ui_settings()
        settings.setValue("geometry", self.saveGeometry())
        settings.sync()
        if self.session is not None:
            self.session.close()

    def end_now(self) -> None:
        """Save what can be saved and close without asking (a termination signal)."""
        self._commit_open_editor()
        self.shutdown()
        self.close()

    def _commit_open_editor(self) -> None:
        # A table or line editor still open commits its text when focus leaves it.
        focused = self.focusWidget()
        if focused is not None:
            focused.clearFocus()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt name
        self._commit_open_editor()
        if self.autosaver is not None and not self._closed:
            self.autosaver.flush()
            if self.autosaver.has_pending() and not self._close_unsaved():
                event.ignore()
                return
        self.shutdown()
        event.accept()

    def _close_unsaved(self) -> bool:
        """The file still refuses some edits: offer to keep them elsewhere before closing."""
        from ui.storage_notices import keep_unsaved_before_closing

        return keep_unsaved_before_closing(self, self.session, self.autosaver)


def _integrity(path: Path, progress: object) -> list[str]:
    """A background job's work: the full integrity check on a connection of its own."""
    from workbook.session import integrity_problems

    return integrity_problems(path)


def _html(text: str) -> str:
    from html import escape

    return escape(text)
