"""Edit ▸ Settings… (Ctrl+,; Preferences on macOS): the text size and the theme.

Each choice is applied as soon as it is made and kept for the next start
(`ui.appearance`). The built pages are taken down and the page on screen built again,
so headings and every control are laid out at the new size and in the new colours.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from ui import appearance
from ui.widgets import hint

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow


class SettingsDialog(QDialog):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.setWindowTitle("Settings")
        self.setObjectName("settings")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.text_size = QComboBox()
        self.text_size.setAccessibleName("Text size")
        for percent in appearance.TEXT_SIZES:
            self.text_size.addItem(f"{percent}%", percent)
        self.text_size.setCurrentIndex(self.text_size.findData(appearance.saved_text_size()))
        size_label = QLabel("Te&xt size:")
        size_label.setBuddy(self.text_size)
        form.addRow(size_label, self.text_size)

        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        for key, words in appearance.THEMES.items():
            self.theme.addItem(words, key)
        self.theme.setCurrentIndex(self.theme.findData(appearance.saved_theme()))
        theme_label = QLabel("&Theme:")
        theme_label.setBuddy(self.theme)
        form.addRow(theme_label, self.theme)
        layout.addWidget(
            hint("Changes show at once and are kept for the next time you open the workbook.")
        )

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)

        self.text_size.currentIndexChanged.connect(self._size_chosen)
        self.theme.currentIndexChanged.connect(self._theme_chosen)

    @Slot()
    def _size_chosen(self) -> None:
        appearance.set_text_size(self.text_size.currentData())
        QTimer.singleShot(0, self._rebuild_pages)

    @Slot()
    def _theme_chosen(self) -> None:
        appearance.set_theme(self.theme.currentData())
        QTimer.singleShot(0, self._rebuild_pages)

    @Slot()
    def _rebuild_pages(self) -> None:
        """Build the page on screen again, at the new size: a heading keeps the size it
        was made with. Pending edits are saved first. Called from the event loop, once
        the window has taken the application's new font and colours (Qt posts them)."""
        window = self._window
        self.adjustSize()
        if window.session is None or window.workbook_id is None:
            return
        step = window.current_step()
        window.autosaver.flush()
        window.drop_pages()
        if step >= 0:
            window.show_step(step)


def open_settings(window: QMainWindow) -> SettingsDialog:
    """Edit ▸ Settings…: the dialog, window-modal."""
    dialog = SettingsDialog(window)
    dialog.open()
    return dialog
