"""Bad input, typed or imported: one clear line on stderr, a non-zero exit, and nothing changed on disk."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spinejournal import model
from spinejournal.model import Day, ValidationError, name_key, parse_whole_number
from spinejournal.reports.json_io import MAX_DAYS, MAX_FILE_BYTES, MAX_SESSIONS, MAX_SESSIONS_PER_DAY, read_export
from spinejournal.store import Journal
from spinejournal.tui.forms import required_int
from spinejournal.tui.screens.exercise_dialog import ExerciseDialog
from spinejournal.tui.screens.psfs_activity_dialog import PsfsActivityDialog
from tests.helpers import run
from tests.tui.helpers import SIZE, make_app, screen_text

from .conftest import TODAY

# What must never reach a terminal raw: C0 controls (a message's own newline is checked apart), DEL,
# C1 controls, line and paragraph separators, bidi marks and overrides, lone surrogates.
RAW = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# In what a command prints, tabs and its own newlines are fine.
RAW_OUTPUT = re.compile(RAW.pattern.replace("\x00-\x1f", "\x00-\x08\x0b-\x1f"))
CLIPBOARD_WRITE = "\x1b]52;c;aGVsbG8=\x07"
NOT_UTF8 = os.fsdecode(b"bad\xffbyte")  # how Python hands a program bytes that are not UTF-8


def assert_one_line_error(code: int, err: str) -> None:
    """A failure a person can read: non-zero exit, one line on stderr, nothing the terminal would obey."""
    assert code != 0
    assert err.startswith("spinejournal: error: "), err
    assert err.endswith("\n") and err.count("\n") == 1, repr(err)
    assert not RAW.search(err[:-1]), repr(err)
    assert "Traceback" not in err


def snapshot(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


@pytest.fixture
def planned(capsys: pytest.CaptureFixture[str], journal_path: Path) -> Path:
    """A journal with one logged day, one exercise, one PSFS activity and one medication."""
    assert run(capsys, "log", "--pain", "4", "--note", "before")[0] == 0
    assert run(capsys, "plan", "add", "Pelvic tilt")[0] == 0
    assert run(capsys, "psfs", "add", "Put on socks")[0] == 0
    assert run(capsys, "med", "add", "Ibuprofen", "--as-needed")[0] == 0
    return journal_path


def refused(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> str:
    """Run a command that must fail; check the one line and the untouched journal; return the line."""
    before = snapshot(path)
    code, out, err = run(capsys, *args)
    assert_one_line_error(code, err)
    assert out == ""
    assert snapshot(path) == before
    return err


# -- 5. text that is not UTF-8 -------------------------------------------------------------------

NOT_UTF8_COMMANDS = [
    ["log", "--pain", "3", "--note", NOT_UTF8],
    ["log", "--pain", "3", "--question", NOT_UTF8],
    ["plan", "add", NOT_UTF8],
    ["plan", "add", "Bridge", "--instructions", NOT_UTF8],
    ["psfs", "add", NOT_UTF8],
    ["visit", "add", "--note", NOT_UTF8],
    ["profile", "--name", NOT_UTF8],
    ["med", "add", NOT_UTF8],
    ["med", "add", "Codeine", "--dose", NOT_UTF8],
    ["event", "add", NOT_UTF8, "--kind", "other"],
]


@pytest.mark.parametrize("args", NOT_UTF8_COMMANDS, ids=[" ".join(a[:2]) for a in NOT_UTF8_COMMANDS])
def test_text_that_is_not_utf8_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], planned: Path, args: list[str]
) -> None:
    err = refused(capsys, planned, *args)
    assert "is not valid text (invalid UTF-8)" in err


def test_text_that_is_not_utf8_never_creates_a_journal(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    refused(capsys, journal_path, "log", "--pain", "3", "--note", NOT_UTF8)
    assert not journal_path.exists()


# -- 6. dates --------------------------------------------------------------------------------------

EARLY = [
    ["log", "--pain", "3", "--date", "0001-01-01"],
    ["log", "--pain", "3", "--date", "1899-12-31"],
    ["visit", "add", "--date", "1899-12-31"],
    ["psfs", "rate", "Put on socks", "5", "--date", "1899-12-31"],
    ["plan", "add", "Bridge", "--start", "0001-01-01"],
    ["plan", "retire", "Pelvic tilt", "--date", "1899-12-31"],
    ["med", "add", "Codeine", "--start", "1899-12-31"],
    ["peg", "1", "2", "3", "--date", "1899-12-31"],
    ["pgic", "2", "--date", "1899-12-31"],
    ["event", "add", "MRI", "--kind", "imaging", "--date", "1899-12-31"],
    ["export", "--format", "csv", "-o", "-", "--from", "0001-01-01"],
    ["trends", "--from", "1899-12-31"],
    ["trends", "--from", "2026-01-01", "--to", "1000-01-01"],
]


@pytest.mark.parametrize("args", EARLY, ids=[" ".join(a) for a in EARLY])
def test_dates_before_1900_are_refused_everywhere(
    capsys: pytest.CaptureFixture[str], planned: Path, args: list[str]
) -> None:
    err = refused(capsys, planned, *args)
    assert "is before 1900-01-01, the earliest date the journal takes" in err


FUTURE = f"{TODAY + timedelta(days=1)}"
LATE = [
    (["log", "--pain", "3", "--date", FUTURE], "log a day once it has begun"),
    (["visit", "add", "--date", FUTURE], "record a visit once it happened"),
    (["psfs", "rate", "Put on socks", "5", "--date", FUTURE], "rate an activity once you have tried it"),
    (["peg", "1", "2", "3", "--date", FUTURE], "record a PEG-3 score once the week is behind you"),
    (["pgic", "2", "--date", FUTURE], "rate the change once it has happened"),
    (["event", "add", "MRI", "--kind", "imaging", "--date", FUTURE], "record an event once it happened"),
]


@pytest.mark.parametrize(("args", "why"), LATE, ids=[a[0] for a, _ in LATE])
def test_what_happened_cannot_be_in_the_future(
    capsys: pytest.CaptureFixture[str], planned: Path, args: list[str], why: str
) -> None:
    err = refused(capsys, planned, *args)
    assert err == f"spinejournal: error: {FUTURE} is in the future; {why}\n"


def test_the_first_day_allowed_works_with_trends_and_exports(
    capsys: pytest.CaptureFixture[str], journal_path: Path
) -> None:
    # The bug: year 1 was stored, then every 'all' range overflowed the calendar.
    assert run(capsys, "log", "--pain", "3", "--date", "1900-01-01")[0] == 0
    code, out, err = run(capsys, "trends", "--range", "all")
    assert (code, err) == (0, "")
    assert "(1900-01-01 to 2026-03-15)" in out
    for fmt in ("md", "html", "csv", "json", "fhir"):
        code, out, err = run(capsys, "export", "--format", fmt, "--range", "all", "-o", "-")
        assert (code, err) == (0, ""), fmt
        assert "1900" in out, fmt


def test_a_day_before_1900_from_an_older_version_can_be_deleted(
    capsys: pytest.CaptureFixture[str], journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as older:  # the model as it was: any date taken
        older.setattr(model.checks, "EARLIEST_DAY", date.min)
        Journal(journal_path).save_day(Day(date(1, 1, 1), pain_avg=3))
    err = refused(capsys, journal_path, "delete", "--date", "0001-01-01")
    assert "add --yes to delete 0001-01-01 without being asked" in err
    assert run(capsys, "delete", "--date", "0001-01-01", "--yes")[:2] == (0, "Deleted 0001-01-01.\n")
    assert Journal(journal_path).data().days == ()


def test_a_day_before_1900_from_an_older_version_is_named_by_reading_commands(
    capsys: pytest.CaptureFixture[str], journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as older:
        older.setattr(model.checks, "EARLIEST_DAY", date.min)
        Journal(journal_path).save_day(Day(date(1, 1, 1), pain_avg=3))
    err = refused(capsys, journal_path, "trends", "--range", "all")
    assert "holds a day it cannot read: day 0001-01-01: date: must be 1900-01-01 or later" in err
    assert f"remove that day with: spinejournal --journal {journal_path} delete --date 0001-01-01" in err


def test_a_plan_may_still_start_in_the_future(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    code, out, _ = run(capsys, "plan", "add", "Bridge", "--start", FUTURE)
    assert code == 0
    assert out == f"Added 'Bridge' (daily) from {FUTURE}.\n"


# -- 7. numbers ------------------------------------------------------------------------------------

NUMBERS = [
    (["log", "--pain", "٣"], "--pain", "'٣'"),  # Arabic-Indic three
    (["log", "--pain", "+4"], "--pain", "'+4'"),
    (["log", "--pain", " 4"], "--pain", "' 4'"),
    (["log", "--pain", "3", "--walk", "1_000"], "--walk", "'1_000'"),
    (["plan", "add", "Bridge", "--sets", "３"], "--sets", "'３'"),  # fullwidth three
    (["psfs", "rate", "Put on socks", "+5"], "SCORE", "'+5'"),
    (["show", "--days", "1_4"], "--days", "'1_4'"),
    (["log", "--pain", "3", "--mood", "٣"], "--mood", "'٣'"),
    (["log", "--pain", "3", "--sleep-quality", "+4"], "--sleep-quality", "'+4'"),
    (["med", "add", "Codeine", "--per-day", "２"], "--per-day", "'２'"),
    (["peg", "+1", "2", "3"], "PAIN", "'+1'"),
    (["pgic", "٢"], "N", "'٢'"),
]


@pytest.mark.parametrize(("args", "option", "shown"), NUMBERS, ids=[" ".join(a) for a, _, _ in NUMBERS])
def test_numbers_take_ascii_digits_only(
    capsys: pytest.CaptureFixture[str], planned: Path, args: list[str], option: str, shown: str
) -> None:
    err = refused(capsys, planned, *args)
    assert f"Invalid value for '{option}': {shown} is not a valid integer." in err


@pytest.mark.parametrize("spec", ["٢٠", "+20", "20:+6:4", "2_0", "20:6:٤"])
def test_heat_and_ice_minutes_take_ascii_digits_only(
    capsys: pytest.CaptureFixture[str], planned: Path, spec: str
) -> None:
    err = refused(capsys, planned, "log", "--heat", spec)
    assert f"--heat '{spec}': use MINUTES or MINUTES:PAIN_BEFORE:PAIN_AFTER" in err


def test_a_huge_number_is_refused_without_echoing_it_whole(capsys: pytest.CaptureFixture[str], planned: Path) -> None:
    err = refused(capsys, planned, "log", "--pain", "9" * 5000)
    assert f"'{'9' * 39}'… is not a valid integer." in err
    assert len(err) < 200


@pytest.mark.parametrize("typed", ["+4", "4_0", "٣", "３", "4.0", "9" * 19])
def test_a_form_number_takes_ascii_digits_only(typed: str) -> None:
    # The app's number fields let '+', '_' and any script's digits be typed; the form refuses them.
    with pytest.raises(ValidationError, match="sets: must be a whole number"):
        required_int("sets", typed)


def test_whole_numbers_as_typed() -> None:
    assert [parse_whole_number(t) for t in ("0", "7", "-3", "007", "9" * 18)] == [0, 7, -3, 7, 10**18 - 1]


# -- 8. names ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["pelvic  Tilt", "PELVIC TILT", " pelvic\ttilt "])
def test_an_exercise_named_like_one_in_the_plan_is_refused(
    capsys: pytest.CaptureFixture[str], planned: Path, name: str
) -> None:
    err = refused(capsys, planned, "plan", "add", name)
    assert "is already in the plan as 'Pelvic tilt'" in err


def test_renaming_an_exercise_to_the_name_of_another_current_one_is_refused(
    capsys: pytest.CaptureFixture[str], planned: Path
) -> None:
    assert run(capsys, "plan", "add", "Bird dog")[0] == 0
    journal = Journal(planned)
    bird_dog = next(e for e in journal.exercises() if e.name == "Bird dog")
    before = planned.read_bytes()
    with pytest.raises(ValidationError, match="'pelvic TILT' is already in the plan as 'Pelvic tilt'"):
        journal.update_exercise(replace(bird_dog, name="pelvic TILT"))
    assert planned.read_bytes() == before
    # A retired exercise's name is free again, as for a new one.
    assert run(capsys, "plan", "retire", "Pelvic tilt")[0] == 0
    journal.update_exercise(replace(bird_dog, name="Pelvic tilt"))
    assert [e.name for e in Journal(planned).exercises() if e.end is None] == ["Pelvic tilt"]


def test_the_same_name_again_is_refused_without_repeating_it(capsys: pytest.CaptureFixture[str], planned: Path) -> None:
    err = refused(capsys, planned, "psfs", "add", "Put on socks")
    assert err == "spinejournal: error: activity name: 'Put on socks' is already an activity\n"


def test_an_activity_named_like_another_is_refused(capsys: pytest.CaptureFixture[str], planned: Path) -> None:
    err = refused(capsys, planned, "psfs", "add", "put on  SOCKS")
    assert err == "spinejournal: error: activity name: 'put on  SOCKS' is already an activity as 'Put on socks'\n"


def test_names_are_found_whatever_their_case_and_spaces(capsys: pytest.CaptureFixture[str], planned: Path) -> None:
    assert run(capsys, "log", "--did", "pelvic   TILT")[0] == 0
    assert run(capsys, "psfs", "rate", "PUT on socks", "6")[0] == 0
    data = Journal(planned).data()
    assert [(log.exercise_id, log.status) for log in data.day(TODAY).exercises] == [(1, "done")]  # type: ignore[union-attr]
    assert [(r.activity_id, r.score) for r in data.psfs_ratings] == [(1, 6)]
    code, out, _ = run(capsys, "plan", "retire", "  Pelvic  tilt")
    assert (code, out) == (0, f"Retired 'Pelvic tilt' from {TODAY}.\n")


async def test_the_app_refuses_an_exercise_named_like_one_in_the_plan(planned: Path) -> None:
    before = planned.read_bytes()
    app = make_app(planned)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "a", *"PELVIC  tilt", "ctrl+s")
        assert isinstance(app.screen, ExerciseDialog)  # still open, the name still typed
        assert "'PELVIC  tilt' is already in the plan as 'Pelvic tilt'" in screen_text(app)
    assert planned.read_bytes() == before


async def test_the_app_refuses_an_activity_named_like_another(planned: Path) -> None:
    before = planned.read_bytes()
    app = make_app(planned)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "n", *"put on SOCKS", "enter")
        assert isinstance(app.screen, PsfsActivityDialog)
        assert "'put on SOCKS' is already an activity as 'Put on socks'" in screen_text(app)
    assert planned.read_bytes() == before


def test_an_import_matches_names_as_the_journal_does(
    capsys: pytest.CaptureFixture[str], planned: Path, tmp_path: Path
) -> None:
    file = tmp_path / "theirs.json"
    activity = {"id": 1, "name": "put on  SOCKS", "version": "1.0"}
    file.write_text(
        HEADER + f'"psfs_activities": [{json.dumps(activity)}], "psfs_ratings": '
        f'[{{"activity_id": 1, "date": "{TODAY}", "score": 7, "version": "1.0"}}]}}'
    )
    code, _, err = run(capsys, "import", str(file), "--on-conflict", "keep")
    assert code == 0, err
    data = Journal(planned).data()
    # One activity, rated: not a second 'put on  SOCKS' that could never be chosen by name.
    assert [(a.id, a.name) for a in data.psfs_activities] == [(1, "Put on socks")]
    assert [(r.activity_id, r.score) for r in data.psfs_ratings] == [(1, 7)]


def test_an_export_with_two_activities_of_one_name_is_refused(
    capsys: pytest.CaptureFixture[str], planned: Path, tmp_path: Path
) -> None:
    file = tmp_path / "twice.json"
    twice = [{"id": 1, "name": "Walk"}, {"id": 2, "name": "walk "}]
    file.write_text(HEADER + f'"psfs_activities": {json.dumps(twice)}}}')
    err = refused(capsys, planned, "import", str(file))
    assert f"{file}: PSFS activity name walk appears twice; nothing was imported" in err


def test_the_name_key_ignores_case_and_runs_of_spaces() -> None:
    assert name_key("  Pelvic \t tilt ") == "pelvic tilt"
    assert name_key("Straße") == name_key("STRASSE")
    assert name_key("Bird dog") != name_key("Birddog")


# -- 10. what is echoed ------------------------------------------------------------------------------


def test_a_usage_error_never_sends_a_terminal_escape(capsys: pytest.CaptureFixture[str], planned: Path) -> None:
    err = refused(capsys, planned, "psfs", "list", CLIPBOARD_WRITE)
    assert err == (
        "spinejournal: error: Got unexpected extra argument (\\x1b]52;c;aGVsbG8=\\x07) "
        "(see: spinejournal psfs list --help)\n"
    )


@pytest.mark.parametrize("separator", ["\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029"])
def test_an_argument_with_a_line_break_gives_one_line(
    capsys: pytest.CaptureFixture[str], planned: Path, separator: str
) -> None:
    err = refused(capsys, planned, "plan", "retire", f"Plank{separator}spinejournal: ok")
    assert "not a current exercise of your plan" in err
    assert len(err[:-1].splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["profile", "--name", "--"], "--name"),
        (["profile", "--name=--"], "--name"),
        (["log", "--pain", "3", "--note", "--"], "--note"),
        (["log", "--pain", "3", "--did", "--"], "--did"),
    ],
)
def test_a_double_dash_is_no_value(
    capsys: pytest.CaptureFixture[str], planned: Path, args: list[str], option: str
) -> None:
    # It reached the commands as an empty list: a traceback for profile, "must be text" for a note.
    err = refused(capsys, planned, *args)
    assert f"Option '{option}' cannot take '--' as its value." in err


@pytest.mark.parametrize("args", [["import", "a\x00b"], ["review", "a\x00b"], ["--journal", "a\x00b", "show"]])
def test_a_file_name_with_a_nul_is_refused(capsys: pytest.CaptureFixture[str], planned: Path, args: list[str]) -> None:
    # No shell passes one, but main(argv) may be called with anything: open() raised ValueError.
    err = refused(capsys, planned, *args)
    assert "'a\\x00b' is not a file name." in err


def test_show_makes_notes_inert_on_the_terminal(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    note = "\x1b]52;x\x07\u202e\u2028\x9b"
    assert run(capsys, "log", "--pain", "3", "--note", note)[0] == 0
    code, out, _ = run(capsys, "show")
    assert code == 0 and not RAW_OUTPUT.search(out)
    assert "\\x1b]52;x\\x07\\u202e\\u2028\\x9b" in out
    code, out, _ = run(capsys, "show", "--json")
    assert code == 0 and not RAW_OUTPUT.search(out)
    assert json.loads(out)[0]["notes"] == note


def test_a_name_with_line_breaks_is_shown_on_one_line(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    code, out, _ = run(capsys, "profile", "--name", "Sam\nSmith\u2028Jr")
    assert (code, out) == (0, "Name: Sam / Smith\\u2028Jr\n")


# -- the fuzz: generated bad input to every quick command ----------------------------------------------

# Characters a hostile or unlucky argument may hold: letters, ASCII and other digits, signs, spaces,
# controls, bidi overrides, separators, and a surrogate from bytes that were not UTF-8.
TRICKY = st.sampled_from(
    list("aZ09 -+_:.é٣３")
    + ["\t", "\n", "\r", "\x00", "\x1b", "\x07", "\x7f", "\x9b", "\u202e", "\u2066", "\u2028", "\u2029"]
    + [os.fsdecode(b"\xff"), os.fsdecode(b"\xc3")]
)
tricky_text = st.lists(TRICKY, max_size=12).map("".join)
INTEGER = re.compile("-?[0-9]{1,18}")


def whole_number(text: str, low: int, high: int) -> bool:
    """Whether a number option must take ``text``: ASCII digits (and a minus) in range."""
    return bool(INTEGER.fullmatch(text)) and low <= int(text) <= high


def has_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def numbers() -> st.SearchStrategy[str]:
    return st.one_of(
        tricky_text,
        st.integers(-20, 120).map(str),
        st.integers(-(10**30), 10**30).map(str),
        st.integers(0, 30).map(lambda n: f"+{n}"),
        st.integers(1000, 9999).map(lambda n: f"{n:_}"),
        st.just("9" * 5000),
    )


def dates() -> st.SearchStrategy[str]:
    return st.one_of(
        st.dates(date(1, 1, 1), date(9999, 12, 31)).map(date.isoformat),
        st.dates(date(1899, 12, 25), date(1900, 1, 7)).map(date.isoformat),
        st.dates(TODAY - timedelta(days=3), TODAY + timedelta(days=3)).map(date.isoformat),
        st.sampled_from(["", "2026-02-30", "tomorrow", "١٩٩٠-٠١-٠١", "2026-03-15\x1b[2J", "2026-03-1\u2028"]),
    )


def date_ok(text: str, *, past_only: bool) -> bool:
    try:
        on = date.fromisoformat(text)
    except ValueError:
        return False
    return on >= date(1900, 1, 1) and (not past_only or on <= TODAY)


def plan_names(journal: Path) -> set[str]:
    return {name_key(e.name) for e in Journal(journal, read_only=True).exercises() if e.end is None}


def activity_names(journal: Path) -> set[str]:
    return {name_key(a.name) for a in Journal(journal, read_only=True).data().psfs_activities}


def medication_names(journal: Path) -> set[str]:
    return {name_key(m.name) for m in Journal(journal, read_only=True).medications() if m.end is None}


def hours() -> st.SearchStrategy[str]:
    return st.one_of(
        numbers(),
        st.integers(-4, 52).map(lambda n: f"{n / 2:g}"),
        st.integers(0, 24).map(lambda n: f"{n}.0"),
        st.sampled_from(["6.25", "7.", ".5", "6,5", "٦.5", "6.٥", "-0.5", "-0"]),
    )


def hours_ok(text: str) -> bool:
    """Whether --sleep-hours must take ``text``: ASCII whole or half hours from 0 to 24."""
    return bool(re.fullmatch("[0-9]{1,18}(\\.[05])?", text)) and float(text) <= 24


def text_ok(text: str, limit: int) -> bool:
    """Whether a one-line text (an event) must be taken: not empty, one line, within ``limit``."""
    stripped = text.strip()
    return not has_surrogate(text) and len(text) <= limit and stripped != "" and not any(c in stripped for c in "\r\n")


def name_ok(text: str, taken: set[str]) -> bool:
    """Whether an exercise or activity name must be taken: text, one line, not empty, new."""
    stripped = text.strip()
    return (
        not has_surrogate(text)
        and len(text) <= 80
        and stripped != ""
        and "\r" not in stripped
        and "\n" not in stripped
        and name_key(stripped) not in taken
    )


# Each case: the command for a generated value, and whether it must succeed on the journal as it is.
# An option's value is never '--' (argparse would take it for the end of the options).
Case = tuple[Callable[[str], list[str]], Callable[[str, Path], bool]]
CASES: dict[str, tuple[Case, Callable[[], st.SearchStrategy[str]]]] = {
    "log --pain": ((lambda v: ["log", "--pain", v], lambda v, _: whole_number(v, 0, 10)), numbers),
    "log --walk": ((lambda v: ["log", "--pain", "3", "--walk", v], lambda v, _: whole_number(v, 0, 1440)), numbers),
    "log --heat": (
        (lambda v: ["log", "--pain", "3", "--heat", f"{v}:5:3"], lambda v, _: whole_number(v, 1, 240)),
        numbers,
    ),
    "log --note": (
        (lambda v: ["log", "--pain", "3", "--note", v], lambda v, _: v != "--" and not has_surrogate(v)),
        lambda: tricky_text,
    ),
    "log --date": (
        (lambda v: ["log", "--pain", "3", "--date", v], lambda v, _: date_ok(v, past_only=True)),
        dates,
    ),
    "log --took": (
        (lambda v: ["log", "--pain", "3", "--took", f"Ibuprofen:{v}"], lambda v, _: whole_number(v, 1, 50)),
        numbers,
    ),
    "log --sleep-hours": ((lambda v: ["log", "--pain", "3", "--sleep-hours", v], lambda v, _: hours_ok(v)), hours),
    "log --mood": ((lambda v: ["log", "--pain", "3", "--mood", v], lambda v, _: whole_number(v, 0, 10)), numbers),
    "med add NAME": (
        (lambda v: ["med", "add", "--", v], lambda v, j: name_ok(v, medication_names(j))),
        lambda: tricky_text,
    ),
    "med add --per-day": (
        (
            lambda v: ["med", "add", "Codeine", "--per-day", v],
            lambda v, j: whole_number(v, 1, 24) and name_ok("Codeine", medication_names(j)),
        ),
        numbers,
    ),
    "peg PAIN": ((lambda v: ["peg", "--", v, "4", "5"], lambda v, _: whole_number(v, 0, 10)), numbers),
    "peg --date": ((lambda v: ["peg", "1", "2", "3", "--date", v], lambda v, _: date_ok(v, past_only=True)), dates),
    "pgic N": ((lambda v: ["pgic", "--", v], lambda v, _: whole_number(v, 1, 7)), numbers),
    "event add TEXT": (
        (lambda v: ["event", "add", "--kind", "other", "--", v], lambda v, _: text_ok(v, 200)),
        lambda: tricky_text,
    ),
    "event add --date": (
        (lambda v: ["event", "add", "MRI", "--kind", "imaging", "--date", v], lambda v, _: date_ok(v, past_only=True)),
        dates,
    ),
    "plan add NAME": (
        (lambda v: ["plan", "add", "--", v], lambda v, j: name_ok(v, plan_names(j))),
        lambda: tricky_text,
    ),
    "plan add --sets": (
        (
            lambda v: ["plan", "add", "Bridge", "--sets", v],
            lambda v, j: whole_number(v, 1, 20) and name_ok("Bridge", plan_names(j)),
        ),
        numbers,
    ),
    "plan add --start": (
        (
            lambda v: ["plan", "add", "Bridge", "--start", v],
            lambda v, j: date_ok(v, past_only=False) and name_ok("Bridge", plan_names(j)),
        ),
        dates,
    ),
    "psfs add": (
        (lambda v: ["psfs", "add", "--", v], lambda v, j: name_ok(v, activity_names(j))),
        lambda: tricky_text,
    ),
    "psfs rate SCORE": (
        (lambda v: ["psfs", "rate", "Put on socks", "--", v], lambda v, _: whole_number(v, 0, 10)),
        numbers,
    ),
    "psfs rate --date": (
        (lambda v: ["psfs", "rate", "Put on socks", "5", "--date", v], lambda v, _: date_ok(v, past_only=True)),
        dates,
    ),
    "visit add --date": (
        (lambda v: ["visit", "add", "--date", v], lambda v, _: date_ok(v, past_only=True)),
        dates,
    ),
    "visit add --note": (
        (lambda v: ["visit", "add", "--note", v], lambda v, _: v != "--" and not has_surrogate(v)),
        lambda: tricky_text,
    ),
    "profile --name": (
        (lambda v: ["profile", "--name", v], lambda v, _: v != "--" and not has_surrogate(v) and len(v.strip()) <= 80),
        lambda: tricky_text,
    ),
    "show --days": ((lambda v: ["show", "--days", v], lambda v, _: whole_number(v, 1, 100_000)), numbers),
    # An empty --from is no start, as it always was: the whole journal.
    "export --from": (
        (
            lambda v: ["export", "--format", "csv", "-o", "-", "--from", v],
            lambda v, _: v == "" or date_ok(v, past_only=True),
        ),
        dates,
    ),
}


@st.composite
def bad_commands(draw: st.DrawFn) -> tuple[str, str]:
    which = draw(st.sampled_from(sorted(CASES)))
    return which, draw(CASES[which][1]())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=bad_commands())
def test_generated_bad_input_is_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], planned: Path, case: tuple[str, str]
) -> None:
    which, value = case
    (command, must_succeed), _ = CASES[which]
    expected = must_succeed(value, planned)
    before = planned.read_bytes()
    code, out, err = run(capsys, *command(value))
    if not which.startswith("export"):  # an export to standard output is the data as it is
        assert not RAW_OUTPUT.search(out), repr(out)
    if expected:
        assert code == 0, (which, value, err)
        # Only the gentle note about a long heat session may be said.
        assert all(line.startswith("Note: ") for line in err.splitlines()), err
    else:
        assert_one_line_error(code, err)
        assert planned.read_bytes() == before


SUBPROCESS_CASES = [
    [b"log", b"--pain", b"3", b"--note", b"bad\xffbyte"],
    [b"psfs", b"list", CLIPBOARD_WRITE.encode()],
    [b"log", b"--pain", "٣".encode()],
    [b"plan", b"retire", b"a\nb\xe2\x80\xa8c"],
]


@pytest.mark.parametrize("args", SUBPROCESS_CASES, ids=["not-utf8", "osc52", "digit", "newlines"])
def test_bad_bytes_from_a_real_shell_give_one_line(tmp_path: Path, args: list[bytes]) -> None:
    journal = tmp_path / "journal.json"
    env = {**os.environ, "SPINEJOURNAL_JOURNAL": str(journal), "SPINEJOURNAL_TODAY": TODAY.isoformat()}
    done = subprocess.run(
        [sys.executable.encode(), b"-m", b"spinejournal", *args], capture_output=True, env=env, timeout=60
    )
    err = done.stderr.decode("utf-8")  # itself valid UTF-8: the bad bytes are shown escaped
    assert_one_line_error(done.returncode, err)
    assert done.stdout == b""
    assert not journal.exists()


# -- 9. hostile files to import or review ------------------------------------------------------------

HEADER = '{"format": "spinejournal-export", "version": 1, '
# Every refusal comes well within this (a hang guard, not a speed target).
BOUND_SECONDS = 10


def day_json(on: date, sessions: int = 0) -> str:
    """One day of an export, with ``sessions`` heat sessions."""
    logged = ", ".join(['{"kind": "heat", "minutes": 10}'] * sessions)
    return f'{{"date": "{on.isoformat()}", "pain_avg": 3, "sessions": [{logged}]}}'


def export_of(days: list[str]) -> bytes:
    return (HEADER + f'"days": [{", ".join(days)}]}}').encode()


FIRST = date(1950, 1, 1)
# Each: the file, and what the one line says about it.
HOSTILE: dict[str, Callable[[], tuple[bytes, str]]] = {
    "deep": lambda: (
        HEADER.encode() + b'"days": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        "is nested hundreds of levels deep; a spinejournal export is at most 5 levels deep",
    ),
    "huge-int": lambda: (
        (HEADER + '"days": [{"date": "2026-03-01", "pain_avg": ' + "7" * 5000 + "}]}").encode(),
        "a number longer than 20 digits",
    ),
    "many-days": lambda: (
        export_of([day_json(FIRST + timedelta(days=i)) for i in range(200_000)]),
        f"'days' holds 200000 records, more than the {MAX_DAYS} allowed",
    ),
    "many-sessions": lambda: (
        export_of([day_json(FIRST, sessions=MAX_SESSIONS_PER_DAY + 1)]),
        f"days[0] holds {MAX_SESSIONS_PER_DAY + 1} heat/ice sessions",
    ),
    # Eleven a day for 100 years: each day is allowed, but not MAX_SESSIONS in all.
    "busy-days": lambda: (
        export_of([day_json(FIRST + timedelta(days=i), sessions=11) for i in range(MAX_DAYS)]),
        f"holds {11 * MAX_DAYS} heat/ice sessions, more than the {MAX_SESSIONS} allowed",
    ),
    "future": lambda: (export_of([day_json(TODAY + timedelta(days=1))]), f"day {FUTURE} is in the future"),
    "early": lambda: (export_of([day_json(date(1, 1, 1))]), "must be 1900-01-01 or later"),
    "surrogate": lambda: (
        (HEADER + '"days": [{"date": "2026-03-01", "pain_avg": 3, "notes": "\\udcff"}]}').encode(),
        "invalid UTF-8",
    ),
}


def refused_hostile(
    capsys: pytest.CaptureFixture[str], journal: Path, folder: Path, kind: str, command: str
) -> tuple[Path, str, str]:
    """Give ``command`` the hostile file ``kind``: it must be refused (one line, journal untouched)
    within the hang guard. Returns the file, the words the refusal must hold, and the error line."""
    content, message = HOSTILE[kind]()
    file = folder / f"{kind}.json"
    file.write_bytes(content)
    started = time.monotonic()
    err = refused(capsys, journal, command, str(file))
    assert time.monotonic() - started < BOUND_SECONDS
    return file, message, err


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_import_is_refused_at_once(
    capsys: pytest.CaptureFixture[str], planned: Path, tmp_path: Path, kind: str
) -> None:
    file, message, err = refused_hostile(capsys, planned, tmp_path, kind, "import")
    assert err.startswith(f"spinejournal: error: {file}")
    assert message in err and err.endswith("; nothing was imported\n")


@pytest.mark.parametrize("kind", ["deep", "huge-int", "many-days", "surrogate"])
def test_a_hostile_file_is_refused_for_review_before_the_app_starts(
    capsys: pytest.CaptureFixture[str], planned: Path, tmp_path: Path, kind: str
) -> None:
    file, message, err = refused_hostile(capsys, planned, tmp_path, kind, "review")
    assert err.startswith(f"spinejournal: error: {file}") and message in err


def test_a_review_may_hold_days_after_the_reviewers_today(tmp_path: Path) -> None:
    # A patient east of the therapist exports a day that is still tomorrow where it is reviewed.
    file = tmp_path / "patient.json"
    file.write_bytes(export_of([day_json(TODAY + timedelta(days=1))]))
    assert [d.date for d in read_export(str(file)).days] == [TODAY + timedelta(days=1)]


@pytest.mark.parametrize("command", ["import", "review"])
def test_an_oversize_file_is_refused_from_its_size_without_reading_it(
    capsys: pytest.CaptureFixture[str], planned: Path, tmp_path: Path, command: str
) -> None:
    file = tmp_path / "big.json"
    with file.open("wb") as sparse:
        sparse.truncate(MAX_FILE_BYTES + 1)  # sparse: its size is known without writing 64 MB
    started = time.monotonic()
    err = refused(capsys, planned, command, str(file))
    assert time.monotonic() - started < BOUND_SECONDS
    assert f"{file} is larger than 64 MB, more than an export of 100 years of journal" in err


def test_an_endless_stream_is_not_read_past_the_cap(capsys: pytest.CaptureFixture[str], planned: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    started = time.monotonic()
    err = refused(capsys, planned, "import", "/dev/zero")
    assert time.monotonic() - started < BOUND_SECONDS
    assert "/dev/zero is larger than 64 MB" in err
