"""The journal file: round trips, replacement, refusal to damage, backups, permissions, migration."""

from __future__ import annotations

import os
import stat
import zlib
from datetime import date, timedelta
from pathlib import Path

import orjson
import pytest

from spinejournal import locations, store
from spinejournal.model import Day, Exercise, ExerciseLog, JournalData, TherapySession, ValidationError, Visit
from spinejournal.store import (
    Journal,
    JournalBusyError,
    JournalCorruptError,
    JournalReadOnlyError,
    JournalVersionError,
    layout,
    list_backups,
    restore_backup,
    storage,
    writer_lock,
)

from .conftest import TODAY


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_saved_day_reads_back_identical_after_reopening(journal: Journal, journal_path: Path) -> None:
    day = Day(
        date=TODAY,
        pain_avg=5,
        pain_worst=7,
        sessions=(TherapySession("heat", 20, "lower_back", 6, 4),),
        notes="stiff [in] the <morning>",
    )
    result = journal.save_day(day)
    assert result.created
    assert Journal(journal_path).get_day(TODAY) == day
    assert Journal(journal_path).data().days == (day,)


def test_saving_a_date_again_replaces_the_whole_day(journal: Journal, journal_path: Path) -> None:
    journal.save_day(Day(date=TODAY, pain_avg=5, notes="first", regions=("neck",)))
    result = journal.save_day(Day(date=TODAY, pain_avg=3))
    assert not result.created
    assert Journal(journal_path).get_day(TODAY) == Day(date=TODAY, pain_avg=3)


def test_future_dates_are_refused_and_nothing_is_written(journal: Journal, journal_path: Path) -> None:
    with pytest.raises(ValidationError, match="in the future"):
        journal.save_day(Day(date=TODAY + timedelta(days=1), pain_avg=2))
    assert not journal_path.exists()


def test_days_come_back_in_date_order(journal: Journal) -> None:
    for n in (5, 1, 3):
        journal.save_day(Day(date=date(2026, 3, n), pain_avg=n))
    assert [d.date.day for d in journal.data().days] == [1, 3, 5]


def test_files_and_folders_are_private_to_the_owner(journal: Journal, journal_path: Path) -> None:
    journal.save_day(Day(date=TODAY - timedelta(days=1), pain_avg=4))
    journal.save_day(Day(date=TODAY, pain_avg=4))  # second write makes the day's backup
    assert mode(journal_path) == 0o600
    assert mode(journal_path.parent) == 0o700
    backups = list_backups(journal_path)
    assert backups and all(mode(b) == 0o600 for b in backups)
    assert mode(backups[0].parent) == 0o700
    assert mode(locations.lock_path(journal_path)) == 0o600


def test_private_even_under_a_permissive_umask(journal_path: Path) -> None:
    old = os.umask(0)
    try:
        Journal(journal_path).save_day(Day(date=TODAY, pain_avg=1))
    finally:
        os.umask(old)
    assert mode(journal_path) == 0o600


def test_a_corrupt_journal_is_refused_and_never_overwritten(journal: Journal, journal_path: Path) -> None:
    journal.save_day(Day(date=TODAY - timedelta(days=1), pain_avg=4))
    journal.save_day(Day(date=TODAY, pain_avg=4))
    journal_path.write_bytes(b'{"days": {"1": {"date": "2026-03-')  # torn by some other tool
    broken = journal_path.read_bytes()

    with pytest.raises(JournalCorruptError) as err:
        Journal(journal_path)
    message = str(err.value)
    assert "not valid JSON" in message and "left untouched" in message
    assert "restore latest" in message and "\n" not in message

    # A journal opened before the damage must not write over it either.
    with pytest.raises(JournalCorruptError):
        journal.save_day(Day(date=TODAY, pain_avg=9))
    assert journal_path.read_bytes() == broken


def test_restore_brings_back_the_backup_and_keeps_the_broken_file(journal: Journal, journal_path: Path) -> None:
    journal.save_day(Day(date=TODAY - timedelta(days=1), pain_avg=4))
    journal.save_day(Day(date=TODAY, pain_avg=6))
    journal_path.write_bytes(b"garbage")

    kept = restore_backup(journal_path, list_backups(journal_path)[0])

    assert kept is not None and kept.read_bytes() == b"garbage"
    # The backup was taken before the day's second save: it holds yesterday only.
    assert [d.pain_avg for d in Journal(journal_path).data().days] == [4]


