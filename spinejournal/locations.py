"""Where spinejournal's files live: the one place that knows paths.

The journal defaults to ``journal.json`` in the platform's user data folder. ``--journal PATH`` on
the command line, then the ``SPINEJOURNAL_JOURNAL`` environment variable, override it. Backups and
the lock file sit beside the journal, so nothing is written outside the journal's folder. A
symlinked journal is followed to its real file once, here: the lock, temp files and backups sit beside
that file, every save goes to it, and the link stays a link.

Exports go by default to the user's documents folder, never the current directory (with ``make run``
that was the source checkout: a health-data file one ``git add .`` away from a commit).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from spinejournal.fsutil import UnsafeTargetError, describe_kind, ensure_private_dir
from spinejournal.text import printable

APP_NAME = "spinejournal"
ENV_JOURNAL = "SPINEJOURNAL_JOURNAL"
JOURNAL_FILENAME = "journal.json"
SETTINGS_FILENAME = "settings.json"


def default_journal_path() -> Path:
    """The journal file used when none is named."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / JOURNAL_FILENAME


def default_export_dir(*, create: bool = True) -> Path:
    """The folder an export goes to when none is named: the user's documents folder.

    With ``create`` a missing folder is made owner-only (0700, like every folder we make); one that
    already exists is left exactly as it is. ``create=False`` only says where it is (to show it).
    """
    from platformdirs import user_documents_path

    folder = user_documents_path()
    if create:
        ensure_private_dir(folder)
    return folder


def journal_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the journal file: explicit path, then the environment variable, then the default.

    Symbolic links are followed to the real file (which may not exist yet). Raises
    ``UnsafeTargetError`` when something that is not a regular file (a folder, a device, a named
    pipe) is there, before anything reads or writes it.
    """
    chosen = explicit or os.environ.get(ENV_JOURNAL)
    path = Path(chosen).expanduser() if chosen else default_journal_path()
    real = Path(os.path.realpath(path))
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        return real
    except OSError as exc:
        raise UnsafeTargetError(
            f"cannot use the journal {printable(str(path), single_line=True)}: {exc.strerror}"
        ) from None
    if not stat.S_ISREG(mode):
        shown = printable(str(path) if real == path.absolute() else f"{path} (-> {real})", single_line=True)
        raise UnsafeTargetError(
            f"the journal {shown} is {describe_kind(mode)}, not a file: nothing was read or written; "
            "name a journal file with --journal FILE or SPINEJOURNAL_JOURNAL"
        )
    return real


def backups_dir(journal: Path) -> Path:
    """The folder holding rotating backups of ``journal``."""
    return journal.parent / "backups"


def lock_path(journal: Path) -> Path:
    """The lock file that serialises writers of ``journal``."""
    return journal.with_name(journal.name + ".lock")


def settings_path(journal: Path) -> Path:
    """The app's settings file (the pain palette), beside ``journal`` like everything else.

    A journal that is itself named ``settings.json`` gets ``settings.json.settings.json``: the
    settings must never be written over the journal.
    """
    path = journal.with_name(SETTINGS_FILENAME)
    return journal.with_name(f"{journal.name}.{SETTINGS_FILENAME}") if path == journal else path
