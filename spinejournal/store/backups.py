"""Backups beside the journal: the copy before the first write of each day, kept ``BACKUP_KEEP`` deep."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from spinejournal.fsutil import atomic_copy, ensure_private_dir
from spinejournal.locations import backups_dir

BACKUP_KEEP = 7


def list_backups(journal: Path) -> list[Path]:
    """Backups of ``journal``, newest first."""
    folder = backups_dir(journal)
    if not folder.is_dir():
        return []
    pattern = re.compile(rf"^{re.escape(journal.stem)}-(pre-v\d+-)?\d{{4}}-\d{{2}}-\d{{2}}\.json$")
    found = [p for p in folder.iterdir() if pattern.match(p.name)]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def backup_hint(journal: Path) -> str:
    backups = list_backups(journal)
    if not backups:
        return "No backups were found."
    return (
        f"{len(backups)} backup(s) in {backups_dir(journal)}; "
        f"restore the newest with: spinejournal --journal {journal} restore latest"
    )


def copy_backup(journal: Path, label: str) -> None:
    """Copy ``journal`` to ``backups/<stem>-<label>.json``, unless that backup exists already."""
    target = backups_dir(journal) / f"{journal.stem}-{label}.json"
    if target.exists():
        return
    ensure_private_dir(target.parent)
    atomic_copy(journal, target)


def prune_backups(journal: Path) -> None:
    """Delete all but the newest ``BACKUP_KEEP`` daily backups (the pre-migration copies are kept)."""
    for old in [p for p in list_backups(journal) if "-pre-v" not in p.name][BACKUP_KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()
