"""Insights on small hand-built journals; every expected number is worked out by hand in a comment."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from spinejournal.clinical import ADHERENT_PERCENT, MCID_PERCENT, MCID_POINTS, Urgency
from spinejournal.insights import (
    MIN_N,
    DateRange,
    Insights,
    compute,
    resolve_range,
    what_changed,
)
from spinejournal.model import (
    Day,
    Exercise,
    ExerciseLog,
    JournalData,
    Mobility,
    PsfsActivity,
    PsfsRating,
    TherapySession,
    Visit,
)

TODAY = date(2026, 3, 15)  # a Sunday, as in conftest
MAR = {n: date(2026, 3, n) for n in range(1, 32)}


def day(on: date, pain: int, **fields: object) -> Day:
    return Day(date=on, pain_avg=pain, **fields)  # type: ignore[arg-type]


def days_from(start: date, pains: list[int | None]) -> tuple[Day, ...]:
    """Consecutive days from ``start``; None leaves a gap."""
    return tuple(day(start + timedelta(days=i), p) for i, p in enumerate(pains) if p is not None)


def custom(start: date, end: date) -> DateRange:
    return resolve_range(JournalData(), start=start, end=end)


def run(data: JournalData, start: date, end: date) -> Insights:
    return compute(data, custom(start, end))


# -- ranges ----------------------------------------------------------------------------------------


def test_since_visit_starts_on_the_most_recent_visit_before_today() -> None:
    data = JournalData(visits=(Visit(MAR[2]), Visit(MAR[9])))
    rng = resolve_range(data, "since-visit", today=TODAY)
    assert (rng.start, rng.end, rng.days) == (MAR[9], TODAY, 7)
    assert "9 Mar 2026" in rng.label


def test_since_visit_on_the_visit_day_covers_the_time_since_the_previous_visit() -> None:
    data = JournalData(visits=(Visit(MAR[2]), Visit(TODAY)))
    assert resolve_range(data, "since-visit", today=TODAY).start == MAR[2]


def test_since_visit_without_a_visit_is_the_last_4_weeks_and_says_so() -> None:
    rng = resolve_range(JournalData(visits=(Visit(TODAY),)), "since-visit", today=TODAY)
    # 15 Mar - 27 days = 16 Feb (February 2026 has 28 days).
    assert (rng.start, rng.end, rng.days) == (date(2026, 2, 16), TODAY, 28)
    assert "no visit" in rng.label


def test_fixed_ranges() -> None:
    data = JournalData(days=(day(date(2025, 6, 1), 3),))
    four = resolve_range(data, "4w", today=TODAY)
    assert (four.start, four.days) == (date(2026, 2, 16), 28)
    # 13 weeks = 91 days: 15 Mar - 90 days = 15 Dec 2025 (28 days back to 15 Feb, 31 to 15 Jan, 31 to 15 Dec).
    three = resolve_range(data, "3m", today=TODAY)
    assert (three.start, three.days) == (date(2025, 12, 15), 91)
    everything = resolve_range(data, "all", today=TODAY)
    assert (everything.start, everything.end) == (date(2025, 6, 1), TODAY)


def test_all_on_an_empty_journal_is_just_today() -> None:
    rng = resolve_range(JournalData(), "all", today=TODAY)
    assert (rng.start, rng.end) == (TODAY, TODAY)


def test_custom_range_defaults_and_errors() -> None:
    data = JournalData(days=(day(MAR[3], 2),))
    assert resolve_range(data, "4w", today=TODAY, start=MAR[5]).end == TODAY
    assert resolve_range(data, today=TODAY, end=MAR[10]).start == MAR[3]
    with pytest.raises(ValueError, match="starts after it ends"):
        resolve_range(data, today=TODAY, start=MAR[10], end=MAR[9])
    with pytest.raises(ValueError, match="unknown range 'year'"):
        resolve_range(data, "year", today=TODAY)


def test_weeks_are_counted_back_from_the_end_with_a_short_first_week() -> None:
    # 10 days, 6..15 Mar: the latest week is 9..15, the first (short) one 6..8.
    assert custom(MAR[6], MAR[15]).weeks() == ((MAR[6], MAR[8]), (MAR[9], MAR[15]))


# -- pain --------------------------------------------------------------------------------------


def test_empty_range() -> None:
    ins = run(JournalData(days=(day(MAR[1], 5),)), MAR[8], MAR[14])
    assert ins.is_empty and (ins.days_logged, ins.days_in_range) == (0, 7)
    assert ins.pain.series == () and ins.pain.mean is None and ins.pain.baseline is None
    assert ins.pain.change.direction == "unknown" and ins.pain.change.points is None
    assert ins.adherence.percent is None
    assert ins.heat_ice.heat.sessions == 0
    assert what_changed(ins) == ("No days logged from 8 Mar to 14 Mar.",)


def test_single_day() -> None:
    ins = run(JournalData(days=(day(MAR[10], 6),)), MAR[9], MAR[15])
    assert (ins.days_logged, ins.pain.mean) == (1, 6.0)
    # One logged day: the 7-day mean needs 4, so it is not drawn; the week has n = 1 and no mean.
    assert ins.pain.series[0].rolling_mean is None
    assert [(w.n, w.mean) for w in ins.pain.weeks] == [(1, None)]
    assert ins.pain.best_days == ins.pain.worst_days == ins.pain.series
    assert ins.pain.flares == ()
    assert "this period has 1" in ins.pain.change.sentence


def test_rolling_and_weekly_means_with_gaps() -> None:
    # Week 1 (2..8 Mar) has 3 logged days: 4, 6, 5 -> no weekly mean.
    # Week 2 (9..15 Mar) has 4: 2, 4, 3, 3 -> mean 12 / 4 = 3.0.
    pains = [4, None, 6, None, 5, None, None, 2, 4, None, 3, None, None, 3]
    ins = run(JournalData(days=days_from(MAR[2], pains)), MAR[2], MAR[15])
    assert [(w.start, w.n, w.mean) for w in ins.pain.weeks] == [(MAR[2], 3, None), (MAR[9], 4, 3.0)]
    rolling = {p.date: p.rolling_mean for p in ins.pain.series}
    # 9 Mar: window 3..9 holds 6, 5, 2 (n = 3 < 4) -> none.
    assert rolling[MAR[9]] is None
    # 10 Mar: window 4..10 holds 6, 5, 2, 4 -> 17 / 4 = 4.25.
    assert rolling[MAR[10]] == pytest.approx(4.25)
    # 15 Mar: window 9..15 holds 2, 4, 3, 3 -> 3.0.
    assert rolling[MAR[15]] == pytest.approx(3.0)
    assert (ins.days_logged, ins.days_in_range) == (7, 14)
    # Mean over the range: (4 + 6 + 5 + 2 + 4 + 3 + 3) / 7 = 27 / 7.
    assert ins.pain.mean == pytest.approx(27 / 7)


def test_rolling_mean_and_flares_look_back_before_the_range() -> None:
    # 26 Feb..1 Mar at pain 4, then 2 Mar at 8; the range starts on 2 Mar.
    data = JournalData(days=(*days_from(date(2026, 2, 26), [4, 4, 4, 4]), day(MAR[2], 8)))
    ins = run(data, MAR[2], MAR[8])
    # Window 24 Feb..2 Mar: 4, 4, 4, 4, 8 -> 24 / 5 = 4.8.
    assert ins.pain.series[0].rolling_mean == pytest.approx(4.8)
    # Trailing 7 days before 2 Mar (23 Feb..1 Mar): 4 logged days of 4 -> 4.0; 8 - 4 = 4 >= 2: a flare.
    assert [(f.date, f.trailing_mean, f.rise) for f in ins.pain.flares] == [(MAR[2], 4.0, 4.0)]


def test_flare_threshold_is_exactly_two_points_and_needs_four_days_before() -> None:
    # 1..4 Mar at 3 (trailing mean 3.0), then 5 Mar at 5 (+2: a flare).
    # 6 Mar at 5: trailing 3, 3, 3, 3, 5 -> 17 / 5 = 3.4, rise 1.6: not a flare.
    # 2 Mar at 3 has only one day before it: never judged.
    data = JournalData(days=days_from(MAR[1], [3, 3, 3, 3, 5, 5]))
    assert [f.date for f in run(data, MAR[1], MAR[6]).pain.flares] == [MAR[5]]
    # Only 3 days before 5 Mar: no flare can be judged.
    short = JournalData(days=days_from(MAR[2], [3, 3, 3, 9]))
    assert run(short, MAR[2], MAR[5]).pain.flares == ()


def test_best_and_worst_days_most_recent_first_among_equals() -> None:
    data = JournalData(days=days_from(MAR[1], [2, 7, 2, 5, 7, 1, 4]))
    ins = run(data, MAR[1], MAR[7])
    assert [(p.date.day, p.pain) for p in ins.pain.best_days] == [(6, 1), (3, 2), (1, 2)]
    assert [(p.date.day, p.pain) for p in ins.pain.worst_days] == [(5, 7), (2, 7), (4, 5)]


def two_weeks(first: list[int], latest: list[int | None]) -> Insights:
    """First week 2..8 Mar (the baseline), latest week 9..15 Mar."""
    return run(JournalData(days=days_from(MAR[2], [*first, *latest])), MAR[2], MAR[15])


def test_baseline_is_the_first_seven_logged_days() -> None:
    ins = two_weeks([5, 5, 5, 6, 6, 6, 9], [3, 3, 3, 3, 3, 3, 3])
    # (5 + 5 + 5 + 6 + 6 + 6 + 9) / 7 = 42 / 7 = 6.0.
    assert ins.pain.baseline is not None
    assert (ins.pain.baseline.start, ins.pain.baseline.end, ins.pain.baseline.mean) == (MAR[2], MAR[8], 6.0)


@pytest.mark.parametrize(
    ("first", "latest", "points", "percent", "important", "direction"),
    [
        # 8 -> 6: 2 points exactly (25 %): important by points.
        ([8] * 7, [6] * 7, 2.0, 25.0, True, "better"),
        # 7 -> 9: -2 points exactly (-28.6 %): important by points, getting worse.
        ([7] * 7, [9] * 7, -2.0, -200 / 7, True, "worse"),
        # 5 -> (3 + 4 + 3 + 4) / 4 = 3.5: 1.5 points, 1.5 / 5 = 30 % exactly: important by percent.
        ([5] * 7, [3, 4, 3, 4, None, None, None], 1.5, 30.0, True, "better"),
        # 5 -> (6 + 7 + 6 + 7) / 4 = 6.5: -1.5 points, -30 % exactly: important, worse.
        ([5] * 7, [6, 7, 6, 7, None, None, None], -1.5, -30.0, True, "worse"),
        # 6 -> (4 + 4 + 4 + 5) / 4 = 4.25: 1.75 points, 1.75 / 6 = 29.2 %: just below both.
        ([6] * 7, [4, 4, 4, 5, None, None, None], 1.75, 175 / 6, False, "better"),
        # 4 -> 4: no change.
        ([4] * 7, [4] * 7, 0.0, 0.0, False, "same"),
    ],
)
def test_clinically_important_change_thresholds(
    first: list[int], latest: list[int | None], points: float, percent: float, important: bool, direction: str
) -> None:
    change = two_weeks(first, latest).pain.change
    assert change.points == pytest.approx(points)
    assert change.percent == pytest.approx(percent)
    assert (change.important, change.direction) == (important, direction)
    assert ("big enough" in change.sentence) is important


def test_change_sentence_in_plain_words() -> None:
    better = two_weeks([8] * 7, [6] * 7).pain.change.sentence
    assert better == (
        "From your first 7 logged days (2 Mar to 8 Mar) to the latest week (9 Mar to 15 Mar), your average "
        "pain went down from 8.0 to 6.0 (2.0 points, 25 %). That is a change big enough to make a real difference."
    )
    worse = two_weeks([7] * 7, [9] * 7).pain.change.sentence
    assert "went up from 7.0 to 9.0 (2.0 points, 28 %)" in worse and "therapist" in worse
    # 29.2 % is shown as 29 %, never rounded up to the 30 % it did not reach.
    small = two_weeks([6] * 7, [4, 4, 4, 5, None, None, None]).pain.change.sentence
    assert f"(1.7 points, 29 %). That is less than the {MCID_POINTS:.0f} points or {MCID_PERCENT:.0f} %" in small


def test_change_from_a_zero_baseline_has_no_percent() -> None:
    # 0 -> 1: -1 point; a percentage of 0 is undefined, and 1 point is below the 2 needed.
    change = two_weeks([0] * 7, [1] * 7).pain.change
    assert (change.points, change.percent, change.important, change.direction) == (-1.0, None, False, "worse")


def test_latest_week_is_the_last_one_with_enough_days() -> None:
    # Weeks of 21 days 2..22 Mar: 2..8 (baseline 5), 9..15 (4 days: 3.0), 16..22 (3 days: no mean).
    pains = [5] * 7 + [3, 3, 3, 3, None, None, None] + [1, 1, 1, None, None, None, None]
    ins = run(JournalData(days=days_from(MAR[2], pains)), MAR[2], MAR[22])
    assert ins.pain.change.latest_week is not None
    assert ins.pain.change.latest_week.start == MAR[9] and ins.pain.change.latest == 3.0


def test_no_change_when_the_latest_week_overlaps_the_baseline() -> None:
    # 10 days 6..15 Mar: the baseline is 6..12, the latest week 9..15 overlaps it.
    ins = run(JournalData(days=days_from(MAR[6], [5] * 10)), MAR[6], MAR[15])
    assert ins.pain.change.direction == "unknown"
    assert "a week with at least 4 logged days is needed" in ins.pain.change.sentence


# -- exercises ---------------------------------------------------------------------------------


def adherence_journal() -> JournalData:
    daily = Exercise("Pelvic tilt", start=date(2026, 2, 1), id=1)
    three = Exercise("Bird dog", start=MAR[9], times_per_week=3, id=2)
    retired = Exercise("Side plank", start=date(2026, 2, 1), times_per_week=5, end=MAR[5], id=3)
    logs: dict[int, list[ExerciseLog]] = {n: [] for n in range(2, 16)}
    # Pelvic tilt: done 10 days, partly 2 (no time), skipped 1 (pain), not ticked 1 (15 Mar).
    for n in range(2, 12):
        logs[n].append(ExerciseLog(1, "done"))
    logs[12].append(ExerciseLog(1, "partial", "no_time"))
    logs[13].append(ExerciseLog(1, "partial", "no_time"))
    logs[14].append(ExerciseLog(1, "skipped", "pain"))
    # Bird dog: done once, partly once (no time).
    logs[9].append(ExerciseLog(2, "done"))
    logs[11].append(ExerciseLog(2, "partial", "no_time"))
    # Side plank, planned on 2, 3, 4 Mar: done all three days.
    for n in (2, 3, 4):
        logs[n].append(ExerciseLog(3, "done"))
    days = tuple(day(MAR[n], 4, exercises=tuple(logs[n])) for n in range(2, 16))
    return JournalData(days=days, exercises=(daily, three, retired))


def test_adherence_per_exercise_and_overall() -> None:
    adh = run(adherence_journal(), MAR[2], MAR[15]).adherence
    rows = {r.name: r for r in adh.exercises}
    tilt = rows["Pelvic tilt"]
    # Daily over 14 days: 14 scheduled; 10 + 2 x 0.5 = 11 -> 11 / 14 = 78.6 %.
    assert (tilt.scheduled, tilt.done, tilt.partial, tilt.skipped, tilt.credit) == (14, 10, 2, 1, 11)
    assert tilt.percent == pytest.approx(1100 / 14) and tilt.adherent
    bird = rows["Bird dog"]
    # 3 x/week from 9 Mar: 7 active days -> 3 scheduled; 1 + 0.5 = 1.5 -> 50 %.
    assert (bird.active_days, bird.scheduled, bird.credit, bird.percent) == (7, 3, 1.5, 50.0)
    assert bird.adherent is False
    plank = rows["Side plank"]
    # 5 x/week, in the plan 2..4 Mar (the end date 5 Mar is excluded): 5 x 3 / 7 = 2.14 scheduled;
    # 3 done are counted up to 2.14 -> 100 %.
    assert plank.active_days == 3 and plank.scheduled == pytest.approx(15 / 7)
    assert plank.credit == pytest.approx(15 / 7) and plank.percent == pytest.approx(100.0)
    # Overall: (11 + 1.5 + 15/7) / (14 + 3 + 15/7) = 14.643 / 19.143 = 76.5 %.
    assert adh.scheduled == pytest.approx(17 + 15 / 7)
    assert adh.percent == pytest.approx((12.5 + 15 / 7) / (17 + 15 / 7) * 100)
    assert adh.adherent is (adh.percent >= ADHERENT_PERCENT)
    # Reasons: no time 3 (two partial tilts, one partial bird dog), pain 1.
    assert adh.skip_reasons == (("no_time", 3), ("pain", 1)) and adh.top_skip_reason == "no_time"
    assert "14 of 14 days recorded; of the sessions planned on those days, 76 % done" in adh.sentence
    # 14.64 done of 19.14 planned: both shown as whole numbers.
    assert "(15 of 19 sessions," in adh.sentence
    assert "Least done: Bird dog (50 %)" in adh.sentence
    assert "Most common reason for skipping: no time (3 times)" in adh.sentence


def test_weekly_adherence() -> None:
    weeks = run(adherence_journal(), MAR[2], MAR[15]).adherence.weeks
    # Week 2..8 Mar: tilt 7 + plank 15/7 scheduled; credit 7 + 15/7 (3 done, capped) -> 100 %.
    assert weeks[0].scheduled == pytest.approx(7 + 15 / 7) and weeks[0].percent == pytest.approx(100.0)
    # Week 9..15 Mar: tilt 7 + bird dog 3 = 10 scheduled; tilt 3 + 2 x 0.5 = 4, bird dog 1.5 -> 5.5 -> 55 %.
    assert (weeks[1].scheduled, weeks[1].credit) == (10, 5.5)
    assert weeks[1].percent == pytest.approx(55.0)


def test_ties_in_skip_reasons_follow_the_reason_list() -> None:
    plan = (Exercise("Walk", start=MAR[1], id=1),)
    days = (
        day(MAR[1], 3, exercises=(ExerciseLog(1, "skipped", "forgot"),)),
        day(MAR[2], 3, exercises=(ExerciseLog(1, "skipped", "pain"),)),
    )
    adh = run(JournalData(days=days, exercises=plan), MAR[1], MAR[2]).adherence
    assert adh.skip_reasons == (("pain", 1), ("forgot", 1))


def test_more_than_daily_exercise_counts_a_tick_as_the_days_sessions() -> None:
    plan = (Exercise("Chin tuck", start=MAR[1], times_per_week=14, id=1),)
    # All 7 days logged (sessions are planned on logged days only), a tick on the first.
    days = (day(MAR[1], 3, exercises=(ExerciseLog(1, "done"),)), *(day(MAR[n], 3) for n in range(2, 8)))
    adh = run(JournalData(days=days, exercises=plan), MAR[1], MAR[7]).adherence
    # 14 scheduled in the week; one tick = 14 / 7 = 2 sessions -> 2 / 14 = 14.3 %.
    assert (adh.scheduled, adh.credit) == (14, 2)
    assert adh.percent == pytest.approx(200 / 14)


def test_range_with_no_exercises_planned() -> None:
    # An exercise that ended before the range starts is not part of it.
    plan = (Exercise("Walk", start=date(2026, 1, 1), end=date(2026, 2, 1), id=1),)
    ins = run(JournalData(days=days_from(MAR[2], [4, 4]), exercises=plan), MAR[2], MAR[8])
    assert ins.adherence.exercises == () and ins.adherence.percent is None
    assert ins.adherence.adherent is None and ins.adherence.top_skip_reason is None
    assert ins.adherence.sentence == "No home exercises were planned in this period."
    assert all(w.percent is None for w in ins.adherence.weeks)


# -- heat and ice ------------------------------------------------------------------------------


def heat(before: int | None, after: int | None, minutes: int = 15) -> TherapySession:
    return TherapySession("heat", minutes, pain_before=before, pain_after=after)


def ice(before: int, after: int) -> TherapySession:
    return TherapySession("ice", 10, pain_before=before, pain_after=after)


def heat_ice_journal() -> JournalData:
    # 1..5 Mar: heat, reliefs 2, 1, 1, 0, 1 (mean 5 / 5 = 1.0); 5 Mar also a 25-minute heat without "after".
    # 6, 7 Mar: ice, reliefs 1 and 3 (n = 2).  8..12 Mar: neither.
    sessions = {
        1: (heat(6, 4),),
        2: (heat(5, 4),),
        3: (heat(5, 4),),
        4: (heat(4, 4),),
        5: (heat(5, 4), heat(5, None, minutes=25)),
        6: (ice(5, 4),),
        7: (ice(6, 3),),
    }
    pains = {1: 6, 2: 5, 3: 5, 4: 4, 5: 5, 6: 5, 7: 6, 8: 3, 9: 3, 10: 4, 11: 2, 12: 3}
    return JournalData(days=tuple(day(MAR[n], p, sessions=sessions.get(n, ())) for n, p in pains.items()))


def test_heat_and_ice_sessions_and_relief() -> None:
    hi = run(heat_ice_journal(), MAR[1], MAR[12]).heat_ice
    # Heat: 6 sessions, 5 x 15 + 25 = 100 minutes on 5 days, one over 20 minutes; relief n = 5, mean 1.0.
    assert (hi.heat.sessions, hi.heat.minutes, hi.heat.days, hi.heat.too_long) == (6, 100, 5, 1)
    assert (hi.heat.relief_n, hi.heat.mean_relief) == (5, 1.0)
    # Ice: 2 sessions, 20 minutes; n = 2 < MIN_N: no mean relief.
    assert (hi.ice.sessions, hi.ice.minutes, hi.ice.relief_n, hi.ice.mean_relief) == (2, 20, 2, None)
    assert MIN_N == 5
    assert "lower about 30 minutes after (n = 5)" in hi.sentences[0]
    assert "too few sessions with pain before and after (2, need 5)" in hi.sentences[1]


def test_pain_on_days_with_heat_ice_or_neither() -> None:
    hi = run(heat_ice_journal(), MAR[1], MAR[12]).heat_ice
    # Heat days: 6, 5, 5, 4, 5 -> 25 / 5 = 5.0. Ice days: 2 (too few). Neither: 3, 3, 4, 2, 3 -> 15 / 5 = 3.0.
    assert (hi.heat_days.n, hi.heat_days.mean) == (5, 5.0)
    assert (hi.ice_days.n, hi.ice_days.mean) == (2, None)
    assert (hi.neither_days.n, hi.neither_days.mean) == (5, 3.0)
    assert hi.sentences[2] == (
        "Average pain on days with heat 5.0 (n = 5), days with no treatment 3.0 (n = 5). "
        "This shows what went together, not what caused what."
    )


def test_heat_ice_with_too_few_days_says_so_instead_of_a_number() -> None:
    hi = run(heat_ice_journal(), MAR[4], MAR[9]).heat_ice
    # 4..9 Mar: heat days 4, 5 (n = 2), ice 6, 7 (n = 2), neither 8, 9 (n = 2).
    assert [g.mean for g in (hi.heat_days, hi.ice_days, hi.neither_days)] == [None, None, None]
    assert hi.sentences[-1].startswith("Too few days in each group (need 5)")


def test_weekly_heat_and_ice_use() -> None:
    weeks = run(heat_ice_journal(), MAR[2], MAR[15]).heat_ice.weeks
    # 2..8 Mar: heat on 2..5 (5 sessions, 4 x 15 + 25 = 85 min), ice on 6, 7 (2 sessions, 20 min).
    assert [(w.heat_sessions, w.ice_sessions, w.heat_minutes, w.ice_minutes) for w in weeks] == [
        (5, 2, 85, 20),
        (0, 0, 0, 0),
    ]


# -- exercise and next-day pain ----------------------------------------------------------------


def test_next_day_pain_after_full_partial_and_no_exercise() -> None:
    plan = (Exercise("A", start=MAR[1], id=1), Exercise("B", start=MAR[1], id=2))
    full = (ExerciseLog(1, "done"), ExerciseLog(2, "done"))
    some = (ExerciseLog(1, "done"), ExerciseLog(2, "skipped"))
    none = (ExerciseLog(1, "skipped"), ExerciseLog(2, "skipped"))
    # Days 1..5 all done, 6..10 some, 11..15 none but 15 unticked (planned, nothing logged: none).
    kinds = {**dict.fromkeys(range(1, 6), full), **dict.fromkeys(range(6, 11), some)}
    kinds.update(dict.fromkeys(range(11, 15), none))
    pains = [2, 3, 2, 3, 2, 4, 4, 5, 4, 4, 6, 6, 7, 6, 7, 5]  # 1..16 Mar
    days = tuple(day(MAR[n], pains[n - 1], exercises=kinds.get(n, ())) for n in range(1, 17))
    nd = run(JournalData(days=days, exercises=plan), MAR[1], MAR[15]).next_day
    # After full days 1..5 -> pain on 2..6: 3, 2, 3, 2, 4 -> 14 / 5 = 2.8.
    assert (nd.full.n, nd.full.mean) == (5, pytest.approx(2.8))
    # After some (6..10) -> 7..11: 4, 5, 4, 4, 6 -> 23 / 5 = 4.6.
    assert (nd.partial.n, nd.partial.mean) == (5, pytest.approx(4.6))
    # After none (11..15) -> 12..16: 6, 7, 6, 7, 5 -> 31 / 5 = 6.2 (16 Mar lies outside the range, still counted).
    assert (nd.none.n, nd.none.mean) == (5, pytest.approx(6.2))
    assert "not what caused what" in nd.sentence and "(n = 5)" in nd.sentence


def test_next_day_needs_a_logged_next_day_and_a_plan() -> None:
    # No plan at all: days are left out; gaps mean no next day.
    nd = run(JournalData(days=days_from(MAR[1], [3, None, 4])), MAR[1], MAR[3]).next_day
    assert (nd.full.n, nd.partial.n, nd.none.n) == (0, 0, 0)
    assert nd.sentence == "No exercise days with a logged next day to compare."


# -- mobility, PSFS, red flags, text -----------------------------------------------------------


def test_mobility_series_and_trends() -> None:
    # 14 days of walking tolerance 10..23 minutes; stiffness only on 3 days.
    days = tuple(
        day(MAR[1] + timedelta(days=i), 4, mobility=Mobility(walk=10 + i, stiffness=30 if i < 3 else None))
        for i in range(14)
    )
    mob = run(JournalData(days=(*days, day(MAR[15], 4))), MAR[1], MAR[15]).mobility
    # 15 Mar has no mobility: 14 points.
    assert len(mob.series) == 14 and mob.series[0].walk == 10 and mob.series[0].sit is None
    trends = {t.key: t for t in mob.trends}
    # Whole weeks end on 15 Mar: 2-8 and 9-15 Mar (1 Mar, a one-day week, is left out).
    # Walk: 2-8 Mar holds 11..17 -> mean 14; 9-14 Mar holds 18..23 (6 values) -> 20.5.
    assert (trends["walk"].n, trends["walk"].start_mean, trends["walk"].recent_mean) == (14, 14.0, 20.5)
    # Stiffness: 2 values in 2-8 Mar (fewer than WEEK_MIN_DAYS = 4): no trend.
    assert (trends["stiffness"].n, trends["stiffness"].start_mean) == (3, None)
    assert not trends["stiffness"].higher_is_better


def test_psfs_score_is_the_mean_of_each_activitys_latest_rating() -> None:
    acts = (PsfsActivity("Sit through a film", id=1), PsfsActivity("Put on socks", version="2.0", id=2))
    ratings = (
        PsfsRating(1, date(2026, 2, 20), 2),  # before the range: carried into it
        PsfsRating(1, MAR[3], 4),
        PsfsRating(2, MAR[3], 7, version="2.0"),  # 2.0 direction: 7 -> ability 3
        PsfsRating(1, MAR[10], 6),
    )
    psfs = run(JournalData(psfs_activities=acts, psfs_ratings=ratings), MAR[1], MAR[14]).psfs
    # Chart series, each activity's latest so far: 3 Mar: (4 + 3) / 2 = 3.5. 10 Mar: (6 + 3) / 2 = 4.5.
    assert [(p.date, p.score, p.n_activities) for p in psfs.series] == [(MAR[3], 3.5, 2), (MAR[10], 4.5, 2)]
    # Score of one occasion each: intake 20 Feb (the only activity then): 2; latest occasion with every
    # activity rated: 3 Mar, 3.5 (10 Mar rates only one of two) -> + 1.5.
    assert (psfs.first, psfs.latest, psfs.change, psfs.important) == (2.0, 3.5, 1.5, False)
    assert psfs.activities[1].points == ((MAR[3], 3),)
    assert "went up from 2.0 at intake (20 Feb) to 3.5 on 3 Mar (1.5 points)" in psfs.sentence


def test_red_flags_questions_and_notes_in_range() -> None:
    data = JournalData(
        days=(
            day(MAR[1], 5, red_flags=("fever",), notes="outside"),
            day(MAR[3], 5, red_flags=("fever", "chest_pain"), questions="Swim? [bold]"),
            day(MAR[4], 5, red_flags=("night_pain",), notes="  "),
            day(MAR[5], 5, notes="Long drive"),
        )
    )
    ins = run(data, MAR[2], MAR[8])
    assert [(r.date, r.urgency) for r in ins.red_flag_days] == [(MAR[3], Urgency.EMERGENCY), (MAR[4], Urgency.SAME_DAY)]
    assert [(q.date, q.text) for q in ins.questions] == [(MAR[3], "Swim? [bold]")]
    assert [(n.date, n.text) for n in ins.notes] == [(MAR[5], "Long drive")]
    lines = what_changed(ins)
    assert lines[0].startswith("Urgent symptoms were logged on 2 days (latest: 3 Mar, 4 Mar)")
    assert lines[1] == "2 Mar 2026 to 8 Mar 2026: 3 of 7 days logged."


def test_compute_is_pure_and_results_are_frozen() -> None:
    data = adherence_journal()
    rng = custom(MAR[2], MAR[15])
    first, second = compute(data, rng), compute(data, rng)
    assert first == second
    with pytest.raises(AttributeError):
        first.days_logged = 3  # type: ignore[misc]


# -- a range too short for its own baseline -----------------------------------------------------------


def test_a_short_period_is_compared_with_how_the_journal_began() -> None:
    # 1-7 Jan: pain 6 each day (the journal's first 7 days: mean 6.0). Since the visit on 9 Mar:
    # 9-15 Mar, pain 3 each day: only 7 days, so no baseline and later week fit inside the range.
    # The comparison falls back to the journal's start: 6.0 -> 3.0 = 3.0 points, 3 / 6 = 50 %.
    early = days_from(date(2026, 1, 1), [6] * 7)
    recent = days_from(MAR[9], [3] * 7)
    data = JournalData(days=early + recent, visits=(Visit(MAR[9]),))
    ins = compute(data, resolve_range(data, "since-visit", today=TODAY))
    base, change = ins.pain.baseline, ins.pain.change
    assert base is not None and base.scope == "journal"
    assert (base.start, base.end, base.mean) == (date(2026, 1, 1), date(2026, 1, 7), 6.0)
    assert (change.points, change.percent, change.important, change.direction) == (3.0, 50.0, True, "better")
    assert "first 7 logged days of the journal (1 Jan to 7 Jan)" in change.sentence
    assert "went down from 6.0 to 3.0 (3.0 points, 50 %)" in change.sentence


def test_a_period_long_enough_keeps_its_own_baseline() -> None:
    # 1-7 Jan pain 6; 1-14 Mar pain 4 then 2: the range's own first 7 days (mean 4) come first.
    data = JournalData(days=days_from(date(2026, 1, 1), [6] * 7) + days_from(MAR[1], [4] * 7 + [2] * 7))
    ins = run(data, MAR[1], MAR[14])
    assert ins.pain.baseline is not None and ins.pain.baseline.scope == "range"
    assert (ins.pain.change.baseline, ins.pain.change.latest, ins.pain.change.points) == (4.0, 2.0, 2.0)


def test_no_fallback_when_the_journal_began_inside_the_short_period() -> None:
    data = JournalData(days=days_from(MAR[9], [3] * 7))
    ins = run(data, MAR[9], TODAY)
    assert ins.pain.baseline is not None and ins.pain.baseline.scope == "range"
    assert ins.pain.change.points is None and "Not enough days to compare yet" in ins.pain.change.sentence
