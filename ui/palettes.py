"""The app's colour schemes as QPalettes: the dark one (Settings ▸ Theme ▸ Dark, and the
screenshots' dark shots) and the light one Fusion draws by default.

Kept in one place so the window, the screenshots and the contrast checks all paint with
the same colours. Imported only when a theme other than the system's is chosen, never on
the way to the first paint.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

#: The dark scheme's colours by role. Fields (Base) sit lighter than the window so
#: Fusion's dark outlines and radio indicators stay visible against them.
DARK_COLOURS = {
    "Window": "#2a2a2e",
    "WindowText": "#e8e8ea",
    "Base": "#37373c",
    "AlternateBase": "#3f3f45",
    "ToolTipBase": "#3a3a3f",
    "ToolTipText": "#f0f0f2",
    "Text": "#e8e8ea",
    "PlaceholderText": "#9a9aa2",
    "Button": "#404046",
    "ButtonText": "#e8e8ea",
    "BrightText": "#ff6b6b",
    "Light": "#55555c",
    "Midlight": "#4a4a50",
    "Mid": "#2f2f34",
    "Dark": "#1a1a1d",
    "Shadow": "#000000",
    "Highlight": "#3d7fd9",
    "HighlightedText": "#ffffff",
    "Link": "#7fb2ff",
    "LinkVisited": "#c39bff",
}
#: Greyed-out text and selection in the dark scheme.
DARK_DISABLED = {
    "WindowText": "#7a7a80",
    "Text": "#7a7a80",
    "ButtonText": "#7a7a80",
    "Highlight": "#505058",
}


def dark_palette() -> QPalette:
    """The dark scheme, for any style (drawn best by Fusion)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in DARK_COLOURS.items():
        palette.setColor(getattr(roles, role), QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role, colour in DARK_DISABLED.items():
        palette.setColor(disabled, getattr(roles, role), QColor(colour))
    return palette


def light_palette() -> QPalette:
    """Fusion's own light scheme, whatever the desktop's colours are."""
    from PySide6.QtWidgets import QStyleFactory

    return QStyleFactory.create("Fusion").standardPalette()
