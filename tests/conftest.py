"""Shared fixtures: every test runs on a fixed date, with an isolated journal and home folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from spinejournal.store import Journal

# The pinned "today" of the test suite (a Sunday), so that runs never depend on the real date.
TODAY = date(2026, 3, 15)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SPINEJOURNAL_TODAY", TODAY.isoformat())
    monkeypatch.setenv("SPINEJOURNAL_JOURNAL", str(tmp_path / "data" / "journal.json"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    # Exports go to the documents folder: ~/Documents unless XDG_DOCUMENTS_DIR or the user-dirs.dirs
    # under XDG_CONFIG_HOME say otherwise, so neither may point at the real one.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    # A palette chosen in the developer's shell would change every snapshot.
    monkeypatch.delenv("SPINEJOURNAL_PALETTE", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TZ", "UTC")


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    """Where the isolated journal of this test lives (the file may not exist yet)."""
    return tmp_path / "data" / "journal.json"


@pytest.fixture
def journal(journal_path: Path) -> Journal:
    """An empty journal at ``journal_path``."""
    return Journal(journal_path)
