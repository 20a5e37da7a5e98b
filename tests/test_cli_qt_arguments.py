"""Qt's standard options on `career-workbook`'s command line: passed to Qt when the window
opens (`-platform offscreen` with no QT_QPA_PLATFORM set proves Qt read it), refused in
words with a command, and never taken from a command's own arguments."""

import subprocess
import sys

from tests.test_start import ROOT, one_workbook
from ui.cli import COMMANDS, build_parser, main
from ui.qt_arguments import split

COMMAND_NAMES = [name for name in COMMANDS if name]


def test_qt_options_are_told_from_ours():
    assert split(["-platform", "xcb", "--db", "w.sqlite3"], COMMAND_NAMES) == (
        ["-platform", "xcb"],
        ["--db", "w.sqlite3"],
    )
    assert split(["--style=fusion", "-reverse", "--exit-when-ready"], COMMAND_NAMES) == (
        ["-style=fusion", "-reverse"],
        ["--exit-when-ready"],
    )
    # After a command every argument is the command's, even one spelt like Qt's.
    assert split(["import", "f.json", "--name", "-reverse"], COMMAND_NAMES) == (
        [],
        ["import", "f.json", "--name", "-reverse"],
    )
    # A file named like an option stays the database's; an unknown option stays ours.
    assert split(["--db", "-style", "--frobnicate"], COMMAND_NAMES) == (
        [],
        ["--db", "-style", "--frobnicate"],
    )
    assert split(["-style"], COMMAND_NAMES) == ([], ["-style"])  # no value: ours to explain


def test_qt_options_with_a_command_are_refused_in_words(capsys, tmp_path):
    status = main(["-style", "fusion", "list", "--db", str(tmp_path / "w.sqlite3")])
    assert status == 2
    assert "apply only to the window" in capsys.readouterr().err


def test_the_help_names_qt_options():
    assert "-platform xcb" in build_parser().format_help()


SHOW = """
import sys
from PySide6.QtWidgets import QApplication
from ui.main_window import MainWindow
original = MainWindow.attach
def attach(self, session):
    app = QApplication.instance()
    print(app.platformName(), app.style().name(), app.layoutDirection().name, flush=True)
    original(self, session)
MainWindow.attach = attach
from ui.cli import main
sys.exit(main())
"""


def test_the_window_passes_qt_options_to_qt(tmp_path):
    path = one_workbook(tmp_path / "w.sqlite3")
    env = {"CAREER_WORKBOOK_HOME": str(tmp_path / "home"), "PATH": "", "QT_QPA_PLATFORM": ""}
    arguments = ["-platform", "offscreen", "-style", "fusion", "-reverse"]
    result = subprocess.run(
        [sys.executable, "-c", SHOW, *arguments, "--db", str(path), "--exit-when-ready"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "painted",
        "offscreen",
        "fusion",
        "RightToLeft",
        "ready",
    ]
