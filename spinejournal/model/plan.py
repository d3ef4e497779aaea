"""What was prescribed: the home exercise plan and the medication list, each record with a start and
an optional end, found by name as a person types it (``name_key``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from spinejournal.model.checks import (
    MAX_NAME,
    ValidationError,
    check_date,
    check_int,
    check_name,
    check_opt_date,
    check_opt_int,
    check_record,
    check_text,
    drop_empty,
    name_key,
)


@dataclass(frozen=True, slots=True)
class Exercise:
    """One exercise of the home program the therapist prescribed.

    ``id`` is 0 until the journal stores it. ``end`` set means retired from that date on.
    """

    name: str
    start: date
    times_per_week: int = 7
    sets: int | None = None
    reps: int | None = None
    hold_seconds: int | None = None
    instructions: str = ""
    end: date | None = None
    id: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", check_name("exercise name", self.name))
        check_date("start date", self.start)
        check_opt_date("end date", self.end)
        check_int("times per week", self.times_per_week, 1, 35)
        check_opt_int("sets", self.sets, 1, 20)
        check_opt_int("reps", self.reps, 1, 200)
        check_opt_int("hold", self.hold_seconds, 1, 600, unit="seconds")
        check_text("instructions", self.instructions, 2000)
        check_int("exercise id", self.id, 0, 10**9)
        if self.end is not None and self.end < self.start:
            raise ValidationError("end date", f"cannot be before the start date {self.start}")

    def active_on(self, day: date) -> bool:
        """True when the exercise is part of the plan on ``day`` (the end date is excluded)."""
        return self.start <= day and (self.end is None or day < self.end)

    @property
    def dose(self) -> str:
        """The prescription in a few words, e.g. '3 x 10, 5 x/week'."""
        parts = []
        if self.sets and self.reps:
            parts.append(f"{self.sets} x {self.reps}")
        elif self.sets:
            parts.append(f"{self.sets} sets")
        elif self.reps:
            parts.append(f"{self.reps} reps")
        if self.hold_seconds:
            parts.append(f"hold {self.hold_seconds} s")
        parts.append("daily" if self.times_per_week == 7 else f"{self.times_per_week} x/week")
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return drop_empty(
            {
                "name": self.name,
                "start": self.start.isoformat(),
                "times_per_week": self.times_per_week,
                "sets": self.sets,
                "reps": self.reps,
                "hold_seconds": self.hold_seconds,
                "instructions": self.instructions,
                "end": self.end.isoformat() if self.end else None,
            }
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], id: int = 0) -> Exercise:
        """Read a stored record strictly (its ``id`` is the store's key, not a field)."""
        check_record("exercise", data, _EXERCISE_FIELDS, ("name", "start"))
        return cls(
            name=data["name"],
            start=check_date("start date", data["start"]),
            times_per_week=data.get("times_per_week", 7),
            sets=data.get("sets"),
            reps=data.get("reps"),
            hold_seconds=data.get("hold_seconds"),
            instructions=data.get("instructions", ""),
            end=check_opt_date("end date", data.get("end")),
            id=id,
        )


_EXERCISE_FIELDS = {
    "name": "exercise name",
    "start": "start date",
    "times_per_week": "times per week",
    "sets": "sets",
    "reps": "reps",
    "hold_seconds": "hold",
    "instructions": "instructions",
    "end": "end date",
}


def find_exercise(exercises: Iterable[Exercise], name: str) -> Exercise | None:
    """Find an exercise by name, compared with ``name_key``."""
    wanted = name_key(name)
    return next((e for e in exercises if name_key(e.name) == wanted), None)


@dataclass(frozen=True, slots=True)
class Medication:
    """One medication of the person's list, as prescribed: taken ``per_day`` times a day, or as needed.

    ``id`` is 0 until the journal stores it. ``end`` set means stopped from that date on (the end date
    is excluded, as an exercise's is). A dose change ends one record and starts the next with the
    same name, so the list keeps every dose the person was on, each with its dates.
    """

    name: str
    start: date
    dose: str = ""
    """The dose as written on the box, e.g. '400 mg' (never interpreted)."""
    per_day: int | None = None
    as_needed: bool = False
    end: date | None = None
    id: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", check_name("medication name", self.name))
        dose = check_text("dose", self.dose, MAX_NAME).strip()
        if any(ch in dose for ch in "\r\n"):
            raise ValidationError("dose", "must be a single line")
        object.__setattr__(self, "dose", dose)
        check_date("start date", self.start)
        check_opt_date("stop date", self.end)
        check_opt_int("times a day", self.per_day, 1, 24)
        if not isinstance(self.as_needed, bool):
            raise ValidationError("as needed", f"must be true or false (got {self.as_needed!r})")
        if self.as_needed and self.per_day is not None:
            raise ValidationError("times a day", "an as-needed medication has no fixed times a day")
        check_int("medication id", self.id, 0, 10**9)
        if self.end is not None and self.end < self.start:
            raise ValidationError("stop date", f"cannot be before the start date {self.start}")

    def active_on(self, day: date) -> bool:
        """True when the medication is on the list on ``day`` (the stop date is excluded)."""
        return self.start <= day and (self.end is None or day < self.end)

    @property
    def schedule(self) -> str:
        """How it is taken, in words: 'as needed', 'once a day', '3 times a day' ('' when not said)."""
        if self.as_needed:
            return "as needed"
        if self.per_day is None:
            return ""
        return {1: "once a day", 2: "twice a day"}.get(self.per_day, f"{self.per_day} times a day")

    @property
    def prescription(self) -> str:
        """Dose and schedule together, e.g. '400 mg, as needed' ('' when neither was given)."""
        return ", ".join(part for part in (self.dose, self.schedule) if part)

    def to_dict(self) -> dict[str, Any]:
        return drop_empty(
            {
                "name": self.name,
                "start": self.start.isoformat(),
                "dose": self.dose,
                "per_day": self.per_day,
                "as_needed": True if self.as_needed else None,
                "end": self.end.isoformat() if self.end else None,
            }
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], id: int = 0) -> Medication:
        """Read a stored record strictly (its ``id`` is the store's key, not a field)."""
        check_record("medication", data, _MEDICATION_FIELDS, ("name", "start"))
        return cls(
            name=data["name"],
            start=check_date("start date", data["start"]),
            dose=data.get("dose", ""),
            per_day=data.get("per_day"),
            as_needed=data.get("as_needed", False),
            end=check_opt_date("stop date", data.get("end")),
            id=id,
        )


_MEDICATION_FIELDS = {
    "name": "medication name",
    "start": "start date",
    "dose": "dose",
    "per_day": "times a day",
    "as_needed": "as needed",
    "end": "stop date",
}


def find_medication(medications: Iterable[Medication], name: str, on: date | None = None) -> Medication | None:
    """The medication called ``name`` (compared with ``name_key``); with ``on``, the record on the
    list that day (a medication whose dose changed has one record per dose)."""
    wanted = name_key(name)
    named = [m for m in medications if name_key(m.name) == wanted]
    if on is not None:
        return next((m for m in named if m.active_on(on)), None)
    current = [m for m in named if m.end is None]
    return (current or sorted(named, key=lambda m: (m.start, m.id)))[-1] if named else None
