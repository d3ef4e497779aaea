"""The sentences: the plain words the Trends screen, ``spinejournal trends`` and the summary share.

Sentences can contain user text (exercise names): show them as plain text, never as markup.
"""

from __future__ import annotations

from datetime import date

from spinejournal.clinical import (
    ADHERENT_PERCENT,
    BASELINE_DAYS,
    FLARE_POINTS,
    MCID_PERCENT,
    MCID_POINTS,
    MIN_N,
    PGIC_LABELS,
    PGIC_RESPONDER_MAX,
    PSFS_MCID_POINTS,
    RED_FLAG_NOTE,
    WEEK_MIN_DAYS,
    Urgency,
)
from spinejournal.insights.format import EPS, fmt, plural, short_date, shown
from spinejournal.insights.range import DateRange
from spinejournal.insights.types import (
    Adherence,
    AsNeededUse,
    Baseline,
    EventEntry,
    GroupMean,
    Insights,
    MeasureSummary,
    MedicationChange,
    PegChange,
    ScheduledUse,
    TherapyStats,
    WeekMean,
    WeekValue,
)
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


def treatment_line(stats: TherapyStats) -> str:
    """One treatment kind: sessions, minutes and mean relief with n (or why there is no figure)."""
    name = THERAPY_KINDS[stats.kind]
    if stats.sessions == 0:
        return f"{name}: no sessions."
    line = f"{name}: {plural(stats.sessions, 'session')}, {stats.minutes} minutes in all"
    if stats.mean_relief is not None:
        relief = fmt(stats.mean_relief)
        return line + f"; pain was on average {relief} points lower about 30 minutes after (n = {stats.relief_n})."
    return line + (
        f"; too few sessions with pain before and after ({stats.relief_n}, need {MIN_N}) to say how much it eased."
    )


def therapy_groups_sentence(heat_days: GroupMean, ice_days: GroupMean, neither: GroupMean) -> str:
    """Average pain on days with heat, ice or no treatment (or why there is too little to compare)."""
    groups = [g for g in (heat_days, ice_days, neither) if g.n]
    with_mean = [g for g in groups if g.mean is not None]
    if len(with_mean) >= 2:
        parts = ", ".join(f"{g.label} {fmt(g.mean)} (n = {g.n})" for g in with_mean if g.mean is not None)
        return f"Average pain on {parts}. This shows what went together, not what caused what."
    return f"Too few days in each group (need {MIN_N}) to compare pain on days with heat, ice or no treatment."


def therapy_sentences(
    heat: TherapyStats, ice: TherapyStats, heat_days: GroupMean, ice_days: GroupMean, neither: GroupMean
) -> tuple[str, ...]:
    """Heat and ice: sessions, minutes, relief, and pain on days with heat, ice or no treatment."""
    if heat.sessions == 0 and ice.sessions == 0:
        return ("No heat or ice sessions were logged in this period.",)
    return (treatment_line(heat), treatment_line(ice), therapy_groups_sentence(heat_days, ice_days, neither))


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


