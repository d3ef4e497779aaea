"""What helps: heat, ice, TENS and massage sessions, and next-day pain after exercising or not
(associations, never causes)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from spinejournal.clinical import MIN_N
from spinejournal.insights.figures import group, mean
from spinejournal.insights.range import DateRange
from spinejournal.insights.types import HeatIce, NextDayPain, TherapyStats, TherapyWeek
from spinejournal.insights.words import next_day_sentence, therapy_sentences
from spinejournal.model import HEAT_ICE_KINDS, THERAPY_KINDS, Day, JournalData, TherapySession


def _therapy_stats(kind: str, sessions: Sequence[TherapySession], days: int) -> TherapyStats:
    """One kind's figures from its sessions in the range and the number of days they were on."""
    reliefs = [s.relief for s in sessions if s.relief is not None]
    return TherapyStats(
        kind=kind,
        sessions=len(sessions),
        minutes=sum(s.minutes for s in sessions),
        days=days,
        too_long=sum(1 for s in sessions if s.too_long),
        relief_n=len(reliefs),
        mean_relief=mean(reliefs) if len(reliefs) >= MIN_N else None,
    )


def treatment_kinds(days: Sequence[Day]) -> tuple[TherapyStats, ...]:
    """Sessions and mean relief (with n; None below MIN_N) for every kind in ``THERAPY_KINDS`` order."""
    sessions: dict[str, list[TherapySession]] = {kind: [] for kind in THERAPY_KINDS}
    on_days = dict.fromkeys(THERAPY_KINDS, 0)
    # One walk through the days for all kinds: a 10-year range has thousands of days.
    for d in days:
        for s in d.sessions:
            sessions[s.kind].append(s)
        for kind in {s.kind for s in d.sessions}:
            on_days[kind] += 1
    return tuple(_therapy_stats(kind, sessions[kind], on_days[kind]) for kind in THERAPY_KINDS)


def heat_ice(rng: DateRange, days: Sequence[Day], treatments: Sequence[TherapyStats]) -> HeatIce:
    """Heat versus ice, from the per-kind figures of :func:`treatment_kinds` and the days themselves."""
    by_kind = {t.kind: t for t in treatments}
    heat, ice = by_kind["heat"], by_kind["ice"]
    # Pain on days with and without a treatment: a day logged for a red flag alone has no pain to count.
    pained = [(d.pain_avg, {s.kind for s in d.sessions}) for d in days if d.pain_avg is not None]
    heat_days = group("days with heat", [p for p, k in pained if "heat" in k])
    ice_days = group("days with ice", [p for p, k in pained if "ice" in k])
    neither = group("days with no treatment", [p for p, k in pained if not k])

    windows = rng.weeks()
    tally = [[0, 0, 0, 0] for _ in windows]  # heat sessions, ice sessions, heat minutes, ice minutes
    for d in days:
        row = tally[len(windows) - 1 - (rng.end - d.date).days // 7]
        for s in d.sessions:
            if s.kind in HEAT_ICE_KINDS:  # TENS and massage have their own lines, not the ice bars
                row[0 if s.kind == "heat" else 1] += 1
                row[2 if s.kind == "heat" else 3] += s.minutes
    weeks = tuple(TherapyWeek(start, end, *row) for (start, end), row in zip(windows, tally, strict=True))
    return HeatIce(
        heat, ice, heat_days, ice_days, neither, weeks, therapy_sentences(heat, ice, heat_days, ice_days, neither)
    )


def next_day_pain(data: JournalData, days: Sequence[Day]) -> NextDayPain:
    groups: dict[str, list[int]] = {"full": [], "partial": [], "none": []}
    for d in days:
        following = data.day(d.date + timedelta(days=1))
        if following is None or following.pain_avg is None:
            continue
        if d.exercises:
            credits = [log.credit for log in d.exercises]
            kind = "full" if all(c == 1.0 for c in credits) else ("partial" if any(credits) else "none")
        elif data.exercises_active_on(d.date):
            kind = "none"  # planned but not ticked off: counted as not done, as in adherence
        else:
            continue
        groups[kind].append(following.pain_avg)
    full = group("after days with all exercises done", groups["full"])
    partial = group("after days with some done", groups["partial"])
    none = group("after days with none done", groups["none"])
    return NextDayPain(full, partial, none, next_day_sentence(full, partial, none))
