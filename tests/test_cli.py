"""The quick-entry command line, driven as a person would type it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import click
import pytest

from spinejournal.cli import cli
from spinejournal.store import Journal
from tests.helpers import run

from .conftest import TODAY


@pytest.fixture
def planned(capsys: pytest.CaptureFixture[str], journal_path: Path) -> Path:
    """A journal with a two-exercise plan."""
    assert run(capsys, "plan", "add", "Pelvic tilt", "--sets", "3", "--reps", "10")[0] == 0
    assert run(capsys, "plan", "add", "Bird dog", "--per-week", "5")[0] == 0
    return journal_path


def test_log_a_full_day_in_one_line(capsys: pytest.CaptureFixture[str], planned: Path) -> None:
    code, out, err = run(
        capsys,
        "log", "--pain", "4", "--now", "3", "--worst", "6", "--least", "2", "--limb-pain", "3",
        "--region", "lower_back", "--radiating", "left_leg:calf",
        "--heat", "15:5:3", "--ice", "10",
        "--did", "pelvic tilt", "--skipped", "Bird dog:no time",
        "--walk", "20", "--sit", "30", "--stand", "15", "--stiffness", "40",
        "--note", "gardening", "--question", "Can I swim?",
    )  # fmt: skip
    assert code == 0, err
    assert out == f"Logged {TODAY}: average pain 4/10.\n"
    day = Journal(planned).get_day(TODAY)
    assert day is not None
    assert (day.pain_avg, day.pain_now, day.pain_worst, day.pain_least, day.pain_limb) == (4, 3, 6, 2, 3)
    assert day.regions == ("lower_back",)
    assert [(r.limb, r.extent) for r in day.radiating] == [("left_leg", "calf")]
    assert [(s.kind, s.minutes, s.relief) for s in day.sessions] == [("heat", 15, 2), ("ice", 10, None)]
    assert [(e.exercise_id, e.status, e.reason) for e in day.exercises] == [
        (1, "done", None),
        (2, "skipped", "no_time"),
    ]
    assert (day.mobility.walk, day.mobility.sit, day.mobility.stand, day.mobility.stiffness) == (20, 30, 15, 40)
    assert (day.notes, day.questions) == ("gardening", "Can I swim?")


def test_logging_again_updates_the_day_and_adds_sessions(capsys: pytest.CaptureFixture[str], planned: Path) -> None:
    run(capsys, "log", "--pain", "5", "--heat", "15", "--note", "morning", "--did", "Pelvic tilt")
    code, out, _ = run(capsys, "log", "--worst", "7", "--heat", "20", "--skipped", "Pelvic tilt:pain")
    assert code == 0 and out.startswith(f"Updated {TODAY}")
    day = Journal(planned).get_day(TODAY)
    assert day is not None
    assert (day.pain_avg, day.pain_worst, day.notes) == (5, 7, "morning")
    assert [s.minutes for s in day.sessions] == [15, 20]
    assert [(e.status, e.reason) for e in day.exercises] == [("skipped", "pain")]


def test_yesterday_and_explicit_dates(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    assert run(capsys, "log", "--pain", "2", "--date", "yesterday")[0] == 0
    assert run(capsys, "log", "--pain", "3", "--date", "2026-01-02")[0] == 0
    data = Journal(journal_path).data()
    assert [d.date for d in data.days] == [date(2026, 1, 2), TODAY - timedelta(days=1)]


def test_long_heat_session_is_saved_with_a_gentle_note(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    code, _, err = run(capsys, "log", "--pain", "4", "--heat", "30")
    assert code == 0
    assert "Note: Heat for 30 minutes is longer than the 20 minutes usually advised" in err
    assert Journal(journal_path).get_day(TODAY).sessions[0].minutes == 30  # type: ignore[union-attr]


def test_a_red_flag_is_saved_and_the_advice_shown(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    code, _, err = run(capsys, "log", "--pain", "6", "--red-flag", "bladder_bowel")
    assert code == 0
    assert "Needs medical help now" in err and "emergency" in err
    assert Journal(journal_path).get_day(TODAY).red_flags == ("bladder_bowel",)  # type: ignore[union-attr]


BAD_INPUT = [
    (["log", "--pain", "11"], "average pain: must be from 0 to 10 (got 11)"),
    (["log", "--pain", "five"], "'five' is not a valid integer"),
    (["log", "--pain", "5", "--worst", "3"], "worst pain: cannot be lower than the average"),
    (["log", "--pain", "3", "--date", "2026-03-16"], "in the future"),
    (["log", "--pain", "3", "--date", "15/03/2026"], "is not a date"),
    (["log", "--pain", "3", "--did", "Plank"], "'Plank' is not in your exercise plan"),
    (["log", "--pain", "3", "--did", "Pelvic tilt", "--date", "2026-03-01"], "is in your plan from 2026-03-15, not on"),
    (["log", "--pain", "3", "--heat", "ten"], "use MINUTES or MINUTES:PAIN_BEFORE:PAIN_AFTER"),
    (["log", "--pain", "3", "--heat", "0"], "heat minutes: must be from 1 to 240"),
    (["log", "--pain", "3", "--region", "knee"], "region: must be one of"),
    (["log", "--pain", "3", "--radiating", "left_leg"], "say how far it reaches"),
    (["log", "--pain", "3", "--red-flag", "itchy"], "unknown"),
    (["log", "--walk", "10", "--date", "2026-03-01"], "not logged yet: give at least --pain"),
    (["log", "--pian", "3"], "No such option '--pian'"),
    (["plan", "add", ""], "exercise name: must not be empty"),
    (["plan", "add", "Pelvic tilt"], "already in the plan"),
    (["plan", "retire", "Nope"], "not a current exercise"),
    (["visit", "add", "--date", "2027-01-01"], "in the future"),
    (["psfs", "rate", "Nothing", "5"], "no PSFS activity"),
    (["show", "--days", "0"], "0 is not in the range"),
    (["frobnicate"], "No such command"),
]


@pytest.mark.parametrize(("args", "message"), BAD_INPUT, ids=[" ".join(a) for a, _ in BAD_INPUT])
def test_bad_input_is_one_line_on_stderr_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], planned: Path, args: list[str], message: str
) -> None:
    run(capsys, "log", "--pain", "4", "--note", "before")
    before = planned.read_bytes()
    code, out, err = run(capsys, *args)
    assert code != 0
    assert out == ""
    assert err.startswith("spinejournal: error: ") and err.count("\n") == 1, err
    assert message in err
    assert "Traceback" not in err
    assert planned.read_bytes() == before


def test_show_lists_recent_days_with_user_text_made_harmless(
    capsys: pytest.CaptureFixture[str], journal_path: Path
) -> None:
    run(capsys, "log", "--pain", "4", "--heat", "15", "--note", "[bold]x[/] red \x1b[31malert")
    run(capsys, "log", "--pain", "6", "--date", "yesterday", "--red-flag", "fever")
    code, out, _ = run(capsys, "show", "--days", "7")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Date") and "Avg" in lines[0]
    assert lines[2].startswith(f"{TODAY - timedelta(days=1)}    6") and lines[2].endswith("!!")
    assert lines[3].startswith(f"{TODAY}    4") and "H15" in lines[3]
    assert "\x1b" not in out and "\\x1b[31malert" in out and "[bold]x[/]" in out
    assert lines[-1] == "2 of 7 days logged."


def test_show_json_is_the_stored_days(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "log", "--pain", "4", "--note", 'a "quote"')
    code, out, _ = run(capsys, "show", "--json")
    assert code == 0
    assert json.loads(out) == [{"date": str(TODAY), "pain_avg": 4, "notes": 'a "quote"'}]


def test_show_on_an_empty_journal_says_how_to_start(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show")
    assert code == 0 and "No days logged" in out and "spinejournal log --pain N" in out


def test_plan_add_list_retire(capsys: pytest.CaptureFixture[str], planned: Path) -> None:
    code, out, _ = run(capsys, "plan", "list")
    assert code == 0
    assert out.splitlines()[0].split() == ["Pelvic", "tilt", "3", "x", "10,", "daily", "since", str(TODAY)]
    assert "5 x/week" in out.splitlines()[1]
    code, out, _ = run(capsys, "plan", "retire", "bird DOG")
    assert code == 0 and out == f"Retired 'Bird dog' from {TODAY}.\n"
    assert "Bird dog" not in run(capsys, "plan", "list")[1]
    assert f"retired {TODAY}" in run(capsys, "plan", "list", "--all")[1]


def test_visits_psfs_and_profile(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    assert run(capsys, "visit", "add", "--date", "2026-03-02", "--note", "first")[0] == 0
    assert run(capsys, "visit", "list")[1] == "2026-03-02  first\n"
    assert run(capsys, "psfs", "add", "Sit through a film")[0] == 0
    assert run(capsys, "psfs", "rate", "sit through a film", "4")[0] == 0
    assert "4/10 on 2026-03-15" in run(capsys, "psfs", "list")[1]
    assert run(capsys, "profile", "--name", "Alex")[1] == "Name: Alex\n"
    data = Journal(journal_path).data()
    assert data.visits[0].date == date(2026, 3, 2) and data.psfs_ratings[0].score == 4
    assert data.profile.patient_name == "Alex"


def test_remind_nudges_only_when_today_is_missing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "remind")
    assert code == 0 and out == f"spinejournal: today ({TODAY}) is not logged yet - run: spinejournal\n"
    run(capsys, "log", "--pain", "3", "--date", "yesterday")
    assert run(capsys, "remind")[1] != ""
    run(capsys, "log", "--pain", "3")
    assert run(capsys, "remind") == (0, "", "")


def test_journal_option_and_environment_choose_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, journal_path: Path
) -> None:
    other = tmp_path / "elsewhere" / "mine.json"
    assert run(capsys, "--journal", str(other), "log", "--pain", "7")[0] == 0
    assert Journal(other).get_day(TODAY).pain_avg == 7  # type: ignore[union-attr]
    assert not journal_path.exists()


def test_corrupt_journal_gives_one_line_and_restore_recovers(
    capsys: pytest.CaptureFixture[str], journal_path: Path
) -> None:
    run(capsys, "log", "--pain", "3", "--date", "yesterday")
    run(capsys, "log", "--pain", "4")
    journal_path.write_text("{ not json")
    code, _, err = run(capsys, "log", "--pain", "5")
    assert code == 1 and err.count("\n") == 1 and "restore latest" in err
    assert journal_path.read_text() == "{ not json"

    code, out, _ = run(capsys, "restore")
    assert code == 0 and f"journal-{TODAY}.json" in out
    code, out, _ = run(capsys, "restore", "latest")
    assert code == 0 and "kept as" in out
    assert [d.pain_avg for d in Journal(journal_path).data().days] == [3]


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += _commands(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


@pytest.mark.parametrize("path", _commands(cli), ids=lambda p: " ".join(p) or "spinejournal")
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], path: tuple[str, ...]) -> None:
    code, out, _ = run(capsys, *path, "--help")
    assert code == 0 and out.startswith("Usage: spinejournal")


def test_quick_entry_loads_neither_textual_nor_the_insights(tmp_path: Path) -> None:
    probe = (
        "import sys; from spinejournal.cli import main\n"
        "try:\n    main(['log', '--pain', '3'])\n"
        "except SystemExit:\n    pass\n"
        "heavy = ('textual', 'textual_plotext', 'plotext', 'spinejournal.insights', 'spinejournal.reports.summary')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))"
    )
    env = {**os.environ, "SPINEJOURNAL_JOURNAL": str(tmp_path / "j.json")}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True).stdout
    assert out.strip().endswith("[]")
    assert (tmp_path / "j.json").exists()


def test_delete_a_day_logged_by_mistake(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    run(capsys, "log", "--pain", "3", "--date", "yesterday")
    run(capsys, "log", "--pain", "5")
    before = journal_path.read_bytes()
    # No one at a terminal to answer (as under pytest): refused without --yes, nothing deleted.
    code, _, err = run(capsys, "delete", "--date", "yesterday")
    assert code == 1 and "add --yes" in err and journal_path.read_bytes() == before
    code, _, err = run(capsys, "delete", "--date", "2026-01-01", "--yes")
    assert code == 1 and "nothing is logged on 2026-01-01" in err
    code, out, _ = run(capsys, "delete", "--date", "yesterday", "--yes")
    assert code == 0 and out == f"Deleted {TODAY - timedelta(days=1)}.\n"
    assert [d.date for d in Journal(journal_path).data().days] == [TODAY]
