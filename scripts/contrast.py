"""Contrast of every step, in the light and the dark palette, read from rendered pixels.

    python scripts/contrast.py [--theme light|dark|all] [--all] [--without-style]

Builds the example workbook in a temporary data folder (nothing real is touched),
opens the main window offscreen at 1200x820 with the Fusion style, shows each step in
each palette (the dark one is `scripts/screenshots.py`'s) and measures what it paints
with `ui.contrast.measure`: the boundary of every unchecked check box and radio button
and of every input's frame against the background around it (at least 3:1), and every
label's and button's text against the background under it (at least 4.5:1). Prints the
weakest reading of each kind per step and theme (every reading with `--all`) and exits
1 if any falls short.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOW_SIZE = (1200, 820)


def open_window(home: Path, theme: str):
    """The main window on a fresh example workbook, shown in `theme`'s palette."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication, QStyleFactory  # noqa: TID251 - drives the window

    from ui.main_window import MainWindow
    from ui.palettes import dark_palette, light_palette
    from workbook.example import add_example
    from workbook.session import Session

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(dark_palette() if theme == "dark" else light_palette())
    os.environ["CAREER_WORKBOOK_HOME"] = str(home)
    session = Session.open(home / "contrast.sqlite3")
    add_example(session.db)
    window = MainWindow(session)
    window.resize(*WINDOW_SIZE)
    window.show()
    return window


def settle(ms: int = 150) -> None:
    """Let layouts and paints run (offscreen, nothing else to wait for)."""
    from PySide6.QtCore import QDeadlineTimer, QEventLoop
    from PySide6.QtWidgets import QApplication  # noqa: TID251

    deadline = QDeadlineTimer(ms)
    while not deadline.hasExpired():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def measure_step(window, index: int):
    """The readings of one step, shown with no control focused (so none is highlighted)."""
    from ui.contrast import measure

    window.show_step(index)
    window.sidebar.setFocus()
    settle()
    return measure(window)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--theme", choices=["light", "dark", "all"], default="all")
    parser.add_argument("--all", action="store_true", help="print every reading")
    parser.add_argument(
        "--without-style",
        action="store_true",
        help="measure the base style alone, without ui.style (to compare)",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    themes = ["light", "dark"] if args.theme == "all" else [args.theme]
    sys.path.insert(0, str(ROOT))
    from workbook.steps import STEPS

    if args.without_style:
        import ui.style

        ui.style.install = lambda: None

    failed = 0
    with tempfile.TemporaryDirectory(prefix="cw-contrast-") as temp:
        for theme in themes:
            home = Path(temp) / theme
            home.mkdir()
            window = open_window(home, theme)
            settle(400)  # the window puts ui.style in place once its workbook shows
            for index, step in enumerate(STEPS):
                readings = measure_step(window, index)
                print(f"== {theme} · {index + 1} {step.title}: {len(readings)} readings")
                for kind in ("boundary", "text"):
                    some = sorted((r for r in readings if r.kind == kind), key=lambda r: r.ratio)
                    shown = some if args.all else [r for r in some if not r.passes] or some[:1]
                    for reading in shown:
                        print(f"   {reading}")
                failed += sum(not r.passes for r in readings)
            window.close()
            window.deleteLater()
            settle(50)
    print(f"{failed} reading(s) below the threshold" if failed else "every reading passes")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
