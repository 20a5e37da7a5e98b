"""The group overview of the room as the window may show it: this file's consenting
workbooks, without those locked for this window, counted anew each time. Used by the
overview dialog and the presenter view, which import it rather than each other.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from workbook.group_overview import Overview, overview, overview_text


def current_overview(window: QMainWindow) -> Overview:
    """The overview of this file, without the workbooks locked for this window."""
    from workbook.content import load_content
    from workbook.locks import locked_ids

    session = window.session
    return overview(session.db, load_content(), skip=locked_ids(session.db, session.unlocked))


def text_for_room(window: QMainWindow) -> str:
    return overview_text(current_overview(window))
