"""Helpers shared by the TUI tests."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from rich.console import Console
from textual.app import App

from spinejournal.model import JournalData
from spinejournal.store import Journal
from spinejournal.tui.app import SpineJournalApp

TODAY = date(2026, 3, 15)  # the suite's pinned date (tests/conftest.py)
SIZE = (80, 24)  # the smallest terminal the app promises to work in

# What a person might type or paste into a note: markup, a live-link attempt, an ANSI escape.
HOSTILE = "[/] [bold]x [@click=app.quit]x[/] \x1b[31mred"


def stored(path: Path) -> JournalData:
    """What is on disk now, read by a fresh Journal (never the app's cache)."""
    return Journal(path).data()


def make_app(path: Path) -> SpineJournalApp:
    return SpineJournalApp(Journal(path))


def screen_text(app: App[None]) -> str:
    """Everything visible on the terminal now, as plain text (what a person would read)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False)
    # The same rendering export_screenshot() uses, exported as text instead of SVG.
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()
