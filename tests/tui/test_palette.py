"""Pain colours that do not carry the meaning alone: the calendar's numbers and marks in plain text,
and the colour-blind-safe palette offered as a setting."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from spinejournal.model import Day
from spinejournal.store import Journal
from tests.tui.helpers import SIZE, TODAY, make_app, screen_text

YESTERDAY = TODAY - timedelta(days=1)


def _calendar_lines(text: str) -> list[str]:
    """The calendar's part of each screen line (it is the left 42 columns of History's top)."""
    return [line[:42] for line in text.splitlines()]


async def test_the_calendar_shows_each_days_pain_and_red_flag_as_text(journal_path: Path) -> None:
    journal = Journal(journal_path)
    journal.save_day(Day(date=TODAY - timedelta(days=3), pain_avg=10))
    journal.save_day(Day(date=YESTERDAY, pain_avg=7, red_flags=("night_pain",)))
    journal.save_day(Day(date=TODAY, pain_avg=0))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        lines = _calendar_lines(screen_text(app))
        week = next(line for line in lines if "14" in line and "15" in line)
        # Thursday 12th pain 10, Saturday 14th pain 7 with a red flag, today (selected) pain 0;
        # the 13th was not logged: its date alone.
        assert "12·10" in week and "14!7" in week and "▸15·0" in week
        assert " 13 " in week and "13·" not in week
        assert "! red flag" in "\n".join(lines)
        await pilot.press("left")
        week = next(line for line in _calendar_lines(screen_text(app)) if "14" in line and "15" in line)
        assert "▸14!7" in week and " 15·0" in week  # the mark moved with the selection
