"""A day logged for a red flag alone, in the app: opened and saved without inventing a pain score,
shown in History as logged with its marker and no pain."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import TabbedContent, TextArea

from spinejournal.model import Day
from spinejournal.store import Journal
from spinejournal.tui.screens.red_flag import RedFlagScreen
from tests.tui.helpers import SIZE, TODAY, make_app, screen_text, stored

FLAG_ONLY = Day(date=TODAY, pain_avg=None, red_flags=("fever",))


async def test_a_flag_only_day_opens_and_saves_without_a_pain_score(journal_path: Path) -> None:
    Journal(journal_path).save_day(FLAG_ONLY)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(TabbedContent).active = "tab-notes"
        await pilot.pause()
        notes = app.screen.query_one("#notes", TextArea)
        notes.focus()
        await pilot.press(*"hot")
        await pilot.press("ctrl+s")
    # The note was added; the average stays as the person left it: not given.
    assert stored(journal_path).days == (FLAG_ONLY.with_changes(notes="hot"),)


async def test_a_new_day_with_only_a_red_flag_ticked_is_saved_as_that(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(TabbedContent).active = "tab-flags"
        await pilot.pause()
        app.screen.query_one("#red-flags").focus()
        await pilot.press("down", "space")  # the 2nd: bladder or bowel trouble
        assert isinstance(app.screen, RedFlagScreen)
        await pilot.press("enter", "ctrl+s")
    assert stored(journal_path).days == (Day(date=TODAY, pain_avg=None, red_flags=("bladder_bowel",)),)


async def test_unticking_the_only_flag_of_a_day_without_pain_asks_for_the_pain(journal_path: Path) -> None:
    Journal(journal_path).save_day(FLAG_ONLY)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(TabbedContent).active = "tab-flags"
        await pilot.pause()
        app.screen.query_one("#red-flags").focus()
        for _ in range(5):  # fever is the 6th flag
            await pilot.press("down")
        await pilot.press("space", "ctrl+s")
        assert "average pain: choose a number from 0 to 10" in screen_text(app)
    assert stored(journal_path).days == (FLAG_ONLY,)


async def test_history_shows_the_day_logged_with_its_flag_and_no_pain(journal_path: Path) -> None:
    journal = Journal(journal_path)
    journal.save_day(Day(date=TODAY - timedelta(days=1), pain_avg=4))
    journal.save_day(FLAG_ONLY)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        text = screen_text(app)
        assert "▸15!  " in text and "14·4" in text  # today selected: the red-flag mark, no pain; yesterday 4
        assert "⚠ Needs checking today: fever" in text and "together with back pain" in text  # wrapped
        assert "A red flag, no average pain given" in text
        assert "Sun 2026-03-15    –    –    –  –           –      –  !" in text
        assert "Sat 2026-03-14    4" in text
