"""The keys at the bottom: they follow the cursor, a click presses one, and the footer of the
other screens is rebuilt only when its keys change."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from spinejournal.tui.widgets.key_bar import KeyBar
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


async def test_coming_back_to_a_screen_with_the_same_keys_keeps_its_footer(plan_path: Path) -> None:
    app = make_app(plan_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        before = list(app.screen.query("FooterKey"))
        assert before
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("p")  # back to the Plan: the same keys as when it was left
        await pilot.pause()
        assert list(app.screen.query("FooterKey")) == before  # the very same keys, not rebuilt
