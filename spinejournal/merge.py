"""Three-way merge of a day two writers changed at once (the app and the shell, say).

``base`` is the day as the person opened it, ``mine`` what they are saving, ``theirs`` what another
writer stored meanwhile. A field the person did not touch takes theirs; a field only they changed
keeps mine; both changing it to different values is a conflict, never silently decided. Exercise logs
merge per exercise and mobility per measure; red flags are a union, so an urgent symptom someone
recorded is never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from spinejournal.model import (
    LIMBS,
    REGIONS,
    Day,
    ExerciseLog,
    JournalData,
    MedicationTaken,
    Mobility,
    TherapySession,
    ValidationError,
)
from spinejournal.text import printable, shorten

# Names of the merged fields as a person reads them (conflict messages and "kept ..." notices).
FIELD_LABELS: dict[str, str] = {
    "pain_avg": "average pain",
    "pain_now": "pain now",
    "pain_worst": "worst pain",
    "pain_least": "least pain",
    "pain_limb": "leg/arm pain",
    "regions": "where it hurts",
    "radiating": "radiating pain",
    "sessions": "treatments",
    "exercises": "exercises",
    "medications": "medications taken",
    "sleep_hours": "hours slept",
    "sleep_quality": "sleep quality",
    "mood": "mood",
    "mobility.walk": "walking",
    "mobility.sit": "sitting",
    "mobility.stand": "standing",
    "mobility.stiffness": "morning stiffness",
    "mobility.fingertip_floor_cm": "fingertip-to-floor",
    "notes": "notes",
    "questions": "questions for the therapist",
    "red_flags": "red flags",
    "pain_after_exercises": "pain after exercises",
}

_PLAIN_FIELDS = (
    "pain_avg",
    "pain_now",
    "pain_worst",
    "pain_least",
    "pain_limb",
    "regions",
    "radiating",
    "sessions",
    "sleep_hours",
    "sleep_quality",
    "mood",
    "notes",
    "questions",
    "pain_after_exercises",
)
_MOBILITY_FIELDS = ("walk", "sit", "stand", "stiffness", "fingertip_floor_cm")

# A field's value on both sides of a merge.
_Value = TypeVar("_Value")


class _Unset:
    """The value of a field in a day that did not exist: different from anything either side saves."""

    def __repr__(self) -> str:
        return "<unset>"


_UNSET: Any = _Unset()


@dataclass(frozen=True, slots=True)
class DayMerge:
    """The outcome of a merge: the merged day, or the fields both sides changed differently."""

    day: Day | None
    """The merged day (valid), or None when there is a conflict."""
    taken: tuple[str, ...] = ()
    """Fields (keys of ``FIELD_LABELS``) whose value came from the other writer."""
    conflicts: tuple[str, ...] = ()
    """Fields both sides changed differently, or that make an invalid day together (with
    ``prefer_mine``, the clashing fields that kept mine)."""


def field_label(name: str) -> str:
    """A merged field's name as a person reads it."""
    return FIELD_LABELS.get(name, name.replace("_", " "))


def _in_order(name: str, value: Any) -> Any:
    """Regions and radiating limbs in the app's order: the CLI keeps the order they were typed in,
    and the same places in another order are not a change."""
    if name == "regions" and value is not _UNSET:
        return tuple(sorted(value, key=list(REGIONS).index))
    if name == "radiating" and value is not _UNSET:
        return tuple(sorted(value, key=lambda r: list(LIMBS).index(r.limb)))
    return value


def _pick(name: str, base: object, mine: _Value, theirs: _Value, taken: list[str], conflicts: list[str]) -> _Value:
    """One value, three ways."""
    if mine == theirs or theirs == base:
        return mine
    if mine == base:
        taken.append(name)
        return theirs
    conflicts.append(name)
    return mine


_Log = TypeVar("_Log", ExerciseLog, MedicationTaken)


def _key(log: ExerciseLog | MedicationTaken) -> int:
    return log.exercise_id if isinstance(log, ExerciseLog) else log.medication_id


def _per_item(
    name: str,
    base: tuple[_Log, ...] | Any,
    mine: tuple[_Log, ...],
    theirs: tuple[_Log, ...],
    taken: list[str],
    conflicts: list[str],
) -> tuple[_Log, ...]:
    """Exercise logs merged per exercise (medications taken per medication): mine in my order, then
    those only the other side logged."""
    before: dict[int, _Log] = {_key(log): log for log in (() if base is _UNSET else base)}
    ours: dict[int, _Log] = {_key(log): log for log in mine}
    other: dict[int, _Log] = {_key(log): log for log in theirs}
    took: list[str] = []
    clashed: list[str] = []
    merged: dict[int, _Log] = {}
    for item in [*ours, *(i for i in other if i not in ours)]:
        log = _pick(name, before.get(item), ours.get(item), other.get(item), took, clashed)
        if log is not None:
            merged[item] = log
    taken.extend(took[:1])
    conflicts.extend(clashed[:1])
    return tuple(merged.values())


