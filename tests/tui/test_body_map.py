"""The Where tab's body picture: what is ticked lights up, at 80x24 and 100x30, and it takes no keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from spinejournal.model import Day, Radiating
from spinejournal.store import Journal
from spinejournal.tui.body_outline import HEIGHT, LEGEND, LIT, WIDTH, draw
from spinejournal.tui.widgets.body_map import BodyMap
from tests.tui.helpers import SIZE, TODAY, make_app, screen_text, stored


def picture(text: str) -> list[str]:
    """The body picture on screen: the right-hand WIDTH columns from its first line to its legend."""
    lines = text.splitlines()
    top = next(row for row, line in enumerate(lines) if line.rstrip().endswith("L   ╭───╮   R"))
    return [line[-WIDTH:] for line in lines[top : top + HEIGHT]]


async def _tick_lower_back_and_left_calf(pilot: Pilot[None]) -> None:
    screen = pilot.app.screen
    screen.query_one("#regions").focus()
    await pilot.press("down", "down", "down", "space")  # Neck, Upper back, Mid back, Lower back
    screen.query_one("#limb-left_leg").focus()
    await pilot.press("right", "right", "right")  # no -> Buttock -> Thigh -> Calf
    await pilot.pause()


@pytest.mark.parametrize("size", [SIZE, (100, 30)])
async def test_ticked_regions_and_leg_reach_light_up(journal_path: Path, size: tuple[int, int]) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("4")  # average pain, so the day can be saved
        shown = picture(screen_text(app))
        assert shown == list(draw().lines)  # nothing ticked: nothing lit
        assert LIT not in "".join(shown[:-1]) and shown[-1].strip() == LEGEND
        await _tick_lower_back_and_left_calf(pilot)
        shown = picture(screen_text(app))
        assert shown == list(draw(["lower_back"], {"left_leg": "calf"}).lines)
        assert shown[6] == "   ░░ ███████ ░░   "  # the lower back's band
        assert shown[12] == "      ███ ░░░      "  # the left calf (seen from behind: on the left)
        assert shown[13] == "     ░░░   ░░░     "  # the pain does not reach the foot
        await pilot.press("ctrl+s")
    day = stored(journal_path).day(TODAY)
    assert day is not None and day.regions == ("lower_back",) and day.radiating == (Radiating("left_leg", "calf"),)


async def test_unticking_puts_the_picture_out(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await _tick_lower_back_and_left_calf(pilot)
        await pilot.press("left", "left", "left")  # the leg back to "no"
        app.screen.query_one("#regions").focus()
        await pilot.press("space")  # the list's cursor is still on Lower back
        await pilot.pause()
        assert picture(screen_text(app)) == list(draw().lines)


async def test_a_logged_day_opens_with_its_picture(journal_path: Path) -> None:
    Journal(journal_path).save_day(
        Day(TODAY, pain_avg=5, regions=("neck",), radiating=(Radiating("right_arm", "forearm"),))
    )
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = picture(screen_text(app))
        assert shown == list(draw(["neck"], {"right_arm": "forearm"}).lines)
        assert shown[2] == "        ███        " and shown[3].endswith("███   ")  # the neck; the right shoulder


async def test_the_picture_never_takes_the_focus(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        body_map = app.screen.query_one(BodyMap)
        assert body_map not in app.screen.focus_chain
        for _ in range(12):
            await pilot.press("tab")
            assert app.focused is not body_map
