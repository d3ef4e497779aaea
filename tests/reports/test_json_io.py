"""The JSON export and import: lossless, versioned, and careful with a journal that already has data.

Golden file: tests/reports/golden/demo.json (regenerate with SPINEJOURNAL_UPDATE_GOLDEN=1).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spinejournal.model import (
    Day,
    Exercise,
    ExerciseLog,
    JournalData,
    Mobility,
    Profile,
    PsfsActivity,
    PsfsRating,
    TherapySession,
    Visit,
)
from spinejournal.reports.json_io import (
    EXPORT_VERSION,
    Conflict,
    ExportFileError,
    export_json,
    is_empty,
    load_json,
    merge,
)
from spinejournal.store import Journal

from .helpers import ANSI, NEWLINES, SCRIPT, assert_golden, demo, hostile


def test_demo_export_matches_golden_file() -> None:
    assert_golden("demo.json", export_json(demo()))


def test_export_import_into_an_empty_journal_export_gives_identical_bytes(tmp_path: Path) -> None:
    first = export_json(demo())
    journal = Journal(tmp_path / "fresh.json")
    journal.replace_all(load_json(first))
    again = export_json(Journal(tmp_path / "fresh.json").data())
    assert again == first


def test_hostile_text_survives_the_round_trip_exactly_and_stays_inert_in_the_file(tmp_path: Path) -> None:
    data = hostile()
    raw = export_json(data)
    # JSON escapes control characters: no raw ESC or CR byte can reach a terminal that cats the file.
    assert b"\x1b" not in raw and b"\r" not in raw
    assert "\\u001b[31mred" in raw.decode()
    loaded = load_json(raw)
    assert loaded == data
    assert ANSI in loaded.days[0].notes and SCRIPT in loaded.days[0].notes and NEWLINES in loaded.days[0].notes
    journal = Journal(tmp_path / "j.json")
    journal.replace_all(loaded)
    assert export_json(Journal(tmp_path / "j.json").data()) == raw


def test_the_file_says_what_it_is_and_which_version() -> None:
    document = json.loads(export_json(demo()))
    assert (document["format"], document["version"]) == ("spinejournal-export", EXPORT_VERSION)
    assert len(document["days"]) == 120 and document["days"][0]["date"] == "2025-11-16"
    assert [e["name"] for e in document["exercises"]] == ["Pelvic tilt", "Knee to chest", "Bird dog", "Walking"]


def test_a_partial_export_says_so_and_keeps_plan_and_visits_whole() -> None:
    document = json.loads(export_json(demo(), date(2026, 3, 1), date(2026, 3, 15)))
    assert (document["days_from"], document["days_to"]) == ("2026-03-01", "2026-03-15")
    assert [d["date"] for d in document["days"]] == [f"2026-03-{n:02d}" for n in range(1, 16)]
    assert len(document["visits"]) == 9 and len(document["exercises"]) == 4
    # Ratings follow the days: the only visit in range is 2026-03-08, with 3 activities rated.
    assert {r["date"] for r in document["psfs_ratings"]} == {"2026-03-08"}


# -- refusing what cannot be imported --------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"not json", "is not valid JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[]", "is not a spinejournal export"),
        (b'{"format": "spinejournal-export", "version": 99}', "newer spinejournal"),
        (b'{"format": "spinejournal-export"}', "no valid export version"),
        (b'{"_meta": {"1": {"schema_version": 1}}, "days": {}}', "looks like a journal file itself"),
        (b'{"format": "spinejournal-export", "version": 1, "days": {}}', "'days' must be a list"),
        (
            b'{"format": "spinejournal-export", "version": 1, "days": [{"date": "2026-01-02", "pain_avg": 11}]}',
            "days[0]: average pain: must be from 0 to 10",
        ),
        (
            b'{"format": "spinejournal-export", "version": 1, "days": [{"date": "2026-01-02", "pain_avg": 1,'
            b' "mobility": "far"}]}',
            "days[0]: mobility: must be an object (got text)",
        ),
        (
            b'{"format": "spinejournal-export", "version": 1, "days": [{"date": "2026-01-02", "pain_avg": 1},'
            b' {"date": "2026-01-02", "pain_avg": 2}]}',
            "day 2026-01-02 appears twice",
        ),
        (
            b'{"format": "spinejournal-export", "version": 1, "days": [{"date": "2026-01-02", "pain_avg": 1,'
            b' "exercises": [{"exercise_id": 4, "status": "done"}]}]}',
            "logs exercise id 4, not in the plan",
        ),
    ],
)
def test_unreadable_files_are_refused_with_one_clear_line(raw: bytes, message: str) -> None:
    with pytest.raises(ExportFileError) as error:
        load_json(raw, "export.json")
    assert message in str(error.value)
    assert "\n" not in str(error.value)


# -- merging into a journal with data ----------------------------------------------------------------

START = date(2026, 3, 1)


def _journal(days: list[Day], exercises: tuple[Exercise, ...] = (), **more: object) -> JournalData:
    return JournalData(days=tuple(days), exercises=exercises, **more)  # type: ignore[arg-type]


def test_new_dates_are_added_and_identical_dates_are_not_conflicts() -> None:
    mine = _journal([Day(START, 4), Day(START + timedelta(1), 5)])
    theirs = _journal([Day(START + timedelta(1), 5), Day(START + timedelta(2), 6)])
    result = merge(mine, theirs, "keep")
    assert result.conflicts == ()
    assert [(d.date.day, d.pain_avg) for d in result.data.days] == [(1, 4), (2, 5), (3, 6)]
    assert result.added["days"] == 1


def test_a_date_logged_differently_is_a_conflict_resolved_as_asked() -> None:
    mine = _journal([Day(START, 4, notes="mine")])
    theirs = _journal([Day(START, 7, notes="theirs"), Day(START + timedelta(1), 2)])
    kept = merge(mine, theirs, "keep")
    assert kept.conflicts == (Conflict("day", "2026-03-01"),)
    assert [(d.pain_avg, d.notes) for d in kept.data.days] == [(4, "mine"), (2, "")]
    replaced = merge(mine, theirs, "replace")
    assert replaced.conflicts == kept.conflicts
    assert [(d.pain_avg, d.notes) for d in replaced.data.days] == [(7, "theirs"), (2, "")]


def test_exercises_are_matched_by_name_and_start_and_logs_follow_the_new_ids() -> None:
    tilt = Exercise(name="Pelvic tilt", start=START, id=1)
    mine = _journal([Day(START, 4, exercises=(ExerciseLog(1, "done"),))], (tilt,))
    # In the file, id 1 is another exercise and the same tilt is id 2.
    theirs = _journal(
        [Day(START + timedelta(1), 3, exercises=(ExerciseLog(1, "skipped", "pain"), ExerciseLog(2, "done")))],
        (Exercise(name="Bird dog", start=START, id=1), Exercise(name="pelvic tilt", start=START, id=2)),
    )
    result = merge(mine, theirs, "keep")
    assert [(e.id, e.name) for e in result.data.exercises] == [(1, "Pelvic tilt"), (2, "Bird dog")]
    new_day = result.data.days[1]
    assert [(log.exercise_id, log.status) for log in new_day.exercises] == [(2, "skipped"), (1, "done")]
    # The names differ only in case, which counts as the same exercise but a changed definition.
    assert result.conflicts == (Conflict("exercise", "pelvic tilt (from 2026-03-01)"),)


def test_psfs_ratings_visits_and_name_merge_too() -> None:
    mine = JournalData(
        psfs_activities=(PsfsActivity(name="Put on socks", id=1),),
        psfs_ratings=(PsfsRating(1, START, 3),),
        visits=(Visit(START, "first"),),
        profile=Profile("Sam"),
    )
    theirs = JournalData(
        psfs_activities=(PsfsActivity(name="Walk to the shops", id=1), PsfsActivity(name="Put on socks", id=2)),
        psfs_ratings=(PsfsRating(2, START, 5), PsfsRating(1, START, 4)),
        visits=(Visit(START, "first"), Visit(START + timedelta(14), "second")),
        profile=Profile("Samantha"),
    )
    result = merge(mine, theirs, "keep")
    assert set(result.conflicts) == {
        Conflict("PSFS rating", "Put on socks on 2026-03-01"),
        Conflict("patient name", ""),
    }
    assert [(a.id, a.name) for a in result.data.psfs_activities] == [(1, "Put on socks"), (2, "Walk to the shops")]
    assert [(r.activity_id, r.score) for r in result.data.psfs_ratings] == [(1, 3), (2, 4)]
    assert [v.note for v in result.data.visits] == ["first", "second"]
    assert result.data.profile.patient_name == "Sam"
    assert merge(mine, theirs, "replace").data.profile.patient_name == "Samantha"


def test_importing_the_same_export_twice_changes_nothing() -> None:
    data = demo()
    result = merge(data, load_json(export_json(data)), "keep")
    assert not result.changed
    assert result.data == data


def test_is_empty_sees_any_record() -> None:
    assert is_empty(JournalData())
    assert not is_empty(JournalData(profile=Profile("Sam")))
    assert not is_empty(_journal([Day(START, 1)]))


# -- property: any valid journal survives the round trip ----------------------------------------------

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
_pain = st.integers(0, 10)


@st.composite
def journals(draw: st.DrawFn) -> JournalData:
    exercises = tuple(
        Exercise(name=f"Exercise {i}", start=START, reps=draw(st.none() | st.integers(1, 200)), id=i)
        for i in range(1, draw(st.integers(0, 3)) + 1)
    )
    dates = draw(st.sets(st.integers(0, 40), max_size=8))
    days = []
    for offset in sorted(dates):
        avg = draw(_pain)
        logs = tuple(
            ExerciseLog(e.id, status, "pain" if status != "done" else None)
            for e in exercises
            if (status := draw(st.sampled_from(["done", "partial", "skipped", "none"]))) != "none"
        )
        days.append(
            Day(
                date=START + timedelta(days=offset),
                pain_avg=avg,
                pain_worst=draw(st.none() | st.integers(avg, 10)),
                sessions=tuple(
                    TherapySession(draw(st.sampled_from(["heat", "ice"])), draw(st.integers(1, 240)))
                    for _ in range(draw(st.integers(0, 2)))
                ),
                exercises=logs,
                mobility=Mobility(fingertip_floor_cm=draw(st.none() | st.integers(-50, 100))),
                notes=draw(_text),
                questions=draw(_text),
            )
        )
    return JournalData(days=tuple(days), exercises=exercises, profile=Profile(draw(_text)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(journals())
def test_any_journal_round_trips_exactly(data: JournalData) -> None:
    raw = export_json(data)
    assert load_json(raw) == data
    assert export_json(load_json(raw)) == raw
