"""The journal's other records (visits, care events, the profile) and ``JournalData``, everything in a
journal at one moment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spinejournal.model.checks import (
    MAX_NAME,
    ValidationError,
    check_choice,
    check_date,
    check_int,
    check_record,
    check_text,
    drop_empty,
)
from spinejournal.model.day import Day
from spinejournal.model.measures import PegScore, PgicRating, PsfsActivity, PsfsRating
from spinejournal.model.plan import Exercise, Medication
from spinejournal.model.vocab import EVENT_KINDS


@dataclass(frozen=True, slots=True)
class Visit:
    """A physical therapy visit; visits define "since the last visit"."""

    date: date
    note: str = ""

    def __post_init__(self) -> None:
        check_date("visit date", self.date)
        check_text("visit note", self.note, 2000)

    def to_dict(self) -> dict[str, Any]:
        return drop_empty({"date": self.date.isoformat(), "note": self.note})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Visit:
        """Read a stored record strictly: unknown or missing fields and wrong types are refused."""
        check_record("visit", data, _VISIT_FIELDS, ("date",))
        return cls(date=check_date("visit date", data["date"]), note=data.get("note", ""))


_VISIT_FIELDS = {"date": "visit date", "note": "visit note"}


@dataclass(frozen=True, slots=True)
class CareEvent:
    """A dated event of the person's care outside the journal: surgery, an injection, imaging, a
    diagnosis. ``id`` is 0 until the journal stores it."""

    date: date
    kind: str
    text: str
    id: int = 0

    def __post_init__(self) -> None:
        check_date("event date", self.date)
        check_choice("event kind", self.kind, EVENT_KINDS)
        text = check_text("event text", self.text, MAX_EVENT_TEXT).strip()
        if not text:
            raise ValidationError("event text", "must not be empty")
        if any(ch in text for ch in "\r\n"):
            raise ValidationError("event text", "must be a single line")
        object.__setattr__(self, "text", text)
        check_int("event id", self.id, 0, 10**9)

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "kind": self.kind, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], id: int = 0) -> CareEvent:
        """Read a stored record strictly (its ``id`` is the store's key, not a field)."""
        check_record("care event", data, _EVENT_FIELDS, tuple(_EVENT_FIELDS))
        return cls(date=check_date("event date", data["date"]), kind=data["kind"], text=data["text"], id=id)


MAX_EVENT_TEXT = 200
_EVENT_FIELDS = {"date": "event date", "kind": "event kind", "text": "event text"}


@dataclass(frozen=True, slots=True)
class Profile:
    """Who the journal belongs to (optional; shown on the therapist summary)."""

    patient_name: str = ""

    def __post_init__(self) -> None:
        check_text("patient name", self.patient_name, MAX_NAME)

    def to_dict(self) -> dict[str, Any]:
        return drop_empty({"patient_name": self.patient_name})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profile:
        """Read a stored record strictly: unknown fields and wrong types are refused."""
        check_record("profile", data, {"patient_name": "patient name"})
        return cls(patient_name=data.get("patient_name", ""))


@dataclass(frozen=True, slots=True)
class JournalData:
    """Everything in a journal at one moment: what insights and exports work from."""

    days: tuple[Day, ...] = ()
    exercises: tuple[Exercise, ...] = ()
    visits: tuple[Visit, ...] = ()
    psfs_activities: tuple[PsfsActivity, ...] = ()
    psfs_ratings: tuple[PsfsRating, ...] = ()
    profile: Profile = field(default_factory=Profile)
    medications: tuple[Medication, ...] = ()
    peg_scores: tuple[PegScore, ...] = ()
    pgic_ratings: tuple[PgicRating, ...] = ()
    events: tuple[CareEvent, ...] = ()
    _by_date: dict[date, Day] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_date", {d.date: d for d in self.days})

    def day(self, on: date) -> Day | None:
        """The day logged on ``on``, if any."""
        return self._by_date.get(on)

    def days_between(self, start: date | None, end: date | None) -> tuple[Day, ...]:
        """Days with ``start <= date <= end`` (either bound may be None for open)."""
        return tuple(d for d in self.days if (start is None or d.date >= start) and (end is None or d.date <= end))

    def exercise(self, exercise_id: int) -> Exercise | None:
        return next((e for e in self.exercises if e.id == exercise_id), None)

    def exercises_active_on(self, on: date) -> tuple[Exercise, ...]:
        return tuple(e for e in self.exercises if e.active_on(on))

    def last_visit(self, before_or_on: date | None = None) -> Visit | None:
        visits = [v for v in self.visits if before_or_on is None or v.date <= before_or_on]
        return max(visits, key=lambda v: v.date) if visits else None

    def medication(self, medication_id: int) -> Medication | None:
        return next((m for m in self.medications if m.id == medication_id), None)

    def medications_active_on(self, on: date) -> tuple[Medication, ...]:
        return tuple(m for m in self.medications if m.active_on(on))
