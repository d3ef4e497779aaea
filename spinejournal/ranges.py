"""The named date ranges people pick (trends, summaries, exports): names only, so the command line
can offer them without loading the insights module."""

from __future__ import annotations

RANGE_KEYS: tuple[str, ...] = ("since-visit", "4w", "3m", "all")
RANGE_LABELS: dict[str, str] = {
    "since-visit": "Since the last visit",
    "4w": "Last 4 weeks",
    "3m": "Last 3 months",
    "all": "All time",
    "custom": "Custom range",
}
