"""Pictures of the main screens at 80x24 over the demo journal (a safety net for layout changes).

Deterministic: the date is pinned (tests/conftest.py), the demo journal ends on it, the cursor does
not blink (tests/tui/conftest.py). After an intended change, look at the new pictures, then accept
them with ``pytest tests/tui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.tui.helpers import SIZE, make_app

Compare = Callable[..., bool]


SCREENS = {
    "today": (),
    "history": ("h",),
    "past_day": ("h", "left", "left", "enter"),
    "plan": ("p",),
    "visits": ("v",),
    "help": ("question_mark",),
    "red_flag": ("tab", "tab", "tab", "tab", "left", "tab", "down", "space"),
    # The day form's tabs of day model v2, reached from the tab bar (four tabs from the average pain).
    "treatments": ("tab", "tab", "tab", "tab", "right"),
    "meds": ("tab", "tab", "tab", "tab", "right", "right", "right", "tab"),
    "mobility_sleep": ("tab", "tab", "tab", "tab", "right", "right", "right", "right"),
}


@pytest.mark.parametrize("keys", SCREENS.values(), ids=SCREENS.keys())
def test_screen_at_80x24(snap_compare: Compare, demo_path: Path, keys: tuple[str, ...]) -> None:
    assert snap_compare(make_app(demo_path), press=keys, terminal_size=SIZE)


def test_today_at_100x30(snap_compare: Compare, demo_path: Path) -> None:
    assert snap_compare(make_app(demo_path), terminal_size=(100, 30))
