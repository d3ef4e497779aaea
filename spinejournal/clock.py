"""The journal's idea of "today", in one place.

Tests, snapshots and demos pin the date with the ``SPINEJOURNAL_TODAY`` environment variable
(``YYYY-MM-DD``) so that every run sees the same calendar.
"""

from __future__ import annotations

import os
from datetime import date, timedelta

ENV_TODAY = "SPINEJOURNAL_TODAY"

# The earliest date the journal takes: nobody logs pain from before it, and counting weeks back from
# year 1 overflows the calendar.
EARLIEST_DAY = date(1900, 1, 1)


def today() -> date:
    """Return the local calendar date, or the pinned one from ``SPINEJOURNAL_TODAY``."""
    pinned = os.environ.get(ENV_TODAY)
    if pinned:
        return date.fromisoformat(pinned)
    return date.today()


def parse_day(text: str, *, now: date | None = None, earliest: date = EARLIEST_DAY) -> date:
    """Parse ``YYYY-MM-DD``, ``today`` or ``yesterday`` into a date from ``earliest`` on.

    Raises ``ValueError`` with a message fit for a user.
    """
    now = now or today()
    word = text.strip().lower()
    if word == "today":
        return now
    if word == "yesterday":
        return now - timedelta(days=1)
    try:
        day = date.fromisoformat(word)
    except ValueError:
        raise ValueError(f"'{text}' is not a date: use YYYY-MM-DD, 'today' or 'yesterday'") from None
    if day < earliest:
        raise ValueError(f"{day} is before {earliest}, the earliest date the journal takes")
    return day
