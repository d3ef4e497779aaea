"""``spinejournal trends``: what changed and the charts in the shell, without the TUI."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from spinejournal.demo import write_demo
from spinejournal.model import (
    CareEvent,
    Day,
    Exercise,
    ExerciseLog,
    Medication,
    MedicationTaken,
    PegScore,
    PgicRating,
    TherapySession,
    Visit,
)
from spinejournal.store import Journal
from tests.helpers import run

from .conftest import TODAY


@pytest.fixture(autouse=True)
def _eighty_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


def two_weeks(journal: Journal, first: int, latest: int) -> None:
    """Pain ``first`` on 2..8 Mar and ``latest`` on 9..15 Mar, with a visit on 2 Mar."""
    for i in range(14):
        on = date(2026, 3, 2) + timedelta(days=i)
        journal.save_day(Day(date=on, pain_avg=first if i < 7 else latest))
    journal.save_visit(Visit(date(2026, 3, 2)))


def test_empty_journal_says_nothing_is_logged(capsys: pytest.CaptureFixture[str], journal: Journal) -> None:
    code, out, err = run(capsys, "trends")
    assert code == 0, err
    # No visit yet: the last 4 weeks, 16 Feb..15 Mar.
    assert out.splitlines() == [
        "Last 4 weeks (no visit recorded yet) (2026-02-16 to 2026-03-15)",
        "",
        "What changed",
        "- No days logged from 16 Feb to 15 Mar.",
        "Log a day with: spinejournal log --pain N",
    ]


def test_since_the_visit_in_words_and_charts(capsys: pytest.CaptureFixture[str], journal: Journal) -> None:
    two_weeks(journal, 8, 6)
    code, out, err = run(capsys, "trends")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Since the visit on 2 Mar 2026 (2026-03-02 to 2026-03-15)"
    assert "- Since the visit on 2 Mar 2026: 14 of 14 days logged." in lines
    text = " ".join(line.strip("- ").strip() for line in lines)
    # 8 -> 6 is 2 points (25 %): clinically important.
    assert "went down from 8.0 to 6.0 (2.0 points, 25 %). That is a change big enough" in text
    for title in ("Average pain (0-10)", "Exercises: none planned", "Heat and ice: no sessions", "Mobility"):
        assert title in out
    assert max(len(line) for line in lines) <= 80
    assert "\x1b" not in out


def test_range_option_and_custom_dates(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    write_demo(journal_path, end=TODAY, days=120)
    code, out, _ = run(capsys, "trends", "--range", "3m")
    assert code == 0 and out.startswith("Last 3 months (2025-12-15 to 2026-03-15)\n")
    code, out, _ = run(capsys, "trends", "--from", "2026-03-01", "--to", "2026-03-07", "--width", "100")
    assert code == 0 and out.startswith("1 Mar 2026 to 7 Mar 2026 (2026-03-01 to 2026-03-07)\n")
    assert "7 of 7 days logged" in out
    assert max(len(line) for line in out.splitlines()) <= 100


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2026-03-10", "--to", "2026-03-01"), "the range starts after it ends (2026-03-10 > 2026-03-01)"),
        (("--from", "soon"), "'soon' is not a date"),
        (("--range", "year"), "Invalid value for '--range'"),
    ],
)
def test_bad_ranges_fail_in_one_line(
    capsys: pytest.CaptureFixture[str], journal: Journal, args: tuple[str, ...], message: str
) -> None:
    code, out, err = run(capsys, "trends", *args)
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and message in err


def test_user_text_cannot_drive_the_terminal(capsys: pytest.CaptureFixture[str], journal: Journal) -> None:
    hostile = journal.add_exercise(Exercise("Tilt \x1b[31mRED", start=date(2026, 3, 1)))
    other = journal.add_exercise(Exercise("Walk", start=date(2026, 3, 1)))
    for i in range(7):
        on = date(2026, 3, 9) + timedelta(days=i)
        logs = (ExerciseLog(hostile.id, "skipped"), ExerciseLog(other.id, "done"))
        journal.save_day(Day(date=on, pain_avg=3, exercises=logs))
    code, out, _ = run(capsys, "trends", "--range", "4w")
    assert code == 0
    assert "\x1b" not in out
    # The least-done exercise is named, with its escape shown rather than obeyed.
    assert "Least done: Tilt \\x1b[31mRED (0 %)" in out.replace("\n  ", " ")


def test_trends_never_imports_textual(journal_path: Path) -> None:
    write_demo(journal_path, end=TODAY, days=30)
    code = (
        "import sys\n"
        "from spinejournal.cli import main\n"
        "try:\n"
        "    main(['trends', '--range', '4w'])\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'textual_plotext'))\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ, check=False)
    assert result.returncode == 0, result.stderr
    assert "Average pain (0-10)" in result.stdout


def _sections(out: str) -> dict[str, list[str]]:
    """The titled word sections of the output (before the charts), each a list of unwrapped bullets."""
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in out.split("\n\n"):
        title, *rest = line.split("\n")
        if rest and rest[0].startswith("- "):
            current = sections.setdefault(title, [])
            for item in rest:
                if item.startswith("- "):
                    current.append(item[2:])
                else:
                    current[-1] += " " + item.strip()
    return sections


def test_new_sections_each_print_only_when_logged(capsys: pytest.CaptureFixture[str], journal: Journal) -> None:
    two_weeks(journal, 6, 4)
    code, out, _ = run(capsys, "trends")
    assert code == 0
    # Only pain logged: no sleep, medication, treatment, PEG, PGIC or event section.
    assert list(_sections(out)) == ["What changed"]
    assert "Sleep quality and mood" not in out


def test_sleep_medications_treatments_peg_pgic_and_events(capsys: pytest.CaptureFixture[str], journal: Journal) -> None:
    ibu = journal.add_medication(Medication("Ibuprofen \x1b[2J", date(2026, 2, 1), dose="400 mg", as_needed=True))
    # 2-15 Mar: two whole weeks. Doses 2 a day in the first week, 1 a day in the second: 14 and 7.
    # Sleep 6 h then 8 h: mean (7 x 6 + 7 x 8) / 14 = 7.0. TENS relief 2 on 5 days: 2.0 (n = 5).
    for i in range(14):
        on = date(2026, 3, 2) + timedelta(days=i)
        tens = (TherapySession("tens", 30, pain_before=5, pain_after=3),) if i < 5 else ()
        taken = (MedicationTaken(ibu.id, 2 if i < 7 else 1),)
        journal.save_day(Day(date=on, pain_avg=4, sleep_hours=6 if i < 7 else 8, medications=taken, sessions=tens))
    journal.save_peg(PegScore(date(2026, 3, 2), 6, 6, 6), expected=None)
    journal.save_peg(PegScore(date(2026, 3, 15), 4, 4, 4), expected=None)
    journal.save_pgic(PgicRating(date(2026, 3, 15), 2), expected=None)
    journal.add_event(CareEvent(date(2026, 1, 26), "surgery", "Fusion \x1b[31mL4", id=0))
    code, out, _ = run(capsys, "trends", "--from", "2026-03-02", "--to", "2026-03-15")
    assert code == 0
    assert "\x1b" not in out
    sections = _sections(out)
    assert list(sections) == [
        "What changed",
        "Sleep and mood",
        "Medications",
        "Treatments",
        "PEG-3",
        "Impression of change (PGIC)",
        "Care events",
    ]
    assert sections["Sleep and mood"] == [
        "Sleep: 7.0 hours a night on average (n = 14); 6.0 in the first whole week (2 Mar to 8 Mar), "
        "8.0 in the latest (9 Mar to 15 Mar)."
    ]
    assert sections["Medications"] == [
        "Ibuprofen \\x1b[2J (as needed): 21 doses in this period; 14 in the first whole week (2 Mar to 8 Mar), "
        "7 in the latest (9 Mar to 15 Mar)."
    ]
    assert sections["Treatments"] == [
        "TENS: 5 sessions, 150 minutes in all; pain was on average 2.0 points lower about 30 minutes after (n = 5)."
    ]
    # 6.0 -> 4.0: 2 points, 33 %.
    assert "went down from 6.0 on 2 Mar to 4.0 on 15 Mar (2.0 points, 33 %)" in sections["PEG-3"][0]
    assert sections["Impression of change (PGIC)"][0].startswith(
        "Impression of change since care began (PGIC) on 15 Mar: Much improved"
    )
    # 26 Jan to 15 Mar is 48 days: 48 // 7 + 1 = week 7.
    assert sections["Care events"] == ["Week 7 after surgery (Fusion \\x1b[31mL4, 26 Jan 2026) on 15 Mar."]
    # The heat/ice comparison stays in "What changed"; the per-kind lines are not printed twice.
    assert not any(line.startswith("TENS") for line in sections["What changed"])
    assert "Sleep quality and mood (0-10), sleep 7.0 h a night" not in out  # no quality or mood logged
