"""The journal file: TinyDB made durable, shared safely between processes.

- ``JournalStorage`` is a TinyDB storage that keeps the data in memory, notices when another
  process replaced the file (by its inode, size and mtime), and writes atomically.
- The file is plain JSON with one table per line, after a line of CRC-32 checksums of each table.
  Opening it parses no table: each is parsed the first time something reads it, and a table never
  read is written back as the very bytes it was read from. A quick entry on a 10-year journal parses
  this year's days only. When a checksum does not match (the file was edited by hand, or by another
  tool) or the layout is not ours, the whole file is parsed and every record is read strictly: a
  hand edit whose records all check out is kept (and said so once, at the next save); any problem
  refuses every write, naming the first, while reading still shows the records that are valid.
- Writers serialise on an ``flock`` of a lock file beside the journal. Each change re-reads a file
  another process changed before applying itself, so concurrent writers never lose each other's
  saves; a writer that cannot get the lock in time fails with a clear message.
- The file carries a schema version; older files are migrated (after a backup), newer ones refused.
- Before the first write of each day, the current file is copied to ``backups/``; the newest
  ``BACKUP_KEEP`` copies are kept.
- A file that cannot be parsed, or is empty, is never written over: every write refuses until it
  is restored. ``check_journal`` lists every problem of a file without opening it as a journal.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import fcntl
import gc
import os
import re
import time
import zlib
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from spinejournal import clock
from spinejournal.fsutil import PRIVATE_FILE, atomic_copy, atomic_write_bytes, ensure_private_dir
from spinejournal.locations import backups_dir, lock_path
from spinejournal.model import (
    Day,
    Exercise,
    JournalData,
    Profile,
    PsfsActivity,
    PsfsRating,
    ValidationError,
    Visit,
    name_key,
)
from spinejournal.text import printable

SCHEMA_VERSION = 1
META_TABLE = "_meta"
# The first member of the file: each table's CRC-32, kept by the storage and never shown to TinyDB.
CHECKSUMS = "_checksums"
_CHECKSUMS_PREFIX = b'{"' + CHECKSUMS.encode() + b'":'
BACKUP_KEEP = 7
LOCK_TIMEOUT = 5.0

# Migrations from schema version N to N + 1, each a pure function on the raw TinyDB data.
Migration = Callable[[dict[str, Any]], dict[str, Any]]
# A file with no version stamp (empty, or a plain TinyDB file with our tables) reads as version 1.
MIGRATIONS: dict[int, Migration] = {0: lambda data: data}


class JournalError(Exception):
    """A problem with the journal file. ``str()`` is a message fit to show a person."""


class JournalCorruptError(JournalError):
    """The journal file exists but cannot be read; it is never written over."""


class JournalVersionError(JournalError):
    """The journal was written by a newer spinejournal."""


class JournalBusyError(JournalError):
    """Another process held the journal's lock for too long."""


class JournalReadOnlyError(JournalError):
    """A change was asked of a journal opened read-only."""


