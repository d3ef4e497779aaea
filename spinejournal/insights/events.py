"""Care events (surgery, injection, imaging, diagnosis, other) in the range, and the week after the
most recent surgery."""

from __future__ import annotations

from datetime import date

from spinejournal.insights.range import DateRange
from spinejournal.insights.types import CareEvents, EventEntry
from spinejournal.insights.words import event_sentences
from spinejournal.model import EVENT_KINDS, CareEvent


def week_after(surgery: date, on: date) -> int:
    """The week after surgery that ``on`` falls in, counting the day of the operation as day 0:
    days 0-6 are week 1, days 7-13 week 2, and so on (so day 35 starts week 6)."""
    return (on - surgery).days // 7 + 1


def care_events(events: tuple[CareEvent, ...], rng: DateRange) -> CareEvents:
    """Events dated within the range, oldest first, and the most recent surgery on or before the
    range end (it may be before the range start) with the week after it at the range end."""
    entries = sorted(
        (EventEntry(e.date, e.kind, EVENT_KINDS[e.kind], e.text) for e in events), key=lambda e: (e.date, e.kind)
    )
    inside = tuple(e for e in entries if e.date in rng)
    surgeries = [e for e in entries if e.kind == "surgery" and e.date <= rng.end]
    surgery = surgeries[-1] if surgeries else None
    week = week_after(surgery.date, rng.end) if surgery is not None else None
    return CareEvents(inside, surgery, week, event_sentences(rng, inside, surgery, week))
