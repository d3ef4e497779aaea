"""The JSON export: the whole journal in one versioned, lossless file, and importing it back.

``export_json`` writes a canonical document (records in a fixed order, keys in a fixed order), so that
export -> import into an empty journal -> export gives identical bytes. ``load_json`` validates every
record through the model and refuses anything it cannot read with a one-line message.

``merge`` combines an imported journal with the one already on disk. Records are matched by what a
person would call "the same thing" (a day by its date, an exercise by its name and start date, a PSFS
activity by its name, a visit by its date); when both sides hold different versions of the same thing
that is a ``Conflict``, resolved by the caller's choice of keeping the current version or taking the
file's. Nothing is ever dropped without such a choice.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal, TypeVar

import orjson

from spinejournal.model import (
    Day,
    Exercise,
    JournalData,
    Profile,
    PsfsActivity,
    PsfsRating,
    ValidationError,
    Visit,
    name_key,
)
from spinejournal.store.layout import EXPORT_FORMAT

EXPORT_VERSION = 1

Prefer = Literal["keep", "replace"]

# What one record of an export is read into.
_Built = TypeVar("_Built")

# What an export may hold, far beyond any real journal, so that a hostile or broken file is refused at
# once instead of taking minutes and gigabytes. A 100-year demo journal exports to 32 MB, 40 MB with
# a 200-character note every day.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DAYS = 36_525  # 100 years
MAX_SESSIONS_PER_DAY = 50
MAX_SESSIONS = 10 * MAX_DAYS  # all told: ten a day for 100 years
MAX_EXERCISES = 500
MAX_VISITS = 5_200  # weekly for 100 years
MAX_PSFS_ACTIVITIES = 100
MAX_PSFS_RATINGS = 10 * MAX_DAYS
# Digits of any number in the file: every number the journal holds has fewer than ten.
MAX_NUMBER_DIGITS = 20


class ExportFileError(ValueError):
    """A file that cannot be imported. ``str()`` is one line fit to show a person."""


# -- export ------------------------------------------------------------------------------------


def to_document(data: JournalData, start: date | None = None, end: date | None = None) -> dict[str, Any]:
    """The export document of ``data``; days and PSFS ratings limited to ``start``..``end`` if given.

    The plan, visits and PSFS activities are always whole: they are what makes the days readable.
    """
    document: dict[str, Any] = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION}
    if start is not None or end is not None:
        # Say so in the file, so a partial export is never mistaken for the whole journal.
        document["days_from"] = start.isoformat() if start else None
        document["days_to"] = end.isoformat() if end else None
    ratings = [r for r in data.psfs_ratings if _within(r.date, start, end)]
    document.update(
        {
            "profile": data.profile.to_dict(),
            "exercises": [{"id": e.id, **e.to_dict()} for e in sorted(data.exercises, key=lambda e: e.id)],
            "visits": [v.to_dict() for v in sorted(data.visits, key=lambda v: v.date)],
            "psfs_activities": [{"id": a.id, **a.to_dict()} for a in sorted(data.psfs_activities, key=lambda a: a.id)],
            "psfs_ratings": [r.to_dict() for r in sorted(ratings, key=lambda r: (r.date, r.activity_id))],
            "days": [d.to_dict() for d in sorted(data.days_between(start, end), key=lambda d: d.date)],
        }
    )
    return document


def export_json(data: JournalData, start: date | None = None, end: date | None = None) -> bytes:
    """The journal as UTF-8 JSON bytes, indented, ending in a newline."""
    # orjson writes the same bytes as json.dumps(indent=2, ensure_ascii=False), 20x faster.
    return orjson.dumps(to_document(data, start, end), option=orjson.OPT_INDENT_2) + b"\n"


def _within(on: date, start: date | None, end: date | None) -> bool:
    return (start is None or on >= start) and (end is None or on <= end)


# -- import ------------------------------------------------------------------------------------


def read_export(path: str, *, latest: date | None = None) -> JournalData:
    """Read, parse and validate the export at ``path``, refusing a file over ``MAX_FILE_BYTES``
    before reading it (and never reading more than that, even from a pipe or device).

    With ``latest``, days, visits and PSFS ratings after it are refused. Raises ``ExportFileError``
    (or ``OSError`` when the file cannot be read).
    """
    with open(path, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        raw = b"" if size > MAX_FILE_BYTES else file.read(MAX_FILE_BYTES + 1)
    if size > MAX_FILE_BYTES or len(raw) > MAX_FILE_BYTES:
        raise ExportFileError(
            f"{path} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, more than an export of 100 years "
            "of journal; it is not an export this version can read"
        )
    return load_json(raw, path, latest=latest)


class _NumberTooLong(ValueError):
    """A number in the file with more than ``MAX_NUMBER_DIGITS`` digits."""


def _bounded_int(text: str) -> int:
    # int() refuses over 4,300 digits with a ValueError that names no file; no journal value needs 20.
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _NumberTooLong
    return int(text)


def load_json(raw: bytes, source: str = "the file", *, latest: date | None = None) -> JournalData:
    """Parse and validate an export; raises ``ExportFileError`` naming what is wrong and where.

    With ``latest``, days, visits and PSFS ratings after it are refused.
    """
    try:
        document = json.loads(raw.decode("utf-8-sig"), parse_int=_bounded_int)
    except UnicodeDecodeError:
        raise ExportFileError(f"{source} is not a spinejournal export: it is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ExportFileError(f"{source} is not valid JSON ({exc.msg}, line {exc.lineno})") from None
    except _NumberTooLong:
        raise ExportFileError(f"{source} holds a number longer than {MAX_NUMBER_DIGITS} digits") from None
    except RecursionError:
        # json's own limit (the interpreter's recursion limit, about 1,000 levels) is the cap here.
        raise ExportFileError(
            f"{source} is nested hundreds of levels deep; a spinejournal export is at most 5 levels deep"
        ) from None
    return from_document(document, source, latest=latest)


def from_document(document: Any, source: str = "the file", *, latest: date | None = None) -> JournalData:
    """Build validated journal data from a parsed export document (``latest``: see ``load_json``)."""
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        hint = ""
        if isinstance(document, dict) and "_meta" in document and "days" in document:
            hint = " (it looks like a journal file itself: open it with --journal, or use 'restore')"
        raise ExportFileError(f"{source} is not a spinejournal export{hint}")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExportFileError(f"{source} has no valid export version")
    if version > EXPORT_VERSION:
        raise ExportFileError(
            f"{source} was exported by a newer spinejournal (export version {version}; this version "
            f"reads up to {EXPORT_VERSION}). Please upgrade spinejournal."
        )

    def records(key: str, most: int) -> list[tuple[str, Mapping[str, Any]]]:
        items = document.get(key, [])
        if not isinstance(items, list):
            raise ExportFileError(f"{source}: '{key}' must be a list")
        if len(items) > most:
            raise ExportFileError(f"{source}: '{key}' holds {len(items)} records, more than the {most} allowed")
        found: list[tuple[str, Mapping[str, Any]]] = []
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                raise ExportFileError(f"{source}: {key}[{index}] must be an object")
            found.append((f"{key}[{index}]", item))
        return found

    def build(where: str, make: Callable[[Mapping[str, Any]], _Built], raw: Mapping[str, Any]) -> _Built:
        try:
            return make(raw)
        except ValidationError as exc:
            raise ExportFileError(f"{source}: {where}: {exc}") from None

    profile_raw = document.get("profile", {})
    if not isinstance(profile_raw, dict):
        raise ExportFileError(f"{source}: 'profile' must be an object")
    profile = build("profile", Profile.from_dict, profile_raw)
    exercises = [
        build(w, lambda d: Exercise.from_dict(_fields(d), id=d.get("id", 0)), d)
        for w, d in records("exercises", MAX_EXERCISES)
    ]
    visits = [build(w, Visit.from_dict, d) for w, d in records("visits", MAX_VISITS)]
    activities = [
        build(w, lambda d: PsfsActivity.from_dict(_fields(d), id=d.get("id", 0)), d)
        for w, d in records("psfs_activities", MAX_PSFS_ACTIVITIES)
    ]
    ratings = [build(w, PsfsRating.from_dict, d) for w, d in records("psfs_ratings", MAX_PSFS_RATINGS)]
    day_records = records("days", MAX_DAYS)
    total = 0
    for where, record in day_records:
        sessions = record.get("sessions")
        count = len(sessions) if isinstance(sessions, list) else 0
        if count > MAX_SESSIONS_PER_DAY:
            raise ExportFileError(
                f"{source}: {where} holds {count} heat/ice sessions, "
                f"more than the {MAX_SESSIONS_PER_DAY} allowed in a day"
            )
        total += count
    if total > MAX_SESSIONS:
        raise ExportFileError(f"{source} holds {total} heat/ice sessions, more than the {MAX_SESSIONS} allowed")
    days = [build(w, Day.from_dict, d) for w, d in day_records]

    if latest is not None:
        dated = [("day", d.date) for d in days] + [("visit", v.date) for v in visits]
        dated += [("PSFS rating", r.date) for r in ratings]
        for what, on in dated:
            if on > latest:
                raise ExportFileError(f"{source}: {what} {on} is in the future (today is {latest})")
    _unique(source, "exercise id", [e.id for e in exercises], positive=True)
    _unique(source, "PSFS activity id", [a.id for a in activities], positive=True)
    _unique(source, "PSFS activity name", [name_key(a.name) for a in activities])
    _unique(source, "visit date", [v.date for v in visits])
    _unique(source, "day", [d.date for d in days])
    _unique(source, "PSFS rating (activity, date)", [(r.activity_id, r.date) for r in ratings])
    exercise_ids = {e.id for e in exercises}
    for day in days:
        for log in day.exercises:
            if log.exercise_id not in exercise_ids:
                raise ExportFileError(f"{source}: day {day.date} logs exercise id {log.exercise_id}, not in the plan")
    activity_ids = {a.id for a in activities}
    for rating in ratings:
        if rating.activity_id not in activity_ids:
            raise ExportFileError(
                f"{source}: PSFS rating on {rating.date} is for activity id {rating.activity_id}, which is not listed"
            )
    return _canonical(days, exercises, visits, activities, ratings, profile)


def _fields(item: Mapping[str, Any]) -> dict[str, Any]:
    """An exported record without its "id", which the export adds beside the record's own fields."""
    return {key: value for key, value in item.items() if key != "id"}


