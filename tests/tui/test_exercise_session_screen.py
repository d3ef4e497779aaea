"""The guided exercise session (x on Today), driven by the keyboard, checking what was stored."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import TabbedContent, TextArea

from spinejournal.model import Day, Exercise, ExerciseLog
from spinejournal.store import Journal
from spinejournal.tui.app import SpineJournalApp
from spinejournal.tui.screens.exercise_session import ExerciseSessionScreen
from spinejournal.tui.screens.today import TodayScreen
from tests.tui.helpers import HOSTILE, SIZE, TODAY, make_app, screen_text, stored

START = date(2026, 3, 1)


def plan(path: Path, *exercises: Exercise) -> Path:
    journal = Journal(path)
    for exercise in exercises:
        journal.add_exercise(exercise)
    return path


def three(path: Path) -> Path:
    """Ids 1-3: two reps; one 2-second hold; one to skip. A retired exercise is not in the session."""
    return plan(
        path,
        Exercise(name="Pelvic tilt", start=START, sets=1, reps=2, instructions="Lie on your back, knees bent."),
        Exercise(name="Side plank", start=START, sets=1, hold_seconds=2),
        Exercise(name="Bird dog", start=START, sets=2, reps=8),
        Exercise(name="Retired stretch", start=START, end=date(2026, 3, 10)),
    )


def count_bells(app: SpineJournalApp) -> list[None]:
    rings: list[None] = []
    app.bell = lambda: rings.append(None)  # type: ignore[method-assign]
    return rings


async def wait_for(pilot: Pilot[None], done: object, seconds: float = 10.0) -> None:
    """Let the app run until ``done()`` is true: the hold is real seconds, and a busy machine may
    run its timer late, so the test waits for the outcome rather than asserting a duration."""
    waited = 0.0
    while not done() and waited < seconds:  # type: ignore[operator]
        await pilot.pause(0.1)
        waited += 0.1


async def test_the_exercise_session_with_a_2_second_hold(journal_path: Path) -> None:
    path = three(journal_path)
    app = make_app(path)
    rings = count_bells(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "x")  # average pain 5, then the session
        assert isinstance(app.screen, ExerciseSessionScreen)
        text = screen_text(app)
        assert "Exercise 1 of 3: Pelvic tilt" in text
        assert "Lie on your back, knees bent." in text
        assert "Retired stretch" not in text
        await pilot.press("space")
        assert "Reps 1 of 2  ●○" in screen_text(app)
        await pilot.press("space")
        assert "All 1 set done ✓" in screen_text(app)
        await pilot.press("n")

        await pilot.press("space")  # the 2-second hold starts
        assert "Holding: 2 s left" in screen_text(app)
        await pilot.pause(2.2)
        await wait_for(pilot, lambda: rings)
        assert rings == [None]  # the bell rang once, at the end of the hold
        assert "All 1 set done ✓" in screen_text(app)
        await pilot.press("n")

        await pilot.press("s")
        assert "Why skip it? 1 pain  2 no time  3 forgot  4 other" in screen_text(app)
        await pilot.press("1")  # skipped because of pain: the end of the session
        text = screen_text(app)
        assert "Pelvic tilt: done: 1 of 1 sets, 2 in all" in text
        assert "Side plank: done: 1 of 1 sets, 1 in all" in text
        assert "Bird dog: skipped (pain)" in text
        await pilot.press("3", "enter")  # pain after exercises 3, into the form

        assert isinstance(app.screen, TodayScreen)
        assert "● unsaved" in screen_text(app)
        assert stored(path).days == ()  # nothing is saved until the person saves
        await pilot.press("ctrl+s")

    assert stored(path).days == (
        Day(
            TODAY,
            5,
            exercises=(
                ExerciseLog(1, "done", sets=1, reps=2),
                ExerciseLog(2, "done", sets=1, reps=1),
                ExerciseLog(3, "skipped", "pain"),
            ),
            pain_after_exercises=3,
        ),
    )


async def test_pause_stops_the_hold_and_the_counter(journal_path: Path) -> None:
    path = plan(journal_path, Exercise(name="Side plank", start=START, hold_seconds=2))
    app = make_app(path)
    rings = count_bells(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "x", "space", "p")
        assert "Paused: p to go on." in screen_text(app)
        await pilot.pause(2.5)
        assert rings == []
        assert "Holding: 2 s left" in screen_text(app)  # no second passed while paused
        await pilot.press("p")
        await wait_for(pilot, lambda: rings)
        await pilot.press("n", "enter", "ctrl+s")
    assert stored(path).days[0].exercises == (ExerciseLog(1, "done", sets=1, reps=1),)
    assert stored(path).days[0].pain_after_exercises is None  # not given: not asked again


async def test_the_session_keeps_the_forms_unsaved_edits_and_other_ticks(journal_path: Path) -> None:
    path = plan(
        journal_path,
        Exercise(name="Pelvic tilt", start=START, reps=2),
        Exercise(name="Walk", start=START),
    )
    Journal(path).save_day(Day(TODAY, 4, notes="slept badly", exercises=(ExerciseLog(2, "done"),)))
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6")  # changed from 4, not saved yet
        await pilot.press("x", "space", "escape")  # one rep of two, then end the session early
        assert "Pelvic tilt: partly done: 0 of 1 sets, 1 in all" in screen_text(app)
        assert "Walk: not logged" in screen_text(app)
        await pilot.press("enter", "ctrl+s")
    day = stored(path).days[0]
    assert (day.pain_avg, day.notes) == (6, "slept badly")
    # Walk was not reached in the session: its tick from before stays.
    assert day.exercises == (ExerciseLog(1, "partial", sets=0, reps=1), ExerciseLog(2, "done"))
    assert day.pain_after_exercises is None


async def test_leaving_the_session_asks_and_puts_nothing_in_the_form(journal_path: Path) -> None:
    path = plan(journal_path, Exercise(name="Pelvic tilt", start=START, reps=2))
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "space", "escape", "escape")
        assert "Leave the session?" in screen_text(app)
        await pilot.press("l")
        assert isinstance(app.screen, TodayScreen)
        assert "not logged yet" in screen_text(app)  # the form is as it was: nothing to save
        await pilot.press("5", "ctrl+s")
    assert stored(path).days[0].exercises == ()


async def test_names_and_instructions_are_shown_as_typed_never_as_markup(journal_path: Path) -> None:
    path = plan(journal_path, Exercise(name=HOSTILE, start=START, reps=1, instructions=HOSTILE))
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        text = screen_text(app)
        assert "[/] [bold]x [@click=app.quit]x[/]" in text
        await pilot.press("space", "n")
        assert "[/] [bold]x [@click=app.quit]x[/] \\x1b[31mred: done" in screen_text(app)
        assert app.is_running


async def test_no_exercise_planned_today_keeps_today(journal_path: Path) -> None:
    path = plan(journal_path, Exercise(name="Retired stretch", start=START, end=date(2026, 3, 10)))
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        assert isinstance(app.screen, TodayScreen)


async def test_x_typed_in_a_note_is_a_letter_not_a_session(journal_path: Path) -> None:
    path = three(journal_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        app.screen.query_one(TabbedContent).active = "tab-notes"
        await pilot.pause()
        app.screen.query_one("#notes", TextArea).focus()
        await pilot.press(*"box")
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("ctrl+s")
    assert stored(path).days[0].notes == "box"


async def test_editing_a_day_keeps_its_pain_after_exercises(journal_path: Path) -> None:
    path = three(journal_path)
    Journal(path).save_day(Day(TODAY, 4, pain_after_exercises=2))
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "ctrl+s")
    assert (stored(path).days[0].pain_avg, stored(path).days[0].pain_after_exercises) == (5, 2)


async def test_the_key_bar_shows_the_keys_that_work_now_and_fits_80_columns(journal_path: Path) -> None:
    path = three(journal_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:

        def keys() -> str:
            return screen_text(app).splitlines()[-1]

        await pilot.press("x")
        assert "space Rep  s Skip  n Next  esc End  ^q Quit  ? Help" in keys()  # no Back on the first
        await pilot.press("n")
        assert "space Hold  s Skip  n b Next/back  esc End  ^q Quit  ? Help" in keys()
        await pilot.press("space")
        assert "p Pause  s Skip" in keys()  # during the hold Space does nothing: no hint
        await pilot.press("s")
        assert "esc Don't skip" in keys()
        await pilot.press("escape", "escape")
        assert "⏎ Put in the form  esc Leave  ^q Quit  ? Help" in keys()


async def test_history_shows_the_pain_after_exercises(journal_path: Path) -> None:
    path = three(journal_path)
    Journal(path).save_day(Day(TODAY, 4, exercises=(ExerciseLog(1, "done"),), pain_after_exercises=2))
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        assert "Exercises 1 of 1 done; pain after" in screen_text(app)  # wrapped beside the calendar
        assert "2/10" in screen_text(app)
