"""A therapist's caseload: one row of figures per patient's export, ranked by who needs attention first.

Pure Python over :class:`spinejournal.model.JournalData` (no files, no Textual): the reports and the app
read the exports and show the rows. Every figure comes from the insights the summary uses, so a row
says what that patient's summary says. The ranking (DOMAIN.md, "A therapist's caseload"):

1. a red flag reported since the last visit (no visit: ever), the newest first;
2. pain clinically worse (2 points or 30 %) since the start of care, or since the last visit;
3. leg or arm pain peripheralising (reaching further from the spine than in the first week of care);
4. home-exercise adherence since the last visit under ``LOW_ADHERENCE_PERCENT``;
5. everyone else, the longest since their last visit first (no visit recorded: first of all).

Each row carries its reasons in words, the one that placed it first ("red flag 30 Nov").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spinejournal.clinical import most_urgent
from spinejournal.insights.adherence import adherence
from spinejournal.insights.format import plural, short_date, shown
from spinejournal.insights.function import psfs
from spinejournal.insights.limb import limb_pain
from spinejournal.insights.medications import medication_summary
from spinejournal.insights.pain import pain_summary
from spinejournal.insights.pgic import pgic_latest
from spinejournal.insights.range import DateRange, resolve_range
from spinejournal.insights.types import AsNeededUse, LimbReach, PainSince, PgicLatest, RedFlagDay
from spinejournal.model import JournalData

# Under this share of the scheduled sessions a patient moves up the caseload (DOMAIN.md: the caseload's
# own rule, lower than the 70 % "adherent" line: home adherence averages near 58 %).
LOW_ADHERENCE_PERCENT = 50.0

# The tiers of the ranking, most urgent first.
RED_FLAG, PAIN_WORSE, PERIPHERALISING, LOW_ADHERENCE, OTHERS = range(5)


@dataclass(frozen=True, slots=True)
class PatientRow:
    """One patient of the caseload: who, which file, and the figures a therapist scans first.

    ``source`` is the export's file name, ``name`` the patient's name or, without one, the file name.
    ``period`` runs from the last visit before ``as_of`` (the first logged day without one) to
    ``as_of``, as "since the last visit" does everywhere: red flags, questions and adherence count
    over it. Pain, limb pain, PSFS, PGIC and as-needed medication compare the start of care with the
    latest whole week.
    """

    source: str
    name: str
    exported: date | None
    as_of: date
    first_day: date | None
    last_day: date | None
    days_logged: int
    period: DateRange
    last_visit: date | None
    since_care: PainSince
    since_visit: PainSince | None
    reaches: tuple[LimbReach, ...]
    psfs_first: float | None
    psfs_latest: float | None
    psfs_change: float | None
    psfs_important: bool
    pgic: PgicLatest | None
    adherence: float | None
    as_needed: tuple[AsNeededUse, ...]
    red_flags: tuple[RedFlagDay, ...]
    questions: int
    tier: int
    reasons: tuple[str, ...]

    @property
    def days_since_entry(self) -> int | None:
        """Days from the last logged day to ``as_of`` (None when nothing is logged)."""
        return None if self.last_day is None else max(0, (self.as_of - self.last_day).days)

    @property
    def days_since_visit(self) -> int | None:
        """Days from the last visit to ``as_of`` (None when no visit is recorded)."""
        return None if self.last_visit is None else max(0, (self.as_of - self.last_visit).days)

    @property
    def limb_verdict(self) -> str:
        """'peripheralising' if any limb is, else 'centralising' if any is, else 'stable' or 'unknown';
        '' when no leg or arm pain was logged."""
        verdicts = {r.verdict for r in self.reaches}
        for verdict in ("peripheralising", "centralising", "stable", "unknown"):
            if verdict in verdicts:
                return verdict
        return ""

    @property
    def worse(self) -> PainSince | None:
        """The clinically important worsening that ranks this patient: since care, else since the visit."""
        for since in (self.since_care, self.since_visit):
            if since is not None and since.important and since.direction == "worse":
                return since
        return None


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A file given to the caseload that could not be read: its name and why, in one line."""

    source: str
    reason: str


