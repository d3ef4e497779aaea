"""Reading numbers and dates typed into the TUI's fields, with the model's one-line errors."""

from __future__ import annotations

from datetime import date

from spinejournal import clock
from spinejournal.model import ValidationError, parse_whole_number


def optional_int(field: str, text: str) -> int | None:
    """A whole number typed in a field, or None when the field is empty."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        return parse_whole_number(cleaned)
    except ValueError:
        raise ValidationError(field, f"must be a whole number (got '{cleaned}')") from None


def required_int(field: str, text: str) -> int:
    """A whole number typed in a field that must not be left empty."""
    value = optional_int(field, text)
    if value is None:
        raise ValidationError(field, "please fill it in")
    return value


def day_field(field: str, text: str) -> date:
    """A date typed as YYYY-MM-DD, 'today' or 'yesterday'."""
    try:
        return clock.parse_day(text)
    except ValueError as exc:
        raise ValidationError(field, str(exc)) from None


def past_day_field(field: str, text: str) -> date:
    """A date that is today or earlier (visits and ratings cannot be in the future)."""
    on = day_field(field, text)
    if on > clock.today():
        raise ValidationError(field, f"{on} is in the future")
    return on


def human_date(on: date) -> str:
    """'Sunday 15 March 2026': the way dates are shown to people."""
    return f"{on:%A} {on.day} {on:%B %Y}"


def short_date(on: date) -> str:
    """'Sun 15 Mar': for tight spaces."""
    return f"{on:%a} {on.day} {on:%b}"
