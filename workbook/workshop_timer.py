"""The timer a coach runs an agenda with: one exercise at a time, pause, one more minute,
next and back. Plain Python with the clock passed in, so the presenter view only draws
it and tests can move time themselves.

"Near the end" is the last two minutes, or the last fifth of a short exercise, so a
room gets a warning before the time is up; past zero the timer counts on ("over by
1:20") rather than stopping, since a debrief rarely ends on the second.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from workbook.content.workshops import Agenda, Exercise

#: Seconds before the end when the timer warns, at most; a fifth of a short exercise.
WARN_SECONDS = 120
RUNNING, PAUSED, NEAR_END, OVER = "running", "paused", "near_end", "over"


@dataclass
class ExerciseTimer:
    """Counts down the current exercise of an agenda."""

    agenda: Agenda
    clock: Callable[[], float] = time.monotonic
    index: int = 0
    _length: float = 0.0  # seconds this exercise has, minutes added included
    _spent: float = 0.0  # seconds run before the last start
    _started: float | None = None  # the clock when it last started; None while paused

    def __post_init__(self) -> None:
        if not self.agenda.exercises:
            raise ValueError("An agenda needs at least one exercise to run.")
        self._reset()

    @property
    def exercise(self) -> Exercise:
        return self.agenda.exercises[self.index]

    @property
    def paused(self) -> bool:
        return self._started is None

    def _reset(self) -> None:
        self._length = self.exercise.minutes * 60.0
        self._spent = 0.0
        self._started = None

    def elapsed(self) -> float:
        running = 0.0 if self._started is None else self.clock() - self._started
        return self._spent + running

    def remaining(self) -> float:
        """Seconds left; below zero once the time is up."""
        return self._length - self.elapsed()

    def state(self) -> str:
        left = self.remaining()
        if left <= 0:
            return OVER
        if left <= min(WARN_SECONDS, self._length / 5):
            return NEAR_END
        return PAUSED if self.paused else RUNNING

    def start(self) -> None:
        if self._started is None:
            self._started = self.clock()

    def pause(self) -> None:
        if self._started is not None:
            self._spent += self.clock() - self._started
            self._started = None

    def toggle(self) -> None:
        """Pause a running timer, or start a paused one."""
        if self.paused:
            self.start()
        else:
            self.pause()

    def add_minute(self) -> None:
        self._length += 60.0

    def next(self) -> bool:
        """Move to the next exercise, paused at its full time; False at the last one."""
        if self.index + 1 >= len(self.agenda.exercises):
            return False
        self.index += 1
        self._reset()
        return True

    def previous(self) -> bool:
        if self.index == 0:
            return False
        self.index -= 1
        self._reset()
        return True

    def remaining_minutes(self) -> int:
        """Whole minutes the agenda still holds after this exercise."""
        return sum(e.minutes for e in self.agenda.exercises[self.index + 1 :])


def clock_face(seconds: float) -> str:
    """ "12:05" for time left; "+1:20" once it is over."""
    over = seconds < 0
    whole = int(abs(seconds)) if over else int(-(-seconds // 1))  # up while counting down
    text = f"{whole // 60}:{whole % 60:02d}"
    return f"+{text}" if over else text
