"""Trends and insights: every figure the Trends screen, ``spinejournal trends`` and the exports show.

Pure Python over :class:`spinejournal.model.JournalData` (no Textual, no TinyDB). Every clinical rule
comes from :mod:`spinejournal.clinical` (MCID_POINTS, MCID_PERCENT, WEEK_MIN_DAYS, BASELINE_DAYS,
FLARE_POINTS, FLARE_WINDOW_DAYS, ADHERENT_PERCENT); the reasoning is in ``shared/DOMAIN.md``.

Public API
----------
Ranges
    ``RANGE_KEYS`` = ("since-visit", "4w", "3m", "all"); ``RANGE_LABELS`` maps each to a label.
    ``resolve_range(data, key="since-visit", *, today=None, start=None, end=None) -> DateRange``:
    "since-visit" (from the most recent visit before today, else the last 4 weeks), "4w" (28 days
    ending today), "3m" (13 weeks = 91 days ending today), "all" (first logged day to today), or a
    custom range when ``start`` and/or ``end`` is given. Raises ``ValueError`` (one line) when the
    start is after the end.
    ``DateRange(key, start, end, label)``: inclusive; ``.days``, ``.weeks()``, ``.day_label(d)``.

One call
    ``compute(data, rng) -> Insights``: a frozen dataclass tree, cheap enough to cache per
    (range, journal snapshot). ``Insights`` holds:

    - ``days_in_range``, ``days_logged``, ``is_empty``;
    - ``pain: PainSummary``: ``series`` (PainPoint: date, pain, rolling_mean), ``weeks``
      (WeekMean: start, end, n, mean or None when n < WEEK_MIN_DAYS), ``mean``, ``baseline``
      (Baseline: start, end, n, mean, or None), ``change`` (PainChange: baseline, latest, latest_week,
      points, percent, important, direction, sentence), ``best_days``/``worst_days`` (PainPoint),
      ``flares`` (Flare: date, pain, trailing_mean, rise);
    - ``adherence: Adherence``: ``exercises`` (ExerciseAdherence: exercise_id, name, dose,
      active_days, scheduled, done, partial, skipped, credit, percent, adherent), overall
      ``scheduled``/``credit``/``percent``/``adherent``, ``skip_reasons`` ((reason, count), most common
      first), ``top_skip_reason``, ``weeks`` (WeekAdherence: start, end, scheduled, credit, percent),
      ``sentence``;
    - ``heat_ice: HeatIce``: ``heat``/``ice`` (TherapyStats: kind, sessions, minutes, days,
      too_long, relief_n, mean_relief or None when relief_n < MIN_N), ``heat_days``/``ice_days``/
      ``neither_days`` (GroupMean of same-day average pain: label, n, mean or None when n < MIN_N),
      ``weeks`` (TherapyWeek: start, end, heat_sessions, ice_sessions, heat_minutes, ice_minutes),
      ``sentences``;
    - ``next_day: NextDayPain``: ``full``/``partial``/``none`` (GroupMean of the next day's
      average pain after days with all, some or none of the logged exercises done), ``sentence``;
    - ``mobility: MobilitySummary``: ``series`` (MobilityPoint: date, walk, sit, stand, stiffness,
      fingertip_floor_cm), ``trends`` (MeasureTrend: key, label, unit, higher_is_better, n,
      start_mean, recent_mean, each None when too few values);
    - ``psfs: PsfsSummary``: ``series`` (PsfsPoint: date, score, n_activities), ``activities``
      (PsfsActivitySeries: activity_id, name, points), ``first``, ``latest``, ``change``,
      ``important``, ``sentence``;
    - ``red_flag_days`` (RedFlagDay: date, flags, urgency), ``questions`` and ``notes`` (TextEntry:
      date, text; the person's own words, to be escaped by whoever shows them).

Words
    ``what_changed(ins, *, period=True) -> tuple[str, ...]``: the short "what changed" panel, in plain
    words, red flags first (``period=False`` leaves out the "range: n of m days logged" line).
    ``short_date(d)`` ("2 Mar"). Sentences can contain user text (exercise names): show them as plain
    text, never as markup.

"What helps" figures are associations with their count (n), never causes; below ``MIN_N`` the figure is
``None`` and the sentence says there is too little to go on.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate

from spinejournal import clock
from spinejournal.clinical import (
    ADHERENT_PERCENT,
    BASELINE_DAYS,
    FLARE_POINTS,
    FLARE_WINDOW_DAYS,
    MCID_PERCENT,
    MCID_POINTS,
    MIN_N,
    PSFS_MCID_POINTS,
    RED_FLAG_NOTE,
    WEEK_MIN_DAYS,
    Urgency,
    most_urgent,
)
from spinejournal.model import SKIP_REASONS, THERAPY_KINDS, Day, Exercise, JournalData
from spinejournal.ranges import RANGE_KEYS, RANGE_LABELS

# How many best and worst days to list.
BEST_WORST_COUNT = 3
# Days in the fixed ranges: 4 weeks, and 13 weeks for "3 months" (whole weeks keep weekly means whole).
FOUR_WEEKS_DAYS = 28
THREE_MONTHS_DAYS = 91
# Float means of whole numbers: compare thresholds with a little slack so 2.0 counts as 2.
_EPS = 1e-9

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(d: date, *, year: bool = False) -> str:
    """'2 Mar' (or '2 Mar 2026' with ``year``): locale-independent, so output is the same everywhere."""
    text = f"{d.day} {_MONTHS[d.month - 1]}"
    return f"{text} {d.year}" if year else text


# -- ranges ----------------------------------------------------------------------------------------


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


# -- result types ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PainPoint:
    """One logged day's average pain and the mean of the 7 calendar days ending that day.

    The rolling mean may reach back before the range (it describes the day) and is None when fewer
    than WEEK_MIN_DAYS of those 7 days are logged.
    """

    date: date
    pain: int
    rolling_mean: float | None = None


@dataclass(frozen=True, slots=True)
class WeekMean:
    """Mean daily average pain of one 7-day window; ``mean`` is None when fewer than WEEK_MIN_DAYS logged."""

    start: date
    end: date
    n: int
    mean: float | None


@dataclass(frozen=True, slots=True)
class Baseline:
    """Mean of the first BASELINE_DAYS logged days (``start``/``end`` are those days).

    ``scope`` is "range" for the first days of the range, or "journal" for the first days of the
    whole journal: used when the range is too short to hold both a baseline and a later week to
    compare (e.g. a week since the last visit), as DOMAIN.md allows.
    """

    start: date
    end: date
    n: int
    mean: float
    scope: str = "range"

    @property
    def what(self) -> str:
        """'first 7 logged days', or 'first 7 logged days of the journal'."""
        return f"first {self.n} logged days" + (" of the journal" if self.scope == "journal" else "")

    def span(self, rng: DateRange) -> str:
        """'2 Mar to 8 Mar', with years when the baseline or the range crosses a year."""
        year = self.start.year != rng.end.year or rng.start.year != rng.end.year
        return f"{short_date(self.start, year=year)} to {short_date(self.end, year=year)}"


@dataclass(frozen=True, slots=True)
class PainChange:
    """Baseline versus the latest week with a mean, and whether the change is clinically important.

    ``points`` = baseline - latest (positive means less pain); ``percent`` = points / baseline x 100
    (None when the baseline is 0). ``important`` when |points| >= MCID_POINTS or |percent| >=
    MCID_PERCENT, in either direction. ``direction`` is "better", "worse", "same" or "unknown" (not
    enough data; the numbers are then None). ``sentence`` says it in plain words either way.
    """

    baseline: float | None
    latest: float | None
    latest_week: WeekMean | None
    points: float | None
    percent: float | None
    important: bool
    direction: str
    sentence: str


@dataclass(frozen=True, slots=True)
class Flare:
    """A day whose average pain is at least FLARE_POINTS above the mean of the FLARE_WINDOW_DAYS before it.

    A day is judged only when at least WEEK_MIN_DAYS of those days are logged (anywhere in the journal).
    """

    date: date
    pain: int
    trailing_mean: float
    rise: float


@dataclass(frozen=True, slots=True)
class PainSummary:
    """Daily average pain over the range."""

    series: tuple[PainPoint, ...]
    weeks: tuple[WeekMean, ...]
    mean: float | None
    baseline: Baseline | None
    change: PainChange
    best_days: tuple[PainPoint, ...]
    worst_days: tuple[PainPoint, ...]
    flares: tuple[Flare, ...]


@dataclass(frozen=True, slots=True)
class ExerciseAdherence:
    """Adherence to one exercise of the plan over the range.

    ``scheduled`` = times_per_week x active_days / 7, where active_days are the days of the range on
    which the exercise was in the plan (from its start date up to, not including, its end date); so a
    partial week counts pro rata, e.g. 5 x/week over 3 active days is 15/7 = 2.14 sessions.
    ``credit`` = done + 0.5 x partly done, counted up to ``scheduled`` (extra sessions do not push
    adherence over 100 %). For more than 7 times a week, one tick on a day stands for that day's
    times_per_week / 7 sessions. ``percent`` = credit / scheduled x 100, None when nothing was scheduled.
    """

    exercise_id: int
    name: str
    dose: str
    active_days: int
    scheduled: float
    done: int
    partial: int
    skipped: int
    credit: float
    percent: float | None

    @property
    def adherent(self) -> bool | None:
        """At or above ADHERENT_PERCENT; None when nothing was scheduled."""
        return None if self.percent is None else self.percent >= ADHERENT_PERCENT - _EPS


@dataclass(frozen=True, slots=True)
class WeekAdherence:
    """Overall adherence in one 7-day window (same windows as the weekly pain means)."""

    start: date
    end: date
    scheduled: float
    credit: float
    percent: float | None


@dataclass(frozen=True, slots=True)
class Adherence:
    """Home exercise adherence, per exercise and overall (sum of credits / sum of scheduled x 100).

    A scheduled session that was never ticked off counts as not done. ``skip_reasons`` counts the
    reasons given for skipped or partly done exercises, most common first.
    """

    exercises: tuple[ExerciseAdherence, ...]
    scheduled: float
    credit: float
    percent: float | None
    skip_reasons: tuple[tuple[str, int], ...]
    weeks: tuple[WeekAdherence, ...]
    sentence: str

    @property
    def adherent(self) -> bool | None:
        """Overall at or above ADHERENT_PERCENT; None when nothing was scheduled."""
        return None if self.percent is None else self.percent >= ADHERENT_PERCENT - _EPS

    @property
    def top_skip_reason(self) -> str | None:
        """The most common reason id (see ``model.SKIP_REASONS``), or None when none was given."""
        return self.skip_reasons[0][0] if self.skip_reasons else None


@dataclass(frozen=True, slots=True)
class GroupMean:
    """Mean average pain of a group of days, with its count; ``mean`` is None when n < MIN_N."""

    label: str
    n: int
    mean: float | None


@dataclass(frozen=True, slots=True)
class TherapyStats:
    """Heat or ice sessions in the range. Relief = pain before - pain after, over sessions with both."""

    kind: str
    sessions: int
    minutes: int
    days: int
    too_long: int
    relief_n: int
    mean_relief: float | None


@dataclass(frozen=True, slots=True)
class TherapyWeek:
    """Heat and ice use in one 7-day window."""

    start: date
    end: date
    heat_sessions: int
    ice_sessions: int
    heat_minutes: int
    ice_minutes: int


@dataclass(frozen=True, slots=True)
class HeatIce:
    """Heat versus ice: sessions and relief, and the average pain of days with heat, ice or neither.

    A day with both heat and ice counts among the heat days and among the ice days.
    """

    heat: TherapyStats
    ice: TherapyStats
    heat_days: GroupMean
    ice_days: GroupMean
    neither_days: GroupMean
    weeks: tuple[TherapyWeek, ...]
    sentences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NextDayPain:
    """Next day's average pain after days with all, some or none of the exercises done.

    A day counts as "all" when it has exercise logs and every one is done, "some" when at least one is
    done or partly done, "none" when exercises were in the plan but none was done. Only days whose
    next day is logged count; days with nothing in the plan are left out.
    """

    full: GroupMean
    partial: GroupMean
    none: GroupMean
    sentence: str


@dataclass(frozen=True, slots=True)
class MobilityPoint:
    """Self-measured mobility on one logged day (minutes; fingertip-to-floor in cm)."""

    date: date
    walk: int | None
    sit: int | None
    stand: int | None
    stiffness: int | None
    fingertip_floor_cm: int | None


@dataclass(frozen=True, slots=True)
class MeasureTrend:
    """One mobility measure: mean of its first and of its last BASELINE_DAYS values in the range.

    Both means are None unless there are at least 2 x BASELINE_DAYS values, so the two never overlap.
    """

    key: str
    label: str
    unit: str
    higher_is_better: bool
    n: int
    start_mean: float | None
    recent_mean: float | None


@dataclass(frozen=True, slots=True)
class MobilitySummary:
    """Mobility over the range."""

    series: tuple[MobilityPoint, ...]
    trends: tuple[MeasureTrend, ...]


@dataclass(frozen=True, slots=True)
class PsfsPoint:
    """PSFS score on a date: mean of each activity's latest rating so far (0 = unable, 10 = as before)."""

    date: date
    score: float
    n_activities: int


