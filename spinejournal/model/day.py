"""A day of the journal and what it holds: pain, where it hurts, treatments, exercise logs,
mobility, medications taken, sleep and mood."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from spinejournal.clinical import HEAT_ICE_WARN_MINUTES, RED_FLAGS_BY_ID
from spinejournal.model.checks import (
    MAX_MINUTES,
    ValidationError,
    check_choice,
    check_date,
    check_int,
    check_items,
    check_opt_int,
    check_opt_pain,
    check_pain,
    check_record,
    check_text,
    drop_empty,
)
from spinejournal.model.vocab import (
    EXERCISE_STATUSES,
    HEAT_ICE_KINDS,
    LIMBS,
    REGIONS,
    SKIP_REASONS,
    THERAPY_KINDS,
    extents_for,
)

# Why a day without an average pain is refused: the one day that may lack it is a red flag's.
NO_PAIN_NOR_FLAG = "is needed, a whole number from 0 to 10 (only a day that records a red flag may go without it)"

# Doses of one medication in one day: far above any real count, low enough to catch a typo.
MAX_DOSES = 50


def treatment_name(kind: str) -> str:
    """A treatment kind as it starts a field name in a message: 'heat', 'ice', 'TENS', 'massage'."""
    return "TENS" if kind == "tens" else kind


@dataclass(frozen=True, slots=True)
class Radiating:
    """Pain that spreads into a limb, and how far it reaches."""

    limb: str
    extent: str

    def __post_init__(self) -> None:
        check_choice("radiating limb", self.limb, LIMBS)
        check_choice(f"how far the {LIMBS[self.limb].lower()} pain reaches", self.extent, extents_for(self.limb))

    @property
    def reach(self) -> int:
        """1 for nearest the spine, up to 4 for the hand or foot."""
        return list(extents_for(self.limb)).index(self.extent) + 1

    def to_dict(self) -> dict[str, Any]:
        return {"limb": self.limb, "extent": self.extent}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Radiating:
        """Read a stored record strictly: unknown or missing fields and wrong types are refused."""
        check_record("radiating pain", data, _RADIATING_FIELDS, ("limb", "extent"))
        return cls(limb=data["limb"], extent=data["extent"])


_RADIATING_FIELDS = {"limb": "radiating limb", "extent": "how far the pain reaches"}


@dataclass(frozen=True, slots=True)
class TherapySession:
    """One passive treatment session (heat, ice, TENS, massage), with pain before and about 30
    minutes after."""

    kind: str
    minutes: int
    region: str | None = None
    pain_before: int | None = None
    pain_after: int | None = None
    skin_note: str = ""

    def __post_init__(self) -> None:
        check_choice("treatment kind", self.kind, THERAPY_KINDS)
        what = treatment_name(self.kind)
        check_int(f"{what} minutes", self.minutes, 1, 240, unit="minutes")
        if self.region is not None:
            check_choice(f"{what} region", self.region, REGIONS)
        check_opt_pain(f"{what} pain before", self.pain_before)
        check_opt_pain(f"{what} pain after", self.pain_after)
        check_text(f"{what} skin note", self.skin_note, 500)

    @property
    def relief(self) -> int | None:
        """Pain before minus pain after (positive means it helped), when both were given."""
        if self.pain_before is None or self.pain_after is None:
            return None
        return self.pain_before - self.pain_after

    @property
    def too_long(self) -> bool:
        """A heat or ice session over the advised time (other treatments have no such limit)."""
        return self.kind in HEAT_ICE_KINDS and self.minutes > HEAT_ICE_WARN_MINUTES

    def to_dict(self) -> dict[str, Any]:
        return drop_empty(
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
        check_record("treatment session", data, _SESSION_FIELDS, ("kind", "minutes"))
        return cls(
            kind=data["kind"],
            minutes=data["minutes"],
            region=data.get("region"),
            pain_before=data.get("pain_before"),
            pain_after=data.get("pain_after"),
            skin_note=data.get("skin_note", ""),
        )


_SESSION_FIELDS = {
    "kind": "treatment kind",
    "minutes": "treatment minutes",
    "region": "treatment region",
    "pain_before": "treatment pain before",
    "pain_after": "treatment pain after",
    "skin_note": "treatment skin note",
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
        check_int("exercise id", self.exercise_id, 1, 10**9)
        check_choice("exercise status", self.status, EXERCISE_STATUSES)
        if self.reason is not None:
            if self.status == "done":
                raise ValidationError("skip reason", "only applies to a skipped or partly done exercise")
            check_choice("skip reason", self.reason, SKIP_REASONS)
        check_opt_int("sets done", self.sets, 0, 100)
        check_opt_int("reps done", self.reps, 0, 1000)

    @property
    def credit(self) -> float:
        """Adherence credit: done counts 1, partly done 0.5, skipped 0."""
        return {"done": 1.0, "partial": 0.5, "skipped": 0.0}[self.status]

    def to_dict(self) -> dict[str, Any]:
        return drop_empty(
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
        check_record("exercise log", data, _EXERCISE_LOG_FIELDS, ("exercise_id", "status"))
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
        check_opt_int("walking tolerance", self.walk, 0, MAX_MINUTES, unit="minutes")
        check_opt_int("sitting tolerance", self.sit, 0, MAX_MINUTES, unit="minutes")
        check_opt_int("standing tolerance", self.stand, 0, MAX_MINUTES, unit="minutes")
        check_opt_int("morning stiffness", self.stiffness, 0, MAX_MINUTES, unit="minutes")
        check_opt_int("fingertip-to-floor", self.fingertip_floor_cm, -50, 100, unit="cm")

    @property
    def is_empty(self) -> bool:
        return all(v is None for v in (self.walk, self.sit, self.stand, self.stiffness, self.fingertip_floor_cm))

    def to_dict(self) -> dict[str, Any]:
        return drop_empty(
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
        check_record("mobility", data, _MOBILITY_FIELDS)
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
class MedicationTaken:
    """A medication of the list taken on a day; ``doses`` counts an as-needed one's doses (None:
    taken as prescribed, no count given)."""

    medication_id: int
    doses: int | None = None

    def __post_init__(self) -> None:
        check_int("medication id", self.medication_id, 1, 10**9)
        check_opt_int("doses", self.doses, 1, MAX_DOSES)

    @property
    def dose_count(self) -> int:
        """The doses taken, counting a medication taken without a count as one."""
        return 1 if self.doses is None else self.doses

    def to_dict(self) -> dict[str, Any]:
        return drop_empty({"medication_id": self.medication_id, "doses": self.doses})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MedicationTaken:
        """Read a stored record strictly: unknown or missing fields and wrong types are refused."""
        check_record("medication taken", data, _TAKEN_FIELDS, ("medication_id",))
        return cls(medication_id=data["medication_id"], doses=data.get("doses"))


_TAKEN_FIELDS = {"medication_id": "medication id", "doses": "doses"}


def check_hours(field_name: str, value: Any) -> float | None:
    """Hours from 0 to 24 in steps of half an hour, as a float (None stays None)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(field_name, f"must be a number of hours from 0 to 24 (got {value!r})")
    if not 0 <= value <= 24:
        raise ValidationError(field_name, f"must be from 0 to 24 hours (got {value:g})")
    if value * 2 != int(value * 2):
        raise ValidationError(field_name, f"must be whole or half hours, such as 6.5 (got {value:g})")
    return float(value)


