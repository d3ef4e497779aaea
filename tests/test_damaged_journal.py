"""Damaged journals (issue 12): refused for writing by name, read as far as they can be, and checked.

Every case runs the real command line in-process, as a person would type it.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from spinejournal.model import (
    Day,
    Exercise,
    ExerciseLog,
    Mobility,
    Profile,
    PsfsActivity,
    PsfsRating,
    Radiating,
    TherapySession,
    ValidationError,
    Visit,
)
from spinejournal.store import Journal, JournalCorruptError, list_backups
from tests.conftest import TODAY
from tests.helpers import run

YESTERDAY = TODAY - timedelta(days=1)


def _key(on: date) -> str:
    return str(on.toordinal())


def _two_days(capsys: pytest.CaptureFixture[str]) -> None:
    """Yesterday (average 4, least 2) and today (average 6, least 3), logged from the shell."""
    assert run(capsys, "log", "--date", YESTERDAY.isoformat(), "--pain", "4", "--least", "2")[0] == 0
    assert run(capsys, "log", "--pain", "6", "--least", "3")[0] == 0


def _flip_yesterday(journal_path: Path) -> bytes:
    """One bit of yesterday's record flipped in the file: 'pain_least' becomes '0ain_least'."""
    raw = journal_path.read_bytes()
    start = raw.index(b'"date":"' + YESTERDAY.isoformat().encode())
    at = raw.index(b'"pain_least"', start)
    damaged = raw[: at + 1] + bytes([raw[at + 1] ^ 0x40]) + raw[at + 2 :]
    assert b'"0ain_least"' in damaged
    journal_path.write_bytes(damaged)
    return damaged


def _one_error_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("spinejournal: error: "), err
    assert "Traceback" not in err
    return err


# -- empty and blank files -------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"  \n\t \n"], ids=["empty", "blank"])
def test_an_empty_or_blank_journal_is_refused_untouched_and_its_backups_are_kept(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], journal_path: Path, content: bytes
) -> None:
    # Eight days of saves leave seven daily backups, as many as are kept.
    for n in range(8):
        monkeypatch.setenv("SPINEJOURNAL_TODAY", (date(2026, 3, 1) + timedelta(days=n)).isoformat())
        assert run(capsys, "log", "--pain", str(n % 10))[0] == 0
    backups = {b.name: b.read_bytes() for b in list_backups(journal_path)}
    assert len(backups) == 7
    journal_path.write_bytes(content)

    monkeypatch.setenv("SPINEJOURNAL_TODAY", "2026-03-09")  # a new day: its save would take a backup
    for args in (["log", "--pain", "3"], ["show"], ["trends"]):
        code, out, err = run(capsys, *args)
        assert code == 1 and out == ""
        message = _one_error_line(err)
        assert f"Cannot read the journal {journal_path}: the file is empty" in message
        assert "restore latest" in message

    assert journal_path.read_bytes() == content
    assert {b.name: b.read_bytes() for b in list_backups(journal_path)} == backups


def test_a_journal_that_does_not_exist_yet_is_still_a_new_one(
    capsys: pytest.CaptureFixture[str], journal_path: Path
) -> None:
    assert not journal_path.exists()
    code, out, err = run(capsys, "log", "--pain", "3")
    assert (code, out, err) == (0, f"Logged {TODAY}: average pain 3/10.\n", "")


# -- a one-bit flip --------------------------------------------------------------------------------


def test_a_one_bit_flip_is_refused_for_writing_by_date_and_field(
    capsys: pytest.CaptureFixture[str], journal_path: Path
) -> None:
    _two_days(capsys)
    damaged = _flip_yesterday(journal_path)

    code, out, err = run(capsys, "log", "--pain", "5", "--walk", "20")
    assert code == 1 and out == ""
    message = _one_error_line(err)
    assert f"The journal {journal_path} is damaged: day {YESTERDAY}: least pain: unknown field '0ain_least'" in message
    assert "spinejournal --journal" in message and "check" in message and "restore latest" in message
    assert journal_path.read_bytes() == damaged

    # Nor can any other write go through, from the shell or through the store; each says why first
    # (deleting the damaged day does not answer that nothing is logged on it).
    for args in (
        ["plan", "add", "Bird dog"],
        ["visit", "add"],
        ["profile", "--name", "Sam"],
        ["psfs", "add", "Sit"],
        ["delete", "--date", YESTERDAY.isoformat(), "--yes"],
        ["log", "--did", "Not in the plan"],
    ):
        code, _, err = run(capsys, *args)
        assert code == 1 and f"is damaged: day {YESTERDAY}: least pain" in _one_error_line(err)
    journal = Journal(journal_path)
    assert journal.damage == (f"day {YESTERDAY}: least pain: unknown field '0ain_least'",)
    with pytest.raises(JournalCorruptError, match="least pain"):
        journal.save_day(Day(date=TODAY, pain_avg=1))
    assert journal_path.read_bytes() == damaged


