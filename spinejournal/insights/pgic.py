"""PGIC: the latest impression of change since care began, and whether it is "much improved" or
better (the usual responder threshold, DOMAIN.md)."""

from __future__ import annotations

from spinejournal.clinical import PGIC_RESPONDER_MAX
from spinejournal.insights.range import DateRange
from spinejournal.insights.types import PgicLatest
from spinejournal.insights.words import pgic_sentence
from spinejournal.model import PgicRating


def pgic_latest(ratings: tuple[PgicRating, ...], rng: DateRange) -> PgicLatest | None:
    """The latest PGIC rating dated within the range, or None when there is none."""
    inside = [r for r in ratings if r.date in rng]
    if not inside:
        return None
    latest = max(inside, key=lambda r: r.date)
    responder = latest.rating <= PGIC_RESPONDER_MAX
    sentence = pgic_sentence(rng, latest.date, latest.rating, latest.label, responder)
    return PgicLatest(latest.date, latest.rating, latest.label, responder, sentence)
