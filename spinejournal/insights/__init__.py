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

    - ``days_in_range``, ``days_logged``, ``days_unrecorded`` (days with no entry), ``is_empty``;
    - ``pain: PainSummary``: ``series`` (PainPoint: date, pain, rolling_mean), ``weeks``
      (WeekMean: start, end, n, mean or None when n < WEEK_MIN_DAYS; whole 7-day weeks ending on
      the range's last day, a partial week at the start left out), ``mean``, ``baseline``
      (Baseline: start, end, n, mean, or None), ``change`` (PainChange: baseline, latest, latest_week,
      points, percent, important, direction, sentence), ``best_days``/``worst_days`` (PainPoint),
      ``flares`` (Flare: date, pain, trailing_mean, rise), ``since_care`` and ``since_visit``
      (PainSince: scope, since, baseline, latest_week, points, percent, important, direction; from
      the first 7 logged days of the journal, or of the last visit, to the latest whole week),
      ``worst``/``least`` (PainExtreme: date, pain, the highest pain_worst / lowest pain_least);
    - ``limb: LimbPain``: ``first_week``/``latest_week`` (WeekValue of the 0-10 limb pain: the first
      week of care, the latest whole week), ``reaches`` (LimbReach: limb, label, first_extent,
      latest_extent, first_reach, latest_reach, verdict "centralising" | "peripheralising" |
      "stable" | "unknown"), ``regions`` ((region id, days)), ``mean``, ``n``;
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
      ``first_week``/``latest_week`` (WeekValue, whole weeks of the range with >= WEEK_MIN_DAYS
      values), ``care_week``/``care_latest`` (the start of care against the latest week),
      ``start_mean``/``recent_mean`` (their means, None when too few values));
    - ``psfs: PsfsSummary``: ``series`` (PsfsPoint: date, score, n_activities), ``activities``
      (PsfsActivitySeries: activity_id, name, points), ``first``/``first_date`` (the intake
      occasion), ``latest``/``latest_date`` (the latest occasion: every activity rated that date),
      ``change``, ``important``, ``sentence``, ``items`` (PsfsItemChange: activity_id, name,
      intake_date, intake, latest_date, latest, change, meaningful at |change| >= 3);
    - ``red_flag_days`` (RedFlagDay: date, flags, urgency), ``questions`` and ``notes`` (TextEntry:
      date, text; the person's own words, to be escaped by whoever shows them);
    - ``sleep_mood: SleepMood``: ``hours``/``quality``/``mood`` (MeasureSummary: key, label, n, mean,
      ``first_week``/``latest_week`` as WeekValue: start, end, n, value), and average pain after
      poor/good nights (``poor_sleep``/``good_sleep``, sleep quality <= POOR_MAX / >= GOOD_MIN) and on
      low/good mood days (GroupMean), ``sentences``;
    - ``medications: MedicationSummary``: ``changes`` (MedicationChange: date, change "started" |
      "stopped" | "dose changed", name, before, after), ``as_needed`` (AsNeededUse: name, doses,
      weeks, first_week, latest_week), ``scheduled`` (ScheduledUse: name, prescription,
      days_on_list, days_taken), ``sentences``;
    - ``treatments``: TherapyStats for every kind of ``model.THERAPY_KINDS`` (heat, ice, TENS, massage);
    - ``peg: PegChange | None`` (first/latest score and date, scope "range" or "care", points,
      percent, important by MCID_PERCENT, sentence); ``pgic: PgicLatest | None`` (date, rating,
      label, responder, sentence);
    - ``events: CareEvents``: ``events`` (EventEntry: date, kind, kind_label, text), ``surgery``
      and ``week_after_surgery`` (see ``week_after``), ``sentences``.

Words
    ``what_changed(ins, *, period=True) -> tuple[str, ...]``: the short "what changed" panel, in plain
    words, red flags first (``period=False`` leaves out the "range: n of m days logged" line).
    ``detail_sections(ins) -> tuple[(title, lines), ...]``: sleep and mood, medications,
    treatments per kind, PEG-3, PGIC and care events, each only when the range has data for it.
    ``therapist_lines(ins)``: the headline figures in the therapist's voice (days recorded, red
    flags, pain since care and since the visit, worst/least, limb pain and reach, where it hurts,
    PSFS, mobility against the start of care). ``red_flag_lines(data, rng)``: "reported on 24 Nov:
    pain at night that rest does not ease", one per day, no advice. The line helpers
    (``pain_since_line``, ``reach_line``, ``limb_lines``, ``mobility_line``, ``mobility_care_line``,
    ``psfs_item_line``, ``pain_extremes_line``, ``recorded_sentence``, ``sessions``) build them.
    ``short_date(d)`` ("2 Mar"). Sentences can contain user text (exercise names): show them as plain
    text, never as markup.

Modules
    ``range`` (DateRange, resolve_range), ``types`` (the result dataclasses), one module per analysis
    (``pain``, ``adherence``, ``treatments`` for heat, ice, TENS, massage and next-day pain,
    ``mobility``, ``function`` for PSFS, ``limb`` for leg and arm pain, ``sleep_mood``, ``medications``,
    ``peg``, ``pgic``, ``events``),
    ``words`` (the sentences), ``format`` (how figures and dates are written) and
    ``figures`` (shared numeric helpers). Import the public names from here.

