"""Help ▸ Getting started (F1) and Help ▸ Keyboard shortcuts (Ctrl+/), opened as a person
would: the guide names every step of the journey and says where the words are kept; the
shortcut list is read from the menus' own actions, so a key added to a menu is listed."""

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QTextBrowser

from tests.test_gui_search import menu_action
from ui.guide import guide_text, menu_shortcuts, presenter_keys
from ui.workshop.presenter import KEYS_HINT
from workbook.steps import STEPS


def shown_dialog(qtbot, title):
    qtbot.waitUntil(
        lambda: any(
            w.isVisible() and w.windowTitle() == title for w in QApplication.topLevelWidgets()
        )
    )
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle() == title
    )
    return dialog, dialog.findChild(QTextBrowser).toPlainText()


def test_f1_opens_the_guide_with_every_step_and_privacy(qtbot, open_window):
    window = open_window()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog, text = shown_dialog(qtbot, "Getting started")
    for step in STEPS:
        assert step.title in text, step.title
    assert "never connects to the internet" in text
    assert "not encryption" in text
    dialog.close()


def test_the_guide_speaks_plainly():
    text = guide_text()
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text)  # no names from the code
    assert ".toml" not in text and ".py" not in text
    assert len(text.split()) < 700  # short: read in a few minutes


def test_ctrl_slash_lists_the_menus_keys_and_the_presenters(qtbot, open_window):
    window = open_window()
    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    dialog, text = shown_dialog(qtbot, "Keyboard shortcuts")
    for words in (
        "Switch workbook",
        "Ctrl+K",
        "Search…",
        "Ctrl+F",
        "Getting started",
        "F1",
        "Presenter view…",
        "F5",
        "Lock with a PIN…",
        "Ctrl+L",
        "Ctrl+6",
    ):
        assert words in text, words
    for key, what in presenter_keys():
        assert key in text and what in text
    assert "&" not in text  # no mnemonic marks
    dialog.close()


def test_the_list_follows_the_menus(qtbot, open_window):
    """Every menu key is listed, and nothing else: a key added to a menu appears."""
    window = open_window()
    listed = {s.where: s.keys for s in menu_shortcuts(window)}
    assert listed["Workbook ▸ Switch workbook"] == "Ctrl+K"
    assert listed["Edit ▸ Settings…"] == QKeySequence("Ctrl+,").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    quit_action = menu_action(window, "Workbook", "Quit")
    assert listed["Workbook ▸ Quit"] == quit_action.shortcut().toString(
        QKeySequence.SequenceFormat.NativeText
    )
    extra = QAction("&Tidy up", window)
    extra.setShortcut(QKeySequence("Ctrl+Shift+T"))
    window.menuBar().actions()[1].menu().addAction(extra)
    assert {s.where: s.keys for s in menu_shortcuts(window)}["Edit ▸ Tidy up"] == "Ctrl+Shift+T"


def test_presenter_keys_come_from_its_hint():
    pairs = presenter_keys()
    assert ("Space", "pause or start") in pairs and ("Esc", "close") in pairs
    assert len(pairs) == KEYS_HINT.count("·") + 1
