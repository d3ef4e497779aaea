"""The footer lists the keys of the field with the cursor, and is rebuilt only when they change."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from tests.tui.helpers import SIZE, make_app

# From the average pain (where the cursor starts), four tabs reach the tab bar on "Where".
TO_THE_TABS = ("tab", "tab", "tab", "tab")


def footer_keys(app: App[None]) -> list[str]:
    return [str(key.render()).strip() for key in app.screen.query("FooterKey")]


async def test_footer_follows_the_cursor(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        on_a_scale = footer_keys(app)
        assert "0-9 Pain" in on_a_scale and "^s Save" in on_a_scale
        await pilot.press(*TO_THE_TABS)
        await pilot.pause()
        on_the_tabs = footer_keys(app)
        assert "0-9 Pain" not in on_the_tabs and "^s Save" in on_the_tabs
        await pilot.press("shift+tab")  # back to the arm/leg pain scale
        await pilot.pause()
        assert footer_keys(app) == on_a_scale


async def test_moving_between_fields_with_the_same_keys_keeps_the_footer(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = list(app.screen.query("FooterKey"))
        await pilot.press("down", "down")  # average pain -> pain now -> worst: the same keys
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "pain-worst"
        assert list(app.screen.query("FooterKey")) == before  # the very same keys, not rebuilt
