"""Journals shared by the report tests: the fixed demo and one full of hostile text."""

from __future__ import annotations

import difflib
import os
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from spinejournal.demo import build_demo
from spinejournal.model import (
    CareEvent,
    Day,
    Exercise,
    ExerciseLog,
    JournalData,
    Medication,
    MedicationTaken,
    Mobility,
    Profile,
    PsfsActivity,
    PsfsRating,
    TherapySession,
    Visit,
)

from ..conftest import TODAY

DEMO_END = date(2026, 3, 15)

MARKUP = "[bold]loud[/bold] [/] [@click=app.quit]tap[/]"
ANSI = "\x1b[31mred\x1b[0m"
SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://x","click")'
PLUS = "+cmd"
AT = "@SUM(A1:A9)"
MINUS = "-2+3"
QUOTES = 'He said "stop" & it\'s <fine>'
NEWLINES = "line one\nline two\r\nline three"
EMOJI = "flare 🔥 then 😀"
TAB = "\tindented"
HOSTILE_TEXTS = (MARKUP, ANSI, SCRIPT, FORMULA, PLUS, AT, MINUS, QUOTES, NEWLINES, EMOJI, TAB)


def demo() -> JournalData:
    """The fixed demo journal every golden file is made from."""
    return build_demo(end=DEMO_END)


def hostile() -> JournalData:
    """A small journal where every piece of free text tries to be code somewhere.

    One day per hostile text, ending on the suite's pinned today so every default range includes them;
    each day's question is one hostile text and its note is all of them.
    """
    count = len(HOSTILE_TEXTS)
    start = TODAY - timedelta(days=count - 1)
    exercises = (
        Exercise(name='=HYPERLINK("http://x") [b]tilt[/]', start=start, sets=2, reps=10, id=1),
        Exercise(name="<script>alert(1)</script>", start=start, times_per_week=7, id=2),
    )
    activities = (PsfsActivity(name="@SUM [/] <b>socks</b> 🧦", created=start, id=1),)
    ratings = (
        PsfsRating(activity_id=1, date=start, score=3),
        PsfsRating(activity_id=1, date=TODAY, score=6),
    )
    days = []
    for n in range(count):
        on = start + timedelta(days=n)
        days.append(
            Day(
                date=on,
                pain_avg=5 if n < 5 else 3,
                pain_worst=7 if n < 5 else 4,
                sessions=(TherapySession("heat", 20, "lower_back", 6, 4, skin_note=MARKUP),),
                exercises=(ExerciseLog(1, "done"), ExerciseLog(2, "skipped", "pain")),
                mobility=Mobility(walk=20 + n, fingertip_floor_cm=-5),
                notes=" | ".join(HOSTILE_TEXTS),
                questions=HOSTILE_TEXTS[n],
                red_flags=("night_pain",) if n == count - 1 else (),
            )
        )
    return JournalData(
        days=tuple(days),
        exercises=exercises,
        visits=(Visit(date=start, note=SCRIPT + MARKUP),),
        psfs_activities=activities,
        psfs_ratings=ratings,
        profile=Profile(patient_name="<b>Robert'); DROP TABLE</b> [red]x[/] \x1b[2J"),
    )


GOLDEN = Path(__file__).parent / "golden"
UPDATE_ENV = "SPINEJOURNAL_UPDATE_GOLDEN"


def assert_golden(name: str, actual: bytes) -> None:
    """Compare ``actual`` with ``golden/name``.

    To regenerate after an intended change, run the report tests with SPINEJOURNAL_UPDATE_GOLDEN=1
    and review the diff of tests/reports/golden/ before committing it.
    """
    path = GOLDEN / name
    if os.environ.get(UPDATE_ENV) == "1":
        path.write_bytes(actual)
    assert path.exists(), f"no golden file {path}; run with {UPDATE_ENV}=1 to create it"
    expected = path.read_bytes()
    if actual != expected:
        diff = difflib.unified_diff(
            expected.decode("utf-8", "replace").splitlines(),
            actual.decode("utf-8", "replace").splitlines(),
            "golden",
            "actual",
            lineterm="",
            n=1,
        )
        pytest.fail(f"{name} differs from its golden file ({UPDATE_ENV}=1 regenerates):\n" + "\n".join(list(diff)[:60]))


MED_NAME = "<script>ibu</script> [b]x[/] `|` *a*"
MED_DOSE = "<b>400</b> mg | [i]"
EVENT_TEXT = "<img src=x onerror=alert(1)> [/] \x1b[31mfusion | *L4*"


def hostile_v2() -> JournalData:
    """:func:`hostile` with day model v2's user text too: a medication whose name and dose try to be
    code (its dose changes part way, and it is taken every day), a surgery and an injection whose
    texts do."""
    base = hostile()
    start = base.days[0].date
    changed = start + timedelta(days=3)
    medications = (
        Medication(MED_NAME, start - timedelta(days=30), dose=MED_DOSE, as_needed=True, end=changed, id=1),
        Medication(MED_NAME, changed, dose="200 mg " + MARKUP, as_needed=True, id=2),
    )
    days = tuple(
        d.with_changes(medications=(MedicationTaken(1 if d.date < changed else 2, 2),), sleep_hours=6.5)
        for d in base.days
    )
    events = (
        CareEvent(start - timedelta(days=10), "surgery", EVENT_TEXT, id=1),
        CareEvent(start + timedelta(days=2), "injection", SCRIPT + " " + MARKUP, id=2),
    )
    return replace(base, days=days, medications=medications, events=events)
