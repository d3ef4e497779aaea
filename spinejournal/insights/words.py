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
    PSFS_ITEM_MCID_POINTS,
    PSFS_MCID_POINTS,
    RED_FLAG_NOTE,
    RED_FLAGS_BY_ID,
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
    LimbPain,
    LimbReach,
    MeasureSummary,
    MeasureTrend,
    MedicationChange,
    PainExtreme,
    PainSince,
    PegChange,
    PsfsItemChange,
    ScheduledUse,
    TherapyStats,
    WeekMean,
    WeekValue,
)
from spinejournal.model import REGIONS, SKIP_REASONS, THERAPY_KINDS, JournalData, extents_for, treatment_name


def pain_unknown_sentence(logged: int, *, baseline: bool) -> str:
    """Why pain cannot be compared: nothing logged, too few days for a starting point, or no full week after it."""
    if logged == 0:
        # Said of the pain scores, not the days: a day logged for a red flag alone has none.
        return "No average pain logged in this period, so there is nothing to compare yet."
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


def sessions(value: float) -> str:
    """A count of sessions done: "2.5" when it ends in a half (a partly done one counts half), else
    the nearest whole number, so a pro-rata count such as 15/7 never reads "2.1 sessions"."""
    if abs(value * 2 - round(value * 2)) < EPS and round(value * 2) % 2:
        return f"{value:.1f}"
    return str(round(value))


def recorded_sentence(logged: int, in_range: int) -> str:
    """'12 of 14 days recorded (2 days not recorded).'"""
    missing = in_range - logged
    tail = f" ({plural(missing, 'day')} not recorded)" if missing else ""
    return f"{logged} of {plural(in_range, 'day')} recorded{tail}."


def adherence_sentence(adh: Adherence) -> str:
    """Overall adherence over the recorded days, the least-done exercise and the most common skip
    reason, in plain words. Planned sessions are whole numbers (rounded)."""
    if adh.percent is None:
        return "No home exercises were planned in this period."
    verdict = "on track" if adh.adherent else f"below the {ADHERENT_PERCENT:.0f} % that usually counts as keeping up"
    planned = round(adh.scheduled)
    sentence = (
        f"Home exercises: {adh.days_logged} of {plural(adh.days_in_range, 'day')} recorded; of the sessions "
        f"planned on those days, {shown(adh.percent)} % done ({sessions(adh.credit)} of "
        f"{plural(planned, 'session')}, a partly done one counting half), {verdict}."
    )
    rows = [r for r in adh.exercises if r.percent is not None]
    if len(rows) > 1:
        lowest = min(rows, key=lambda r: (r.percent, r.name))
        sentence += f" Least done: {lowest.name} ({shown(lowest.percent or 0)} %)."
    if adh.top_skip_reason is not None:
        reason, count = adh.skip_reasons[0]
        sentence += f" Most common reason for skipping: {SKIP_REASONS[reason].lower()} ({plural(count, 'time')})."
    return sentence


def treatment_line(stats: TherapyStats) -> str:
    """One treatment kind: sessions, minutes and mean relief with n (or why there is no figure)."""
    name = THERAPY_KINDS[stats.kind]
    if stats.sessions == 0:
        return f"{name}: no sessions."
    line = f"{name}: {plural(stats.sessions, 'session')}, {plural(stats.minutes, 'minute')} in all"
    if stats.mean_relief is not None:
        relief = fmt(stats.mean_relief)
        return line + f"; pain was on average {relief} points lower about 30 minutes after (n = {stats.relief_n})."
    return line + (
        f"; too few sessions with pain before and after ({stats.relief_n}, need {MIN_N}) to say how much it eased."
    )


def relief_line(treatments: tuple[TherapyStats, ...]) -> str | None:
    """What eased the pain, every treatment kind in one line: the mean relief with n where there are
    enough sessions with pain before and after (``MIN_N``), the count otherwise (None: no sessions)."""
    used = [t for t in treatments if t.sessions]
    if not used:
        return None
    parts: list[str] = []
    few: list[str] = []
    for t in used:
        if t.mean_relief is None:
            few.append(f"{treatment_name(t.kind)} ({t.relief_n})")
        else:
            parts.append(f"{treatment_name(t.kind)} {fmt(t.mean_relief)} points (n = {t.relief_n})")
    if few:
        parts.append(f"too few to say for {', '.join(few)}")
    return "Pain eased, 30 minutes after: " + "; ".join(parts) + "."


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


