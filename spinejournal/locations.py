"""Where spinejournal's files live: the one place that knows paths.

The journal defaults to ``journal.json`` in the platform's user data folder. ``--journal PATH`` on
the command line, then the ``SPINEJOURNAL_JOURNAL`` environment variable, override it. Backups and
the lock file sit beside the journal, so nothing is written outside the journal's folder.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "spinejournal"
ENV_JOURNAL = "SPINEJOURNAL_JOURNAL"
JOURNAL_FILENAME = "journal.json"


def default_journal_path() -> Path:
    """The journal file used when none is named."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / JOURNAL_FILENAME


def journal_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the journal file: explicit path, then the environment variable, then the default."""
    chosen = explicit or os.environ.get(ENV_JOURNAL)
    path = Path(chosen).expanduser() if chosen else default_journal_path()
    return path.absolute()


def backups_dir(journal: Path) -> Path:
    """The folder holding rotating backups of ``journal``."""
    return journal.parent / "backups"


def lock_path(journal: Path) -> Path:
    """The lock file that serialises writers of ``journal``."""
    return journal.with_name(journal.name + ".lock")
