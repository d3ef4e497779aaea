"""Record checking: every record of a journal read strictly, and ``check_journal`` for a whole file."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from spinejournal.model import (
    CareEvent,
    Day,
    Exercise,
    Medication,
    PegScore,
    PgicRating,
    Profile,
    PsfsActivity,
    PsfsRating,
    ValidationError,
    Visit,
)
from spinejournal.store import layout
from spinejournal.store.errors import JournalError
from spinejournal.store.layout import (
    DAYS_PREFIX,
    EVENTS,
    EXERCISES,
    MEDICATIONS,
    META_TABLE,
    PEG_SCORES,
    PGIC_RATINGS,
    PROFILE,
    PSFS_ACTIVITIES,
    PSFS_RATINGS,
    TABLES,
    VISITS,
    bulk_load,
    checksum_problems,
    load,
)
from spinejournal.text import printable


class RecordCheck:
    """What ``check_records`` found: the tables holding only the valid records, and each problem."""

    # A plain class, not a dataclass: building one at import costs quick entry a millisecond.
    __slots__ = ("problems", "tables")

    def __init__(self, tables: dict[str, dict[str, Any]], problems: tuple[str, ...]) -> None:
        self.tables = tables
        self.problems = problems

    def count(self, table: str) -> int:
        """How many valid records ``table`` holds (every year's days for ``DAYS_PREFIX``)."""
        days = table == DAYS_PREFIX
        return sum(len(t) for name, t in self.tables.items() if name == table or (days and name.startswith(table)))


def _record_key(key: str, high: int = 10**9) -> int | None:
    """A table key as TinyDB writes it (a document id in decimal, no sign or leading zero), else None."""
    if key.isascii() and key.isdecimal() and len(key) <= 10 and str(int(key)) == key and 1 <= int(key) <= high:
        return int(key)
    return None


# Tables keyed by a date's ordinal (one record per date), and what a record of each is called.
_BY_DATE = {VISITS: "visit", PEG_SCORES: "PEG score", PGIC_RATINGS: "PGIC rating"}
# Records that live by one date each: the model class, and how the date is called in a message.
_DATED: dict[str, Any] = {VISITS: Visit, PEG_SCORES: PegScore, PGIC_RATINGS: PgicRating}


def _check_record(table: str, key: str, doc: Any) -> tuple[str, str | None]:
    """Where a stored record is, in words, and what is wrong with it (None when it is valid)."""
    days_year = table.removeprefix(DAYS_PREFIX) if table.startswith(DAYS_PREFIX) else None
    by_date = days_year is not None or table in _BY_DATE
    number = _record_key(key, date.max.toordinal() if by_date else 10**9)
    if by_date:
        what = "day" if days_year is not None else _BY_DATE[table]
        where = f"{what} {date.fromordinal(number)}" if number else f"table '{table}', record '{key}'"
    elif table in (EXERCISES, MEDICATIONS):
        name = doc.get("name") if isinstance(doc, dict) else None
        what = "exercise" if table == EXERCISES else "medication"
        where = f"{what} '{name}'" if isinstance(name, str) else f"{what} {key}"
    else:
        where = {
            PSFS_ACTIVITIES: "PSFS activity",
            PSFS_RATINGS: "PSFS rating",
            EVENTS: "care event",
            PROFILE: "profile",
        }[table] + ("" if table == PROFILE else f" {key}")
    if number is None or (table == PROFILE and number != 1):
        expected = "its date as a day number" if by_date else "a whole number"
        return where, f"its key must be {expected} (got '{key}')"
    try:
        if days_year is not None:
            day = Day.from_dict(doc)
            if day.date.toordinal() != number or str(day.date.year) != days_year:
                return where, f"holds the day {day.date}: each day must be stored under its own date"
        elif table in _DATED:
            record = _DATED[table].from_dict(doc)
            if record.date.toordinal() != number:
                what = _BY_DATE[table]
                return where, f"holds the {what} of {record.date}: each {what} must be stored under its own date"
        elif table == EXERCISES:
            Exercise.from_dict(doc, id=number)
        elif table == MEDICATIONS:
            Medication.from_dict(doc, id=number)
        elif table == EVENTS:
            CareEvent.from_dict(doc, id=number)
        elif table == PSFS_ACTIVITIES:
            PsfsActivity.from_dict(doc, id=number)
        elif table == PSFS_RATINGS:
            PsfsRating.from_dict(doc)
        else:
            Profile.from_dict(doc)
    except ValidationError as exc:
        return where, str(exc)
    return where, None


def _is_table(name: str) -> bool:
    if name.startswith(DAYS_PREFIX):
        year = name.removeprefix(DAYS_PREFIX)
        return year.isascii() and year.isdecimal() and len(year) <= 4 and str(int(year)) == year
    return name in TABLES


def check_records(data: Mapping[str, Any]) -> RecordCheck:
    """Every record of parsed journal ``data`` read strictly, as the model reads it, in one pass.

    Used when the file's checksums do not match (a hand edit or damage) and by ``check_journal``.
    Problems name the table, or the date of a day, and the field; the tables returned keep only the
    records that are valid, so what is readable can still be shown.
    """
    tables: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    for name, table in data.items():
        if name == META_TABLE:
            tables[name] = table  # checked by _load: the version decides how the rest is read
            continue
        shown = printable(name, single_line=True)
        if not _is_table(name):
            problems.append(f"table '{shown}': not a spinejournal table")
            continue
        if not isinstance(table, dict):
            problems.append(f"table '{shown}': must be an object of records (got {type(table).__name__})")
            continue
        kept: dict[str, Any] = {}
        for key, doc in table.items():
            where, problem = _check_record(name, key, doc)
            if problem is None:
                kept[key] = doc
            else:
                problems.append(printable(f"{where}: {problem}", single_line=True))
        tables[name] = kept
    return RecordCheck(tables=tables, problems=tuple(problems))


class JournalCheck:
    """What ``check_journal`` found in a journal file: ``damage`` refuses writes, while tables whose
    ``checksums`` do not match and whose records all check out are a hand edit the next save keeps.
    ``counts`` holds the valid records per table ("days" for every year's days); ``parsed`` is False
    when the file as a whole cannot be read (the counts are then empty)."""

    # A plain class, not a dataclass: building one at import costs quick entry a millisecond.
    __slots__ = ("checksums", "counts", "damage", "parsed")

    def __init__(
        self,
        damage: tuple[str, ...],
        checksums: tuple[str, ...] = (),
        *,
        parsed: bool = True,
        counts: dict[str, int] | None = None,
    ) -> None:
        self.damage = damage
        self.checksums = checksums
        self.parsed = parsed
        self.counts = counts or {}

    @property
    def problems(self) -> tuple[str, ...]:
        """Every problem, one line each: the checksums first, then the damage."""
        return self.checksums + self.damage

    @property
    def ok(self) -> bool:
        return not self.problems


def check_journal(path: Path) -> JournalCheck:
    """Every problem of the journal file at ``path``, read only (no lock, no backup, no write).

    Works on files ``Journal`` refuses to open: an empty file, invalid JSON (with its position), a
    newer format; then each table whose checksum does not match and each invalid record. Raises
    ``JournalError`` when the file is missing or cannot be read at all.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise JournalError(f"there is no journal at {path} yet (it is made by the first save)") from None
    except OSError as exc:
        raise JournalError(f"Cannot read the journal {path}: {exc.strerror}.") from None
    try:
        with bulk_load():
            data, found = load(raw, path)
    except JournalError as exc:
        return JournalCheck(damage=(printable(str(exc), single_line=True),), parsed=False)
    with bulk_load():
        checked = check_records(data)
    # A file of an older format (or a plain TinyDB file) has no checksums to compare.
    return JournalCheck(
        damage=checked.problems,
        checksums=tuple(checksum_problems(raw)) if found == layout.SCHEMA_VERSION else (),
        counts={
            "days": checked.count(DAYS_PREFIX),
            **{table: checked.count(table) for table in TABLES if table != PROFILE},
        },
    )
