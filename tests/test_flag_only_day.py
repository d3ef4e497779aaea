"""A red flag logged on its own (issue 15): a day with no average pain, only when it records a red
flag. Stored, shown, counted and exported without a pain number the person never gave."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import orjson
import pytest
from fhir.resources.R4B.bundle import Bundle

from spinejournal.insights import compute, resolve_range
from spinejournal.merge import merge_day
from spinejournal.model import Day, Exercise, ExerciseLog, JournalData, TherapySession, ValidationError
from spinejournal.reports.csv_export import export_csv
from spinejournal.reports.fhir import to_bundle
from spinejournal.reports.fhir_codes import PAIN_LOINC
from spinejournal.reports.json_io import export_json, load_json
from spinejournal.store import SCHEMA_VERSION, Journal, list_backups

from .conftest import TODAY
from .helpers import run

D = date(2026, 3, 10)
FLAG_ONLY = Day(date=D, pain_avg=None, red_flags=("night_pain",))


# -- the model ----------------------------------------------------------------------------------


def test_a_day_needs_an_average_pain_or_a_red_flag() -> None:
    with pytest.raises(ValidationError) as err:
        Day(date=D, pain_avg=None, notes="no pain, no flag")
    assert err.value.field == "average pain"
    assert str(err.value) == (
        "average pain: is needed, a whole number from 0 to 10 (only a day that records a red flag may go without it)"
    )
    assert FLAG_ONLY.pain_avg is None and FLAG_ONLY.pain_words == "a red flag, no average pain given"


def test_a_flag_only_day_is_stored_without_pain_and_read_back_as_it_was() -> None:
    assert FLAG_ONLY.to_dict() == {"date": "2026-03-10", "red_flags": ["night_pain"]}
    assert Day.from_dict(FLAG_ONLY.to_dict()) == FLAG_ONLY
    # A day with no average and no flag, however it got into a file, is refused by name: never read as 0.
    with pytest.raises(ValidationError, match=r"^average pain: is needed"):
        Day.from_dict({"date": "2026-03-10", "notes": "x"})


def test_a_flag_only_day_may_carry_a_worst_pain_with_no_average_to_compare() -> None:
    day = Day(date=D, pain_avg=None, pain_worst=8, red_flags=("trauma",))
    assert Day.from_dict(day.to_dict()) == day


# -- the command line ---------------------------------------------------------------------------


def test_log_a_red_flag_on_an_unlogged_day_then_add_the_pain_later(
    capsys: pytest.CaptureFixture[str], journal_path: Path
) -> None:
    code, out, err = run(capsys, "log", "--date", "2026-03-10", "--red-flag", "night_pain")
    assert code == 0
    assert out == "Logged 2026-03-10: a red flag, no average pain given.\n"
    assert "!! Needs checking today: " in err and "Pain at night that rest does not ease" in err
    assert Journal(journal_path).data().days == (FLAG_ONLY,)

    code, out, _ = run(capsys, "show", "--days", "7")
    row = next(line for line in out.splitlines() if line.startswith("2026-03-10"))
    assert row.split()[:5] == ["2026-03-10", "-", "-", "-", "-"] and row.endswith("!!")

    code, out, err = run(capsys, "log", "--date", "2026-03-10", "--pain", "5")
    assert (code, out) == (0, "Updated 2026-03-10: average pain 5/10.\n")
    assert Journal(journal_path).data().days == (Day(date=D, pain_avg=5, red_flags=("night_pain",)),)


def test_a_second_flag_is_added_to_a_flag_only_day(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    Journal(journal_path).save_day(FLAG_ONLY)
    code, out, _ = run(capsys, "log", "--date", "2026-03-10", "--red-flag", "fever")
    assert (code, out) == (0, "Updated 2026-03-10: a red flag, no average pain given.\n")
    assert Journal(journal_path).get_day(D) == Day(date=D, pain_avg=None, red_flags=("night_pain", "fever"))


def test_an_unlogged_day_with_neither_pain_nor_flag_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], journal_path: Path
) -> None:
    code, out, err = run(capsys, "log", "--date", "2026-03-10", "--note", "sore")
    assert (code, out) == (1, "")
    assert err == (
        "spinejournal: error: 2026-03-10 is not logged yet: give at least --pain N (average pain, 0-10), "
        "or an urgent symptom on its own with --red-flag ID\n"
    )
    assert not journal_path.exists() or Journal(journal_path).data().days == ()


def test_delete_asks_about_a_flag_only_day_in_words(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    Journal(journal_path).save_day(FLAG_ONLY)
    code, out, _ = run(capsys, "delete", "--date", "2026-03-10", "--yes")
    assert (code, out) == (0, "Deleted 2026-03-10.\n")


def test_trends_and_exports_show_the_flag_and_invent_no_pain(
    capsys: pytest.CaptureFixture[str], journal_path: Path, tmp_path: Path
) -> None:
    journal = Journal(journal_path)
    journal.save_day(Day(date=D - timedelta(days=1), pain_avg=4))
    journal.save_day(FLAG_ONLY)

    code, out, _ = run(capsys, "trends", "--range", "4w")
    assert code == 0 and "2 of 28 days logged" in out and "Urgent symptoms were logged on 1 day" in out

    code, out, _ = run(capsys, "export", "--range", "4w", "--format", "md", "-o", "-")
    assert code == 0 and "- Reported on 10 Mar: pain at night that rest does not ease." in out

    code, out, _ = run(capsys, "export", "--format", "csv", "-o", "-")
    rows = {r["date"]: r for r in csv.DictReader(io.StringIO(out.lstrip("\ufeff")))}
    assert (rows["2026-03-10"]["pain_avg"], rows["2026-03-10"]["red_flags"]) == ("", "night_pain")
    assert rows["2026-03-09"]["pain_avg"] == "4"

    code, out, _ = run(capsys, "export", "--format", "json", "-o", "-")
    days = json.loads(out)["days"]
    assert days[1] == {"date": "2026-03-10", "red_flags": ["night_pain"]}


def test_a_journal_of_one_flag_only_day_says_what_it_holds(
    capsys: pytest.CaptureFixture[str], journal_path: Path
) -> None:
    Journal(journal_path).save_day(FLAG_ONLY)
    code, out, _ = run(capsys, "trends", "--range", "4w")
    assert code == 0 and "1 of 28 days logged" in out
    assert "No average pain logged in this period, so there is nothing to compare yet." in out
    assert "Average pain: none given in this range" in out
    code, out, _ = run(capsys, "export", "--range", "4w", "--format", "html", "-o", "-")
    assert code == 0 and "Reported on 10 Mar: pain at night that rest does not ease" in out


# -- exports, exactly -----------------------------------------------------------------------------


def _data() -> JournalData:
    return JournalData(days=(Day(date=D - timedelta(days=1), pain_avg=4, regions=("neck",)), FLAG_ONLY))


def test_json_export_round_trips_a_flag_only_day_byte_for_byte(tmp_path: Path) -> None:
    first = export_json(_data())
    assert json.loads(first)["version"] == 3
    assert load_json(first) == _data()
    journal = Journal(tmp_path / "fresh.json")
    journal.replace_all(load_json(first))
    assert export_json(Journal(tmp_path / "fresh.json").data()) == first


def test_a_version_2_export_still_imports() -> None:
    document = json.loads(export_json(_data()))
    document["version"] = 2
    document["days"] = document["days"][:1]  # a version-2 export always had pain on every day
    assert load_json(json.dumps(document).encode()).days == _data().days[:1]


def test_fhir_has_the_flag_and_no_pain_observation_for_that_day() -> None:
    document = to_bundle(_data())
    Bundle.model_validate(document)
    resources = [e["resource"] for e in document["entry"]]
    pain_days = [
        r["effectiveDateTime"]
        for r in resources
        if r["resourceType"] == "Observation" and any(c.get("code") == PAIN_LOINC for c in r["code"]["coding"])
    ]
    assert pain_days == ["2026-03-09"]
    flags = [r for r in resources if r["resourceType"] == "Flag"]
    assert [(f["period"]["start"], f["code"]["coding"][0]["code"]) for f in flags] == [
        ("2026-03-10", "red-flag-night_pain")
    ]


def test_csv_leaves_the_pain_cell_empty() -> None:
    rows = list(csv.reader(io.StringIO(export_csv(_data()).decode("utf-8-sig"))))
    header, flag_row = rows[0], rows[2]
    assert flag_row[header.index("pain_avg")] == "" and flag_row[header.index("red_flags")] == "night_pain"


# -- insights: n's stay honest -------------------------------------------------------------------

# 2-15 March 2026: two whole weeks. The 5th is logged for a red flag alone (with a poor night, low
# mood and a heat session); every other day has an average pain.
PAINS = {2: 6, 3: 7, 4: 5, 6: 6, 7: 6, 8: 6, 9: 5, 10: 3, 11: 3, 12: 4, 13: 3, 14: 3, 15: 2}


def _fortnight() -> JournalData:
    days = [
        Day(
            date=date(2026, 3, n),
            pain_avg=p,
            sleep_quality=2 if n == 2 else None,
            sessions=(TherapySession("heat", 15),) if n == 3 else (),
            exercises=(ExerciseLog(1, "done"),) if n in (4, 6) else (),
        )
        for n, p in PAINS.items()
    ]
    flag = Day(
        date=date(2026, 3, 5),
        pain_avg=None,
        sleep_quality=2,
        mood=2,
        sessions=(TherapySession("heat", 15),),
        red_flags=("night_pain",),
    )
    plan = (Exercise("Pelvic tilt", date(2026, 3, 1), sets=2, reps=10, id=1),)
    return JournalData(days=tuple(sorted([*days, flag], key=lambda d: d.date)), exercises=plan)


def test_pain_figures_count_only_days_with_pain() -> None:
    data = _fortnight()
    ins = compute(data, resolve_range(data, start=date(2026, 3, 2), end=TODAY))
    assert ins.days_logged == 14  # the flag's day is a logged day
    assert [r.date for r in ins.red_flag_days] == [date(2026, 3, 5)]
    pain = ins.pain
    assert len(pain.series) == 13 and date(2026, 3, 5) not in [p.date for p in pain.series]
    # Week 2-8 March: 6+7+5+6+6+6 = 36 over 6 days; 9-15 March: 5+3+3+4+3+3+2 = 23 over 7.
    assert [(w.start, w.n) for w in pain.weeks] == [(date(2026, 3, 2), 6), (date(2026, 3, 9), 7)]
    assert pain.weeks[0].mean == pytest.approx(6.0)
    assert pain.weeks[1].mean == pytest.approx(23 / 7)
    assert pain.mean == pytest.approx(59 / 13)
    # The starting point is the first 7 days with pain: 2, 3, 4, 6, 7, 8, 9 March = 41 / 7.
    assert pain.baseline is not None
    assert (pain.baseline.end, pain.baseline.mean) == (date(2026, 3, 9), pytest.approx(41 / 7))
    assert pain.since_care.baseline is not None and pain.since_care.baseline.mean == pytest.approx(41 / 7)
    # The 7-day mean on the 8th: six days with pain (36 / 6), not seven with a zero.
    assert next(p.rolling_mean for p in pain.series if p.date == date(2026, 3, 8)) == pytest.approx(6.0)


def test_groups_beside_pain_leave_out_the_flag_only_day() -> None:
    data = _fortnight()
    ins = compute(data, resolve_range(data, start=date(2026, 3, 2), end=TODAY))
    # Poor sleep on the 2nd (pain 6) and the 5th (no pain): one night to set beside pain.
    assert ins.sleep_mood.poor_sleep.n == 1
    assert ins.sleep_mood.low_mood.n == 0
    # Heat on the 3rd (pain 7) and the 5th: both sessions count, one day of pain beside them.
    assert ins.heat_ice.heat.sessions == 2 and ins.heat_ice.heat_days.n == 1
    # Exercises done on the 4th (next day: the flag's, no pain) and the 6th (next day pain 6).
    assert ins.next_day.full.n == 1


# -- merge ------------------------------------------------------------------------------------------


def test_a_flag_logged_alone_merges_with_a_full_day_saved_meanwhile() -> None:
    full = Day(date=D, pain_avg=6, notes="sore")
    merged = merge_day(None, full, FLAG_ONLY)
    assert merged.conflicts == () and merged.day == Day(date=D, pain_avg=6, notes="sore", red_flags=("night_pain",))
    merged = merge_day(None, FLAG_ONLY, full)
    assert merged.conflicts == () and merged.day == Day(date=D, pain_avg=6, notes="sore", red_flags=("night_pain",))


def test_pain_added_to_a_flag_only_day_on_both_sides_differently_is_a_conflict() -> None:
    merged = merge_day(FLAG_ONLY, FLAG_ONLY.with_changes(pain_avg=5), FLAG_ONLY.with_changes(pain_avg=7))
    assert merged.day is None and merged.conflicts == ("pain_avg",)
    merged = merge_day(FLAG_ONLY, FLAG_ONLY.with_changes(pain_avg=5), FLAG_ONLY.with_changes(mood=3))
    assert merged.day == FLAG_ONLY.with_changes(pain_avg=5, mood=3)


# -- the journal file ------------------------------------------------------------------------------


def test_the_journal_format_is_version_3_and_a_version_2_file_is_kept_before_its_first_save(
    journal_path: Path,
) -> None:
    Journal(journal_path).save_day(Day(date=D, pain_avg=4))
    raw = orjson.loads(journal_path.read_bytes())
    assert SCHEMA_VERSION == 3 and raw["_meta"]["1"]["schema_version"] == 3
    # The same file as version 2 wrote it (no checksums): read as it was, kept, then saved as 3.
    raw["_meta"]["1"]["schema_version"] = 2
    del raw["_checksums"]
    version_2 = orjson.dumps(raw)
    journal_path.write_bytes(version_2)
    journal = Journal(journal_path)
    assert journal.get_day(D) == Day(date=D, pain_avg=4)
    journal.save_day(FLAG_ONLY.with_changes(date=D - timedelta(days=1)))
    assert [b.read_bytes() for b in list_backups(journal_path) if "pre-v3" in b.name] == [version_2]
    assert orjson.loads(journal_path.read_bytes())["_meta"]["1"]["schema_version"] == 3
    assert [d.pain_avg for d in Journal(journal_path).data().days] == [None, 4]