def test_check_lists_the_flip_and_the_table_whose_checksum_no_longer_matches(
    capsys: pytest.CaptureFixture[str], journal_path: Path
) -> None:
    _two_days(capsys)
    damaged = _flip_yesterday(journal_path)

    code, out, err = run(capsys, "check")
    assert code == 1
    assert out.splitlines() == [
        "table 'days-2026': its checksum does not match (it was changed outside spinejournal)",
        f"day {YESTERDAY}: least pain: unknown field '0ain_least'",
    ]
    message = _one_error_line(err)
    assert "journal.json: 2 problems found, nothing was changed (readable: 1 day, 0 exercises" in message
    assert journal_path.read_bytes() == damaged


def test_reading_commands_leave_the_damaged_day_out_and_say_so_once(
    capsys: pytest.CaptureFixture[str], journal_path: Path
) -> None:
    _two_days(capsys)
    damaged = _flip_yesterday(journal_path)

    code, out, err = run(capsys, "show", "--days", "3")
    assert code == 0
    assert f"{TODAY}" in out and f"{YESTERDAY}" not in out and "1 of 3 days logged." in out
    assert err.count("\n") == 1 and err.startswith("Note: journal.json is damaged")
    assert f"day {YESTERDAY}: least pain: unknown field '0ain_least'" in err

    code, out, err = run(capsys, "export", "--format", "csv", "-o", "-")
    assert code == 0
    rows = out.splitlines()
    assert len(rows) == 2 and rows[1].startswith(TODAY.isoformat())  # the header and today
    assert err.count("\n") == 1 and err.startswith("Note: journal.json is damaged")

    code, out, err = run(capsys, "trends", "--range", "4w")
    assert code == 0 and "What changed" in out
    assert err.count("\n") == 1 and err.startswith("Note: journal.json is damaged")
    assert journal_path.read_bytes() == damaged


# -- wrong shapes ----------------------------------------------------------------------------------

DAY = {"date": YESTERDAY.isoformat(), "pain_avg": 4}
META = {"1": {"schema_version": 1}}


def _file(**tables: Any) -> dict[str, Any]:
    return {"_meta": META, f"days-{TODAY.year}": {_key(TODAY): {"date": TODAY.isoformat(), "pain_avg": 6}}} | tables


def _days(**records: Any) -> dict[str, Any]:
    return {f"days-{TODAY.year}": {_key(TODAY): {"date": TODAY.isoformat(), "pain_avg": 6}, **records}}