def psfs_sentence(
    rng: DateRange,
    first_date: date | None,
    first: float | None,
    last_date: date | None,
    last: float | None,
    change: float | None,
    important: bool,
) -> str:
    """The activity score (PSFS): the mean of the intake occasion against the latest occasion (each
    the activities rated on one date)."""
    if first is None or first_date is None:
        return "No activity ratings (PSFS) yet."
    scale = "PSFS, 0 = unable, 10 = as before the problem"
    intake = f"{fmt(first)} at intake ({short_date(first_date, year=first_date.year != rng.end.year)})"
    if change is None or last is None or last_date is None:
        return f"Activity score ({scale}): {intake}, with no later date on which every activity was rated."
    latest = f"{fmt(last)} on {rng.day_label(last_date)}"
    if abs(change) < EPS:
        return f"Activity score ({scale}): {intake}, and {latest}: no change."
    moved = "went up" if change > 0 else "went down"
    sentence = f"Activity score ({scale}): {moved} from {intake} to {latest} ({shown(abs(change), 1)} points)."
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
        lines.append(f"{rng.label}: {ins.days_logged} of {plural(ins.days_in_range, 'day')} logged.")
    lines.append(ins.pain.change.sentence)
    extremes = pain_extremes_line(rng, ins.pain.worst, ins.pain.least)
    if extremes is not None:
        lines.append(extremes)
    if ins.limb.has_data:
        lines.extend(limb_lines(ins.limb))
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
    lines.extend(mobility_line(rng, t) for t in ins.mobility.trends if t.start_mean is not None)
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


# -- therapist summary v2: the figures a spine therapist asks for, in the therapist's voice --------

_SINCE = {"care": "since the start of care", "visit": "since the last visit"}


def _span(rng: DateRange, start: date, end: date) -> str:
    return f"{rng.day_label(start)} to {rng.day_label(end)}"


def pain_since_line(rng: DateRange, since: PainSince) -> str:
    """Average pain from the start of care (or the last visit) to the latest whole week, with the
    2-point / 30 % verdict in either direction."""
    head = f"Average pain {_SINCE[since.scope]}"
    if since.scope == "visit" and since.since is not None:
        head += f" ({short_date(since.since, year=since.since.year != rng.end.year)})"
    if since.baseline is None or since.latest_week is None or since.latest_week.mean is None or since.points is None:
        return (
            f"{head}: too few days to compare (it needs {BASELINE_DAYS} logged days, then a whole week "
            f"with at least {WEEK_MIN_DAYS} logged days after them)."
        )
    base, week = since.baseline, since.latest_week
    first = f"{fmt(base.mean)} in the first {base.n} logged days ({base.span(rng)})"
    latest = f"{fmt(since.latest_week.mean)} in the latest week ({_span(rng, week.start, week.end)})"
    if since.direction == "same":
        return f"{head}: {first}, {latest}: no change."
    size = f"{shown(abs(since.points), 1)} points" + (
        f", {shown(abs(since.percent))} %" if since.percent is not None else ""
    )
    moved = "less" if since.direction == "better" else "more"
    verdict = (
        "a clinically important change"
        if since.important
        else f"below a clinically important change ({MCID_POINTS:.0f} points or {MCID_PERCENT:.0f} %)"
    )
    return f"{head}: {first} to {latest}, {size} {moved}: {verdict}."


def pain_extremes_line(rng: DateRange, worst: PainExtreme | None, least: PainExtreme | None) -> str | None:
    """'Worst pain 8 (12 Mar), least 1 (20 Mar).' None when neither was logged."""
    parts = []
    if worst is not None:
        parts.append(f"worst pain {worst.pain} ({rng.day_label(worst.date)})")
    if least is not None:
        parts.append(f"least pain {least.pain} ({rng.day_label(least.date)})")
    if not parts:
        return None
    text = ", ".join(parts)
    return text[0].upper() + text[1:] + " in this period."


def _reach_place(limb: str, extent: str | None) -> str:
    return f"the {extents_for(limb)[extent].lower()}" if extent is not None else "none"


def reach_line(reach: LimbReach) -> str:
    """'Leg pain centralising: left leg reached the calf in the first week of care, the thigh in the latest.'"""
    kind = "Arm" if reach.limb.endswith("_arm") else "Leg"
    limb = reach.label.lower()
    first, latest = _reach_place(reach.limb, reach.first_extent), _reach_place(reach.limb, reach.latest_extent)
    if reach.verdict == "unknown":
        return (
            f"{kind} pain: {limb} reached {first} in the first week of care; too few logged days in a later "
            f"whole week (need {WEEK_MIN_DAYS}) to say how it moved."
        )
    if reach.first_extent is None:
        return f"{kind} pain {reach.verdict}: {limb} had none in the first week of care, {latest} in the latest."
    if reach.latest_extent is None:
        return f"{kind} pain {reach.verdict}: {limb} reached {first} in the first week of care, none in the latest."
    if reach.verdict == "stable":
        return f"{kind} pain stable: {limb} reached {first} in the first week of care and in the latest."
    return f"{kind} pain {reach.verdict}: {limb} reached {first} in the first week of care, {latest} in the latest."


