"""The JSON export and import: lossless, versioned, and careful with a journal that already has data.

Golden file: tests/reports/golden/demo.json (regenerate with SPINEJOURNAL_UPDATE_GOLDEN=1).
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spinejournal.model import (
    CareEvent,
    Day,
    Exercise,
    ExerciseLog,
    JournalData,
    Medication,
    MedicationTaken,
    Mobility,
    PegScore,
    PgicRating,
    Profile,
    PsfsActivity,
    PsfsRating,
    TherapySession,
    Visit,
)
from spinejournal.reports.json_io import (
    EXPORT_VERSION,
    MAX_EVENTS,
    MAX_MEDICATIONS,
    MAX_PEG_SCORES,
    MAX_PGIC_RATINGS,
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
    medications = tuple(
        Medication(name=f"Medication {i}", start=START, as_needed=draw(st.booleans()), id=i)
        for i in range(1, draw(st.integers(0, 2)) + 1)
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
                medications=tuple(
                    MedicationTaken(m.id, draw(st.none() | st.integers(1, 50)))
                    for m in medications
                    if draw(st.booleans())
                ),
                sleep_hours=draw(st.none() | st.integers(0, 48).map(lambda halves: halves / 2)),
                mood=draw(st.none() | _pain),
                notes=draw(_text),
                questions=draw(_text),
            )
        )
    return JournalData(days=tuple(days), exercises=exercises, profile=Profile(draw(_text)), medications=medications)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(journals())
def test_any_journal_round_trips_exactly(data: JournalData) -> None:
    raw = export_json(data)
    assert load_json(raw) == data
    assert export_json(load_json(raw)) == raw


# -- day model v2: medications, sleep, mood, PEG-3, PGIC, care events -------------------------------

IBUPROFEN = Medication(name="Ibuprofen", start=START, dose="400 mg", as_needed=True, end=START + timedelta(5), id=1)
IBUPROFEN_LOWER = Medication(name="Ibuprofen", start=START + timedelta(5), dose="200 mg", as_needed=True, id=2)
NIGHTLY = Medication(name="Amitriptyline", start=START, dose="10 mg at night", per_day=1, id=3)


def every_field() -> JournalData:
    """A journal with every kind of record and every day field set at least once."""
    return JournalData(
        days=(
            Day(
                START,
                5,
                pain_now=4,
                pain_worst=7,
                pain_least=3,
                pain_limb=2,
                regions=("lower_back",),
                sessions=(TherapySession("tens", 30, "lower_back", 5, 3), TherapySession("massage", 10)),
                exercises=(ExerciseLog(1, "partial", "pain", sets=1, reps=5),),
                mobility=Mobility(walk=15, sit=20, stand=10, stiffness=30, fingertip_floor_cm=-5),
                medications=(MedicationTaken(1, 3), MedicationTaken(3)),
                sleep_hours=6.5,
                sleep_quality=4,
                mood=6,
                notes="=cmd " + NEWLINES,
                questions="Can I swim?",
                red_flags=("night_pain",),
            ),
            Day(START + timedelta(6), 3, medications=(MedicationTaken(2, 1),), sleep_hours=8.0, mood=0),
        ),
        exercises=(Exercise(name="Pelvic tilt", start=START, sets=2, reps=10, id=1),),
        visits=(Visit(START, "first"),),
        psfs_activities=(PsfsActivity(name="Put on socks", created=START, id=1),),
        psfs_ratings=(PsfsRating(1, START, 4),),
        profile=Profile("Sam"),
        medications=(IBUPROFEN, IBUPROFEN_LOWER, NIGHTLY),
        peg_scores=(PegScore(START, 6, 7, 5), PegScore(START + timedelta(7), 4, 4, 3)),
        pgic_ratings=(PgicRating(START + timedelta(7), 3),),
        events=(
            CareEvent(START - timedelta(30), "diagnosis", "=HYPERLINK() sciatica", id=1),
            CareEvent(START - timedelta(30), "imaging", "MRI: L4-L5 disc bulge", id=2),
            CareEvent(START + timedelta(3), "injection", "Epidural", id=3),
        ),
    )


@pytest.mark.parametrize("build", [demo, every_field], ids=["demo", "every-field"])
def test_v2_round_trip_through_an_empty_journal_is_byte_exact(build: object, tmp_path: Path) -> None:
    data = build()  # type: ignore[operator]
    first = export_json(data)
    loaded = load_json(first)
    assert loaded == data
    journal = Journal(tmp_path / "fresh.json")
    journal.replace_all(loaded)
    assert export_json(Journal(tmp_path / "fresh.json").data()) == first


def test_a_v2_export_lists_the_new_records_with_their_ids() -> None:
    document = json.loads(export_json(every_field()))
    assert document["version"] == EXPORT_VERSION
    assert [(m["id"], m["name"], m["dose"]) for m in document["medications"]] == [
        (1, "Ibuprofen", "400 mg"),
        (2, "Ibuprofen", "200 mg"),
        (3, "Amitriptyline", "10 mg at night"),
    ]
    # Events by date, then id: the two on the same day keep the order they were added in.
    assert [(e["id"], e["kind"]) for e in document["events"]] == [(1, "diagnosis"), (2, "imaging"), (3, "injection")]
    assert document["days"][0]["medications"] == [{"medication_id": 1, "doses": 3}, {"medication_id": 3}]
    assert (document["days"][0]["sleep_hours"], document["days"][1]["sleep_hours"]) == (6.5, 8.0)
    assert document["peg_scores"][0] == {"date": "2026-03-01", "pain": 6, "enjoyment": 7, "activity": 5}
    assert document["pgic_ratings"] == [{"date": "2026-03-08", "rating": 3}]


def test_a_partial_export_keeps_the_medication_list_and_events_whole_and_limits_the_ratings() -> None:
    document = json.loads(export_json(every_field(), START + timedelta(1), START + timedelta(6)))
    assert len(document["medications"]) == 3 and len(document["events"]) == 3
    assert document["peg_scores"] == [] and document["pgic_ratings"] == []
    assert [d["date"] for d in document["days"]] == ["2026-03-07"]


def test_a_version_1_export_of_the_previous_release_imports_into_an_empty_journal(tmp_path: Path) -> None:
    raw = (Path(__file__).parent.parent / "data" / "journal-v1-export.json").read_bytes()
    assert json.loads(raw)["version"] == 1
    journal = Journal(tmp_path / "j.json")
    journal.replace_all(load_json(raw, "journal-v1-export.json"))
    data = Journal(tmp_path / "j.json").data()
    assert data.profile.patient_name == "Ana Pérez"
    assert [
        (e.id, e.name, e.start, e.times_per_week, e.sets, e.reps, e.hold_seconds, e.end) for e in data.exercises
    ] == [
        (1, "Pelvic tilt", date(2026, 10, 1), 7, 2, 10, None, None),
        (2, "Bird dog", date(2026, 10, 1), 5, 3, 8, None, date(2026, 12, 2)),
        (3, "Prone press-up", date(2026, 10, 1), 7, None, 10, 2, None),
    ]
    assert data.exercises[0].instructions == "Lie on your back, knees bent"
    assert [(v.date, v.note) for v in data.visits] == [
        (date(2026, 10, 1), "Intake: L5 radiculopathy, McKenzie extension"),
        (date(2026, 10, 20), "Progressing"),
    ]
    assert [(a.id, a.name, a.version, a.created) for a in data.psfs_activities] == [
        (1, "Sit through a film", "1.0", date(2026, 12, 2))
    ]
    assert [(r.activity_id, r.date, r.score) for r in data.psfs_ratings] == [
        (1, date(2026, 10, 1), 3),
        (1, date(2026, 10, 20), 6),
    ]
    first, full, two_sessions, flagged, last = data.days
    assert (first.date, first.pain_avg, first.regions, first.notes) == (
        date(2025, 12, 30),
        7,
        ("neck",),
        "Before care began",
    )
    assert [(r.limb, r.extent) for r in first.radiating] == [("right_arm", "forearm")]
    assert (full.pain_avg, full.pain_now, full.pain_worst, full.pain_least, full.pain_limb) == (6, 5, 8, 4, 5)
    assert full.regions == ("lower_back", "buttock_sacrum")
    assert [(r.limb, r.extent) for r in full.radiating] == [("left_leg", "calf")]
    assert full.sessions == (TherapySession("heat", 20, None, 6, 4),)
    assert full.exercises == (ExerciseLog(1, "done"), ExerciseLog(2, "skipped", "pain"))
    assert full.mobility == Mobility(walk=10, sit=15, stand=10, stiffness=45)
    assert (full.notes, full.questions) == ("Hard day [bold]x[/] <script>", "Can I drive?")
    assert two_sessions.sessions == (TherapySession("heat", 25), TherapySession("ice", 15, None, 5, 4))
    assert two_sessions.exercises == (ExerciseLog(3, "done"), ExerciseLog(2, "partial", "no_time"))
    assert two_sessions.mobility == Mobility(walk=15)
    assert (flagged.pain_worst, flagged.pain_limb, flagged.red_flags) == (7, 3, ("night_pain",))
    assert [(r.limb, r.extent) for r in flagged.radiating] == [("left_leg", "thigh")]
    assert (last.date, last.pain_avg, last.pain_least, last.mobility) == (
        date(2026, 10, 20),
        3,
        2,
        Mobility(walk=30, sit=40),
    )
    assert [log.exercise_id for log in last.exercises] == [1, 2, 3]
    # Version 1 knew nothing of what version 2 added: none of it is invented.
    assert (data.medications, data.peg_scores, data.pgic_ratings, data.events) == ((), (), (), ())
    assert all(d.medications == () and d.sleep_hours is None and d.sleep_quality is None for d in data.days)
    assert all(d.mood is None for d in data.days)


def _v2(**lists: object) -> bytes:
    return json.dumps({"format": "spinejournal-export", "version": 2, **lists}).encode()


_MED = {"id": 1, "name": "Ibuprofen", "start": "2026-03-01"}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (_v2(medications=[{}] * (MAX_MEDICATIONS + 1)), "'medications' holds 501 records, more than the 500 allowed"),
        (_v2(peg_scores=[{}] * (MAX_PEG_SCORES + 1)), "'peg_scores' holds 36526 records, more than the 36525"),
        (_v2(pgic_ratings=[{}] * (MAX_PGIC_RATINGS + 1)), "'pgic_ratings' holds 36526 records, more than the 36525"),
        (_v2(events=[{}] * (MAX_EVENTS + 1)), "'events' holds 5201 records, more than the 5200 allowed"),
        (
            _v2(
                medications=[_MED],
                days=[{"date": "2026-03-02", "pain_avg": 3, "medications": [{}, {}]}],
            ),
            "days[0] holds 2 medications taken, more than the 1 on the medication list",
        ),
        (
            _v2(
                medications=[_MED],
                days=[{"date": "2026-03-02", "pain_avg": 3, "medications": [{"medication_id": 1, "doses": 51}]}],
            ),
            "days[0]: doses: must be from 1 to 50 (got 51)",
        ),
        (
            _v2(
                medications=[_MED],
                days=[
                    {
                        "date": "2026-03-02",
                        "pain_avg": 3,
                        "medications": [{"medication_id": 1, "doses": 12345678901234567890}],
                    }
                ],
            ),
            "days[0]: doses: must be from 1 to 50 (got 12345678901234567890)",
        ),
        (
            _v2(
                medications=[_MED],
                days=[{"date": "2026-03-02", "pain_avg": 3, "medications": [{"medication_id": 7}]}],
            ),
            "day 2026-03-02 logs medication id 7, not on the medication list",
        ),
        (
            _v2(
                medications=[_MED, {**_MED, "id": 2, "start": "2026-03-05"}],
                days=[
                    {"date": "2026-03-06", "pain_avg": 3, "medications": [{"medication_id": 2}, {"medication_id": 2}]}
                ],
            ),
            "days[0]: medication: each medication can be logged once a day",
        ),
        (_v2(medications=[_MED, {**_MED, "name": "Other"}]), "medication id 1 appears twice"),
        (_v2(medications=[{**_MED, "id": 0}]), "every medication id must be 1 or more (got 0)"),
        (
            _v2(peg_scores=[{"date": "2026-03-01", "pain": 1, "enjoyment": 1, "activity": 1}] * 2),
            "PEG-3 score date 2026-03-01 appears twice",
        ),
        (_v2(pgic_ratings=[{"date": "2026-03-01", "rating": 8}]), "pgic_ratings[0]: PGIC: must be from 1 to 7 (got 8)"),
        (
            _v2(events=[{"id": 1, "date": "2026-03-01", "kind": "party", "text": "x"}]),
            "events[0]: event kind: must be one of surgery, injection, imaging, diagnosis, other",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_v2_files_over_a_limit_or_with_impossible_values_are_refused_in_one_line(raw: bytes, message: str) -> None:
    with pytest.raises(ExportFileError) as error:
        load_json(raw, "export.json")
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_a_dose_count_over_twenty_digits_is_refused_before_it_is_read() -> None:
    raw = _v2(days=[{"date": "2026-03-02", "pain_avg": 3, "medications": [{"medication_id": 1, "doses": 10**21}]}])
    with pytest.raises(ExportFileError, match="holds a number longer than 20 digits"):
        load_json(raw)


def test_peg_and_pgic_ratings_after_today_are_refused() -> None:
    raw = _v2(pgic_ratings=[{"date": "2026-03-16", "rating": 2}])
    with pytest.raises(ExportFileError, match="PGIC rating 2026-03-16 is in the future"):
        load_json(raw, latest=date(2026, 3, 15))


def test_medications_merge_by_name_and_start_and_the_days_follow_the_new_ids() -> None:
    mine = JournalData(medications=(replace(NIGHTLY, id=1),), days=(Day(START, 4, medications=(MedicationTaken(1),)),))
    # In the file, id 1 is ibuprofen and the same nightly medication is id 3.
    theirs = JournalData(
        medications=(IBUPROFEN, NIGHTLY),
        days=(Day(START + timedelta(1), 5, medications=(MedicationTaken(1, 2), MedicationTaken(3))),),
    )
    result = merge(mine, theirs, "keep")
    assert [(m.id, m.name) for m in result.data.medications] == [(1, "Amitriptyline"), (2, "Ibuprofen")]
    assert result.data.days[1].medications == (MedicationTaken(2, 2), MedicationTaken(1))
    assert (result.added["medications"], result.conflicts) == (1, ())


def test_a_medication_recorded_differently_is_a_conflict_resolved_as_asked() -> None:
    mine = JournalData(medications=(replace(NIGHTLY, id=1),))
    theirs = JournalData(medications=(replace(NIGHTLY, dose="25 mg at night"),))
    kept = merge(mine, theirs, "keep")
    assert kept.conflicts == (Conflict("medication", "Amitriptyline (from 2026-03-01)"),)
    assert kept.data.medications[0].dose == "10 mg at night"
    replaced = merge(mine, theirs, "replace")
    assert [(m.id, m.dose) for m in replaced.data.medications] == [(1, "25 mg at night")]


def test_peg_pgic_merge_by_date_and_care_events_by_date_kind_and_text() -> None:
    mri = CareEvent(START, "imaging", "MRI", id=1)
    mine = JournalData(peg_scores=(PegScore(START, 6, 6, 6),), pgic_ratings=(PgicRating(START, 4),), events=(mri,))
    theirs = JournalData(
        peg_scores=(PegScore(START, 5, 6, 6), PegScore(START + timedelta(7), 4, 4, 4)),
        pgic_ratings=(PgicRating(START, 4), PgicRating(START + timedelta(7), 3)),
        # Id 1 in the file is a new event; the MRI is there too under another id.
        events=(CareEvent(START + timedelta(2), "injection", "Epidural", id=1), replace(mri, id=2)),
    )
    kept = merge(mine, theirs, "keep")
    assert kept.conflicts == (Conflict("PEG-3 score", "2026-03-01"),)
    assert [p.pain for p in kept.data.peg_scores] == [6, 4]
    assert [p.rating for p in kept.data.pgic_ratings] == [4, 3]
    assert [(e.id, e.kind) for e in kept.data.events] == [(1, "imaging"), (2, "injection")]
    assert {k: n for k, n in kept.added.items() if n} == {"PEG-3 scores": 1, "PGIC ratings": 1, "care events": 1}
    assert [p.pain for p in merge(mine, theirs, "replace").data.peg_scores] == [5, 4]
    again = merge(kept.data, theirs, "keep")
    assert not any(again.added.values()) and again.data.events == kept.data.events


def test_is_empty_sees_the_new_records_too() -> None:
    assert not is_empty(JournalData(medications=(NIGHTLY,)))
    assert not is_empty(JournalData(peg_scores=(PegScore(START, 1, 1, 1),)))
    assert not is_empty(JournalData(pgic_ratings=(PgicRating(START, 4),)))
    assert not is_empty(JournalData(events=(CareEvent(START, "other", "x", id=1),)))
