"""Visits and goals: therapy visits, PSFS activities and their ratings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from spinejournal.model import PsfsActivity, PsfsRating, Visit
from spinejournal.store import Journal
from spinejournal.tui.screens.psfs_rating_dialog import PsfsRatingDialog
from spinejournal.tui.screens.visit_dialog import VisitDialog
from spinejournal.tui.screens.visits import VisitsScreen
from tests.tui.helpers import SIZE, TODAY, make_app, screen_text, stored


async def test_record_a_visit(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "a")
        assert isinstance(app.screen, VisitDialog)
        await pilot.press("tab", *"New exercise added", "enter")
        assert isinstance(app.screen, VisitsScreen)
        assert "Last visit: Sun 15 Mar, today." in screen_text(app)
    assert stored(journal_path).visits == (Visit(TODAY, "New exercise added"),)


async def test_a_visit_in_the_future_is_refused_in_the_dialog(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "a", *"2026-03-20", "enter")
        assert isinstance(app.screen, VisitDialog)
        assert "visit date: 2026-03-20 is in the future" in screen_text(app)
    assert stored(journal_path).visits == ()


async def test_remove_a_visit_after_confirming(journal_path: Path) -> None:
    journal = Journal(journal_path)
    journal.save_visit(Visit(date(2026, 3, 1), "First"))
    journal.save_visit(Visit(date(2026, 3, 8), "Second"))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "delete", "r")  # the newest is highlighted first
    assert stored(journal_path).visits == (Visit(date(2026, 3, 1), "First"),)


async def test_add_an_activity_and_rate_it(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "n", *"Put on socks", "enter")
        assert "Put on socks" in screen_text(app)
        await pilot.press("r")
        assert isinstance(app.screen, PsfsRatingDialog)
        await pilot.press("4", "ctrl+s")
        assert "Latest ratings average 4.0 of 10" in screen_text(app)
    data = stored(journal_path)
    assert data.psfs_activities == (PsfsActivity("Put on socks", "1.0", TODAY, id=1),)
    assert data.psfs_ratings == (PsfsRating(1, TODAY, 4, "1.0"),)


async def test_change_is_shown_as_ability_on_either_scale(journal_path: Path) -> None:
    journal = Journal(journal_path)
    film = journal.add_psfs_activity(PsfsActivity("Sit through a film", "1.0"))
    socks = journal.add_psfs_activity(PsfsActivity("Put on socks", "2.0"))  # 0 = as before, 10 = unable
    for on, film_score, socks_score in ((date(2026, 2, 1), 3, 8), (date(2026, 3, 1), 6, 5)):
        journal.save_psfs_rating(PsfsRating(film.id, on, film_score, "1.0"))
        journal.save_psfs_rating(PsfsRating(socks.id, on, socks_score, "2.0"))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        text = screen_text(app)
        # Film 3 -> 6 is +3; socks 8 -> 5 on the reversed scale is also 3 points easier.
        assert "Sit through a film  3 (1 Feb)  6 (1 Mar)  +3" in text
        assert "Put on socks        8 (1 Feb)  5 (1 Mar)  +3" in text
        # Latest abilities 6 and 10 - 5 = 5: mean 5.5.
        assert "Latest ratings average 5.5 of 10" in text
