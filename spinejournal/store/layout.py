"""The file format: one JSON table per line after a line of CRC-32 checksums, the schema version
and its migrations, and the tables read lazily (each parsed the first time something reads it)."""

from __future__ import annotations

import contextlib
import gc
import zlib
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import Any

import orjson

from spinejournal.store.backups import backup_hint
from spinejournal.store.errors import JournalCorruptError, JournalVersionError
from spinejournal.text import printable

SCHEMA_VERSION = 3
META_TABLE = "_meta"
# The first member of the file: each table's CRC-32, kept by the storage and never shown to TinyDB.
CHECKSUMS = "_checksums"
CHECKSUMS_PREFIX = b'{"' + CHECKSUMS.encode() + b'":'

# Days live in one table per calendar year ("days-2026"), keyed by the date's ordinal, so a
# save touches, and re-serialises, one year of data whatever the journal's age.
DAYS_PREFIX = "days-"
EXERCISES = "exercises"
VISITS = "visits"
PSFS_ACTIVITIES = "psfs_activities"
PSFS_RATINGS = "psfs_ratings"
PROFILE = "profile"
# Version 2: the medication list, PEG-3 and PGIC ratings (one per date, keyed by its ordinal) and care events.
MEDICATIONS = "medications"
PEG_SCORES = "peg_scores"
PGIC_RATINGS = "pgic_ratings"
EVENTS = "events"
# Every table of the current format but the days' (one per year) and the version stamp.
TABLES = (EXERCISES, VISITS, PSFS_ACTIVITIES, PSFS_RATINGS, PROFILE, MEDICATIONS, PEG_SCORES, PGIC_RATINGS, EVENTS)
# The tag of a JSON export (spinejournal.reports.json_io): defined here, below the reports, so the
# store can tell an export handed to it as a journal from a damaged journal.
EXPORT_FORMAT = "spinejournal-export"


