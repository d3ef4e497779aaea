"""No lost update between the app and the shell: the app runs here, the real CLI in its own process
between the app reading a record and saving it. Each screen that saves is checked for what the person
sees and for what is on disk afterwards."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from textual.app import App
from textual.widgets import Static

from spinejournal.model import Day, Exercise, Mobility, PsfsActivity, PsfsRating, TherapySession, Visit
from spinejournal.store import Journal
from spinejournal.tui.screens.confirm import ConfirmScreen
from spinejournal.tui.screens.exercise_dialog import ExerciseDialog
from spinejournal.tui.screens.psfs_rating_dialog import PsfsRatingDialog
from spinejournal.tui.screens.today import TodayScreen
from spinejournal.tui.screens.visit_dialog import VisitDialog
from tests.helpers import shell
from tests.tui.helpers import TODAY, make_app, screen_text, stored

SIZE = (100, 30)  # as the brief's tmux check; the dialog's buttons also fit 80 columns
YESTERDAY = TODAY - timedelta(days=1)
MERGED_NOTICE = "Updated Sunday 15 March 2026; kept the treatments, notes, walking saved elsewhere."


def notices(app: App[Any]) -> list[str]:
    """Every notification the app shows from now on, as plain text."""
    said: list[str] = []
    notify = app.notify

    def recording(message: str, *args: Any, **kwargs: Any) -> None:
        said.append(str(message))
        notify(message, *args, **kwargs)

    app.notify = recording  # type: ignore[method-assign]
    return said


def dialog_error(app: App[Any]) -> str:
    """The one-line error a dialog shows (read whole: the screen wraps it)."""
    return str(app.screen.query_one("#dialog-error", Static).content)


def today_screen(app: App[Any]) -> TodayScreen:
    assert isinstance(app.screen, TodayScreen)
    return app.screen


async def test_today_keeps_what_the_shell_logged_and_shows_it(journal_path: Path) -> None:
    Journal(journal_path).save_day(Day(TODAY, pain_avg=5))
    app = make_app(journal_path)
    said = notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Updated" in shell("log", "--ice", "5", "--walk", "55", "--note", "from the shell")
        await pilot.press("6", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        merged = Day(
            TODAY, pain_avg=6, sessions=(TherapySession("ice", 5),), mobility=Mobility(walk=55), notes="from the shell"
        )
        assert said[-1] == MERGED_NOTICE
        screen = today_screen(app)
        assert screen.form.build() == merged  # the form shows the shell's ice session, walk and note
        assert not screen.form.is_dirty
        assert "✓ saved" in screen_text(app)
        assert "Treatments (1)" in screen_text(app)  # the tab counts the shell's session too
    assert stored(journal_path).day(TODAY) == merged


async def test_today_on_a_clash_never_says_saved_and_reload_shows_the_shells_day(journal_path: Path) -> None:
    Journal(journal_path).save_day(Day(TODAY, pain_avg=5))
    app = make_app(journal_path)
    said = notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shell("log", "--pain", "3")
        await pilot.press("6", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        text = screen_text(app)
        assert "Changed elsewhere" in text
        assert "average pain: yours 6, elsewhere 3" in text
        assert "Sunday 15 March 2026 was changed elsewhere since you opened it." in text
        assert "Reload (drop mine)  r" in text and "Keep mine (replace it)  k" in text and "Stay  esc" in text
        assert said == [
            "Sunday 15 March 2026 was changed elsewhere since you opened it (average pain): nothing was saved."
        ]
        await pilot.press("escape")  # Stay: the form keeps what was typed, and says it is unsaved
        assert today_screen(app).form.build() == Day(TODAY, pain_avg=6)
        assert "● unsaved" in screen_text(app) and "✓ saved" not in screen_text(app)
        assert stored(journal_path).day(TODAY) == Day(TODAY, pain_avg=3)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r")  # Reload the day
        await pilot.pause()
        assert today_screen(app).form.build() == Day(TODAY, pain_avg=3)
        assert "✓ saved" in screen_text(app)
    assert stored(journal_path).day(TODAY) == Day(TODAY, pain_avg=3)


async def test_today_keep_mine_keeps_my_clashing_value_and_the_shells_other_changes(journal_path: Path) -> None:
    Journal(journal_path).save_day(Day(TODAY, pain_avg=5))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shell("log", "--pain", "3", "--walk", "40")
        await pilot.press("6", "ctrl+s")
        await pilot.pause()
        assert "average pain: yours 6, elsewhere 3" in screen_text(app)
        await pilot.press("k")  # Keep mine: only the clashing average is replaced
        await pilot.pause()
        assert "✓ saved" in screen_text(app)
    assert stored(journal_path).day(TODAY) == Day(TODAY, pain_avg=6, mobility=Mobility(walk=40))


async def test_save_and_quit_does_not_quit_on_a_clash(journal_path: Path) -> None:
    Journal(journal_path).save_day(Day(TODAY, pain_avg=5))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shell("log", "--pain", "3")
        await pilot.press("6", "ctrl+q")
        await pilot.pause()
        assert "Quit with unsaved changes?" in screen_text(app)
        await pilot.press("s")  # Save and quit
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, ConfirmScreen)
        assert "Changed elsewhere" in screen_text(app)
    assert stored(journal_path).day(TODAY) == Day(TODAY, pain_avg=3)


async def test_a_day_opened_from_history_keeps_what_the_shell_logged(journal_path: Path) -> None:
    Journal(journal_path).save_day(Day(YESTERDAY, pain_avg=5))
    app = make_app(journal_path)
    said = notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "left", "enter")  # the calendar starts on today; left is yesterday
        await pilot.pause()
        assert today_screen(app).on_date == YESTERDAY
        shell("log", "--date", "yesterday", "--walk", "30")
        await pilot.press("6", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert said[-1] == "Updated Saturday 14 March 2026; kept the walking saved elsewhere."
        assert today_screen(app).form.build() == Day(YESTERDAY, pain_avg=6, mobility=Mobility(walk=30))
    assert stored(journal_path).day(YESTERDAY) == Day(YESTERDAY, pain_avg=6, mobility=Mobility(walk=30))


async def test_plan_an_exercise_retired_in_the_shell_is_not_edited_over(plan_path: Path) -> None:
    app = make_app(plan_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "enter")  # Bird dog comes first (sorted by name)
        assert isinstance(app.screen, ExerciseDialog)
        shell("plan", "retire", "Bird dog")
        await pilot.press("tab", "tab", "1", "2", "ctrl+s")  # reps 8 -> 12
        await pilot.pause()
        assert isinstance(app.screen, ExerciseDialog)  # not closed, not "Updated"
        assert dialog_error(app) == (
            "The exercise 'Bird dog' was changed elsewhere since you opened it: nothing was saved."
        )
        await pilot.press("escape")
        await pilot.pause()
        assert "retired 2026-03-15" in screen_text(app)  # the list was reloaded
    assert stored(plan_path).exercise(2) == Exercise(
        name="Bird dog", start=date(2026, 3, 1), sets=2, reps=8, times_per_week=5, id=2, end=TODAY
    )


async def test_visits_a_note_written_in_the_shell_is_not_replaced(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.pause()
        shell("visit", "add", "--note", "from the shell")
        await pilot.press("a", "tab", *"mine", "enter")
        await pilot.pause()
        assert isinstance(app.screen, VisitDialog)
        assert dialog_error(app) == (
            "The visit of Sunday 15 March 2026 was changed elsewhere since you opened it: nothing was saved."
        )
        await pilot.press("escape")
        await pilot.pause()
        assert "from the shell" in screen_text(app)
    assert stored(journal_path).visits == (Visit(TODAY, "from the shell"),)


async def test_psfs_a_rating_given_in_the_shell_is_not_replaced(journal_path: Path) -> None:
    Journal(journal_path).add_psfs_activity(PsfsActivity("Put on socks"))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("r")  # the dialog opens with no rating for today
        shell("psfs", "rate", "Put on socks", "4")
        await pilot.press("6", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PsfsRatingDialog)
        assert dialog_error(app) == (
            "The rating of Sunday 15 March 2026 was changed elsewhere since you opened it: nothing was saved."
        )
        await pilot.press("escape")
        await pilot.pause()
        assert "Latest ratings average 4.0 of 10" in screen_text(app)
    assert stored(journal_path).psfs_ratings == (PsfsRating(1, TODAY, 4),)


async def test_history_delete_keeps_a_day_changed_in_the_shell(journal_path: Path) -> None:
    Journal(journal_path).save_day(Day(date(2026, 3, 12), pain_avg=7))
    app = make_app(journal_path)
    said = notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "left", "left", "left")  # Thursday 12 March
        await pilot.pause()
        shell("log", "--date", "2026-03-12", "--walk", "20")
        await pilot.press("delete", "d")
        await pilot.pause()
        assert said == ["Thursday 12 March 2026 was changed elsewhere since you opened it: nothing was saved."]
        assert "Thu 2026-03-12" in screen_text(app)
    assert stored(journal_path).day(date(2026, 3, 12)) == Day(date(2026, 3, 12), pain_avg=7, mobility=Mobility(walk=20))


async def test_import_beside_the_app_neither_side_loses_a_day(journal_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "other" / "journal.json"
    other = Journal(source)
    other.save_day(Day(TODAY, pain_avg=3))
    other.save_day(Day(YESTERDAY, pain_avg=4))
    export = tmp_path / "export.json"
    shell("--journal", str(source), "export", "--format", "json", "-o", str(export))
    Journal(journal_path).save_day(Day(date(2026, 3, 10), pain_avg=5))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # The app opened today unlogged; the import brings a day for today and one for yesterday.
        assert "Imported" in shell("import", str(export), "--on-conflict", "keep")
        await pilot.press("6", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "average pain: yours 6, elsewhere 3" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert today_screen(app).form.build() == Day(TODAY, pain_avg=3)
        # The person logs a day the file does not hold; importing again keeps it.
        await pilot.press("h", "left", "left", "left", "enter", "2", "ctrl+s", "escape")
        await pilot.pause()
        assert stored(journal_path).day(date(2026, 3, 12)) == Day(date(2026, 3, 12), pain_avg=2)
        assert "Nothing to import" in shell("import", str(export), "--on-conflict", "replace")
    assert [(d.date, d.pain_avg) for d in stored(journal_path).days] == [
        (date(2026, 3, 10), 5),
        (date(2026, 3, 12), 2),
        (YESTERDAY, 4),
        (TODAY, 3),
    ]
