"""Shell completion: the scripts, sourced in a real shell, and the names they offer from the journal."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from spinejournal.model import EVENT_KINDS, Exercise, Medication, PsfsActivity
from spinejournal.store import Journal
from tests.helpers import run

from .conftest import TODAY

BIN = Path(sys.executable).parent


@pytest.fixture
def planned(journal_path: Path) -> Path:
    """A journal whose plan holds 'Pelvic tilt' and 'Bridge', and a retired 'Cat camel'."""
    journal = Journal(journal_path)
    for name in ("Pelvic tilt", "Bridge", "Cat camel"):
        journal.add_exercise(Exercise(name=name, start=TODAY))
    cat = next(e for e in journal.exercises() if e.name == "Cat camel")
    journal.retire_exercise(cat.id, TODAY)
    journal.add_psfs_activity(PsfsActivity(name="Walk the dog"))
    return journal_path


def bash_complete(capsys: pytest.CaptureFixture[str], *words: str) -> list[str]:
    """COMPREPLY after bash's completion function ran on ``words`` (the last is under the cursor)."""
    code, script, _ = run(capsys, "completion", "bash")
    assert code == 0
    typed = shlex.join(("spinejournal", *words))
    probe = f"{script}\nCOMP_WORDS=({typed}); COMP_CWORD={len(words)}\n_spinejournal_complete\n"
    probe += 'printf "%s\\n" "${COMPREPLY[@]}"\n'
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(["bash", "--norc", "-c", probe], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines() if done.stdout != "\n" else []


def test_bash_completes_exercise_names_of_the_current_plan_quoted(
    capsys: pytest.CaptureFixture[str], planned: Path
) -> None:
    assert bash_complete(capsys, "log", "--did", "Pel") == ["'Pelvic tilt'"]
    # An open quote is part of the word being completed: the whole word is replaced.
    assert bash_complete(capsys, "log", "--pain", "3", "--partial", '"pel') == ["'Pelvic tilt'"]
    # The retired 'Cat camel' is not offered.
    assert bash_complete(capsys, "log", "--skipped", "") == ["'Pelvic tilt'", "Bridge"]
    # What bash inserts reads back as the name.
    done = subprocess.run(["bash", "-c", "set -- 'Pelvic tilt'; printf %s \"$1\""], capture_output=True, text=True)
    assert done.stdout == "Pelvic tilt"


def test_bash_completes_commands_and_options(capsys: pytest.CaptureFixture[str], planned: Path) -> None:
    assert bash_complete(capsys, "p") == ["plan", "psfs", "peg", "pgic", "profile"]
    assert bash_complete(capsys, "plan", "") == ["add", "list", "retire"]
    assert bash_complete(capsys, "show", "-") == ["--days", "--json", "-h", "--help"]
    assert bash_complete(capsys, "--j") == ["--journal"]
    assert bash_complete(capsys, "trends", "--range", "") == ["since-visit", "4w", "3m", "all"]


def test_bash_completes_current_medication_names_quoted(capsys: pytest.CaptureFixture[str], planned: Path) -> None:
    journal = Journal(planned)
    journal.add_medication(Medication(name="Vitamin D", start=TODAY, per_day=1))
    stopped = journal.add_medication(Medication(name="Codeine", start=TODAY, as_needed=True))
    journal.stop_medication(stopped.id, TODAY)
    assert bash_complete(capsys, "log", "--pain", "3", "--took", "v") == ["'Vitamin D'"]
    assert bash_complete(capsys, "med", "stop", "") == ["'Vitamin D'"]
    assert bash_complete(capsys, "med", "change", '"vit') == ["'Vitamin D'"]
    assert bash_complete(capsys, "event", "add", "x", "--kind", "") == list(EVENT_KINDS)


def test_activities_and_backups_are_completed(capsys: pytest.CaptureFixture[str], planned: Path) -> None:
    assert bash_complete(capsys, "psfs", "rate", "w") == ["'Walk the dog'"]
    # The day's first save made a backup (journal-2026-03-15.json).
    assert bash_complete(capsys, "restore", "") == [f"journal-{TODAY}.json", "latest"]


def test_a_missing_or_damaged_journal_completes_nothing_and_is_not_written(
    capsys: pytest.CaptureFixture[str], journal_path: Path, tmp_path: Path
) -> None:
    assert bash_complete(capsys, "log", "--did", "") == []
    assert not journal_path.parent.exists()
    journal_path.parent.mkdir(parents=True)
    journal_path.write_text("{ not json")
    assert bash_complete(capsys, "log", "--did", "") == []
    assert bash_complete(capsys, "psfs", "rate", "") == []
    assert sorted(p.name for p in journal_path.parent.iterdir()) == ["journal.json"]
    assert journal_path.read_text() == "{ not json"
    # --journal names the journal to read, as for the command itself.
    other = tmp_path / "other.json"
    Journal(other).add_exercise(Exercise(name="Side plank", start=TODAY))
    assert bash_complete(capsys, "--journal", str(other), "log", "--did", "") == ["'Side plank'"]


def test_completing_names_loads_neither_textual_nor_the_days(planned: Path) -> None:
    probe = (
        "import os, sys; os.environ['SPINEJOURNAL_COMPLETE'] = 'bash'\n"
        "from spinejournal.cli import main\n"
        "try:\n    main(['log', '--did', 'B'])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('textual', 'spinejournal.insights'))))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout.splitlines() == ["Bridge", "[]"], done.stderr


@pytest.mark.parametrize(("shell", "check"), [("zsh", ["zsh", "-n"]), ("fish", ["fish", "--no-execute"])])
def test_zsh_and_fish_scripts_parse(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shell: str, check: list[str]
) -> None:
    code, script, _ = run(capsys, "completion", shell)
    assert code == 0 and "SPINEJOURNAL_COMPLETE=" in script
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed: its script is generated but not syntax-checked")
    path = tmp_path / f"spinejournal.{shell}"
    path.write_text(script)
    done = subprocess.run([*check, str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_an_unknown_shell_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "completion", "tcsh")
    assert (code, out) == (2, "")
    assert err == (
        "spinejournal: error: Invalid value for 'SHELL': 'tcsh' is not one of 'bash', 'zsh', 'fish'. "
        "(see: spinejournal completion --help)\n"
    )