"What helps" figures are associations with their count (n), never causes; below ``MIN_N`` the figure is
``None`` and the sentence says there is too little to go on.
"""

from __future__ import annotations

from spinejournal.clinical import MIN_N, most_urgent
from spinejournal.insights.adherence import adherence
from spinejournal.insights.events import care_events, week_after
from spinejournal.insights.format import short_date, shown
from spinejournal.insights.function import occasions, psfs
from spinejournal.insights.limb import furthest_reach, limb_pain, reach_verdict
from spinejournal.insights.medications import medication_summary
from spinejournal.insights.mobility import mobility
from spinejournal.insights.pain import BEST_WORST_COUNT, pain_since, pain_summary
from spinejournal.insights.peg import peg_change
from spinejournal.insights.pgic import pgic_latest
from spinejournal.insights.range import FOUR_WEEKS_DAYS, THREE_MONTHS_DAYS, DateRange, resolve_range
from spinejournal.insights.sleep_mood import GOOD_MIN, POOR_MAX, sleep_mood
from spinejournal.insights.treatments import heat_ice, next_day_pain, treatment_kinds
from spinejournal.insights.types import (
    Adherence,
    AsNeededUse,
    Baseline,
    CareEvents,
    EventEntry,
    ExerciseAdherence,
    Flare,
    GroupMean,
    HeatIce,
    Insights,
    LimbPain,
    LimbReach,
    MeasureSummary,
    MeasureTrend,
    MedicationChange,
    MedicationSummary,
    MobilityPoint,
    MobilitySummary,
    NextDayPain,
    PainChange,
    PainExtreme,
    PainPoint,
    PainSince,
    PainSummary,
    PegChange,
    PgicLatest,
    PsfsActivitySeries,
    PsfsItemChange,
    PsfsPoint,
    PsfsSummary,
    RedFlagDay,
    ScheduledUse,
    SleepMood,
    TextEntry,
    TherapyStats,
    TherapyWeek,
    WeekAdherence,
    WeekMean,
    WeekValue,
)
from spinejournal.insights.words import (
    adherence_sentence,
    as_needed_line,
    detail_sections,
    event_line,
    headline_lines,
    limb_lines,
    medication_change_line,
    mobility_care_line,
    mobility_care_summary,
    mobility_line,
    pain_extremes_line,
    pain_since_line,
    psfs_item_line,
    reach_line,
    recorded_sentence,
    red_flag_line,
    red_flag_lines,
    relief_line,
    scheduled_line,
    sessions,
    therapist_lines,
    together_lines,
    went_together_sentence,
    what_changed,
)
from spinejournal.model import JournalData
from spinejournal.ranges import RANGE_KEYS, RANGE_LABELS

__all__ = [
    "BEST_WORST_COUNT",
    "FOUR_WEEKS_DAYS",
    "GOOD_MIN",
    "MIN_N",
    "POOR_MAX",
    "RANGE_KEYS",
    "RANGE_LABELS",
    "THREE_MONTHS_DAYS",
    "Adherence",
    "AsNeededUse",
    "Baseline",
    "CareEvents",
    "DateRange",
    "EventEntry",
    "ExerciseAdherence",
    "Flare",
    "GroupMean",
    "HeatIce",
    "Insights",
    "LimbPain",
    "LimbReach",
    "MeasureSummary",
    "MeasureTrend",
    "MedicationChange",
    "MedicationSummary",
    "MobilityPoint",
    "MobilitySummary",
    "NextDayPain",
    "PainChange",
    "PainExtreme",
    "PainPoint",
    "PainSince",
    "PainSummary",
    "PegChange",
    "PgicLatest",
    "PsfsActivitySeries",
    "PsfsItemChange",
    "PsfsPoint",
    "PsfsSummary",
    "RedFlagDay",
    "ScheduledUse",
    "SleepMood",
    "TextEntry",
    "TherapyStats",
    "TherapyWeek",
    "WeekAdherence",
    "WeekMean",
    "WeekValue",
    "adherence_sentence",
    "as_needed_line",
    "compute",
    "detail_sections",
    "event_line",
    "furthest_reach",
    "headline_lines",
    "limb_lines",
    "limb_pain",
    "medication_change_line",
    "mobility_care_line",
    "mobility_care_summary",
    "mobility_line",
    "occasions",
    "pain_extremes_line",
    "pain_since",
    "pain_since_line",
    "psfs_item_line",
    "reach_line",
    "reach_verdict",
    "recorded_sentence",
    "red_flag_line",
    "red_flag_lines",
    "relief_line",
    "resolve_range",
    "scheduled_line",
    "sessions",
    "short_date",
    "shown",
    "therapist_lines",
    "together_lines",
    "week_after",
    "went_together_sentence",
    "what_changed",
]


def compute(data: JournalData, rng: DateRange) -> Insights:
    """All insights for the days of ``data`` within ``rng``. Pure: same input, same result."""
    days = data.days_between(rng.start, rng.end)
    red_flag_days = tuple(
        RedFlagDay(d.date, d.red_flags, level) for d in days if (level := most_urgent(d.red_flags)) is not None
    )
    treatments = treatment_kinds(days)
    return Insights(
        range=rng,
        days_in_range=rng.days,
        days_logged=len(days),
        pain=pain_summary(data, rng, days),
        adherence=adherence(data, rng, days),
        heat_ice=heat_ice(rng, days, treatments),
        next_day=next_day_pain(data, days),
        mobility=mobility(data, rng, days),
        psfs=psfs(data, rng),
        red_flag_days=red_flag_days,
        questions=tuple(TextEntry(d.date, d.questions) for d in days if d.questions.strip()),
        notes=tuple(TextEntry(d.date, d.notes) for d in days if d.notes.strip()),
        sleep_mood=sleep_mood(rng, days),
        medications=medication_summary(data, rng, days),
        treatments=treatments,
        peg=peg_change(data.peg_scores, rng),
        pgic=pgic_latest(data.pgic_ratings, rng),
        events=care_events(data.events, rng),
        limb=limb_pain(data, rng, days),
    )
