"""Edit ▸ Settings…, as a person uses it: a bigger text size and the dark theme, applied at
once and kept for the next start, where they are applied after the first paint."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QProxyStyle, QStyleFactory

from tests.test_gui_search import menu_action
from tests.test_start import python
from ui import appearance
from ui.palettes import DARK_COLOURS
from ui.settings import ui_settings
from workbook.door import create_workbook
from workbook.storage import open_database


@pytest.fixture
def looks(qapp):
    """The application's font, style and palette put back after the test: it is shared."""
    font, style, palette = qapp.font(), qapp.style().name(), qapp.palette()
    yield qapp
    qapp.setFont(font)
    qapp.setStyle(style)
    qapp.setPalette(palette)
    appearance._original.clear()


def open_settings(qtbot, window):
    menu_action(window, "Edit", "Settings…").trigger()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    dialog = QApplication.activeModalWidget()
    assert dialog.windowTitle() == "Settings"
    return dialog


def choose(qtbot, combo, words):
    """Pick `words` in a drop-down with the keyboard, as a person would."""
    combo.setFocus()
    while combo.currentText() != words:
        here = combo.currentIndex()
        key = Qt.Key.Key_Down if combo.findText(words) > here else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)
        assert combo.currentIndex() != here, f"{words!r} cannot be reached"


def test_a_bigger_text_size_applies_at_once_and_is_kept(qtbot, open_window, db_path, looks):
    db = open_database(db_path)
    create_workbook(db, "Alex")
    db.close()
    window = open_window()
    base = looks.font().pointSizeF()
    old_page = window.page("about")
    dialog = open_settings(qtbot, window)
    assert dialog.text_size.currentText() == "100%" and dialog.theme.currentText() == (
        "Follow the system"
    )
    choose(qtbot, dialog.text_size, "125%")
    assert looks.font().pointSizeF() == pytest.approx(base * 1.25)
    assert int(ui_settings().value(appearance.TEXT_SIZE_KEY)) == 125
    # The page on screen is built again at the new size, its heading too.
    qtbot.waitUntil(lambda: "about" in window.built_steps and window.page("about") is not old_page)
    page = window.page("about")
    assert page.font().pointSizeF() == pytest.approx(base * 1.25)
    assert window.sidebar.font().pointSizeF() == pytest.approx(base * 1.25)
    title = next(label for label in page.findChildren(QLabel) if label.text() == "About you")
    assert title.font().pointSizeF() > base * 1.25

    choose(qtbot, dialog.text_size, "90%")
    assert looks.font().pointSizeF() == pytest.approx(base * 0.9)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert appearance.saved_text_size() == 90


def test_the_dark_theme_applies_at_once_and_the_system_one_comes_back(
    qtbot, open_window, db_path, looks
):
    window = open_window()
    before = looks.palette().color(QPalette.ColorRole.Window).name()
    dialog = open_settings(qtbot, window)
    choose(qtbot, dialog.theme, "Dark")
    assert looks.palette().color(QPalette.ColorRole.Window).name() == DARK_COLOURS["Window"]
    qtbot.waitUntil(
        lambda: window.palette().color(QPalette.ColorRole.Base).name() == DARK_COLOURS["Base"]
    )
    style = looks.style()  # perhaps under the proxy that draws the focus ring
    assert (style.baseStyle() if isinstance(style, QProxyStyle) else style).name() == "fusion"
    assert appearance.saved_theme() == "dark"
    choose(qtbot, dialog.theme, "Light")
    assert looks.palette().color(QPalette.ColorRole.Window).name() != DARK_COLOURS["Window"]
    choose(qtbot, dialog.theme, "Follow the system")
    assert looks.palette().color(QPalette.ColorRole.Window).name() == before
    assert appearance.saved_theme() == "system"
    dialog.accept()


def test_nonsense_in_the_settings_file_is_the_default(looks):
    settings = ui_settings()
    settings.setValue(appearance.TEXT_SIZE_KEY, "huge")
    settings.setValue(appearance.THEME_KEY, "purple")
    assert appearance.saved_text_size() == 100 and appearance.saved_theme() == "system"
    settings.setValue(appearance.TEXT_SIZE_KEY, 400)
    assert appearance.saved_text_size() == 100


NEXT_START = """
import sys
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QProxyStyle, QStyleFactory
from ui.app import run_app
base = []
from ui.main_window import MainWindow
original = MainWindow.attach
def attach(self, session):
    # What the window looks like by the time the workbook opens, after the first paint.
    app = QApplication.instance()
    print("font", app.font().pointSizeF(), "window", app.palette().color(
        QPalette.ColorRole.Window).name(), flush=True)
    original(self, session)
MainWindow.attach = attach
status = run_app(sys.argv[1], exit_when_ready=True)
sys.exit(status)
"""


def test_the_next_start_applies_them_after_the_first_paint(tmp_path, private_home):
    plain = python(NEXT_START, str(tmp_path / "w.sqlite3"), home=private_home)
    assert plain.returncode == 0, plain.stderr
    painted, font_line, ready = plain.stdout.splitlines()
    assert (painted, ready) == ("painted", "ready")
    default_size = float(font_line.split()[1])

    settings = ui_settings()
    settings.setValue(appearance.TEXT_SIZE_KEY, 150)
    settings.setValue(appearance.THEME_KEY, "dark")
    settings.sync()
    chosen = python(NEXT_START, str(tmp_path / "w.sqlite3"), home=private_home)
    assert chosen.returncode == 0, chosen.stderr
    painted, font_line, ready = chosen.stdout.splitlines()
    assert (painted, ready) == ("painted", "ready")  # the frame painted first
    words = font_line.split()
    assert float(words[1]) == pytest.approx(default_size * 1.5)
    assert words[3] == DARK_COLOURS["Window"]


class Outlines(QProxyStyle):
    """A proxy over the app's style, as the focus ring and outlines are drawn."""


def test_a_theme_keeps_the_proxy_style_over_the_new_style(qtbot, open_window, looks):
    window = open_window()
    looks.setStyle(Outlines(QStyleFactory.create("Windows")))
    dialog = open_settings(qtbot, window)
    choose(qtbot, dialog.theme, "Dark")
    assert isinstance(looks.style(), Outlines)
    assert looks.style().baseStyle().name().lower() == "fusion"
    choose(qtbot, dialog.theme, "Follow the system")
    assert isinstance(looks.style(), Outlines)
    assert looks.style().baseStyle().name().lower() == "windows"
    dialog.accept()
