"""How the window looks, as the person chose in Edit ▸ Settings…: the text size and the
theme (follow the system, light or dark), kept in the window's settings file.

`apply_saved` puts the saved choice in place at the start, once the frame has painted
(`ui.app`), and costs nothing when nothing was changed: the first paint never waits for
it. `set_text_size` and `set_theme` apply a choice at once and remember it.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QProxyStyle

from ui.settings import ui_settings

TEXT_SIZE_KEY = "appearance/text_size"
THEME_KEY = "appearance/theme"
#: The text sizes offered, in percent of the system's size.
TEXT_SIZES = (90, 100, 110, 125, 150)
DEFAULT_TEXT_SIZE = 100
#: The themes offered, by the name kept in the settings file, with their words.
THEMES = {"system": "Follow the system", "light": "Light", "dark": "Dark"}
DEFAULT_THEME = "system"

#: What the application looked like before any choice was applied, to go back to.
_original: dict[str, object] = {}


def saved_text_size() -> int:
    """The text size chosen, in percent (100 if none, or if the file holds nonsense)."""
    value = ui_settings().value(TEXT_SIZE_KEY, DEFAULT_TEXT_SIZE)
    try:
        size = int(value)
    except (TypeError, ValueError):
        return DEFAULT_TEXT_SIZE
    return size if TEXT_SIZES[0] <= size <= TEXT_SIZES[-1] else DEFAULT_TEXT_SIZE


def saved_theme() -> str:
    theme = ui_settings().value(THEME_KEY, DEFAULT_THEME)
    return theme if theme in THEMES else DEFAULT_THEME


def _style_name(app: QApplication) -> str:
    """The name of the style drawing the app, under a proxy (`ui.style`) if there is one."""
    style = app.style()
    return (style.baseStyle() if isinstance(style, QProxyStyle) else style).name()


def _set_style(app: QApplication, name: str) -> None:
    """Draw with the style `name`, keeping a proxy over it (the app's focus ring and
    outlines, `ui.style`) as a proxy of the same kind over the new style."""
    from PySide6.QtWidgets import QStyleFactory

    style = app.style()
    if _style_name(app).lower() == name.lower():
        return
    base = QStyleFactory.create(name) or QStyleFactory.create("Fusion")
    app.setStyle(type(style)(base) if isinstance(style, QProxyStyle) else base)


def _remember_original(app: QApplication) -> None:
    if not _original:
        _original["font"] = app.font()
        _original["style"] = _style_name(app)
        _original["palette"] = app.palette()


def apply_text_size(percent: int) -> None:
    """Make the application's text `percent` of the system's size."""
    app = QApplication.instance()
    _remember_original(app)
    font = QFont(_original["font"])
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * percent / 100)
    else:  # a font sized in pixels
        font.setPixelSize(round(font.pixelSize() * percent / 100))
    app.setFont(font)


def apply_theme(theme: str) -> None:
    """Paint the application in `theme`: the system's own, or Fusion light or dark."""
    app = QApplication.instance()
    _remember_original(app)
    if theme == "system":
        _set_style(app, str(_original["style"]))
        app.setPalette(_original["palette"])
        return
    from ui.palettes import dark_palette, light_palette

    _set_style(app, "Fusion")  # draws a chosen palette the same on every desktop
    app.setPalette(dark_palette() if theme == "dark" else light_palette())


def set_text_size(percent: int) -> None:
    """Apply and remember a text size."""
    apply_text_size(percent)
    ui_settings().setValue(TEXT_SIZE_KEY, percent)


def set_theme(theme: str) -> None:
    """Apply and remember a theme."""
    apply_theme(theme)
    ui_settings().setValue(THEME_KEY, theme)


def apply_saved() -> None:
    """At the start, after the first paint: the text size and theme chosen, if any."""
    settings = ui_settings()
    if not settings.contains(TEXT_SIZE_KEY) and not settings.contains(THEME_KEY):
        return  # nothing chosen: the system's look, at no cost
    size, theme = saved_text_size(), saved_theme()
    if size != DEFAULT_TEXT_SIZE:
        apply_text_size(size)
    if theme != DEFAULT_THEME:
        apply_theme(theme)
