"""Mobility: walking, sitting and standing tolerance, morning stiffness, fingertip to floor."""

from __future__ import annotations

from collections.abc import Sequence

from spinejournal.clinical import BASELINE_DAYS
from spinejournal.insights.figures import mean
from spinejournal.insights.types import MeasureTrend, MobilityPoint, MobilitySummary
from spinejournal.model import Day

_MEASURES = (
    ("walk", "Walking tolerance", "min", True),
    ("sit", "Sitting tolerance", "min", True),
    ("stand", "Standing tolerance", "min", True),
    ("stiffness", "Morning stiffness", "min", False),
    ("fingertip_floor_cm", "Fingertip to floor", "cm", False),
)


def mobility(days: Sequence[Day]) -> MobilitySummary:
    series = tuple(
        MobilityPoint(
            d.date,
            d.mobility.walk,
            d.mobility.sit,
            d.mobility.stand,
            d.mobility.stiffness,
            d.mobility.fingertip_floor_cm,
        )
        for d in days
        if not d.mobility.is_empty
    )
    trends = []
    for key, label, unit, higher in _MEASURES:
        values = [v for p in series if (v := getattr(p, key)) is not None]
        enough = len(values) >= 2 * BASELINE_DAYS
        trends.append(
            MeasureTrend(
                key,
                label,
                unit,
                higher,
                len(values),
                mean(values[:BASELINE_DAYS]) if enough else None,
                mean(values[-BASELINE_DAYS:]) if enough else None,
            )
        )
    return MobilitySummary(series, tuple(trends))
