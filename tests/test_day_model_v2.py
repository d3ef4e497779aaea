"""Day model v2: medications, sleep, mood, TENS and massage, PEG-3, PGIC and care events, in the model
and the store, and the migration of a journal written by version 1 (tests/data/journal-v1.json, made
by the release before this one with its own commands)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import orjson
import pytest

from spinejournal.model import (
    CareEvent,
    Day,
    Medication,
    MedicationTaken,
    PegScore,
    PgicRating,
    TherapySession,
    ValidationError,
    find_medication,
)
from spinejournal.reports.json_io import load_json
from spinejournal.store import SCHEMA_VERSION, Journal, JournalConflictError, check_journal, list_backups

from .conftest import TODAY

DATA = Path(__file__).parent / "data"
V1_TODAY = "2026-12-02"  # the day the version-1 file was written


# -- the model --------------------------------------------------------------------------------


def test_a_day_with_only_pain_is_still_a_valid_day_and_stores_no_new_fields() -> None:
    assert Day(date=TODAY, pain_avg=3).to_dict() == {"date": TODAY.isoformat(), "pain_avg": 3}


@pytest.mark.parametrize(("hours", "stored"), [(0, 0.0), (7, 7.0), (6.5, 6.5), (24, 24.0)])
def test_sleep_hours_take_whole_and_half_hours_from_0_to_24(hours: float, stored: float) -> None:
    day = Day(date=TODAY, pain_avg=3, sleep_hours=hours)
    assert day.sleep_hours == stored
    assert Day.from_dict(day.to_dict()) == day


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        (6.25, "hours slept: must be whole or half hours, such as 6.5 (got 6.25)"),
        (24.5, "hours slept: must be from 0 to 24 hours (got 24.5)"),
        (-1, "hours slept: must be from 0 to 24 hours (got -1)"),
        ("7", "hours slept: must be a number of hours from 0 to 24 (got '7')"),
        (True, "hours slept: must be a number of hours from 0 to 24 (got True)"),
    ],
)
def test_impossible_sleep_hours_are_refused_by_name(hours: object, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        Day(date=TODAY, pain_avg=3, sleep_hours=hours)  # type: ignore[arg-type]
    assert str(error.value) == message


@pytest.mark.parametrize(("field", "label"), [("sleep_quality", "sleep quality"), ("mood", "mood")])
def test_sleep_quality_and_mood_are_0_to_10(field: str, label: str) -> None:
    assert getattr(Day(date=TODAY, pain_avg=3, **{field: 10}), field) == 10
    with pytest.raises(ValidationError, match=f"^{label}: must be from 0 to 10 \\(got 11\\)$"):
        Day(date=TODAY, pain_avg=3, **{field: 11})


def test_medications_taken_are_one_entry_per_medication_with_a_dose_count() -> None:
    day = Day(date=TODAY, pain_avg=3, medications=(MedicationTaken(1, doses=2), MedicationTaken(2)))
    assert [t.dose_count for t in day.medications] == [2, 1]
    assert day.to_dict()["medications"] == [{"medication_id": 1, "doses": 2}, {"medication_id": 2}]
    assert Day.from_dict(day.to_dict()) == day
    with pytest.raises(ValidationError, match="each medication can be logged once a day"):
        Day(date=TODAY, pain_avg=3, medications=(MedicationTaken(1), MedicationTaken(1, doses=3)))
    with pytest.raises(ValidationError, match="doses: must be from 1 to 50"):
        MedicationTaken(1, doses=0)


def test_tens_and_massage_are_treatments_with_relief_and_no_heat_ice_warning() -> None:
    tens = TherapySession("tens", 40, pain_before=6, pain_after=3)
    massage = TherapySession("massage", 10, pain_before=5, pain_after=5)
    assert (tens.relief, massage.relief) == (3, 0)
    day = Day(date=TODAY, pain_avg=5, sessions=(tens, massage, TherapySession("heat", 25)))
    assert len(day.warnings()) == 1 and day.warnings()[0].startswith("Heat for 25 minutes")
    with pytest.raises(ValidationError, match=r"^TENS minutes: must be from 1 to 240 minutes"):
        TherapySession("tens", 0)
    with pytest.raises(ValidationError, match=r"^treatment kind: must be one of heat, ice, tens, massage"):
        TherapySession("acupuncture", 10)


def test_peg_score_is_the_mean_of_its_three_items() -> None:
    # (6 + 4 + 5) / 3 = 5.0; (7 + 8 + 6) / 3 = 7.0; (1 + 0 + 0) / 3 = 0.333...
    assert PegScore(TODAY, pain=6, enjoyment=4, activity=5).score == 5.0
    assert PegScore(TODAY, pain=7, enjoyment=8, activity=6).score == 7.0
    assert PegScore(TODAY, pain=1, enjoyment=0, activity=0).score == pytest.approx(1 / 3)
    with pytest.raises(ValidationError, match=r"^PEG enjoyment of life: must be from 0 to 10"):
        PegScore(TODAY, pain=6, enjoyment=11, activity=5)


@pytest.mark.parametrize(
    ("rating", "label"),
    [(1, "Very much improved"), (2, "Much improved"), (3, "Minimally improved"), (4, "No change"),
     (5, "Minimally worse"), (6, "Much worse"), (7, "Very much worse")],
)  # fmt: skip
def test_pgic_wording_of_each_point(rating: int, label: str) -> None:
    assert PgicRating(TODAY, rating).label == label


@pytest.mark.parametrize("rating", [0, 8])
def test_pgic_outside_1_to_7_is_refused(rating: int) -> None:
    with pytest.raises(ValidationError, match=f"^PGIC: must be from 1 to 7 \\(got {rating}\\)$"):
        PgicRating(TODAY, rating)


def test_a_medication_is_as_needed_or_n_times_a_day_never_both() -> None:
    ibuprofen = Medication("Ibuprofen", TODAY, dose=" 400 mg ", as_needed=True)
    assert (ibuprofen.dose, ibuprofen.prescription) == ("400 mg", "400 mg, as needed")
    assert Medication("Gabapentin", TODAY, dose="300 mg", per_day=3).prescription == "300 mg, 3 times a day"
    assert Medication("Vitamin D", TODAY, per_day=1).schedule == "once a day"
    assert Medication("Cream", TODAY).prescription == ""
    with pytest.raises(ValidationError, match="an as-needed medication has no fixed times a day"):
        Medication("Ibuprofen", TODAY, as_needed=True, per_day=2)
    with pytest.raises(ValidationError, match="stop date: cannot be before the start date"):
        Medication("Ibuprofen", TODAY, end=date(2026, 3, 1))


def test_a_care_event_has_a_kind_and_one_line_of_text() -> None:
    event = CareEvent(date(2026, 1, 20), "surgery", "  Lumbar fusion L4-L5 ")
    assert event.text == "Lumbar fusion L4-L5"
    assert CareEvent.from_dict(event.to_dict()) == event
    with pytest.raises(ValidationError, match=r"^event kind: must be one of surgery, injection, imaging"):
        CareEvent(TODAY, "massage", "x")
    with pytest.raises(ValidationError, match=r"^event text: must not be empty"):
        CareEvent(TODAY, "other", "  ")


# -- the store --------------------------------------------------------------------------------


def test_the_new_records_survive_reopening(journal: Journal, journal_path: Path) -> None:
    ibuprofen = journal.add_medication(Medication("Ibuprofen", date(2026, 3, 1), dose="400 mg", as_needed=True))
    journal.save_day(Day(date=TODAY, pain_avg=4, medications=(MedicationTaken(ibuprofen.id, 2),), sleep_hours=6.5,
                         sleep_quality=4, mood=6))  # fmt: skip
    journal.save_peg(PegScore(TODAY, 6, 5, 4))
    journal.save_pgic(PgicRating(TODAY, 3))
    journal.add_event(CareEvent(date(2026, 1, 20), "surgery", "Lumbar fusion L4-L5"))
    again = Journal(journal_path).data()
    assert again.medications == (ibuprofen,)
    assert again.days[0].medications == (MedicationTaken(ibuprofen.id, 2),)
    assert (again.days[0].sleep_hours, again.days[0].sleep_quality, again.days[0].mood) == (6.5, 4, 6)
    assert again.peg_scores == (PegScore(TODAY, 6, 5, 4),)
    assert again.pgic_ratings == (PgicRating(TODAY, 3),)
    assert [(e.kind, e.text, e.id) for e in again.events] == [("surgery", "Lumbar fusion L4-L5", 1)]
    assert check_journal(journal_path).ok


def test_a_medication_name_on_the_list_is_refused_again_whatever_its_case_or_spacing(journal: Journal) -> None:
    journal.add_medication(Medication("Ibuprofen", TODAY))
    with pytest.raises(ValidationError, match="'ibuprofen' is already on your list as 'Ibuprofen'"):
        journal.add_medication(Medication("ibuprofen ", TODAY))


def test_a_stopped_medication_frees_its_name(journal: Journal) -> None:
    first = journal.add_medication(Medication("Ibuprofen", date(2026, 3, 1)))
    journal.stop_medication(first.id, date(2026, 3, 10))
    again = journal.add_medication(Medication("Ibuprofen", TODAY, dose="200 mg"))
    assert find_medication(journal.medications(), "ibuprofen") == again
    assert find_medication(journal.medications(), "IBUPROFEN", on=date(2026, 3, 5)) == journal.medications()[0]
    assert find_medication(journal.medications(), "Ibuprofen", on=date(2026, 3, 12)) is None


def test_a_dose_change_ends_one_record_and_starts_the_next_in_one_write(journal: Journal) -> None:
    before = journal.add_medication(Medication("Ibuprofen", date(2026, 3, 1), dose="400 mg", as_needed=True))
    now = journal.change_medication(Medication("Ibuprofen", TODAY, dose="200 mg", as_needed=True, id=before.id),
                                    date(2026, 3, 10))  # fmt: skip
    assert [(m.dose, m.start, m.end) for m in journal.medications()] == [
        ("400 mg", date(2026, 3, 1), date(2026, 3, 10)),
        ("200 mg", date(2026, 3, 10), None),
    ]
    assert now.id == 2
    # A change on the record's own start date corrects it instead of adding a one-day-old record.
    fixed = journal.change_medication(Medication("Ibuprofen", TODAY, dose="100 mg", as_needed=True, id=now.id),
                                      date(2026, 3, 10))  # fmt: skip
    assert (fixed.id, len(journal.medications()), fixed.dose) == (2, 2, "100 mg")


def test_a_dose_change_dated_in_the_past_moves_the_days_logged_since_to_the_new_dose(journal: Journal) -> None:
    before = journal.add_medication(Medication("Ibuprofen", date(2025, 12, 1), dose="400 mg", as_needed=True))
    for on, doses in ((date(2025, 12, 30), 3), (date(2026, 3, 9), 2), (date(2026, 3, 10), 2), (TODAY, 1)):
        journal.save_day(Day(date=on, pain_avg=4, medications=(MedicationTaken(before.id, doses),)))
    now = journal.change_medication(Medication("Ibuprofen", TODAY, dose="200 mg", as_needed=True, id=before.id),
                                    date(2026, 3, 10))  # fmt: skip
    taken = {d.date: d.medications for d in journal.data().days}
    assert taken == {
        date(2025, 12, 30): (MedicationTaken(before.id, 3),),
        date(2026, 3, 9): (MedicationTaken(before.id, 2),),
        date(2026, 3, 10): (MedicationTaken(now.id, 2),),
        TODAY: (MedicationTaken(now.id, 1),),
    }


def test_stopping_a_medication_changed_elsewhere_is_refused(journal: Journal, journal_path: Path) -> None:
    seen = journal.add_medication(Medication("Ibuprofen", date(2026, 3, 1)))
    Journal(journal_path).stop_medication(seen.id, date(2026, 3, 5))
    with pytest.raises(JournalConflictError, match="The medication 'Ibuprofen' was changed elsewhere"):
        journal.stop_medication(seen.id, TODAY, expected=seen)
    assert journal.medications()[0].end == date(2026, 3, 5)


def test_a_second_peg_or_pgic_on_the_same_date_replaces_the_first(journal: Journal) -> None:
    journal.save_peg(PegScore(TODAY, 6, 5, 4))
    journal.save_peg(PegScore(TODAY, 3, 3, 3))
    journal.save_pgic(PgicRating(TODAY, 4))
    journal.save_pgic(PgicRating(TODAY, 2))
    assert journal.peg_scores() == [PegScore(TODAY, 3, 3, 3)]
    assert journal.pgic_ratings() == [PgicRating(TODAY, 2)]
    assert journal.delete_pgic(TODAY) and not journal.delete_pgic(TODAY)


def test_medications_taken_merge_per_medication_when_two_writers_save_one_day(
    journal: Journal, journal_path: Path
) -> None:
    base = journal.save_day(Day(date=TODAY, pain_avg=4)).day
    Journal(journal_path).save_day(base.with_changes(medications=(MedicationTaken(2),), mood=7))
    result = journal.save_day(base.with_changes(medications=(MedicationTaken(1, 2),), sleep_hours=7), expected=base)
    assert result.day.medications == (MedicationTaken(1, 2), MedicationTaken(2))
    assert (result.day.mood, result.day.sleep_hours) == (7, 7.0)
    assert set(result.merged) == {"medications", "mood"}


# -- the migration from version 1 ---------------------------------------------------------------


@pytest.fixture
def v1_journal(journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SPINEJOURNAL_TODAY", V1_TODAY)
    journal_path.parent.mkdir(parents=True)
    shutil.copyfile(DATA / "journal-v1.json", journal_path)
    return journal_path


def test_a_version_1_journal_opens_with_every_value_it_had(v1_journal: Path) -> None:
    expected = load_json((DATA / "journal-v1-export.json").read_bytes(), latest=date.fromisoformat(V1_TODAY))
    data = Journal(v1_journal).data()
    assert len(data.days) == 5
    assert data.days == expected.days
    assert data.exercises == expected.exercises
    assert data.visits == expected.visits
    assert data.psfs_activities == expected.psfs_activities
    assert data.psfs_ratings == expected.psfs_ratings
    assert data.profile.patient_name == "Ana Pérez"
    # Nothing is invented for an old journal.
    assert (data.medications, data.peg_scores, data.pgic_ratings, data.events) == ((), (), (), ())
    assert all(d.medications == () and d.sleep_hours is None and d.mood is None for d in data.days)


def test_the_version_1_file_is_kept_as_a_backup_before_the_first_save_of_the_current_version(
    v1_journal: Path,
) -> None:
    original = v1_journal.read_bytes()
    journal = Journal(v1_journal)
    journal.add_medication(Medication("Ibuprofen", date(2026, 11, 1), as_needed=True))
    backups = [b for b in list_backups(v1_journal) if f"pre-v{SCHEMA_VERSION}" in b.name]
    assert [b.read_bytes() for b in backups] == [original]
    saved = orjson.loads(v1_journal.read_bytes())
    assert saved["_meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert set(saved) >= {"medications", "peg_scores", "pgic_ratings", "events"}
    reopened = Journal(v1_journal).data()
    assert len(reopened.days) == 5 and reopened.days[1].notes == "Hard day [bold]x[/] <script>"
    assert check_journal(v1_journal).ok


# -- removing a PEG-3 score or PGIC rating as it was shown ----------------------------------------


def test_a_peg_or_pgic_changed_since_it_was_shown_is_not_deleted(journal: Journal, journal_path: Path) -> None:
    journal.save_peg(PegScore(TODAY, 6, 5, 4))
    journal.save_pgic(PgicRating(TODAY, 4))
    Journal(journal_path).save_peg(PegScore(TODAY, 2, 2, 2))  # the shell, after the app read them
    Journal(journal_path).save_pgic(PgicRating(TODAY, 3))
    with pytest.raises(JournalConflictError, match=r"PEG score .* changed elsewhere"):
        journal.delete_peg(TODAY, expected=PegScore(TODAY, 6, 5, 4))
    with pytest.raises(JournalConflictError, match=r"PGIC rating .* changed elsewhere"):
        journal.delete_pgic(TODAY, expected=PgicRating(TODAY, 4))
    assert journal.peg_scores() == [PegScore(TODAY, 2, 2, 2)]
    assert journal.pgic_ratings() == [PgicRating(TODAY, 3)]
    assert journal.delete_peg(TODAY, expected=PegScore(TODAY, 2, 2, 2))
    assert journal.delete_pgic(TODAY, expected=PgicRating(TODAY, 3))
    assert (journal.peg_scores(), journal.pgic_ratings()) == ([], [])
