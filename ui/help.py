""" "How is this computed?": shows the matching section of the in-app help.

The text is resources/help/analysis.md, written for the person using the app and
their coach: plain words, no formulas, no file names. The exact rules, weights and
formulas are a separate text, docs/analysis.md, for developers and coaches who want
to check them. A link names its `## ` section by title; tests/test_help_texts.py
checks that every title the app links to is there.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

HELP_FILE = "help/analysis.md"


def section(title: str) -> str:
    """The markdown of the `## title` section (up to the next `## `), or the whole file."""
    text = resources.files("resources").joinpath(HELP_FILE).read_text(encoding="utf-8")
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() == f"## {title}"), None)
    if start is None:
        return text
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return "\n".join(lines[start:end]).strip()


def how_computed_link(title: str, parent: QWidget | None = None) -> QLabel:
    """A small "How is this computed?" link that opens the explanation of `title`."""
    link = QLabel('<a href="#">How is this computed?</a>', parent)
    link.setAccessibleName(f"How is this computed: {title}")
    link.setProperty("help_section", title)
    # Reachable with Tab and Enter, not only with the mouse.
    link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    link.linkActivated.connect(lambda _href: show_how_computed(title, link))
    return link


def show_how_computed(title: str, parent: QWidget | None = None) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle("How is this computed?")
    layout = QVBoxLayout(dialog)
    browser = QTextBrowser()
    browser.setMarkdown(section(title))
    browser.setAccessibleName("Explanation")
    layout.addWidget(browser)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(640, 520)
    dialog.open()
    return dialog
