"""Home-exercise adherence: planned against done, per exercise and per week, with skip reasons."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from spinejournal.insights.figures import week_windows
from spinejournal.insights.range import DateRange
from spinejournal.insights.types import Adherence, ExerciseAdherence, WeekAdherence
from spinejournal.insights.words import adherence_sentence
from spinejournal.model import SKIP_REASONS, Day, Exercise, JournalData


def _active_days(ex: Exercise, logged: Sequence[date], first: date, last: date) -> int:
    """Logged days (``logged``, sorted) of first..last on which the exercise is in the plan (its end
    date is excluded).

    Only logged days count: a day with no entry is unrecorded, not a day of skipped exercises.
    """
    lo = max(ex.start, first)
    hi = min(last, ex.end - timedelta(days=1)) if ex.end is not None else last
    # ``logged`` is sorted: two binary searches keep a 10-year journal's weekly figures cheap.
    return max(0, bisect_right(logged, hi) - bisect_left(logged, lo))


def adherence(data: JournalData, rng: DateRange, days: Sequence[Day]) -> Adherence:
    """Planned against done over the logged days of the range, per exercise, per week and overall."""
    windows = week_windows(rng)
    logged_dates = [d.date for d in days]
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
            if week >= 0:  # a day in the partial week before the first whole week has no weekly bar
                credit_week[log.exercise_id][week] += credit
            if log.reason is not None:
                reasons[log.reason] += 1

    rows = []
    for ex in data.exercises:
        active = _active_days(ex, logged_dates, rng.start, rng.end)
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
            s = ex.times_per_week * _active_days(ex, logged_dates, start, end) / 7
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
    partial = Adherence(tuple(rows), scheduled, credit, percent, skip_reasons, tuple(weeks), "", len(days), rng.days)
    return replace(partial, sentence=adherence_sentence(partial))