@dataclass(frozen=True, slots=True)
class Day:
    """One calendar day of the journal. ``pain_avg`` (last 24 hours) is the headline figure; it is
    None only on a day that records a red flag on its own, so an urgent symptom can be logged at once."""

    date: date
    pain_avg: int | None
    pain_now: int | None = None
    pain_worst: int | None = None
    pain_least: int | None = None
    pain_limb: int | None = None
    regions: tuple[str, ...] = ()
    radiating: tuple[Radiating, ...] = ()
    sessions: tuple[TherapySession, ...] = ()
    exercises: tuple[ExerciseLog, ...] = ()
    mobility: Mobility = field(default_factory=Mobility)
    medications: tuple[MedicationTaken, ...] = ()
    sleep_hours: float | None = None
    """Hours slept the night before, whole or half."""
    sleep_quality: int | None = None
    """0 very poor to 10 very good."""
    mood: int | None = None
    """0 very low to 10 very good."""
    notes: str = ""
    questions: str = ""
    red_flags: tuple[str, ...] = ()
    pain_after_exercises: int | None = None
    """Pain 0-10 just after the day's exercises (asked at the end of a guided session)."""

    def __post_init__(self) -> None:
        check_date("date", self.date)
        if self.pain_avg is None:
            if not self.red_flags:
                raise ValidationError("average pain", NO_PAIN_NOR_FLAG)
        else:
            check_pain("average pain", self.pain_avg)
        check_opt_pain("pain now", self.pain_now)
        check_opt_pain("worst pain", self.pain_worst)
        check_opt_pain("least pain", self.pain_least)
        check_opt_pain("leg/arm pain", self.pain_limb)
        if self.pain_worst is not None and self.pain_avg is not None and self.pain_worst < self.pain_avg:
            raise ValidationError(
                "worst pain",
                f"cannot be lower than the average ({self.pain_worst} < {self.pain_avg})",
            )
        if self.pain_least is not None and self.pain_avg is not None and self.pain_least > self.pain_avg:
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
            check_choice("region", region, REGIONS)
        if len(set(self.regions)) != len(self.regions):
            raise ValidationError("region", "is listed twice")
        limbs = [r.limb for r in self.radiating]
        if len(set(limbs)) != len(limbs):
            raise ValidationError("radiating limb", "each limb can be listed once")
        ids = [log.exercise_id for log in self.exercises]
        if len(set(ids)) != len(ids):
            raise ValidationError("exercise", "each exercise can be logged once a day")
        taken = [t.medication_id for t in self.medications]
        if len(set(taken)) != len(taken):
            raise ValidationError("medication", "each medication can be logged once a day")
        object.__setattr__(self, "sleep_hours", check_hours("hours slept", self.sleep_hours))
        check_opt_int("sleep quality", self.sleep_quality, 0, 10)
        check_opt_int("mood", self.mood, 0, 10)
        for flag in self.red_flags:
            check_choice("red flag", flag, RED_FLAGS_BY_ID)
        if len(set(self.red_flags)) != len(self.red_flags):
            raise ValidationError("red flag", "is listed twice")
        check_text("notes", self.notes)
        check_text("questions for the therapist", self.questions)
        check_opt_pain("pain after exercises", self.pain_after_exercises)

    # Convenience views ------------------------------------------------------------------------

    @property
    def pain_words(self) -> str:
        """The average pain in a few words, for a message; a red flag's day may have none."""
        return "a red flag, no average pain given" if self.pain_avg is None else f"average pain {self.pain_avg}/10"

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
        return drop_empty(
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
                "medications": [t.to_dict() for t in self.medications],
                "sleep_hours": self.sleep_hours,
                "sleep_quality": self.sleep_quality,
                "mood": self.mood,
                "notes": self.notes,
                "questions": self.questions,
                "red_flags": list(self.red_flags),
                "pain_after_exercises": self.pain_after_exercises,
            }
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Day:
        """Read a stored record strictly: unknown or missing fields and wrong types or shapes are
        refused with a ``ValidationError`` naming the field."""
        check_record("day", data, _DAY_FIELDS, ("date",))
        return cls(
            date=check_date("date", data["date"]),
            # Absent only on a red flag's day (checked by __post_init__): never read as 0.
            pain_avg=data.get("pain_avg"),
            pain_now=data.get("pain_now"),
            pain_worst=data.get("pain_worst"),
            pain_least=data.get("pain_least"),
            pain_limb=data.get("pain_limb"),
            regions=tuple(check_items("regions", data.get("regions", ()))),
            radiating=tuple(Radiating.from_dict(r) for r in check_items("radiating pain", data.get("radiating", ()))),
            sessions=tuple(
                TherapySession.from_dict(s) for s in check_items("treatment sessions", data.get("sessions", ()))
            ),
            exercises=tuple(ExerciseLog.from_dict(e) for e in check_items("exercise logs", data.get("exercises", ()))),
            mobility=Mobility.from_dict(data.get("mobility", {})),
            medications=tuple(
                MedicationTaken.from_dict(t) for t in check_items("medications taken", data.get("medications", ()))
            ),
            sleep_hours=data.get("sleep_hours"),
            sleep_quality=data.get("sleep_quality"),
            mood=data.get("mood"),
            notes=data.get("notes", ""),
            questions=data.get("questions", ""),
            red_flags=tuple(check_items("red flags", data.get("red_flags", ()))),
            pain_after_exercises=data.get("pain_after_exercises"),
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
    "sessions": "treatment sessions",
    "exercises": "exercise logs",
    "mobility": "mobility",
    "medications": "medications taken",
    "sleep_hours": "hours slept",
    "sleep_quality": "sleep quality",
    "mood": "mood",
    "notes": "notes",
    "questions": "questions for the therapist",
    "red_flags": "red flags",
    "pain_after_exercises": "pain after exercises",
}
