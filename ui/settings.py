"""Window preferences (size, last step) kept in an ini file beside the data.

Kept in the data folder rather than the platform registry so a test or a
coach's USB stick carries them along, and tests never touch the real ones.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from workbook.paths import data_dir


def ui_settings() -> QSettings:
    return QSettings(str(data_dir() / "window.ini"), QSettings.Format.IniFormat)
