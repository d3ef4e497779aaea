"""The guided exercise session's state machine, and the day's new "pain after exercises" field."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from spinejournal.merge import merge_day
from spinejournal.model import Day, ExerciseLog, JournalData, ValidationError
from spinejournal.model.exercise_session import ExerciseSession
from spinejournal.model.plan import Exercise
from spinejournal.reports.csv_export import export_csv
from spinejournal.reports.json_io import export_json, load_json

START = date(2026, 3, 1)
TILT = Exercise(name="Pelvic tilt", start=START, sets=2, reps=3, id=1)
PLANK = Exercise(name="Side plank", start=START, sets=2, hold_seconds=2, id=2)
WALK = Exercise(name="Walk", start=START, id=3)  # neither sets, reps nor hold: one press is the set


def press(session: ExerciseSession, times: int) -> None:
    for _ in range(times):
        session.count()


def test_all_reps_of_all_sets_is_done() -> None:
    session = ExerciseSession([TILT])
    press(session, 3)
    assert (session.current.sets_done, session.current.reps) == (1, 0)  # the set advanced after 3 reps
    press(session, 3)
    assert session.current.complete
    assert not session.count()  # a complete exercise counts no more
    assert session.logs() == (ExerciseLog(1, "done", sets=2, reps=6),)


def test_some_reps_then_next_is_partly_done() -> None:
    session = ExerciseSession([TILT, WALK])
    press(session, 4)  # one set of 3, then one rep of the second
    session.next()
    assert session.current.exercise is WALK
    assert session.logs() == (ExerciseLog(1, "partial", sets=1, reps=4),)


def test_skip_before_any_rep_is_skipped_with_the_reason() -> None:
    session = ExerciseSession([TILT, WALK])
    session.skip("pain")
    assert session.index == 1
    session.count()
    session.next()
    assert session.finished
    assert session.logs() == (ExerciseLog(1, "skipped", "pain"), ExerciseLog(3, "done", sets=1, reps=1))


def test_skip_part_way_is_partly_done_with_the_reason() -> None:
    session = ExerciseSession([TILT])
    press(session, 2)
    session.skip("no_time")
    assert session.finished
    assert session.logs() == (ExerciseLog(1, "partial", "no_time", sets=0, reps=2),)


def test_an_exercise_not_reached_is_not_logged() -> None:
    session = ExerciseSession([TILT, WALK])
    session.next()
    session.next()
    assert session.finished
    assert session.logs() == ()


def test_a_hold_counts_when_its_seconds_have_passed() -> None:
    session = ExerciseSession([PLANK])
    assert session.count()  # Space starts the 2-second hold
    assert session.hold_left == 2
    assert not session.count()  # Space again during the hold does nothing
    assert not session.tick()
    assert session.hold_left == 1
    assert session.current.total_reps == 0
    assert session.tick()  # the hold ended: the bell rings
    assert session.hold_left is None
    assert (session.current.sets_done, session.current.total_reps) == (1, 1)  # no reps: one hold is a set


def test_pause_stops_the_countdown_and_the_counter() -> None:
    session = ExerciseSession([PLANK])
    session.count()
    session.toggle_pause()
    assert not session.tick()
    assert not session.tick()
    assert session.hold_left == 2  # paused: no second passed
    assert not session.count()
    session.toggle_pause()
    session.tick()
    assert session.tick()
    session.count()
    session.tick()
    session.tick()
    assert session.logs() == (ExerciseLog(2, "done", sets=2, reps=2),)


def test_leaving_a_hold_part_way_does_not_count_it() -> None:
    session = ExerciseSession([PLANK, WALK])
    session.count()
    session.tick()
    session.toggle_pause()
    session.next()
    assert session.hold_left is None
    assert not session.paused  # the pause is not carried to the next exercise
    assert not session.tick()
    assert session.logs() == ()


def test_back_keeps_progress_and_counting_undoes_a_skip() -> None:
    session = ExerciseSession([TILT, WALK])
    session.count()
    session.next()
    session.back()
    assert session.current.total_reps == 1
    session.skip("forgot")
    session.back()
    session.count()  # the person did it after all
    assert session.logs() == (ExerciseLog(1, "partial", sets=0, reps=2),)
    session.next()
    session.next()
    assert session.finished
    session.back()  # from the end, back to the last exercise
    assert not session.finished
    assert session.current.exercise is WALK


def test_finishing_early_keeps_what_was_done_and_back_returns_there() -> None:
    session = ExerciseSession([TILT, PLANK, WALK])
    press(session, 3)
    session.next()
    session.count()  # a hold under way when the person ends the session: not counted
    session.finish()
    assert session.finished
    assert session.logs() == (ExerciseLog(1, "partial", sets=1, reps=3),)
    session.back()
    assert session.current.exercise is PLANK


def test_a_session_needs_an_exercise_and_a_known_reason() -> None:
    with pytest.raises(ValidationError):
        ExerciseSession([])
    with pytest.raises(ValidationError):
        ExerciseSession([TILT]).skip("bored")


# The day's "pain after exercises" ------------------------------------------------------------------

DAY = Day(date(2026, 3, 15), 4, exercises=(ExerciseLog(1, "done"),), pain_after_exercises=3)


def test_pain_after_exercises_is_0_to_10_and_optional() -> None:
    assert Day(date(2026, 3, 15), 4).pain_after_exercises is None
    with pytest.raises(ValidationError, match="pain after exercises"):
        Day(date(2026, 3, 15), 4, pain_after_exercises=11)
    assert Day.from_dict(DAY.to_dict()) == DAY
    assert "pain_after_exercises" not in Day(date(2026, 3, 15), 4).to_dict()


def test_pain_after_exercises_round_trips_through_the_json_export() -> None:
    data = JournalData(days=(DAY,), exercises=(Exercise(name="Pelvic tilt", start=START, id=1),))
    assert load_json(export_json(data)).days == (DAY,)


def test_pain_after_exercises_is_the_last_csv_column() -> None:
    data = JournalData(days=(DAY,), exercises=(Exercise(name="Pelvic tilt", start=START, id=1),))
    rows = list(csv.reader(io.StringIO(export_csv(data).decode("utf-8-sig"))))
    assert rows[0][-1] == "pain_after_exercises"
    assert rows[1][-1] == "3"


def test_pain_after_exercises_merges_like_any_plain_field() -> None:
    base = Day(date(2026, 3, 15), 4)
    theirs = base.with_changes(pain_after_exercises=2)
    merged = merge_day(base, base.with_changes(notes="walked"), theirs)
    assert merged.day is not None
    assert (merged.day.pain_after_exercises, merged.day.notes) == (2, "walked")
    assert merged.taken == ("pain_after_exercises",)
    clash = merge_day(base, base.with_changes(pain_after_exercises=5), theirs)
    assert clash.conflicts == ("pain_after_exercises",)
