"""Leg and arm pain: the 0-10 limb pain, how far radiating pain reaches (centralisation), and where it hurts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spinejournal.clinical import BASELINE_DAYS, WEEK_MIN_DAYS
from spinejournal.insights.figures import mean, whole_weeks
from spinejournal.insights.range import DateRange
from spinejournal.insights.types import LimbPain, LimbReach, WeekValue
from spinejournal.model import LIMBS, REGIONS, Day, JournalData, extents_for


def furthest_reach(days: Sequence[Day], limb: str) -> int:
    """The furthest reach of a week: the most distal extent logged for ``limb`` on any of ``days``
    (``Radiating.reach``, 1 nearest the spine .. 4 hand or foot), 0 when none of them has it."""
    return max((r.reach for d in days for r in d.radiating if r.limb == limb), default=0)


def reach_verdict(first: int, latest: int) -> str:
    """'centralising' when the furthest reach moved toward the spine (0, no radiating pain, counts as
    nearest: the limb pain resolved), 'peripheralising' when it moved away, else 'stable'."""
    if latest < first:
        return "centralising"
    if latest > first:
        return "peripheralising"
    return "stable"


def _extent(limb: str, reach: int) -> str | None:
    return list(extents_for(limb))[reach - 1] if reach else None


def _week_value(days: Sequence[Day]) -> WeekValue | None:
    if not days:
        return None
    values = [d.pain_limb for d in days if d.pain_limb is not None]
    return WeekValue(days[0].date, days[-1].date, len(values), mean(values) if len(values) >= WEEK_MIN_DAYS else None)


def limb_pain(data: JournalData, rng: DateRange, days: Sequence[Day]) -> LimbPain:
    """The first week of care (the journal's first BASELINE_DAYS logged days) against the latest whole
    week of the range with at least WEEK_MIN_DAYS logged days after it: limb pain and each limb's reach."""
    care = data.days[:BASELINE_DAYS]
    latest: Sequence[Day] = ()
    if care:
        for start, end in reversed(whole_weeks(rng)):
            week = [d for d in days if start <= d.date <= end]
            if start > care[-1].date and len(week) >= WEEK_MIN_DAYS:
                latest = week
                break
    judged = len(care) >= WEEK_MIN_DAYS and bool(latest)
    reaches = []
    for limb, label in LIMBS.items():
        first, last = furthest_reach(care, limb), furthest_reach(latest, limb)
        if first or last:
            verdict = reach_verdict(first, last) if judged else "unknown"
            reaches.append(LimbReach(limb, label, _extent(limb, first), _extent(limb, last), first, last, verdict))
    counts = Counter(r for d in days for r in d.regions)
    values = [d.pain_limb for d in days if d.pain_limb is not None]
    return LimbPain(
        first_week=_week_value(care),
        latest_week=_week_value(latest),
        reaches=tuple(reaches),
        regions=tuple((r, counts[r]) for r in REGIONS if counts[r]),
        mean=mean(values),
        n=len(values),
    )
