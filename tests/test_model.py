"""The day model: what is accepted, what is refused, and the messages people see."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spinejournal.clinical import Urgency, most_urgent, red_flag_advice
from spinejournal.model import (
    Day,
    Exercise,
    ExerciseLog,
    JournalData,
    Mobility,
    PsfsRating,
    Radiating,
    TherapySession,
    ValidationError,
    find_exercise,
)

D = date(2026, 3, 1)


def test_minimal_day_needs_only_average_pain() -> None:
    day = Day(date=D, pain_avg=4)
    assert day.to_dict() == {"date": "2026-03-01", "pain_avg": 4}


@pytest.mark.parametrize("value", [-1, 11, 4.5, "4", True, None])
def test_average_pain_outside_0_to_10_or_not_whole_is_refused(value: object) -> None:
    with pytest.raises(ValidationError) as err:
        Day(date=D, pain_avg=value)  # type: ignore[arg-type]
    assert err.value.field == "average pain"
    assert "0 to 10" in str(err.value)


def test_worst_below_average_is_refused_with_both_numbers() -> None:
    with pytest.raises(ValidationError, match=r"worst pain: cannot be lower than the average \(3 < 5\)"):
        Day(date=D, pain_avg=5, pain_worst=3)


def test_least_above_average_is_refused() -> None:
    with pytest.raises(ValidationError, match="least pain"):
        Day(date=D, pain_avg=5, pain_least=6)


def test_pain_now_must_sit_between_least_and_worst() -> None:
    with pytest.raises(ValidationError, match="pain now"):
        Day(date=D, pain_avg=5, pain_worst=6, pain_now=7)
    with pytest.raises(ValidationError, match="pain now"):
        Day(date=D, pain_avg=5, pain_least=3, pain_now=2)
    assert Day(date=D, pain_avg=5, pain_worst=6, pain_least=3, pain_now=6).pain_now == 6


def test_equal_worst_average_least_is_fine() -> None:
    assert Day(date=D, pain_avg=0, pain_worst=0, pain_least=0).pain_worst == 0
    assert Day(date=D, pain_avg=10, pain_worst=10, pain_least=10).pain_least == 10


def test_unknown_region_and_duplicate_region_are_refused() -> None:
    with pytest.raises(ValidationError, match="region: must be one of neck"):
        Day(date=D, pain_avg=3, regions=("knee",))
    with pytest.raises(ValidationError, match="listed twice"):
        Day(date=D, pain_avg=3, regions=("neck", "neck"))


def test_radiating_extent_must_fit_the_limb() -> None:
    assert Radiating("left_leg", "calf").reach == 3
    assert Radiating("right_arm", "hand").reach == 4
    with pytest.raises(ValidationError, match="left leg pain reaches"):
        Radiating("left_leg", "hand")


def test_heat_session_relief_is_before_minus_after() -> None:
    session = TherapySession("heat", 20, pain_before=6, pain_after=4)
    assert session.relief == 2
    assert TherapySession("ice", 10, pain_before=3, pain_after=5).relief == -2
    assert TherapySession("ice", 10, pain_before=3).relief is None


def test_long_session_is_accepted_with_a_warning_not_refused() -> None:
    day = Day(date=D, pain_avg=4, sessions=(TherapySession("heat", 20), TherapySession("ice", 21)))
    warnings = day.warnings()
    assert len(warnings) == 1
    assert "Ice for 21 minutes" in warnings[0]


@pytest.mark.parametrize("minutes", [0, 241, -5])
def test_session_minutes_out_of_range_are_refused(minutes: int) -> None:
    with pytest.raises(ValidationError, match="heat minutes"):
        TherapySession("heat", minutes)


def test_skip_reason_only_for_skipped_or_partial() -> None:
    assert ExerciseLog(1, "skipped", "pain").reason == "pain"
    assert ExerciseLog(1, "partial", "no_time").credit == 0.5
    with pytest.raises(ValidationError, match="skip reason"):
        ExerciseLog(1, "done", "pain")
    with pytest.raises(ValidationError, match="skip reason: must be one of"):
        ExerciseLog(1, "skipped", "bored")


def test_an_exercise_can_be_logged_once_a_day() -> None:
    with pytest.raises(ValidationError, match="once a day"):
        Day(date=D, pain_avg=3, exercises=(ExerciseLog(1, "done"), ExerciseLog(1, "skipped")))


def test_unknown_red_flag_is_refused() -> None:
    with pytest.raises(ValidationError, match="red flag"):
        Day(date=D, pain_avg=3, red_flags=("sore_toe",))


def test_mobility_minutes_must_fit_in_a_day() -> None:
    assert Mobility(walk=0, sit=1440).sit == 1440
    with pytest.raises(ValidationError, match="walking tolerance: must be from 0 to 1440 minutes"):
        Mobility(walk=1441)


def test_exercise_name_is_trimmed_single_line_and_required() -> None:
    assert Exercise(name="  Bird dog ", start=D).name == "Bird dog"
    with pytest.raises(ValidationError, match="must not be empty"):
        Exercise(name="   ", start=D)
    with pytest.raises(ValidationError, match="single line"):
        Exercise(name="a\nb", start=D)


def test_exercise_is_active_from_start_until_the_day_before_its_end() -> None:
    ex = Exercise(name="Tilt", start=date(2026, 3, 1), end=date(2026, 3, 5))
    assert not ex.active_on(date(2026, 2, 28))
    assert ex.active_on(date(2026, 3, 1))
    assert ex.active_on(date(2026, 3, 4))
    assert not ex.active_on(date(2026, 3, 5))
    with pytest.raises(ValidationError, match="end date"):
        Exercise(name="Tilt", start=date(2026, 3, 5), end=date(2026, 3, 1))


def test_exercise_dose_reads_like_a_prescription() -> None:
    assert Exercise(name="A", start=D, sets=3, reps=10).dose == "3 x 10, daily"
    assert Exercise(name="B", start=D, hold_seconds=30, times_per_week=3).dose == "hold 30 s, 3 x/week"


def test_find_exercise_ignores_case_and_spaces() -> None:
    plan = [Exercise(name="Bird dog", start=D, id=1), Exercise(name="Pelvic tilt", start=D, id=2)]
    assert find_exercise(plan, "  BIRD DOG ").id == 1  # type: ignore[union-attr]
    assert find_exercise(plan, "plank") is None


def test_psfs_2_ratings_are_turned_to_the_1_0_direction() -> None:
    assert PsfsRating(1, D, 7, "1.0").ability == 7
    assert PsfsRating(1, D, 7, "2.0").ability == 3


def test_journal_data_finds_days_by_date_and_range() -> None:
    days = tuple(Day(date=date(2026, 3, n), pain_avg=n) for n in (1, 3, 5))
    data = JournalData(days=days)
    assert data.day(date(2026, 3, 3)).pain_avg == 3  # type: ignore[union-attr]
    assert data.day(date(2026, 3, 2)) is None
    assert [d.pain_avg for d in data.days_between(date(2026, 3, 2), date(2026, 3, 5))] == [3, 5]


def test_red_flag_urgency_takes_the_most_urgent() -> None:
    assert most_urgent(["night_pain", "bladder_bowel"]) is Urgency.EMERGENCY
    assert most_urgent(["fever"]) is Urgency.SAME_DAY
    assert most_urgent([]) is None
    assert "emergency" in red_flag_advice(["chest_pain"])
    assert red_flag_advice([]) == ""


pain = st.integers(0, 10)
texts = st.text(max_size=60)


@st.composite
def days(draw: st.DrawFn) -> Day:
    avg = draw(pain)
    worst = draw(st.one_of(st.none(), st.integers(avg, 10)))
    least = draw(st.one_of(st.none(), st.integers(0, avg)))
    now = draw(st.one_of(st.none(), st.integers(least or 0, worst if worst is not None else 10)))
    return Day(
        date=draw(st.dates(date(2000, 1, 1), date(2026, 3, 15))),
        pain_avg=avg,
        pain_worst=worst,
        pain_least=least,
        pain_now=now,
        sessions=tuple(
            draw(st.lists(st.builds(TherapySession, st.sampled_from(["heat", "ice"]), st.integers(1, 240)), max_size=3))
        ),
        mobility=Mobility(walk=draw(st.one_of(st.none(), st.integers(0, 1440)))),
        notes=draw(texts),
        questions=draw(texts),
    )


@given(days())
def test_every_valid_day_survives_a_round_trip_through_its_stored_form(day: Day) -> None:
    assert Day.from_dict(day.to_dict()) == day
