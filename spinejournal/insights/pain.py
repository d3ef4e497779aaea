"""Pain: the daily series with its rolling mean, weekly means, the change from a starting point, flares."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from itertools import accumulate
from typing import NamedTuple

from spinejournal.clinical import (
    BASELINE_DAYS,
    FLARE_POINTS,
    FLARE_WINDOW_DAYS,
    MCID_PERCENT,
    MCID_POINTS,
    WEEK_MIN_DAYS,
)
from spinejournal.insights.figures import at_least, mean, week_windows
from spinejournal.insights.format import EPS
from spinejournal.insights.range import DateRange
from spinejournal.insights.types import (
    Baseline,
    Flare,
    PainChange,
    PainExtreme,
    PainPoint,
    PainSince,
    PainSummary,
    WeekMean,
)
from spinejournal.insights.words import pain_change_sentence, pain_unknown_sentence
from spinejournal.model import Day, JournalData

# How many best and worst days to list.
BEST_WORST_COUNT = 3


class PainDay(NamedTuple):
    """A logged day's date and average pain, for a day that has one."""

    date: date
    pain: int


def pain_days(days: Iterable[Day]) -> list[PainDay]:
    """The days that record an average pain, with it: a day logged for a red flag alone has none."""
    return [PainDay(d.date, d.pain_avg) for d in days if d.pain_avg is not None]


class _PainWindows:
    """Mean average pain over any run of calendar days of the whole journal, in constant time (a
    red flag's day without an average counts as no pain day).

    Running totals of pain and of logged days per calendar day, so a 10-year journal's rolling means
    and flare checks cost one subtraction each instead of a walk through the window.
    """

    def __init__(self, days: Sequence[PainDay]) -> None:
        self.first = days[0].date.toordinal() if days else 0
        span = days[-1].date.toordinal() - self.first + 1 if days else 0
        pain = [0] * span
        logged = [0] * span
        for d in days:
            pain[d.date.toordinal() - self.first] = d.pain
            logged[d.date.toordinal() - self.first] = 1
        self.sums = [0, *accumulate(pain)]
        self.counts = [0, *accumulate(logged)]

    def mean(self, first: date, last: date) -> tuple[float | None, int]:
        """Mean average pain of the logged days first..last, and how many there were."""
        top = len(self.sums) - 1
        lo = min(max(first.toordinal() - self.first, 0), top)
        hi = min(max(last.toordinal() - self.first + 1, 0), top)
        n = self.counts[hi] - self.counts[lo] if hi > lo else 0
        return ((self.sums[hi] - self.sums[lo]) / n if n else None), n


# -- pain ------------------------------------------------------------------------------------------


def pain_summary(data: JournalData, rng: DateRange, logged: Sequence[Day]) -> PainSummary:
    """Average pain over the range: series, weeks, change, flares, and since care and since the visit.

    Every figure and its n counts only the days with an average pain: a day logged for a red flag
    alone is in no mean (worst and least pain still read it, if it has them)."""
    journal = pain_days(data.days)
    days = pain_days(logged)
    trailing_pain = _PainWindows(journal)
    series = []
    for d in days:
        # The rolling mean may look back before the range start: it describes the day, not the range.
        rolling, n = trailing_pain.mean(d.date - timedelta(days=6), d.date)
        series.append(PainPoint(d.date, d.pain, rolling if n >= WEEK_MIN_DAYS else None))

    windows = week_windows(rng)
    by_week: list[list[int]] = [[] for _ in windows]
    for d in days:
        week = len(windows) - 1 - (rng.end - d.date).days // 7
        if week >= 0:  # days of a partial week before the first whole week belong to no week
            by_week[week].append(d.pain)
    weeks = tuple(
        WeekMean(start, end, len(values), mean(values) if len(values) >= WEEK_MIN_DAYS else None)
        for (start, end), values in zip(windows, by_week, strict=True)
    )

    baseline = _baseline(days, "range")
    change = _change(rng, len(days), baseline, weeks)
    if change.points is None and days:
        # Too short a range to compare within it: compare with how the journal began instead.
        earlier = _baseline(journal, "journal")
        if earlier is not None and earlier.end < days[0].date:
            fallback = _change(rng, len(days), earlier, weeks)
            if fallback.points is not None:
                baseline, change = earlier, fallback

    flares = []
    for d in days:
        trailing, n = trailing_pain.mean(d.date - timedelta(days=FLARE_WINDOW_DAYS), d.date - timedelta(days=1))
        if trailing is not None and n >= WEEK_MIN_DAYS and at_least(d.pain - trailing, FLARE_POINTS):
            flares.append(Flare(d.date, d.pain, trailing, d.pain - trailing))

    # Best first: lowest pain, the most recent day first among equals.
    ranked = sorted(series, key=lambda p: (p.pain, -p.date.toordinal()))
    worst = sorted(series, key=lambda p: (-p.pain, -p.date.toordinal()))
    visit = data.last_visit(rng.end - timedelta(days=1))
    return PainSummary(
        since_care=pain_since("care", None, data.days, weeks),
        since_visit=None if visit is None else pain_since("visit", visit.date, data.days, weeks),
        worst=_extreme(logged, worst=True),
        least=_extreme(logged, worst=False),
        series=tuple(series),
        weeks=weeks,
        mean=mean(d.pain for d in days),
        baseline=baseline,
        change=change,
        best_days=tuple(ranked[:BEST_WORST_COUNT]),
        worst_days=tuple(worst[:BEST_WORST_COUNT]),
        flares=tuple(flares),
    )


