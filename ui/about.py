"""Help ▸ About: the version, the privacy promise with the file that holds the words, and
the research the content draws on, credited as its licence asks."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from workbook import APP_NAME, __version__

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QWidget


def about_text(path: Path) -> str:
    """What the About box says, naming the file (`path`) that holds every word."""
    return (
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>A private workbook for thinking about your strengths, your edge and "
        "your next steps.</p>"
        "<p><b>Your words stay with you.</b> This program never connects to the "
        "internet: no accounts, no telemetry, no update checks. Everything you "
        "write is kept in one file on this computer, readable only by you:</p>"
        f"<p><code>{escape(str(path))}</code></p>"
        "<p>Backups are kept in the <code>backups</code> folder beside it.</p>"
        f"<p>{escape(research_credit())}</p>"
    )


def research_credit() -> str:
    """The attribution the AI task library's research data asks for, in plain words."""
    from workbook.content.research import load_research

    source = load_research().source
    address = source.url.removeprefix("https://")
    licence = source.licence_url.removeprefix("https://").rstrip("/")
    return (
        "The AI task library's order of role families, and the range its starting shares "
        f"keep to, draw on “{source.title}” by {source.publisher} ({source.authors}, "
        f"{source.year}): data at {address}, version {source.commit[:12]}, licensed "
        f"{source.licence} ({licence}). We use a small summary of it. It shows where people use AI "
        "at work, not how much of a task AI can take: each task's share is our own estimate."
    )


def show_about(parent: QWidget, path: Path) -> None:
    QMessageBox.about(parent, f"About {APP_NAME}", about_text(path))
