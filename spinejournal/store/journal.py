"""The ``Journal``: the small repository API every screen and command uses, and ``restore_backup``."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from spinejournal import clock
from spinejournal.fsutil import atomic_write_bytes
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
from spinejournal.store import layout
from spinejournal.store.errors import (
    NOT_GIVEN,
    JournalConflictError,
    JournalCorruptError,
    JournalReadOnlyError,
    NotGiven,
    save_error,
)
from spinejournal.store.layout import bulk_load, parse_journal_bytes
from spinejournal.store.lock import LOCK_TIMEOUT, writer_lock
from spinejournal.store.storage import JournalStorage
from spinejournal.text import printable


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What a save did: the stored record and any gentle warnings to show."""

    day: Day
    created: bool
    warnings: tuple[str, ...] = ()
    merged: tuple[str, ...] = ()
    """Fields of the day taken from another writer's save (keys of ``spinejournal.merge.FIELD_LABELS``)."""


class Journal:
    """The journal's small repository API over TinyDB. All methods take and return model objects."""

    # The table names of the file format (see spinejournal.store.layout).
    DAYS_PREFIX = layout.DAYS_PREFIX
    EXERCISES = layout.EXERCISES
    VISITS = layout.VISITS
    PSFS_ACTIVITIES = layout.PSFS_ACTIVITIES
    PSFS_RATINGS = layout.PSFS_RATINGS
    PROFILE = layout.PROFILE
    MEDICATIONS = layout.MEDICATIONS
    PEG_SCORES = layout.PEG_SCORES
    PGIC_RATINGS = layout.PGIC_RATINGS
    EVENTS = layout.EVENTS

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool = False,
        lock_timeout: float = LOCK_TIMEOUT,
        storage: Storage | None = None,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self.lock_timeout = lock_timeout
        self._storage = storage if storage is not None else JournalStorage(path, read_only=read_only)
        self._db = TinyDB(storage=lambda: self._storage)
        self._snapshot: JournalData | None = None
        self._snapshot_key: object = None
        self._changes = 0
        # Validated days by date, valid while the file is the one we last read or wrote: our own
        # saves update it in place, so a save on a 10-year journal does not re-validate every day.
        self._day_cache: dict[date, Day] | None = None
        self._day_cache_loads = -1
        # Fail now, with a clear message, if the file is unreadable or too new.
        self._db.storage.read()

    @classmethod
    def from_data(cls, data: JournalData, *, label: str = "(in memory)") -> Journal:
        """A read-only journal held in memory, e.g. an export opened for review."""
        journal = cls(Path(label), read_only=False, storage=_InMemory())
        journal._replace_all(data, lock=False)
        journal.read_only = True
        return journal

    # -- reading -------------------------------------------------------------------------------

    def _table(self, name: str) -> Table:
        return self._db.table(name, cache_size=0)

    def _days(self, on: date) -> Table:
        return self._table(f"{self.DAYS_PREFIX}{on.year}")

    def data(self) -> JournalData:
        """Everything in the journal, cached until the journal changes."""
        self._db.storage.read()
        key = (getattr(self._storage, "disk_loads", 0), self._changes)
        if self._snapshot is None or key != self._snapshot_key:
            self._snapshot = self._build_snapshot()
            self._snapshot_key = key
        return self._snapshot

    def _disk_loads(self) -> int:
        return getattr(self._storage, "disk_loads", 0)

    @property
    def damage(self) -> tuple[str, ...]:
        """Each problem found in a damaged journal file (empty when it is sound); writes are refused
        while there is one, and reading leaves the damaged records out."""
        self._db.storage.read()
        return getattr(self._storage, "damage", ())

    def check_writable(self) -> None:
        """Raise now what a write would raise: ``JournalReadOnlyError``, or ``JournalCorruptError``
        when the file is damaged (so a command fails on that before asking or reporting anything else)."""
        if self.read_only:
            raise JournalReadOnlyError("This journal is open read-only: nothing was changed.")
        if isinstance(self._storage, JournalStorage):
            self._storage.check_writable()

    def notices(self) -> list[str]:
        """Notes to show the person once, then cleared: e.g. that a hand edit of the file was kept
        (after the save that took it in) or which damaged records reading left out."""
        take = getattr(self._storage, "take_notices", None)
        return take() if take is not None else []

    def _all_days(self) -> dict[date, Day]:
        raw = self._db.storage.read() or {}
        if self._day_cache is None or self._day_cache_loads != self._disk_loads():
            docs = (doc for name, table in raw.items() if name.startswith(self.DAYS_PREFIX) for doc in table.values())
            with bulk_load():
                self._day_cache = {day.date: day for day in (self._read_day(doc) for doc in docs)}
            self._day_cache_loads = self._disk_loads()
        return self._day_cache

    def _read_day(self, doc: Mapping[str, Any]) -> Day:
        """A stored day; one that no longer validates (a rule this version added, say a date before
        1900) is a damaged journal named by its date, not a bare validation error."""
        try:
            return Day.from_dict(doc)
        except ValidationError as exc:
            shown = printable(str(doc.get("date")), single_line=True)
            raise JournalCorruptError(
                f"The journal {self.path} holds a day it cannot read: day {shown}: {exc}. "
                f"List every problem with: spinejournal --journal {self.path} check; "
                f"remove that day with: spinejournal --journal {self.path} delete --date {shown}"
            ) from None

    def _remember_day(self, on: date, day: Day | None) -> None:
        """Keep the day cache in step with a write we just made (or drop it if it was stale)."""
        if self._day_cache is None or self._day_cache_loads != self._disk_loads():
            self._day_cache = None
        elif day is None:
            self._day_cache.pop(on, None)
        else:
            self._day_cache[on] = day

    def _build_snapshot(self) -> JournalData:
        days = sorted(self._all_days().values(), key=lambda d: d.date)
        visits = sorted((Visit.from_dict(doc) for doc in self._table(self.VISITS).all()), key=lambda v: v.date)
        activities = [PsfsActivity.from_dict(doc, id=doc.doc_id) for doc in self._table(self.PSFS_ACTIVITIES).all()]
        ratings = sorted(
            (PsfsRating.from_dict(doc) for doc in self._table(self.PSFS_RATINGS).all()),
            key=lambda r: (r.date, r.activity_id),
        )
        profile_doc = self._table(self.PROFILE).get(doc_id=1)
        return JournalData(
            days=tuple(days),
            exercises=tuple(self.exercises()),
            visits=tuple(visits),
            psfs_activities=tuple(sorted(activities, key=lambda a: a.id)),
            psfs_ratings=tuple(ratings),
            profile=Profile.from_dict(profile_doc or {}),
            medications=tuple(self.medications()),
            peg_scores=tuple(self.peg_scores()),
            pgic_ratings=tuple(self.pgic_ratings()),
            events=tuple(self.events()),
        )

    def get_day(self, on: date) -> Day | None:
        """The day logged on ``on``, without materialising the whole journal."""
        doc = self._days(on).get(doc_id=on.toordinal())
        return Day.from_dict(doc) if doc is not None else None

    def days_between(self, start: date, end: date) -> list[Day]:
        """Days from ``start`` to ``end`` inclusive, sorted, converting only those days."""
        raw = self._db.storage.read() or {}
        low, high = start.toordinal(), end.toordinal()
        picked = sorted(
            (int(key), doc)
            for year in range(start.year, end.year + 1)
            for key, doc in raw.get(f"{self.DAYS_PREFIX}{year}", {}).items()
            if low <= int(key) <= high
        )
        return [self._read_day(doc) for _, doc in picked]

    def exercises(self) -> list[Exercise]:
        """The whole exercise plan, retired exercises included, by id."""
        docs = self._table(self.EXERCISES).all()
        return sorted((Exercise.from_dict(doc, id=doc.doc_id) for doc in docs), key=lambda e: e.id)

    def psfs_activities(self) -> list[PsfsActivity]:
        """The PSFS activities, by id (read without parsing the days)."""
        docs = self._table(self.PSFS_ACTIVITIES).all()
        return sorted((PsfsActivity.from_dict(doc, id=doc.doc_id) for doc in docs), key=lambda a: a.id)

    def medications(self) -> list[Medication]:
        """The whole medication list, stopped ones and earlier doses included, by id."""
        docs = self._table(self.MEDICATIONS).all()
        return sorted((Medication.from_dict(doc, id=doc.doc_id) for doc in docs), key=lambda m: m.id)

    def peg_scores(self) -> list[PegScore]:
        """Every PEG-3 score, by date."""
        return sorted((PegScore.from_dict(doc) for doc in self._table(self.PEG_SCORES).all()), key=lambda p: p.date)

    def pgic_ratings(self) -> list[PgicRating]:
        """Every PGIC rating, by date."""
        docs = self._table(self.PGIC_RATINGS).all()
        return sorted((PgicRating.from_dict(doc) for doc in docs), key=lambda p: p.date)

    def events(self) -> list[CareEvent]:
        """Every care event, by date (then in the order they were added)."""
        docs = self._table(self.EVENTS).all()
        return sorted((CareEvent.from_dict(doc, id=doc.doc_id) for doc in docs), key=lambda e: (e.date, e.id))

    def has_day(self, on: date) -> bool:
        return self._days(on).contains(doc_id=on.toordinal())

    def _exercise(self, exercise_id: int) -> Exercise | None:
        doc = self._table(self.EXERCISES).get(doc_id=exercise_id)
        return Exercise.from_dict(doc, id=exercise_id) if doc is not None else None

    def _visit(self, on: date) -> Visit | None:
        doc = self._table(self.VISITS).get(doc_id=on.toordinal())
        return Visit.from_dict(doc) if doc is not None else None

    # -- writing -------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _writing(self, lock: bool = True) -> Iterator[None]:
        if self.read_only:
            raise JournalReadOnlyError("This journal is open read-only: nothing was changed.")
        if lock and isinstance(self._storage, JournalStorage):
            with writer_lock(self.path, self.lock_timeout):
                self._storage.check_writable()
                yield
        else:
            yield
        self._changes += 1

    @staticmethod
    def _put(table: Table, doc_id: int, data: dict[str, Any]) -> bool:
        """Insert or wholly replace one document; True when it was new."""

        def overwrite(doc: MutableMapping[str, Any]) -> None:
            doc.clear()
            doc.update(data)

        # Check first: TinyDB's update() rewrites the file even when no document matched.
        if table.contains(doc_id=doc_id):
            table.update(overwrite, doc_ids=[doc_id])
            return False
        table.insert(Document(data, doc_id=doc_id))
        return True

    @staticmethod
    def _next_id(table: Table) -> int:
        return max((doc.doc_id for doc in table.all()), default=0) + 1

    def save_day(self, day: Day, *, expected: Day | NotGiven | None = NOT_GIVEN, keep_mine: bool = False) -> SaveResult:
        """Store ``day``, replacing what was logged on that date. Future dates are refused.

        ``expected`` is the day as the writer read it (None: not logged then). When the stored day
        differs, the two are merged field by field (``SaveResult.merged`` names what was taken from
        the other writer); fields both changed differently raise ``JournalConflictError``, unless
        ``keep_mine`` (the person was shown the clash and chose their values): then those fields
        keep ``day``'s values and the other writer's changes elsewhere in the day are still kept.
        """
        if day.date > clock.today():
            raise ValidationError("date", f"{day.date} is in the future; only today or earlier can be logged")
        merged: tuple[str, ...] = ()
        with self._writing():
            if expected is not NOT_GIVEN:
                current = self.get_day(day.date)
                if current != expected:
                    day, merged = self._merge_day(expected, day, current, keep_mine)
            created = self._put(self._days(day.date), day.date.toordinal(), day.to_dict())
            self._remember_day(day.date, day)
        return SaveResult(day=day, created=created, warnings=tuple(day.warnings()), merged=merged)

    @staticmethod
    def _merge_day(base: Day | None, mine: Day, current: Day | None, keep_mine: bool) -> tuple[Day, tuple[str, ...]]:
        """``mine`` merged with the day another writer stored (or deleted) since ``base`` was read."""
        # Imported here: quick entry (``log``) never merges, and must start fast.
        from spinejournal.merge import field_label, merge_day

        when = _day_label(mine.date)
        if current is None:
            if keep_mine:
                return mine, ()
            raise JournalConflictError(f"{when} was deleted elsewhere since you opened it: nothing was saved.", None)
        outcome = merge_day(base, mine, current, prefer_mine=keep_mine)
        if outcome.day is None:
            labels = ", ".join(field_label(name) for name in outcome.conflicts)
            raise JournalConflictError(
                f"{when} was changed elsewhere since you opened it ({labels}): nothing was saved.",
                current,
                outcome.conflicts,
            )
        return outcome.day, outcome.taken

    def update_day(self, on: date, change: Callable[[Day | None], Day]) -> SaveResult:
        """Read-modify-write one day under the writer lock, so concurrent updates never collide."""
        if on > clock.today():
            raise ValidationError("date", f"{on} is in the future; only today or earlier can be logged")
        with self._writing():
            day = change(self.get_day(on))
            if day.date != on:
                raise ValidationError("date", "cannot change while updating a day")
            created = self._put(self._days(on), on.toordinal(), day.to_dict())
            self._remember_day(on, day)
        return SaveResult(day=day, created=created, warnings=tuple(day.warnings()))

    def delete_day(self, on: date, *, expected: Day | NotGiven | None = NOT_GIVEN) -> bool:
        """Remove the day logged on ``on``; False when there was none. With ``expected`` (the day
        as the person saw it), a day changed since is kept and ``JournalConflictError`` raised."""
        with self._writing():
            table = self._days(on)
            if not table.contains(doc_id=on.toordinal()):
                return False
            if expected is not NOT_GIVEN:
                _check(expected, self.get_day(on), _day_label(on))
            table.remove(doc_ids=[on.toordinal()])
            self._remember_day(on, None)
        return True

    def add_exercise(self, exercise: Exercise) -> Exercise:
        """Add an exercise to the plan; returns it with its new id."""
        with self._writing():
            table = self._table(self.EXERCISES)
            current = [doc for doc in table.all() if "end" not in doc]
            _refuse_same_name(current, exercise.name, "exercise name", "is already in the plan")
            stored = exercise.__class__(**{**_fields(exercise), "id": self._next_id(table)})
            table.insert(Document(stored.to_dict(), doc_id=stored.id))
        return stored

    def update_exercise(self, exercise: Exercise, *, expected: Exercise | NotGiven | None = NOT_GIVEN) -> Exercise:
        """Replace a stored exercise (matched by id); ``expected`` is the exercise as the writer read it."""
        with self._writing():
            table = self._table(self.EXERCISES)
            if expected is not NOT_GIVEN:
                _check(expected, self._exercise(exercise.id), _exercise_label(expected or exercise))
            if not table.contains(doc_id=exercise.id):
                raise ValidationError("exercise", f"no exercise with id {exercise.id}")
            if exercise.end is None:
                # Renamed to the name of another current exercise, it could never be told apart by name.
                others = [doc for doc in table.all() if doc.doc_id != exercise.id and "end" not in doc]
                _refuse_same_name(others, exercise.name, "exercise name", "is already in the plan")
            self._put(table, exercise.id, exercise.to_dict())
        return exercise

    def retire_exercise(
        self, exercise_id: int, end: date | None = None, *, expected: Exercise | NotGiven | None = NOT_GIVEN
    ) -> Exercise:
        """End an exercise from ``end`` (default today) on; its history stays. ``expected`` is the
        exercise as the writer read it."""
        end = end or clock.today()
        with self._writing():
            table = self._table(self.EXERCISES)
            if expected is not NOT_GIVEN:
                current = self._exercise(exercise_id)
                _check(expected, current, _exercise_label(expected or current))
            doc = table.get(doc_id=exercise_id)
            if doc is None:
                raise ValidationError("exercise", f"no exercise with id {exercise_id}")
            current = Exercise.from_dict(doc, id=exercise_id)
            retired = current.__class__(**{**_fields(current), "end": max(end, current.start)})
            self._put(table, exercise_id, retired.to_dict())
        return retired

    def add_medication(self, medication: Medication) -> Medication:
        """Add a medication to the list; returns it with its new id. Its name must differ from every
        medication on the list now (``name_key``); a stopped one's name is free again."""
        with self._writing():
            table = self._table(self.MEDICATIONS)
            current = [doc for doc in table.all() if "end" not in doc]
            _refuse_same_name(current, medication.name, "medication name", "is already on your list")
            stored = medication.__class__(**{**_fields(medication), "id": self._next_id(table)})
            table.insert(Document(stored.to_dict(), doc_id=stored.id))
        return stored

    def _medication(self, medication_id: int) -> Medication | None:
        doc = self._table(self.MEDICATIONS).get(doc_id=medication_id)
        return Medication.from_dict(doc, id=medication_id) if doc is not None else None

    def stop_medication(
        self, medication_id: int, end: date | None = None, *, expected: Medication | NotGiven | None = NOT_GIVEN
    ) -> Medication:
        """Stop a medication from ``end`` (default today) on; the days it was taken stay. ``expected``
        is the medication as the writer read it."""
        end = end or clock.today()
        with self._writing():
            current = self._medication(medication_id)
            if expected is not NOT_GIVEN:
                _check(expected, current, _medication_label(expected or current))
            if current is None:
                raise ValidationError("medication", f"no medication with id {medication_id}")
            if end < current.start:
                raise ValidationError("stop date", f"cannot be before the start date {current.start}")
            stopped = current.__class__(**{**_fields(current), "end": end})
            self._put(self._table(self.MEDICATIONS), medication_id, stopped.to_dict())
        return stopped

    def change_medication(
        self, changed: Medication, on: date, *, expected: Medication | NotGiven | None = NOT_GIVEN
    ) -> Medication:
        """A new dose or schedule from ``on``: the record ``changed.id`` stops on ``on`` and a new
        one with ``changed``'s dose starts then, in one write, so each dose keeps its dates (a change
        on the start date itself corrects the record instead). Days already logged from ``on`` on
        with the old record are moved to the new one. Returns the record now current."""
        with self._writing():
            table = self._table(self.MEDICATIONS)
            current = self._medication(changed.id)
            if expected is not NOT_GIVEN:
                _check(expected, current, _medication_label(expected or current))
            if current is None:
                raise ValidationError("medication", f"no medication with id {changed.id}")
            if current.end is not None:
                raise ValidationError("medication", f"'{current.name}' was stopped on {current.end}")
            if on < current.start:
                raise ValidationError("date", f"cannot be before the start date {current.start}")
            fields = {**_fields(changed), "name": current.name, "end": None}
            if on == current.start:
                now = current.__class__(**{**fields, "start": current.start, "id": current.id})
                self._put(table, current.id, now.to_dict())
                return now
            self._put(table, current.id, current.__class__(**{**_fields(current), "end": on}).to_dict())
            now = current.__class__(**{**fields, "start": on, "id": self._next_id(table)})
            table.insert(Document(now.to_dict(), doc_id=now.id))
            self._move_doses(current.id, now.id, on)
        return now

    def _move_doses(self, old_id: int, new_id: int, since: date) -> None:
        """Days from ``since`` on that were logged taking record ``old_id`` took the dose that starts
        then (a change dated in the past): they now point to ``new_id``, one write per year touched."""
        raw = self._db.storage.read() or {}
        first = since.toordinal()

        def move(doc: MutableMapping[str, Any]) -> None:
            doc["medications"] = [
                {**taken, "medication_id": new_id} if taken.get("medication_id") == old_id else taken
                for taken in doc["medications"]
            ]

        years = (n.removeprefix(self.DAYS_PREFIX) for n in raw if n.startswith(self.DAYS_PREFIX))
        for name in sorted(f"{self.DAYS_PREFIX}{y}" for y in years if y.isdigit() and int(y) >= since.year):
            table = self._table(name)
            ids = [
                doc.doc_id
                for doc in table.all()
                if doc.doc_id >= first and any(t.get("medication_id") == old_id for t in doc.get("medications", ()))
            ]
            if ids:
                table.update(move, doc_ids=ids)
                self._day_cache = None

    def save_peg(self, peg: PegScore, *, expected: PegScore | NotGiven | None = NOT_GIVEN) -> None:
        """Record a PEG-3 score (one per date: the same date again replaces it). ``expected`` is the
        score of that date as the writer read it (None: there was none)."""
        self._save_dated(self.PEG_SCORES, peg, expected, "The PEG score")

    def save_pgic(self, pgic: PgicRating, *, expected: PgicRating | NotGiven | None = NOT_GIVEN) -> None:
        """Record a PGIC rating (one per date: the same date again replaces it)."""
        self._save_dated(self.PGIC_RATINGS, pgic, expected, "The PGIC rating")

    def _save_dated(self, name: str, record: PegScore | PgicRating, expected: object, what: str) -> None:
        with self._writing():
            table = self._table(name)
            key = record.date.toordinal()
            if expected is not NOT_GIVEN:
                doc = table.get(doc_id=key)
                _check(
                    expected,
                    type(record).from_dict(doc) if doc is not None else None,
                    f"{what} of {_day_label(record.date)}",
                )
            self._put(table, key, record.to_dict())

    def delete_peg(self, on: date, *, expected: PegScore | NotGiven | None = NOT_GIVEN) -> bool:
        """Remove the PEG-3 score of ``on``; False when there was none. With ``expected`` (the score
        as the person saw it), a score changed since is kept and ``JournalConflictError`` raised."""
        return self._delete_dated(self.PEG_SCORES, PegScore, on, expected, "The PEG score")

    def delete_pgic(self, on: date, *, expected: PgicRating | NotGiven | None = NOT_GIVEN) -> bool:
        """Remove the PGIC rating of ``on``; False when there was none. With ``expected`` (the rating
        as the person saw it), a rating changed since is kept and ``JournalConflictError`` raised."""
        return self._delete_dated(self.PGIC_RATINGS, PgicRating, on, expected, "The PGIC rating")

    def add_event(self, event: CareEvent) -> CareEvent:
        """Record a care event; returns it with its new id."""
        with self._writing():
            table = self._table(self.EVENTS)
            stored = event.__class__(**{**_fields(event), "id": self._next_id(table)})
            table.insert(Document(stored.to_dict(), doc_id=stored.id))
        return stored

    def delete_event(self, event_id: int, *, expected: CareEvent | NotGiven | None = NOT_GIVEN) -> bool:
        """Remove a care event; False when there was none. With ``expected`` (the event as the person
        saw it), an event changed since is kept and ``JournalConflictError`` raised."""
        with self._writing():
            table = self._table(self.EVENTS)
            doc = table.get(doc_id=event_id)
            if doc is None:
                return False
            if expected is not NOT_GIVEN:
                _check(expected, CareEvent.from_dict(doc, id=event_id), "The care event")
            table.remove(doc_ids=[event_id])
        return True

    def _delete_dated(
        self, name: str, kind: type[PegScore] | type[PgicRating], on: date, expected: object, what: str
    ) -> bool:
        with self._writing():
            table = self._table(name)
            doc = table.get(doc_id=on.toordinal())
            if doc is None:
                return False
            if expected is not NOT_GIVEN:
                _check(expected, kind.from_dict(doc), f"{what} of {_day_label(on)}")
            table.remove(doc_ids=[on.toordinal()])
        return True

    def save_visit(self, visit: Visit, *, expected: Visit | NotGiven | None = NOT_GIVEN) -> None:
        """Record a therapy visit (one per date; the same date again replaces the note).
        ``expected`` is the visit on that date as the writer read it (None: there was none)."""
        with self._writing():
            if expected is not NOT_GIVEN:
                _check(expected, self._visit(visit.date), f"The visit of {_day_label(visit.date)}")
            self._put(self._table(self.VISITS), visit.date.toordinal(), visit.to_dict())

    def delete_visit(self, on: date, *, expected: Visit | NotGiven | None = NOT_GIVEN) -> bool:
        """Remove the visit of ``on``; False when there was none. With ``expected`` (the visit as
        the person saw it), a visit changed since is kept and ``JournalConflictError`` raised."""
        with self._writing():
            table = self._table(self.VISITS)
            if not table.contains(doc_id=on.toordinal()):
                return False
            if expected is not NOT_GIVEN:
                _check(expected, self._visit(on), f"The visit of {_day_label(on)}")
            table.remove(doc_ids=[on.toordinal()])
        return True

    def add_psfs_activity(self, activity: PsfsActivity) -> PsfsActivity:
        """Add an activity to rate; returns it with its new id. Its name must be new (``name_key``)."""
        with self._writing():
            table = self._table(self.PSFS_ACTIVITIES)
            _refuse_same_name(table.all(), activity.name, "activity name", "is already an activity")
            stored = activity.__class__(**{**_fields(activity), "id": self._next_id(table)})
            table.insert(Document(stored.to_dict(), doc_id=stored.id))
        return stored

    def save_psfs_rating(self, rating: PsfsRating, *, expected: PsfsRating | NotGiven | None = NOT_GIVEN) -> None:
        """Record a rating; a second rating of the same activity on the same date replaces it.
        ``expected`` is that activity's rating on that date as the writer read it (None: not rated)."""
        self.save_psfs_ratings([(rating, expected)])

    def save_psfs_ratings(self, ratings: Sequence[tuple[PsfsRating, PsfsRating | NotGiven | None]]) -> None:
        """Record ratings given together, each with the rating it replaces as the writer read it
        (``NOT_GIVEN``: not checked): when any of them changed elsewhere, none is saved."""
        with self._writing():
            table = self._table(self.PSFS_RATINGS)
            for rating, expected in ratings:
                if not self._table(self.PSFS_ACTIVITIES).contains(doc_id=rating.activity_id):
                    raise ValidationError("activity", f"no PSFS activity with id {rating.activity_id}")
                if expected is not NOT_GIVEN:
                    same = self._rating_doc(table, rating)
                    current = PsfsRating.from_dict(same) if same is not None else None
                    _check(expected, current, f"The rating of {_day_label(rating.date)}")
            for rating, _ in ratings:
                same = self._rating_doc(table, rating)
                self._put(table, same.doc_id if same is not None else self._next_id(table), rating.to_dict())

    @staticmethod
    def _rating_doc(table: Table, rating: PsfsRating) -> Document | None:
        """The stored rating of the same activity on the same date, if any."""
        wanted = (rating.activity_id, rating.date.isoformat())
        return next((doc for doc in table.all() if (doc["activity_id"], doc["date"]) == wanted), None)

    def save_profile(self, profile: Profile, *, expected: Profile | NotGiven | None = NOT_GIVEN) -> None:
        """Store who the journal belongs to; ``expected`` is the profile as the writer read it."""
        with self._writing():
            if expected is not NOT_GIVEN:
                stored = self._table(self.PROFILE).get(doc_id=1)
                _check(expected or Profile(), Profile.from_dict(stored or {}), "Your profile")
            self._put(self._table(self.PROFILE), 1, profile.to_dict())

    def replace_all(self, data: JournalData) -> None:
        """Replace the whole journal with ``data`` in one atomic write (used by import)."""
        self._replace_all(data, lock=True)

    def transform(self, change: Callable[[JournalData], JournalData]) -> JournalData:
        """Replace the whole journal with ``change(current)``, reading and writing under one lock.

        Nothing another process saves can slip in between the read and the write (used by import).
        Returns what was stored; when ``change`` returns the journal unchanged, nothing is written.
        """
        with self._writing():
            current = self._build_snapshot()
            new = change(current)
            if new != current:
                self._write_all(new)
        return new

    def _replace_all(self, data: JournalData, *, lock: bool) -> None:
        with self._writing(lock=lock):
            self._write_all(data)

    def _write_all(self, data: JournalData) -> None:
        self._day_cache = None
        raw: dict[str, Any] = {}
        for d in data.days:
            raw.setdefault(f"{self.DAYS_PREFIX}{d.date.year}", {})[str(d.date.toordinal())] = d.to_dict()
        raw |= {
            self.EXERCISES: {str(e.id): e.to_dict() for e in data.exercises},
            self.VISITS: {str(v.date.toordinal()): v.to_dict() for v in data.visits},
            self.PSFS_ACTIVITIES: {str(a.id): a.to_dict() for a in data.psfs_activities},
            self.PSFS_RATINGS: {str(i): r.to_dict() for i, r in enumerate(data.psfs_ratings, 1)},
            self.PROFILE: {"1": data.profile.to_dict()},
            self.MEDICATIONS: {str(m.id): m.to_dict() for m in data.medications},
            self.PEG_SCORES: {str(p.date.toordinal()): p.to_dict() for p in data.peg_scores},
            self.PGIC_RATINGS: {str(p.date.toordinal()): p.to_dict() for p in data.pgic_ratings},
            self.EVENTS: {str(e.id): e.to_dict() for e in data.events},
        }
        self._db.storage.write(raw)

    def close(self) -> None:
        self._db.close()


