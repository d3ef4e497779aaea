"""The CSV export: one row per logged day, for spreadsheets and clinic systems.

RFC 4180 through the ``csv`` module (CRLF line ends, quoting where needed), UTF-8 behind a byte-order
mark (Excel and LibreOffice read a CSV without one in the locale's legacy code page, so "Ana Pérez"
would show as "Ana PÃ©rez"; ``csv`` readers open it with ``encoding="utf-8-sig"``), a header row with
column names that never change between versions (a column is never renamed, moved or removed: new
columns are only ever added at the end, so a sheet that reads columns by position keeps working).

Text a person typed is never run by a spreadsheet: a text cell starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return (or their full-width forms, which some spreadsheets also accept)
gets a leading apostrophe, as OWASP advises. Numbers stay numbers, so a negative fingertip-to-floor
distance is still ``-5``. Terminal control characters (ANSI escapes) are shown as ``\\x1b``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date

from spinejournal.model import Day, JournalData, Medication, TherapySession
from spinejournal.text import printable

COLUMNS: tuple[str, ...] = (
    "date",
    "pain_avg",
    "pain_now",
    "pain_worst",
    "pain_least",
    "pain_limb",
    "regions",
    "radiating",
    "heat_minutes",
    "ice_minutes",
    "heat_ice_sessions",
    "exercises_done",
    "exercises_partial",
    "exercises_skipped",
    "exercise_log",
    "walk_minutes",
    "sit_minutes",
    "stand_minutes",
    "stiffness_minutes",
    "fingertip_floor_cm",
    "red_flags",
    "notes",
    "questions",
    # Added with day model v2 (journal format 2):
    "tens_minutes",
    "massage_minutes",
    "medications",
    "sleep_hours",
    "sleep_quality",
    "mood",
    # Added with the guided exercise session:
    "pain_after_exercises",
)

# Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")

Cell = str | int | float | None


def neutralise(text: str) -> str:
    """A text cell made safe for spreadsheets: visible control characters, no formula."""
    text = printable(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _session(session: TherapySession) -> str:
    """'heat 20 min lower_back pain 6->4'."""
    parts = [f"{session.kind} {session.minutes} min"]
    if session.region:
        parts.append(session.region)
    if session.pain_before is not None or session.pain_after is not None:
        before = "" if session.pain_before is None else session.pain_before
        after = "" if session.pain_after is None else session.pain_after
        parts.append(f"pain {before}->{after}")
    return " ".join(parts)


def _medication(medication: Medication | None, medication_id: int, doses: int | None) -> str:
    """'Ibuprofen 200 mg x2', 'Amitriptyline 10 mg' (taken, no count), 'medication 9' if unlisted."""
    label = (
        " ".join(p for p in (medication.name, medication.dose) if p) if medication else f"medication {medication_id}"
    )
    return label if doses is None else f"{label} x{doses}"


def _hours(hours: float | None) -> float | int | None:
    """Whole hours as a whole number ('7', not '7.0'), half hours as they are ('6.5')."""
    return int(hours) if hours is not None and hours.is_integer() else hours


def _row(day: Day, names: dict[int, str], medications: dict[int, Medication]) -> list[Cell]:
    def count(status: str) -> int:
        return sum(1 for log in day.exercises if log.status == status)

    exercise_log = "; ".join(
        f"{names.get(log.exercise_id, f'exercise {log.exercise_id}')}: {log.status}"
        + (f" ({log.reason})" if log.reason else "")
        for log in day.exercises
    )

    def minutes(kind: str) -> int | None:
        return sum(s.minutes for s in day.sessions if s.kind == kind) if day.sessions else None

    cells: list[Cell] = [
        day.date.isoformat(),
        day.pain_avg,
        day.pain_now,
        day.pain_worst,
        day.pain_least,
        day.pain_limb,
        "; ".join(day.regions),
        "; ".join(f"{r.limb}:{r.extent}" for r in day.radiating),
        minutes("heat"),
        minutes("ice"),
        "; ".join(_session(s) for s in day.sessions),
        count("done") if day.exercises else None,
        count("partial") if day.exercises else None,
        count("skipped") if day.exercises else None,
        exercise_log,
        day.mobility.walk,
        day.mobility.sit,
        day.mobility.stand,
        day.mobility.stiffness,
        day.mobility.fingertip_floor_cm,
        "; ".join(day.red_flags),
        day.notes,
        day.questions,
        minutes("tens"),
        minutes("massage"),
        "; ".join(_medication(medications.get(t.medication_id), t.medication_id, t.doses) for t in day.medications),
        _hours(day.sleep_hours),
        day.sleep_quality,
        day.mood,
        day.pain_after_exercises,
    ]
    # Only text is neutralised: numbers (even negative ones) must stay numbers.
    return [neutralise(c) if isinstance(c, str) else c for c in cells]


def rows(data: JournalData, start: date | None = None, end: date | None = None) -> Iterable[list[Cell]]:
    """The header and one row per logged day from ``start`` to ``end`` (inclusive, None for open)."""
    names = {e.id: e.name for e in data.exercises}
    medications = {m.id: m for m in data.medications}
    yield list(COLUMNS)
    for day in data.days_between(start, end):
        yield _row(day, names, medications)


def export_csv(data: JournalData, start: date | None = None, end: date | None = None) -> bytes:
    """The days from ``start`` to ``end`` as RFC 4180 CSV bytes (UTF-8 with a byte-order mark, CRLF)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows(data, start, end))
    # "utf-8-sig" writes the byte-order mark EF BB BF first, which spreadsheets take as "this is UTF-8".
    return buffer.getvalue().encode("utf-8-sig")