class JournalConflictError(JournalError):
    """The record changed elsewhere since the writer read it, in a way that cannot be merged;
    nothing was saved. ``current`` is the record as stored now (None when it is gone) and
    ``fields`` the clashing fields of a day (keys of ``spinejournal.merge.FIELD_LABELS``)."""

    def __init__(self, message: str, current: object, fields: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.current = current
        self.fields = fields


class NotGiven(enum.Enum):
    """The type of ``NOT_GIVEN``."""

    NOT_GIVEN = "not given"


NOT_GIVEN: Final = NotGiven.NOT_GIVEN
"""``expected=`` left out: the writer read nothing to check against, so the record is replaced as is.
Writers that show a record and save it later (every screen of the app) pass what they read."""


@contextlib.contextmanager
def _bulk_load() -> Iterator[None]:
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


def _signature(path: Path) -> tuple[int, int, int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def list_backups(journal: Path) -> list[Path]:
    """Backups of ``journal``, newest first."""
    folder = backups_dir(journal)
    if not folder.is_dir():
        return []
    pattern = re.compile(rf"^{re.escape(journal.stem)}-(pre-v\d+-)?\d{{4}}-\d{{2}}-\d{{2}}\.json$")
    found = [p for p in folder.iterdir() if pattern.match(p.name)]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def _backup_hint(journal: Path) -> str:
    backups = list_backups(journal)
    if not backups:
        return "No backups were found."
    return (
        f"{len(backups)} backup(s) in {backups_dir(journal)}; "
        f"restore the newest with: spinejournal --journal {journal} restore latest"
    )


def parse_journal_bytes(raw: bytes, source: Path) -> dict[str, Any]:
    """Parse and version-check raw journal bytes, migrating older schemas in memory."""
    return _load(raw, source)[0]


def _load(raw: bytes, source: Path) -> tuple[dict[str, Any], int]:
    """Parse raw journal bytes; return the data at the current schema and the version the file had.

    Tables are not checked here (see ``check_records``), only what the whole file stands on.
    """
    if not raw.strip():
        # A journal that does not exist yet is a new one; an empty file is one that lost its data.
        raise JournalCorruptError(
            f"Cannot read the journal {source}: the file is empty. It was left untouched. {_backup_hint(source)}"
        )
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise JournalCorruptError(
            f"Cannot read the journal {source}: it is not valid JSON ({exc}). "
            f"It was left untouched. {_backup_hint(source)}"
        ) from None
    if isinstance(data, dict):
        data.pop(CHECKSUMS, None)
    if not isinstance(data, dict):
        raise JournalCorruptError(
            f"Cannot read the journal {source}: it is not a spinejournal file. "
            f"It was left untouched. {_backup_hint(source)}"
        )
    if "format" in data:
        from spinejournal.reports.json_io import EXPORT_FORMAT

        if data["format"] == EXPORT_FORMAT:
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
            f"It was left untouched. {_backup_hint(source)}"
        )
    version = found = schema_version(data)
    if version > SCHEMA_VERSION:
        raise JournalVersionError(
            f"The journal {source} was written by a newer spinejournal (file format {version}; "
            f"this version reads up to {SCHEMA_VERSION}). Please upgrade spinejournal."
        )
    for step in range(version, SCHEMA_VERSION):
        data = MIGRATIONS[step](data)
        _stamp(data, step + 1)
    return data, found


def schema_version(data: Mapping[str, Any]) -> int:
    """The schema version recorded in raw journal data (0 for a file with no version)."""
    meta = data.get(META_TABLE, {})
    row = meta.get("1", {}) if isinstance(meta, dict) else {}
    version = row.get("schema_version", 0) if isinstance(row, dict) else 0
    return version if _is_version(version) else 0


def _is_version(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _stamp(data: dict[str, Any], version: int) -> None:
    data.setdefault(META_TABLE, {})["1"] = {"schema_version": version}


class RecordCheck:
    """What ``check_records`` found: the tables holding only the valid records, and each problem."""

    # A plain class, not a dataclass: building one at import costs quick entry a millisecond.
    __slots__ = ("problems", "tables")

    def __init__(self, tables: dict[str, dict[str, Any]], problems: tuple[str, ...]) -> None:
        self.tables = tables
        self.problems = problems

    def count(self, table: str) -> int:
        """How many valid records ``table`` holds (every year's days for ``Journal.DAYS_PREFIX``)."""
        days = table == Journal.DAYS_PREFIX
        return sum(len(t) for name, t in self.tables.items() if name == table or (days and name.startswith(table)))


def _record_key(key: str, high: int = 10**9) -> int | None:
    """A table key as TinyDB writes it (a document id in decimal, no sign or leading zero), else None."""
    if key.isascii() and key.isdecimal() and len(key) <= 10 and str(int(key)) == key and 1 <= int(key) <= high:
        return int(key)
    return None


def _check_record(table: str, key: str, doc: Any) -> tuple[str, str | None]:
    """Where a stored record is, in words, and what is wrong with it (None when it is valid)."""
    days_year = table.removeprefix(Journal.DAYS_PREFIX) if table.startswith(Journal.DAYS_PREFIX) else None
    high = date.max.toordinal() if days_year is not None or table == Journal.VISITS else 10**9
    number = _record_key(key, high)
    if days_year is not None or table == Journal.VISITS:
        what = "day" if days_year is not None else "visit"
        where = f"{what} {date.fromordinal(number)}" if number else f"table '{table}', record '{key}'"
    elif table == Journal.EXERCISES:
        name = doc.get("name") if isinstance(doc, dict) else None
        where = f"exercise '{name}'" if isinstance(name, str) else f"exercise {key}"
    else:
        where = {
            Journal.PSFS_ACTIVITIES: "PSFS activity",
            Journal.PSFS_RATINGS: "PSFS rating",
            Journal.PROFILE: "profile",
        }[table] + ("" if table == Journal.PROFILE else f" {key}")
    if number is None or (table == Journal.PROFILE and number != 1):
        expected = "its date as a day number" if days_year is not None or table == Journal.VISITS else "a whole number"
        return where, f"its key must be {expected} (got '{key}')"
    try:
        if days_year is not None:
            day = Day.from_dict(doc)
            if day.date.toordinal() != number or str(day.date.year) != days_year:
                return where, f"holds the day {day.date}: each day must be stored under its own date"
        elif table == Journal.VISITS:
            visit = Visit.from_dict(doc)
            if visit.date.toordinal() != number:
                return where, f"holds the visit of {visit.date}: each visit must be stored under its own date"
        elif table == Journal.EXERCISES:
            Exercise.from_dict(doc, id=number)
        elif table == Journal.PSFS_ACTIVITIES:
            PsfsActivity.from_dict(doc, id=number)
        elif table == Journal.PSFS_RATINGS:
            PsfsRating.from_dict(doc)
        else:
            Profile.from_dict(doc)
    except ValidationError as exc:
        return where, str(exc)
    return where, None


def _is_table(name: str) -> bool:
    if name.startswith(Journal.DAYS_PREFIX):
        year = name.removeprefix(Journal.DAYS_PREFIX)
        return year.isascii() and year.isdecimal() and len(year) <= 4 and str(int(year)) == year
    return name in (Journal.EXERCISES, Journal.VISITS, Journal.PSFS_ACTIVITIES, Journal.PSFS_RATINGS, Journal.PROFILE)


def check_records(data: Mapping[str, Any]) -> RecordCheck:
    """Every record of parsed journal ``data`` read strictly, as the model reads it, in one pass.

    Used when the file's checksums do not match (a hand edit or damage) and by ``check_journal``.
    Problems name the table, or the date of a day, and the field; the tables returned keep only the
    records that are valid, so what is readable can still be shown.
    """
    tables: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    for name, table in data.items():
        if name == META_TABLE:
            tables[name] = table  # checked by _load: the version decides how the rest is read
            continue
        shown = printable(name, single_line=True)
        if not _is_table(name):
            problems.append(f"table '{shown}': not a spinejournal table")
            continue
        if not isinstance(table, dict):
            problems.append(f"table '{shown}': must be an object of records (got {type(table).__name__})")
            continue
        kept: dict[str, Any] = {}
        for key, doc in table.items():
            where, problem = _check_record(name, key, doc)
            if problem is None:
                kept[key] = doc
            else:
                problems.append(printable(f"{where}: {problem}", single_line=True))
        tables[name] = kept
    return RecordCheck(tables=tables, problems=tuple(problems))


class _Unparsed:
    """A table's JSON bytes and their CRC-32, as read from the file, not parsed yet."""

    __slots__ = ("chunk", "crc")

    def __init__(self, chunk: memoryview, crc: int) -> None:
        self.chunk = chunk
        self.crc = crc


class Tables(MutableMapping[str, dict[str, Any]]):
    """What TinyDB sees of the journal: its tables by name, each parsed when first read."""

    def __init__(self, tables: dict[str, dict[str, Any] | _Unparsed], source: Path) -> None:
        self._tables = tables
        self._source = source

    def __getitem__(self, name: str) -> dict[str, Any]:
        table = self._tables[name]
        if isinstance(table, _Unparsed):
            with _bulk_load():
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

    def peek(self, name: str) -> dict[str, Any] | _Unparsed:
        """The table if it was parsed, else its bytes as read (reading nothing)."""
        return self._tables[name]

    def parsed(self) -> list[str]:
        """Names of the tables parsed so far."""
        return [name for name, table in self._tables.items() if not isinstance(table, _Unparsed)]


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
            f"It was left untouched. {_backup_hint(source)}"
        )
    return table


def _had_checksums(raw: bytes) -> bool:
    """True when the file holds our checksums member (wherever an editor may have moved it)."""
    return b'"' + CHECKSUMS.encode() + b'":' in raw  # a key: a string value is never followed by ':'


def _split_tables(raw: bytes) -> dict[str, _Unparsed] | None:
    """The file's tables, unparsed, when it has our layout and every checksum matches; else None.

    The layout (see ``JournalStorage._serialise``) puts each member of the top-level object on its
    own line; orjson escapes every control character inside strings, so a newline byte can only be
    one of those separators. Chunks are views into ``raw``: nothing is copied.
    """
    if not raw.startswith(_CHECKSUMS_PREFIX) or not raw.endswith(b"}"):
        return None
    view = memoryview(raw)
    end = len(raw) - 1  # the closing brace of the top-level object
    spans = []
    start = len(_CHECKSUMS_PREFIX)
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
    tables: dict[str, _Unparsed] = {}
    for start, stop in spans[1:]:
        name_end = raw.find(b'":', start, stop)
        if raw[start] != ord('"') or name_end < 0:
            return None
        name = raw[start + 1 : name_end].decode("utf-8", "replace")
        chunk = view[name_end + 2 : stop]
        crc = zlib.crc32(chunk)
        if checksums.get(name) != crc or orjson.dumps(name) != raw[start : name_end + 1]:
            return None
        tables[name] = _Unparsed(chunk, crc)
    return tables if len(tables) == len(checksums) else None


class JournalStorage(Storage):
    """TinyDB storage: in-memory between writes, atomic on disk, aware of other writers."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._data: MutableMapping[str, dict[str, Any]] | None = None
        self._signature: tuple[int, int, int, int] | None = None
        self._loaded = False
        self.disk_loads = 0  # how often the file was (re)read: caches above key on it
        self._backup_checked: date | None = None
        # Serialised bytes and their CRC-32 per table, with the table object (or the unparsed bytes)
        # they came from: TinyDB rebuilds the dict of every table it changes, so an unchanged object
        # means unchanged bytes.
        self._table_bytes: dict[str, tuple[object, bytes | memoryview, int]] = {}
        # What the strict reading of a file whose checksums did not match found: each problem (every
        # write is refused while there is one), or a hand edit that checks out (said once, when saved).
        self.damage: tuple[str, ...] = ()
        self._edited = False
        self._notices: list[str] = []
        self._told: set[str] = set()

    # TinyDB API -------------------------------------------------------------------------------

    def read(self) -> MutableMapping[str, dict[str, Any]] | None:
        self.refresh()
        return self._data

    def write(self, data: MutableMapping[str, dict[str, Any]]) -> None:
        if self.read_only:
            raise JournalReadOnlyError("This journal is open read-only: nothing was changed.")
        if not self._loaded:
            self.refresh()
        if self.damage:
            # TinyDB changed our copy of the (readable part of the) data already: read it again.
            self._data, self._signature, self._loaded = None, None, False
            raise self.damage_error()
        _stamp(data, SCHEMA_VERSION)
        try:
            ensure_private_dir(self.path.parent)
            self._clean_stale_temps()
            self._daily_backup()
            atomic_write_bytes(self.path, self._serialise(data))
        except BaseException as exc:
            # TinyDB mutated our cached dict before calling write: drop it so the next read
            # comes from the file again, which still holds the last confirmed state.
            self._data = None
            self._signature = None
            self._loaded = False
            if isinstance(exc, OSError):
                raise _save_error(exc, self.path) from None
            raise
        self._data = data
        self._signature = _signature(self.path)
        if self._edited:
            self._edited = False
            self._notices.append(
                f"{self.path.name} was changed outside spinejournal; every record checks out, so the change was kept."
            )

    def _serialise(self, data: MutableMapping[str, dict[str, Any]]) -> bytes:
        """The file's bytes: the checksums, then one table per line, re-serialising only tables
        that changed (a table never parsed is written back as the bytes it was read from)."""
        peek = data.peek if isinstance(data, Tables) else data.__getitem__
        pieces: list[bytes | memoryview] = [_CHECKSUMS_PREFIX, b""]  # the checksums go in slot 1
        checksums = {}
        fresh: dict[str, tuple[object, bytes | memoryview, int]] = {}
        for name in data:
            table = peek(name)
            cached = self._table_bytes.get(name)
            if cached is not None and cached[0] is table and name != META_TABLE:
                _, chunk, crc = cached
            else:
                chunk = orjson.dumps(table)
                crc = zlib.crc32(chunk)
            fresh[name] = (table, chunk, crc)
            checksums[name] = crc
            pieces += (b",\n", orjson.dumps(name), b":", chunk)
        pieces[1] = orjson.dumps(checksums)
        pieces.append(b"}")
        self._table_bytes = fresh
        return b"".join(pieces)

    # Our own API ------------------------------------------------------------------------------

    def damage_error(self) -> JournalCorruptError:
        """The refusal of a write to a damaged journal: the first problem, how many more, the way back."""
        first, more = self.damage[0], len(self.damage) - 1
        others = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        return JournalCorruptError(
            f"The journal {self.path} is damaged: {first}{others}. Nothing was changed. "
            f"List every problem with: spinejournal --journal {self.path} check. {_backup_hint(self.path)}"
        )

    def check_writable(self) -> None:
        """Raise ``JournalCorruptError`` when the file as it is now must not be written over."""
        self.refresh()
        if self.damage:
            raise self.damage_error()

    def take_notices(self) -> list[str]:
        """Notes for the person (a kept hand edit, records left out), each given once; clears them."""
        taken, self._notices = self._notices, []
        return taken

    def refresh(self) -> bool:
        """Re-read the file if it changed on disk since we last saw it. True when it was re-read."""
        sig = _signature(self.path)
        if self._loaded and sig == self._signature:
            return False
        self._table_bytes = {}
        self.damage, self._edited = (), False
        if sig is None:
            data = None
        else:
            try:
                raw = self.path.read_bytes()
            except FileNotFoundError:
                raw, sig = None, None
            except OSError as exc:
                raise JournalError(f"Cannot read the journal {self.path}: {exc.strerror}.") from None
            data = None if raw is None else self._parse(raw)
        self._data, self._signature, self._loaded = data, sig, True
        self.disk_loads += 1
        return True

    def _parse(self, raw: bytes) -> MutableMapping[str, dict[str, Any]]:
        split = _split_tables(raw)
        if split is not None:
            tables = Tables(dict(split), self.path)
            if schema_version(tables) == SCHEMA_VERSION:
                self._table_bytes = {name: (table, table.chunk, table.crc) for name, table in split.items()}
                return tables
        # Not our layout, a checksum that does not match, or another schema version: parse it all,
        # and read every record strictly, since nothing vouches for it.
        with _bulk_load():
            data, found = _load(raw, self.path)
            checked = check_records(data)
        if checked.problems:
            self.damage = checked.problems
            count = len(checked.problems)
            note = (
                f"{self.path.name} is damaged; what cannot be read is left out and nothing can be saved "
                f"until it is repaired: {checked.problems[0]}"
                + (f" (and {count - 1} more; see: spinejournal check)" if count > 1 else " (see: spinejournal check)")
            )
            if note not in self._told:
                self._told.add(note)
                self._notices.append(note)
            return checked.tables
        # Only a file that once had our checksums was changed outside; an earlier version's has none.
        self._edited = found == SCHEMA_VERSION and _had_checksums(raw)
        if found < SCHEMA_VERSION and not self.read_only:
            # Keep the file exactly as the older version wrote it before anything migrated is saved.
            try:
                self._backup(f"pre-v{SCHEMA_VERSION}-{clock.today().isoformat()}")
            except OSError as exc:
                raise _save_error(exc, self.path) from None
        return data

    def _clean_stale_temps(self) -> None:
        # We hold the writer lock, so any temp file of ours left here or among the backups is from
        # a writer that died (or a backup cut short by a full disk).
        prefix = f".{self.path.name}.tmp-"
        backup_temp = re.compile(
            rf"^\.{re.escape(self.path.stem)}-(pre-v\d+-)?\d{{4}}-\d{{2}}-\d{{2}}\.json\.tmp-\d+-[0-9a-f]{{8}}$"
        )
        for folder, ours in (
            (self.path.parent, lambda name: name.startswith(prefix)),
            (backups_dir(self.path), backup_temp.match),
        ):
            with contextlib.suppress(FileNotFoundError, NotADirectoryError):
                for entry in os.scandir(folder):
                    if ours(entry.name):
                        with contextlib.suppress(OSError):
                            os.unlink(entry.path)

    def _daily_backup(self) -> None:
        today = clock.today()
        if self._backup_checked == today or not self.path.exists():
            return
        self._backup(today.isoformat())
        self._backup_checked = today
        for old in [p for p in list_backups(self.path) if "-pre-v" not in p.name][BACKUP_KEEP:]:
            with contextlib.suppress(OSError):
                old.unlink()

    def _backup(self, label: str) -> None:
        target = backups_dir(self.path) / f"{self.path.stem}-{label}.json"
        if target.exists():
            return
        ensure_private_dir(target.parent)
        atomic_copy(self.path, target)


def _save_error(exc: OSError, journal: Path) -> JournalError:
    """A failed save of ``journal`` in words, naming the journal (not the lock or a temp file)."""
    shown = printable(str(journal), single_line=True)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return JournalError(f"the disk is full: nothing was changed in {shown}")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        folder = printable(str(journal.parent), single_line=True)
        return JournalError(
            f"cannot save {shown}: its folder {folder} is read-only (or not yours): nothing was changed"
        )
    return JournalError(f"cannot save {shown}: {exc.strerror or exc}: nothing was changed")


@contextlib.contextmanager
def writer_lock(journal: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the journal's writer lock, waiting up to ``timeout`` seconds for it.

    A folder that cannot hold the lock file (read-only, full) is a ``JournalError`` naming the journal.
    """
    try:
        ensure_private_dir(journal.parent)
        fd = os.open(lock_path(journal), os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), PRIVATE_FILE)
    except OSError as exc:
        raise _save_error(exc, journal) from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise JournalBusyError(
                        "Another spinejournal is saving to this journal and did not finish in "
                        f"{timeout:g} seconds; nothing was changed. Please try again."
                    ) from None
                time.sleep(0.02)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What a save did: the stored record and any gentle warnings to show."""

    day: Day
    created: bool
    warnings: tuple[str, ...] = ()
    merged: tuple[str, ...] = ()
    """Fields of the day taken from another writer's save (keys of ``spinejournal.merge.FIELD_LABELS``)."""


