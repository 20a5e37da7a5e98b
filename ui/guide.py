"""Help ▸ Getting started and Help ▸ Keyboard shortcuts.

The guide is resources/help/getting-started.md, in plain words: the journey's steps,
what each is for, and privacy in one paragraph. The shortcut list is made when it is
opened from the window's own menus (each action's text and keys) and the presenter
view's keys (`ui.workshop.presenter.KEYS_HINT`), so it never lists a key that is not
there. Both are imported only when chosen.
"""

from __future__ import annotations

from html import escape
from importlib import resources
from typing import NamedTuple

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

GUIDE_FILE = "help/getting-started.md"
#: Keys that work everywhere, which no menu item lists.
GENERAL_KEYS = (
    ("Tab / Shift+Tab", "Move to the next or previous field"),
    ("Alt + the underlined letter", "Open a menu, a tab or press a button"),
    ("Alt+Up / Alt+Down", "Move the chosen item up or down in a list you put in order"),
)


class Shortcut(NamedTuple):
    where: str  # "Edit ▸ Search…"
    keys: str  # "Ctrl+F", in the platform's own words


def guide_text() -> str:
    """The getting-started guide, as markdown."""
    return resources.files("resources").joinpath(GUIDE_FILE).read_text(encoding="utf-8")


def _plain(text: str) -> str:
    """A menu item's text without its mnemonic marks ("&Undo" → "Undo")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


#: Qt's code of the first key of a multimedia keyboard ("Back"); the dedicated keys
#: "New", "Find" or "Undo" that the platform adds to a standard shortcut come after it.
_MEDIA_KEYS = 0x01000061


def on_a_keyboard(key: QKeySequence) -> bool:
    """Whether `key` is typed on an ordinary keyboard, not a dedicated "Find" key."""
    return not key.isEmpty() and key[0].key().value < _MEDIA_KEYS


def menu_shortcuts(window: QMainWindow) -> list[Shortcut]:
    """Every menu item of `window` that has keys, in menu order, as the menus show them."""
    found: list[Shortcut] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                walk(action.menu(), f"{path} ▸ {_plain(action.text())}")
                continue
            keys = [
                key.toString(QKeySequence.SequenceFormat.NativeText)
                for key in action.shortcuts()
                if on_a_keyboard(key)
            ]
            if keys:
                found.append(Shortcut(f"{path} ▸ {_plain(action.text())}", " or ".join(keys)))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), _plain(top.text()))
    return found


def presenter_keys() -> list[tuple[str, str]]:
    """The presenter view's keys, from the hint it shows on screen."""
    from ui.workshop.presenter import KEYS_HINT

    pairs = []
    for part in KEYS_HINT.split(" · "):
        key, _, what = part.partition(": ")
        pairs.append((key.strip(), what.strip()))
    return pairs


def shortcuts_html(window: QMainWindow) -> str:
    """The whole list: the menus' keys, the presenter view's, and the general ones."""

    def table(rows: list[tuple[str, str]]) -> str:
        cells = "".join(
            f"<tr><td style='padding:2px 24px 2px 0'>{escape(what)}</td>"
            f"<td style='padding:2px 0'><b>{escape(key)}</b></td></tr>"
            for key, what in rows
        )
        return f"<table cellspacing='0'>{cells}</table>"

    menus = [(s.keys, s.where) for s in menu_shortcuts(window)]
    return (
        "<h3>In the menus</h3>"
        + table(menus)
        + "<h3>Anywhere in the window</h3>"
        + table(list(GENERAL_KEYS))
        + "<h3>In the presenter view (Workshop ▸ Presenter view)</h3>"
        + table(presenter_keys())
    )


def _text_dialog(parent: QWidget, title: str, name: str) -> tuple[QDialog, QTextBrowser]:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setObjectName(name)
    layout = QVBoxLayout(dialog)
    browser = QTextBrowser()
    browser.setAccessibleName(title)
    browser.setOpenLinks(False)
    layout.addWidget(browser)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    close.setDefault(True)
    layout.addWidget(buttons)
    dialog.resize(640, 560)
    return dialog, browser


def show_guide(window: QMainWindow) -> QDialog:
    """Help ▸ Getting started: the guide in a dialog that does not block the window."""
    dialog, browser = _text_dialog(window, "Getting started", "getting-started")
    browser.setMarkdown(guide_text())
    dialog.open()
    return dialog


def show_shortcuts(window: QMainWindow) -> QDialog:
    """Help ▸ Keyboard shortcuts: every key, read from the menus as they are now."""
    dialog, browser = _text_dialog(window, "Keyboard shortcuts", "keyboard-shortcuts")
    browser.setHtml(shortcuts_html(window))
    dialog.open()
    return dialog
