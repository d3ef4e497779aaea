"""The result types of the insights: frozen dataclasses, one tree per :func:`compute` call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spinejournal.clinical import ADHERENT_PERCENT, Urgency
from spinejournal.insights.format import EPS, short_date
from spinejournal.insights.range import DateRange


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
    compare (e.g. a week since the last visit), as DOMAIN.md allows. :class:`PainSince` uses "care"
    (the first days of the journal) and "visit" (the first days on or after the last visit).
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
class PainSince:
    """Average pain from a starting point to the latest whole week of the range.

    ``scope`` is "care" (the starting point is the first BASELINE_DAYS logged days of the journal)
    or "visit" (the first BASELINE_DAYS logged days on or after the last visit, ``since``).
    ``latest_week`` is the latest whole 7-day week of the range with at least WEEK_MIN_DAYS logged
    days that starts after the starting point ends. ``points`` = baseline - latest (positive means
    less pain), ``percent`` = points / baseline x 100 (None when the baseline is 0); ``important``
    when |points| >= MCID_POINTS or |percent| >= MCID_PERCENT, in either direction. The figures are
    None (direction "unknown") when either side is missing.
    """

    scope: str
    since: date | None
    baseline: Baseline | None
    latest_week: WeekMean | None
    points: float | None
    percent: float | None
    important: bool
    direction: str


@dataclass(frozen=True, slots=True)
class PainExtreme:
    """The highest worst pain (or the lowest least pain) of the range and the latest day it was logged."""

    date: date
    pain: int


@dataclass(frozen=True, slots=True)
class PainSummary:
    """Daily average pain over the range.

    ``since_care`` compares the latest week with the start of care, ``since_visit`` with the first
    days after the last visit before the range end (None when no visit is recorded). ``worst`` is
    the highest ``pain_worst`` logged in the range, ``least`` the lowest ``pain_least``.
    """

    series: tuple[PainPoint, ...]
    weeks: tuple[WeekMean, ...]
    mean: float | None
    baseline: Baseline | None
    change: PainChange
    best_days: tuple[PainPoint, ...]
    worst_days: tuple[PainPoint, ...]
    flares: tuple[Flare, ...]
    since_care: PainSince
    since_visit: PainSince | None
    worst: PainExtreme | None
    least: PainExtreme | None


@dataclass(frozen=True, slots=True)
class LimbReach:
    """How far one limb's radiating pain reached in the first week of care and in the latest week.

    The furthest reach of a week is the most distal extent logged for that limb on any day of the
    week (``Radiating.reach``: 1 nearest the spine .. 4 hand or foot); 0 when the week has logged
    days but no radiating pain in that limb. ``verdict``: "centralising" (the furthest reach moved
    toward the spine, or the limb pain resolved: none in the latest week), "peripheralising" (it
    moved away from the spine, or began after the first week), "stable" (same reach), or "unknown"
    when either week has fewer than WEEK_MIN_DAYS logged days.
    """

    limb: str
    label: str
    first_extent: str | None
    latest_extent: str | None
    first_reach: int
    latest_reach: int
    verdict: str


@dataclass(frozen=True, slots=True)
class LimbPain:
    """Leg or arm pain: the 0-10 limb pain in the first week of care and the latest week, how far it
    reaches per limb, and where it hurts.

    ``first_week`` holds the limb-pain values of the first BASELINE_DAYS logged days of the journal
    (the first week of care), ``latest_week`` those of the latest whole week of the range that starts
    after them and has at least WEEK_MIN_DAYS logged days (None when there is none); each ``value``
    (the mean) is None below WEEK_MIN_DAYS values. ``mean``/``n``: all limb-pain values of the range.
    ``regions`` are (region id, days logged) for each region logged in the range, in body order.
    """

    first_week: WeekValue | None
    latest_week: WeekValue | None
    reaches: tuple[LimbReach, ...]
    regions: tuple[tuple[str, int], ...]
    mean: float | None
    n: int

    @property
    def has_data(self) -> bool:
        """True when limb pain, radiating pain or a region was logged in the range."""
        return bool(self.n or self.reaches or self.regions)


@dataclass(frozen=True, slots=True)
class ExerciseAdherence:
    """Adherence to one exercise of the plan over the range.

    ``scheduled`` = times_per_week x active_days / 7, where active_days are the logged days of the
    range on which the exercise was in the plan (from its start date up to, not including, its end
    date): a day with no entry at all is not recorded, so its sessions are neither planned nor
    skipped. A partial week counts pro rata, e.g. 5 x/week over 3 active days is 15/7 = 2.14 sessions.
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
        return None if self.percent is None else self.percent >= ADHERENT_PERCENT - EPS


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

    Sessions are planned over logged days only (``days_logged`` of ``days_in_range``); on those days
    a scheduled session that was never ticked off counts as not done. ``skip_reasons`` counts the
    reasons given for skipped or partly done exercises, most common first.
    """

    exercises: tuple[ExerciseAdherence, ...]
    scheduled: float
    credit: float
    percent: float | None
    skip_reasons: tuple[tuple[str, int], ...]
    weeks: tuple[WeekAdherence, ...]
    sentence: str
    days_logged: int
    days_in_range: int

    @property
    def adherent(self) -> bool | None:
        """Overall at or above ADHERENT_PERCENT; None when nothing was scheduled."""
        return None if self.percent is None else self.percent >= ADHERENT_PERCENT - EPS

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
    """One treatment kind's sessions in the range (heat, ice, TENS or massage).

    Relief = pain before - pain after, over sessions with both.
    """

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
    """Heat versus ice: sessions and relief, and the average pain of days with heat, ice or no treatment.

    A day with both heat and ice counts among the heat days and among the ice days; ``neither_days``
    are days with no treatment session of any kind (a TENS-only day is in no group).
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
    """One mobility measure: its first and latest whole week in the range, and the start of care.

    ``first_week`` is the earliest whole 7-day week of the range with at least WEEK_MIN_DAYS values,
    ``latest_week`` the latest one after it (None when there is no second such week).
    ``care_week`` holds the values of the first BASELINE_DAYS logged days of the journal (its value
    None below WEEK_MIN_DAYS values); ``care_latest`` is the latest whole week with a value after it.
    """

    key: str
    label: str
    unit: str
    higher_is_better: bool
    n: int
    first_week: WeekValue | None
    latest_week: WeekValue | None
    care_week: WeekValue | None
    care_latest: WeekValue | None

    @property
    def start_mean(self) -> float | None:
        """The first whole week's mean, when there is a latest week to compare it with."""
        return self.first_week.value if self.first_week is not None and self.latest_week is not None else None

    @property
    def recent_mean(self) -> float | None:
        """The latest whole week's mean (None when there is no first week before it)."""
        return self.latest_week.value if self.latest_week is not None else None


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
class PsfsItemChange:
    """One PSFS activity: its intake rating (its first ever) against its latest up to the range end.

    Ratings are on the 1.0 direction (0 = unable, 10 = as before; PSFS 2.0 ratings are reversed).
    ``change`` = latest - intake (positive is better), None with one rating only; ``meaningful``
    when |change| >= PSFS_ITEM_MCID_POINTS.
    """

    activity_id: int
    name: str
    intake_date: date
    intake: int
    latest_date: date
    latest: int
    change: int | None
    meaningful: bool