class Journal:
    """The journal's small repository API over TinyDB. All methods take and return model objects."""

    # Days live in one table per calendar year ("days-2026"), keyed by the date's ordinal, so a
    # save touches, and re-serialises, one year of data whatever the journal's age.
    DAYS_PREFIX = "days-"
    EXERCISES = "exercises"
    VISITS = "visits"
    PSFS_ACTIVITIES = "psfs_activities"
    PSFS_RATINGS = "psfs_ratings"
    PROFILE = "profile"

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool = False,
        lock_timeout: float = LOCK_TIMEOUT,
        storage: Storage | None = None,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self.lock_timeout = lock_timeout
        self._storage = storage if storage is not None else JournalStorage(path, read_only=read_only)
        self._db = TinyDB(storage=lambda: self._storage)
        self._snapshot: JournalData | None = None
        self._snapshot_key: object = None
        self._changes = 0
        # Validated days by date, valid while the file is the one we last read or wrote: our own
        # saves update it in place, so a save on a 10-year journal does not re-validate every day.
        self._day_cache: dict[date, Day] | None = None
        self._day_cache_loads = -1
        # Fail now, with a clear message, if the file is unreadable or too new.
        self._db.storage.read()

    @classmethod
    def from_data(cls, data: JournalData, *, label: str = "(in memory)") -> Journal:
        """A read-only journal held in memory, e.g. an export opened for review."""
        from tinydb.storages import MemoryStorage

        memory = MemoryStorage()
        journal = cls(Path(label), read_only=False, storage=memory)
        journal._replace_all(data, lock=False)
        journal.read_only = True
        return journal

    # -- reading -------------------------------------------------------------------------------

    def _table(self, name: str) -> Table:
        return self._db.table(name, cache_size=0)

    def _days(self, on: date) -> Table:
        return self._table(f"{self.DAYS_PREFIX}{on.year}")

    def data(self) -> JournalData:
        """Everything in the journal, cached until the journal changes."""
        self._db.storage.read()
        key = (getattr(self._storage, "disk_loads", 0), self._changes)
        if self._snapshot is None or key != self._snapshot_key:
            self._snapshot = self._build_snapshot()
            self._snapshot_key = key
        return self._snapshot

    def _disk_loads(self) -> int:
        return getattr(self._storage, "disk_loads", 0)

    @property
    def damage(self) -> tuple[str, ...]:
        """Each problem found in a damaged journal file (empty when it is sound); writes are refused
        while there is one, and reading leaves the damaged records out."""
        self._db.storage.read()
        return getattr(self._storage, "damage", ())

    def check_writable(self) -> None:
        """Raise now what a write would raise: ``JournalReadOnlyError``, or ``JournalCorruptError``
        when the file is damaged (so a command fails on that before asking or reporting anything else)."""
        if self.read_only:
            raise JournalReadOnlyError("This journal is open read-only: nothing was changed.")
        if isinstance(self._storage, JournalStorage):
            self._storage.check_writable()

    def notices(self) -> list[str]:
        """Notes to show the person once, then cleared: e.g. that a hand edit of the file was kept
        (after the save that took it in) or which damaged records reading left out."""
        take = getattr(self._storage, "take_notices", None)
        return take() if take is not None else []

    def _all_days(self) -> dict[date, Day]:
        raw = self._db.storage.read() or {}
        if self._day_cache is None or self._day_cache_loads != self._disk_loads():
            docs = (doc for name, table in raw.items() if name.startswith(self.DAYS_PREFIX) for doc in table.values())
            with _bulk_load():
                self._day_cache = {day.date: day for day in (self._read_day(doc) for doc in docs)}
            self._day_cache_loads = self._disk_loads()
        return self._day_cache

    def _read_day(self, doc: Mapping[str, Any]) -> Day:
        """A stored day; one that no longer validates (a rule this version added, say a date before
        1900) is a damaged journal named by its date, not a bare validation error."""
        try:
            return Day.from_dict(doc)
        except ValidationError as exc:
            shown = printable(str(doc.get("date")), single_line=True)
            raise JournalCorruptError(
                f"The journal {self.path} holds a day it cannot read: day {shown}: {exc}. "
                f"List every problem with: spinejournal --journal {self.path} check; "
                f"remove that day with: spinejournal --journal {self.path} delete --date {shown}"
            ) from None

    def _remember_day(self, on: date, day: Day | None) -> None:
        """Keep the day cache in step with a write we just made (or drop it if it was stale)."""
        if self._day_cache is None or self._day_cache_loads != self._disk_loads():
            self._day_cache = None
        elif day is None:
            self._day_cache.pop(on, None)
        else:
            self._day_cache[on] = day

    def _build_snapshot(self) -> JournalData:
        days = sorted(self._all_days().values(), key=lambda d: d.date)
        visits = sorted((Visit.from_dict(doc) for doc in self._table(self.VISITS).all()), key=lambda v: v.date)
        activities = [PsfsActivity.from_dict(doc, id=doc.doc_id) for doc in self._table(self.PSFS_ACTIVITIES).all()]
        ratings = sorted(
            (PsfsRating.from_dict(doc) for doc in self._table(self.PSFS_RATINGS).all()),
            key=lambda r: (r.date, r.activity_id),
        )
        profile_doc = self._table(self.PROFILE).get(doc_id=1)
        return JournalData(
            days=tuple(days),
            exercises=tuple(self.exercises()),
            visits=tuple(visits),
            psfs_activities=tuple(sorted(activities, key=lambda a: a.id)),
            psfs_ratings=tuple(ratings),
            profile=Profile.from_dict(profile_doc or {}),
        )

    def get_day(self, on: date) -> Day | None:
        """The day logged on ``on``, without materialising the whole journal."""
        doc = self._days(on).get(doc_id=on.toordinal())
        return Day.from_dict(doc) if doc is not None else None

    def days_between(self, start: date, end: date) -> list[Day]:
        """Days from ``start`` to ``end`` inclusive, sorted, converting only those days."""
        raw = self._db.storage.read() or {}
        low, high = start.toordinal(), end.toordinal()
        picked = sorted(
            (int(key), doc)
            for year in range(start.year, end.year + 1)
            for key, doc in raw.get(f"{self.DAYS_PREFIX}{year}", {}).items()
            if low <= int(key) <= high
        )
        return [self._read_day(doc) for _, doc in picked]

    def exercises(self) -> list[Exercise]:
        """The whole exercise plan, retired exercises included, by id."""
        docs = self._table(self.EXERCISES).all()
        return sorted((Exercise.from_dict(doc, id=doc.doc_id) for doc in docs), key=lambda e: e.id)

    def psfs_activities(self) -> list[PsfsActivity]:
        """The PSFS activities, by id (read without parsing the days)."""
        docs = self._table(self.PSFS_ACTIVITIES).all()
        return sorted((PsfsActivity.from_dict(doc, id=doc.doc_id) for doc in docs), key=lambda a: a.id)

    def has_day(self, on: date) -> bool:
        return self._days(on).contains(doc_id=on.toordinal())

    def _exercise(self, exercise_id: int) -> Exercise | None:
        doc = self._table(self.EXERCISES).get(doc_id=exercise_id)
        return Exercise.from_dict(doc, id=exercise_id) if doc is not None else None

    def _visit(self, on: date) -> Visit | None:
        doc = self._table(self.VISITS).get(doc_id=on.toordinal())
        return Visit.from_dict(doc) if doc is not None else None

    # -- writing -------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _writing(self, lock: bool = True) -> Iterator[None]:
        if self.read_only:
            raise JournalReadOnlyError("This journal is open read-only: nothing was changed.")
        if lock and isinstance(self._storage, JournalStorage):
            with writer_lock(self.path, self.lock_timeout):
                self._storage.check_writable()
                yield
        else:
            yield
        self._changes += 1

    @staticmethod
    def _put(table: Table, doc_id: int, data: dict[str, Any]) -> bool:
        """Insert or wholly replace one document; True when it was new."""

        def overwrite(doc: dict[str, Any]) -> None:
            doc.clear()
            doc.update(data)

        # Check first: TinyDB's update() rewrites the file even when no document matched.
        if table.contains(doc_id=doc_id):
            table.update(overwrite, doc_ids=[doc_id])
            return False
        table.insert(Document(data, doc_id=doc_id))
        return True

    @staticmethod
    def _next_id(table: Table) -> int:
        return max((doc.doc_id for doc in table.all()), default=0) + 1

    def save_day(self, day: Day, *, expected: Day | NotGiven | None = NOT_GIVEN, keep_mine: bool = False) -> SaveResult:
        """Store ``day``, replacing what was logged on that date. Future dates are refused.

        ``expected`` is the day as the writer read it (None: not logged then). When the stored day
        differs, the two are merged field by field (``SaveResult.merged`` names what was taken from
        the other writer); fields both changed differently raise ``JournalConflictError``, unless
        ``keep_mine`` (the person was shown the clash and chose their values): then those fields
        keep ``day``'s values and the other writer's changes elsewhere in the day are still kept.
        """
        if day.date > clock.today():
            raise ValidationError("date", f"{day.date} is in the future; only today or earlier can be logged")
        merged: tuple[str, ...] = ()
        with self._writing():
            if expected is not NOT_GIVEN:
                current = self.get_day(day.date)
                if current != expected:
                    day, merged = self._merge_day(expected, day, current, keep_mine)
            created = self._put(self._days(day.date), day.date.toordinal(), day.to_dict())
            self._remember_day(day.date, day)
        return SaveResult(day=day, created=created, warnings=tuple(day.warnings()), merged=merged)

    @staticmethod
    def _merge_day(base: Day | None, mine: Day, current: Day | None, keep_mine: bool) -> tuple[Day, tuple[str, ...]]:
        """``mine`` merged with the day another writer stored (or deleted) since ``base`` was read."""
        # Imported here: quick entry (``log``) never merges, and must start fast.
        from spinejournal.merge import field_label, merge_day

        when = _day_label(mine.date)
        if current is None:
            if keep_mine:
                return mine, ()
            raise JournalConflictError(f"{when} was deleted elsewhere since you opened it: nothing was saved.", None)
        outcome = merge_day(base, mine, current, prefer_mine=keep_mine)
        if outcome.day is None:
            labels = ", ".join(field_label(name) for name in outcome.conflicts)
            raise JournalConflictError(
                f"{when} was changed elsewhere since you opened it ({labels}): nothing was saved.",
                current,
                outcome.conflicts,
            )
        return outcome.day, outcome.taken

    def update_day(self, on: date, change: Callable[[Day | None], Day]) -> SaveResult:
        """Read-modify-write one day under the writer lock, so concurrent updates never collide."""
        if on > clock.today():
            raise ValidationError("date", f"{on} is in the future; only today or earlier can be logged")
        with self._writing():
            day = change(self.get_day(on))
            if day.date != on:
                raise ValidationError("date", "cannot change while updating a day")
            created = self._put(self._days(on), on.toordinal(), day.to_dict())
            self._remember_day(on, day)
        return SaveResult(day=day, created=created, warnings=tuple(day.warnings()))

    def delete_day(self, on: date, *, expected: Day | NotGiven | None = NOT_GIVEN) -> bool:
        """Remove the day logged on ``on``; False when there was none. With ``expected`` (the day
        as the person saw it), a day changed since is kept and ``JournalConflictError`` raised."""
        with self._writing():
            table = self._days(on)
            if not table.contains(doc_id=on.toordinal()):
                return False
            if expected is not NOT_GIVEN:
                _check(expected, self.get_day(on), _day_label(on))
            table.remove(doc_ids=[on.toordinal()])
            self._remember_day(on, None)
        return True

    def add_exercise(self, exercise: Exercise) -> Exercise:
        """Add an exercise to the plan; returns it with its new id."""
        with self._writing():
            table = self._table(self.EXERCISES)
            key = name_key(exercise.name)
            same = next((e for e in table.all() if name_key(e["name"]) == key and "end" not in e), None)
            if same is not None:
                known = "" if same["name"] == exercise.name else f" as '{same['name']}'"
                raise ValidationError("exercise name", f"'{exercise.name}' is already in the plan{known}")
            stored = exercise.__class__(**{**_fields(exercise), "id": self._next_id(table)})
            table.insert(Document(stored.to_dict(), doc_id=stored.id))
        return stored

    def update_exercise(self, exercise: Exercise, *, expected: Exercise | NotGiven | None = NOT_GIVEN) -> Exercise:
        """Replace a stored exercise (matched by id); ``expected`` is the exercise as the writer read it."""
        with self._writing():
            table = self._table(self.EXERCISES)
            if expected is not NOT_GIVEN:
                _check(expected, self._exercise(exercise.id), _exercise_label(expected or exercise))
            if not table.contains(doc_id=exercise.id):
                raise ValidationError("exercise", f"no exercise with id {exercise.id}")
            self._put(table, exercise.id, exercise.to_dict())
        return exercise

    def retire_exercise(
        self, exercise_id: int, end: date | None = None, *, expected: Exercise | NotGiven | None = NOT_GIVEN
    ) -> Exercise:
        """End an exercise from ``end`` (default today) on; its history stays. ``expected`` is the
        exercise as the writer read it."""
        end = end or clock.today()
        with self._writing():
            table = self._table(self.EXERCISES)
            if expected is not NOT_GIVEN:
                current = self._exercise(exercise_id)
                _check(expected, current, _exercise_label(expected or current))
            doc = table.get(doc_id=exercise_id)
            if doc is None:
                raise ValidationError("exercise", f"no exercise with id {exercise_id}")
            current = Exercise.from_dict(doc, id=exercise_id)
            retired = current.__class__(**{**_fields(current), "end": max(end, current.start)})
            self._put(table, exercise_id, retired.to_dict())
        return retired

    def save_visit(self, visit: Visit, *, expected: Visit | NotGiven | None = NOT_GIVEN) -> None:
        """Record a therapy visit (one per date; the same date again replaces the note).
        ``expected`` is the visit on that date as the writer read it (None: there was none)."""
        with self._writing():
            if expected is not NOT_GIVEN:
                _check(expected, self._visit(visit.date), f"The visit of {_day_label(visit.date)}")
            self._put(self._table(self.VISITS), visit.date.toordinal(), visit.to_dict())

    def delete_visit(self, on: date, *, expected: Visit | NotGiven | None = NOT_GIVEN) -> bool:
        """Remove the visit of ``on``; False when there was none. With ``expected`` (the visit as
        the person saw it), a visit changed since is kept and ``JournalConflictError`` raised."""
        with self._writing():
            table = self._table(self.VISITS)
            if not table.contains(doc_id=on.toordinal()):
                return False
            if expected is not NOT_GIVEN:
                _check(expected, self._visit(on), f"The visit of {_day_label(on)}")
            table.remove(doc_ids=[on.toordinal()])
        return True

    def add_psfs_activity(self, activity: PsfsActivity) -> PsfsActivity:
        """Add an activity to rate; returns it with its new id. Its name must be new (``name_key``)."""
        with self._writing():
            table = self._table(self.PSFS_ACTIVITIES)
            key = name_key(activity.name)
            same = next((a for a in table.all() if name_key(a["name"]) == key), None)
            if same is not None:
                known = "" if same["name"] == activity.name else f" as '{same['name']}'"
                raise ValidationError("activity name", f"'{activity.name}' is already an activity{known}")
            stored = activity.__class__(**{**_fields(activity), "id": self._next_id(table)})
            table.insert(Document(stored.to_dict(), doc_id=stored.id))
        return stored

    def save_psfs_rating(self, rating: PsfsRating, *, expected: PsfsRating | NotGiven | None = NOT_GIVEN) -> None:
        """Record a rating; a second rating of the same activity on the same date replaces it.
        ``expected`` is that activity's rating on that date as the writer read it (None: not rated)."""
        self.save_psfs_ratings([(rating, expected)])

    def save_psfs_ratings(self, ratings: Sequence[tuple[PsfsRating, PsfsRating | NotGiven | None]]) -> None:
        """Record ratings given together, each with the rating it replaces as the writer read it
        (``NOT_GIVEN``: not checked): when any of them changed elsewhere, none is saved."""
        with self._writing():
            table = self._table(self.PSFS_RATINGS)
            for rating, expected in ratings:
                if not self._table(self.PSFS_ACTIVITIES).contains(doc_id=rating.activity_id):
                    raise ValidationError("activity", f"no PSFS activity with id {rating.activity_id}")
                if expected is not NOT_GIVEN:
                    same = self._rating_doc(table, rating)
                    current = PsfsRating.from_dict(same) if same is not None else None
                    _check(expected, current, f"The rating of {_day_label(rating.date)}")
            for rating, _ in ratings:
                same = self._rating_doc(table, rating)
                self._put(table, same.doc_id if same is not None else self._next_id(table), rating.to_dict())

    @staticmethod
    def _rating_doc(table: Table, rating: PsfsRating) -> Document | None:
        """The stored rating of the same activity on the same date, if any."""
        wanted = (rating.activity_id, rating.date.isoformat())
        return next((doc for doc in table.all() if (doc["activity_id"], doc["date"]) == wanted), None)

    def save_profile(self, profile: Profile, *, expected: Profile | NotGiven | None = NOT_GIVEN) -> None:
        """Store who the journal belongs to; ``expected`` is the profile as the writer read it."""
        with self._writing():
            if expected is not NOT_GIVEN:
                stored = self._table(self.PROFILE).get(doc_id=1)
                _check(expected or Profile(), Profile.from_dict(stored or {}), "Your profile")
            self._put(self._table(self.PROFILE), 1, profile.to_dict())

    def replace_all(self, data: JournalData) -> None:
        """Replace the whole journal with ``data`` in one atomic write (used by import)."""
        self._replace_all(data, lock=True)

    def transform(self, change: Callable[[JournalData], JournalData]) -> JournalData:
        """Replace the whole journal with ``change(current)``, reading and writing under one lock.

        Nothing another process saves can slip in between the read and the write (used by import).
        Returns what was stored; when ``change`` returns the journal unchanged, nothing is written.
        """
        with self._writing():
            current = self._build_snapshot()
            new = change(current)
            if new != current:
                self._write_all(new)
        return new

    def _replace_all(self, data: JournalData, *, lock: bool) -> None:
        with self._writing(lock=lock):
            self._write_all(data)

    def _write_all(self, data: JournalData) -> None:
        self._day_cache = None
        raw: dict[str, Any] = {}
        for d in data.days:
            raw.setdefault(f"{self.DAYS_PREFIX}{d.date.year}", {})[str(d.date.toordinal())] = d.to_dict()
        raw |= {
            self.EXERCISES: {str(e.id): e.to_dict() for e in data.exercises},
            self.VISITS: {str(v.date.toordinal()): v.to_dict() for v in data.visits},
            self.PSFS_ACTIVITIES: {str(a.id): a.to_dict() for a in data.psfs_activities},
            self.PSFS_RATINGS: {str(i): r.to_dict() for i, r in enumerate(data.psfs_ratings, 1)},
            self.PROFILE: {"1": data.profile.to_dict()},
        }
        self._db.storage.write(raw)

    def close(self) -> None:
        self._db.close()


def _fields(record: Any) -> dict[str, Any]:
    return {name: getattr(record, name) for name in record.__dataclass_fields__}


def _check(expected: object, current: object, what: str) -> None:
    """Refuse a write when the record is no longer what the writer read (``what`` names it)."""
    if current != expected:
        change = "changed" if current is not None else "deleted"
        raise JournalConflictError(f"{what} was {change} elsewhere since you opened it: nothing was saved.", current)


def _day_label(on: date) -> str:
    """'Sunday 15 March 2026', as the app shows dates."""
    return f"{on:%A} {on.day} {on:%B %Y}"


def _exercise_label(exercise: Exercise | None) -> str:
    return f"The exercise '{printable(exercise.name, single_line=True)}'" if exercise else "The exercise"


def restore_backup(journal: Path, backup: Path, *, lock_timeout: float = LOCK_TIMEOUT) -> Path | None:
    """Put ``backup`` in place of ``journal``, keeping the current file aside (never deleted).

    Returns where the replaced file was kept, or None when there was no journal file.
    """
    raw = backup.read_bytes()
    parse_journal_bytes(raw, backup)  # refuse a backup that is itself unreadable
    with writer_lock(journal, lock_timeout):
        kept = None
        try:
            if journal.exists():
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                kept = journal.with_name(f"{journal.name}.replaced-{stamp}")
                atomic_write_bytes(kept, journal.read_bytes())
            atomic_write_bytes(journal, raw)
        except OSError as exc:
            # The journal is as it was (both writes are atomic); a copy kept aside is harmless.
            raise _save_error(exc, journal) from None
    return kept


def _checksum_problems(raw: bytes) -> list[str]:
    """Each table whose checksum does not match, or one line when the layout is not ours at all."""
    if _split_tables(raw) is not None:
        return []
    if not _had_checksums(raw):
        return []  # written by an earlier version, before checksums: nothing to compare
    foreign = ["the file's layout is not spinejournal's, so its checksums cannot be compared (it was rewritten)"]
    first = raw.find(b"\n")
    if not raw.startswith(_CHECKSUMS_PREFIX) or first < 0 or raw[first - 1] != ord(","):
        return foreign
    try:
        checksums = orjson.loads(raw[len(_CHECKSUMS_PREFIX) : first - 1])
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


class JournalCheck:
    """What ``check_journal`` found in a journal file: ``damage`` refuses writes, while tables whose
    ``checksums`` do not match and whose records all check out are a hand edit the next save keeps.
    ``counts`` holds the valid records per table ("days" for every year's days); ``parsed`` is False
    when the file as a whole cannot be read (the counts are then empty)."""

    # A plain class, not a dataclass: building one at import costs quick entry a millisecond.
    __slots__ = ("checksums", "counts", "damage", "parsed")

    def __init__(
        self,
        damage: tuple[str, ...],
        checksums: tuple[str, ...] = (),
        *,
        parsed: bool = True,
        counts: dict[str, int] | None = None,
    ) -> None:
        self.damage = damage
        self.checksums = checksums
        self.parsed = parsed
        self.counts = counts or {}

    @property
    def problems(self) -> tuple[str, ...]:
        """Every problem, one line each: the checksums first, then the damage."""
        return self.checksums + self.damage

    @property
    def ok(self) -> bool:
        return not self.problems


def check_journal(path: Path) -> JournalCheck:
    """Every problem of the journal file at ``path``, read only (no lock, no backup, no write).

    Works on files ``Journal`` refuses to open: an empty file, invalid JSON (with its position), a
    newer format; then each table whose checksum does not match and each invalid record. Raises
    ``JournalError`` when the file is missing or cannot be read at all.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise JournalError(f"there is no journal at {path} yet (it is made by the first save)") from None
    except OSError as exc:
        raise JournalError(f"Cannot read the journal {path}: {exc.strerror}.") from None
    try:
        with _bulk_load():
            data, found = _load(raw, path)
    except JournalError as exc:
        return JournalCheck(damage=(printable(str(exc), single_line=True),), parsed=False)
    with _bulk_load():
        checked = check_records(data)
    # A file of an older format (or a plain TinyDB file) has no checksums to compare.
    return JournalCheck(
        damage=checked.problems,
        checksums=tuple(_checksum_problems(raw)) if found == SCHEMA_VERSION else (),
        counts={
            "days": checked.count(Journal.DAYS_PREFIX),
            **{
                table: checked.count(table)
                for table in (Journal.EXERCISES, Journal.VISITS, Journal.PSFS_ACTIVITIES, Journal.PSFS_RATINGS)
            },
        },
    )