# Migrations from schema version N to N + 1, each a pure function on the raw TinyDB data.
Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _add_v2_tables(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 to 2: the new tables start empty (nothing is invented for an old journal); a day's
    new fields (medications taken, sleep, mood) are optional, so every version-1 day reads as it was."""
    for name in (MEDICATIONS, PEG_SCORES, PGIC_RATINGS, EVENTS):
        data.setdefault(name, {})
    return data


def _allow_flag_only_days(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 to 3: a day may be stored without its average pain when it records a red flag.
    Every version-2 day has one, so nothing changes; the new number makes a version-2 app say
    "upgrade" instead of calling such a day damaged and offering to delete it."""
    return data


# A file with no version stamp (empty, or a plain TinyDB file with our tables) reads as version 1.
MIGRATIONS: dict[int, Migration] = {0: lambda data: data, 1: _add_v2_tables, 2: _allow_flag_only_days}


@contextlib.contextmanager
def bulk_load() -> Iterator[None]:
    """Pause the cyclic garbage collector while loading: parsing and validating years of days
    makes hundreds of thousands of small acyclic objects, and collections in the middle made the
    load grow faster than the journal (30 years: 293 ms with it, 222 ms without)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_journal_bytes(raw: bytes, source: Path) -> dict[str, Any]:
    """Parse and version-check raw journal bytes, migrating older schemas in memory."""
    return load(raw, source)[0]


def load(raw: bytes, source: Path) -> tuple[dict[str, Any], int]:
    """Parse raw journal bytes; return the data at the current schema and the version the file had.

    Tables are not checked here (see ``check_records``), only what the whole file stands on.
    """
    if not raw.strip():
        # A journal that does not exist yet is a new one; an empty file is one that lost its data.
        raise JournalCorruptError(
            f"Cannot read the journal {source}: the file is empty. It was left untouched. {backup_hint(source)}"
        )
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise JournalCorruptError(
            f"Cannot read the journal {source}: it is not valid JSON ({exc}). "
            f"It was left untouched. {backup_hint(source)}"
        ) from None
    if isinstance(data, dict):
        data.pop(CHECKSUMS, None)
    if not isinstance(data, dict):
        raise JournalCorruptError(
            f"Cannot read the journal {source}: it is not a spinejournal file. "
            f"It was left untouched. {backup_hint(source)}"
        )
    if data.get("format") == EXPORT_FORMAT:
        raise JournalCorruptError(
            f"{source} is a spinejournal export, not a journal file; nothing was changed. "
            f"Bring it into your journal with: spinejournal import {source}"
        )
    meta = data.get(META_TABLE, {})
    row = meta.get("1", {}) if isinstance(meta, dict) else None
    if not isinstance(row, dict) or not _is_version(row.get("schema_version", 0)):
        # Without a readable format version nothing else in the file can be trusted.
        raise JournalCorruptError(
            f"Cannot read the journal {source}: its table '{META_TABLE}' (the file format version) is damaged. "
            f"It was left untouched. {backup_hint(source)}"
        )
    version = found = schema_version(data)
    if version > SCHEMA_VERSION:
        raise JournalVersionError(
            f"The journal {source} was written by a newer spinejournal (file format {version}; "
            f"this version reads up to {SCHEMA_VERSION}). Please upgrade spinejournal."
        )
    for step in range(version, SCHEMA_VERSION):
        data = MIGRATIONS[step](data)
        stamp(data, step + 1)
    return data, found


def schema_version(data: Mapping[str, Any]) -> int:
    """The schema version recorded in raw journal data (0 for a file with no version)."""
    meta = data.get(META_TABLE, {})
    row = meta.get("1", {}) if isinstance(meta, dict) else {}
    version = row.get("schema_version", 0) if isinstance(row, dict) else 0
    return version if _is_version(version) else 0


def _is_version(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def stamp(data: MutableMapping[str, Any], version: int) -> None:
    data.setdefault(META_TABLE, {})["1"] = {"schema_version": version}


class Unparsed:
    """A table's JSON bytes and their CRC-32, as read from the file, not parsed yet."""

    __slots__ = ("chunk", "crc")

    def __init__(self, chunk: memoryview, crc: int) -> None:
        self.chunk = chunk
        self.crc = crc


class Tables(MutableMapping[str, dict[str, Any]]):
    """What TinyDB sees of the journal: its tables by name, each parsed when first read."""

    def __init__(self, tables: dict[str, dict[str, Any] | Unparsed], source: Path) -> None:
        self._tables = tables
        self._source = source

    def __getitem__(self, name: str) -> dict[str, Any]:
        table = self._tables[name]
        if isinstance(table, Unparsed):
            with bulk_load():
                parsed = _parse_table(table.chunk, name, self._source)
            self._tables[name] = table = parsed
        return table

    def __setitem__(self, name: str, table: dict[str, Any]) -> None:
        self._tables[name] = table

    def __delitem__(self, name: str) -> None:
        del self._tables[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)

    def peek(self, name: str) -> dict[str, Any] | Unparsed:
        """The table if it was parsed, else its bytes as read (reading nothing)."""
        return self._tables[name]

    def parsed(self) -> list[str]:
        """Names of the tables parsed so far."""
        return [name for name, table in self._tables.items() if not isinstance(table, Unparsed)]


def _parse_table(chunk: memoryview, name: str, source: Path) -> dict[str, Any]:
    """One table's bytes parsed (their checksum matched, so this fails only if the file changed
    under us in a way the checksum could not see)."""
    try:
        table = orjson.loads(chunk)
    except orjson.JSONDecodeError:
        table = None
    if not isinstance(table, dict):
        raise JournalCorruptError(
            f"Cannot read the journal {source}: its table '{name}' is damaged. "
            f"It was left untouched. {backup_hint(source)}"
        )
    return table


def had_checksums(raw: bytes) -> bool:
    """True when the file holds our checksums member (wherever an editor may have moved it)."""
    return b'"' + CHECKSUMS.encode() + b'":' in raw  # a key: a string value is never followed by ':'


def split_tables(raw: bytes) -> dict[str, Unparsed] | None:
    """The file's tables, unparsed, when it has our layout and every checksum matches; else None.

    The layout (see ``JournalStorage._serialise``) puts each member of the top-level object on its
    own line; orjson escapes every control character inside strings, so a newline byte can only be
    one of those separators. Chunks are views into ``raw``: nothing is copied.
    """
    if not raw.startswith(CHECKSUMS_PREFIX) or not raw.endswith(b"}"):
        return None
    view = memoryview(raw)
    end = len(raw) - 1  # the closing brace of the top-level object
    spans = []
    start = len(CHECKSUMS_PREFIX)
    while (newline := raw.find(b"\n", start, end)) >= 0:
        if raw[newline - 1] != ord(","):
            return None
        spans.append((start, newline - 1))
        start = newline + 1
    spans.append((start, end))
    try:
        checksums = orjson.loads(view[spans[0][0] : spans[0][1]])
    except orjson.JSONDecodeError:
        return None
    if not isinstance(checksums, dict) or len(checksums) != len(spans) - 1:
        return None
    tables: dict[str, Unparsed] = {}
    for start, stop in spans[1:]:
        name_end = raw.find(b'":', start, stop)
        if raw[start] != ord('"') or name_end < 0:
            return None
        name = raw[start + 1 : name_end].decode("utf-8", "replace")
        chunk = view[name_end + 2 : stop]
        crc = zlib.crc32(chunk)
        if checksums.get(name) != crc or orjson.dumps(name) != raw[start : name_end + 1]:
            return None
        tables[name] = Unparsed(chunk, crc)
    return tables if len(tables) == len(checksums) else None


def checksum_problems(raw: bytes) -> list[str]:
    """Each table whose checksum does not match, or one line when the layout is not ours at all."""
    if split_tables(raw) is not None:
        return []
    if not had_checksums(raw):
        return []  # written by an earlier version, before checksums: nothing to compare
    foreign = ["the file's layout is not spinejournal's, so its checksums cannot be compared (it was rewritten)"]
    first = raw.find(b"\n")
    if not raw.startswith(CHECKSUMS_PREFIX) or first < 0 or raw[first - 1] != ord(","):
        return foreign
    try:
        checksums = orjson.loads(raw[len(CHECKSUMS_PREFIX) : first - 1])
    except orjson.JSONDecodeError:
        return foreign
    if not isinstance(checksums, dict):
        return foreign
    problems = []
    seen = set()
    for line in raw[first + 1 : len(raw) - 1].split(b"\n"):
        line = line.removesuffix(b",")
        name_end = line.find(b'":')
        if not line.startswith(b'"') or name_end < 0:
            return foreign
        try:
            name = orjson.loads(line[: name_end + 1])
        except orjson.JSONDecodeError:
            return foreign
        seen.add(name)
        if checksums.get(name) != zlib.crc32(line[name_end + 2 :]):
            problems.append(f"table '{name}': its checksum does not match (it was changed outside spinejournal)")
    problems += [f"table '{name}': listed in the checksums but missing" for name in checksums if name not in seen]
    return [printable(problem, single_line=True) for problem in problems] or foreign
