"""History: the pain calendar and the table of days; past days open in the day form."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import DataTable

from spinejournal.model import Day
from spinejournal.store import Journal
from spinejournal.tui.app import SpineJournalApp
from spinejournal.tui.screens.confirm import ConfirmScreen
from spinejournal.tui.screens.history import HistoryScreen
from spinejournal.tui.screens.today import TodayScreen
from tests.tui.helpers import SIZE, TODAY, make_app, screen_text, stored

YESTERDAY = TODAY - timedelta(days=1)


async def test_edit_a_past_day_from_the_calendar(demo_path: Path) -> None:
    before = stored(demo_path).day(YESTERDAY)
    assert before is not None and (before.pain_avg, before.pain_least, before.pain_worst) == (3, 1, 5)
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "left", "enter")  # the calendar starts on today; left is yesterday
        assert isinstance(app.screen, TodayScreen)
        assert "Saturday 14 March 2026 · yesterday" in screen_text(app)
        await pilot.press("4", "ctrl+s", "escape")
        assert isinstance(app.screen, HistoryScreen)
        # The table's second row (yesterday) shows the new average.
        assert "Sat 2026-03-14    4" in screen_text(app)
    assert stored(demo_path).day(YESTERDAY) == before.with_changes(pain_avg=4)


async def test_the_table_opens_the_highlighted_day(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "tab", "down", "down", "enter")  # rows are newest first
        assert isinstance(app.screen, TodayScreen)
        assert app.screen.on_date == TODAY - timedelta(days=2)


async def test_leaving_a_changed_day_asks_first(demo_path: Path) -> None:
    before = stored(demo_path).day(YESTERDAY)
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "left", "enter", "2", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # Stay: the change is still there
        assert isinstance(app.screen, TodayScreen) and app.screen.form.is_dirty
        await pilot.press("escape", "d")  # Discard
        assert isinstance(app.screen, HistoryScreen)
        assert stored(demo_path).day(YESTERDAY) == before
        await pilot.press("enter", "2", "escape", "s")  # Save and go back
        assert isinstance(app.screen, HistoryScreen)
    assert stored(demo_path).day(YESTERDAY) == before.with_changes(pain_avg=2)  # type: ignore[union-attr]


async def test_a_missed_day_can_be_logged_later(journal_path: Path) -> None:
    Journal(journal_path).save_day(Day(date=date(2026, 3, 10), pain_avg=5))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "up", "right", "right", "right", "right", "right")  # 8 March + 5 = 13 March
        assert "Not logged." in screen_text(app)
        await pilot.press("enter")
        assert "Friday 13 March 2026" in screen_text(app)
        assert "not logged yet" in screen_text(app)
        await pilot.press("3", "ctrl+s", "escape")
    assert [d.date for d in stored(journal_path).days] == [date(2026, 3, 10), date(2026, 3, 13)]


async def test_today_opens_in_the_today_section_and_the_future_stays_closed(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "right", "enter")  # tomorrow
        assert isinstance(app.screen, HistoryScreen)
        assert "In the future." in screen_text(app)
        await pilot.press("left", "enter")  # today
        assert app.current_mode == "today"


async def test_red_flag_days_are_marked_in_calendar_table_and_summary(journal_path: Path) -> None:
    Journal(journal_path).save_day(Day(date=date(2026, 3, 12), pain_avg=6, red_flags=("night_pain",)))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "left", "left", "left")
        text = screen_text(app)
        assert "▸12!6" in text  # the selected cell: the red-flag mark, then the pain
        assert "⚠ Needs checking today: pain at" in text  # wrapped beside the calendar
        assert "Thu 2026-03-12    6    –    –  –           –      –  !" in text


async def test_months_turn_with_page_keys(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "pageup")
        assert "February 2026" in screen_text(app)
        assert "Sunday 15 February 2026" in screen_text(app)
        await pilot.press("pagedown", "pagedown")
        assert "April 2026" in screen_text(app)
        await pilot.press("home")
        assert "March 2026" in screen_text(app)


async def test_the_table_follows_saves_row_by_row_in_date_order(journal_path: Path) -> None:
    journal = Journal(journal_path)
    for day in (10, 12, 14):
        journal.save_day(Day(date=date(2026, 3, day), pain_avg=day - 8))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        table = app.screen.query_one(DataTable)

        def rows() -> list[tuple[str, str]]:
            return [(r[0].plain, r[1].plain) for r in (table.get_row_at(i) for i in range(table.row_count))]

        assert rows() == [("Sat 2026-03-14", "6"), ("Thu 2026-03-12", "4"), ("Tue 2026-03-10", "2")]
        # Another process logs a missed day and changes one; the next visit to History shows both.
        other = Journal(journal_path)
        other.save_day(Day(date=date(2026, 3, 11), pain_avg=7))
        other.save_day(Day(date=date(2026, 3, 12), pain_avg=9, notes="[bold]flare[/]"))
        await pilot.press("t", "h")
        assert rows() == [
            ("Sat 2026-03-14", "6"),
            ("Thu 2026-03-12", "9"),
            ("Wed 2026-03-11", "7"),
            ("Tue 2026-03-10", "2"),
        ]
        assert table.get_row("2026-03-12")[-1].plain == "[bold]flare[/]"  # the note, as typed


async def test_a_day_logged_by_mistake_can_be_deleted_after_asking(journal_path: Path) -> None:
    journal = Journal(journal_path)
    journal.save_day(Day(date=date(2026, 3, 10), pain_avg=5))
    journal.save_day(Day(date=date(2026, 3, 12), pain_avg=7, notes="wrong date"))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        assert "Delete day" not in screen_text(app)  # the calendar starts on today: nothing logged
        await pilot.press("left", "left", "left")  # Thursday 12 March
        await pilot.pause()
        assert "Delete day" in screen_text(app)
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Thursday 12 March 2026 (average pain 7/10)" in screen_text(app)
        await pilot.press("escape")  # Keep
        assert stored(journal_path).day(date(2026, 3, 12)) is not None
        await pilot.press("delete", "d")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "Thu 2026-03-12" not in screen_text(app) and "Tue 2026-03-10" in screen_text(app)
        assert "Delete day" not in screen_text(app)
    assert [d.date for d in stored(journal_path).days] == [date(2026, 3, 10)]


async def test_a_journal_open_for_review_offers_no_delete(demo_path: Path) -> None:
    app = SpineJournalApp(Journal.from_data(Journal(demo_path).data()), read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "left", "delete")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen) and "Delete day" not in screen_text(app)
    assert stored(demo_path).day(YESTERDAY) is not None
