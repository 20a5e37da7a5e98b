"""The main window's frame, painted before the database or any page exists: the step list,
the page stack, the workbook switcher, the save-state label and the menus.

`build_frame` makes the widgets and `build_menus` the menus; `MainWindow` wires them to
what it does. Nothing here may touch Qt's `Qt` namespace or QStyle, nor resolve
`QAction.setShortcut`'s overloads: PySide6 then builds every enum of the namespace
(about 25 ms), which would delay the first paint.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from workbook import APP_NAME
from workbook.steps import STEPS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from PySide6.QtWidgets import QMainWindow

    from workbook.model import WorkbookInfo


class WorkbookSwitcher(QComboBox):
    """The toolbar's list of workbooks; `chosen` names another one the person picked."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Current workbook")
        self.setMinimumContentsLength(24)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._current: int | None = None
        self.activated.connect(self._activated)

    def show_workbooks(self, workbooks: Iterable[WorkbookInfo], current: int | None) -> None:
        """List the workbooks by name, `current` (an id, or None) selected."""
        self.blockSignals(True)
        self.clear()
        for info in workbooks:
            self.addItem(info.name, info.id)
        self.setCurrentIndex(self.findData(current))
        self.blockSignals(False)
        self._current = current

    @Slot()
    def open_list(self) -> None:
        """Workbook ▸ Switch: the list opens, ready for the arrow keys."""
        from PySide6.QtCore import Qt

        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.showPopup()

    @Slot(int)
    def _activated(self, index: int) -> None:
        workbook_id = self.itemData(index)
        if workbook_id is not None and workbook_id != self._current:
            self.chosen.emit(workbook_id)


class SaveState(QLabel):
    """The status bar's word on saving: saving, all saved, or not saved."""

    TEXTS = {"saving": "Saving…", "saved": "All changes saved", "error": "Not saved"}

    @Slot(str)
    def show_state(self, state: str) -> None:
        """`state` as the autosaver names it (`Autosaver.state_changed`)."""
        self.setText(self.TEXTS[state])


class Frame(NamedTuple):
    sidebar: QListWidget
    stack: QStackedWidget
    switcher: WorkbookSwitcher
    save_label: SaveState


def build_frame(window: QMainWindow) -> Frame:
    """An empty step list beside the page stack, the switcher in a toolbar, the save-state
    label in the status bar, all set on `window`."""
    central = QWidget()
    # A column, so a notice (a read-only file) can sit above the steps and the page.
    column = QVBoxLayout(central)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    layout = QHBoxLayout()
    column.addLayout(layout, 1)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    sidebar = QListWidget()
    sidebar.setAccessibleName("Steps")
    sidebar.setObjectName("steps")
    sidebar.setFixedWidth(230)
    sidebar.setFrameShape(QListWidget.Shape.NoFrame)
    layout.addWidget(sidebar)
    stack = QStackedWidget()
    layout.addWidget(stack, 1)
    window.setCentralWidget(central)

    toolbar = QToolBar("Workbook")
    toolbar.setObjectName("workbook-toolbar")
    toolbar.setMovable(False)
    label = QLabel("  Workbook: ")
    switcher = WorkbookSwitcher()
    label.setBuddy(switcher)
    toolbar.addWidget(label)
    toolbar.addWidget(switcher)
    window.addToolBar(toolbar)

    save_label = SaveState("")
    save_label.setAccessibleName("Save status")
    window.statusBar().addPermanentWidget(save_label)
    return Frame(sidebar, stack, switcher, save_label)


