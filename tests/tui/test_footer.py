"""The keys at the bottom of every screen: they follow the cursor, a click presses one, grouped keys
share their group's description, and the palette key stays in sight on a narrow screen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.app import App
from textual.command import CommandPalette

from spinejournal.tui.widgets.key_bar import KeyBar
from spinejournal.tui.widgets.pain_calendar import PainCalendar
from tests.tui.helpers import SIZE, make_app, screen_text

# From the average pain (where the cursor starts), four tabs reach the tab bar on "Where".
TO_THE_TABS = ("tab", "tab", "tab", "tab")


def key_bar_text(app: App[None]) -> str:
    return str(app.screen.query_one(KeyBar).render())


def key_bar_backgrounds(app: App[None]) -> list[str]:
    """The background of each cell of the key bar, as drawn now."""
    bar = app.screen.query_one(KeyBar)
    strip = app.screen._compositor.render_strips()[bar.region.y]
    return [str(segment.style.bgcolor) if segment.style else "" for segment in strip for _ in segment.text]


async def test_the_keys_follow_the_cursor(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        on_a_scale = key_bar_text(app)
        assert "0-9 Pain" in on_a_scale and "^s Save" in on_a_scale and on_a_scale.rstrip().endswith("▏^p palette")
        await pilot.press(*TO_THE_TABS)
        await pilot.pause()
        on_the_tabs = key_bar_text(app)
        assert "0-9 Pain" not in on_the_tabs and "^s Save" in on_the_tabs
        await pilot.press("shift+tab")  # back to the arm/leg pain scale
        await pilot.pause()
        assert key_bar_text(app) == on_a_scale


async def test_clicking_a_key_presses_it(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        assert "● unsaved" in screen_text(app)
        save = key_bar_text(app).index("^s Save")
        await pilot.click(KeyBar, offset=(save + 2, 0))
        await pilot.pause()
        assert "✓ saved" in screen_text(app)


async def test_the_key_under_the_mouse_lights_up(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        still = key_bar_backgrounds(app)
        save = key_bar_text(app).index("^s Save")
        await pilot.hover(KeyBar, offset=(save + 2, 0))
        await pilot.pause()
        lit = key_bar_backgrounds(app)
        changed = [x for x, (before, now) in enumerate(zip(still, lit, strict=True)) if before != now]
        assert changed == list(range(save - 1, save + len("^s Save") + 1))  # " ^s Save ", all of it
        await pilot.hover("#day-header")
        await pilot.pause()
        assert key_bar_backgrounds(app) == still


async def test_grouped_keys_share_their_description_and_a_click_on_one_presses_it(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        # The calendar's month keys, one group: each key alone, then the group's description once.
        assert key_bar_text(app).startswith(" pgup pgdn Month  ⏎ Open day  del Delete day")
        assert app.screen.query_one(PainCalendar).selected == date(2026, 3, 15)
        await pilot.click(KeyBar, offset=(key_bar_text(app).index("pgdn") + 1, 0))
        await pilot.pause()
        assert app.screen.query_one(PainCalendar).selected == date(2026, 4, 15)  # a month on


async def test_the_visits_keys_leave_room_for_quit_and_help_at_80_columns(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert key_bar_text(app) == " a Visit  del Remove  r Rate  s PEG-3  i PGIC  ^q Quit  ? Help      ▏^p palette "


async def test_the_palette_key_stays_at_the_right_end_when_the_keys_do_not_fit(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        # The Visits keys run under the palette key, which is drawn over them (as Textual's footer).
        shown = " a Visit  del Remove  r Rate  s PEG-3  i PGIC  ^▏^p palette "
        assert key_bar_text(app) == shown
        await pilot.click(KeyBar, offset=(shown.index("^p") + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
