"""What every command shares: the context, the one-line error, opening the journal, date options,
finding a medication of the list on a date, and printing the journal's notes and red flags."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from spinejournal import clock
from spinejournal.clinical import RED_FLAGS_BY_ID, URGENCY_TITLE, most_urgent, red_flag_advice
from spinejournal.model import Medication, find_medication, name_key
from spinejournal.text import printable


class CommandError(Exception):
    """A user mistake found by a command; shown as one line."""


@dataclass(frozen=True)
class Context:
    """The top-level options, which every command may need."""

    journal: str | None
    demo: bool
    # The journals a command opened, whose notes are printed once it succeeds.
    opened: list[Any] = field(default_factory=list)


def journal_file(ctx: Context) -> Path:
    """The journal file the command works on (--journal, SPINEJOURNAL_JOURNAL or the default)."""
    from spinejournal.fsutil import UnsafeTargetError
    from spinejournal.locations import journal_path

    try:
        return journal_path(ctx.journal)
    except UnsafeTargetError as exc:
        raise CommandError(str(exc)) from None


def open_journal(ctx: Context, *, read_only: bool = False) -> Any:
    """Open the journal; one to write to must be undamaged. Its notes are printed after the command."""
    from spinejournal.store import Journal

    journal = Journal(journal_file(ctx), read_only=read_only)
    if not read_only:
        # A damaged journal refuses every write: say that first, not e.g. that a day is not logged.
        journal.check_writable()
    ctx.opened.append(journal)
    return journal


def date_option(value: str | None) -> date:
    """A ``--date``-like option: YYYY-MM-DD, today or yesterday (default: today)."""
    if value is None:
        return clock.today()
    try:
        return clock.parse_day(value)
    except ValueError as exc:
        raise CommandError(str(exc)) from None


def past_date_option(value: str | None, what: str) -> date:
    """A ``--date`` of something that happened: today or earlier."""
    on = date_option(value)
    if on > clock.today():
        raise CommandError(f"{on} is in the future; {what}")
    return on


ADD_HINT = "add one with: spinejournal med add NAME"


def medication_on(medications: Sequence[Medication], name: str, on: date) -> Medication:
    """The medication called ``name`` on the list on ``on``; else a one-line error saying which are."""
    found = find_medication(medications, name, on=on)
    if found is not None:
        return found
    listed = ", ".join(m.name for m in medications if m.active_on(on)) or "none"
    elsewhen = find_medication(medications, name)
    if elsewhen is None:
        said = f"'{printable(name)}' is not on your medication list on {on}"
    else:
        first = min(m.start for m in medications if name_key(m.name) == name_key(name))
        span = f"from {first}" + (f" until it was stopped on {elsewhen.end}" if elsewhen.end else "")
        said = f"'{printable(elsewhen.name)}' is on your list {span}, not on {on}"
    raise CommandError(f"{said} (on your list on {on}: {printable(listed)}); {ADD_HINT}")


def interactive() -> bool:
    """True when a person can answer a question on the terminal."""
    return sys.stdin.isatty()


def echo_warnings(warnings: Sequence[str]) -> None:
    """Print each warning as a note on stderr."""
    for warning in warnings:
        print(f"Note: {warning}", file=sys.stderr)


def echo_red_flags(flags: Sequence[str]) -> None:
    """Print the urgent-care advice for the day's red flags, if any, on stderr."""
    level = most_urgent(list(flags))
    if level is None:
        return
    print(file=sys.stderr)
    print(f"!! {URGENCY_TITLE[level]}: {red_flag_advice(list(flags))}", file=sys.stderr)
    for flag in flags:
        print(f"   - {RED_FLAGS_BY_ID[flag].label}", file=sys.stderr)