def _refuse_same_name(docs: Sequence[Mapping[str, Any]], name: str, field: str, already: str) -> None:
    """A name that differs from a stored one only in case or spacing is the same name: refused,
    saying the stored spelling when it differs."""
    key = name_key(name)
    same = next((doc for doc in docs if name_key(doc["name"]) == key), None)
    if same is not None:
        known = "" if same["name"] == name else f" as '{same['name']}'"
        raise ValidationError(field, f"'{name}' {already}{known}")


def _fields(record: Any) -> dict[str, Any]:
    return {name: getattr(record, name) for name in record.__dataclass_fields__}


def _check(expected: object, current: object, what: str) -> None:
    """Refuse a write when the record is no longer what the writer read (``what`` names it)."""
    if current != expected:
        change = "changed" if current is not None else "deleted"
        raise JournalConflictError(f"{what} was {change} elsewhere since you opened it: nothing was saved.", current)


def _day_label(on: date) -> str:
    """'Sunday 15 March 2026', as the app shows dates."""
    return f"{on:%A} {on.day} {on:%B %Y}"


def _exercise_label(exercise: Exercise | None) -> str:
    return f"The exercise '{printable(exercise.name, single_line=True)}'" if exercise else "The exercise"


def _medication_label(medication: Medication | None) -> str:
    return f"The medication '{printable(medication.name, single_line=True)}'" if medication else "The medication"


def restore_backup(journal: Path, backup: Path, *, lock_timeout: float = LOCK_TIMEOUT) -> Path | None:
    """Put ``backup`` in place of ``journal``, keeping the current file aside (never deleted).

    Returns where the replaced file was kept, or None when there was no journal file.
    """
    raw = backup.read_bytes()
    parse_journal_bytes(raw, backup)  # refuse a backup that is itself unreadable
    with writer_lock(journal, lock_timeout):
        kept = None
        try:
            if journal.exists():
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                kept = journal.with_name(f"{journal.name}.replaced-{stamp}")
                atomic_write_bytes(kept, journal.read_bytes())
            atomic_write_bytes(journal, raw)
        except OSError as exc:
            # The journal is as it was (both writes are atomic); a copy kept aside is harmless.
            raise save_error(exc, journal) from None
    return kept


class _InMemory(Storage):
    """A TinyDB storage that keeps the data in memory only (a reviewed export is never written)."""

    def __init__(self) -> None:
        self._data: dict[str, dict[str, Any]] | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._data = data
