"""The med command group: the medication list (add, list, stop, change).

Each public function is a command (its docstring the help, its options declared on it);
``spinejournal.cli`` adds them to the command tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spinejournal import clock
from spinejournal.cli.args import IntRange, UsageError, argument, option
from spinejournal.cli.common import CommandError, Context, date_option, medication_on, open_journal
from spinejournal.model import Medication, find_medication, name_key
from spinejournal.text import printable


def _open_record(medications: Sequence[Medication], name: str, on: date, doing: str) -> Medication:
    """The record on the list on ``on`` that is still current: a stop or a change cannot go before a
    later dose change or after a stop already recorded."""
    found = medication_on(medications, name, on)
    if found.end is None:
        return found
    # Its current record, or the last one when it was stopped.
    last = find_medication(medications, found.name) or found
    shown = printable(found.name)
    if last.end is None:
        raise CommandError(f"'{shown}' has a later dose from {last.start}: {doing} it from {last.start} or later")
    raise CommandError(f"'{shown}' is already stopped from {last.end} (see: spinejournal med list --all)")


def _schedule(as_needed: bool, per_day: int | None) -> None:
    if as_needed and per_day is not None:
        raise UsageError("Options '--as-needed' and '--per-day' cannot be used together.")


def _described(medication: Medication) -> str:
    return printable(medication.prescription) or "no dose or schedule given"


def med() -> None:
    """Your medication list: what you take, with its dose and dates (log what you took with log --took)."""


@argument("name")
@option("--dose", default="", metavar="TEXT", help="The dose as on the box, e.g. '400 mg'.")
@option("--as-needed", action="store_true", help="Taken when needed (log each dose with log --took NAME:DOSES).")
@option("--per-day", type=IntRange(1, 24), metavar="N", help="Taken N times a day (not with --as-needed).")
@option("--start", metavar="DATE", help="First day you took it: YYYY-MM-DD or yesterday (default: today).")
def med_add(ctx: Context, name: str, dose: str, as_needed: bool, per_day: int | None, start: str | None) -> None:
    """Add a medication to your list, as it was prescribed.

    \b
    Examples:
      spinejournal med add Ibuprofen --dose "400 mg" --as-needed
      spinejournal med add Amitriptyline --dose "10 mg" --per-day 1 --start 2026-03-01
    """
    _schedule(as_needed, per_day)
    medication = Medication(name=name, start=date_option(start), dose=dose, per_day=per_day, as_needed=as_needed)
    stored = open_journal(ctx).add_medication(medication)
    print(f"Added '{printable(stored.name)}' ({_described(stored)}) from {stored.start}.")


def _history_order(medications: Sequence[Medication]) -> list[Medication]:
    """Each medication's records together, in the order the names were first added, each by date."""
    first: dict[str, int] = {}
    for m in medications:
        first.setdefault(name_key(m.name), m.id)
    return sorted(medications, key=lambda m: (first[name_key(m.name)], m.start, m.id))


def _status(medication: Medication, medications: Sequence[Medication], today: date) -> str:
    if medication.end is None or medication.end > today:
        since = "from" if medication.start > today else "since"
        until = f", stops {medication.end}" if medication.end else ""
        return f"{since} {medication.start}{until}"
    changed = any(
        name_key(m.name) == name_key(medication.name) and m.start == medication.end and m.id != medication.id
        for m in medications
    )
    return f"{medication.start} to {medication.end} ({'dose changed' if changed else 'stopped'})"


@option("--all", dest="show_all", action="store_true", help="Also stopped medications and earlier doses.")
def med_list(ctx: Context, show_all: bool) -> None:
    """List your current medications (name, dose, schedule, since when).

    With --all, stopped ones and earlier doses too, each with its dates (the stop date is the first
    day it was no longer taken).

    \b
    Example:
      spinejournal med list --all
    """
    today = clock.today()
    medications = open_journal(ctx, read_only=True).medications()
    shown = [m for m in _history_order(medications) if show_all or m.end is None or m.end > today]
    if not shown:
        print("No medications on your list. Add one with: spinejournal med add NAME --dose '400 mg' --as-needed")
        return
    for m in shown:
        name = printable(m.name, single_line=True)
        dose = printable(m.dose, single_line=True) or "-"
        print(f"{name:<24} {dose:<14} {m.schedule or '-':<14} {_status(m, medications, today)}")


@argument("name")
@option("--date", dest="when", metavar="DATE", help="The first day without it: YYYY-MM-DD (default: today).")
def med_stop(ctx: Context, name: str, when: str | None) -> None:
    """Stop a medication: it leaves your list from that date, the days you took it stay.

    \b
    Example:
      spinejournal med stop Amitriptyline --date 2026-03-14
    """
    on = date_option(when)
    journal = open_journal(ctx)
    current = _open_record(journal.medications(), name, on, "stop")
    stopped = journal.stop_medication(current.id, on, expected=current)
    print(f"Stopped '{printable(stopped.name)}' from {stopped.end}.")


@argument("name")
@option("--dose", metavar="TEXT", help="The new dose as on the box, e.g. '200 mg'.")
@option("--as-needed", action="store_true", help="Now taken when needed.")
@option("--per-day", type=IntRange(1, 24), metavar="N", help="Now taken N times a day (not with --as-needed).")
@option("--date", dest="when", metavar="DATE", help="The first day of the new dose: YYYY-MM-DD (default: today).")
def med_change(
    ctx: Context, name: str, dose: str | None, as_needed: bool, per_day: int | None, when: str | None
) -> None:
    """Record a dose or schedule change your prescriber made: the earlier dose keeps its dates.

    What you do not give stays as it was.

    \b
    Example:
      spinejournal med change Ibuprofen --dose "200 mg" --date 2026-03-10
    """
    _schedule(as_needed, per_day)
    if dose is None and not as_needed and per_day is None:
        raise UsageError("Nothing to change: give --dose, --as-needed or --per-day.")
    on = date_option(when)
    journal = open_journal(ctx)
    current = _open_record(journal.medications(), name, on, "change")
    changed = replace(current, dose=current.dose if dose is None else dose)
    if as_needed or per_day is not None:
        changed = replace(changed, as_needed=as_needed, per_day=per_day)
    if changed == current:
        raise CommandError(f"nothing to change: '{printable(current.name)}' is already {_described(current)}")
    now = journal.change_medication(changed, on, expected=current)
    print(f"Changed '{printable(now.name)}' from {on}: {_described(now)} (was {_described(current)}).")
