"""The sentences: the plain words the Trends screen, ``spinejournal trends`` and the summary share.

Sentences can contain user text (exercise names): show them as plain text, never as markup.
"""

from __future__ import annotations

from spinejournal.clinical import (
    ADHERENT_PERCENT,
    BASELINE_DAYS,
    FLARE_POINTS,
    MCID_PERCENT,
    MCID_POINTS,
    MIN_N,
    PSFS_MCID_POINTS,
    RED_FLAG_NOTE,
    WEEK_MIN_DAYS,
    Urgency,
)
from spinejournal.insights.format import EPS, fmt, plural, shown
from spinejournal.insights.range import DateRange
from spinejournal.insights.types import Adherence, Baseline, GroupMean, Insights, TherapyStats, WeekMean
from spinejournal.model import SKIP_REASONS, THERAPY_KINDS


def pain_unknown_sentence(logged: int, *, baseline: bool) -> str:
    """Why pain cannot be compared: nothing logged, too few days for a starting point, or no full week after it."""
    if logged == 0:
        return "No days logged in this period, so there is nothing to compare yet."
    if not baseline:
        return (
            f"Not enough days to compare yet: a starting point needs {BASELINE_DAYS} logged days "
            f"and this period has {logged}."
        )
    return (
        f"Not enough days to compare yet: after the first {BASELINE_DAYS} logged days, a week "
        f"with at least {WEEK_MIN_DAYS} logged days is needed."
    )


def pain_change_sentence(
    rng: DateRange,
    baseline: Baseline,
    latest: WeekMean,
    latest_mean: float,
    points: float,
    percent: float | None,
    important: bool,
    direction: str,
) -> str:
    """From the starting point to the latest week: how pain moved, by how much, and whether it matters."""
    period = (
        f"From your {baseline.what} ({baseline.span(rng)}) to the latest week ({rng.day_label(latest.start)} to "
        f"{rng.day_label(latest.end)})"
    )
    size = f"{shown(abs(points), 1)} points" + (f", {shown(abs(percent))} %" if percent is not None else "")
    if direction == "same":
        sentence = f"{period}, your average pain stayed at {fmt(baseline.mean)} out of 10."
    else:
        moved = "went down" if direction == "better" else "went up"
        sentence = f"{period}, your average pain {moved} from {fmt(baseline.mean)} to {fmt(latest_mean)} ({size})."
    if important and direction == "better":
        sentence += " That is a change big enough to make a real difference."
    elif important:
        sentence += " That is a change big enough to matter: worth talking over with your therapist."
    else:
        sentence += (
            f" That is less than the {MCID_POINTS:.0f} points or {MCID_PERCENT:.0f} % "
            "that usually make a real difference."
        )
    return sentence


def adherence_sentence(adh: Adherence) -> str:
    """Overall adherence, the least-done exercise and the most common skip reason, in plain words."""
    if adh.percent is None:
        return "No home exercises were planned in this period."
    verdict = "on track" if adh.adherent else f"below the {ADHERENT_PERCENT:.0f} % that usually counts as keeping up"
    sentence = (
        f"Home exercises: {shown(adh.percent)} % of planned sessions done ({fmt(adh.credit)} of "
        f"{fmt(adh.scheduled)}, a partly done one counting half), {verdict}."
    )
    planned = [r for r in adh.exercises if r.percent is not None]
    if len(planned) > 1:
        lowest = min(planned, key=lambda r: (r.percent, r.name))
        sentence += f" Least done: {lowest.name} ({shown(lowest.percent or 0)} %)."
    if adh.top_skip_reason is not None:
        reason, count = adh.skip_reasons[0]
        sentence += f" Most common reason for skipping: {SKIP_REASONS[reason].lower()} ({count} times)."
    return sentence


def therapy_sentences(
    heat: TherapyStats, ice: TherapyStats, heat_days: GroupMean, ice_days: GroupMean, neither: GroupMean
) -> tuple[str, ...]:
    """Heat and ice: sessions, minutes, relief, and pain on days with heat, ice or neither."""
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
                f"; pain was on average {fmt(stats.mean_relief)} points lower about 30 minutes after "
                f"(n = {stats.relief_n})."
            )
        else:
            line += (
                f"; too few sessions with pain before and after ({stats.relief_n}, need {MIN_N}) to say how "
                "much it eased."
            )
        lines.append(line)
    groups = [g for g in (heat_days, ice_days, neither) if g.n]
    with_mean = [g for g in groups if g.mean is not None]
    if len(with_mean) >= 2:
        parts = ", ".join(f"{g.label} {fmt(g.mean)} (n = {g.n})" for g in with_mean if g.mean is not None)
        lines.append(f"Average pain on {parts}. This shows what went together, not what caused what.")
    else:
        lines.append(f"Too few days in each group (need {MIN_N}) to compare pain on days with heat, ice or neither.")
    return tuple(lines)


def next_day_sentence(full: GroupMean, partial: GroupMean, none: GroupMean) -> str:
    """Next-day pain after days with all, some or none of the exercises done."""
    with_mean = [g for g in (full, partial, none) if g.mean is not None]
    if len(with_mean) < 2:
        if not (full.n or partial.n or none.n):
            return "No exercise days with a logged next day to compare."
        return f"Too few days (need {MIN_N} in a group) to compare next-day pain after exercising or not."
    parts = ", ".join(f"{g.label} {fmt(g.mean)} (n = {g.n})" for g in with_mean if g.mean is not None)
    return f"Average pain the next day: {parts}. This shows what went together, not what caused what."


def psfs_sentence(first: float | None, last: float | None, change: float | None, important: bool) -> str:
    """The activity score (PSFS) from the first to the last rating date of the period."""
    if first is None or last is None:
        return "No activity ratings (PSFS) in this period."
    scale = "PSFS, 0 = unable, 10 = as before the problem"
    if change is None:
        return f"Activity score ({scale}): {fmt(first)} (one rating date in this period)."
    if abs(change) < EPS:
        return f"Activity score ({scale}): stayed at {fmt(first)}."
    moved = "went up" if change > 0 else "went down"
    sentence = f"Activity score ({scale}): {moved} from {fmt(first)} to {fmt(last)} ({shown(abs(change), 1)} points)."
    if important:
        return sentence + " That is a change big enough to make a real difference."
    return sentence + f" That is less than the {PSFS_MCID_POINTS:.0f} points that usually make a real difference."


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
            f"Urgent symptoms were logged on {plural(len(ins.red_flag_days), 'day')} (latest: {when}). "
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
            f"{plural(len(flares), 'flare day')}, pain at least {FLARE_POINTS:.0f} points above the week before "
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
