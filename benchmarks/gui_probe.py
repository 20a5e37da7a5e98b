"""In-process GUI measurements, run in a child process by `benchmarks.run` (one per run).

    python -m benchmarks.gui_probe typing --db FILE [--chars 2000]
        types into the strengths page's evidence and journal fields with autosave on,
        while a 1 ms QTimer records the gaps between its ticks; prints the gaps' p99 and max.
    python -m benchmarks.gui_probe switch --db FILE [--switches 20]
        times MainWindow.load_workbook (plus the event-loop pass it schedules) when
        switching between participants on the strengths step; prints the median and max.

    python -m benchmarks.gui_probe clicks --db FILE [--clicks 60]
        clicks rating buttons on the strengths step (proficiency, energy) and preference
        buttons on the edge step; for each click, the longest gap between a 1 ms timer's
        ticks from the press until it is saved, re-scored and repainted; prints the p90
        and max of each kind.

    python -m benchmarks.gui_probe memory --db FILE [--actions 20000] [--workbooks 6]
        a seeded random-use run (`benchmarks/random_use.py`): clicks, typing, adding and
        deleting entries, step and workbook switches, undo and redo; prints the resident
        memory after the first 1,000 actions and at the end, the Python wrappers of Qt
        objects against the live widgets, and whether what was typed last is stored.

Each prints one JSON object on stdout. The database is used as given: pass a copy.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

STRENGTHS_STEP = 1
EDGE_STEP = 2


def _window(db: str):  # noqa: ANN202 - a MainWindow
    from pathlib import Path

    from ui.main_window import MainWindow
    from workbook.session import Session

    window = MainWindow(Session.open(Path(db)))
    window.resize(1100, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.show_step(STRENGTHS_STEP)
    QTest.qWait(50)
    return window


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def typing(db: str, chars: int, burst: int = 5) -> dict[str, float]:
    window = _window(db)
    page = window._pages["strengths"]
    detail = page.detail
    if not detail.evidence_cards:
        detail.add_evidence()
        QTest.qWait(20)
    evidence = detail.evidence_cards[0].boxes["situation"]
    page.tabs.setCurrentIndex(3)  # reflections
    QTest.qWait(20)
    if not page.reflections.entries.cards:
        page.reflections.new_entry()
        QTest.qWait(20)
    journal = page.reflections.entries.cards[0].body

    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(1)
    timer.timeout.connect(tick)
    timer.start()
    text = "the forecast held up in review; " * (chars // 32 + 1)
    typed = 0
    fields = [(3, journal), (0, evidence)]
    while typed < chars:
        tab, field = fields[(typed // 250) % 2]
        if page.tabs.currentIndex() != tab:
            page.tabs.setCurrentIndex(tab)  # changing field flushes the autosave
            QTest.qWait(5)
        field.setFocus()
        QTest.keyClicks(field, text[typed : typed + burst])
        typed += burst
        QTest.qWait(2 if typed % 500 else 450)  # a pause now and then lets autosave fire
    QTest.qWait(450)
    timer.stop()
    window.shutdown()
    gaps = gaps[1:]
    return {"p99_ms": percentile(gaps, 0.99), "max_ms": max(gaps), "ticks": len(gaps)}


def switch(db: str, switches: int) -> dict[str, float]:
    window = _window(db)
    for index in range(6):  # build every page, as after a session of use
        window.show_step(index)
        QTest.qWait(10)
    window.show_step(STRENGTHS_STEP)
    QTest.qWait(20)
    ids = [window.switcher.itemData(i) for i in range(window.switcher.count())]
    times = []
    for n in range(switches):
        target = ids[(n * 7 + 1) % len(ids)]
        start = time.perf_counter()
        window.load_workbook(target)
        QApplication.processEvents()
        times.append((time.perf_counter() - start) * 1000)
        QTest.qWait(5)
    window.shutdown()
    return {"median_ms": statistics.median(times), "max_ms": max(times)}


class _Stalls:
    """A 1 ms timer: the longest gap between its ticks while something runs is how long
    the window could not answer (the work may be spread over timers and posted events)."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last = self.clock.nsecsElapsed()
        self.longest = 0.0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed()
        self.longest = max(self.longest, (now - self.last) / 1e6)
        self.last = now

    def click(self, button, settle_ms: int = 120) -> float:  # noqa: ANN001 - a button
        """The longest stall from a click until `settle_ms` later: the save, the refresh it
        causes (at once or on a timer) and the repaint."""
        QTest.qWait(10)
        self.last = self.clock.nsecsElapsed()
        self.longest = 0.0
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        self._tick()
        QTest.qWait(settle_ms)
        return self.longest


def clicks(db: str, count: int) -> dict[str, float]:
    window = _window(db)
    strengths = window.page("strengths")
    stalls = _Stalls()
    rated: list[float] = []
    ids = strengths.strength_list.ids()
    for n in range(count):
        if n % 6 == 0:  # now and then another strength, as a person moves down the list
            strengths.select_strength(ids[(n // 6) % len(ids)])
            QTest.qWait(5)
        detail = strengths.detail
        selector = (detail.proficiency, detail.energy)[n % 2]
        rated.append(stalls.click(selector.buttons[1 + (n * 3) % 5]))
    window.show_step(EDGE_STEP)
    QTest.qWait(50)
    edge = window.page("edge")
    keys = list(edge.preferences.selectors)
    preferred: list[float] = []
    for n in range(count):
        selector = edge.preferences.selectors[keys[n % len(keys)]]
        preferred.append(stalls.click(selector.buttons[1 + (n * 2) % 5]))
    window.shutdown()
    return {
        "rating_p90_ms": percentile(rated, 0.9),
        "rating_max_ms": max(rated),
        "preference_p90_ms": percentile(preferred, 0.9),
        "preference_max_ms": max(preferred),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("probe", choices=("typing", "switch", "clicks", "memory"))
    parser.add_argument("--db", required=True)
    parser.add_argument("--chars", type=int, default=2000)
    parser.add_argument("--switches", type=int, default=20)
    parser.add_argument("--clicks", type=int, default=60)
    parser.add_argument("--actions", type=int, default=20000)
    parser.add_argument("--workbooks", type=int, default=6)
    parser.add_argument("--seed", type=int, default=20261122)
    args = parser.parse_args(argv)
    QApplication.instance() or QApplication(sys.argv[:1])
    if args.probe == "typing":
        result = typing(args.db, args.chars)
    elif args.probe == "switch":
        result = switch(args.db, args.switches)
    elif args.probe == "memory":
        from benchmarks import random_use

        result = random_use.run(args.db, args.actions, args.seed, args.workbooks)
    else:
        result = clicks(args.db, args.clicks)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
