"""The tabs of the day form after "Where" are built the first time they are shown (startup speed).

A person must not notice: keys typed right after switching to a tab reach its fields, a logged day
shows its values there and stays "saved" when only looked at, and what was never shown is saved as
it was loaded.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TabbedContent, TextArea

from spinejournal.model import Day, ExerciseLog, Mobility, TherapySession
from spinejournal.store import Journal
from spinejournal.tui.screens.session_dialog import SessionDialog
from spinejournal.tui.widgets.exercise_checklist import ExerciseRow
from tests.tui.helpers import SIZE, TODAY, make_app, screen_text, stored

# From the average pain (where the cursor starts), four tabs reach the tab bar on "Where".
TO_THE_TABS = ("tab", "tab", "tab", "tab")

LOGGED = Day(
    date=TODAY,
    pain_avg=4,
    sessions=(TherapySession("ice", 10, pain_before=5, pain_after=3),),
    exercises=(ExerciseLog(1, "skipped", "pain"), ExerciseLog(2, "done")),
    mobility=Mobility(walk=20, fingertip_floor_cm=12),
    notes="Stiff morning.\r\nBetter after lunch.",
    questions="Can I swim?",
    red_flags=("night_pain",),
)


async def test_typing_into_notes_right_after_switching_to_the_tab(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", *TO_THE_TABS, "left", "left", "tab")  # Where -> Red flags -> Notes
        await pilot.press("S", "o", "r", "e", "ctrl+s")
        assert "✓ saved" in screen_text(app)
    assert stored(journal_path).day(TODAY) == Day(date=TODAY, pain_avg=5, notes="Sore")


async def test_typing_into_mobility_right_after_switching_to_the_tab(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", *TO_THE_TABS, "right", "right", "right", "right", "tab", "4", "0", "ctrl+s")
    assert stored(journal_path).day(TODAY) == Day(date=TODAY, pain_avg=3, mobility=Mobility(walk=40))


async def test_adding_heat_right_after_switching_to_the_tab(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", *TO_THE_TABS, "right", "tab", "a")
        assert isinstance(app.screen, SessionDialog)


async def test_a_logged_day_shows_its_values_in_every_tab_and_stays_saved(plan_path: Path) -> None:
    # A form feed: the text box holds it as a line break, which must not count as a change when
    # the Notes tab is first shown.
    Journal(plan_path).save_day(LOGGED.with_changes(notes=LOGGED.notes + "\x0cok"))
    app = make_app(plan_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*TO_THE_TABS)
        await pilot.press("right")
        assert "Ice" in screen_text(app)
        await pilot.press("right")
        rows = {row.exercise.name: row.entry for row in app.screen.query(ExerciseRow)}
        assert rows == {"Pelvic tilt": ("skipped", "pain"), "Bird dog": ("done", None)}
        await pilot.press("right", "right")  # Meds, then Mobility
        assert app.screen.query_one("#walk", Input).value == "20"
        assert app.screen.query_one("#fingertip", Input).value == "12"
        await pilot.press("right")
        assert "Better after lunch." in screen_text(app)
        assert app.screen.query_one("#questions", TextArea).text == "Can I swim?"
        await pilot.press("right")
        text = screen_text(app)
        assert "Pain at night that rest does not ease" in text
        assert "✓ saved" in text and "unsaved" not in text


async def test_saving_without_showing_the_tabs_keeps_what_they_hold(plan_path: Path) -> None:
    Journal(plan_path).save_day(LOGGED)
    app = make_app(plan_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "ctrl+s")
        assert "✓ saved" in screen_text(app)
        assert len(app.screen.query(ExerciseRow)) == 0  # the Exercises tab was never built
    assert stored(plan_path).day(TODAY) == LOGGED.with_changes(pain_avg=6)


async def test_a_checklist_already_shown_follows_a_plan_change(plan_path: Path) -> None:
    app = make_app(plan_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", *TO_THE_TABS, "right", "right")
        assert [row.exercise.name for row in app.screen.query(ExerciseRow)] == ["Pelvic tilt", "Bird dog"]
        await pilot.press("p", "down", "r", "r", "t")  # retire Pelvic tilt on the Plan screen, back
        text = screen_text(app)
        assert "Bird dog" in text and "Pelvic tilt" not in text
        await pilot.press("tab", "right", "ctrl+s")  # from the tab bar to Bird dog: done
    assert stored(plan_path).day(TODAY) == Day(date=TODAY, pain_avg=4, exercises=(ExerciseLog(2, "done"),))


async def test_a_field_in_a_tab_never_shown_can_be_focused(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#day-form").focus_field("notes")  # type: ignore[attr-defined]
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "notes"
        assert app.screen.query_one(TabbedContent).active == "tab-notes"


async def test_a_day_changed_elsewhere_before_its_tabs_are_shown_shows_the_new_text(plan_path: Path) -> None:
    Journal(plan_path).save_day(LOGGED)
    app = make_app(plan_path)
    async with app.run_test(size=SIZE) as pilot:
        # Changed by another program (e.g. the command line) while the app is open.
        Journal(plan_path).save_day(LOGGED.with_changes(notes="Slept well.", mobility=Mobility(walk=35)))
        await pilot.press("h", "t")  # away and back: Today reads the day again
        await pilot.press(*TO_THE_TABS, "right", "right", "right", "right")
        assert app.screen.query_one("#walk", Input).value == "35"
        assert app.screen.query_one("#fingertip", Input).value == ""
        await pilot.press("right")
        assert app.screen.query_one("#notes", TextArea).text == "Slept well."
        assert "✓ saved" in screen_text(app) and "unsaved" not in screen_text(app)
