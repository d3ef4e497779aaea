"""The journal's records as plain, validated dataclasses.

Nothing here knows about Textual or TinyDB. Every record validates itself on construction, so an
invalid record cannot exist, and ``to_dict``/``from_dict`` give the JSON-friendly form the store and
the JSON export use.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from spinejournal.clinical import HEAT_ICE_WARN_MINUTES, PAIN_MAX, PAIN_MIN, RED_FLAGS_BY_ID
from spinejournal.clock import EARLIEST_DAY


class ValidationError(ValueError):
    """A value the journal cannot store. ``str()`` is one line naming the field and what is allowed."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


# Vocabularies: id -> label shown to people. Order is meaningful (body order, spine outwards).
REGIONS: dict[str, str] = {
    "neck": "Neck",
    "upper_back": "Upper back",
    "mid_back": "Mid back",
    "lower_back": "Lower back",
    "buttock_sacrum": "Buttock / sacrum",
}
LIMBS: dict[str, str] = {
    "left_arm": "Left arm",
    "right_arm": "Right arm",
    "left_leg": "Left leg",
    "right_leg": "Right leg",
}
# How far radiating pain reaches, nearest the spine first.
LEG_EXTENTS: dict[str, str] = {
    "buttock": "Buttock",
    "thigh": "Thigh",
    "calf": "Calf",
    "foot": "Foot",
}
ARM_EXTENTS: dict[str, str] = {
    "shoulder": "Shoulder",
    "upper_arm": "Upper arm",
    "forearm": "Forearm",
    "hand": "Hand",
}
THERAPY_KINDS: dict[str, str] = {"heat": "Heat", "ice": "Ice"}
EXERCISE_STATUSES: dict[str, str] = {"done": "Done", "partial": "Partly done", "skipped": "Skipped"}
SKIP_REASONS: dict[str, str] = {
    "pain": "Pain",
    "no_time": "No time",
    "forgot": "Forgot",
    "other": "Other",
}
PSFS_VERSIONS: dict[str, str] = {
    "1.0": "PSFS 1.0 (0 = unable, 10 = as before the problem)",
    "2.0": "PSFS 2.0 (0 = as before the problem, 10 = unable)",
}

MAX_MINUTES = 24 * 60
MAX_NAME = 80
MAX_TEXT = 10_000

# ASCII digits with an optional minus, as a person types a number: int() also takes '+4', '1_000',
# spaces and other scripts' digits ('٣'). Eighteen digits are far beyond any value the journal takes.
_WHOLE_NUMBER = re.compile("-?[0-9]{1,18}")
# Python reads bytes that are not UTF-8 in a command's arguments as lone surrogates, which no file
# can hold as text.
_SURROGATES = re.compile("[\ud800-\udfff]")


def extents_for(limb: str) -> dict[str, str]:
    """The extents that apply to a limb (arm or leg)."""
    return ARM_EXTENTS if limb.endswith("_arm") else LEG_EXTENTS


# -- validation helpers ------------------------------------------------------------------------


def _int(field_name: str, value: Any, low: int, high: int, *, unit: str = "") -> int:
    suffix = f" {unit}" if unit else ""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field_name, f"must be a whole number from {low} to {high}{suffix} (got {value!r})")
    if not low <= value <= high:
        raise ValidationError(field_name, f"must be from {low} to {high}{suffix} (got {value})")
    return value


def _opt_int(field_name: str, value: Any, low: int, high: int, *, unit: str = "") -> int | None:
    return None if value is None else _int(field_name, value, low, high, unit=unit)


def _pain(field_name: str, value: Any) -> int:
    return _int(field_name, value, PAIN_MIN, PAIN_MAX)


def _opt_pain(field_name: str, value: Any) -> int | None:
    return None if value is None else _pain(field_name, value)