def limb_lines(limb: LimbPain) -> tuple[str, ...]:
    """Leg/arm pain: the 0-10 figure (first week of care vs latest, with n), each limb's reach and
    where it hurts; one line saying there was none when nothing was logged."""
    if not limb.has_data:
        return ("No leg or arm pain logged in this period.",)
    lines = []
    first, latest = limb.first_week, limb.latest_week
    if first is not None and first.value is not None and latest is not None and latest.value is not None:
        lines.append(
            f"Leg/arm pain (0-10): {fmt(first.value)} in the first week of care (n = {first.n}), "
            f"{fmt(latest.value)} in the latest week (n = {latest.n})."
        )
    elif limb.mean is not None:
        lines.append(f"Leg/arm pain (0-10): {fmt(limb.mean)} on average (n = {limb.n}).")
    lines.extend(reach_line(r) for r in limb.reaches)
    if limb.regions:
        where = ", ".join(f"{REGIONS[r].lower()} ({plural(n, 'day')})" for r, n in limb.regions)
        lines.append(f"Where it hurts: {where}.")
    return tuple(lines)


def _week_figure(week: WeekValue, unit: str) -> str:
    return f"{week.value or 0:.0f} {unit} (n = {week.n})"


def mobility_line(rng: DateRange, trend: MeasureTrend) -> str:
    """'Walking tolerance: 13 min (n = 5) in the first whole week (2 Mar to 8 Mar), 20 min (n = 6) in
    the latest (9 Mar to 15 Mar).' The caller checks both weeks are there."""
    first, latest = trend.first_week, trend.latest_week
    if first is None or latest is None:
        return f"{trend.label}: too few values for two whole weeks (a week needs {WEEK_MIN_DAYS})."
    return (
        f"{trend.label}: {_week_figure(first, trend.unit)} in the first whole week ({_week_span(rng, first)}), "
        f"{_week_figure(latest, trend.unit)} in the latest ({_week_span(rng, latest)})."
    )


def mobility_care_line(trend: MeasureTrend) -> str | None:
    """A mobility measure in the first week of care against the latest whole week; None without both."""
    care, latest = trend.care_week, trend.care_latest
    if care is None or care.value is None or latest is None:
        return None
    return (
        f"{trend.label}: {_week_figure(care, trend.unit)} in the first week of care, "
        f"{_week_figure(latest, trend.unit)} in the latest week."
    )


def mobility_care_summary(trends: tuple[MeasureTrend, ...]) -> str | None:
    """Every mobility measure against the first week of care in one line, e.g. 'Mobility, first week
    of care to the latest (mean, n): walking tolerance 11 to 33 min (7, 7); ...' (None without any)."""
    parts = []
    for t in trends:
        care, latest = t.care_week, t.care_latest
        if care is None or care.value is None or latest is None or latest.value is None:
            continue
        parts.append(f"{t.label.lower()} {care.value:.0f} to {latest.value:.0f} {t.unit} ({care.n}, {latest.n})")
    if not parts:
        return None
    return "Mobility, first week of care to the latest week (mean, n): " + "; ".join(parts) + "."


def psfs_item_line(rng: DateRange, item: PsfsItemChange) -> str:
    """'Sit through a film: 3 at intake (2 Mar), 7 on 20 Apr, 4 points better: meaningful (3 or more).'"""
    intake = f"{item.intake} at intake ({short_date(item.intake_date, year=item.intake_date.year != rng.end.year)})"
    if item.change is None:
        return f"{item.name}: {intake}, not rated again."
    latest = f"{item.latest} on {rng.day_label(item.latest_date)}"
    if item.change == 0:
        return f"{item.name}: {intake}, {latest}: no change."
    moved = "better" if item.change > 0 else "worse"
    verdict = (
        f"meaningful ({PSFS_ITEM_MCID_POINTS:.0f} or more)"
        if item.meaningful
        else f"less than the {PSFS_ITEM_MCID_POINTS:.0f} that is meaningful"
    )
    return f"{item.name}: {intake}, {latest}, {plural(abs(item.change), 'point')} {moved}: {verdict}."