def what_changed(ins: Insights, *, period: bool = True, details: bool = True) -> tuple[str, ...]:
    """The "what changed" panel: a few plain sentences, red flags first. Render as plain text.

    With ``period=False`` the line naming the range and the days logged is left out (for a screen
    that already shows it in a header). With ``details=False`` the sentences of
    :func:`detail_sections` (sleep and mood, medications, each treatment kind, PEG-3, PGIC, care
    events) are left out, for a caller that prints those sections under their own titles.
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
    hi = ins.heat_ice
    if details or not (hi.heat.sessions or hi.ice.sessions):
        lines.extend(hi.sentences)
    else:  # the per-kind lines are in the "Treatments" section of detail_sections
        lines.append(therapy_groups_sentence(hi.heat_days, hi.ice_days, hi.neither_days))
    if details:
        lines.extend(treatment_line(t) for t in ins.treatments if t.sessions and t.kind not in ("heat", "ice"))
    lines.append(ins.next_day.sentence)
    for t in ins.mobility.trends:
        if t.start_mean is not None and t.recent_mean is not None:
            lines.append(f"{t.label}: from about {t.start_mean:.0f} to {t.recent_mean:.0f} {t.unit}.")
    if ins.psfs.series:
        lines.append(ins.psfs.sentence)
    if details:
        # The panel has heat and ice (and TENS and massage) above already.
        lines.extend(line for title, section in detail_sections(ins) if title != TREATMENTS for line in section)
    return tuple(lines)


# -- day model v2 --------------------------------------------------------------------------------


def _week_span(rng: DateRange, week: WeekValue) -> str:
    return f"{rng.day_label(week.start)} to {rng.day_label(week.end)}"


def sleep_mood_sentences(
    rng: DateRange,
    measures: tuple[MeasureSummary, ...],
    sleep_pair: tuple[GroupMean, GroupMean],
    mood_pair: tuple[GroupMean, GroupMean],
) -> tuple[str, ...]:
    """Sleep hours, sleep quality and mood (mean with n, first vs latest whole week), then average
    pain after poor or good nights and on low or good mood days when each side has MIN_N days."""
    scales = {"sleep_hours": " hours a night", "sleep_quality": " out of 10", "mood": " out of 10"}
    lines = []
    for m in measures:
        if m.mean is None:
            continue
        line = f"{m.label}: {fmt(m.mean)}{scales[m.key]} on average (n = {m.n})"
        if m.first_week is not None and m.latest_week is not None:
            line += (
                f"; {fmt(m.first_week.value or 0)} in the first whole week ({_week_span(rng, m.first_week)}), "
                f"{fmt(m.latest_week.value or 0)} in the latest ({_week_span(rng, m.latest_week)})"
            )
        lines.append(line + ".")
    lines.extend(s for low, high in (sleep_pair, mood_pair) if (s := went_together_sentence(low, high)))
    return tuple(lines)


def went_together_sentence(low: GroupMean, high: GroupMean) -> str | None:
    """Average pain in two groups of days, with n; None unless each group has MIN_N days."""
    if low.mean is None or high.mean is None:
        return None
    return (
        f"Average pain {low.label}: {fmt(low.mean)} (n = {low.n}); {high.label}: {fmt(high.mean)} "
        f"(n = {high.n}). This shows what went together, not what caused what."
    )


def medication_change_line(rng: DateRange, change: MedicationChange) -> str:
    """'12 Mar: Ibuprofen dose changed (was 400 mg, as needed; now 200 mg, as needed).'"""
    when = rng.day_label(change.date)
    if change.change == "started":
        return f"{when}: {change.name} started" + (f" ({change.after})." if change.after else ".")
    if change.change == "stopped":
        return f"{when}: {change.name} stopped."
    before, after = change.before or "no dose given", change.after or "no dose given"
    return f"{when}: {change.name} dose changed (was {before}; now {after})."


def as_needed_line(rng: DateRange, use: AsNeededUse) -> str:
    """An as-needed medication's doses in the period, first vs latest whole week."""
    line = f"{use.name} (as needed): {plural(use.doses, 'dose')} in this period"
    if use.first_week is not None and use.latest_week is not None:
        line += (
            f"; {use.first_week.value or 0:.0f} in the first whole week ({_week_span(rng, use.first_week)}), "
            f"{use.latest_week.value or 0:.0f} in the latest ({_week_span(rng, use.latest_week)})"
        )
    return line + "."


def scheduled_line(use: ScheduledUse) -> str:
    """A scheduled medication: taken on how many of the logged days it was on the list."""
    how = f" ({use.prescription})" if use.prescription else ""
    days = plural(use.days_on_list, "logged day")
    return f"{use.name}{how}: taken on {use.days_taken} of the {days} it was on the list."


def medication_sentences(
    rng: DateRange,
    changes: tuple[MedicationChange, ...],
    as_needed: tuple[AsNeededUse, ...],
    scheduled: tuple[ScheduledUse, ...],
) -> tuple[str, ...]:
    """Medication changes (dated), as-needed doses and scheduled use, as the person logged them."""
    return (
        *(medication_change_line(rng, c) for c in changes),
        *(as_needed_line(rng, u) for u in as_needed),
        *(scheduled_line(u) for u in scheduled),
    )


