"""The guided exercise session as a plain state machine: which exercise, set and rep the person is
on, a hold's countdown, pause, skip with a reason, and what it all adds up to as the day's
exercise logs. The TUI drives it with key presses and a one-second tick; nothing here knows time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spinejournal.model.checks import ValidationError, check_choice
from spinejournal.model.day import ExerciseLog
from spinejournal.model.plan import Exercise
from spinejournal.model.vocab import SKIP_REASONS


@dataclass(slots=True)
class Progress:
    """How far the person got with one exercise."""

    exercise: Exercise
    sets_done: int = 0
    """Sets finished."""
    reps: int = 0
    """Reps (or holds) counted in the set under way."""
    total_reps: int = 0
    """Reps (or holds) counted over all sets."""
    skip_reason: str | None = None

    @property
    def sets(self) -> int:
        """Sets prescribed (one when the plan does not say)."""
        return self.exercise.sets or 1

    @property
    def reps_per_set(self) -> int:
        """Reps or holds that make up one set: one hold, or one press, when the plan gives no reps."""
        return self.exercise.reps or 1

    @property
    def complete(self) -> bool:
        return self.sets_done >= self.sets

    @property
    def started(self) -> bool:
        return self.total_reps > 0

    def log(self) -> ExerciseLog | None:
        """The exercise log this progress stands for, or None when the exercise was not touched.

        All sets = done; some reps = partly done (with the reason when skipped part-way); a skip
        before any rep = skipped with its reason.
        """
        ex_id = self.exercise.id
        if self.complete:
            return ExerciseLog(ex_id, "done", sets=self.sets_done, reps=self.total_reps)
        if self.started:
            return ExerciseLog(ex_id, "partial", self.skip_reason, sets=self.sets_done, reps=self.total_reps)
        if self.skip_reason is not None:
            return ExerciseLog(ex_id, "skipped", self.skip_reason)
        return None


class ExerciseSession:
    """A session over ``exercises`` (those due today, in plan order).

    ``count`` is Space: one rep, or the start of a hold for an exercise with ``hold_seconds``;
    ``tick`` is one second passing; ``next``/``back`` move between exercises, keeping progress.
    Moving past the last exercise ``finished`` the session; ``logs`` is its result.
    """

    def __init__(self, exercises: Sequence[Exercise]) -> None:
        if not exercises:
            raise ValidationError("exercise session", "needs at least one exercise planned for the day")
        self.steps = [Progress(e) for e in exercises]
        self.index = 0
        self.hold_left: int | None = None
        """Seconds left of the hold under way (None: no hold running)."""
        self.paused = False
        self.finished = False

    @property
    def current(self) -> Progress:
        return self.steps[self.index]

    @property
    def holding(self) -> bool:
        return self.hold_left is not None

    def count(self) -> bool:
        """Space: count a rep, or start the hold. False when it did nothing (paused, holding,
        finished, or this exercise is complete)."""
        step = self.current
        if self.paused or self.holding or self.finished or step.complete:
            return False
        step.skip_reason = None  # counting again undoes a skip
        if step.exercise.hold_seconds:
            self.hold_left = step.exercise.hold_seconds
        else:
            self._rep_done()
        return True

    def tick(self) -> bool:
        """One second passed. True when a hold just ended (the moment to ring the bell)."""
        if self.hold_left is None or self.paused:
            return False
        self.hold_left -= 1
        if self.hold_left > 0:
            return False
        self.hold_left = None
        self._rep_done()
        return True

    def _rep_done(self) -> None:
        step = self.current
        step.reps += 1
        step.total_reps += 1
        if step.reps >= step.reps_per_set:
            step.sets_done += 1
            step.reps = 0

    def toggle_pause(self) -> None:
        """p: pause or go on (a hold's countdown stops while paused)."""
        if not self.finished:
            self.paused = not self.paused

    def skip(self, reason: str) -> None:
        """s: skip the exercise (or the rest of it) for ``reason``, and move on."""
        check_choice("skip reason", reason, SKIP_REASONS)
        if self.finished or self.current.complete:
            return
        self.current.skip_reason = reason
        self.next()

    def next(self) -> None:
        """Move on to the next exercise, or finish after the last."""
        if self.finished:
            return
        self._stop_hold()
        if self.index + 1 < len(self.steps):
            self.index += 1
        else:
            self.finished = True

    def finish(self) -> None:
        """End the session early: exercises not reached stay unlogged (``back`` returns to this one)."""
        self._stop_hold()
        self.finished = True

    def back(self) -> None:
        """Go back one exercise (from the end: back to the last one)."""
        self._stop_hold()
        if self.finished:
            self.finished = False
        elif self.index > 0:
            self.index -= 1

    def _stop_hold(self) -> None:
        # A hold left before its end does not count; a pause is not carried to another exercise.
        self.hold_left = None
        self.paused = False

    def logs(self) -> tuple[ExerciseLog, ...]:
        """The exercise logs of every exercise touched, in the session's order."""
        return tuple(log for step in self.steps if (log := step.log()) is not None)
