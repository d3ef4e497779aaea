"""Importing a JSON export into the journal on disk: the steps that must hold the writer lock.

It sits with the export format, above the store: it needs both ``json_io.merge`` and ``Journal``,
and the store may not import the reports. The CLI asks the person and prints; this module decides
nothing on its own and prints nothing.

1. ``restore_or_probe``: into an empty journal (checked under the lock) the file goes in as is;
   otherwise nothing is written and a trial merge ("keep") lists what is new and what conflicts.
2. ``merge_into``: the merge on the journal as it is under the lock (so a day saved while the person
   was deciding is neither lost nor overwritten), keeping a copy of that journal beside it first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from spinejournal.fsutil import atomic_write_bytes
from spinejournal.model import JournalData
from spinejournal.reports.json_io import MergeResult, Prefer, is_empty, merge
from spinejournal.store import Journal

# How many "-2", "-3" ... suffixes to try when a kept copy of the same second exists.
_KEPT_SUFFIXES = 1000


def restore_or_probe(journal: Journal, incoming: JournalData) -> MergeResult | None:
    """Write ``incoming`` into ``journal`` if it is empty and return None; else write nothing and
    return the trial merge with "keep" (its ``changed`` and ``conflicts`` say what an import would do)."""
    seen: list[JournalData] = []

    def fill_empty(current: JournalData) -> JournalData:
        # Checked and written under one lock: a day the app saves meanwhile is merged later, not replaced.
        seen.append(current)
        return incoming if is_empty(current) else current

    journal.transform(fill_empty)
    current = seen[0]
    return None if is_empty(current) else merge(current, incoming, "keep")


def kept_copy_path(journal: Path, now: datetime) -> Path:
    """Where the journal as it was before an import is kept: beside it, named by the time, never
    an existing file."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    kept = journal.with_name(f"{journal.name}.before-import-{stamp}")
    for n in range(2, _KEPT_SUFFIXES):
        if not kept.exists():
            break
        kept = journal.with_name(f"{journal.name}.before-import-{stamp}-{n}")
    return kept


@dataclass(frozen=True, slots=True)
class Imported:
    """What ``merge_into`` did: the merge, whether the journal changed, and where its copy was kept."""

    result: MergeResult
    changed: bool
    kept: Path


def merge_into(journal: Journal, incoming: JournalData, prefer: Prefer, *, now: datetime | None = None) -> Imported:
    """Merge ``incoming`` into ``journal`` under its writer lock, resolving conflicts as ``prefer`` says.

    When the merge changes the journal, the journal as it was is first copied to ``kept`` (see
    ``kept_copy_path``); when it changes nothing, nothing is written or copied.
    """
    kept = kept_copy_path(journal.path, now or datetime.now())
    merged: list[tuple[MergeResult, bool]] = []

    def apply(current: JournalData) -> JournalData:
        result = merge(current, incoming, prefer)
        changed = result.data != current
        merged.append((result, changed))
        if changed:
            # The copy is of the journal exactly as the merge found it, under the same lock.
            atomic_write_bytes(kept, journal.path.read_bytes())
        return result.data

    journal.transform(apply)
    result, changed = merged[0]
    return Imported(result, changed, kept)
