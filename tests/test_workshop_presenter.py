"""The presenter view and its timer (issue 15, item 2): the exercise on a projector, a
clock the back of the room can read that turns amber then red (and says so), run from
the keyboard, and never a participant's answers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from workbook.content.workshops import load_templates
from workbook.workshop_timer import NEAR_END, OVER, PAUSED, RUNNING, ExerciseTimer, clock_face

AGENDA = load_templates()["three_futures"]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_timer_counts_down_pauses_and_takes_one_more_minute():
    clock = FakeClock()
    timer = ExerciseTimer(AGENDA, clock)
    first = AGENDA.exercises[0].minutes * 60
    assert timer.paused and timer.state() == PAUSED and timer.remaining() == first
    timer.start()
    clock.now += 30
    assert timer.state() == RUNNING and timer.remaining() == first - 30
    timer.toggle()  # pause
    clock.now += 300
    assert timer.remaining() == first - 30
    timer.add_minute()
    assert timer.remaining() == first + 30


def test_near_the_end_it_warns_and_past_zero_it_counts_on():
    clock = FakeClock()
    timer = ExerciseTimer(AGENDA, clock)
    timer.start()
    clock.now += timer.remaining() - 119
    assert timer.state() == NEAR_END
    clock.now += 200
    assert timer.state() == OVER and clock_face(timer.remaining()) == "+1:21"


def test_a_short_exercise_warns_in_its_last_fifth():
    clock = FakeClock()
    short = AGENDA._replace(exercises=(AGENDA.exercises[0]._replace(minutes=5),))
    timer = ExerciseTimer(short, clock)
    timer.start()
    clock.now += 4 * 60 - 1
    assert timer.state() == RUNNING
    clock.now += 2
    assert timer.state() == NEAR_END


def test_next_and_back_start_each_exercise_afresh_and_stop_at_the_ends():
    timer = ExerciseTimer(AGENDA, FakeClock())
    assert not timer.previous()
    while timer.next():
        assert timer.paused and timer.remaining() == timer.exercise.minutes * 60
    assert timer.index == len(AGENDA.exercises) - 1 and timer.remaining_minutes() == 0


@pytest.mark.parametrize(("seconds", "face"), [(600, "10:00"), (59.2, "1:00"), (0.4, "0:01")])
def test_the_clock_face_rounds_time_left_up(seconds, face):
    assert clock_face(seconds) == face


def test_the_presenter_view_runs_from_the_keyboard(open_window, qtbot):
    from ui.workshop.actions import open_presenter
    from ui.workshop.presenter import DONE, WARNING

    window = open_window()
    view = open_presenter(window, AGENDA)
    qtbot.waitExposed(view)
    clock = FakeClock()
    view.timer.clock = clock
    first = AGENDA.exercises[0]
    assert view.title.text() == first.title
    assert view.instructions.text() == first.instructions
    assert first.prompts[0] in view.prompts.text()
    assert view.where.text().startswith(f"Exercise 1 of {len(AGENDA.exercises)}")
    assert "Paused" in view.status.text()

    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert not view.timer.paused
    clock.now += view.timer.remaining() - 60
    qtbot.keyClick(view, Qt.Key.Key_Plus)  # one more minute: two left, the warning shows
    assert view.clock.text() == "2:00"
    assert WARNING in view.clock.styleSheet() and "Nearly done" in view.status.text()
    clock.now += 180
    view._show_time()
    assert DONE in view.clock.styleSheet() and view.status.text() == "Time is up"
    assert view.clock.text() == "+1:00"

    qtbot.keyClick(view, Qt.Key.Key_Right)
    second = AGENDA.exercises[1]
    assert view.title.text() == second.title and view.timer.paused
    assert view.clock.text() == f"{second.minutes}:00"
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.title.text() == first.title
    # The clock fills about a quarter of the window's height: legible across a room.
    view.resize(1280, 720)
    assert view.clock.font().pixelSize() >= 150
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible()


def test_the_presenter_view_shows_no_participant_data(open_window, qtbot, db_path):
    from ui.workshop.actions import open_presenter
    from workbook.door import add_journal_entry, create_workbook
    from workbook.session import Session

    marker = "Zanzibar-marker-4471"
    session = Session.open(db_path)
    wid = create_workbook(session.db, marker).workbook_id
    add_journal_entry(session.db, wid, "reflection", marker)
    session.close()
    window = open_window()
    view = open_presenter(window, AGENDA)
    for _ in AGENDA.exercises:
        shown = " ".join(label.text() for label in view.findChildren(QLabel))
        assert marker not in shown and marker not in view.windowTitle()
        view.timer.next()
        view._show_exercise()


SCREENS = {
    "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96},
        {"name": "projector", "x": 1280, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96},
    ]
}
PLACE = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
from ui.workshop.presenter import PresenterView
from workbook.content.workshops import load_templates
main = QWidget()
main.show()
view = PresenterView(load_templates()["three_futures"], main)
view.place()
app.processEvents()
print(main.screen().name(), view.screen().name(), view.geometry().getRect(), view.isFullScreen())
"""


def test_with_a_second_screen_the_view_fills_it_and_leaves_the_laptops(tmp_path):
    # Qt's offscreen platform takes a list of screens from a file: a laptop and a projector.
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", PLACE], cwd=root, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["laptop", "projector", "(1280,", "0,", "1920,", "1080)", "True"]
