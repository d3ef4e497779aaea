"""The quick-entry command line, driven as a person would type it."""

from __future__ import annotations

import inspect
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from spinejournal.cli import cli
from spinejournal.cli import common as cli_common
from spinejournal.cli.args import Group
from spinejournal.demo import write_demo
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


def _commands(group: Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path of the tree the argparse parser is built from."""
    found = [prefix]
    for name, command in group.commands.items():
        if isinstance(command, Group):
            found += _commands(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


@pytest.mark.parametrize("path", _commands(cli), ids=lambda p: " ".join(p) or "spinejournal")
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], path: tuple[str, ...]) -> None:
    for flag in ("--help", "-h"):
        code, out, _ = run(capsys, *path, flag)
        assert code == 0 and out.startswith(f"Usage: {' '.join(('spinejournal', *path))} [OPTIONS]")
        assert "Options:\n" in out and "  -h, --help" in out and "Show this message and exit." in out
        assert "\b" not in out


def test_every_command_a_module_declares_is_in_the_tree() -> None:
    # The tree is built in one list in spinejournal/cli/__init__.py: a command left out of it
    # would exist in its module and be unreachable from the command line.
    from spinejournal.cli import caseload, files, log, measures, meds, plan, show, visits

    def funcs(group: Group) -> set[object]:
        found: set[object] = set()
        for command in group.commands.values():
            found |= {command.func} | (funcs(command) if isinstance(command, Group) else set())
        return found

    declared = {
        func
        for module in (log, show, plan, meds, visits, measures, files, caseload)
        for name, func in vars(module).items()
        if inspect.isfunction(func) and func.__module__ == module.__name__ and not name.startswith("_")
    }
    assert len(declared) == 34  # 15 commands, 5 groups and their 14 subcommands
    assert declared == funcs(cli) - {cli.commands["completion"].func}


def test_help_lists_every_command_in_order_and_keeps_examples_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "--help")[1]
    listed = [
        line.split()[0] for line in out.split("Commands:\n")[1].splitlines() if line.startswith("  ") and line[2] != " "
    ]
    assert listed == ["log", "show", "trends", "delete", "plan", "med", "visit", "psfs", "peg", "pgic", "event",
                      "profile", "flags", "remind", "restore", "check", "export", "import", "review",
                      "caseload"]  # fmt: skip
    assert "\n  -V, --version   Show the version and exit.\n" in out
    # An example is never rewrapped, even past 80 columns.
    example = '\n    spinejournal log --pain 4 --worst 6 --heat 20:6:4 --did "Pelvic tilt" --walk 25\n'
    assert example in run(capsys, "log", "--help")[1]
    out = run(capsys, "export", "--help")[1]
    assert "\n  Examples:\n    spinejournal export --format html          the summary since the last visit" in out
    assert "  --format [md|html|csv|json|fhir]\n" in out and "FHIR R4. [default: md]" in out
    assert "--days INTEGER RANGE  How many days back from today. [default: 14;\n" in run(capsys, "show", "--help")[1]
    assert "--date DATE  The day to delete: YYYY-MM-DD or yesterday. [required]" in run(capsys, "delete", "--help")[1]
    assert "  add         Add an exercise to the plan.\n" in run(capsys, "plan", "--help")[1]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from spinejournal import __version__

    assert run(capsys, "-V") == (0, f"spinejournal, version {__version__}\n", "")
    assert run(capsys, "--version")[1] == f"spinejournal, version {__version__}\n"


USAGE_MISTAKES = [
    (["log", "--pian", "3"], "No such option '--pian'. (Did you mean one of: '--pain', '--partial', '--stand'?)",
     "log"),
    # Never guessed to be --pain (argparse would take any unambiguous prefix).
    (["log", "--pai", "3"], "No such option '--pai'. (Did you mean one of: '--limb-pain', '--pain', '--partial'?)",
     "log"),
    (["log", "--pain", "five"], "Invalid value for '--pain': 'five' is not a valid integer.", "log"),
    (["log", "--pain"], "Option '--pain' requires an argument.", "log"),
    (["log", "--pain", "--now", "3"], "Option '--pain' requires an argument.", "log"),
    (["log", "--pain", "3", "extra"], "Got unexpected extra argument (extra)", "log"),
    (["show", "--days", "0"], "Invalid value for '--days': 0 is not in the range 1<=x<=100000.", "show"),
    (["show", "--json=yes"], "Option '--json' does not take a value.", "show"),
    (["trends", "--range", "year"],
     "Invalid value for '--range': 'year' is not one of 'since-visit', '4w', '3m', 'all'.", "trends"),
    (["delete"], "Missing option '--date'.", "delete"),
    (["plan"], "Missing command.", "plan"),
    (["plan", "frob"], "No such command 'frob'.", "plan"),
    (["plan", "add"], "Missing argument 'NAME'.", "plan add"),
    (["plan", "add", "Walk", "--sets", "x"], "Invalid value for '--sets': 'x' is not a valid integer.", "plan add"),
    (["psfs", "rate", "Walk"], "Missing argument 'SCORE'.", "psfs rate"),
    (["psfs", "rate", "Walk", "five"], "Invalid value for 'SCORE': 'five' is not a valid integer.", "psfs rate"),
    (["psfs", "add", "Walk", "--version", "3.0"], "Invalid value for '--version': '3.0' is not one of '1.0', '2.0'.",
     "psfs add"),
    (["export", "--since-visit", "--range", "4w"], "--since-visit and --range cannot both be given", "export"),
    (["import", "/"], "Invalid value for 'FILE': File '/' is a directory.", "import"),
    (["--journal", "/", "show"], "Invalid value for '--journal': File '/' is a directory.", ""),
    (["--pian"], "No such option '--pian'.", ""),
    (["frobnicate"], "No such command 'frobnicate'.", ""),
]  # fmt: skip


@pytest.mark.parametrize(("args", "message", "where"), USAGE_MISTAKES, ids=[" ".join(a) for a, _, _ in USAGE_MISTAKES])
def test_usage_mistakes_are_one_line_with_where_to_look(
    capsys: pytest.CaptureFixture[str], journal_path: Path, args: list[str], message: str, where: str
) -> None:
    run(capsys, "log", "--pain", "4")
    before = journal_path.read_bytes()
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, "")
    assert err == f"spinejournal: error: {message} (see: {' '.join(('spinejournal', where)).strip()} --help)\n"
    assert journal_path.read_bytes() == before


def test_a_value_may_start_with_a_dash(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    assert run(capsys, "log", "--pain", "3", "--note", "-tired", "--question", "--why?")[0] == 0
    day = Journal(journal_path).get_day(TODAY)
    assert day is not None and (day.notes, day.questions) == ("-tired", "--why?")
    code, _, err = run(capsys, "log", "--pain", "-1")
    assert code == 1 and "must be from 0 to 10 (got -1)" in err


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


@pytest.fixture
def at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Someone answers questions on the terminal: what they type is given as a string."""
    monkeypatch.setattr(cli_common, "interactive", lambda: True)
    return lambda typed: monkeypatch.setattr(sys, "stdin", io.StringIO(typed))


def test_delete_asks_first_at_a_terminal(
    capsys: pytest.CaptureFixture[str], journal_path: Path, at_a_terminal: Callable[[str], None]
) -> None:
    run(capsys, "log", "--pain", "3", "--date", "yesterday")
    run(capsys, "log", "--pain", "5")
    before = journal_path.read_bytes()
    yesterday = TODAY - timedelta(days=1)
    at_a_terminal("n\n")
    code, out, _ = run(capsys, "delete", "--date", "yesterday")
    assert code == 0
    assert out == f"Delete {yesterday} (average pain 3/10)? [y/N]: Kept: nothing was deleted.\n"
    assert journal_path.read_bytes() == before
    at_a_terminal("\n")  # the answer is no unless they say yes
    assert run(capsys, "delete", "--date", "yesterday")[1].endswith("Kept: nothing was deleted.\n")
    at_a_terminal("maybe\nyes\n")
    code, out, err = run(capsys, "delete", "--date", "yesterday")
    assert code == 0 and err == "Error: invalid input\n"
    assert out.count("[y/N]: ") == 2 and out.endswith(f"Deleted {yesterday}.\n")
    assert [d.date for d in Journal(journal_path).data().days] == [TODAY]


def test_end_of_input_at_a_question_cancels(
    capsys: pytest.CaptureFixture[str], journal_path: Path, at_a_terminal: Callable[[str], None]
) -> None:
    run(capsys, "log", "--pain", "5")
    before = journal_path.read_bytes()
    at_a_terminal("")
    code, _, err = run(capsys, "delete", "--date", "today")
    assert (code, err) == (1, "spinejournal: error: cancelled\n")
    assert journal_path.read_bytes() == before


def test_output_cut_short_by_the_reader_is_not_an_error(tmp_path: Path, journal_path: Path) -> None:
    write_demo(journal_path, end=TODAY, days=400)
    probe = "from spinejournal.cli import main\nmain(['show', '--json', '--days', '400'])"
    with subprocess.Popen([sys.executable, "-c", probe], stdout=subprocess.PIPE, stderr=subprocess.PIPE) as child:
        assert child.stdout is not None and child.stderr is not None
        assert child.stdout.read(100).startswith(b"[")
        child.stdout.close()  # as '| head' does
        err = child.stderr.read()
    assert (child.returncode, err) == (0, b"")