def _baseline(days: Sequence[PainDay], scope: str) -> Baseline | None:
    if len(days) < BASELINE_DAYS:
        return None
    first = days[:BASELINE_DAYS]
    return Baseline(first[0].date, first[-1].date, BASELINE_DAYS, sum(d.pain for d in first) / BASELINE_DAYS, scope)


def _change(rng: DateRange, logged: int, baseline: Baseline | None, weeks: Sequence[WeekMean]) -> PainChange:
    def unknown(sentence: str) -> PainChange:
        return PainChange(None, None, None, None, None, False, "unknown", sentence)

    if logged == 0 or baseline is None:
        return unknown(pain_unknown_sentence(logged, baseline=baseline is not None))
    latest = next((w for w in reversed(weeks) if w.mean is not None and w.start > baseline.end), None)
    if latest is None or latest.mean is None:
        return unknown(pain_unknown_sentence(logged, baseline=True))
    points = baseline.mean - latest.mean
    percent = points / baseline.mean * 100 if baseline.mean > 0 else None
    important = at_least(abs(points), MCID_POINTS) or (percent is not None and at_least(abs(percent), MCID_PERCENT))
    direction = "same" if abs(points) < EPS else ("better" if points > 0 else "worse")
    sentence = pain_change_sentence(rng, baseline, latest, latest.mean, points, percent, important, direction)
    return PainChange(baseline.mean, latest.mean, latest, points, percent, important, direction, sentence)


def pain_since(scope: str, since: date | None, journal: Sequence[Day], weeks: Sequence[WeekMean]) -> PainSince:
    """Average pain of the first BASELINE_DAYS days with pain of ``journal`` on or after ``since`` (all of
    it when None) against the latest whole week of ``weeks`` with a mean that starts after them.

    ``scope`` ("care" or "visit") only names the starting point. Either side missing gives a
    PainSince with direction "unknown" and no figures.
    """
    start = pain_days(d for d in journal if since is None or d.date >= since)
    baseline = _baseline(start, scope)
    whole = [w for w in weeks if (w.end - w.start).days == 6]
    latest = next((w for w in reversed(whole) if baseline and w.mean is not None and w.start > baseline.end), None)
    if baseline is None or latest is None or latest.mean is None:
        return PainSince(scope, since, baseline, latest, None, None, False, "unknown")
    points = baseline.mean - latest.mean
    percent = points / baseline.mean * 100 if baseline.mean > 0 else None
    important = at_least(abs(points), MCID_POINTS) or (percent is not None and at_least(abs(percent), MCID_PERCENT))
    direction = "same" if abs(points) < EPS else ("better" if points > 0 else "worse")
    return PainSince(scope, since, baseline, latest, points, percent, important, direction)


def _extreme(days: Sequence[Day], *, worst: bool) -> PainExtreme | None:
    """The highest worst pain (``worst``) or the lowest least pain of the days, the latest day on a tie."""
    values = [(d.pain_worst if worst else d.pain_least, d.date) for d in days]
    known = [(p, on) for p, on in values if p is not None]
    if not known:
        return None
    pain, on = max(known, key=lambda v: (v[0] if worst else -v[0], v[1]))
    return PainExtreme(on, pain)
