"""Window preferences (size, last step) kept in an ini file beside the data.

Kept in the data folder rather than the platform registry so a test or a
coach's USB stick carries them along, and tests never touch the real ones.
"""

from __future__ import annotations

import contextlib
import os

from PySide6.QtCore import QSettings

from workbook.paths import data_dir, ensure_private_dir

SETTINGS_FILE = "window.ini"


def ui_settings() -> QSettings:
    """The settings file, in the owner-only data folder and owner-only itself (0600).

    Left to itself QSettings would make a missing data folder 0755 and the file 0644
    (it holds the last folder a PDF went to). Made here first, at 0700 and 0600, it
    keeps those modes: Qt writes the file anew on every save but copies the old mode.
    """
    folder = data_dir()
    path = folder / SETTINGS_FILE
    with contextlib.suppress(OSError):  # unwritable: QSettings reports it, we need not
        ensure_private_dir(folder, ours=True)
        os.close(os.open(path, os.O_RDONLY | os.O_CREAT, 0o600))
    return QSettings(str(path), QSettings.Format.IniFormat)
