"""Day model v2 in the app: medications, sleep and mood, treatments, PEG-3, PGIC and care events,
driven by the keyboard and checked in what the journal stored."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from spinejournal.model import Day, Medication, MedicationTaken
from spinejournal.store import Journal
from tests.tui.helpers import SIZE, TODAY, make_app, stored

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
