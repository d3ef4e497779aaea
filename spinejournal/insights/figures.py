"""Small numeric helpers the analyses share."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spinejournal.clinical import MIN_N
from spinejournal.insights.format import EPS
from spinejournal.insights.types import GroupMean


def mean(values: Iterable[float]) -> float | None:
    """Arithmetic mean, or None for no values."""
    items = list(values)
    return sum(items) / len(items) if items else None


def group(label: str, values: Sequence[float]) -> GroupMean:
    """A group's mean with its count; the mean is None below MIN_N values."""
    return GroupMean(label, len(values), mean(values) if len(values) >= MIN_N else None)


def at_least(value: float, threshold: float) -> bool:
    """``value >= threshold``, with slack for float means of whole numbers."""
    return value >= threshold - EPS
