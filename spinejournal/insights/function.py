"""Function: the Patient-Specific Functional Scale (PSFS), per activity and as the mean of one occasion."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from spinejournal.clinical import PSFS_ITEM_MCID_POINTS, PSFS_MCID_POINTS
from spinejournal.insights.figures import at_least
from spinejournal.insights.range import DateRange
from spinejournal.insights.types import PsfsActivitySeries, PsfsItemChange, PsfsPoint, PsfsSummary
from spinejournal.insights.words import psfs_sentence
from spinejournal.model import JournalData, PsfsRating


def occasions(ratings: list[PsfsRating]) -> list[tuple[date, float]]:
    """Rating occasions with their mean score, oldest first: the dates on which every activity rated
    so far (on or before that date) was rated, so the mean never mixes ratings from different dates.

    ``ratings`` must be sorted by date; the ability direction (1.0) is used, PSFS 2.0 reversed.
    """
    by_date: dict[date, dict[int, int]] = defaultdict(dict)
    for r in ratings:
        by_date[r.date][r.activity_id] = r.ability
    seen: set[int] = set()
    found = []
    for on, rated in by_date.items():
        seen |= rated.keys()
        if rated.keys() == seen:
            found.append((on, sum(rated.values()) / len(rated)))
    return found


def psfs(data: JournalData, rng: DateRange) -> PsfsSummary:
    """PSFS: each activity's intake rating against its latest, and the intake occasion's mean against
    the latest occasion's up to the range end; plus the per-date series of the range for charts."""
    latest: dict[int, int] = {}
    series = []
    known = {a.id for a in data.psfs_activities}
    rated = (r for r in data.psfs_ratings if r.activity_id in known and r.date <= rng.end)
    ratings = sorted(rated, key=lambda r: r.date)
    for i, r in enumerate(ratings):
        latest[r.activity_id] = r.ability
        last_of_date = i + 1 == len(ratings) or ratings[i + 1].date != r.date
        if r.date >= rng.start and last_of_date:
            series.append(PsfsPoint(r.date, sum(latest.values()) / len(latest), len(latest)))
    activities = tuple(
        PsfsActivitySeries(
            a.id, a.name, tuple((r.date, r.ability) for r in ratings if r.activity_id == a.id and r.date in rng)
        )
        for a in data.psfs_activities
    )
    items = []
    for a in data.psfs_activities:
        own = [r for r in ratings if r.activity_id == a.id]
        if not own:
            continue
        first, last = own[0], own[-1]
        change = last.ability - first.ability if len(own) > 1 else None
        meaningful = change is not None and at_least(abs(change), PSFS_ITEM_MCID_POINTS)
        items.append(
            PsfsItemChange(a.id, a.name, first.date, first.ability, last.date, last.ability, change, meaningful)
        )
    found = occasions(ratings)
    first_date, first_score = found[0] if found else (None, None)
    latest_date, latest_score = found[-1] if len(found) > 1 else (None, None)
    score_change = latest_score - first_score if latest_score is not None and first_score is not None else None
    important = score_change is not None and at_least(abs(score_change), PSFS_MCID_POINTS)
    sentence = psfs_sentence(rng, first_date, first_score, latest_date, latest_score, score_change, important)
    return PsfsSummary(
        tuple(series),
        activities,
        first_score,
        latest_score,
        score_change,
        important,
        sentence,
        tuple(items),
        first_date,
        latest_date,
    )