WRONG_SHAPES: dict[str, tuple[dict[str, Any], str]] = {
    "a day that is a list": (_file(**_days(**{_key(YESTERDAY): [4, 5]})), f"day {YESTERDAY}: day: must be an object"),
    "sessions as text": (
        _file(**_days(**{_key(YESTERDAY): DAY | {"sessions": "heat"}})),
        f"day {YESTERDAY}: treatment sessions: must be a list (got text)",
    ),
    "a session that is text": (
        _file(**_days(**{_key(YESTERDAY): DAY | {"sessions": ["heat"]}})),
        f"day {YESTERDAY}: treatment session: must be an object (got text)",
    ),
    "a session with no minutes": (
        _file(**_days(**{_key(YESTERDAY): DAY | {"sessions": [{"kind": "ice"}]}})),
        f"day {YESTERDAY}: treatment minutes: is missing",
    ),
    "mobility as a list": (
        _file(**_days(**{_key(YESTERDAY): DAY | {"mobility": [20]}})),
        f"day {YESTERDAY}: mobility: must be an object (got a list)",
    ),
    "a region that is an object": (
        _file(**_days(**{_key(YESTERDAY): DAY | {"regions": [{"x": 1}]}})),
        f"day {YESTERDAY}: region: must be one of",
    ),
    "a red flag that is a list": (
        _file(**_days(**{_key(YESTERDAY): DAY | {"red_flags": [["saddle"]]}})),
        f"day {YESTERDAY}: red flag: must be one of",
    ),
    "regions as text": (
        _file(**_days(**{_key(YESTERDAY): DAY | {"regions": "neck"}})),
        f"day {YESTERDAY}: regions: must be a list (got text)",
    ),
    "radiating pain that is a number": (
        _file(**_days(**{_key(YESTERDAY): DAY | {"radiating": [3]}})),
        f"day {YESTERDAY}: radiating pain: must be an object (got a number)",
    ),
    "an exercise log with no status": (
        _file(**_days(**{_key(YESTERDAY): DAY | {"exercises": [{"exercise_id": 1}]}})),
        f"day {YESTERDAY}: exercise status: is missing",
    ),
    "average pain as text": (
        _file(**_days(**{_key(YESTERDAY): DAY | {"pain_avg": "4"}})),
        f"day {YESTERDAY}: average pain: must be a whole number from 0 to 10 (got '4')",
    ),
    "a note that is a number": (
        _file(**_days(**{_key(YESTERDAY): DAY | {"notes": 7}})),
        f"day {YESTERDAY}: notes: must be text (got int)",
    ),
    "a day with no average": (
        _file(**_days(**{_key(YESTERDAY): {"date": YESTERDAY.isoformat()}})),
        f"day {YESTERDAY}: average pain: is needed, a whole number from 0 to 10 (only a day that records a red flag",
    ),
    "a day under another day's key": (
        _file(**_days(**{_key(YESTERDAY): DAY | {"date": "2026-03-01"}})),
        f"day {YESTERDAY}: holds the day 2026-03-01: each day must be stored under its own date",
    ),
    "a key that is not a number": (
        _file(**_days(**{"yesterday": DAY})),
        "table 'days-2026', record 'yesterday': its key must be its date as a day number (got 'yesterday')",
    ),
    "a key of 5,000 digits": (
        _file(**_days(**{"9" * 5000: DAY})),
        "table 'days-2026', record '9999",
    ),
    "a days table that is a list": (
        _file(**{"days-2025": [DAY]}),
        "table 'days-2025': must be an object of records (got list)",
    ),
    "an exercise with no name": (
        _file(exercises={"1": {"start": "2026-03-01"}}),
        "exercise 1: exercise name: is missing",
    ),
    "an exercise with a mistyped field": (
        _file(exercises={"1": {"name": "Bird dog", "start": "2026-03-01", "stes": 3}}),
        "exercise 'Bird dog': sets: unknown field 'stes'",
    ),
    "an exercises table that is text": (_file(exercises="Bird dog"), "table 'exercises': must be an object"),
    "a visit with a number for a date": (
        _file(visits={_key(YESTERDAY): {"date": 5}}),
        f"visit {YESTERDAY}: visit date: must be a date YYYY-MM-DD (got 5)",
    ),
    "a PSFS rating with a text score": (
        _file(psfs_ratings={"1": {"activity_id": 1, "date": "2026-03-01", "score": "high"}}),
        "PSFS rating 1: PSFS rating: must be a whole number from 0 to 10",
    ),
    "a PSFS activity that is null": (_file(psfs_activities={"1": None}), "PSFS activity 1: PSFS activity: must be"),
    "a profile under the wrong key": (_file(profile={"2": {"patient_name": "Sam"}}), "profile: its key must be"),
    "a profile with a number for a name": (_file(profile={"1": {"patient_name": 3}}), "profile: patient name"),
    "an unknown table": (_file(notes={}), "table 'notes': not a spinejournal table"),
    "a _meta row that is not an object": (
        _file(_meta={"1": [1]}),
        "its table '_meta' (the file format version) is damaged",
    ),
    "a _meta table that is a number": (_file(_meta=1), "its table '_meta' (the file format version) is damaged"),
    "a schema version that is text": (
        _file(_meta={"1": {"schema_version": "1"}}),
        "its table '_meta' (the file format version) is damaged",
    ),
}