def red_flag_line(rng: DateRange, on: date, flags: tuple[str, ...]) -> str:
    """'reported on 24 Nov: pain at night that rest does not ease' (the therapist's voice: no advice)."""
    labels = [RED_FLAGS_BY_ID[f].label for f in flags if f in RED_FLAGS_BY_ID]
    return f"reported on {rng.day_label(on)}: " + "; ".join(label[:1].lower() + label[1:] for label in labels)


def red_flag_lines(data: JournalData, rng: DateRange) -> tuple[str, ...]:
    """One line per day of the range with red flags, dated, in the therapist's voice, oldest first.

    The patient-facing advice (``clinical.red_flag_advice``) is not part of it.
    """
    return tuple(
        red_flag_line(rng, d.date, d.red_flags)
        for d in data.days_between(rng.start, rng.end)
        if any(f in RED_FLAGS_BY_ID for f in d.red_flags)
    )


def therapist_lines(ins: Insights) -> tuple[str, ...]:
    """The headline figures a spine therapist asks for, in order: days recorded, red flags, pain since
    the start of care and since the last visit, worst and least, leg/arm pain and its reach, where it
    hurts, PSFS (mean and per activity), mobility against the start of care (one line for all four
    measures, for room on the page). Render as plain text."""
    rng = ins.range
    lines = [recorded_sentence(ins.days_logged, ins.days_in_range)]
    lines.extend("Red flag " + red_flag_line(rng, r.date, r.flags) + "." for r in ins.red_flag_days)
    lines.append(pain_since_line(rng, ins.pain.since_care))
    if ins.pain.since_visit is not None:
        lines.append(pain_since_line(rng, ins.pain.since_visit))
    extremes = pain_extremes_line(rng, ins.pain.worst, ins.pain.least)
    if extremes is not None:
        lines.append(extremes)
    lines.extend(limb_lines(ins.limb))
    if ins.psfs.first is not None:
        lines.append(ins.psfs.sentence)
        lines.extend(psfs_item_line(rng, item) for item in ins.psfs.items)
    mobility = mobility_care_summary(ins.mobility.trends)
    if mobility is not None:
        lines.append(mobility)
    return tuple(lines)


def headline_lines(ins: Insights) -> tuple[str, ...]:
    """The one page's headline, in order: ``therapist_lines`` (days recorded, red flags, pain, limb
    pain, where it hurts, PSFS, mobility), then PEG-3, PGIC, adherence, medication changes and use as
    needed, sleep, the week after surgery and the care events of the period. The summary, and any view
    that shows what the therapist will read, take it from here."""
    rng = ins.range
    lines = list(therapist_lines(ins))
    if ins.peg is not None:
        lines.append(ins.peg.sentence)
    if ins.pgic is not None:
        lines.append(ins.pgic.sentence)
    lines.append(ins.adherence.sentence)
    relief = relief_line(ins.treatments)
    if relief is not None:
        lines.append(relief)
    meds = ins.medications
    lines.extend(medication_change_line(rng, c) for c in meds.changes)
    lines.extend(as_needed_line(rng, u) for u in meds.as_needed)
    # Sleep hours and quality only: their sentences come first, one per measure with a mean; mood and
    # what went together with pain stay in the detail and the app, for room on the page.
    sm = ins.sleep_mood
    sleep = sum(1 for m in (sm.hours, sm.quality) if m.mean is not None)
    if sleep:
        lines.append(" ".join(sm.sentences[:sleep]))
    ev = ins.events
    if ev.surgery is not None and ev.week_after_surgery is not None:
        lines.append(ev.sentences[0])
    lines.extend(event_line(rng, e) for e in ev.events)
    return tuple(lines)


def together_lines(ins: Insights) -> tuple[str, ...]:
    """What went together with better or worse days, with n and never as a cause: pain on days with
    and without treatment, next-day pain after exercising, flare days, mood, and pain after poor or
    good nights (the app shows them after the headline; the summary keeps them in its detail)."""
    rng = ins.range
    if ins.is_empty:
        return ()
    hi = ins.heat_ice
    lines = [therapy_groups_sentence(hi.heat_days, hi.ice_days, hi.neither_days), ins.next_day.sentence]
    flares = ins.pain.flares
    if flares:
        when = ", ".join(rng.day_label(f.date) for f in flares[-3:])
        lines.append(
            f"{plural(len(flares), 'flare day')}, pain at least {FLARE_POINTS:.0f} points above the week before "
            f"(latest: {when})."
        )
    sm = ins.sleep_mood
    sleep = sum(1 for m in (sm.hours, sm.quality) if m.mean is not None)
    lines.extend(sm.sentences[sleep:])
    return tuple(lines)
