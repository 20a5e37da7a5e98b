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

The window is the shell. Its frame (step list, page stack, switcher, menus) is made
in `ui.window_frame`; the Workbook menu's work on whole workbooks is done by
`self.workbooks` (`ui.workbook_actions`), on the file's backups by `self.backups`
(`ui.backup_actions`, with the whole-file check), on a workbook's PIN by `self.locks`
(`ui.lock_actions`: a locked workbook shows its unlock panel, never its pages); the About
box is `ui.about`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from ui.autosave import DEFAULT_DELAY_MS, Autosaver
from ui.backup_actions import BackupActions
from ui.lock_actions import LockActions
from ui.page_updates import PendingUpdates, concerns
from ui.pages import build_page
from ui.settings import ui_settings
from ui.window_actions import replay, update_actions
from ui.window_frame import build_frame, build_menus
from ui.workbook_actions import WorkbookActions
from workbook import APP_NAME
from workbook.steps import STEPS

if TYPE_CHECKING:
    from workbook.change import Change
    from workbook.session import Session


def _install_style() -> None:
    """Outlines that meet 3:1 and the focus ring (ui.style): once the workbook is on
    screen, as subclassing QStyle builds PySide6's enums (about 40 ms)."""
    from ui import style

    style.install()


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
        self._missed = PendingUpdates()
        self._closed = False
        #: Signals to emit once the next paint has reached the screen.
        self._after_paint: list[str] = ["painted"]
        self._welcome: QWidget | None = None
        #: The local server that brings this window forward when the file is opened again.
        self._second_launch: QObject | None = None
        self._banner: QWidget | None = None
        #: Whether the first workbook (or the welcome page) has been on screen: until then
        #: the side bar leaves out the statuses that need the content files.
        self._shown = False

        #: The Workbook menu's work: on whole workbooks, and on the file's backups.
        self.workbooks = WorkbookActions(self)
        self.backups = BackupActions(self)
        self.locks = LockActions(self)

        self.setWindowTitle(APP_NAME)
        self.sidebar, self._stack, self.switcher, self.save_label = build_frame(self)
        self.sidebar.currentRowChanged.connect(self._step_chosen)
        self.switcher.chosen.connect(self.load_workbook)
        # Until a database is attached, only quitting makes sense.
        self._session_actions = build_menus(self) + self.locks.add_menu_items()
        for action in self._session_actions:
            action.setEnabled(False)
        self._restore_geometry()
        if session is not None:
            self.attach(session)

    def attach(self, session: Session) -> None:
        """Open the window on a database: the most recent workbook, or the welcome page."""
        from ui import wheel_guard
        from ui.sidebar import list_steps
        from workbook.queries import most_recent_workbook

        wheel_guard.install()  # from now on the wheel changes only a focused control
        self.session = session
        self.autosaver = self._new_autosaver(self._autosave_delay_ms)
        list_steps(self.sidebar)
        self.save_label.show_state("saved")
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
        autosaver.state_changed.connect(self.save_label.show_state)
        autosaver.file_problem.connect(self.backups.offer_restore)
        if self.session.read_only is not None:
            autosaver.set_read_only(self.session.read_only)
        return autosaver

    @Slot()
    def _after_ready(self) -> None:
        self._shown = True
        QTimer.singleShot(0, _install_style)
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
        self.backups.check_whole_file()

    def _show_read_only(self, reason: str) -> None:
        from ui.storage_notices import read_only_banner

        self._banner = read_only_banner(reason)
        self.centralWidget().layout().insertWidget(0, self._banner)

    # ---- workbooks -------------------------------------------------------------------

    def _refresh_switcher(self) -> None:
        from workbook.locks import listed  # a locked workbook by its label, never its name

        self.switcher.show_workbooks(
            listed(self.session.db, self.session.unlocked), self.workbook_id
        )

    def load_workbook(self, workbook_id: int, *, remember: bool = True, step: int = 0) -> None:
        """Show a workbook: pending edits to the previous one are saved first.

        `remember` notes it as the workbook opened last, to reopen next time; `step` is
        the step shown if none is yet (only that page is built)."""
        import contextlib
        import sqlite3

        self.autosaver.flush()
        if self.locks.leave(self.workbook_id, workbook_id):  # it locks: no page keeps its text
            step = max(self.current_step(), 0)
            self.drop_pages()
        self.workbook_id = workbook_id
        # Only orders the list of workbooks: a disk that refuses it must not stop the switch.
        if remember:
            from workbook.door import mark_opened

            with contextlib.suppress(sqlite3.Error):
                mark_opened(self.session.db, workbook_id)
        self._refresh_switcher()
        name = self.switcher.currentText()
        self.setWindowTitle(f"{name} — {APP_NAME}")
        locked = self.locks.hides(workbook_id)
        if locked:
            self.drop_pages()
            self._stack.setCurrentWidget(self.locks.panel(workbook_id))
        else:
            self._reload_pages()
        self.sidebar.setEnabled(not locked)
        self._refresh_sidebar()
        self._update_actions()
        if self._stack.currentWidget() in (None, self._welcome, self.locks.shown_panel):
            self.show_step(step)  # nothing of this workbook shown yet

    def drop_pages(self) -> None:
        """Take every built page down (each is built again when next shown): a locked
        workbook's text must stay in no hidden widget."""
        for page in self._pages.values():
            self._stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        self._missed.clear()

    def add_page(self, widget: QWidget) -> None:
        """Put a page that is no step's (the unlock panel) in the stack."""
        self._stack.addWidget(widget)

    def _reload_pages(self) -> None:
        """Load the workbook into the page on screen now; the others when next shown.

        Switching participant in a workshop should not pay for rebuilding pages
        nobody is looking at.
        """
        current = self._stack.currentWidget()
        for step_id, page in self._pages.items():
            if page is current:
                page.show_workbook(self.workbook_id)
                self._missed.forget(step_id)
            else:
                self._missed.reload(step_id)

    def show_most_recent(self) -> None:
        """Show the workbook opened most recently, or the welcome page if there is none."""
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
            self._welcome.start_empty.connect(self.workbooks.start_empty)
            self._welcome.open_example.connect(self.workbooks.add_example)
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

    # ---- steps -----------------------------------------------------------------------

    def page(self, step_id: str) -> QWidget:
        """The page of a step ("about", "strengths", ...), built if it was not yet."""
        return self._page([step.id for step in STEPS].index(step_id))

    @property
    def welcome(self) -> QWidget | None:
        """The first-run page, if it has been shown."""
        return self._welcome

    @property
    def shown(self) -> QWidget | None:
        """What fills the window beside the step list: a step's page, the welcome page or
        a locked workbook's unlock panel."""
        return self._stack.currentWidget()

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
            if self.workbook_id is not None and not self.locks.hides(self.workbook_id):
                page.show_workbook(self.workbook_id)
        return page

    def show_step(self, index: int) -> None:
        if self.workbook_id is None:
            return
        self.sidebar.setCurrentRow(index)  # calls _step_chosen if the row changes
        self._step_chosen(index)

    @Slot(int)
    def _step_chosen(self, index: int) -> None:
        if index < 0 or self.workbook_id is None or self.locks.hides(self.workbook_id):
            return
        self.autosaver.flush()
        page = self._page(index)
        self._missed.catch_up(STEPS[index].id, page, self.workbook_id)
        if self._stack.currentWidget() is not page:
            self._stack.setCurrentWidget(page)
            ui_settings().setValue("last_step", index)

    def current_step(self) -> int:
        return self.sidebar.currentRow()

    @Slot()
    def go_to_step(self) -> None:
        """Go ▸ a step: the menu item's data is the step's index."""
        self.show_step(self.sender().data())

    @Slot()
    def next_step(self) -> None:
        self.show_step(min(self.current_step() + 1, len(STEPS) - 1))

    @Slot()
    def previous_step(self) -> None:
        self.show_step(max(self.current_step() - 1, 0))

    def _refresh_sidebar(self, steps: frozenset[str] | None = None) -> None:
        """Each step's completion; only `steps` when given (a step's completion counts
        only its own answers), all of them for a change to the workbook itself."""
        from PySide6.QtCore import Qt

        from ui.sidebar import STATUS_ROLE
        from workbook.steps import NEEDS_CONTENT, completion, progress_words

        hidden = self.workbook_id is None or self.locks.hides(self.workbook_id)
        for index, step in enumerate(STEPS):
            if steps is not None and "" not in steps and step.id not in steps:
                continue
            item = self.sidebar.item(index)
            if hidden:  # no workbook, or a locked one: not even how far it got
                status = ""
            elif step.id in NEEDS_CONTENT and not self._shown:
                continue  # the content files load once the first workbook is on screen
            else:
                status = progress_words(completion(self.session.db, self.workbook_id, step.id))
            item.setData(STATUS_ROLE, status)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{step.title}, {status}")

    # ---- saving, undo ------------------------------------------------------------------

    @Slot(object)
    def _on_saved(self, change: Change) -> None:
        if change.table == "workbooks":
            self._refresh_switcher()
        self._refresh_sidebar(change.steps)
        current = self._stack.currentWidget()
        for step_id, page in self._pages.items():
            if not concerns(page, change):
                continue
            if page is current:
                page.refresh(change)
            else:
                self._missed.add(step_id, change)
        self._update_actions()

    @Slot(str)
    def _on_refused(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)

    def _update_actions(self) -> None:
        update_actions(self)

    def _replay(self, step) -> None:  # noqa: ANN001
        replay(self, step)

    @Slot()
    def undo(self) -> None:
        self._replay(self.session.history.undo)

    @Slot()
    def redo(self) -> None:
        self._replay(self.session.history.redo)

    # ---- a file reopened, about -----------------------------------------------------------

    def reopen(self, session: Session) -> None:
        """Switch to a freshly opened database (after a restore): pages are rebuilt."""
        self.session = session
        self.autosaver.deleteLater()
        self.autosaver = self._new_autosaver(self.autosaver.delay_ms)
        self.drop_pages()
        self.workbook_id = None
        self._stack.setCurrentWidget(self._welcome_page())
        self.show_most_recent()
        QTimer.singleShot(0, self._prepare_session)

    @Slot()
    def show_about(self) -> None:
        from ui.about import show_about

        show_about(self, self.session.path)

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