@dataclass(frozen=True, slots=True)
class PsfsActivitySeries:
    """One PSFS activity's ratings in the range, on the 1.0 direction (0 = unable, 10 = as before)."""

    activity_id: int
    name: str
    points: tuple[tuple[date, int], ...]


@dataclass(frozen=True, slots=True)
class PsfsSummary:
    """PSFS over the range; ``change`` = latest - first score (positive is better)."""

    series: tuple[PsfsPoint, ...]
    activities: tuple[PsfsActivitySeries, ...]
    first: float | None
    latest: float | None
    change: float | None
    important: bool
    sentence: str


@dataclass(frozen=True, slots=True)
class RedFlagDay:
    """A day on which red-flag symptoms were logged, and how urgent the most urgent one is."""

    date: date
    flags: tuple[str, ...]
    urgency: Urgency


@dataclass(frozen=True, slots=True)
class TextEntry:
    """A note or question in the person's own words (escape it wherever it is shown)."""

    date: date
    text: str


@dataclass(frozen=True, slots=True)
class Insights:
    """Everything computed for one range of one journal snapshot."""

    range: DateRange
    days_in_range: int
    days_logged: int
    pain: PainSummary
    adherence: Adherence
    heat_ice: HeatIce
    next_day: NextDayPain
    mobility: MobilitySummary
    psfs: PsfsSummary
    red_flag_days: tuple[RedFlagDay, ...]
    questions: tuple[TextEntry, ...]
    notes: tuple[TextEntry, ...]

    @property
    def is_empty(self) -> bool:
        """True when no day is logged in the range."""
        return self.days_logged == 0


