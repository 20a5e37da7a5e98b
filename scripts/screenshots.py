"""Screenshots of every step, in light and dark palettes, at 100% and 200% scale.

    python scripts/screenshots.py [--out DIR] [--scale 1|2|all] [--theme light|dark|all]

Builds the example workbook in a temporary database (CAREER_WORKBOOK_HOME
points at a temporary folder, so no real workbook or window setting is
touched), opens the main window at 1200x820 logical pixels with the Fusion
style, and saves one PNG per step, theme and scale into `--out` (default
`docs/images/screens`), named `<step number>-<step id>-<theme>[-2x].png`.

It runs without a display (QT_QPA_PLATFORM=offscreen unless set otherwise,
so it also works under Xvfb). Each scale runs in a subprocess of this
script with QT_SCALE_FACTOR set, as Qt reads the scale only at start-up.
Only the light 100% shots of steps 1-5 and the dark edge step are kept in
the repository (see .gitignore); the README shows them.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOW_SIZE = (1200, 820)
SETTLE_MS = 400  # time for each page to lay out and paint before grabbing
PREVIEW_TIMEOUT_MS = 30_000  # the export preview renders on a worker thread
POLL_MS = 100


def shoot(out: Path, scale: int, themes: list[str]) -> int:
    """Take the screenshots for one scale in this process; returns the exit status."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QStyleFactory  # noqa: TID251 - drives the window

    from ui.main_window import MainWindow
    from ui.palettes import dark_palette
    from workbook.example import add_example
    from workbook.session import Session
    from workbook.steps import STEPS

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle(QStyleFactory.create("Fusion"))
    light = app.style().standardPalette()
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if scale == 1 else f"-{scale}x"
    saved: list[Path] = []
    failures: list[str] = []
    temp = tempfile.TemporaryDirectory(prefix="cw-shots-")
    queue = [(theme, index) for theme in themes for index in range(len(STEPS))]
    state: dict = {"window": None, "theme": None, "waited": 0}

    def open_window(theme: str) -> None:
        home = Path(temp.name) / theme
        home.mkdir()
        os.environ["CAREER_WORKBOOK_HOME"] = str(home)
        app.setPalette(dark_palette() if theme == "dark" else light)
        session = Session.open(home / "x.sqlite3")
        add_example(session.db)
        window = MainWindow(session)
        window.resize(*WINDOW_SIZE)
        window.show()
        state.update(window=window, theme=theme)

    def close_window() -> None:
        window = state["window"]
        if window is not None:
            window.close()  # saves and closes its database
            window.deleteLater()
            state["window"] = None

    def next_shot() -> None:
        if not queue:
            close_window()
            app.quit()
            return
        theme, index = queue[0]
        if state["theme"] != theme:
            close_window()
            open_window(theme)
        state["window"].show_step(index)
        state["waited"] = 0
        QTimer.singleShot(SETTLE_MS, ready_check)

    def ready_check() -> None:
        theme, index = queue[0]
        window = state["window"]
        if STEPS[index].id == "export":
            preview = window._pages["export"].preview
            if preview.pages <= 0 and state["waited"] < PREVIEW_TIMEOUT_MS:
                state["waited"] += POLL_MS
                QTimer.singleShot(POLL_MS, ready_check)
                return
            if preview.pages <= 0:
                failures.append(f"{theme} export: the preview did not appear in time")
            else:
                QTimer.singleShot(SETTLE_MS, grab)  # let the pages paint
                return
        grab()

    def grab() -> None:
        theme, index = queue.pop(0)
        step = STEPS[index]
        path = out / f"{index + 1}-{step.id}-{theme}{suffix}.png"
        # Quality 0 asks for the strongest PNG compression (lossless either way).
        if state["window"].grab().save(str(path), "PNG", 0):
            saved.append(path)
        else:
            failures.append(f"could not write {path}")
        next_shot()

    QTimer.singleShot(0, next_shot)
    app.exec()
    temp.cleanup()
    for path in saved:
        print(path)
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images" / "screens")
    parser.add_argument("--scale", choices=["1", "2", "all"], default="all")
    parser.add_argument("--theme", choices=["light", "dark", "all"], default="all")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    themes = ["light", "dark"] if args.theme == "all" else [args.theme]
    out = args.out.absolute()

    if args.child:
        return shoot(out, int(os.environ.get("QT_SCALE_FACTOR", "1")), themes)

    status = 0
    for scale in ["1", "2"] if args.scale == "all" else [args.scale]:
        env = dict(os.environ, QT_SCALE_FACTOR=scale)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env.pop("QT_AUTO_SCREEN_SCALE_FACTOR", None)
        with tempfile.TemporaryDirectory(prefix="cw-home-") as home:
            # Nothing the window reads or writes may touch the real data folder.
            env["CAREER_WORKBOOK_HOME"] = home
            command = [sys.executable, __file__, "--child", "--out", str(out)]
            command += ["--theme", args.theme]
            status |= subprocess.run(command, env=env, check=False).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
