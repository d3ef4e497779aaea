"""Pain colours that do not carry the meaning alone: the calendar's numbers and marks in plain text,
and the colour-blind-safe palette offered as a setting."""

from __future__ import annotations

import json
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from textual.color import Color
from textual.pilot import Pilot

from spinejournal.demo import build_demo
from spinejournal.model import Day
from spinejournal.store import Journal
from spinejournal.tui.app import SpineJournalApp
from spinejournal.tui.pain_colors import BLUES, current_palette, pain_color
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


# -- the colour-blind-safe palette, a setting ------------------------------------------------------

NAVY = BLUES[-1]  # the deepest blue: pain 0 on a dark theme (more pain is paler, so it stands out)


def toasts(text: str) -> str:
    """The notifications' words on screen, their lines joined (a long one wraps inside its toast)."""
    return " ".join(line.rpartition("▌")[2].strip() for line in text.splitlines() if "▌" in line)


async def _choose_blues(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+p", *"colour-blind")
    await pilot.pause(0.3)  # the palette searches in the background
    await pilot.press("enter")
    await pilot.pause()


async def test_the_blues_are_chosen_in_the_command_palette_and_kept(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("0")  # average pain 0: its number is drawn on its pain colour
        assert NAVY not in app.export_screenshot()
        await _choose_blues(pilot)
        assert NAVY in app.export_screenshot()  # the scale on screen changed at once
        assert "Pain colours saved." in toasts(screen_text(app))
    settings = journal_path.parent / "settings.json"
    assert json.loads(settings.read_text(encoding="utf-8")) == {"pain_palette": "blues"}
    assert stat.S_IMODE(settings.stat().st_mode) == 0o600
    again = make_app(journal_path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("0")
        assert current_palette() == "blues" and NAVY in again.export_screenshot()
        await pilot.press("ctrl+p", *"pain colours")
        await pilot.pause(0.3)
        assert "Pain colours: the theme (green to red)" in screen_text(again)  # the way back


async def test_a_damaged_settings_file_is_said_in_one_line_and_left_alone(journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    settings = journal_path.parent / "settings.json"
    settings.write_bytes(b'{"pain_palette": ')
    app = make_app(journal_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert "is damaged (not JSON)" in toasts(screen_text(app)) and current_palette() == "theme"
        await _choose_blues(pilot)
        assert current_palette() == "blues"
        assert "Pain colours changed until you quit" in toasts(screen_text(app))
    assert settings.read_bytes() == b'{"pain_palette": '


async def test_no_color_starts_with_the_blues_unless_a_palette_was_chosen(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(journal_path)
    async with app.run_test(size=SIZE):
        assert app.no_color and current_palette() == "blues"
    monkeypatch.setenv("SPINEJOURNAL_PALETTE", "theme")
    async with make_app(journal_path).run_test(size=SIZE):
        assert current_palette() == "theme"


async def test_a_review_switches_the_palette_but_writes_nothing(tmp_path: Path) -> None:
    before = sorted(tmp_path.rglob("*"))
    app = SpineJournalApp(Journal.from_data(build_demo(end=TODAY)))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _choose_blues(pilot)
        assert current_palette() == "blues" and "nothing is saved in a review" in toasts(screen_text(app))
    assert sorted(tmp_path.rglob("*")) == before


def _greys(variables: dict[str, str], palette: str) -> list[int]:
    """What NO_COLOR's monochrome filter turns each pain's colour into (Textual's Color.monochrome)."""
    return [pain_color(variables, pain, palette).monochrome.r for pain in range(11)]


def test_the_blues_stay_in_order_in_grey_and_the_theme_ramp_does_not() -> None:
    dark, light = {"background": "#121212"}, {"background": "#ffffff"}
    assert _greys(dark, "blues") == sorted(_greys(dark, "blues"))  # paler with more pain on a dark theme
    assert _greys(light, "blues") == sorted(_greys(light, "blues"), reverse=True)  # deeper on a light one
    assert pain_color(dark, 0, "blues") == Color.parse(NAVY) and pain_color(light, 0, "blues") == Color.parse(BLUES[0])
    theme = _greys({}, "theme")  # green 0, amber 5, red 10: amber is the lightest grey, red the darkest
    assert theme[5] > theme[0] > theme[10]


async def test_a_palette_chosen_on_history_shows_on_today_too(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("0", "h")  # Today's average pain 0, then to History
        await _choose_blues(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert NAVY in app.export_screenshot()  # Today's scale, drawn before the switch, was redrawn


async def test_hostile_text_in_the_settings_file_is_shown_never_obeyed(journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    settings = journal_path.parent / "settings.json"
    settings.write_text(json.dumps({"pain_palette": "[@click=app.quit]x[/]"}), encoding="utf-8")
    app = make_app(journal_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert app.is_running and current_palette() == "theme"
        assert "names a pain palette we do not know: '[@click=app.quit]x[/]'" in toasts(screen_text(app))
