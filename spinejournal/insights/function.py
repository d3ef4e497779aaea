"""Function: the Patient-Specific Functional Scale (PSFS), the mean ability over the rated activities."""

from __future__ import annotations

from spinejournal.clinical import PSFS_MCID_POINTS
from spinejournal.insights.figures import at_least
from spinejournal.insights.range import DateRange
from spinejournal.insights.types import PsfsActivitySeries, PsfsPoint, PsfsSummary
from spinejournal.insights.words import psfs_sentence
from spinejournal.model import JournalData


def psfs(data: JournalData, rng: DateRange) -> PsfsSummary:
    latest: dict[int, int] = {}
    series = []
    known = {a.id for a in data.psfs_activities}
    ratings = sorted((r for r in data.psfs_ratings if r.activity_id in known), key=lambda r: r.date)
    for i, r in enumerate(ratings):
        if r.date > rng.end:
            break
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
    first = series[0].score if series else None
    last = series[-1].score if series else None
    change = last - first if first is not None and last is not None and len(series) > 1 else None
    important = change is not None and at_least(abs(change), PSFS_MCID_POINTS)
    sentence = psfs_sentence(first, last, change, important)
    return PsfsSummary(tuple(series), activities, first, last, change, important, sentence)
