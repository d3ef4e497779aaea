"""PEG-3 (Krebs 2009): the first and the latest score, and whether the change is clinically
important by the pain scale's 30 % rule (DOMAIN.md)."""

from __future__ import annotations

from dataclasses import replace

from spinejournal.clinical import MCID_PERCENT
from spinejournal.insights.figures import at_least
from spinejournal.insights.range import DateRange
from spinejournal.insights.types import PegChange
from spinejournal.insights.words import peg_sentence
from spinejournal.model import PegScore


def peg_change(scores: tuple[PegScore, ...], rng: DateRange) -> PegChange | None:
    """The first and latest PEG-3 score of the range; with one score in the range, the first score of
    care (the journal's first) is the starting point when it is earlier. None without a score in the range."""
    ordered = sorted(scores, key=lambda p: p.date)
    inside = [p for p in ordered if p.date in rng]
    if not inside:
        return None
    latest = inside[-1]
    first, scope = inside[0], "range"
    if len(inside) == 1 and ordered[0].date < latest.date:
        first, scope = ordered[0], "care"
    if first is latest:
        points = percent = None
        important = False
    else:
        points = first.score - latest.score
        percent = points / first.score * 100 if first.score > 0 else None
        important = percent is not None and at_least(abs(percent), MCID_PERCENT)
    peg = PegChange(first.date, first.score, latest.date, latest.score, scope, points, percent, important, "")
    return replace(peg, sentence=peg_sentence(rng, peg))