def build_menus(window: QMainWindow) -> list[QAction]:
    """The menu bar, every item connected to a slot of the main window (`ui.main_window`,
    not imported: it imports this) or of its `workbooks` and `backups`.

    Sets on the window the actions it enables and names as things change (`rename_action`,
    `duplicate_action`, `delete_action`, `export_file_action`, `export_pdf_action`,
    `undo_action`, `redo_action`); returns those that wait for a database (all but Quit).
    """
    bar = window.menuBar()
    books, backups = window.workbooks, window.backups

    def add(menu: QMenu, text: str, slot: Callable, shortcut: object = None) -> QAction:
        return _action(window, menu, text, slot, shortcut)

    file_menu = bar.addMenu("&Workbook")
    add(file_menu, "&New workbook…", books.new, QKeySequence.StandardKey.New)
    add(file_menu, "&Switch workbook", window.switcher.open_list, "Ctrl+K")
    window.rename_action = add(file_menu, "&Rename…", books.rename_current, "F2")
    window.duplicate_action = add(file_menu, "&Duplicate", books.duplicate_current)
    window.delete_action = add(file_menu, "De&lete…", books.delete_current)
    file_menu.addSeparator()
    add(file_menu, "Add the &example workbook", books.add_example)
    add(file_menu, "&Import a workbook file…", books.import_file, "Ctrl+I")
    window.export_file_action = add(file_menu, "E&xport this workbook's file…", books.export_file)
    window.export_pdf_action = add(file_menu, "Export the &PDF plan…", books.export_pdf, "Ctrl+E")
    add(file_menu, "Back &up now", backups.back_up_now)
    add(file_menu, "Restore a &backup…", backups.restore)
    add(file_menu, "Remove deleted &text from backups…", backups.purge)
    window.handoff_action = add(
        file_menu, "&Hand off and remove from this laptop…", partial(_hand_off, window)
    )
    file_menu.addSeparator()
    quit_action = add(file_menu, "&Quit", window.close, "Ctrl+Q")
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    edit_menu = bar.addMenu("&Edit")
    window.undo_action = add(edit_menu, "&Undo", window.undo, QKeySequence.StandardKey.Undo)
    window.redo_action = add(edit_menu, "&Redo", window.redo, QKeySequence.StandardKey.Redo)
    edit_menu.addSeparator()
    add(edit_menu, "&Search…", partial(_search, window), QKeySequence.StandardKey.Find)
    settings = add(edit_menu, "Se&ttings…", partial(_settings, window), "Ctrl+,")
    settings.setMenuRole(QAction.MenuRole.PreferencesRole)

    go_menu = bar.addMenu("&Go")
    for index, step in enumerate(STEPS):
        add(go_menu, step.title, window.go_to_step, f"Ctrl+{index + 1}").setData(index)
    go_menu.addSeparator()
    add(go_menu, "&Next step", window.next_step, "Ctrl+PgDown")
    add(go_menu, "&Previous step", window.previous_step, "Ctrl+PgUp")

    workshop_menu = bar.addMenu("Wor&kshop")
    add(workshop_menu, "&Workshops…", lambda: _open_workshops(window))
    add(workshop_menu, "&Presenter view…", lambda: _open_presenter(window), "F5")
    add(workshop_menu, "&Group overview…", lambda: _open_overview(window))
    # `triggered` comes from the person only; ticking it to show what is stored does not.
    consent = add(
        workshop_menu,
        "&Count this workbook in the group overview",
        lambda: _consent(window, consent.isChecked()),
    )
    consent.setCheckable(True)
    add(workshop_menu, "&Save my contribution file…", lambda: _contribution(window, "save"))
    add(workshop_menu, "&Add contribution files…", lambda: _contribution(window, "add"))
    add(workshop_menu, "&Export everyone's PDF…", lambda: _export_everyone(window))
    # Ticked or not for the workbook shown, read as the menu opens: no switch needs to know.
    workshop_menu.aboutToShow.connect(lambda: _show_consent(window, consent))

    help_menu = bar.addMenu("&Help")
    add(help_menu, "&Getting started", partial(_guide, window), "F1")
    add(help_menu, "&Keyboard shortcuts", partial(_shortcuts, window), "Ctrl+/")
    help_menu.addSeparator()
    about = add(help_menu, f"&About {APP_NAME}", window.show_about)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    return [
        action
        for menu in (file_menu, edit_menu, go_menu, workshop_menu, help_menu)
        for action in menu.actions()
        if action is not quit_action and not action.isSeparator()
    ]


def _open_presenter(window: QMainWindow) -> None:
    # Imported when asked for: the frame paints before any workshop code is loaded.
    from ui.workshop.actions import open_presenter

    open_presenter(window)


def _open_workshops(window: QMainWindow) -> None:
    """Imported when chosen, as the presenter view is."""
    from ui.workshop.editor import open_workshops

    open_workshops(window)


def _hand_off(window: QMainWindow) -> None:
    """Imported when chosen: the hand-off's dialog is no part of the start."""
    from ui.handoff import hand_off

    hand_off(window)


def _search(window: QMainWindow) -> None:
    """Edit ▸ Search…, imported when chosen like every dialog of these menus."""
    from ui.search_dialog import open_search

    open_search(window)


def _settings(window: QMainWindow) -> None:
    from ui.settings_dialog import open_settings

    open_settings(window)


def _guide(window: QMainWindow) -> None:
    from ui.guide import show_guide

    show_guide(window)


def _shortcuts(window: QMainWindow) -> None:
    from ui.guide import show_shortcuts

    show_shortcuts(window)


def _open_overview(window: QMainWindow) -> None:
    from ui.workshop.overview import OverviewDialog

    OverviewDialog(window).exec()


def _export_everyone(window: QMainWindow) -> None:
    from ui.workshop.batch import export_everyone

    export_everyone(window)


def _contribution(window: QMainWindow, what: str) -> None:
    from ui.workshop import overview

    if what == "save":
        overview.save_contribution(window)
    else:
        overview.add_contributions(window)


def _consent(window: QMainWindow, on: bool) -> None:
    from ui.workshop.overview import set_consent_shown

    set_consent_shown(window, on)


def _show_consent(window: QMainWindow, action: QAction) -> None:
    from ui.workshop.overview import consented

    action.setEnabled(window.workbook_id is not None)
    action.setChecked(consented(window))


def _action(window: QWidget, menu: QMenu, text: str, slot: Callable, shortcut: object) -> QAction:
    action = QAction(text, window)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(shortcut)  # with the platform's alternatives
    elif shortcut is not None:
        # setShortcuts, not setShortcut: resolving setShortcut's overloads makes
        # PySide6 build every enum of the Qt namespace, 20 ms before the first paint.
        action.setShortcuts([QKeySequence(shortcut)])
    action.triggered.connect(slot)
    menu.addAction(action)
    return action
