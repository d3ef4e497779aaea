"""Sleep and mood beside pain: means with n, first vs latest whole week, and what went together with
pain (an association with its count, never a cause: DOMAIN.md, Alsaadi 2014)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spinejournal.clinical import WEEK_MIN_DAYS
from spinejournal.insights.figures import by_whole_week, first_and_latest, group, mean, whole_weeks
from spinejournal.insights.range import DateRange
from spinejournal.insights.types import MeasureSummary, SleepMood, WeekValue
from spinejournal.insights.words import sleep_mood_sentences
from spinejournal.model import Day

# Our own cut-offs on the 0-10 sleep quality and mood scales: "poor" at or below, "good" at or above.
POOR_MAX = 4
GOOD_MIN = 7


def measure_summary(
    key: str, label: str, rng: DateRange, days: Sequence[Day], value: Callable[[Day], float | None]
) -> MeasureSummary:
    """One measure's mean over the range with n, and its first and latest whole week (a week counts
    with at least WEEK_MIN_DAYS values)."""
    dated = [(d.date, float(v)) for d in days if (v := value(d)) is not None]
    weeks = [
        WeekValue(start, end, len(values), mean(values) if len(values) >= WEEK_MIN_DAYS else None)
        for (start, end), values in zip(whole_weeks(rng), by_whole_week(rng, dated), strict=True)
    ]
    first, latest = first_and_latest(weeks)
    return MeasureSummary(key, label, len(dated), mean(v for _, v in dated), first, latest, tuple(dated))


def sleep_mood(rng: DateRange, days: Sequence[Day]) -> SleepMood:
    """Sleep hours, sleep quality and mood over the range, and average pain after poor or good nights
    and on low or good mood days (each day's sleep is the night before it)."""
    hours = measure_summary("sleep_hours", "Sleep", rng, days, lambda d: d.sleep_hours)
    quality = measure_summary("sleep_quality", "Sleep quality", rng, days, lambda d: d.sleep_quality)
    mood = measure_summary("mood", "Mood", rng, days, lambda d: d.mood)
    # A day logged for a red flag alone has no pain to set beside its sleep or mood.
    quality_pain = [
        (d.sleep_quality, d.pain_avg) for d in days if d.sleep_quality is not None and d.pain_avg is not None
    ]
    mood_pain = [(d.mood, d.pain_avg) for d in days if d.mood is not None and d.pain_avg is not None]
    poor_sleep = group(
        f"after a night of sleep quality {POOR_MAX} or less", [p for q, p in quality_pain if q <= POOR_MAX]
    )
    good_sleep = group(f"after a night of {GOOD_MIN} or more", [p for q, p in quality_pain if q >= GOOD_MIN])
    low_mood = group(f"on days with mood {POOR_MAX} or less", [p for m, p in mood_pain if m <= POOR_MAX])
    good_mood = group(f"on days with mood {GOOD_MIN} or more", [p for m, p in mood_pain if m >= GOOD_MIN])
    sentences = sleep_mood_sentences(rng, (hours, quality, mood), (poor_sleep, good_sleep), (low_mood, good_mood))
    return SleepMood(hours, quality, mood, poor_sleep, good_sleep, low_mood, good_mood, sentences)