def test_a_file_that_is_json_but_not_a_journal_is_refused(journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    journal_path.write_text("[1, 2, 3]")
    with pytest.raises(JournalCorruptError, match="not a spinejournal file"):
        Journal(journal_path)
    assert journal_path.read_text() == "[1, 2, 3]"


def test_a_day_that_breaks_the_rules_in_the_file_is_reported_not_stored(journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    journal_path.write_bytes(orjson.dumps({"days-2026": {"739676": {"date": "2026-03-01", "pain_avg": 42}}}))
    journal = Journal(journal_path)
    # Reading leaves the damaged day out and says why; any save is refused, naming the day.
    assert journal.data().days == ()
    assert any("day 2026-03-01: average pain" in note for note in journal.notices())
    with pytest.raises(JournalCorruptError, match="day 2026-03-01: average pain"):
        journal.save_day(Day(date=TODAY, pain_avg=2))


def test_a_journal_from_a_newer_version_is_refused_untouched(journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    raw = orjson.dumps({"_meta": {"1": {"schema_version": store.SCHEMA_VERSION + 1}}, "days": {}})
    journal_path.write_bytes(raw)
    with pytest.raises(JournalVersionError, match="newer spinejournal"):
        Journal(journal_path)
    assert journal_path.read_bytes() == raw


def test_an_older_journal_is_migrated_after_a_backup(monkeypatch: pytest.MonkeyPatch, journal_path: Path) -> None:
    # Pretend a version 3 renamed 'notes' to 'memo'... and back: the migration mechanism is what is
    # under test, with a real transformation of the data (the real 1 -> 2 step runs first).
    old = {
        "_meta": {"1": {"schema_version": 1}},
        "days-2026": {"739676": {"date": "2026-03-01", "pain_avg": 4, "memo": "hi"}},
    }
    journal_path.parent.mkdir(parents=True)
    journal_path.write_bytes(orjson.dumps(old))

    def v2_to_v3(data: dict) -> dict:
        for doc in data.get("days-2026", {}).values():
            doc["notes"] = doc.pop("memo", "")
        return data

    monkeypatch.setattr(layout, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(layout, "MIGRATIONS", {**layout.MIGRATIONS, 2: v2_to_v3})

    journal = Journal(journal_path)
    assert journal.data().days[0].notes == "hi"
    assert [b.name for b in list_backups(journal_path)] == [f"journal-pre-v3-{TODAY}.json"]
    assert orjson.loads(list_backups(journal_path)[0].read_bytes()) == old

    journal.save_day(Day(date=TODAY, pain_avg=2))
    saved = orjson.loads(journal_path.read_bytes())
    assert saved["_meta"]["1"]["schema_version"] == 3
    assert saved["days-2026"]["739676"]["notes"] == "hi"
    assert saved["medications"] == {}


def test_backups_rotate_keeping_the_newest_seven(monkeypatch: pytest.MonkeyPatch, journal_path: Path) -> None:
    start = date(2026, 3, 1)
    for n in range(10):
        on = start + timedelta(days=n)
        monkeypatch.setenv("SPINEJOURNAL_TODAY", on.isoformat())
        journal = Journal(journal_path)
        journal.save_day(Day(date=on, pain_avg=n % 11))
        journal.save_day(Day(date=on, pain_avg=(n + 1) % 11))
    names = sorted(b.name for b in list_backups(journal_path))
    assert names == [f"journal-{start + timedelta(days=n)}.json" for n in range(3, 10)]
    # The newest backup is the journal as it was before the last day's first save: 9 days.
    backup = orjson.loads((journal_path.parent / "backups" / "journal-2026-03-10.json").read_bytes())
    assert len(backup["days-2026"]) == 9


def test_two_open_journals_never_lose_each_others_saves(journal_path: Path) -> None:
    first, second = Journal(journal_path), Journal(journal_path)
    first.save_day(Day(date=date(2026, 3, 1), pain_avg=1))
    second.save_day(Day(date=date(2026, 3, 2), pain_avg=2))
    first.add_exercise(Exercise(name="Tilt", start=date(2026, 3, 1)))
    second.add_exercise(Exercise(name="Bridge", start=date(2026, 3, 1)))
    first.save_day(Day(date=date(2026, 3, 3), pain_avg=3))
    final = Journal(journal_path).data()
    assert [d.pain_avg for d in final.days] == [1, 2, 3]
    assert [(e.id, e.name) for e in final.exercises] == [(1, "Tilt"), (2, "Bridge")]
    assert [d.pain_avg for d in second.data().days] == [1, 2, 3]


def test_a_failed_write_keeps_the_last_confirmed_state(
    monkeypatch: pytest.MonkeyPatch, journal: Journal, journal_path: Path
) -> None:
    journal.save_day(Day(date=TODAY, pain_avg=3))
    before = journal_path.read_bytes()

    def disk_full(path: Path, data: bytes, mode: int = 0o600) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage, "atomic_write_bytes", disk_full)
    with pytest.raises(store.JournalError, match="disk is full: nothing was changed"):
        journal.save_day(Day(date=TODAY, pain_avg=9))
    monkeypatch.undo()

    assert journal_path.read_bytes() == before
    assert journal.get_day(TODAY).pain_avg == 3  # type: ignore[union-attr]


def test_a_writer_that_cannot_get_the_lock_fails_clearly(journal_path: Path) -> None:
    journal = Journal(journal_path, lock_timeout=0.2)
    journal.save_day(Day(date=TODAY, pain_avg=3))
    before = journal_path.read_bytes()
    with writer_lock(journal_path), pytest.raises(JournalBusyError, match="try again"):
        journal.save_day(Day(date=TODAY, pain_avg=8))
    assert journal_path.read_bytes() == before


def test_read_only_journals_refuse_every_change(journal: Journal, journal_path: Path) -> None:
    journal.save_day(Day(date=TODAY, pain_avg=3))
    before = journal_path.read_bytes()
    reader = Journal(journal_path, read_only=True)
    with pytest.raises(JournalReadOnlyError):
        reader.save_day(Day(date=TODAY, pain_avg=1))
    with pytest.raises(JournalReadOnlyError):
        reader.save_visit(Visit(date=TODAY))
    assert journal_path.read_bytes() == before


def test_in_memory_review_journal_is_read_only() -> None:
    data = JournalData(days=(Day(date=TODAY, pain_avg=2),))
    review = Journal.from_data(data)
    assert review.data().days == data.days
    with pytest.raises(JournalReadOnlyError):
        review.save_day(Day(date=TODAY, pain_avg=5))


def test_temp_files_left_by_a_killed_writer_are_cleaned_up(journal: Journal, journal_path: Path) -> None:
    journal.save_day(Day(date=TODAY, pain_avg=3))
    leftover = journal_path.with_name(f".{journal_path.name}.tmp-99999-deadbeef")
    leftover.write_bytes(b"half a journ")
    journal.save_day(Day(date=TODAY, pain_avg=4))
    assert not leftover.exists()


def test_update_day_reads_and_writes_under_one_lock(journal: Journal) -> None:
    journal.save_day(Day(date=TODAY, pain_avg=3, sessions=(TherapySession("heat", 15),)))
    journal.update_day(TODAY, lambda d: d.with_changes(sessions=d.sessions + (TherapySession("ice", 10),)))
    assert [s.kind for s in journal.get_day(TODAY).sessions] == ["heat", "ice"]  # type: ignore[union-attr]


def test_retiring_an_exercise_keeps_its_history(journal: Journal) -> None:
    ex = journal.add_exercise(Exercise(name="Tilt", start=date(2026, 3, 1)))
    journal.save_day(Day(date=date(2026, 3, 2), pain_avg=3, exercises=(ExerciseLog(ex.id, "done"),)))
    retired = journal.retire_exercise(ex.id, date(2026, 3, 10))
    data = journal.data()
    assert retired.end == date(2026, 3, 10)
    assert data.exercises[0].active_on(date(2026, 3, 9)) and not data.exercises[0].active_on(date(2026, 3, 10))
    assert data.days[0].log_for(ex.id) == ExerciseLog(ex.id, "done")


def test_adding_a_current_exercise_twice_is_refused(journal: Journal) -> None:
    journal.add_exercise(Exercise(name="Tilt", start=date(2026, 3, 1)))
    with pytest.raises(ValidationError, match="already in the plan"):
        journal.add_exercise(Exercise(name="tilt", start=date(2026, 3, 2)))


def test_days_are_kept_in_one_table_per_year(journal: Journal, journal_path: Path) -> None:
    journal.save_day(Day(date=date(2025, 12, 31), pain_avg=1))
    journal.save_day(Day(date=date(2026, 1, 1), pain_avg=2))
    raw = orjson.loads(journal_path.read_bytes())
    assert raw["days-2025"] == {str(date(2025, 12, 31).toordinal()): {"date": "2025-12-31", "pain_avg": 1}}
    assert list(raw["days-2026"]) == [str(date(2026, 1, 1).toordinal())]
    assert [d.pain_avg for d in journal.days_between(date(2025, 12, 1), date(2026, 1, 31))] == [1, 2]


def _members(raw: bytes) -> dict[str, bytes]:
    """Each table's line in the journal file, by table name (the layout the store writes)."""
    lines = raw.split(b"\n")[1:]
    return {line[1 : line.index(b'":')].decode(): line for line in lines}


def test_reused_table_bytes_are_exactly_a_fresh_dump_of_the_current_journal(
    journal: Journal, journal_path: Path
) -> None:
    # Tables unchanged since the last save reuse their bytes; the result must still be the whole,
    # current journal, byte for byte, with a checksum that matches every table.
    for n in range(1, 6):
        journal.save_day(Day(date=date(2026, 3, n), pain_avg=n))
        journal.save_day(Day(date=date(2025, 3, n), pain_avg=n))
        journal.add_exercise(Exercise(name=f"Ex {n}", start=date(2026, 3, 1)))
    journal.delete_day(date(2026, 3, 2))
    raw = journal_path.read_bytes()
    parsed = orjson.loads(raw)
    checksums = parsed.pop("_checksums")
    assert raw == store.JournalStorage(journal_path.with_name("other.json"))._serialise(parsed)
    assert checksums == {name: zlib.crc32(orjson.dumps(table)) for name, table in parsed.items()}
    fresh = Journal(journal_path).data()
    assert [d.date.isoformat() for d in fresh.days] == [
        *(f"2025-03-0{n}" for n in range(1, 6)),
        *(f"2026-03-0{n}" for n in (1, 3, 4, 5)),
    ]
    assert len(fresh.exercises) == 5


def _three_years(journal: Journal) -> None:
    for year in (2024, 2025, 2026):
        for n in range(1, 4):
            journal.save_day(Day(date=date(year, 3, n), pain_avg=n, notes=f"line one\nline two {year}"))


def test_a_quick_entry_reads_only_this_years_days_and_keeps_other_years_byte_for_byte(journal_path: Path) -> None:
    _three_years(Journal(journal_path))
    before = _members(journal_path.read_bytes())

    quick = Journal(journal_path)
    quick.update_day(TODAY, lambda day: Day(date=TODAY, pain_avg=7))

    assert set(quick._storage._data.parsed()) <= {"_meta", "days-2026"}
    after = _members(journal_path.read_bytes())
    assert after["days-2024"] == before["days-2024"] and after["days-2025"] == before["days-2025"]
    assert [(d.date.isoformat(), d.pain_avg) for d in Journal(journal_path).data().days][-2:] == [
        ("2026-03-03", 3),
        ("2026-03-15", 7),
    ]


def test_a_table_edited_by_hand_is_read_from_the_whole_file(journal_path: Path) -> None:
    _three_years(Journal(journal_path))
    raw = journal_path.read_bytes()
    edited = raw.replace(b'"date":"2024-03-02","pain_avg":2', b'"date":"2024-03-02","pain_avg":9')
    assert edited != raw  # the checksum of days-2024 no longer matches
    journal_path.write_bytes(edited)

    journal = Journal(journal_path)
    assert journal.get_day(date(2024, 3, 2)).pain_avg == 9
    journal.save_day(Day(date=TODAY, pain_avg=1))
    # The save wrote fresh checksums: the next open takes the edit from the table itself.
    assert Journal(journal_path).data().day(date(2024, 3, 2)).pain_avg == 9
    assert layout.split_tables(journal_path.read_bytes()) is not None


def test_a_damaged_table_that_a_quick_entry_does_not_need_still_stops_it(journal_path: Path) -> None:
    _three_years(Journal(journal_path))
    raw = journal_path.read_bytes()
    damaged = raw.replace(b'"date":"2024-03-02"', b'"date":"2024-03-02')  # torn quote in an old year
    journal_path.write_bytes(damaged)

    with pytest.raises(JournalCorruptError, match="not valid JSON"):
        Journal(journal_path).update_day(TODAY, lambda day: Day(date=TODAY, pain_avg=7))
    assert journal_path.read_bytes() == damaged


def test_a_journal_written_as_one_json_line_by_an_earlier_version_opens_and_is_rewritten(journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    old = {
        "_meta": {"1": {"schema_version": store.SCHEMA_VERSION}},
        "days-2025": {str(date(2025, 5, 1).toordinal()): {"date": "2025-05-01", "pain_avg": 5}},
    }
    journal_path.write_bytes(orjson.dumps(old))

    journal = Journal(journal_path)
    journal.save_day(Day(date=TODAY, pain_avg=2))

    assert [d.pain_avg for d in Journal(journal_path).data().days] == [5, 2]
    assert set(_members(journal_path.read_bytes())) == {"_meta", "days-2025", "days-2026"}


def test_each_save_is_one_write_of_the_file(monkeypatch: pytest.MonkeyPatch, journal: Journal) -> None:
    writes: list[Path] = []
    real = storage.atomic_write_bytes

    def counting(path: Path, data: bytes, mode: int = 0o600) -> None:
        writes.append(path)
        real(path, data, mode)

    monkeypatch.setattr(storage, "atomic_write_bytes", counting)
    journal.save_day(Day(date=TODAY, pain_avg=3))  # a new day
    journal.save_day(Day(date=TODAY, pain_avg=4))  # the same day again
    journal.add_exercise(Exercise(name="Tilt", start=TODAY))
    assert len(writes) == 3


def test_transform_works_on_the_journal_as_it_is_when_the_lock_is_held(journal_path: Path) -> None:
    mine, other = Journal(journal_path), Journal(journal_path)
    mine.save_day(Day(date=date(2026, 3, 1), pain_avg=1))
    other.save_day(Day(date=date(2026, 3, 2), pain_avg=2))  # saved after `mine` last read the file
    seen: list[int] = []

    def add_visit(current: JournalData) -> JournalData:
        seen.append(len(current.days))
        return JournalData(days=current.days, visits=(Visit(date=date(2026, 3, 2)),))

    mine.transform(add_visit)
    assert seen == [2]
    final = Journal(journal_path).data()
    assert [d.pain_avg for d in final.days] == [1, 2] and len(final.visits) == 1


def test_transform_that_changes_nothing_writes_nothing(journal: Journal, journal_path: Path) -> None:
    journal.save_day(Day(date=TODAY, pain_avg=3))
    before = journal_path.stat().st_mtime_ns, journal_path.stat().st_ino
    journal.transform(lambda current: current)
    assert (journal_path.stat().st_mtime_ns, journal_path.stat().st_ino) == before


def test_the_cached_journal_always_matches_a_fresh_read(journal_path: Path) -> None:
    mine, other = Journal(journal_path), Journal(journal_path)
    steps = [
        lambda: mine.save_day(Day(date=date(2026, 3, 1), pain_avg=1)),
        lambda: mine.data(),
        lambda: mine.save_day(Day(date=date(2026, 3, 2), pain_avg=2)),
        lambda: other.save_day(Day(date=date(2026, 3, 3), pain_avg=3)),
        lambda: mine.save_day(Day(date=date(2026, 3, 1), pain_avg=4, notes="changed")),
        lambda: mine.delete_day(date(2026, 3, 2)),
        lambda: other.delete_day(date(2026, 3, 1)),
        lambda: mine.update_day(date(2026, 3, 3), lambda d: d.with_changes(pain_avg=5)),
    ]
    for step in steps:
        step()
        assert mine.data() == Journal(journal_path).data()
    assert [(d.date.day, d.pain_avg) for d in mine.data().days] == [(3, 5)]