# -- small helpers ---------------------------------------------------------------------------------


def _mean(values: Iterable[float]) -> float | None:
    items = list(values)
    return sum(items) / len(items) if items else None


def _group(label: str, values: Sequence[float]) -> GroupMean:
    mean = _mean(values) if len(values) >= MIN_N else None
    return GroupMean(label, len(values), mean)


def _fmt(value: float) -> str:
    return f"{value:.1f}"


def shown(value: float, decimals: int = 0) -> str:
    """A figure as every screen and export shows it: cut towards zero, so a figure just under a
    threshold never reads as reaching it (29.6 % -> "29")."""
    scale = 10**decimals
    sign = -1 if value < 0 else 1
    cut = math.floor(abs(value) * scale + _EPS) / scale * sign
    return f"{cut:.{decimals}f}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _at_least(value: float, threshold: float) -> bool:
    return value >= threshold - _EPS


class _PainWindows:
    """Mean average pain over any run of calendar days of the whole journal, in constant time.

    Running totals of pain and of logged days per calendar day, so a 10-year journal's rolling means
    and flare checks cost one subtraction each instead of a walk through the window.
    """

    def __init__(self, days: Sequence[Day]) -> None:
        self.first = days[0].date.toordinal() if days else 0
        span = days[-1].date.toordinal() - self.first + 1 if days else 0
        pain = [0] * span
        logged = [0] * span
        for d in days:
            pain[d.date.toordinal() - self.first] = d.pain_avg
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


