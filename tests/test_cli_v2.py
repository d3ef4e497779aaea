"""The command line of day model v2: the medication list, what was taken, sleep and mood, TENS and
massage, PEG-3, PGIC and care events; each checked by what was stored."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from spinejournal.model import CareEvent, Medication, MedicationTaken, PegScore, PgicRating
from spinejournal.store import Journal
from tests.helpers import run

from .conftest import TODAY

MARCH_1 = date(2026, 3, 1)


@pytest.fixture
def listed(capsys: pytest.CaptureFixture[str], journal_path: Path) -> Path:
    """A journal whose medication list holds an as-needed Ibuprofen and a nightly Amitriptyline."""
    assert run(capsys, "med", "add", "Ibuprofen", "--dose", "400 mg", "--as-needed", "--start", "2026-03-01")[0] == 0
    assert (
        run(capsys, "med", "add", "Amitriptyline", "--dose", "10 mg", "--per-day", "1", "--start", "2026-03-01")[0] == 0
    )
    return journal_path


def refused(capsys: pytest.CaptureFixture[str], path: Path, code: int, *args: str) -> str:
    """Run a command that must fail with ``code``: one line on stderr, nothing printed, the journal's
    bytes unchanged. Returns the line."""
    before = path.read_bytes() if path.exists() else None
    got, out, err = run(capsys, *args)
    assert (got, out) == (code, ""), err
    assert err.startswith("spinejournal: error: ") and err.count("\n") == 1, err
    assert (path.read_bytes() if path.exists() else None) == before
    return err


def medications(path: Path) -> list[Medication]:
    return Journal(path, read_only=True).medications()


def taken_on(path: Path, on: date = TODAY) -> tuple[MedicationTaken, ...]:
    day = Journal(path, read_only=True).get_day(on)
    assert day is not None
    return day.medications


# -- med add / list / stop / change ------------------------------------------------------------


def test_med_add_stores_the_prescription(capsys: pytest.CaptureFixture[str], listed: Path) -> None:
    assert medications(listed) == [
        Medication(name="Ibuprofen", start=MARCH_1, dose="400 mg", as_needed=True, id=1),
        Medication(name="Amitriptyline", start=MARCH_1, dose="10 mg", per_day=1, id=2),
    ]
    code, out, _ = run(capsys, "med", "add", "Vitamin D")
    assert (code, out) == (0, f"Added 'Vitamin D' (no dose or schedule given) from {TODAY}.\n")
    assert medications(listed)[-1] == Medication(name="Vitamin D", start=TODAY, id=3)


@pytest.mark.parametrize("name", ["ibuprofen", "  IBUPROFEN ", "ibuprofen\t"])
def test_med_add_of_a_name_on_the_list_is_refused(capsys: pytest.CaptureFixture[str], listed: Path, name: str) -> None:
    err = refused(capsys, listed, 1, "med", "add", name)
    assert "is already on your list as 'Ibuprofen'" in err


def test_as_needed_and_per_day_together_is_a_usage_error(capsys: pytest.CaptureFixture[str], listed: Path) -> None:
    err = refused(capsys, listed, 2, "med", "add", "Codeine", "--as-needed", "--per-day", "2")
    assert "'--as-needed' and '--per-day' cannot be used together" in err and "med add --help" in err
    err = refused(capsys, listed, 2, "med", "change", "Ibuprofen", "--as-needed", "--per-day", "2")
    assert "'--as-needed' and '--per-day'" in err


@pytest.mark.parametrize("value", ["0", "25", "two", "٢"])
def test_times_a_day_is_a_whole_number_from_1_to_24(
    capsys: pytest.CaptureFixture[str], listed: Path, value: str
) -> None:
    err = refused(capsys, listed, 2, "med", "add", "Codeine", "--per-day", value)
    assert "--per-day" in err


def test_med_list_shows_current_ones_and_all_of_them_with_dates(
    capsys: pytest.CaptureFixture[str], listed: Path
) -> None:
    assert run(capsys, "med", "change", "ibuprofen", "--dose", "200 mg", "--date", "2026-03-10")[0] == 0
    assert run(capsys, "med", "stop", "Amitriptyline", "--date", "2026-03-14")[0] == 0
    assert run(capsys, "med", "list")[1] == f"{'Ibuprofen':<24} {'200 mg':<14} {'as needed':<14} since 2026-03-10\n"
    assert run(capsys, "med", "list", "--all")[1].splitlines() == [
        f"{'Ibuprofen':<24} {'400 mg':<14} {'as needed':<14} 2026-03-01 to 2026-03-10 (dose changed)",
        f"{'Ibuprofen':<24} {'200 mg':<14} {'as needed':<14} since 2026-03-10",
        f"{'Amitriptyline':<24} {'10 mg':<14} {'once a day':<14} 2026-03-01 to 2026-03-14 (stopped)",
    ]


def test_med_list_shows_a_start_or_stop_still_to_come(capsys: pytest.CaptureFixture[str], listed: Path) -> None:
    assert run(capsys, "med", "add", "Duloxetine", "--dose", "30 mg", "--per-day", "1", "--start", "2026-03-20")[0] == 0
    assert run(capsys, "med", "stop", "Ibuprofen", "--date", "2026-03-18")[0] == 0
    assert run(capsys, "med", "list")[1].splitlines() == [
        f"{'Ibuprofen':<24} {'400 mg':<14} {'as needed':<14} since 2026-03-01, stops 2026-03-18",
        f"{'Amitriptyline':<24} {'10 mg':<14} {'once a day':<14} since 2026-03-01",
        f"{'Duloxetine':<24} {'30 mg':<14} {'once a day':<14} from 2026-03-20",
    ]


def test_med_list_on_an_empty_list_says_how_to_add_one(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    code, out, _ = run(capsys, "med", "list")
    assert code == 0 and "spinejournal med add NAME" in out


def test_med_stop_ends_the_medication_from_that_date(capsys: pytest.CaptureFixture[str], listed: Path) -> None:
    code, out, _ = run(capsys, "med", "stop", "amitriptyline", "--date", "2026-03-14")
    assert (code, out) == (0, "Stopped 'Amitriptyline' from 2026-03-14.\n")
    assert medications(listed)[1].end == date(2026, 3, 14)
    # Stopped, its name is free for a new start.
    assert run(capsys, "med", "add", "Amitriptyline", "--per-day", "2")[0] == 0
    assert [(m.start, m.end, m.per_day) for m in medications(listed)[1:]] == [
        (MARCH_1, date(2026, 3, 14), 1),
        (TODAY, None, 2),
    ]


def test_a_name_not_on_the_list_that_day_says_which_ones_are(capsys: pytest.CaptureFixture[str], listed: Path) -> None:
    err = refused(capsys, listed, 1, "med", "stop", "Naproxen")
    assert err == (
        f"spinejournal: error: 'Naproxen' is not on your medication list on {TODAY} "
        f"(on your list on {TODAY}: Ibuprofen, Amitriptyline); add one with: spinejournal med add NAME\n"
    )
    err = refused(capsys, listed, 1, "med", "change", "Ibuprofen", "--dose", "1 g", "--date", "2026-02-20")
    assert "'Ibuprofen' is on your list from 2026-03-01, not on 2026-02-20 (on your list on 2026-02-20: none)" in err


def test_a_stop_before_a_later_dose_change_is_refused(capsys: pytest.CaptureFixture[str], listed: Path) -> None:
    assert run(capsys, "med", "change", "Ibuprofen", "--dose", "200 mg", "--date", "2026-03-10")[0] == 0
    err = refused(capsys, listed, 1, "med", "stop", "Ibuprofen", "--date", "2026-03-05")
    assert "'Ibuprofen' has a later dose from 2026-03-10: stop it from 2026-03-10 or later" in err
    assert run(capsys, "med", "stop", "Ibuprofen", "--date", "2026-03-12")[0] == 0
    for when in ("2026-03-05", "2026-03-11"):
        err = refused(capsys, listed, 1, "med", "change", "Ibuprofen", "--dose", "100 mg", "--date", when)
        assert "'Ibuprofen' is already stopped from 2026-03-12 (see: spinejournal med list --all)" in err


def test_med_change_keeps_the_earlier_dose_with_its_dates(capsys: pytest.CaptureFixture[str], listed: Path) -> None:
    code, out, _ = run(capsys, "med", "change", "Amitriptyline", "--per-day", "2", "--date", "2026-03-10")
    assert (code, out) == (0, "Changed 'Amitriptyline' from 2026-03-10: 10 mg, twice a day (was 10 mg, once a day).\n")
    assert medications(listed)[1:] == [
        Medication(name="Amitriptyline", start=MARCH_1, dose="10 mg", per_day=1, end=date(2026, 3, 10), id=2),
        Medication(name="Amitriptyline", start=date(2026, 3, 10), dose="10 mg", per_day=2, id=3),
    ]
    # An as-needed schedule replaces the times a day.
    assert run(capsys, "med", "change", "Amitriptyline", "--as-needed")[0] == 0
    assert (medications(listed)[-1].as_needed, medications(listed)[-1].per_day) == (True, None)


def test_a_change_with_nothing_to_change_is_refused(capsys: pytest.CaptureFixture[str], listed: Path) -> None:
    err = refused(capsys, listed, 2, "med", "change", "Ibuprofen")
    assert "Nothing to change: give --dose, --as-needed or --per-day" in err
    err = refused(capsys, listed, 1, "med", "change", "Ibuprofen", "--dose", "400 mg", "--as-needed")
    assert "nothing to change: 'Ibuprofen' is already 400 mg, as needed" in err


# -- log --took, sleep, mood, TENS, massage ----------------------------------------------------


def test_took_an_as_needed_and_a_scheduled_medication(capsys: pytest.CaptureFixture[str], listed: Path) -> None:
    code, out, err = run(capsys, "log", "--pain", "4", "--took", "ibuprofen", "--took", "Amitriptyline")
    assert (code, out) == (0, f"Logged {TODAY}: average pain 4/10.\n"), err
    # No count: one dose of the as-needed one; the scheduled one taken, without a count.
    assert taken_on(listed) == (MedicationTaken(1, 1), MedicationTaken(2, None))


def test_took_with_doses_replaces_that_medication_and_keeps_the_others(
    capsys: pytest.CaptureFixture[str], listed: Path
) -> None:
    assert run(capsys, "log", "--pain", "4", "--took", "Ibuprofen:2", "--took", "Amitriptyline")[0] == 0
    assert run(capsys, "log", "--took", "Ibuprofen:3")[0] == 0
    assert taken_on(listed) == (MedicationTaken(2, None), MedicationTaken(1, 3))


@pytest.mark.parametrize("spec", ["Ibuprofen:0", "Ibuprofen:51", "Ibuprofen:٣", "Ibuprofen:two", "Ibuprofen:+2"])
def test_doses_are_a_whole_number_from_1_to_50(capsys: pytest.CaptureFixture[str], listed: Path, spec: str) -> None:
    err = refused(capsys, listed, 1, "log", "--pain", "4", "--took", spec)
    assert "doses must be a whole number from 1 to 50" in err


def test_the_same_medication_twice_in_one_command_is_refused(capsys: pytest.CaptureFixture[str], listed: Path) -> None:
    err = refused(capsys, listed, 1, "log", "--pain", "4", "--took", "Ibuprofen", "--took", "IBUPROFEN:2")
    assert "'Ibuprofen' is given twice" in err


def test_took_a_medication_stopped_before_the_date_is_refused(capsys: pytest.CaptureFixture[str], listed: Path) -> None:
    assert run(capsys, "med", "stop", "Amitriptyline", "--date", "2026-03-10")[0] == 0
    err = refused(capsys, listed, 1, "log", "--pain", "4", "--took", "Amitriptyline", "--date", "2026-03-12")
    assert (
        "'Amitriptyline' is on your list from 2026-03-01 until it was stopped on 2026-03-10, not on 2026-03-12" in err
    )
    assert "(on your list on 2026-03-12: Ibuprofen); add one with: spinejournal med add NAME" in err
    # The day before the stop it was still taken.
    assert run(capsys, "log", "--pain", "4", "--took", "Amitriptyline", "--date", "2026-03-09")[0] == 0
    assert taken_on(listed, date(2026, 3, 9)) == (MedicationTaken(2, None),)


def test_took_on_either_side_of_a_dose_change(capsys: pytest.CaptureFixture[str], listed: Path) -> None:
    assert run(capsys, "med", "change", "Ibuprofen", "--dose", "200 mg", "--date", "2026-03-10")[0] == 0
    assert run(capsys, "log", "--pain", "5", "--took", "Ibuprofen:2", "--date", "2026-03-09")[0] == 0
    assert run(capsys, "log", "--pain", "4", "--took", "Ibuprofen", "--date", "2026-03-10")[0] == 0
    # The 400 mg record (id 1) the day before, the 200 mg one (id 3) from the change on.
    assert taken_on(listed, date(2026, 3, 9)) == (MedicationTaken(1, 2),)
    assert taken_on(listed, date(2026, 3, 10)) == (MedicationTaken(3, 1),)


def test_a_name_ending_in_a_number_is_found_whole(capsys: pytest.CaptureFixture[str], listed: Path) -> None:
    assert run(capsys, "med", "add", "Vitamin B:12", "--per-day", "1")[0] == 0
    assert run(capsys, "log", "--pain", "3", "--took", "Vitamin B:12:2")[0] == 0
    assert taken_on(listed) == (MedicationTaken(3, 2),)
    assert run(capsys, "log", "--took", "vitamin b:12")[0] == 0
    assert taken_on(listed) == (MedicationTaken(3, None),)


def test_sleep_and_mood_are_stored(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    assert run(capsys, "log", "--pain", "4", "--sleep-hours", "6.5", "--sleep-quality", "3", "--mood", "7")[0] == 0
    assert run(capsys, "log", "--sleep-hours", "7")[0] == 0
    day = Journal(journal_path).get_day(TODAY)
    assert day is not None and (day.sleep_hours, day.sleep_quality, day.mood) == (7.0, 3, 7)


@pytest.mark.parametrize("hours", ["6.25", "abc", "٦", "24.5", "25", "-1", "-0.5", "7.", ".5", "6,5", ""])
def test_sleep_hours_are_whole_or_half_from_0_to_24(
    capsys: pytest.CaptureFixture[str], journal_path: Path, hours: str
) -> None:
    run(capsys, "log", "--pain", "4")
    err = refused(capsys, journal_path, 1, "log", "--pain", "4", "--sleep-hours", hours)
    assert "hours slept must be from 0 to 24 in whole or half hours" in err


@pytest.mark.parametrize(("option", "field"), [("--sleep-quality", "sleep quality"), ("--mood", "mood")])
@pytest.mark.parametrize("value", ["11", "-1"])
def test_sleep_quality_and_mood_are_0_to_10(
    capsys: pytest.CaptureFixture[str], journal_path: Path, option: str, field: str, value: str
) -> None:
    run(capsys, "log", "--pain", "4")
    err = refused(capsys, journal_path, 1, "log", option, value)
    assert f"{field}: must be from 0 to 10 (got {value})" in err


def test_tens_and_massage_sessions_are_added_like_heat(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    assert run(capsys, "log", "--pain", "5", "--tens", "30:6:4", "--heat", "15")[0] == 0
    code, _, err = run(capsys, "log", "--massage", "45", "--tens", "20")
    # Only heat and ice get the over-20-minutes note.
    assert code == 0 and err == ""
    day = Journal(journal_path).get_day(TODAY)
    assert day is not None
    assert [(s.kind, s.minutes, s.relief) for s in day.sessions] == [
        ("heat", 15, None),
        ("tens", 30, 2),
        ("tens", 20, None),
        ("massage", 45, None),
    ]
    err = refused(capsys, journal_path, 1, "log", "--massage", "10:5")
    assert "--massage '10:5': use MINUTES or MINUTES:PAIN_BEFORE:PAIN_AFTER" in err


def test_show_adds_sleep_and_mood_within_80_columns(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    run(capsys, "log", "--pain", "4", "--date", "yesterday", "--heat", "15")
    # Nothing new logged: the table is the one earlier versions printed, to the byte.
    assert run(capsys, "show")[1] == (
        "Date        Avg Now Wst Lst  Heat/Ice  Ex    Walk  Notes\n"
        "--------------------------------------------------------\n"
        "2026-03-14    4   -   -   -  H15       -        -  \n"
        "1 of 14 days logged.\n"
    )
    run(capsys, "log", "--pain", "5", "--sleep-hours", "6.5", "--mood", "3", "--tens", "20", "--red-flag", "fever")
    run(capsys, "log", "--note", "a note far longer than the table has room for, in many words")
    lines = run(capsys, "show")[1].splitlines()
    assert lines[0].split() == ["Date", "Avg", "Now", "Wst", "Lst", "Treatment", "Ex", "Walk", "Slp", "Mood", "Notes"]
    assert lines[2].split() == ["2026-03-14", "4", "-", "-", "-", "H15", "-", "-", "-", "-"]
    assert lines[3].startswith("2026-03-15    5   -   -   -  T20       -        -  6.5    3  a note far long… !!")
    assert max(len(line) for line in lines) == 80


# -- peg, pgic, event ----------------------------------------------------------------------------


def test_peg_prints_the_score_and_replaces_the_same_date(
    capsys: pytest.CaptureFixture[str], journal_path: Path
) -> None:
    code, out, _ = run(capsys, "peg", "6", "4", "5")
    assert (code, out) == (0, f"PEG-3 on {TODAY}: 5.0/10 (pain 6, enjoyment of life 4, general activity 5)\n")
    code, out, _ = run(capsys, "peg", "7", "4", "3", "--date", "yesterday")
    assert out == "PEG-3 on 2026-03-14: 4.7/10 (pain 7, enjoyment of life 4, general activity 3)\n"
    code, out, _ = run(capsys, "peg", "6", "4", "6")
    assert out.endswith("5.3/10 (pain 6, enjoyment of life 4, general activity 6); replaced 5.0/10\n")
    assert Journal(journal_path).peg_scores() == [
        PegScore(date(2026, 3, 14), 7, 4, 3),
        PegScore(TODAY, 6, 4, 6),
    ]


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["11", "4", "5"], 1, "PEG pain: must be from 0 to 10 (got 11)"),
        (["6", "-1", "5"], 1, "PEG enjoyment of life: must be from 0 to 10 (got -1)"),
        (["6", "4", "٥"], 2, "Invalid value for 'ACTIVITY'"),
        (["6", "4"], 2, "Missing argument 'ACTIVITY'"),
        (["6", "4", "5", "--date", "2026-03-16"], 1, "2026-03-16 is in the future"),
    ],
)
def test_bad_peg_input_is_one_line(
    capsys: pytest.CaptureFixture[str], journal_path: Path, args: list[str], code: int, said: str
) -> None:
    run(capsys, "peg", "1", "1", "1")
    assert said in refused(capsys, journal_path, code, "peg", *args)


def test_pgic_prints_the_label_and_replaces_the_same_date(
    capsys: pytest.CaptureFixture[str], journal_path: Path
) -> None:
    code, out, _ = run(capsys, "pgic", "2")
    assert (code, out) == (0, f"PGIC on {TODAY}: 2, much improved\n")
    code, out, _ = run(capsys, "pgic", "4", "--date", str(TODAY))
    assert out == f"PGIC on {TODAY}: 4, no change; replaced 2, much improved\n"
    assert Journal(journal_path).pgic_ratings() == [PgicRating(TODAY, 4)]


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["0"], 1, "PGIC: must be from 1 to 7 (got 0)"),
        (["8"], 1, "PGIC: must be from 1 to 7 (got 8)"),
        (["much"], 2, "Invalid value for 'N'"),
        (["3", "--date", "tomorrow"], 1, ""),
    ],
)
def test_bad_pgic_input_is_one_line(
    capsys: pytest.CaptureFixture[str], journal_path: Path, args: list[str], code: int, said: str
) -> None:
    run(capsys, "pgic", "2")
    assert said in refused(capsys, journal_path, code, "pgic", *args)


def test_event_add_and_list(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    code, out, _ = run(capsys, "event", "add", " Lumbar fusion L4-L5 ", "--kind", "surgery", "--date", "2026-01-20")
    assert (code, out) == (0, "Recorded surgery on 2026-01-20: Lumbar fusion L4-L5\n")
    assert run(capsys, "event", "add", "MRI lumbar spine", "--kind", "imaging")[0] == 0
    assert Journal(journal_path).events() == [
        CareEvent(date(2026, 1, 20), "surgery", "Lumbar fusion L4-L5", id=1),
        CareEvent(TODAY, "imaging", "MRI lumbar spine", id=2),
    ]
    assert run(capsys, "event", "list")[1] == (
        f"2026-01-20  Surgery    Lumbar fusion L4-L5\n{TODAY}  Imaging    MRI lumbar spine\n"
    )


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["MRI", "--kind", "scan"], 2, "Invalid value for '--kind': 'scan' is not one of 'surgery', 'injection'"),
        (["MRI"], 2, "Missing option '--kind'"),
        (["  ", "--kind", "imaging"], 1, "event text: must not be empty"),
        (["x" * 201, "--kind", "other"], 1, "event text"),
        (["MRI", "--kind", "imaging", "--date", "2026-03-16"], 1, "2026-03-16 is in the future"),
    ],
)
def test_bad_event_input_is_one_line(
    capsys: pytest.CaptureFixture[str], journal_path: Path, args: list[str], code: int, said: str
) -> None:
    run(capsys, "event", "add", "Injection L5", "--kind", "injection")
    assert said in refused(capsys, journal_path, code, "event", "add", *args)


def test_event_list_on_an_empty_journal_says_how_to_add_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert "spinejournal event add TEXT --kind" in run(capsys, "event", "list")[1]


# -- help, completion, speed ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "example"),
    [
        (["med", "add"], 'spinejournal med add Ibuprofen --dose "400 mg" --as-needed'),
        (["med", "list"], "spinejournal med list --all"),
        (["med", "stop"], "spinejournal med stop Amitriptyline --date 2026-03-14"),
        (["med", "change"], 'spinejournal med change Ibuprofen --dose "200 mg" --date 2026-03-10'),
        (["log"], "spinejournal log --pain 5 --took Ibuprofen:2 --sleep-hours 6.5 --mood 6"),
        (["peg"], "spinejournal peg 6 4 5 --date 2026-03-15"),
        (["pgic"], "spinejournal pgic 2 --date 2026-03-15"),
        (["event", "add"], 'spinejournal event add "Lumbar fusion L4-L5" --kind surgery --date 2026-01-20'),
        (["event", "list"], "spinejournal event list"),
    ],
)
def test_help_of_each_new_command_has_an_example(
    capsys: pytest.CaptureFixture[str], args: list[str], example: str
) -> None:
    code, out, _ = run(capsys, *args, "--help")
    assert code == 0 and f"\n    {example}\n" in out


def test_help_explains_the_scales(capsys: pytest.CaptureFixture[str]) -> None:
    assert "7 very much worse" in " ".join(run(capsys, "pgic", "--help")[1].split())
    peg_help = " ".join(run(capsys, "peg", "--help")[1].split())
    assert "ENJOYMENT: how much pain got in the way of enjoying life" in peg_help
    med_help = run(capsys, "med", "--help")[1]
    assert all(f"\n  {name} " in med_help for name in ("add", "list", "stop", "change"))


def complete(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *words: str) -> list[str]:
    monkeypatch.setenv("SPINEJOURNAL_COMPLETE", "bash")
    code, out, _ = run(capsys, *words)
    monkeypatch.delenv("SPINEJOURNAL_COMPLETE")
    assert code == 0
    return out.splitlines()


def test_completion_offers_current_medication_names_quoted(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, listed: Path
) -> None:
    assert run(capsys, "med", "add", "Vitamin D", "--per-day", "1")[0] == 0
    assert run(capsys, "med", "stop", "Amitriptyline")[0] == 0
    # The stopped Amitriptyline is not offered; a name with a space comes quoted.
    assert complete(capsys, monkeypatch, "log", "--took", "") == ["Ibuprofen", "'Vitamin D'"]
    assert complete(capsys, monkeypatch, "med", "stop", "v") == ["'Vitamin D'"]
    assert complete(capsys, monkeypatch, "med", "change", "I") == ["Ibuprofen"]
    assert complete(capsys, monkeypatch, "event", "add", "MRI", "--kind", "i") == ["injection", "imaging"]
    assert complete(capsys, monkeypatch, "m") == ["med"]
    assert "--sleep-hours" in complete(capsys, monkeypatch, "log", "--s")


def test_took_loads_neither_textual_nor_the_insights_nor_the_days(tmp_path: Path, listed: Path) -> None:
    # Reading the whole journal or a range of days would call one of the two blanked methods and fail.
    probe = (
        "import sys; from spinejournal.cli import main\n"
        "from spinejournal.store import Journal\n"
        "Journal.data = Journal.days_between = None\n"
        "try:\n    main(['log', '--pain', '3', '--took', 'Ibuprofen:2'])\n"
        "except SystemExit as exit:\n    print('exit', exit.code)\n"
        "heavy = ('textual', 'plotext', 'spinejournal.insights', 'spinejournal.merge')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))"
    )
    env = {**os.environ, "SPINEJOURNAL_JOURNAL": str(listed)}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.splitlines() == [f"Logged {TODAY}: average pain 3/10.", "exit 0", "[]"], done.stderr
    assert taken_on(listed) == (MedicationTaken(1, 2),)
