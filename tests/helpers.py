"""Helpers shared by the command-line tests."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from spinejournal.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the command line in-process as a person would type it; return (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def shell(*args: str) -> str:
    """Run the real CLI in its own process (a second writer beside the test's), on the test's journal
    and pinned date (from the environment); it must succeed. Returns its standard output."""
    done = subprocess.run(
        [sys.executable, "-m", "spinejournal", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout
