"""``JournalStorage``: the TinyDB storage that keeps the data in memory, notices another process's
save, writes atomically and reads a file whose checksums do not match strictly."""

from __future__ import annotations

import contextlib
import os
import re
import zlib
from collections.abc import MutableMapping
from datetime import date
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from spinejournal import clock
from spinejournal.fsutil import atomic_write_bytes, ensure_private_dir
from spinejournal.locations import backups_dir
from spinejournal.store import layout
from spinejournal.store.backups import backup_hint, copy_backup, prune_backups
from spinejournal.store.errors import JournalCorruptError, JournalError, JournalReadOnlyError, save_error
from spinejournal.store.layout import (
    CHECKSUMS_PREFIX,
    META_TABLE,
    Tables,
    bulk_load,
    had_checksums,
    load,
    schema_version,
    split_tables,
    stamp,
)
from spinejournal.store.records import check_records


def _signature(path: Path) -> tuple[int, int, int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


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

    # TinyDB types a storage's data as a dict, but its tables only ever index it (``data[name]``),
    # which ``Tables`` serves while parsing each table the first time it is read.
    def read(self) -> MutableMapping[str, dict[str, Any]] | None:  # type: ignore[override]
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
        stamp(data, layout.SCHEMA_VERSION)
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
                raise save_error(exc, self.path) from None
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
        pieces: list[bytes | memoryview] = [CHECKSUMS_PREFIX, b""]  # the checksums go in slot 1
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
            f"List every problem with: spinejournal --journal {self.path} check. {backup_hint(self.path)}"
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
        split = split_tables(raw)
        if split is not None:
            tables = Tables(dict(split), self.path)
            if schema_version(tables) == layout.SCHEMA_VERSION:
                self._table_bytes = {name: (table, table.chunk, table.crc) for name, table in split.items()}
                return tables
        # Not our layout, a checksum that does not match, or another schema version: parse it all,
        # and read every record strictly, since nothing vouches for it.
        with bulk_load():
            data, found = load(raw, self.path)
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
        self._edited = found == layout.SCHEMA_VERSION and had_checksums(raw)
        if found < layout.SCHEMA_VERSION and not self.read_only:
            # Keep the file exactly as the older version wrote it before anything migrated is saved.
            try:
                copy_backup(self.path, f"pre-v{layout.SCHEMA_VERSION}-{clock.today().isoformat()}")
            except OSError as exc:
                raise save_error(exc, self.path) from None
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
        copy_backup(self.path, today.isoformat())
        self._backup_checked = today
        prune_backups(self.path)