PEG_SCALE = "PEG-3, pain and how much it got in the way, 0-10"


def peg_sentence(rng: DateRange, peg: PegChange) -> str:
    """The PEG-3 score, or its change from the first to the latest score with the 30 % rule."""
    if peg.points is None:
        return f"{PEG_SCALE}: {fmt(peg.latest)} on {rng.day_label(peg.latest_date)} (one score in this period)."
    if peg.scope == "care":
        first = f"{fmt(peg.first)} on {short_date(peg.first_date, year=True)} (the first of care)"
    else:
        first = f"{fmt(peg.first)} on {rng.day_label(peg.first_date)}"
    latest = f"{fmt(peg.latest)} on {rng.day_label(peg.latest_date)}"
    if abs(peg.points) < EPS:
        return f"{PEG_SCALE}: {first}, and {latest}: no change."
    moved = "went down" if peg.points > 0 else "went up"
    size = f"{shown(abs(peg.points), 1)} points" + (f", {shown(abs(peg.percent))} %" if peg.percent is not None else "")
    sentence = f"{PEG_SCALE}: {moved} from {first} to {latest} ({size})."
    if peg.important and peg.points > 0:
        return sentence + " That is a change big enough to make a real difference."
    if peg.important:
        return sentence + " That is a change big enough to matter: worth talking over with your therapist."
    return sentence + f" That is less than the {MCID_PERCENT:.0f} % that usually makes a real difference."


def pgic_sentence(rng: DateRange, on: date, rating: int, label: str, responder: bool) -> str:
    """The latest impression of change (PGIC) with its date, and whether it is "much improved" or better."""
    threshold = f'"{PGIC_LABELS[PGIC_RESPONDER_MAX].lower()}"'
    verdict = f"which is {threshold} or better" if responder else f"short of {threshold}"
    return (
        f"Impression of change since care began (PGIC) on {rng.day_label(on)}: {label} "
        f"({rating} on the 1-7 scale, 1 = very much improved), {verdict}."
    )


def event_line(rng: DateRange, event: EventEntry) -> str:
    """'2 Mar: Injection: Epidural steroid injection L4-L5' (the text is the person's own words)."""
    return f"{rng.day_label(event.date)}: {event.kind_label}: {event.text}"


def event_sentences(
    rng: DateRange, events: tuple[EventEntry, ...], surgery: EventEntry | None, week: int | None
) -> tuple[str, ...]:
    """The week after surgery first (when there is one before the range end), then each event."""
    lines = []
    if surgery is not None and week is not None:
        lines.append(
            f"Week {week} after surgery ({surgery.text}, {short_date(surgery.date, year=True)}) "
            f"on {rng.day_label(rng.end)}."
        )
    lines.extend(event_line(rng, e) for e in events)
    return tuple(lines)


# The title of the per-kind treatment lines in :func:`detail_sections`.
TREATMENTS = "Treatments"


def detail_sections(ins: Insights) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Titled groups of sentences for sleep and mood, medications, treatments per kind, PEG-3, PGIC
    and care events: each only when the range has data for it. Render as plain text."""
    sections: list[tuple[str, tuple[str, ...]]] = []
    if ins.sleep_mood.has_data:
        sections.append(("Sleep and mood", ins.sleep_mood.sentences))
    if ins.medications.has_data:
        sections.append(("Medications", ins.medications.sentences))
    used = tuple(treatment_line(t) for t in ins.treatments if t.sessions)
    if used:
        sections.append((TREATMENTS, used))
    if ins.peg is not None:
        sections.append(("PEG-3", (ins.peg.sentence,)))
    if ins.pgic is not None:
        sections.append(("Impression of change (PGIC)", (ins.pgic.sentence,)))
    if ins.events.has_data:
        sections.append(("Care events", ins.events.sentences))
    return tuple(sections)
