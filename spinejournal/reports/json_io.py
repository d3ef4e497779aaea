"""The JSON export: the whole journal in one versioned, lossless file, and importing it back.

``export_json`` writes a canonical document (records in a fixed order, keys in a fixed order), so that
export -> import into an empty journal -> export gives identical bytes. ``load_json`` validates every
record through the model and refuses anything it cannot read with a one-line message.

``merge`` combines an imported journal with the one already on disk. Records are matched by what a
person would call "the same thing" (a day by its date, an exercise or a medication by its name and
start date, a PSFS activity by its name, a visit, PEG-3 score or PGIC rating by its date, a care event
by its date, kind and text); when both sides hold different versions of the same thing
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
    CareEvent,
    Day,
    Exercise,
    JournalData,
    Medication,
    PegScore,
    PgicRating,
    Profile,
    PsfsActivity,
    PsfsRating,
    ValidationError,
    Visit,
    name_key,
)
from spinejournal.store.layout import EXPORT_FORMAT

# Version 2 added medications (and the days' medications taken, sleep and mood), PEG-3 scores, PGIC
# ratings and care events; version 3 a day without its average pain when it records a red flag (so an
# older spinejournal says "upgrade" instead of refusing that day). Versions 1 and 2 are still read.
# A day's optional pain after exercises came later within version 3 (no bump: nothing changes meaning).
EXPORT_VERSION = 3

Prefer = Literal["keep", "replace"]

# What one record of an export is read into.
_Built = TypeVar("_Built")
# A record the merge matches by identity and renumbers (exercises, medications, PSFS activities).
_Record = TypeVar("_Record", Exercise, Medication, PsfsActivity)

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
MAX_MEDICATIONS = 500
MAX_PEG_SCORES = MAX_DAYS  # one per date
MAX_PGIC_RATINGS = MAX_DAYS  # one per date
MAX_EVENTS = 5_200
# Digits of any number in the file: every number the journal holds has fewer than ten.
MAX_NUMBER_DIGITS = 20


class ExportFileError(ValueError):
    """A file that cannot be imported. ``str()`` is one line fit to show a person."""


# -- export ------------------------------------------------------------------------------------


def to_document(data: JournalData, start: date | None = None, end: date | None = None) -> dict[str, Any]:
    """The export document of ``data``; days and PSFS, PEG-3 and PGIC ratings limited to
    ``start``..``end`` if given.

    The plan, the medication list, visits, care events and PSFS activities are always whole: they are
    what makes the days readable.
    """
    document: dict[str, Any] = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION}
    if start is not None or end is not None:
        # Say so in the file, so a partial export is never mistaken for the whole journal.
        document["days_from"] = start.isoformat() if start else None
        document["days_to"] = end.isoformat() if end else None
    ratings = [r for r in data.psfs_ratings if _within(r.date, start, end)]
    pegs = [p for p in data.peg_scores if _within(p.date, start, end)]
    pgics = [p for p in data.pgic_ratings if _within(p.date, start, end)]
    document.update(
        {
            "profile": data.profile.to_dict(),
            "exercises": [{"id": e.id, **e.to_dict()} for e in sorted(data.exercises, key=lambda e: e.id)],
            "medications": [{"id": m.id, **m.to_dict()} for m in sorted(data.medications, key=lambda m: m.id)],
            "visits": [v.to_dict() for v in sorted(data.visits, key=lambda v: v.date)],
            "events": [{"id": e.id, **e.to_dict()} for e in sorted(data.events, key=lambda e: (e.date, e.id))],
            "psfs_activities": [{"id": a.id, **a.to_dict()} for a in sorted(data.psfs_activities, key=lambda a: a.id)],
            "psfs_ratings": [r.to_dict() for r in sorted(ratings, key=lambda r: (r.date, r.activity_id))],
            "peg_scores": [p.to_dict() for p in sorted(pegs, key=lambda p: p.date)],
            "pgic_ratings": [p.to_dict() for p in sorted(pgics, key=lambda p: p.date)],
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

    With ``latest``, days, visits and PSFS, PEG-3 and PGIC ratings after it are refused. Raises ``ExportFileError``
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

    With ``latest``, days, visits and PSFS, PEG-3 and PGIC ratings after it are refused.
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
    medications = [
        build(w, lambda d: Medication.from_dict(_fields(d), id=d.get("id", 0)), d)
        for w, d in records("medications", MAX_MEDICATIONS)
    ]
    pegs = [build(w, PegScore.from_dict, d) for w, d in records("peg_scores", MAX_PEG_SCORES)]
    pgics = [build(w, PgicRating.from_dict, d) for w, d in records("pgic_ratings", MAX_PGIC_RATINGS)]
    events = [
        build(w, lambda d: CareEvent.from_dict(_fields(d), id=d.get("id", 0)), d)
        for w, d in records("events", MAX_EVENTS)
    ]
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
        taken = record.get("medications")
        # Each medication is logged at most once a day, so a day cannot take more than the list holds.
        if isinstance(taken, list) and len(taken) > len(medications):
            raise ExportFileError(
                f"{source}: {where} holds {len(taken)} medications taken, "
                f"more than the {len(medications)} on the medication list"
            )
    if total > MAX_SESSIONS:
        raise ExportFileError(f"{source} holds {total} heat/ice sessions, more than the {MAX_SESSIONS} allowed")
    days = [build(w, Day.from_dict, d) for w, d in day_records]

    if latest is not None:
        dated = [("day", d.date) for d in days] + [("visit", v.date) for v in visits]
        dated += [("PSFS rating", r.date) for r in ratings]
        dated += [("PEG-3 score", p.date) for p in pegs] + [("PGIC rating", p.date) for p in pgics]
        for what, on in dated:
            if on > latest:
                raise ExportFileError(f"{source}: {what} {on} is in the future (today is {latest})")
    _unique(source, "exercise id", [e.id for e in exercises], positive=True)
    _unique(source, "PSFS activity id", [a.id for a in activities], positive=True)
    _unique(source, "PSFS activity name", [name_key(a.name) for a in activities])
    _unique(source, "visit date", [v.date for v in visits])
    _unique(source, "day", [d.date for d in days])
    _unique(source, "PSFS rating (activity, date)", [(r.activity_id, r.date) for r in ratings])
    _unique(source, "medication id", [m.id for m in medications], positive=True)
    _unique(source, "PEG-3 score date", [p.date for p in pegs])
    _unique(source, "PGIC rating date", [p.date for p in pgics])
    _unique(source, "care event id", [e.id for e in events], positive=True)
    exercise_ids = {e.id for e in exercises}
    medication_ids = {m.id for m in medications}
    for day in days:
        for log in day.exercises:
            if log.exercise_id not in exercise_ids:
                raise ExportFileError(f"{source}: day {day.date} logs exercise id {log.exercise_id}, not in the plan")
        for taken in day.medications:
            if taken.medication_id not in medication_ids:
                raise ExportFileError(
                    f"{source}: day {day.date} logs medication id {taken.medication_id}, not on the medication list"
                )
    activity_ids = {a.id for a in activities}
    for rating in ratings:
        if rating.activity_id not in activity_ids:
            raise ExportFileError(
                f"{source}: PSFS rating on {rating.date} is for activity id {rating.activity_id}, which is not listed"
            )
    return _canonical(days, exercises, visits, activities, ratings, profile, medications, pegs, pgics, events)


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
    medications: Iterable[Medication],
    pegs: Iterable[PegScore],
    pgics: Iterable[PgicRating],
    events: Iterable[CareEvent],
) -> JournalData:
    """Journal data in the order the store returns it, so exports of either compare byte for byte."""
    return JournalData(
        days=tuple(sorted(days, key=lambda d: d.date)),
        exercises=tuple(sorted(exercises, key=lambda e: e.id)),
        visits=tuple(sorted(visits, key=lambda v: v.date)),
        psfs_activities=tuple(sorted(activities, key=lambda a: a.id)),
        psfs_ratings=tuple(sorted(ratings, key=lambda r: (r.date, r.activity_id))),
        profile=profile,
        medications=tuple(sorted(medications, key=lambda m: m.id)),
        peg_scores=tuple(sorted(pegs, key=lambda p: p.date)),
        pgic_ratings=tuple(sorted(pgics, key=lambda p: p.date)),
        events=tuple(sorted(events, key=lambda e: (e.date, e.id))),
    )


# -- merging into a journal that already has data ----------------------------------------------


@dataclass(frozen=True, slots=True)
class Conflict:
    """One thing both journals hold in different versions, e.g. the same date logged differently."""

    kind: str  # "day", "exercise", "medication", "PSFS activity", "PSFS rating", "visit", "PEG-3 score", ...
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
        or data.medications
        or data.peg_scores
        or data.pgic_ratings
        or data.events
        or data.profile.patient_name
    )


def merge(current: JournalData, incoming: JournalData, prefer: Prefer) -> MergeResult:
    """Combine ``incoming`` into ``current``; on a conflict keep the current version or take the file's.

    Whatever ``prefer`` says, the returned ``conflicts`` lists every conflict, so a caller can first
    merge with "keep" to see them and ask the person what to do.
    """
    conflicts: list[Conflict] = []
    added = dict.fromkeys(
        (
            "days",
            "exercises",
            "medications",
            "visits",
            "PSFS activities",
            "PSFS ratings",
            "PEG-3 scores",
            "PGIC ratings",
            "care events",
        ),
        0,
    )
    take_file = prefer == "replace"

    def match(
        kind: str,
        label: str,
        ours: Iterable[_Record],
        theirs: Iterable[_Record],
        identity: Callable[[_Record], object],
        show: Callable[[_Record], str],
    ) -> tuple[dict[int, _Record], dict[int, int]]:
        """Records with ids merged by ``identity``: a record the journal has keeps the journal's id
        (a conflict when it differs), a new one is added under a free id. Returns the records by id
        and each incoming id's id in the journal."""
        records = {r.id: r for r in ours}
        known = {identity(r): r for r in records.values()}
        ids: dict[int, int] = {}
        for their in sorted(theirs, key=lambda r: r.id):
            mine = known.get(identity(their))
            if mine is None:
                new_id = their.id if their.id not in records else max(records) + 1
                records[new_id] = replace(their, id=new_id)
                added[label] += 1
            else:
                new_id = mine.id
                if mine.to_dict() != their.to_dict():
                    conflicts.append(Conflict(kind, show(their)))
                    if take_file:
                        records[new_id] = replace(their, id=new_id)
            ids[their.id] = new_id
        return records, ids

    # Exercises and medications: the same name (name_key) and start date is the same record; PSFS
    # activities: the same name. Ids follow the current journal.
    exercises, exercise_ids = match(
        "exercise",
        "exercises",
        current.exercises,
        incoming.exercises,
        lambda e: (name_key(e.name), e.start),
        lambda e: f"{e.name} (from {e.start})",
    )
    medications, medication_ids = match(
        "medication",
        "medications",
        current.medications,
        incoming.medications,
        lambda m: (name_key(m.name), m.start),
        lambda m: f"{m.name} (from {m.start})",
    )
    activities, activity_ids = match(
        "PSFS activity",
        "PSFS activities",
        current.psfs_activities,
        incoming.psfs_activities,
        lambda a: name_key(a.name),
        lambda a: a.name,
    )

    def relabel(day: Day) -> Day:
        logs = tuple(replace(log, exercise_id=exercise_ids[log.exercise_id]) for log in day.exercises)
        taken = tuple(replace(t, medication_id=medication_ids[t.medication_id]) for t in day.medications)
        if logs == day.exercises and taken == day.medications:
            return day
        return replace(day, exercises=logs, medications=taken)

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
    pegs = {p.date: p for p in current.peg_scores}
    combine("PEG-3 score", "PEG-3 scores", pegs, ((p.date, p) for p in incoming.peg_scores), date.isoformat)
    pgics = {p.date: p for p in current.pgic_ratings}
    combine("PGIC rating", "PGIC ratings", pgics, ((p.date, p) for p in incoming.pgic_ratings), date.isoformat)
    # A care event is all its fields (date, kind, text): one the journal lacks is added, never a conflict.
    events = {(e.date, e.kind, e.text): e for e in current.events}
    event_ids = {e.id for e in current.events}
    for event in sorted(incoming.events, key=lambda e: (e.date, e.id)):
        key = (event.date, event.kind, event.text)
        if key not in events:
            new_id = event.id if event.id not in event_ids else max(event_ids) + 1
            events[key] = replace(event, id=new_id)
            event_ids.add(new_id)
            added["care events"] += 1
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
        days.values(),
        exercises.values(),
        visits.values(),
        activities.values(),
        ratings.values(),
        profile,
        medications.values(),
        pegs.values(),
        pgics.values(),
        events.values(),
    )
    return MergeResult(data=data, conflicts=tuple(conflicts), added=added)
