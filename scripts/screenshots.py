"""Regenerate screenshots/*.svg: each screen of the app over the demo journal, on a pinned date.

Run with ``make screenshots`` (or ``.venv/bin/python scripts/screenshots.py``). The journal is a
throwaway copy of the demo in a temporary folder; nobody's own journal is read or written. Every
section listed in ``spinejournal.tui.app.SECTIONS`` gets a picture, so a new section needs no edit here.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

PINNED = date(2026, 3, 15)
SIZE = (100, 30)
OUT = Path(__file__).resolve().parent.parent / "screenshots"

# (file name, keys pressed after the app opens on Today, what the picture shows)
EXTRA_SHOTS = (
    ("today-exercises", ("tab", "tab", "tab", "tab", "right", "right"), "Today: the exercise checklist"),
    (
        "day-treatments",
        ("h", "left", "left", "enter", "tab", "tab", "tab", "tab", "right"),
        "A past day's treatments: heat, TENS and massage",
    ),
    ("today-meds", ("tab", "tab", "tab", "tab", "right", "right", "right", "tab"), "Today: the medications"),
    (
        "today-sleep",
        ("tab", "tab", "tab", "tab", "right", "right", "right", "right"),
        "Today: mobility, sleep and mood",
    ),
    ("visits-peg", ("v", "s"), "Visits: a PEG-3 score"),
    ("day-edit", ("h", "left", "left", "enter"), "A past day opened from History"),
    # 2 March: lower back, buttock / sacrum and left leg pain to the calf (the calendar's own keys)
    ("body-map", ("h", "up", "up", "right", "enter"), "Where it hurts, as a picture"),
    ("red-flag", ("tab", "tab", "tab", "tab", "left", "tab", "down", "space"), "A red flag ticked"),
    ("help", ("question_mark",), "Help"),
    ("exercise-session", ("x", *("space",) * 13), "The guided exercise session: set 2, rep 3 of 10"),
    ("changed-elsewhere", ("4", "ctrl+s"), "Today changed from the shell while the app was open"),
)


def _shell_changes_today(journal_path: Path) -> None:
    """What a second writer (the shell's quick entry) saves while the app shows Today."""
    from spinejournal.model import Day, TherapySession
    from spinejournal.store import Journal

    def change(day: Day | None) -> Day:
        assert day is not None  # the demo logs its last day
        return day.with_changes(pain_avg=2, sessions=(*day.sessions, TherapySession("ice", 10)))

    Journal(journal_path).update_day(PINNED, change)


# Shots that need another writer to change the journal after the app opened, before the keys.
MEANWHILE: dict[str, Callable[[Path], None]] = {"changed-elsewhere": _shell_changes_today}


async def _shoot(
    journal_path: Path, keys: tuple[str, ...], target: Path, title: str, meanwhile: Callable[[Path], None] | None
) -> None:
    from spinejournal.store import Journal
    from spinejournal.tui.app import SpineJournalApp

    app = SpineJournalApp(Journal(journal_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if meanwhile is not None:
            meanwhile(journal_path)
        await pilot.press(*keys)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause(0.3)
        target.write_text(app.export_screenshot(title=f"spinejournal: {title}"), encoding="utf-8")


def main() -> int:
    # Pinned before spinejournal reads the date; the demo ends on the same day.
    os.environ["SPINEJOURNAL_TODAY"] = PINNED.isoformat()
    # A made-up home, so the Export screen's default folder never shows who ran this (nothing is
    # written there: every journal lives in the temp folder below).
    os.environ["HOME"] = "/home/you"
    os.environ["XDG_CONFIG_HOME"] = "/home/you/.config"
    os.environ.pop("XDG_DOCUMENTS_DIR", None)
    from spinejournal.demo import build_demo
    from spinejournal.store import Journal
    from spinejournal.tui.app import SECTIONS

    OUT.mkdir(exist_ok=True)
    shots = [(s.mode, ((s.key,) if s.mode != "today" else ()), s.title) for s in SECTIONS]
    shots += list(EXTRA_SHOTS)
    with tempfile.TemporaryDirectory(prefix="spinejournal-shots-") as folder:
        for name, keys, title in shots:
            # A fresh demo journal each time, so no picture depends on the one before.
            journal_path = Path(folder) / f"{name}.json"
            Journal(journal_path).replace_all(build_demo(end=PINNED))
            target = OUT / f"{name}.svg"
            asyncio.run(_shoot(journal_path, tuple(keys), target, title, MEANWHILE.get(name)))
            print(f"wrote {target.relative_to(OUT.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
