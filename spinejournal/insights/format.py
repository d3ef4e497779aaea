"""How figures and dates are written, the same on every screen and in every export."""

from __future__ import annotations

import math
from datetime import date

# Float means of whole numbers: compare thresholds with a little slack so 2.0 counts as 2.
EPS = 1e-9

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(d: date, *, year: bool = False) -> str:
    """'2 Mar' (or '2 Mar 2026' with ``year``): locale-independent, so output is the same everywhere."""
    text = f"{d.day} {_MONTHS[d.month - 1]}"
    return f"{text} {d.year}" if year else text


def fmt(value: float) -> str:
    """A mean with one decimal (4.25 -> "4.2")."""
    return f"{value:.1f}"


def shown(value: float, decimals: int = 0) -> str:
    """A figure as every screen and export shows it: cut towards zero, so a figure just under a
    threshold never reads as reaching it (29.6 % -> "29")."""
    scale = 10**decimals
    sign = -1 if value < 0 else 1
    cut = math.floor(abs(value) * scale + EPS) / scale * sign
    return f"{cut:.{decimals}f}"


def plural(n: int, word: str) -> str:
    """'1 day', '2 days'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