@dataclass(frozen=True, slots=True)
class PsfsSummary:
    """PSFS over the range.

    ``first`` and ``latest`` are mean scores of one rating occasion each: a date on which every
    activity rated so far was rated, so a score never mixes dates. ``first`` is the intake occasion
    (the first ratings of the journal), ``latest`` the latest occasion up to the range end (None when
    it is the intake itself). ``change`` = latest - first (positive is better), ``important`` when
    |change| >= PSFS_MCID_POINTS. ``series`` is for charts: each rating date of the range with the
    mean of each activity's latest rating so far.
    """

    series: tuple[PsfsPoint, ...]
    activities: tuple[PsfsActivitySeries, ...]
    first: float | None
    latest: float | None
    change: float | None
    important: bool
    sentence: str
    items: tuple[PsfsItemChange, ...]
    first_date: date | None
    latest_date: date | None


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
    sleep_mood: SleepMood
    medications: MedicationSummary
    treatments: tuple[TherapyStats, ...]
    """Every treatment kind (heat, ice, TENS, massage, in ``THERAPY_KINDS`` order)."""
    peg: PegChange | None
    pgic: PgicLatest | None
    events: CareEvents
    limb: LimbPain

    @property
    def is_empty(self) -> bool:
        """True when no day is logged in the range."""
        return self.days_logged == 0

    @property
    def days_unrecorded(self) -> int:
        """Days of the range with no entry at all."""
        return self.days_in_range - self.days_logged


