"""A lived-in sample journal: for ``spinejournal --demo``, screenshots, golden tests and benchmarks.

Deterministic for a given seed and end date. The story: someone with low back pain starts physical
therapy; pain drifts down from about 6 to about 3 with ordinary ups and downs and the odd flare,
walking tolerance grows, morning stiffness shrinks, home exercises get done about three days in four.
An MRI and a diagnosis came before care, an injection about a month in; as-needed ibuprofen tapers off
(its dose halved part way through), a nightly low-dose medication is stopped, sleep and mood improve
with the pain. What day model v2 added draws on its own random stream, so the rest of the story is the
same for a given seed as it was before.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import TypedDict, Unpack

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
    Radiating,
    TherapySession,
    Visit,
)


class _Dose(TypedDict, total=False):
    """How much of an exercise is prescribed (the ``Exercise`` fields of that name)."""

    times_per_week: int
    sets: int
    reps: int
    hold_seconds: int


class DemoOptions(TypedDict, total=False):
    """What ``write_demo`` passes on to ``build_demo`` besides the end date."""

    days: int
    seed: int
    exercises: int
    patient_name: str


_EXERCISES: tuple[tuple[str, _Dose, str], ...] = (
    ("Pelvic tilt", _Dose(sets=2, reps=10), "Lie on your back, knees bent; flatten the low back gently."),
    ("Knee to chest", _Dose(sets=3, reps=1, hold_seconds=30), "One knee at a time, slow breaths."),
    ("Bird dog", _Dose(sets=2, reps=8, times_per_week=5), "Opposite arm and leg; keep the back level."),
    ("Walking", _Dose(times_per_week=5), "At your own pace until symptoms tell you to stop."),
    ("Prone press-up", _Dose(sets=2, reps=10, times_per_week=5), "Hips stay down; push up only as far as easy."),
    ("Side plank", _Dose(sets=2, reps=3, hold_seconds=15, times_per_week=3), "From the knees to start."),
)

_NOTES = (
    "Long drive to see family; sitting was hard after an hour.",
    "Slept badly, stiff until mid-morning.",
    "Good day, walked to the shops and back.",
    "Gardening in the afternoon, sore by evening.",
    "Heat pack before exercises helped me get started.",
    "Busy at work, skipped the afternoon set.",
    "Felt the leg pain less today.",
    "",
)

_QUESTIONS = (
    "Is it fine to do the exercises on a bad day, or should I rest?",
    "Can I start swimming again?",
    "Should I use heat or ice after gardening?",
)

_PSFS = ("Sit through a film", "Walk to the shops", "Put on socks")


def build_demo(
    *,
    end: date,
    days: int = 120,
    seed: int = 7,
    exercises: int = 4,
    patient_name: str = "Sam Demo",
) -> JournalData:
    """A journal of ``days`` logged days ending on ``end``, visits every 2 weeks."""
    rng = random.Random(seed)
    start = end - timedelta(days=days - 1)
    plan = tuple(
        Exercise(name=name, start=start, instructions=how, id=i, **dose)
        for i, (name, dose, how) in enumerate(_EXERCISES[:exercises], start=1)
    )
    visits = tuple(
        Visit(date=start + timedelta(days=offset), note="Reviewed exercises." if offset else "First assessment.")
        for offset in range(0, days, 14)
    )
    activities = tuple(
        PsfsActivity(name=name, version="1.0", created=start, id=i) for i, name in enumerate(_PSFS, start=1)
    )
    ratings = tuple(
        PsfsRating(
            activity_id=a.id,
            date=v.date,
            score=max(0, min(10, round(2 + a.id + 5 * (v.date - start).days / max(days, 1) + rng.uniform(-1, 1)))),
        )
        for v in visits
        for a in activities
    )

    extra = random.Random(seed + 1)  # the v2 fields: medications, sleep, mood, TENS, massage
    change_on = start + timedelta(days=round(days * 0.45))
    stop_on = start + timedelta(days=round(days * 0.7))
    medications = (
        Medication("Ibuprofen", start, dose="400 mg", as_needed=True, end=change_on, id=1),
        Medication("Amitriptyline", start, dose="10 mg at night", per_day=1, end=stop_on, id=2),
        Medication("Ibuprofen", change_on, dose="200 mg", as_needed=True, id=3),
    )
    events = (
        CareEvent(start - timedelta(days=20), "imaging", "MRI lumbar spine: L4-L5 disc bulge", id=1),
        CareEvent(start - timedelta(days=9), "diagnosis", "Low back pain with left L5 radiculopathy", id=2),
        CareEvent(start + timedelta(days=min(34, days - 1)), "injection", "Epidural steroid injection L4-L5", id=3),
    )

    logged: list[Day] = []
    averages: list[int] = []  # each day's average pain, for the weekly PEG-3
    flare_left = 0
    for n in range(days):
        on = start + timedelta(days=n)
        progress = n / max(days - 1, 1)
        if flare_left == 0 and rng.random() < 0.03:
            flare_left = rng.randint(1, 3)
        flare = 3 if flare_left else 0
        flare_left = max(flare_left - 1, 0)
        avg = max(0, min(10, round(6 - 3 * progress + rng.gauss(0, 0.8) + flare)))
        averages.append(avg)
        worst = min(10, avg + rng.randint(1, 2))
        least = max(0, avg - rng.randint(1, 2))
        now = rng.randint(least, worst)
        sessions: list[TherapySession] = []
        if rng.random() < 0.7:
            before = min(10, avg + rng.randint(0, 1))
            sessions.append(
                TherapySession(
                    "heat",
                    rng.choice((15, 15, 20, 20, 25)),
                    region="lower_back",
                    pain_before=before,
                    pain_after=max(0, before - rng.choice((0, 1, 1, 2, 2, 3))),
                )
            )
        if rng.random() < 0.25:
            before = min(10, avg + 1)
            sessions.append(
                TherapySession(
                    "ice", 15, region="lower_back", pain_before=before, pain_after=max(0, before - rng.randint(0, 2))
                )
            )
        logs = []
        for ex in plan:
            if ex.times_per_week < 7 and on.weekday() >= ex.times_per_week:
                continue
            roll = rng.random()
            if roll < 0.68:
                logs.append(ExerciseLog(ex.id, "done"))
            elif roll < 0.82:
                logs.append(ExerciseLog(ex.id, "partial", rng.choice(("pain", "no_time"))))
            else:
                logs.append(
                    ExerciseLog(ex.id, "skipped", rng.choice(("pain", "no_time", "no_time", "forgot", "other")))
                )
        radiating: tuple[Radiating, ...] = ()
        if avg >= 5 and rng.random() < 0.6:
            radiating = (Radiating("left_leg", "calf" if avg >= 6 else "thigh"),)
        if extra.random() < 0.15:
            before = min(10, avg + 1)
            sessions.append(
                TherapySession("tens", 30, region="lower_back", pain_before=before, pain_after=max(0, before - 2))
            )
        if extra.random() < 0.15:
            before = min(10, avg + extra.randint(0, 1))
            sessions.append(
                TherapySession(
                    "massage",
                    10,
                    region="buttock_sacrum",
                    pain_before=before,
                    pain_after=max(0, before - extra.randint(0, 2)),
                )
            )
        taken = []
        doses = round((avg - 2) * (1.0 - 0.6 * progress) + extra.uniform(-0.7, 0.7))
        if doses > 0:
            taken.append(MedicationTaken(1 if on < change_on else 3, doses=min(doses, 4)))
        if on < stop_on and extra.random() < 0.93:
            taken.append(MedicationTaken(2))
        sleep_quality = max(0, min(10, round(8 - avg + 1.5 * progress + extra.gauss(0, 1))))
        logged.append(
            Day(
                date=on,
                pain_avg=avg,
                pain_now=now,
                pain_worst=worst,
                pain_least=least,
                pain_limb=max(0, avg - 2) if radiating else None,
                regions=("lower_back",) + (("buttock_sacrum",) if avg >= 6 else ()),
                radiating=radiating,
                sessions=tuple(sessions),
                exercises=tuple(logs),
                mobility=Mobility(
                    walk=round(10 + 25 * progress + rng.uniform(-4, 4)),
                    sit=round(20 + 30 * progress + rng.uniform(-5, 5)),
                    stand=round(15 + 20 * progress + rng.uniform(-4, 4)),
                    stiffness=max(0, round(45 - 30 * progress + rng.uniform(-8, 8))),
                ),
                medications=tuple(taken),
                sleep_hours=max(3.0, min(9.0, round((5.5 + 1.5 * progress + extra.gauss(0, 0.6)) * 2) / 2)),
                sleep_quality=sleep_quality,
                mood=max(0, min(10, round(3.5 + 3.5 * progress - 0.3 * flare + extra.gauss(0, 1)))),
                notes=rng.choice(_NOTES) if rng.random() < 0.35 else "",
                questions=_QUESTIONS[n % len(_QUESTIONS)] if n % 23 == 5 else "",
            )
        )
    # PEG-3 each week from the first day; PGIC at each visit after the first.
    peg_scores = []
    for week_end in range(6, days, 7):
        week = averages[week_end - 6 : week_end + 1]
        pain = round(sum(week) / len(week))
        peg_scores.append(
            PegScore(
                date=logged[week_end].date,
                pain=pain,
                enjoyment=max(0, min(10, pain + extra.randint(-1, 1))),
                activity=max(0, min(10, pain + extra.randint(0, 2))),
            )
        )
    pgic = tuple(PgicRating(v.date, max(2, 4 - round(3 * (v.date - start).days / max(days, 1)))) for v in visits[1:])
    return JournalData(
        days=tuple(logged),
        exercises=plan,
        visits=visits,
        psfs_activities=activities,
        psfs_ratings=ratings,
        profile=Profile(patient_name=patient_name),
        medications=medications,
        peg_scores=tuple(peg_scores),
        pgic_ratings=pgic,
        events=events,
    )


def write_demo(path: Path, *, end: date | None = None, **options: Unpack[DemoOptions]) -> None:
    """Write a demo journal to ``path`` (replacing what is there) in one atomic save; it ends today
    unless ``end`` says otherwise."""
    from spinejournal import clock
    from spinejournal.store import Journal

    Journal(path).replace_all(build_demo(end=clock.today() if end is None else end, **options))