def _pain(data: JournalData, rng: DateRange, days: Sequence[Day]) -> PainSummary:
    trailing_pain = _PainWindows(data.days)
    series = []
    for d in days:
        # The rolling mean may look back before the range start: it describes the day, not the range.
        mean, n = trailing_pain.mean(d.date - timedelta(days=6), d.date)
        series.append(PainPoint(d.date, d.pain_avg, mean if n >= WEEK_MIN_DAYS else None))

    windows = rng.weeks()
    by_week: list[list[int]] = [[] for _ in windows]
    for d in days:
        by_week[len(windows) - 1 - (rng.end - d.date).days // 7].append(d.pain_avg)
    weeks = tuple(
        WeekMean(start, end, len(values), _mean(values) if len(values) >= WEEK_MIN_DAYS else None)
        for (start, end), values in zip(windows, by_week, strict=True)
    )

    baseline = _baseline(days, "range")
    change = _change(rng, len(days), baseline, weeks)
    if change.points is None and days:
        # Too short a range to compare within it: compare with how the journal began instead.
        earlier = _baseline(data.days, "journal")
        if earlier is not None and earlier.end < days[0].date:
            fallback = _change(rng, len(days), earlier, weeks)
            if fallback.points is not None:
                baseline, change = earlier, fallback

    flares = []
    for d in days:
        trailing, n = trailing_pain.mean(d.date - timedelta(days=FLARE_WINDOW_DAYS), d.date - timedelta(days=1))
        if trailing is not None and n >= WEEK_MIN_DAYS and _at_least(d.pain_avg - trailing, FLARE_POINTS):
            flares.append(Flare(d.date, d.pain_avg, trailing, d.pain_avg - trailing))

    # Best first: lowest pain, the most recent day first among equals.
    ranked = sorted(series, key=lambda p: (p.pain, -p.date.toordinal()))
    worst = sorted(series, key=lambda p: (-p.pain, -p.date.toordinal()))
    return PainSummary(
        series=tuple(series),
        weeks=weeks,
        mean=_mean(d.pain_avg for d in days),
        baseline=baseline,
        change=change,
        best_days=tuple(ranked[:BEST_WORST_COUNT]),
        worst_days=tuple(worst[:BEST_WORST_COUNT]),
        flares=tuple(flares),
    )


def _baseline(days: Sequence[Day], scope: str) -> Baseline | None:
    if len(days) < BASELINE_DAYS:
        return None
    first = days[:BASELINE_DAYS]
    return Baseline(first[0].date, first[-1].date, BASELINE_DAYS, sum(d.pain_avg for d in first) / BASELINE_DAYS, scope)


def _change(rng: DateRange, logged: int, baseline: Baseline | None, weeks: Sequence[WeekMean]) -> PainChange:
    def unknown(sentence: str) -> PainChange:
        return PainChange(None, None, None, None, None, False, "unknown", sentence)

    if logged == 0:
        return unknown("No days logged in this period, so there is nothing to compare yet.")
    if baseline is None:
        return unknown(
            f"Not enough days to compare yet: a starting point needs {BASELINE_DAYS} logged days "
            f"and this period has {logged}."
        )
    latest = next((w for w in reversed(weeks) if w.mean is not None and w.start > baseline.end), None)
    if latest is None or latest.mean is None:
        return unknown(
            f"Not enough days to compare yet: after the first {BASELINE_DAYS} logged days, a week "
            f"with at least {WEEK_MIN_DAYS} logged days is needed."
        )
    points = baseline.mean - latest.mean
    percent = points / baseline.mean * 100 if baseline.mean > 0 else None
    important = _at_least(abs(points), MCID_POINTS) or (percent is not None and _at_least(abs(percent), MCID_PERCENT))
    direction = "same" if abs(points) < _EPS else ("better" if points > 0 else "worse")

    period = (
        f"From your {baseline.what} ({baseline.span(rng)}) to the latest week ({rng.day_label(latest.start)} to "
        f"{rng.day_label(latest.end)})"
    )
    size = f"{shown(abs(points), 1)} points" + (f", {shown(abs(percent))} %" if percent is not None else "")
    if direction == "same":
        sentence = f"{period}, your average pain stayed at {_fmt(baseline.mean)} out of 10."
    else:
        moved = "went down" if direction == "better" else "went up"
        sentence = f"{period}, your average pain {moved} from {_fmt(baseline.mean)} to {_fmt(latest.mean)} ({size})."
    if important and direction == "better":
        sentence += " That is a change big enough to make a real difference."
    elif important:
        sentence += " That is a change big enough to matter: worth talking over with your therapist."
    else:
        sentence += (
            f" That is less than the {MCID_POINTS:.0f} points or {MCID_PERCENT:.0f} % "
            "that usually make a real difference."
        )
    return PainChange(baseline.mean, latest.mean, latest, points, percent, important, direction, sentence)


# -- exercises -------------------------------------------------------------------------------------


def _active_days(ex: Exercise, first: date, last: date) -> int:
    """Days of first..last on which the exercise is in the plan (its end date is excluded)."""
    lo = max(ex.start, first)
    hi = min(last, ex.end - timedelta(days=1)) if ex.end is not None else last
    return max(0, (hi - lo).days + 1)


def _adherence(data: JournalData, rng: DateRange, days: Sequence[Day]) -> Adherence:
    windows = rng.weeks()
    per_day = {ex.id: max(1.0, ex.times_per_week / 7) for ex in data.exercises}
    counts: dict[int, Counter[str]] = {ex.id: Counter() for ex in data.exercises}
    credit_total: dict[int, float] = {ex.id: 0.0 for ex in data.exercises}
    credit_week: dict[int, list[float]] = {ex.id: [0.0] * len(windows) for ex in data.exercises}
    reasons: Counter[str] = Counter()
    for d in days:
        week = len(windows) - 1 - (rng.end - d.date).days // 7
        for log in d.exercises:
            if log.exercise_id not in counts:
                continue  # a log of an exercise no longer in the journal cannot be scheduled against
            counts[log.exercise_id][log.status] += 1
            credit = log.credit * per_day[log.exercise_id]
            credit_total[log.exercise_id] += credit
            credit_week[log.exercise_id][week] += credit
            if log.reason is not None:
                reasons[log.reason] += 1

    rows = []
    for ex in data.exercises:
        active = _active_days(ex, rng.start, rng.end)
        logged = sum(counts[ex.id].values())
        if active == 0 and logged == 0:
            continue
        scheduled = ex.times_per_week * active / 7
        credit = min(credit_total[ex.id], scheduled)
        rows.append(
            ExerciseAdherence(
                exercise_id=ex.id,
                name=ex.name,
                dose=ex.dose,
                active_days=active,
                scheduled=scheduled,
                done=counts[ex.id]["done"],
                partial=counts[ex.id]["partial"],
                skipped=counts[ex.id]["skipped"],
                credit=credit,
                percent=credit / scheduled * 100 if scheduled > 0 else None,
            )
        )

    weeks = []
    for i, (start, end) in enumerate(windows):
        scheduled_w = credit_w = 0.0
        for ex in data.exercises:
            s = ex.times_per_week * _active_days(ex, start, end) / 7
            scheduled_w += s
            credit_w += min(credit_week[ex.id][i], s)
        weeks.append(
            WeekAdherence(start, end, scheduled_w, credit_w, credit_w / scheduled_w * 100 if scheduled_w > 0 else None)
        )

    scheduled = sum(r.scheduled for r in rows)
    credit = sum(r.credit for r in rows)
    order = list(SKIP_REASONS)
    skip_reasons = tuple(sorted(reasons.items(), key=lambda kv: (-kv[1], order.index(kv[0]))))
    percent = credit / scheduled * 100 if scheduled > 0 else None
    partial = Adherence(tuple(rows), scheduled, credit, percent, skip_reasons, tuple(weeks), "")
    return Adherence(tuple(rows), scheduled, credit, percent, skip_reasons, tuple(weeks), adherence_sentence(partial))


def adherence_sentence(adh: Adherence) -> str:
    """Overall adherence, the least-done exercise and the most common skip reason, in plain words."""
    if adh.percent is None:
        return "No home exercises were planned in this period."
    verdict = "on track" if adh.adherent else f"below the {ADHERENT_PERCENT:.0f} % that usually counts as keeping up"
    sentence = (
        f"Home exercises: {shown(adh.percent)} % of planned sessions done ({_fmt(adh.credit)} of "
        f"{_fmt(adh.scheduled)}, a partly done one counting half), {verdict}."
    )
    planned = [r for r in adh.exercises if r.percent is not None]
    if len(planned) > 1:
        lowest = min(planned, key=lambda r: (r.percent, r.name))
        sentence += f" Least done: {lowest.name} ({shown(lowest.percent or 0)} %)."
    if adh.top_skip_reason is not None:
        reason, count = adh.skip_reasons[0]
        sentence += f" Most common reason for skipping: {SKIP_REASONS[reason].lower()} ({count} times)."
    return sentence


# -- heat and ice ----------------------------------------------------------------------------------


def _therapy_stats(kind: str, days: Sequence[Day]) -> TherapyStats:
    sessions = [s for d in days for s in d.sessions if s.kind == kind]
    reliefs = [s.relief for s in sessions if s.relief is not None]
    return TherapyStats(
        kind=kind,
        sessions=len(sessions),
        minutes=sum(s.minutes for s in sessions),
        days=sum(1 for d in days if any(s.kind == kind for s in d.sessions)),
        too_long=sum(1 for s in sessions if s.too_long),
        relief_n=len(reliefs),
        mean_relief=_mean(reliefs) if len(reliefs) >= MIN_N else None,
    )


def _heat_ice(rng: DateRange, days: Sequence[Day]) -> HeatIce:
    heat = _therapy_stats("heat", days)
    ice = _therapy_stats("ice", days)
    kinds = [{s.kind for s in d.sessions} for d in days]
    heat_days = _group("days with heat", [d.pain_avg for d, k in zip(days, kinds, strict=True) if "heat" in k])
    ice_days = _group("days with ice", [d.pain_avg for d, k in zip(days, kinds, strict=True) if "ice" in k])
    neither = _group("days with neither", [d.pain_avg for d, k in zip(days, kinds, strict=True) if not k])

    windows = rng.weeks()
    tally = [[0, 0, 0, 0] for _ in windows]  # heat sessions, ice sessions, heat minutes, ice minutes
    for d in days:
        row = tally[len(windows) - 1 - (rng.end - d.date).days // 7]
        for s in d.sessions:
            row[0 if s.kind == "heat" else 1] += 1
            row[2 if s.kind == "heat" else 3] += s.minutes
    weeks = tuple(TherapyWeek(start, end, *row) for (start, end), row in zip(windows, tally, strict=True))
    return HeatIce(
        heat, ice, heat_days, ice_days, neither, weeks, _therapy_sentences(heat, ice, heat_days, ice_days, neither)
    )


def _therapy_sentences(
    heat: TherapyStats, ice: TherapyStats, heat_days: GroupMean, ice_days: GroupMean, neither: GroupMean
) -> tuple[str, ...]:
    if heat.sessions == 0 and ice.sessions == 0:
        return ("No heat or ice sessions were logged in this period.",)
    lines = []
    for stats in (heat, ice):
        name = THERAPY_KINDS[stats.kind]
        if stats.sessions == 0:
            lines.append(f"{name}: no sessions.")
            continue
        line = f"{name}: {stats.sessions} sessions, {stats.minutes} minutes in all"
        if stats.mean_relief is not None:
            line += (
                f"; pain was on average {_fmt(stats.mean_relief)} points lower about 30 minutes after "
                f"(n = {stats.relief_n})."
            )
        else:
            line += (
                f"; too few sessions with pain before and after ({stats.relief_n}, need {MIN_N}) to say how "
                "much it eased."
            )
        lines.append(line)
    groups = [g for g in (heat_days, ice_days, neither) if g.n]
    shown = [g for g in groups if g.mean is not None]
    if len(shown) >= 2:
        parts = ", ".join(f"{g.label} {_fmt(g.mean)} (n = {g.n})" for g in shown if g.mean is not None)
        lines.append(f"Average pain on {parts}. This shows what went together, not what caused what.")
    else:
        lines.append(f"Too few days in each group (need {MIN_N}) to compare pain on days with heat, ice or neither.")
    return tuple(lines)


# -- exercise and next-day pain --------------------------------------------------------------------


def _next_day(data: JournalData, days: Sequence[Day]) -> NextDayPain:
    groups: dict[str, list[int]] = {"full": [], "partial": [], "none": []}
    for d in days:
        following = data.day(d.date + timedelta(days=1))
        if following is None:
            continue
        if d.exercises:
            credits = [log.credit for log in d.exercises]
            kind = "full" if all(c == 1.0 for c in credits) else ("partial" if any(credits) else "none")
        elif data.exercises_active_on(d.date):
            kind = "none"  # planned but not ticked off: counted as not done, as in adherence
        else:
            continue
        groups[kind].append(following.pain_avg)
    full = _group("after days with all exercises done", groups["full"])
    partial = _group("after days with some done", groups["partial"])
    none = _group("after days with none done", groups["none"])
    return NextDayPain(full, partial, none, _next_day_sentence(full, partial, none))


def _next_day_sentence(full: GroupMean, partial: GroupMean, none: GroupMean) -> str:
    shown = [g for g in (full, partial, none) if g.mean is not None]
    if len(shown) < 2:
        if not (full.n or partial.n or none.n):
            return "No exercise days with a logged next day to compare."
        return f"Too few days (need {MIN_N} in a group) to compare next-day pain after exercising or not."
    parts = ", ".join(f"{g.label} {_fmt(g.mean)} (n = {g.n})" for g in shown if g.mean is not None)
    return f"Average pain the next day: {parts}. This shows what went together, not what caused what."


# -- mobility and PSFS -----------------------------------------------------------------------------

_MEASURES = (
    ("walk", "Walking tolerance", "min", True),
    ("sit", "Sitting tolerance", "min", True),
    ("stand", "Standing tolerance", "min", True),
    ("stiffness", "Morning stiffness", "min", False),
    ("fingertip_floor_cm", "Fingertip to floor", "cm", False),
)


def _mobility(days: Sequence[Day]) -> MobilitySummary:
    series = tuple(
        MobilityPoint(
            d.date,
            d.mobility.walk,
            d.mobility.sit,
            d.mobility.stand,
            d.mobility.stiffness,
            d.mobility.fingertip_floor_cm,
        )
        for d in days
        if not d.mobility.is_empty
    )
    trends = []
    for key, label, unit, higher in _MEASURES:
        values = [v for p in series if (v := getattr(p, key)) is not None]
        enough = len(values) >= 2 * BASELINE_DAYS
        trends.append(
            MeasureTrend(
                key,
                label,
                unit,
                higher,
                len(values),
                _mean(values[:BASELINE_DAYS]) if enough else None,
                _mean(values[-BASELINE_DAYS:]) if enough else None,
            )
        )
    return MobilitySummary(series, tuple(trends))


def _psfs(data: JournalData, rng: DateRange) -> PsfsSummary:
    latest: dict[int, int] = {}
    series = []
    known = {a.id for a in data.psfs_activities}
    ratings = sorted((r for r in data.psfs_ratings if r.activity_id in known), key=lambda r: r.date)
    for i, r in enumerate(ratings):
        if r.date > rng.end:
            break
        latest[r.activity_id] = r.ability
        last_of_date = i + 1 == len(ratings) or ratings[i + 1].date != r.date
        if r.date >= rng.start and last_of_date:
            series.append(PsfsPoint(r.date, sum(latest.values()) / len(latest), len(latest)))
    activities = tuple(
        PsfsActivitySeries(
            a.id, a.name, tuple((r.date, r.ability) for r in ratings if r.activity_id == a.id and r.date in rng)
        )
        for a in data.psfs_activities
    )
    first = series[0].score if series else None
    last = series[-1].score if series else None
    change = last - first if first is not None and last is not None and len(series) > 1 else None
    important = change is not None and _at_least(abs(change), PSFS_MCID_POINTS)
    sentence = _psfs_sentence(first, last, change, important)
    return PsfsSummary(tuple(series), activities, first, last, change, important, sentence)


def _psfs_sentence(first: float | None, last: float | None, change: float | None, important: bool) -> str:
    if first is None or last is None:
        return "No activity ratings (PSFS) in this period."
    scale = "PSFS, 0 = unable, 10 = as before the problem"
    if change is None:
        return f"Activity score ({scale}): {_fmt(first)} (one rating date in this period)."
    if abs(change) < _EPS:
        return f"Activity score ({scale}): stayed at {_fmt(first)}."
    moved = "went up" if change > 0 else "went down"
    sentence = f"Activity score ({scale}): {moved} from {_fmt(first)} to {_fmt(last)} ({shown(abs(change), 1)} points)."
    if important:
        return sentence + " That is a change big enough to make a real difference."
    return sentence + f" That is less than the {PSFS_MCID_POINTS:.0f} points that usually make a real difference."


# -- the one call ----------------------------------------------------------------------------------


def compute(data: JournalData, rng: DateRange) -> Insights:
    """All insights for the days of ``data`` within ``rng``. Pure: same input, same result."""
    days = data.days_between(rng.start, rng.end)
    red_flag_days = tuple(
        RedFlagDay(d.date, d.red_flags, level) for d in days if (level := most_urgent(d.red_flags)) is not None
    )
    return Insights(
        range=rng,
        days_in_range=rng.days,
        days_logged=len(days),
        pain=_pain(data, rng, days),
        adherence=_adherence(data, rng, days),
        heat_ice=_heat_ice(rng, days),
        next_day=_next_day(data, days),
        mobility=_mobility(days),
        psfs=_psfs(data, rng),
        red_flag_days=red_flag_days,
        questions=tuple(TextEntry(d.date, d.questions) for d in days if d.questions.strip()),
        notes=tuple(TextEntry(d.date, d.notes) for d in days if d.notes.strip()),
    )


def what_changed(ins: Insights, *, period: bool = True) -> tuple[str, ...]:
    """The "what changed" panel: a few plain sentences, red flags first. Render as plain text.

    With ``period=False`` the line naming the range and the days logged is left out (for a screen
    that already shows it in a header).
    """
    rng = ins.range
    lines: list[str] = []
    if ins.red_flag_days:
        urgent = any(r.urgency is Urgency.EMERGENCY for r in ins.red_flag_days)
        when = ", ".join(rng.day_label(r.date) for r in ins.red_flag_days[-3:])
        lines.append(
            f"Urgent symptoms were logged on {_plural(len(ins.red_flag_days), 'day')} (latest: {when}). "
            + ("These need medical help now if they are still there. " if urgent else "These need checking today. ")
            + RED_FLAG_NOTE
        )
    if ins.is_empty:
        lines.append(f"No days logged from {rng.day_label(rng.start)} to {rng.day_label(rng.end)}.")
        return tuple(lines)
    if period:
        lines.append(f"{rng.label}: {ins.days_logged} of {ins.days_in_range} days logged.")
    lines.append(ins.pain.change.sentence)
    flares = ins.pain.flares
    if flares:
        when = ", ".join(rng.day_label(f.date) for f in flares[-3:])
        lines.append(
            f"{_plural(len(flares), 'flare day')}, pain at least {FLARE_POINTS:.0f} points above the week before "
            f"(latest: {when})."
        )
    lines.append(ins.adherence.sentence)
    lines.extend(ins.heat_ice.sentences)
    lines.append(ins.next_day.sentence)
    for t in ins.mobility.trends:
        if t.start_mean is not None and t.recent_mean is not None:
            lines.append(f"{t.label}: from about {t.start_mean:.0f} to {t.recent_mean:.0f} {t.unit}.")
    if ins.psfs.series:
        lines.append(ins.psfs.sentence)
    return tuple(lines)
