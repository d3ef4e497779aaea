"""``spinejournal --demo COMMAND`` runs the command on throwaway sample data, never on the journal."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest

from tests.helpers import run

from .conftest import TODAY


@pytest.fixture
def damaged(journal_path: Path) -> Path:
    """A real journal any read would fail on, so a command that touched it could not succeed."""
    journal_path.parent.mkdir(parents=True)
    journal_path.write_text("{ not json")
    return journal_path


@pytest.fixture(autouse=True)
def _own_temp_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Where the sample journal is made, apart from other tests running at the same time.
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))


def _demo_folders() -> list[str]:
    return [p.name for p in Path(tempfile.gettempdir()).iterdir()]


def test_a_read_only_command_shows_the_sample(capsys: pytest.CaptureFixture[str], damaged: Path) -> None:
    code, out, err = run(capsys, "--demo", "show", "--json", "--days", "7")
    assert (code, err) == (0, "")
    assert len(json.loads(out)) == 7  # the sample has every day logged
    assert damaged.read_text() == "{ not json"
    assert sorted(p.name for p in damaged.parent.iterdir()) == ["journal.json"]
    assert _demo_folders() == []


def test_export_writes_the_sample_not_the_journal(
    capsys: pytest.CaptureFixture[str], damaged: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.json"
    code, _, err = run(capsys, "--demo", "export", "--format", "json", "-o", str(target))
    assert (code, err) == (0, "")
    assert len(json.loads(target.read_text())["days"]) > 100
    assert damaged.read_text() == "{ not json"


def test_a_write_changes_the_sample_only_and_is_not_kept(
    capsys: pytest.CaptureFixture[str], journal_path: Path
) -> None:
    assert run(capsys, "log", "--pain", "2")[0] == 0
    real = journal_path.read_bytes()
    code, out, err = run(capsys, "--demo", "log", "--note", "tried the demo")
    assert (code, out, err) == (0, f"Updated {TODAY}: average pain 3/10.\n", "")
    assert journal_path.read_bytes() == real
    assert _demo_folders() == []
