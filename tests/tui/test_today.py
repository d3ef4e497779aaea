"""The Today screen, driven by the keyboard as a person would, checking what the journal stored."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import TabbedContent, TextArea

from spinejournal.clinical import URGENCY_ADVICE, URGENCY_TITLE, Urgency
from spinejournal.model import Day, ExerciseLog, Mobility, TherapySession
from spinejournal.store import Journal
from spinejournal.tui.screens.red_flag import RedFlagScreen
from spinejournal.tui.screens.session_dialog import SessionDialog
from spinejournal.tui.screens.today import TodayScreen
from spinejournal.tui.widgets.exercise_checklist import ExerciseRow
from tests.tui.helpers import HOSTILE, SIZE, TODAY, make_app, screen_text, stored


async def test_log_a_typical_day_with_the_keyboard_only(plan_path: Path) -> None:
    app = make_app(plan_path)
    async with app.run_test(size=SIZE) as pilot:
        # Pain: average, now, worst, least; the cursor starts on the average.
        await pilot.press("5", "down", "4", "down", "7", "down", "3")
        # Where: tab to the tabs, tab into the regions list, tick "Lower back" (the 4th).
        await pilot.press("tab", "tab", "down", "down", "down", "space")
        # Exercises tab: Pelvic tilt done; Bird dog skipped because of pain.
        await pilot.press("shift+tab", "right", "right", "tab", "right")
        await pilot.press("tab", "right", "right", "right", "tab", "right")
        # Mobility tab (after Meds): walked 25 minutes.
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "right", "right", "tab", "2", "5")
        await pilot.press("ctrl+s")
        assert "✓ saved" in screen_text(app)

    assert stored(plan_path).days == (
        Day(
            date=TODAY,
            pain_avg=5,
            pain_now=4,
            pain_worst=7,
            pain_least=3,
            regions=("lower_back",),
            exercises=(ExerciseLog(1, "done"), ExerciseLog(2, "skipped", "pain")),
            mobility=Mobility(walk=25),
        ),
    )


async def test_ten_is_reached_with_the_right_arrow(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("9", "right", "right", "ctrl+s")
    assert stored(journal_path).day(TODAY).pain_avg == 10  # type: ignore[union-attr]


async def test_a_validation_error_names_the_field_and_keeps_the_form(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "down", "down", "3", "ctrl+s")  # worst 3 below an average of 6
        text = screen_text(app)
        assert "worst pain: cannot be lower than the average (3 < 6)" in text
        assert stored(journal_path).days == ()
        # The cursor went to the field named; fixing it and saving again works.
        assert app.focused is not None and app.focused.id == "pain-worst"
        await pilot.press("8", "ctrl+s")
        assert "cannot be lower" not in screen_text(app)
    assert stored(journal_path).day(TODAY) == Day(date=TODAY, pain_avg=6, pain_worst=8)


async def test_saving_without_an_average_asks_for_it(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "4", "ctrl+s")
        assert "average pain: choose a number from 0 to 10" in screen_text(app)
        assert app.focused is not None and app.focused.id == "pain-avg"
    assert stored(journal_path).days == ()


async def test_today_already_logged_opens_with_its_values_and_edits_keep_the_rest(demo_path: Path) -> None:
    before = stored(demo_path).day(TODAY)
    assert before is not None and before.pain_avg != 2
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        assert "✓ saved" in screen_text(app)
        await pilot.press("2", "ctrl+s")
    assert stored(demo_path).day(TODAY) == before.with_changes(pain_avg=2)


async def test_a_long_heat_session_is_saved_with_a_gentle_warning(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("4")
        app.screen.query_one(TabbedContent).active = "tab-heat"
        await pilot.pause()
        app.screen.query_one("#sessions-table").focus()
        await pilot.press("a")
        assert isinstance(app.screen, SessionDialog)
        await pilot.press("2", "5")  # minutes
        assert "Longer than the 20 minutes usually advised" in screen_text(app)
        await pilot.press("tab", "tab", "6", "tab", "4", "ctrl+s")  # region left blank, pain 6 then 4
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("25 minutes is longer than the 20 minutes" in m for m in messages)
    day = stored(journal_path).day(TODAY)
    assert day is not None
    assert day.sessions == (TherapySession("heat", 25, pain_before=6, pain_after=4),)


async def test_heat_sessions_can_be_edited_and_removed(demo_path: Path) -> None:
    before = stored(demo_path).day(TODAY - timedelta(days=1))
    assert before is not None and len(before.sessions) == 1
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(TodayScreen(TODAY - timedelta(days=1)))
        app.screen.query_one(TabbedContent).active = "tab-heat"
        await pilot.pause()
        app.screen.query_one("#sessions-table").focus()
        await pilot.press("enter")  # edit the first session
        assert isinstance(app.screen, SessionDialog)
        await pilot.press("backspace", "backspace", "1", "0", "enter")  # 10 minutes; Enter saves
        await pilot.press("a", "5", "ctrl+s")  # a second session: 5 minutes of heat
        await pilot.press("ctrl+s")
        assert stored(demo_path).day(TODAY - timedelta(days=1)).sessions == (  # type: ignore[union-attr]
            before.sessions[0].__class__(**{**before.sessions[0].to_dict(), "minutes": 10}),
            TherapySession("heat", 5),
        )
        await pilot.press("up", "delete", "ctrl+s")  # remove the first
    assert stored(demo_path).day(TODAY - timedelta(days=1)).sessions == (TherapySession("heat", 5),)  # type: ignore[union-attr]


async def test_ticking_a_red_flag_shows_guidance_at_once_and_marks_the_day(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        app.screen.query_one(TabbedContent).active = "tab-flags"
        await pilot.pause()
        app.screen.query_one("#red-flags").focus()
        await pilot.press("down", "space")  # the 2nd: bladder or bowel trouble (emergency)
        assert isinstance(app.screen, RedFlagScreen)
        text = screen_text(app)
        assert URGENCY_TITLE[Urgency.EMERGENCY] in text
        assert URGENCY_ADVICE[Urgency.EMERGENCY][:60] in text.replace("\n", " ").replace("█", "")
        await pilot.press("enter")
        assert isinstance(app.screen, TodayScreen)
        assert "Red flag: needs medical help now" in screen_text(app)
        await pilot.press("ctrl+s")
    assert stored(journal_path).day(TODAY).red_flags == ("bladder_bowel",)  # type: ignore[union-attr]

    # Opened again, the day still carries the marker.
    app = make_app(journal_path)
    async with app.run_test(size=SIZE):
        assert "Red flag: needs medical help now" in screen_text(app)


async def test_unticking_a_red_flag_does_not_raise_the_alarm(journal_path: Path) -> None:
    Journal(journal_path).save_day(Day(date=TODAY, pain_avg=3, red_flags=("fever",)))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(TabbedContent).active = "tab-flags"
        await pilot.pause()
        app.screen.query_one("#red-flags").focus()
        for _ in range(5):  # fever is the 6th flag
            await pilot.press("down")
        await pilot.press("space")
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("ctrl+s")
    assert stored(journal_path).day(TODAY).red_flags == ()  # type: ignore[union-attr]


async def test_hostile_text_in_notes_is_stored_and_shown_literally(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        app.screen.query_one(TabbedContent).active = "tab-notes"
        await pilot.pause()
        notes = app.screen.query_one("#notes", TextArea)
        notes.focus()
        await pilot.press(*"[/] [bold]x [@click=app.quit]x[/] ")
        notes.insert("\x1b[31mred")  # as pasted: an escape character cannot be typed
        await pilot.press("ctrl+s")
        assert app.is_running  # the [@click=app.quit] text did not quit anything
        await pilot.press("escape", "h")  # leave the notes; History shows them in the summary and table
        text = screen_text(app)
        assert "Notes: [/] [bold]x" in text and "[@click=app.quit]x[/]" in text  # the summary (it wraps here)
        assert "\\x1b[31mred" in text  # the escape character made visible, never obeyed
        assert "\x1b" not in text
    assert stored(journal_path).day(TODAY).notes == HOSTILE  # type: ignore[union-attr]


async def test_a_new_day_starts_from_yesterdays_regions(journal_path: Path) -> None:
    yesterday = Day(date=TODAY - timedelta(days=1), pain_avg=4, regions=("neck", "upper_back"))
    Journal(journal_path).save_day(yesterday)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        assert "Ticked as on Sat 14 Mar" in screen_text(app)
        assert "not logged yet" in screen_text(app)  # offered, not counted as an unsaved change
        await pilot.press("5", "ctrl+s")
    assert stored(journal_path).day(TODAY).regions == ("neck", "upper_back")  # type: ignore[union-attr]


async def test_a_new_day_more_than_a_week_after_the_last_starts_blank(journal_path: Path) -> None:
    Journal(journal_path).save_day(Day(date=TODAY - timedelta(days=8), pain_avg=4, regions=("neck",)))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "ctrl+s")
    assert stored(journal_path).day(TODAY).regions == ()  # type: ignore[union-attr]


async def test_a_day_logged_before_a_retirement_keeps_its_exercise(plan_path: Path) -> None:
    journal = Journal(plan_path)
    past = date(2026, 3, 10)
    journal.save_day(Day(date=past, pain_avg=3, exercises=(ExerciseLog(1, "partial", "no_time", sets=1),)))
    journal.retire_exercise(1, date(2026, 3, 12))
    app = make_app(plan_path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(TabbedContent).active = "tab-exercises"
        await pilot.pause()
        today_names = [row.exercise.name for row in app.screen.query(ExerciseRow)]
        assert today_names == ["Bird dog"]
        await app.push_screen(TodayScreen(past))
        app.screen.query_one(TabbedContent).active = "tab-exercises"
        await pilot.pause()
        past_names = [row.exercise.name for row in app.screen.query(ExerciseRow)]
        assert past_names == ["Pelvic tilt", "Bird dog"]
        await pilot.press("3", "ctrl+s")  # same average: saving keeps the log, sets included
    assert stored(plan_path).day(past).exercises == (ExerciseLog(1, "partial", "no_time", sets=1),)  # type: ignore[union-attr]


async def test_control_characters_in_a_stored_note_are_drawn_not_sent(journal_path: Path) -> None:
    Journal(journal_path).save_day(Day(date=TODAY, pain_avg=4, notes=HOSTILE))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(TabbedContent).active = "tab-notes"
        await pilot.pause()
        text = screen_text(app)
        assert "[/] [bold]x [@click=app.quit]x[/] ␛[31mred" in text  # ESC drawn as a symbol
        assert "\x1b" not in text  # and never written to the terminal
        app.screen.query_one("#notes", TextArea).focus()
        await pilot.press("!", "ctrl+s")  # an edit keeps the pasted character as it was
    assert stored(journal_path).day(TODAY).notes == "!" + HOSTILE  # type: ignore[union-attr]