def patient_row(data: JournalData, *, source: str, today: date, exported: date | None = None) -> PatientRow:
    """The caseload row of one export, as of ``today`` (or its last logged day, if later)."""
    last_day = data.days[-1].date if data.days else None
    as_of = max(today, last_day) if last_day else today
    # Weeks end on the last logged day: "the latest week" is the patient's, however old the export.
    whole = resolve_range(data, "all", today=last_day or as_of)
    visit = data.last_visit(as_of)
    # As "since the last visit" everywhere: on the day of a visit, the time since the one before.
    before = data.last_visit(as_of - timedelta(days=1))
    start = before.date if before else (data.days[0].date if data.days else as_of)
    label = f"Since the visit on {short_date(start, year=True)}" if before else "The whole journal"
    period = DateRange("custom", min(start, as_of), as_of, label)
    period_days = data.days_between(period.start, period.end)
    pain = pain_summary(data, whole, data.days)
    function = psfs(data, whole)
    flags = tuple(
        RedFlagDay(d.date, d.red_flags, level) for d in period_days if (level := most_urgent(d.red_flags)) is not None
    )
    row = PatientRow(
        source=source,
        name=data.profile.patient_name.strip() or source,
        exported=exported,
        as_of=as_of,
        first_day=data.days[0].date if data.days else None,
        last_day=last_day,
        days_logged=len(data.days),
        period=period,
        last_visit=visit.date if visit else None,
        since_care=pain.since_care,
        since_visit=pain.since_visit,
        reaches=limb_pain(data, whole, data.days).reaches,
        psfs_first=function.first,
        psfs_latest=function.latest,
        psfs_change=function.change,
        psfs_important=function.important,
        pgic=pgic_latest(data.pgic_ratings, whole),
        adherence=adherence(data, period, period_days).percent,
        as_needed=medication_summary(data, whole, data.days).as_needed,
        red_flags=flags,
        questions=sum(1 for d in period_days if d.questions.strip()),
        tier=OTHERS,
        reasons=(),
    )
    tier, reasons = _judge(row)
    return replace(row, tier=tier, reasons=reasons)


def _day(on: date, as_of: date) -> str:
    return short_date(on, year=on.year != as_of.year)


def _judge(row: PatientRow) -> tuple[int, tuple[str, ...]]:
    """The row's tier and every reason that applies, the tier's own first."""
    found: list[tuple[int, str]] = []
    if row.red_flags:
        newest = sorted((r.date for r in row.red_flags), reverse=True)
        dates = ", ".join(_day(d, row.as_of) for d in newest[:3])
        more = f" (+{len(newest) - 3} more)" if len(newest) > 3 else ""
        found.append((RED_FLAG, f"red flag{'s' if len(newest) > 1 else ''} {dates}{more}"))
    worse = row.worse
    if worse is not None and worse.points is not None:
        since = "since care began" if worse.scope == "care" else "since the visit"
        size = f"{shown(-worse.points, 1)} points" + (
            f", {shown(-worse.percent)} %" if worse.percent is not None else ""
        )
        found.append((PAIN_WORSE, f"pain up {size} {since}"))
    for reach in row.reaches:
        if reach.verdict == "peripheralising":
            was = (reach.first_extent or "none").replace("_", " ")
            now = (reach.latest_extent or "none").replace("_", " ")
            found.append((PERIPHERALISING, f"{reach.label.lower()} pain reaches further ({was} to {now})"))
    if row.adherence is not None and row.adherence < LOW_ADHERENCE_PERCENT:
        found.append((LOW_ADHERENCE, f"exercises {shown(row.adherence)} % done"))
    if not found:
        if row.days_logged == 0:
            found.append((OTHERS, "nothing logged"))
        if row.last_visit is None:
            found.append((OTHERS, "no visit recorded"))
        else:
            found.append((OTHERS, f"last visit {plural(row.days_since_visit or 0, 'day')} ago"))
    return found[0][0], tuple(reason for _tier, reason in found)


def order_key(row: PatientRow) -> tuple[int, float, str, str]:
    """Sort key: the tier, then how pressing within it, then the name."""
    within: float
    if row.tier == RED_FLAG:
        within = -max(r.date for r in row.red_flags).toordinal()
    elif row.tier == PAIN_WORSE:
        worse = row.worse
        within = worse.points if worse is not None and worse.points is not None else 0.0  # most negative first
    elif row.tier == LOW_ADHERENCE:
        within = row.adherence if row.adherence is not None else 0.0
    else:
        # The longest since the last visit first; none recorded comes before any.
        within = -(row.days_since_visit if row.days_since_visit is not None else float("inf"))
    return row.tier, within, row.name.casefold(), row.source


def rank(rows: Iterable[PatientRow]) -> tuple[PatientRow, ...]:
    """The rows in caseload order: the tier, then within it as the module docstring says."""
    return tuple(sorted(rows, key=order_key))
