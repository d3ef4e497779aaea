"""The writer lock: an ``flock`` of a lock file beside the journal, so writers take turns."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from spinejournal.fsutil import PRIVATE_FILE, ensure_private_dir
from spinejournal.locations import lock_path
from spinejournal.store.errors import JournalBusyError, save_error

LOCK_TIMEOUT = 5.0


@contextlib.contextmanager
def writer_lock(journal: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the journal's writer lock, waiting up to ``timeout`` seconds for it.

    A folder that cannot hold the lock file (read-only, full) is a ``JournalError`` naming the journal.
    """
    try:
        ensure_private_dir(journal.parent)
        fd = os.open(lock_path(journal), os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), PRIVATE_FILE)
    except OSError as exc:
        raise save_error(exc, journal) from None
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
