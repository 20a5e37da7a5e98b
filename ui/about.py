"""Help ▸ About: the version, and the privacy promise with the file that holds the words."""

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
    )


def show_about(parent: QWidget, path: Path) -> None:
    QMessageBox.about(parent, f"About {APP_NAME}", about_text(path))