def _sessions(
    name: str,
    base: tuple[TherapySession, ...],
    mine: tuple[TherapySession, ...],
    theirs: tuple[TherapySession, ...],
    taken: list[str],
    conflicts: list[str],
) -> tuple[TherapySession, ...]:
    """Treatment sessions: when both sides only added sessions to what was there (heat in the app,
    ice from the shell), the day keeps all of them; any other change on both sides is a clash."""
    n = len(base)
    if mine != base and theirs != base and mine[:n] == base and theirs[:n] == base:
        taken.append(name)
        return mine + theirs[n:]
    return _pick(name, base, mine, theirs, taken, conflicts)


def _mobility(
    base: Mobility | Any, mine: Mobility, theirs: Mobility, taken: list[str], conflicts: list[str]
) -> Mobility:
    """Mobility merged per measure."""
    before = Mobility() if base is _UNSET else base
    values = {
        name: _pick(
            f"mobility.{name}", getattr(before, name), getattr(mine, name), getattr(theirs, name), taken, conflicts
        )
        for name in _MOBILITY_FIELDS
    }
    return Mobility(**values)


def merge_day(base: Day | None, mine: Day, theirs: Day, *, prefer_mine: bool = False) -> DayMerge:
    """Merge ``mine`` (the day being saved, opened as ``base``, None when it was not logged then)
    with ``theirs`` (stored meanwhile by another writer). All three are for the same date.

    With ``prefer_mine`` (the person saw the clash and chose theirs to go), clashing fields keep
    mine and are still listed in ``conflicts``; fields only the other writer changed are kept.
    """
    taken: list[str] = []
    conflicts: list[str] = []
    values: dict[str, Any] = {}
    for name in _PLAIN_FIELDS:
        if base is not None:
            before = getattr(base, name)
        else:
            # A day not logged yet: its fields were empty, the average too (a red flag's day may have
            # none), so a flag logged alone meanwhile merges with a full day instead of clashing.
            before = None if name == "pain_avg" else Day.__dataclass_fields__[name].default
        was, ours, other = (_in_order(name, value) for value in (before, getattr(mine, name), getattr(theirs, name)))
        if name == "sessions":
            values[name] = _sessions(name, was, ours, other, taken, conflicts)
        else:
            values[name] = _pick(name, was, ours, other, taken, conflicts)
    values["exercises"] = _per_item(
        "exercises", _UNSET if base is None else base.exercises, mine.exercises, theirs.exercises, taken, conflicts
    )
    values["medications"] = _per_item(
        "medications",
        _UNSET if base is None else base.medications,
        mine.medications,
        theirs.medications,
        taken,
        conflicts,
    )
    values["mobility"] = _mobility(
        _UNSET if base is None else base.mobility, mine.mobility, theirs.mobility, taken, conflicts
    )
    flags = (*mine.red_flags, *(f for f in theirs.red_flags if f not in mine.red_flags))
    if flags != mine.red_flags:
        taken.append("red_flags")
    values["red_flags"] = flags
    if conflicts and not prefer_mine:
        return DayMerge(None, tuple(taken), tuple(conflicts))
    try:
        day = Day(date=mine.date, **values)
    except ValidationError:
        # Each side was valid alone; together they are not (e.g. their worst below my average).
        return DayMerge(None, tuple(taken), (*conflicts, *taken) or ("pain_avg",))
    return DayMerge(day, tuple(taken), tuple(conflicts))


def describe(day: Day | None, name: str, names: JournalData | None = None) -> str:
    """One field of ``day`` in a few words, to show both sides of a conflict (user text made safe).

    ``names`` (the journal) gives exercises and medications their names instead of their ids.
    """
    if day is None:
        return "deleted"
    if name.startswith("mobility."):
        value = getattr(day.mobility, name.removeprefix("mobility."))
        unit = "cm" if name.endswith("_cm") else "min"
        return "–" if value is None else f"{value} {unit}"
    value = getattr(day, name)
    if name == "sessions":
        return ", ".join(f"{s.kind} {s.minutes} min" for s in value) or "none"
    if name == "exercises":
        return ", ".join(f"{_exercise_name(names, log.exercise_id)} {log.status}" for log in value) or "none"
    if name == "medications":
        return ", ".join(f"{_medication_name(names, t.medication_id)} x{t.dose_count}" for t in value) or "none"
    if name == "radiating":
        return ", ".join(f"{r.limb} to {r.extent}" for r in value) or "none"
    if isinstance(value, tuple):
        return ", ".join(value) or "none"
    if isinstance(value, str):
        return f"“{shorten(printable(value, single_line=True), 40)}”" if value else "empty"
    return "–" if value is None else str(value)


def _exercise_name(names: JournalData | None, exercise_id: int) -> str:
    exercise = names.exercise(exercise_id) if names is not None else None
    return shorten(printable(exercise.name, single_line=True), 30) if exercise else f"exercise #{exercise_id}"


def _medication_name(names: JournalData | None, medication_id: int) -> str:
    medication = names.medication(medication_id) if names is not None else None
    return shorten(printable(medication.name, single_line=True), 30) if medication else f"medication #{medication_id}"