def _unique(source: str, what: str, keys: list[Any], *, positive: bool = False) -> None:
    seen: set[Any] = set()
    for key in keys:
        if positive and key < 1:
            raise ExportFileError(f"{source}: every {what} must be 1 or more (got {key})")
        if key in seen:
            shown = key.isoformat() if isinstance(key, date) else key
            raise ExportFileError(f"{source}: {what} {shown} appears twice")
        seen.add(key)


def _canonical(
    days: Iterable[Day],
    exercises: Iterable[Exercise],
    visits: Iterable[Visit],
    activities: Iterable[PsfsActivity],
    ratings: Iterable[PsfsRating],
    profile: Profile,
) -> JournalData:
    """Journal data in the order the store returns it, so exports of either compare byte for byte."""
    return JournalData(
        days=tuple(sorted(days, key=lambda d: d.date)),
        exercises=tuple(sorted(exercises, key=lambda e: e.id)),
        visits=tuple(sorted(visits, key=lambda v: v.date)),
        psfs_activities=tuple(sorted(activities, key=lambda a: a.id)),
        psfs_ratings=tuple(sorted(ratings, key=lambda r: (r.date, r.activity_id))),
        profile=profile,
    )


# -- merging into a journal that already has data ----------------------------------------------


@dataclass(frozen=True, slots=True)
class Conflict:
    """One thing both journals hold in different versions, e.g. the same date logged differently."""

    kind: str  # "day", "exercise", "PSFS activity", "PSFS rating", "visit", "patient name"
    key: str  # which one, e.g. "2026-03-01" or "Bird dog"

    def __str__(self) -> str:
        return f"{self.kind} {self.key}".strip()


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The journal after an import, what was new, and what conflicted (resolved as asked)."""

    data: JournalData
    conflicts: tuple[Conflict, ...]
    added: dict[str, int]

    @property
    def changed(self) -> bool:
        """False when the file held nothing the journal did not already have."""
        return bool(self.conflicts) or any(self.added.values())


def is_empty(data: JournalData) -> bool:
    """True for a journal with nothing in it yet."""
    return not (
        data.days
        or data.exercises
        or data.visits
        or data.psfs_activities
        or data.psfs_ratings
        or data.profile.patient_name
    )


def merge(current: JournalData, incoming: JournalData, prefer: Prefer) -> MergeResult:
    """Combine ``incoming`` into ``current``; on a conflict keep the current version or take the file's.

    Whatever ``prefer`` says, the returned ``conflicts`` lists every conflict, so a caller can first
    merge with "keep" to see them and ask the person what to do.
    """
    conflicts: list[Conflict] = []
    added = dict.fromkeys(("days", "exercises", "visits", "PSFS activities", "PSFS ratings"), 0)
    take_file = prefer == "replace"

    # Exercises: the same name (name_key) and start date is the same exercise. Ids follow the current journal.
    exercises = {e.id: e for e in current.exercises}
    by_identity = {(name_key(e.name), e.start): e for e in current.exercises}
    exercise_ids: dict[int, int] = {}
    for theirs in sorted(incoming.exercises, key=lambda e: e.id):
        mine = by_identity.get((name_key(theirs.name), theirs.start))
        if mine is None:
            new_id = theirs.id if theirs.id not in exercises else max(exercises) + 1
            exercises[new_id] = replace(theirs, id=new_id)
            added["exercises"] += 1
        else:
            new_id = mine.id
            if mine.to_dict() != theirs.to_dict():
                conflicts.append(Conflict("exercise", f"{theirs.name} (from {theirs.start})"))
                if take_file:
                    exercises[new_id] = replace(theirs, id=new_id)
        exercise_ids[theirs.id] = new_id

    # PSFS activities: the same name (name_key) is the same activity.
    activities = {a.id: a for a in current.psfs_activities}
    by_name = {name_key(a.name): a for a in current.psfs_activities}
    activity_ids: dict[int, int] = {}
    for their_activity in sorted(incoming.psfs_activities, key=lambda a: a.id):
        my_activity = by_name.get(name_key(their_activity.name))
        if my_activity is None:
            new_id = their_activity.id if their_activity.id not in activities else max(activities) + 1
            activities[new_id] = replace(their_activity, id=new_id)
            added["PSFS activities"] += 1
        else:
            new_id = my_activity.id
            if my_activity.to_dict() != their_activity.to_dict():
                conflicts.append(Conflict("PSFS activity", their_activity.name))
                if take_file:
                    activities[new_id] = replace(their_activity, id=new_id)
        activity_ids[their_activity.id] = new_id

    def relabel(day: Day) -> Day:
        logs = tuple(replace(log, exercise_id=exercise_ids[log.exercise_id]) for log in day.exercises)
        return day if logs == day.exercises else replace(day, exercises=logs)

    def combine(kind: str, label: str, mine: dict[Any, Any], theirs: Iterable[tuple[Any, Any]], show: Any) -> None:
        for key, record in theirs:
            if key not in mine:
                mine[key] = record
                added[label] += 1
            elif mine[key] != record:
                conflicts.append(Conflict(kind, show(key)))
                if take_file:
                    mine[key] = record

    days = {d.date: d for d in current.days}
    combine("day", "days", days, ((d.date, relabel(d)) for d in incoming.days), date.isoformat)
    visits = {v.date: v for v in current.visits}
    combine("visit", "visits", visits, ((v.date, v) for v in incoming.visits), date.isoformat)
    ratings = {(r.activity_id, r.date): r for r in current.psfs_ratings}
    names = {a.id: a.name for a in activities.values()}
    combine(
        "PSFS rating",
        "PSFS ratings",
        ratings,
        (
            ((activity_ids[r.activity_id], r.date), replace(r, activity_id=activity_ids[r.activity_id]))
            for r in incoming.psfs_ratings
        ),
        lambda key: f"{names[key[0]]} on {key[1].isoformat()}",
    )

    profile = current.profile
    if incoming.profile.patient_name and incoming.profile != profile:
        if profile.patient_name:
            conflicts.append(Conflict("patient name", ""))
        if take_file or not profile.patient_name:
            profile = incoming.profile

    data = _canonical(
        days.values(), exercises.values(), visits.values(), activities.values(), ratings.values(), profile
    )
    return MergeResult(data=data, conflicts=tuple(conflicts), added=added)
