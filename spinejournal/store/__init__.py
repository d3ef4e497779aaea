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

Modules: ``layout`` (the file format, checksums, schema version and migrations), ``storage``
(``JournalStorage``), ``lock`` (``writer_lock``), ``backups``, ``records`` (``check_records``,
``check_journal``), ``journal`` (the ``Journal`` API and ``restore_backup``) and ``errors``. Import the
public names from here.
"""

from __future__ import annotations

from spinejournal.store.backups import BACKUP_KEEP, list_backups
from spinejournal.store.errors import (
    NOT_GIVEN,
    JournalBusyError,
    JournalConflictError,
    JournalCorruptError,
    JournalError,
    JournalReadOnlyError,
    JournalVersionError,
    NotGiven,
)
from spinejournal.store.journal import Journal, SaveResult, restore_backup
from spinejournal.store.layout import (
    CHECKSUMS,
    META_TABLE,
    MIGRATIONS,
    SCHEMA_VERSION,
    Migration,
    Tables,
    parse_journal_bytes,
    schema_version,
)
from spinejournal.store.lock import LOCK_TIMEOUT, writer_lock
from spinejournal.store.records import JournalCheck, RecordCheck, check_journal, check_records
from spinejournal.store.storage import JournalStorage

__all__ = [
    "BACKUP_KEEP",
    "CHECKSUMS",
    "LOCK_TIMEOUT",
    "META_TABLE",
    "MIGRATIONS",
    "NOT_GIVEN",
    "SCHEMA_VERSION",
    "Journal",
    "JournalBusyError",
    "JournalCheck",
    "JournalConflictError",
    "JournalCorruptError",
    "JournalError",
    "JournalReadOnlyError",
    "JournalStorage",
    "JournalVersionError",
    "Migration",
    "NotGiven",
    "RecordCheck",
    "SaveResult",
    "Tables",
    "check_journal",
    "check_records",
    "list_backups",
    "parse_journal_bytes",
    "restore_backup",
    "schema_version",
    "writer_lock",
]
