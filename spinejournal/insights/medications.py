"""Medications: dated changes of the list, as-needed doses per whole week and days taken for the
scheduled ones, read from what the person logged. Never a suggestion (DOMAIN.md)."""

from __future__ import annotations

from collections.abc import Sequence

from spinejournal.clinical import WEEK_MIN_DAYS
from spinejournal.insights.figures import by_whole_week, first_and_latest, whole_weeks
from spinejournal.insights.range import DateRange
from spinejournal.insights.types import AsNeededUse, MedicationChange, MedicationSummary, ScheduledUse, WeekValue
from spinejournal.insights.words import medication_sentences
from spinejournal.model import Day, JournalData, Medication, name_key


def medication_changes(medications: Sequence[Medication], rng: DateRange) -> tuple[MedicationChange, ...]:
    """Starts, stops and dose changes dated within the range, oldest first.

    A dose change is a record ending on a day D and one with the same name (``name_key``) starting on
    D: it is one change, not a stop and a start. A stop is dated on the record's end (the first day
    it is no longer taken).
    """
    by_key: dict[str, list[Medication]] = {}
    for m in medications:
        by_key.setdefault(name_key(m.name), []).append(m)
    changes = []
    for m in medications:
        same = by_key[name_key(m.name)]
        if m.start in rng:
            before = next((o for o in same if o is not m and o.end == m.start), None)
            if before is None:
                changes.append(MedicationChange(m.start, "started", m.name, "", m.prescription))
            else:
                changes.append(MedicationChange(m.start, "dose changed", m.name, before.prescription, m.prescription))
        if m.end is not None and m.end in rng and not any(o is not m and o.start == m.end for o in same):
            changes.append(MedicationChange(m.end, "stopped", m.name, m.prescription, ""))
    return tuple(sorted(changes, key=lambda c: (c.date, name_key(c.name))))


def _overlaps(m: Medication, rng: DateRange) -> bool:
    return m.start <= rng.end and (m.end is None or m.end > rng.start)


def _by_name(records: Sequence[Medication]) -> dict[str, list[Medication]]:
    """Records grouped by ``name_key``, in name order; each group oldest first."""
    groups: dict[str, list[Medication]] = {}
    for m in sorted(records, key=lambda m: (name_key(m.name), m.start)):
        groups.setdefault(name_key(m.name), []).append(m)
    return groups


def _as_needed(rng: DateRange, days: Sequence[Day], records: list[Medication]) -> AsNeededUse:
    ids = {m.id for m in records}
    per_day = [(d.date, sum(t.dose_count for t in d.medications if t.medication_id in ids)) for d in days]
    weeks = tuple(
        # A week's doses count only when enough of its days were logged: unlogged days are unknown, not zero.
        WeekValue(start, end, len(doses), float(sum(doses)) if len(doses) >= WEEK_MIN_DAYS else None)
        for (start, end), doses in zip(whole_weeks(rng), by_whole_week(rng, per_day), strict=True)
    )
    first, latest = first_and_latest(weeks)
    return AsNeededUse(records[-1].name, sum(n for _, n in per_day), weeks, first, latest)


def _scheduled(days: Sequence[Day], records: list[Medication]) -> ScheduledUse:
    ids = {m.id for m in records}
    on_list = [d for d in days if any(m.active_on(d.date) for m in records)]
    taken = sum(1 for d in on_list if any(t.medication_id in ids for t in d.medications))
    return ScheduledUse(records[-1].name, records[-1].prescription, len(on_list), taken)


def medication_summary(data: JournalData, rng: DateRange, days: Sequence[Day]) -> MedicationSummary:
    """Changes in the range, and how each medication on the list in the range was taken.

    As-needed doses are the sum of ``dose_count`` over the as-needed records of one name (joined
    across dose changes), per whole week of the range; a week counts with at least WEEK_MIN_DAYS
    logged days. Scheduled ones: on how many logged days a record of that name was on the list, and
    on how many of those it was ticked as taken (left out when no logged day falls on the list).
    """
    current = [m for m in data.medications if _overlaps(m, rng)]
    changes = medication_changes(data.medications, rng)
    as_needed = tuple(_as_needed(rng, days, group) for group in _by_name([m for m in current if m.as_needed]).values())
    scheduled = tuple(
        use
        for group in _by_name([m for m in current if not m.as_needed]).values()
        if (use := _scheduled(days, group)).days_on_list  # nothing to say without a logged day on the list
    )
    return MedicationSummary(changes, as_needed, scheduled, medication_sentences(rng, changes, as_needed, scheduled))
