"""TUI test helpers: journals to open, no cursor blink, and reading back what was stored."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from spinejournal.demo import build_demo
from spinejournal.model import Exercise
from spinejournal.store import Journal
from tests.tui.helpers import TODAY


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A blinking cursor would make screenshots depend on timing: keep it steadily on."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
    yield


@pytest.fixture
def demo_path(journal_path: Path) -> Path:
    """The isolated journal filled with the demo journal ending on the pinned date."""
    Journal(journal_path).replace_all(build_demo(end=TODAY))
    return journal_path


@pytest.fixture
def plan_path(journal_path: Path) -> Path:
    """An isolated journal with no days and a plan of two exercises (ids 1 and 2)."""
    journal = Journal(journal_path)
    journal.add_exercise(Exercise(name="Pelvic tilt", start=date(2026, 3, 1), sets=2, reps=10))
    journal.add_exercise(Exercise(name="Bird dog", start=date(2026, 3, 1), sets=2, reps=8, times_per_week=5))
    return journal_path
