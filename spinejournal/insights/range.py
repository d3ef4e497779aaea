"""Date ranges: the periods a person can look at ("since the last visit", 4 weeks, 3 months, all)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from spinejournal import clock
from spinejournal.insights.format import short_date
from spinejournal.model import JournalData
from spinejournal.ranges import RANGE_KEYS, RANGE_LABELS

# Days in the fixed ranges: 4 weeks, and 13 weeks for "3 months" (whole weeks keep weekly means whole).
FOUR_WEEKS_DAYS = 28
THREE_MONTHS_DAYS = 91


@dataclass(frozen=True, slots=True)
class DateRange:
    """An inclusive range of calendar days, with the key it was asked for and a label for people."""

    key: str
    start: date
    end: date
    label: str

    @property
    def days(self) -> int:
        """Number of calendar days in the range, both ends included."""
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def weeks(self) -> tuple[tuple[date, date], ...]:
        """7-day windows counted back from the end, oldest first.

        The oldest window is shorter than 7 days when the range is not a whole number of weeks, so
        "the latest week" is always the last 7 days of the range.
        """
        windows: list[tuple[date, date]] = []
        end = self.end
        while end >= self.start:
            start = max(self.start, end - timedelta(days=6))
            windows.append((start, end))
            end = start - timedelta(days=1)
        return tuple(reversed(windows))

    def day_label(self, d: date) -> str:
        """A short date, with the year when the range does not sit within one calendar year."""
        return short_date(d, year=self.start.year != self.end.year)


def resolve_range(
    data: JournalData,
    key: str = "since-visit",
    *,
    today: date | None = None,
    start: date | None = None,
    end: date | None = None,
) -> DateRange:
    """Turn a range key, or custom ``start``/``end`` dates, into concrete dates.

    - "since-visit": from the most recent visit *before* today up to today (on the day of a visit the
      range still covers the time since the previous one); with no such visit, the last 4 weeks.
    - "4w": the 28 days ending today; "3m": the 13 weeks (91 days) ending today.
    - "all": from the first logged day (or today, for an empty journal) to today, or to the last
      logged day when that is later.
    - custom, when ``start`` or ``end`` is given (``key`` is then ignored): a missing start is the
      first logged day, a missing end is today.

    ``today`` defaults to :func:`spinejournal.clock.today`. Raises ``ValueError`` for an unknown key
    or a start after the end.
    """
    today = today or clock.today()
    first_logged = data.days[0].date if data.days else None
    if start is not None or end is not None:
        end = end or today
        start = start or min(first_logged or end, end)
        if start > end:
            raise ValueError(f"the range starts after it ends ({start} > {end})")
        return DateRange("custom", start, end, f"{short_date(start, year=True)} to {short_date(end, year=True)}")
    if key == "since-visit":
        visit = data.last_visit(today - timedelta(days=1))
        if visit is None:
            return DateRange(
                key, today - timedelta(days=FOUR_WEEKS_DAYS - 1), today, "Last 4 weeks (no visit recorded yet)"
            )
        return DateRange(key, visit.date, today, f"Since the visit on {short_date(visit.date, year=True)}")
    if key == "4w":
        return DateRange(key, today - timedelta(days=FOUR_WEEKS_DAYS - 1), today, RANGE_LABELS[key])
    if key == "3m":
        return DateRange(key, today - timedelta(days=THREE_MONTHS_DAYS - 1), today, RANGE_LABELS[key])
    if key == "all":
        last = max(today, data.days[-1].date) if data.days else today
        return DateRange(key, first_logged or today, last, RANGE_LABELS[key])
    raise ValueError(f"unknown range '{key}': use one of {', '.join(RANGE_KEYS)}")