def _choice(field_name: str, value: Any, allowed: Collection[str]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise ValidationError(field_name, f"must be one of {', '.join(allowed)} (got {value!r})")
    return value


def _text(field_name: str, value: Any, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise ValidationError(field_name, f"must be text (got {type(value).__name__})")
    if len(value) > limit:
        raise ValidationError(field_name, f"must be at most {limit} characters (got {len(value)})")
    if not value.isascii() and _SURROGATES.search(value):
        raise ValidationError(field_name, "is not valid text (invalid UTF-8)")
    return value


def _name(field_name: str, value: Any) -> str:
    text = _text(field_name, value, MAX_NAME).strip()
    if not text:
        raise ValidationError(field_name, "must not be empty")
    if any(ch in text for ch in "\r\n"):
        raise ValidationError(field_name, "must be a single line")
    return text


def _date(field_name: str, value: Any) -> date:
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


def _opt_date(field_name: str, value: Any) -> date | None:
    return None if value is None else _date(field_name, value)


def _kind(value: Any) -> str:
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


def _record(what: str, data: Any, fields: Mapping[str, str], required: Iterable[str] = ()) -> Mapping[str, Any]:
    """``data`` as read from a file, checked to be an object holding only ``fields`` (stored key ->
    label) and every ``required`` one: a stored record is read strictly, so a damaged or mistyped
    key is refused by name instead of its value being dropped without a word."""
    if not isinstance(data, Mapping):
        raise ValidationError(what, f"must be an object (got {_kind(data)})")
    for key in data:
        if key not in fields:
            import difflib  # only on this error path

            guess = difflib.get_close_matches(str(key), list(fields), n=1, cutoff=0.75)
            raise ValidationError(fields[guess[0]] if guess else what, f"unknown field {str(key)!r}")
    for key in required:
        if key not in data:
            raise ValidationError(fields[key], "is missing")
    return data


def _items(field_name: str, value: Any) -> list[Any]:
    """A stored list (a missing one is empty), refused when it is anything else."""
    if not isinstance(value, list | tuple):
        raise ValidationError(field_name, f"must be a list (got {_kind(value)})")
    return list(value)


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    """Leave out unset fields so stored records stay small and readable."""
    return {k: v for k, v in data.items() if v is not None and v != "" and v != [] and v != {}}


# -- a day -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Radiating:
    """Pain that spreads into a limb, and how far it reaches."""

    limb: str
    extent: str

    def __post_init__(self) -> None:
        _choice("radiating limb", self.limb, LIMBS)
        _choice(f"how far the {LIMBS[self.limb].lower()} pain reaches", self.extent, extents_for(self.limb))

    @property
    def reach(self) -> int:
        """1 for nearest the spine, up to 4 for the hand or foot."""
        return list(extents_for(self.limb)).index(self.extent) + 1

    def to_dict(self) -> dict[str, Any]:
        return {"limb": self.limb, "extent": self.extent}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Radiating:
        """Read a stored record strictly: unknown or missing fields and wrong types are refused."""
        _record("radiating pain", data, _RADIATING_FIELDS, ("limb", "extent"))
        return cls(limb=data["limb"], extent=data["extent"])


_RADIATING_FIELDS = {"limb": "radiating limb", "extent": "how far the pain reaches"}


@dataclass(frozen=True, slots=True)
class TherapySession:
    """One heat or ice session, with pain before and about 30 minutes after."""

    kind: str
    minutes: int
    region: str | None = None
    pain_before: int | None = None
    pain_after: int | None = None
    skin_note: str = ""

    def __post_init__(self) -> None:
        _choice("heat/ice kind", self.kind, THERAPY_KINDS)
        _int(f"{self.kind} minutes", self.minutes, 1, 240, unit="minutes")
        if self.region is not None:
            _choice(f"{self.kind} region", self.region, REGIONS)
        _opt_pain(f"{self.kind} pain before", self.pain_before)
        _opt_pain(f"{self.kind} pain after", self.pain_after)
        _text(f"{self.kind} skin note", self.skin_note, 500)

    @property
    def relief(self) -> int | None:
        """Pain before minus pain after (positive means it helped), when both were given."""
        if self.pain_before is None or self.pain_after is None:
            return None
        return self.pain_before - self.pain_after

    @property
    def too_long(self) -> bool:
        return self.minutes > HEAT_ICE_WARN_MINUTES

    def to_dict(self) -> dict[str, Any]:
        return _drop_empty(
            {
                "kind": self.kind,
                "minutes": self.minutes,
                "region": self.region,
                "pain_before": self.pain_before,
                "pain_after": self.pain_after,
                "skin_note": self.skin_note,
            }
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TherapySession:
        """Read a stored record strictly: unknown or missing fields and wrong types are refused."""
        _record("heat/ice session", data, _SESSION_FIELDS, ("kind", "minutes"))
        return cls(
            kind=data["kind"],
            minutes=data["minutes"],
            region=data.get("region"),
            pain_before=data.get("pain_before"),
            pain_after=data.get("pain_after"),
            skin_note=data.get("skin_note", ""),
        )


_SESSION_FIELDS = {
    "kind": "heat/ice kind",
    "minutes": "heat/ice minutes",
    "region": "heat/ice region",
    "pain_before": "heat/ice pain before",
    "pain_after": "heat/ice pain after",
    "skin_note": "heat/ice skin note",
}


@dataclass(frozen=True, slots=True)
class ExerciseLog:
    """What happened to one planned exercise on a day."""

    exercise_id: int
    status: str
    reason: str | None = None
    sets: int | None = None
    reps: int | None = None

    def __post_init__(self) -> None:
        _int("exercise id", self.exercise_id, 1, 10**9)
        _choice("exercise status", self.status, EXERCISE_STATUSES)
        if self.reason is not None:
            if self.status == "done":
                raise ValidationError("skip reason", "only applies to a skipped or partly done exercise")
            _choice("skip reason", self.reason, SKIP_REASONS)
        _opt_int("sets done", self.sets, 0, 100)
        _opt_int("reps done", self.reps, 0, 1000)

    @property
    def credit(self) -> float:
        """Adherence credit: done counts 1, partly done 0.5, skipped 0."""
        return {"done": 1.0, "partial": 0.5, "skipped": 0.0}[self.status]

    def to_dict(self) -> dict[str, Any]:
        return _drop_empty(
            {
                "exercise_id": self.exercise_id,
                "status": self.status,
                "reason": self.reason,
                "sets": self.sets,
                "reps": self.reps,
            }
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ExerciseLog:
        """Read a stored record strictly: unknown or missing fields and wrong types are refused."""
        _record("exercise log", data, _EXERCISE_LOG_FIELDS, ("exercise_id", "status"))
        return cls(
            exercise_id=data["exercise_id"],
            status=data["status"],
            reason=data.get("reason"),
            sets=data.get("sets"),
            reps=data.get("reps"),
        )


_EXERCISE_LOG_FIELDS = {
    "exercise_id": "exercise id",
    "status": "exercise status",
    "reason": "skip reason",
    "sets": "sets done",
    "reps": "reps done",
}


@dataclass(frozen=True, slots=True)
class Mobility:
    """Self-measured tolerances, in minutes, and optional fingertip-to-floor distance."""

    walk: int | None = None
    sit: int | None = None
    stand: int | None = None
    stiffness: int | None = None
    fingertip_floor_cm: int | None = None

    def __post_init__(self) -> None:
        _opt_int("walking tolerance", self.walk, 0, MAX_MINUTES, unit="minutes")
        _opt_int("sitting tolerance", self.sit, 0, MAX_MINUTES, unit="minutes")
        _opt_int("standing tolerance", self.stand, 0, MAX_MINUTES, unit="minutes")
        _opt_int("morning stiffness", self.stiffness, 0, MAX_MINUTES, unit="minutes")
        _opt_int("fingertip-to-floor", self.fingertip_floor_cm, -50, 100, unit="cm")

    @property
    def is_empty(self) -> bool:
        return all(v is None for v in (self.walk, self.sit, self.stand, self.stiffness, self.fingertip_floor_cm))

    def to_dict(self) -> dict[str, Any]:
        return _drop_empty(
            {
                "walk": self.walk,
                "sit": self.sit,
                "stand": self.stand,
                "stiffness": self.stiffness,
                "fingertip_floor_cm": self.fingertip_floor_cm,
            }
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Mobility:
        """Read a stored record strictly: unknown fields and wrong types are refused."""
        _record("mobility", data, _MOBILITY_FIELDS)
        return cls(
            walk=data.get("walk"),
            sit=data.get("sit"),
            stand=data.get("stand"),
            stiffness=data.get("stiffness"),
            fingertip_floor_cm=data.get("fingertip_floor_cm"),
        )


_MOBILITY_FIELDS = {
    "walk": "walking tolerance",
    "sit": "sitting tolerance",
    "stand": "standing tolerance",
    "stiffness": "morning stiffness",
    "fingertip_floor_cm": "fingertip-to-floor",
}


@dataclass(frozen=True, slots=True)
class Day:
    """One calendar day of the journal. ``pain_avg`` (last 24 hours) is the headline figure."""

    date: date
    pain_avg: int
    pain_now: int | None = None
    pain_worst: int | None = None
    pain_least: int | None = None
    pain_limb: int | None = None
    regions: tuple[str, ...] = ()
    radiating: tuple[Radiating, ...] = ()
    sessions: tuple[TherapySession, ...] = ()
    exercises: tuple[ExerciseLog, ...] = ()
    mobility: Mobility = field(default_factory=Mobility)
    notes: str = ""
    questions: str = ""
    red_flags: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _date("date", self.date)
        _pain("average pain", self.pain_avg)
        _opt_pain("pain now", self.pain_now)
        _opt_pain("worst pain", self.pain_worst)
        _opt_pain("least pain", self.pain_least)
        _opt_pain("leg/arm pain", self.pain_limb)
        if self.pain_worst is not None and self.pain_worst < self.pain_avg:
            raise ValidationError(
                "worst pain",
                f"cannot be lower than the average ({self.pain_worst} < {self.pain_avg})",
            )
        if self.pain_least is not None and self.pain_least > self.pain_avg:
            raise ValidationError(
                "least pain",
                f"cannot be higher than the average ({self.pain_least} > {self.pain_avg})",
            )
        if self.pain_now is not None:
            if self.pain_worst is not None and self.pain_now > self.pain_worst:
                raise ValidationError(
                    "pain now", f"cannot be higher than the worst ({self.pain_now} > {self.pain_worst})"
                )
            if self.pain_least is not None and self.pain_now < self.pain_least:
                raise ValidationError(
                    "pain now", f"cannot be lower than the least ({self.pain_now} < {self.pain_least})"
                )
        for region in self.regions:
            _choice("region", region, REGIONS)
        if len(set(self.regions)) != len(self.regions):
            raise ValidationError("region", "is listed twice")
        limbs = [r.limb for r in self.radiating]
        if len(set(limbs)) != len(limbs):
            raise ValidationError("radiating limb", "each limb can be listed once")
        ids = [log.exercise_id for log in self.exercises]
        if len(set(ids)) != len(ids):
            raise ValidationError("exercise", "each exercise can be logged once a day")
        for flag in self.red_flags:
            _choice("red flag", flag, RED_FLAGS_BY_ID)
        if len(set(self.red_flags)) != len(self.red_flags):
            raise ValidationError("red flag", "is listed twice")
        _text("notes", self.notes)
        _text("questions for the therapist", self.questions)

    # Convenience views ------------------------------------------------------------------------

    def log_for(self, exercise_id: int) -> ExerciseLog | None:
        """The log of one exercise on this day, if any."""
        return next((log for log in self.exercises if log.exercise_id == exercise_id), None)

    def warnings(self) -> list[str]:
        """Gentle warnings about accepted values (never a refusal)."""
        return [
            f"{THERAPY_KINDS[s.kind]} for {s.minutes} minutes is longer than the "
            f"{HEAT_ICE_WARN_MINUTES} minutes usually advised: keep a cloth between skin and pack "
            "and never fall asleep with it on."
            for s in self.sessions
            if s.too_long
        ]

    def with_changes(self, **changes: Any) -> Day:
        """A validated copy with some fields replaced."""
        return replace(self, **changes)

    # Serialisation ----------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return _drop_empty(
            {
                "date": self.date.isoformat(),
                "pain_avg": self.pain_avg,
                "pain_now": self.pain_now,
                "pain_worst": self.pain_worst,
                "pain_least": self.pain_least,
                "pain_limb": self.pain_limb,
                "regions": list(self.regions),
                "radiating": [r.to_dict() for r in self.radiating],
                "sessions": [s.to_dict() for s in self.sessions],
                "exercises": [e.to_dict() for e in self.exercises],
                "mobility": self.mobility.to_dict(),
                "notes": self.notes,
                "questions": self.questions,
                "red_flags": list(self.red_flags),
            }
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Day:
        """Read a stored record strictly: unknown or missing fields and wrong types or shapes are
        refused with a ``ValidationError`` naming the field."""
        _record("day", data, _DAY_FIELDS, ("date", "pain_avg"))
        return cls(
            date=_date("date", data["date"]),
            pain_avg=data["pain_avg"],
            pain_now=data.get("pain_now"),
            pain_worst=data.get("pain_worst"),
            pain_least=data.get("pain_least"),
            pain_limb=data.get("pain_limb"),
            regions=tuple(_items("regions", data.get("regions", ()))),
            radiating=tuple(Radiating.from_dict(r) for r in _items("radiating pain", data.get("radiating", ()))),
            sessions=tuple(TherapySession.from_dict(s) for s in _items("heat/ice sessions", data.get("sessions", ()))),
            exercises=tuple(ExerciseLog.from_dict(e) for e in _items("exercise logs", data.get("exercises", ()))),
            mobility=Mobility.from_dict(data.get("mobility", {})),
            notes=data.get("notes", ""),
            questions=data.get("questions", ""),
            red_flags=tuple(_items("red flags", data.get("red_flags", ()))),
        )


_DAY_FIELDS = {
    "date": "date",
    "pain_avg": "average pain",
    "pain_now": "pain now",
    "pain_worst": "worst pain",
    "pain_least": "least pain",
    "pain_limb": "leg/arm pain",
    "regions": "regions",
    "radiating": "radiating pain",
    "sessions": "heat/ice sessions",
    "exercises": "exercise logs",
    "mobility": "mobility",
    "notes": "notes",
    "questions": "questions for the therapist",
    "red_flags": "red flags",
}


# -- the plan, visits, goals -------------------------------------------------------------------


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
        object.__setattr__(self, "name", _name("exercise name", self.name))
        _date("start date", self.start)
        _opt_date("end date", self.end)
        _int("times per week", self.times_per_week, 1, 35)
        _opt_int("sets", self.sets, 1, 20)
        _opt_int("reps", self.reps, 1, 200)
        _opt_int("hold", self.hold_seconds, 1, 600, unit="seconds")
        _text("instructions", self.instructions, 2000)
        _int("exercise id", self.id, 0, 10**9)
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
        return _drop_empty(
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
        _record("exercise", data, _EXERCISE_FIELDS, ("name", "start"))
        return cls(
            name=data["name"],
            start=_date("start date", data["start"]),
            times_per_week=data.get("times_per_week", 7),
            sets=data.get("sets"),
            reps=data.get("reps"),
            hold_seconds=data.get("hold_seconds"),
            instructions=data.get("instructions", ""),
            end=_opt_date("end date", data.get("end")),
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


@dataclass(frozen=True, slots=True)
class Visit:
    """A physical therapy visit; visits define "since the last visit"."""

    date: date
    note: str = ""

    def __post_init__(self) -> None:
        _date("visit date", self.date)
        _text("visit note", self.note, 2000)

    def to_dict(self) -> dict[str, Any]:
        return _drop_empty({"date": self.date.isoformat(), "note": self.note})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Visit:
        """Read a stored record strictly: unknown or missing fields and wrong types are refused."""
        _record("visit", data, _VISIT_FIELDS, ("date",))
        return cls(date=_date("visit date", data["date"]), note=data.get("note", ""))


_VISIT_FIELDS = {"date": "visit date", "note": "visit note"}


@dataclass(frozen=True, slots=True)
class PsfsActivity:
    """An activity the patient chose for the Patient-Specific Functional Scale."""

    name: str
    version: str = "1.0"
    created: date | None = None
    id: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _name("activity name", self.name))
        _choice("PSFS version", self.version, PSFS_VERSIONS)
        _opt_date("created", self.created)
        _int("activity id", self.id, 0, 10**9)

    def to_dict(self) -> dict[str, Any]:
        return _drop_empty(
            {
                "name": self.name,
                "version": self.version,
                "created": self.created.isoformat() if self.created else None,
            }
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], id: int = 0) -> PsfsActivity:
        """Read a stored record strictly (its ``id`` is the store's key, not a field)."""
        _record("PSFS activity", data, _PSFS_ACTIVITY_FIELDS, ("name",))
        return cls(
            name=data["name"],
            version=data.get("version", "1.0"),
            created=_opt_date("created", data.get("created")),
            id=id,
        )


_PSFS_ACTIVITY_FIELDS = {"name": "activity name", "version": "PSFS version", "created": "created"}


@dataclass(frozen=True, slots=True)
class PsfsRating:
    """One dated 0-10 rating of a PSFS activity, on the scale of ``version``."""

    activity_id: int
    date: date
    score: int
    version: str = "1.0"

    def __post_init__(self) -> None:
        _int("activity id", self.activity_id, 1, 10**9)
        _date("rating date", self.date)
        _int("PSFS rating", self.score, 0, 10)
        _choice("PSFS version", self.version, PSFS_VERSIONS)

    @property
    def ability(self) -> int:
        """The score on the PSFS 1.0 direction: 0 = unable, 10 = as before the problem."""
        return self.score if self.version == "1.0" else 10 - self.score

    def to_dict(self) -> dict[str, Any]:
        return {
            "activity_id": self.activity_id,
            "date": self.date.isoformat(),
            "score": self.score,
            "version": self.version,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PsfsRating:
        """Read a stored record strictly: unknown or missing fields and wrong types are refused."""
        _record("PSFS rating", data, _PSFS_RATING_FIELDS, ("activity_id", "date", "score"))
        return cls(
            activity_id=data["activity_id"],
            date=_date("rating date", data["date"]),
            score=data["score"],
            version=data.get("version", "1.0"),
        )


_PSFS_RATING_FIELDS = {
    "activity_id": "activity id",
    "date": "rating date",
    "score": "PSFS rating",
    "version": "PSFS version",
}


@dataclass(frozen=True, slots=True)
class Profile:
    """Who the journal belongs to (optional; shown on the therapist summary)."""

    patient_name: str = ""

    def __post_init__(self) -> None:
        _text("patient name", self.patient_name, MAX_NAME)

    def to_dict(self) -> dict[str, Any]:
        return _drop_empty({"patient_name": self.patient_name})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profile:
        """Read a stored record strictly: unknown fields and wrong types are refused."""
        _record("profile", data, {"patient_name": "patient name"})
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


def find_exercise(exercises: Iterable[Exercise], name: str) -> Exercise | None:
    """Find an exercise by name, compared with ``name_key``."""
    wanted = name_key(name)
    return next((e for e in exercises if name_key(e.name) == wanted), None)


def find_psfs_activity(activities: Iterable[PsfsActivity], name: str) -> PsfsActivity | None:
    """Find a PSFS activity by name, compared with ``name_key``."""
    wanted = name_key(name)
    return next((a for a in activities if name_key(a.name) == wanted), None)