# -- day model v2: sleep and mood, medications, treatments per kind, PEG-3, PGIC, care events -------


@dataclass(frozen=True, slots=True)
class WeekValue:
    """One whole 7-day week of a measure: how many values it holds and their mean (or total).

    ``value`` is None when fewer than WEEK_MIN_DAYS days count (values, or logged days for doses).
    """

    start: date
    end: date
    n: int
    value: float | None


@dataclass(frozen=True, slots=True)
class MeasureSummary:
    """A 0-10 (or hours) self-report over the range: its mean with n, and first vs latest whole week.

    ``first_week`` is the earliest whole week of the range with a value, ``latest_week`` the latest
    one after it (None when there is no such second week).
    """

    key: str
    label: str
    n: int
    mean: float | None
    first_week: WeekValue | None
    latest_week: WeekValue | None
    points: tuple[tuple[date, float], ...]
    """Every value of the range with its day, oldest first (for charts)."""


@dataclass(frozen=True, slots=True)
class SleepMood:
    """Sleep hours, sleep quality and mood beside pain, and what went together with pain.

    ``poor_sleep``/``good_sleep``: average pain on days after a night of sleep quality at most
    POOR_MAX / at least GOOD_MIN; ``low_mood``/``good_mood`` the same for that day's mood. Each
    mean is None below MIN_N days.
    """

    hours: MeasureSummary
    quality: MeasureSummary
    mood: MeasureSummary
    poor_sleep: GroupMean
    good_sleep: GroupMean
    low_mood: GroupMean
    good_mood: GroupMean
    sentences: tuple[str, ...]

    @property
    def has_data(self) -> bool:
        """True when any sleep or mood value was logged in the range."""
        return bool(self.hours.n or self.quality.n or self.mood.n)


@dataclass(frozen=True, slots=True)
class MedicationChange:
    """A dated change of the medication list: "started", "stopped" or "dose changed".

    ``before``/``after`` are the prescriptions (dose and schedule) on either side ('' when none).
    """

    date: date
    change: str
    name: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class AsNeededUse:
    """Doses of one as-needed medication (all its records by name) per whole week of the range."""

    name: str
    doses: int
    weeks: tuple[WeekValue, ...]
    first_week: WeekValue | None
    latest_week: WeekValue | None


@dataclass(frozen=True, slots=True)
class ScheduledUse:
    """A medication taken on a schedule: on how many of the logged days it was on the list it was taken."""

    name: str
    prescription: str
    days_on_list: int
    days_taken: int


@dataclass(frozen=True, slots=True)
class MedicationSummary:
    """Medication changes in the range and how the medications were taken. Never a suggestion."""

    changes: tuple[MedicationChange, ...]
    as_needed: tuple[AsNeededUse, ...]
    scheduled: tuple[ScheduledUse, ...]
    sentences: tuple[str, ...]

    @property
    def has_data(self) -> bool:
        """True when a change or any medication on the list falls in the range."""
        return bool(self.changes or self.as_needed or self.scheduled)


@dataclass(frozen=True, slots=True)
class PegChange:
    """PEG-3 from the first to the latest score: in the range, or from the first of care ("care")
    when the range holds one score only.

    ``points`` = first - latest (positive means less pain and interference); ``percent`` = points /
    first x 100 (None when the first is 0); ``important`` when |percent| >= MCID_PERCENT (the pain
    scale's 30 % rule, DOMAIN.md). All None/False with a single score.
    """

    first_date: date
    first: float
    latest_date: date
    latest: float
    scope: str
    points: float | None
    percent: float | None
    important: bool
    sentence: str


@dataclass(frozen=True, slots=True)
class PgicLatest:
    """The latest PGIC rating of the range; ``responder`` when "much improved" or better."""

    date: date
    rating: int
    label: str
    responder: bool
    sentence: str


@dataclass(frozen=True, slots=True)
class EventEntry:
    """A care event in the range (the text is the person's own words: escape it wherever shown)."""

    date: date
    kind: str
    kind_label: str
    text: str


@dataclass(frozen=True, slots=True)
class CareEvents:
    """Care events in the range, and the week after the most recent surgery up to the range end."""

    events: tuple[EventEntry, ...]
    surgery: EventEntry | None
    week_after_surgery: int | None
    sentences: tuple[str, ...]

    @property
    def has_data(self) -> bool:
        """True when an event falls in the range or a surgery came before its end."""
        return bool(self.events or self.surgery)