@pytest.mark.parametrize(("document", "problem"), WRONG_SHAPES.values(), ids=WRONG_SHAPES.keys())
def test_a_wrong_shape_is_one_line_never_a_traceback_and_the_file_is_unchanged(
    capsys: pytest.CaptureFixture[str], journal_path: Path, document: dict[str, Any], problem: str
) -> None:
    journal_path.parent.mkdir(parents=True)
    raw = orjson.dumps(document)
    journal_path.write_bytes(raw)

    code, out, err = run(capsys, "log", "--pain", "5", "--date", TODAY.isoformat())
    assert code == 1 and out == ""
    assert problem in _one_error_line(err)

    code, out, err = run(capsys, "check")
    assert code == 1 and problem in out
    _one_error_line(err)

    # Reading shows what it can (or refuses in one line when the format version itself is damaged).
    code, out, err = run(capsys, "show")
    assert "Traceback" not in err
    if code == 0:
        assert TODAY.isoformat() in out and problem in err and err.startswith("Note: ")
    else:
        assert problem in _one_error_line(err)
    assert journal_path.read_bytes() == raw
    assert list_backups(journal_path) == []


@pytest.mark.parametrize(
    ("record", "data", "message"),
    [
        (Day, [], "day: must be an object (got a list)"),
        (Day, {"date": "2026-03-01", "pain_avg": 3, "pain_lest": 1}, "least pain: unknown field 'pain_lest'"),
        (Day, {"date": "2026-03-01", "pain_avg": 3, "feeling": "ok"}, "day: unknown field 'feeling'"),
        (Day, {"date": "2026-03-01", "pain_avg": 3, "mood": "ok"}, "mood: must be a whole number from 0 to 10"),
        (Day, {"pain_avg": 3}, "date: is missing"),
        (TherapySession, {"kind": "heat", "minutes": 20.5}, "heat minutes: must be a whole number"),
        (Radiating, {"limb": ["left_leg"], "extent": "calf"}, "radiating limb: must be one of"),
        (ExerciseLog, {"exercise_id": "1", "status": "done"}, "exercise id: must be a whole number"),
        (Mobility, {"walk": True}, "walking tolerance: must be a whole number"),
        (Visit, {"date": "2026-03-01", "note": None}, "visit note: must be text"),
        (PsfsRating, {"activity_id": 1, "date": "2026-03-01"}, "PSFS rating: is missing"),
        (Profile, "Sam", "profile: must be an object (got text)"),
    ],
)
def test_reading_a_record_refuses_what_does_not_fit_by_field(record: Any, data: Any, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        record.from_dict(data)
    assert message in str(error.value)


def test_a_stored_record_still_reads_back_as_it_was_written() -> None:
    exercise = Exercise(name="Bird dog", start=date(2026, 3, 1), sets=2, reps=8, end=date(2026, 3, 10), id=3)
    assert Exercise.from_dict(exercise.to_dict(), id=3) == exercise
    activity = PsfsActivity(name="Sit through a film", version="2.0", created=date(2026, 3, 2), id=4)
    assert PsfsActivity.from_dict(activity.to_dict(), id=4) == activity


# -- a hand edit that checks out ---------------------------------------------------------------------


def test_a_valid_hand_edit_is_kept_and_said_so_exactly_once(
    capsys: pytest.CaptureFixture[str], journal_path: Path
) -> None:
    _two_days(capsys)
    raw = journal_path.read_bytes()
    edited = raw.replace(b'"pain_avg":4,"pain_least":2', b'"pain_avg":5,"pain_least":2')
    assert edited != raw
    journal_path.write_bytes(edited)

    code, _, err = run(capsys, "check")
    assert code == 1 and "every record checks out" in err
    # Reading says nothing: the change is only taken in by the next save.
    code, out, err = run(capsys, "show", "--days", "2")
    assert code == 0 and err == "" and f"{YESTERDAY}    5" in out

    code, out, err = run(capsys, "log", "--walk", "30")
    assert (code, out) == (0, f"Updated {TODAY}: average pain 6/10.\n")
    assert (
        err == "Note: journal.json was changed outside spinejournal; every record checks out, so the change was kept.\n"
    )

    code, out, err = run(capsys, "log", "--walk", "35")
    assert (code, err) == (0, "")
    assert Journal(journal_path).get_day(YESTERDAY) == Day(date=YESTERDAY, pain_avg=5, pain_least=2)
    assert run(capsys, "check")[:2] == (
        0,
        "journal.json is OK: 2 days, 0 exercises, 0 visits, 0 PSFS activities, 0 PSFS ratings.\n",
    )


def test_a_file_from_before_checksums_is_taken_in_without_a_note(
    capsys: pytest.CaptureFixture[str], journal_path: Path
) -> None:
    journal_path.parent.mkdir(parents=True)
    journal_path.write_bytes(orjson.dumps(_file()))  # one line, no checksums: as an earlier version wrote it
    assert run(capsys, "check") == (
        0,
        "journal.json is OK: 1 day, 0 exercises, 0 visits, 0 PSFS activities, 0 PSFS ratings.\n",
        "",
    )
    assert run(capsys, "log", "--walk", "30") == (0, f"Updated {TODAY}: average pain 6/10.\n", "")


# -- check, restore ----------------------------------------------------------------------------------


def test_check_on_a_sound_journal_counts_what_it_holds_and_exits_0(
    capsys: pytest.CaptureFixture[str], journal_path: Path
) -> None:
    _two_days(capsys)
    assert run(capsys, "plan", "add", "Bird dog", "--start", "2026-03-01")[0] == 0
    assert run(capsys, "visit", "add", "--date", "2026-03-10")[0] == 0
    before = journal_path.read_bytes()

    code, out, err = run(capsys, "check")
    assert (code, err) == (0, "")
    assert out == "journal.json is OK: 2 days, 1 exercise, 1 visit, 0 PSFS activities, 0 PSFS ratings.\n"
    assert journal_path.read_bytes() == before


def test_check_reports_invalid_json_with_its_position_and_exits_1(
    capsys: pytest.CaptureFixture[str], journal_path: Path
) -> None:
    journal_path.parent.mkdir(parents=True)
    journal_path.write_bytes(b'{"days-2026": {"739676": {"date": "2026-03-01",\n "pain_avg": 4,,}}}')
    code, out, err = run(capsys, "check")
    assert code == 1
    assert out.count("\n") == 1 and "it is not valid JSON" in out and "line 2 column" in out
    assert "1 problem found" in _one_error_line(err) and "readable" not in err


def test_check_without_a_journal_says_there_is_none(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    code, out, err = run(capsys, "check")
    assert (code, out) == (1, "")
    assert "there is no journal at" in _one_error_line(err)
    assert not journal_path.exists()


def test_restore_given_an_export_says_how_to_import_it_and_restores_nothing(
    capsys: pytest.CaptureFixture[str], journal_path: Path, tmp_path: Path
) -> None:
    _two_days(capsys)
    export = tmp_path / "export.json"
    assert run(capsys, "export", "--format", "json", "-o", str(export))[0] == 0
    assert run(capsys, "log", "--pain", "9")[0] == 0
    before = journal_path.read_bytes()

    code, out, err = run(capsys, "restore", str(export))
    assert (code, out) == (1, "")
    message = _one_error_line(err)
    assert f"{export} is a spinejournal export, not a journal file" in message
    assert f"spinejournal import {export}" in message
    assert journal_path.read_bytes() == before
    assert not list(journal_path.parent.glob("journal.json.replaced-*"))


# -- the app -----------------------------------------------------------------------------------------


async def test_the_app_opens_on_a_damaged_journal_shows_what_it_can_and_refuses_saves(
    capsys: pytest.CaptureFixture[str], journal_path: Path
) -> None:
    from spinejournal.tui.app import SpineJournalApp

    _two_days(capsys)
    damaged = _flip_yesterday(journal_path)
    app = SpineJournalApp(Journal(journal_path))
    messages: list[str] = []
    app.notify = lambda message, **_: messages.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert [d.date for d in app.data().days] == [TODAY]
        assert app.screen.save() is False  # Today's form, opened on today's readable day
        await pilot.pause()
    assert sum(m.startswith("journal.json is damaged") for m in messages) == 1
    assert any(f"is damaged: day {YESTERDAY}: least pain: unknown field '0ain_least'" in m for m in messages)
    assert journal_path.read_bytes() == damaged
