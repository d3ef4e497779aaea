"""Day model v2 in the app: medications, sleep and mood, treatments, PEG-3, PGIC and care events,
driven by the keyboard and checked in what the journal stored."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from textual.widgets import TabbedContent

from spinejournal.model import Day, Medication, MedicationTaken, TherapySession
from spinejournal.store import Journal
from spinejournal.tui.screens.session_dialog import SessionDialog
from spinejournal.tui.screens.today import TodayScreen
from tests.tui.helpers import SIZE, TODAY, make_app, screen_text, stored

# Fields the day form may not show: typed with the shell, they must survive a save in the app.
SHELL_FIELDS = {
    "medications": (MedicationTaken(1, 2),),
    "sleep_hours": 6.5,
    "sleep_quality": 3,
    "mood": 8,
}


def _med_journal(path: Path) -> Journal:
    journal = Journal(path)
    journal.add_medication(Medication("Ibuprofen", date(2026, 3, 1), dose="200 mg", as_needed=True))
    journal.add_medication(Medication("Amitriptyline", date(2026, 3, 1), dose="10 mg", per_day=1))
    return journal


@pytest.mark.parametrize("field", sorted(SHELL_FIELDS))
async def test_a_field_logged_in_the_shell_survives_saving_the_day_in_the_app(journal_path: Path, field: str) -> None:
    journal = _med_journal(journal_path)
    journal.save_day(Day(TODAY, pain_avg=4, **{field: SHELL_FIELDS[field]}))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "ctrl+s")
    assert stored(journal_path).day(TODAY) == Day(TODAY, pain_avg=6, **{field: SHELL_FIELDS[field]})


async def test_a_tens_session_is_saved_without_the_heat_and_ice_warning(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("4")
        app.screen.query_one(TabbedContent).active = "tab-heat"
        await pilot.pause()
        assert "Treatments" in screen_text(app)
        app.screen.query_one("#sessions-table").focus()
        await pilot.press("a")
        assert isinstance(app.screen, SessionDialog)
        await pilot.press("4", "0")  # 40 minutes of heat would be warned about
        assert "Longer than the 20 minutes" in screen_text(app)
        await pilot.press("shift+tab", "right", "right")  # the kind: Heat -> Ice -> TENS
        text = screen_text(app)
        assert "Massage / trigger-point release" in text  # all four kinds fit at 80 columns
        assert "Longer than the 20 minutes" not in text
        await pilot.press("tab", "tab", "tab", "6", "tab", "3", "ctrl+s")  # region blank, pain 6 then 3
        assert isinstance(app.screen, TodayScreen)
        assert "Treatments (1)" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not [n for n in app._notifications if n.severity == "warning"]
    day = stored(journal_path).day(TODAY)
    assert day is not None and day.sessions == (TherapySession("tens", 40, pain_before=6, pain_after=3),)


async def test_history_lists_tens_and_massage_minutes(journal_path: Path) -> None:
    Journal(journal_path).save_day(
        Day(TODAY, pain_avg=3, sessions=(TherapySession("tens", 30), TherapySession("massage", 15)))
    )
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        text = screen_text(app)
    assert "T30 M15" in text  # the table's Treatments column
    # The day's summary, wrapped at 80 columns beside the calendar.
    assert "TENS 30 min · Massage / trigger-point" in text and "release 15 min" in text
