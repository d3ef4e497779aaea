"""Small numeric helpers the analyses share."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TypeVar

from spinejournal.clinical import MIN_N
from spinejournal.insights.format import EPS
from spinejournal.insights.range import DateRange
from spinejournal.insights.types import GroupMean, WeekValue


def mean(values: Iterable[float]) -> float | None:
    """Arithmetic mean, or None for no values."""
    items = list(values)
    return sum(items) / len(items) if items else None


def group(label: str, values: Sequence[float]) -> GroupMean:
    """A group's mean with its count; the mean is None below MIN_N values."""
    return GroupMean(label, len(values), mean(values) if len(values) >= MIN_N else None)


def at_least(value: float, threshold: float) -> bool:
    """``value >= threshold``, with slack for float means of whole numbers."""
    return value >= threshold - EPS


T = TypeVar("T")


def whole_weeks(rng: DateRange) -> tuple[tuple[date, date], ...]:
    """The range's whole 7-day weeks, counted back from its last day, oldest first (a shorter
    oldest window is left out, so every week compared holds 7 days)."""
    return tuple((start, end) for start, end in rng.weeks() if (end - start).days == 6)


def week_windows(rng: DateRange) -> tuple[tuple[date, date], ...]:
    """The weeks a weekly figure is shown for: the whole weeks of the range (no one-day "week" at its
    start), or the range itself when it is shorter than a week."""
    return whole_weeks(rng) or rng.weeks()


def first_and_latest(weeks: Sequence[WeekValue]) -> tuple[WeekValue | None, WeekValue | None]:
    """The earliest week with a value, and the latest one after it (None when there is none)."""
    valued = [w for w in weeks if w.value is not None]
    if not valued:
        return None, None
    return valued[0], (valued[-1] if len(valued) > 1 else None)


def by_whole_week(rng: DateRange, items: Iterable[tuple[date, T]]) -> list[list[T]]:
    """The values of ``items`` (dated within the range) grouped by :func:`whole_weeks`, oldest first;
    values in the shorter oldest window are left out."""
    count = len(whole_weeks(rng))
    buckets: list[list[T]] = [[] for _ in range(count)]
    for on, value in items:
        back = (rng.end - on).days // 7
        if on >= rng.start and 0 <= back < count:
            buckets[count - 1 - back].append(value)
    return buckets
