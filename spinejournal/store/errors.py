"""The journal's errors, each a message fit to show a person, and the ``NOT_GIVEN`` marker of writers."""

from __future__ import annotations

import enum
import errno
from pathlib import Path
from typing import Final

from spinejournal.text import printable


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


def save_error(exc: OSError, journal: Path) -> JournalError:
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
