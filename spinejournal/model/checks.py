"""Validation shared by every record: ``ValidationError`` and the field checks.

A stored record is read strictly (``check_record``): an unknown, missing or mistyped field is refused
by name, never dropped without a word.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from typing import Any

from spinejournal.clinical import PAIN_MAX, PAIN_MIN
from spinejournal.clock import EARLIEST_DAY


class ValidationError(ValueError):
    """A value the journal cannot store. ``str()`` is one line naming the field and what is allowed."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


MAX_MINUTES = 24 * 60
MAX_NAME = 80
MAX_TEXT = 10_000

# ASCII digits with an optional minus, as a person types a number: int() also takes '+4', '1_000',
# spaces and other scripts' digits ('٣'). Eighteen digits are far beyond any value the journal takes.
_WHOLE_NUMBER = re.compile("-?[0-9]{1,18}")
# Python reads bytes that are not UTF-8 in a command's arguments as lone surrogates, which no file
# can hold as text.
_SURROGATES = re.compile("[\ud800-\udfff]")


# -- validation helpers ------------------------------------------------------------------------


def check_int(field_name: str, value: Any, low: int, high: int, *, unit: str = "") -> int:
    suffix = f" {unit}" if unit else ""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field_name, f"must be a whole number from {low} to {high}{suffix} (got {value!r})")
    if not low <= value <= high:
        raise ValidationError(field_name, f"must be from {low} to {high}{suffix} (got {value})")
    return value


def check_opt_int(field_name: str, value: Any, low: int, high: int, *, unit: str = "") -> int | None:
    return None if value is None else check_int(field_name, value, low, high, unit=unit)


def check_pain(field_name: str, value: Any) -> int:
    return check_int(field_name, value, PAIN_MIN, PAIN_MAX)


def check_opt_pain(field_name: str, value: Any) -> int | None:
    return None if value is None else check_pain(field_name, value)


def check_choice(field_name: str, value: Any, allowed: Collection[str]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise ValidationError(field_name, f"must be one of {', '.join(allowed)} (got {value!r})")
    return value


def check_text(field_name: str, value: Any, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise ValidationError(field_name, f"must be text (got {type(value).__name__})")
    if len(value) > limit:
        raise ValidationError(field_name, f"must be at most {limit} characters (got {len(value)})")
    if not value.isascii() and _SURROGATES.search(value):
        raise ValidationError(field_name, "is not valid text (invalid UTF-8)")
    return value


def check_name(field_name: str, value: Any) -> str:
    text = check_text(field_name, value, MAX_NAME).strip()
    if not text:
        raise ValidationError(field_name, "must not be empty")
    if any(ch in text for ch in "\r\n"):
        raise ValidationError(field_name, "must be a single line")
    return text


def check_date(field_name: str, value: Any) -> date:
    if isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(value)
        except (TypeError, ValueError):
            raise ValidationError(field_name, f"must be a date YYYY-MM-DD (got {value!r})") from None
    if day < EARLIEST_DAY:
        raise ValidationError(field_name, f"must be {EARLIEST_DAY} or later (got {day})")
    return day


def check_opt_date(field_name: str, value: Any) -> date | None:
    return None if value is None else check_date(field_name, value)


def kind_of(value: Any) -> str:
    """What a JSON value is, in words (for a message about a stored record of the wrong shape)."""
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "null"
    return "a number" if isinstance(value, int | float) else type(value).__name__


def check_record(what: str, data: Any, fields: Mapping[str, str], required: Iterable[str] = ()) -> Mapping[str, Any]:
    """``data`` as read from a file, checked to be an object holding only ``fields`` (stored key ->
    label) and every ``required`` one: a stored record is read strictly, so a damaged or mistyped
    key is refused by name instead of its value being dropped without a word."""
    if not isinstance(data, Mapping):
        raise ValidationError(what, f"must be an object (got {kind_of(data)})")
    for key in data:
        if key not in fields:
            import difflib  # only on this error path

            guess = difflib.get_close_matches(str(key), list(fields), n=1, cutoff=0.75)
            raise ValidationError(fields[guess[0]] if guess else what, f"unknown field {str(key)!r}")
    for key in required:
        if key not in data:
            raise ValidationError(fields[key], "is missing")
    return data


def check_items(field_name: str, value: Any) -> list[Any]:
    """A stored list (a missing one is empty), refused when it is anything else."""
    if not isinstance(value, list | tuple):
        raise ValidationError(field_name, f"must be a list (got {kind_of(value)})")
    return list(value)


def drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    """Leave out unset fields so stored records stay small and readable."""
    return {k: v for k, v in data.items() if v is not None and v != "" and v != [] and v != {}}


def parse_whole_number(text: str) -> int:
    """A number as typed (command line or form): ASCII digits with an optional minus; else ``ValueError``."""
    if not _WHOLE_NUMBER.fullmatch(text):
        raise ValueError(f"{text!r} is not a whole number")
    return int(text)


def name_key(name: str) -> str:
    """What makes two exercise or activity names the same: case and runs of spaces do not count.

    'pelvic  Tilt' and 'Pelvic tilt' are one exercise; a second one could never be chosen by name.
    """
    return " ".join(name.split()).casefold()
