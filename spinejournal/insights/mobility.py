"""Mobility: walking, sitting and standing tolerance, morning stiffness, fingertip to floor."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spinejournal.clinical import BASELINE_DAYS, WEEK_MIN_DAYS
from spinejournal.insights.figures import by_whole_week, first_and_latest, mean, whole_weeks
from spinejournal.insights.range import DateRange
from spinejournal.insights.types import MeasureTrend, MobilityPoint, MobilitySummary, WeekValue
from spinejournal.model import Day, JournalData

_MEASURES = (
    ("walk", "Walking tolerance", "min", True),
    ("sit", "Sitting tolerance", "min", True),
    ("stand", "Standing tolerance", "min", True),
    ("stiffness", "Morning stiffness", "min", False),
    ("fingertip_floor_cm", "Fingertip to floor", "cm", False),
)


def _point(d: Day) -> MobilityPoint:
    m = d.mobility
    return MobilityPoint(d.date, m.walk, m.sit, m.stand, m.stiffness, m.fingertip_floor_cm)


def _week(start: date, end: date, values: Sequence[int]) -> WeekValue:
    return WeekValue(start, end, len(values), mean(values) if len(values) >= WEEK_MIN_DAYS else None)


def mobility(data: JournalData, rng: DateRange, days: Sequence[Day]) -> MobilitySummary:
    """Each measure's first and latest whole week of the range (a week's mean needs WEEK_MIN_DAYS
    values), and the start of care (the first BASELINE_DAYS logged days of the journal) against the
    latest whole week after it."""
    series = tuple(_point(d) for d in days if not d.mobility.is_empty)
    care_days = data.days[:BASELINE_DAYS]
    care_points = [_point(d) for d in care_days]
    windows = whole_weeks(rng)
    # Points grouped by week once, for all five measures (a 10-year range has 521 weeks).
    by_week = by_whole_week(rng, ((p.date, p) for p in series))
    trends = []
    for key, label, unit, higher in _MEASURES:
        n = sum(1 for p in series if getattr(p, key) is not None)
        weeks = [
            _week(start, end, [v for p in points if (v := getattr(p, key)) is not None])
            for (start, end), points in zip(windows, by_week, strict=True)
        ]
        first, latest = first_and_latest(weeks)
        care_week = None
        care_latest = None
        if care_days:
            care_values = [v for p in care_points if (v := getattr(p, key)) is not None]
            care_week = _week(care_days[0].date, care_days[-1].date, care_values)
            after = [w for w in weeks if w.value is not None and w.start > care_week.end]
            care_latest = after[-1] if after and care_week.value is not None else None
        trends.append(MeasureTrend(key, label, unit, higher, n, first, latest, care_week, care_latest))
    return MobilitySummary(series, tuple(trends))
