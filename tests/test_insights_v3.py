"""Insights of the therapist summary v2 (issue 15) on small hand-built journals: pain since the start of
care and since the last visit, limb pain and its reach, mobility and PSFS against the start of care,
unrecorded days and the words a therapist reads. Every expected number is worked out in a comment."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from spinejournal.insights import (
    DateRange,
    Insights,
    compute,
    furthest_reach,
    mobility_care_line,
    psfs_item_line,
    recorded_sentence,
    red_flag_lines,
    resolve_range,
    sessions,
    therapist_lines,
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
    Radiating,
    TherapySession,
    Visit,
)

FEB = {n: date(2026, 2, n) for n in range(1, 29)}
MAR = {n: date(2026, 3, n) for n in range(1, 32)}


def day(on: date, pain: int = 5, **fields: object) -> Day:
    return Day(date=on, pain_avg=pain, **fields)  # type: ignore[arg-type]


def custom(start: date, end: date) -> DateRange:
    return resolve_range(JournalData(), start=start, end=end)


def run(data: JournalData, start: date, end: date) -> Insights:
    return compute(data, custom(start, end))


# -- pain since the start of care and since the last visit ----------------------------------------


def care_and_visit_journal() -> JournalData:
    """Care began 1 Feb (pain 6,6,6,6,6,7,6: 43 / 7 = 6.14); the visit on 1 Mar, then 4 a day for a
    week (1-7 Mar: 4.0) and 8-15 Mar at 3,3,3,3,3,3,4 on 9-15 Mar (22 / 7 = 3.14)."""
    care = [day(FEB[n], p) for n, p in zip(range(1, 8), (6, 6, 6, 6, 6, 7, 6), strict=True)]
    visit_week = [day(MAR[n], 4) for n in range(1, 8)]
    latest = [day(MAR[8], 3), *(day(MAR[n], p) for n, p in zip(range(9, 16), (3, 3, 3, 3, 3, 3, 4), strict=True))]
    return JournalData(days=(*care, *visit_week, *latest), visits=(Visit(date=MAR[1]),))


def test_pain_since_the_start_of_care_is_the_issues_6_1_to_3_1_example() -> None:
    data = care_and_visit_journal()
    ins = compute(data, resolve_range(data, "since-visit", today=MAR[15]))
    care = ins.pain.since_care
    assert care.baseline is not None and care.latest_week is not None
    # First 7 logged days of the journal, 1-7 Feb: 43 / 7 = 6.143; latest whole week 9-15 Mar: 22 / 7.
    assert (care.baseline.start, care.baseline.end) == (FEB[1], FEB[7])
    assert care.baseline.mean == pytest.approx(43 / 7)
    assert (care.latest_week.start, care.latest_week.end) == (MAR[9], MAR[15])
    # 43/7 - 22/7 = 3.0 points; 3 / (43/7) = 48.8 % -> important (>= 2 points and >= 30 %).
    assert care.points == pytest.approx(3.0) and care.percent == pytest.approx(2100 / 43)
    assert (care.direction, care.important) == ("better", True)
    assert therapist_lines(ins)[1] == (
        "Average pain since the start of care: 6.1 in the first 7 logged days (1 Feb to 7 Feb) to 3.1 in "
        "the latest week (9 Mar to 15 Mar), 3.0 points, 48 % less: a clinically important change."
    )


def test_pain_since_the_last_visit_starts_at_the_first_week_after_it() -> None:
    data = care_and_visit_journal()
    ins = compute(data, resolve_range(data, "since-visit", today=MAR[15]))
    visit = ins.pain.since_visit
    assert visit is not None and visit.baseline is not None
    # 1-7 Mar: 4.0; latest whole week starting after 7 Mar: 9-15 Mar, 22 / 7 = 3.14.
    # 4 - 3.14 = 0.86 points, 21.4 %: below both thresholds.
    assert (visit.since, visit.baseline.start, visit.baseline.end) == (MAR[1], MAR[1], MAR[7])
    assert visit.points == pytest.approx(4 - 22 / 7) and visit.percent == pytest.approx((4 - 22 / 7) / 4 * 100)
    assert (visit.direction, visit.important) == ("better", False)
    line = therapist_lines(ins)[2]
    assert line.startswith("Average pain since the last visit (1 Mar): 4.0 in the first 7 logged days")
    assert line.endswith("0.8 points, 21 % less: below a clinically important change (2 points or 30 %).")


def test_pain_getting_worse_is_important_too() -> None:
    # Care 1-7 Mar at 3 (3.0); latest week 8-14 Mar at 5 a day: 2 points more, 66 % -> important, worse.
    days = (*(day(MAR[n], 3) for n in range(1, 8)), *(day(MAR[n], 5) for n in range(8, 15)))
    since = run(JournalData(days=days), MAR[1], MAR[14]).pain.since_care
    assert (since.points, since.direction, since.important) == (-2.0, "worse", True)


def test_pain_since_needs_a_whole_week_after_the_start() -> None:
    # 10 days: the only whole week (4-10 Mar) overlaps the first 7 logged days, so nothing to compare.
    ins = run(JournalData(days=tuple(day(MAR[n], 4) for n in range(1, 11))), MAR[1], MAR[10])
    assert ins.pain.since_care.direction == "unknown" and ins.pain.since_care.points is None
    assert ins.pain.since_visit is None  # no visit recorded
    assert "too few days to compare" in therapist_lines(ins)[1]


def test_worst_and_least_pain_of_the_range_with_dates() -> None:
    days = (
        day(MAR[1], 4, pain_worst=7, pain_least=2),
        day(MAR[2], 4, pain_worst=8, pain_least=1),
        day(MAR[3], 4, pain_worst=8),  # ties with 2 Mar: the latest day is shown
        day(MAR[4], 4),
    )
    ins = run(JournalData(days=days), MAR[1], MAR[4])
    assert ins.pain.worst is not None and ins.pain.least is not None
    assert (ins.pain.worst.date, ins.pain.worst.pain) == (MAR[3], 8)
    assert (ins.pain.least.date, ins.pain.least.pain) == (MAR[2], 1)
    assert "Worst pain 8 (3 Mar), least pain 1 (2 Mar) in this period." in what_changed(ins)


# -- limb pain and its reach -------------------------------------------------------------------------


def left_leg(extent: str) -> tuple[Radiating, ...]:
    return (Radiating("left_leg", extent),)


def reach_journal(first: str | None, middle: str | None, latest: str | None) -> JournalData:
    """1-21 Mar, three whole weeks; the left leg reaches ``first`` on 2 days of 1-7 Mar (the thigh on
    the others), ``middle`` in 8-14 Mar and ``latest`` in 15-21 Mar (None: no radiating pain)."""
    days = []
    for n in range(1, 22):
        extent = (first if n in (2, 5) else "thigh") if n <= 7 else (middle if n <= 14 else latest)
        days.append(day(MAR[n], 4, radiating=left_leg(extent) if extent else ()))
    return JournalData(days=tuple(days))


def test_calf_then_thigh_then_buttock_is_centralising() -> None:
    ins = run(reach_journal("calf", "thigh", "buttock"), MAR[1], MAR[21])
    (reach,) = ins.limb.reaches
    # First week: the calf (reach 3) on 2 Mar and 5 Mar is the furthest; latest week: buttock (1).
    assert (reach.first_extent, reach.first_reach, reach.latest_extent, reach.latest_reach) == ("calf", 3, "buttock", 1)
    assert reach.verdict == "centralising"
    assert (
        "Leg pain centralising: left leg reached the calf in the first week of care, the buttock in the latest."
    ) in therapist_lines(ins)


def test_buttock_then_thigh_then_calf_is_peripheralising() -> None:
    ins = run(reach_journal("buttock", "thigh", "calf"), MAR[1], MAR[21])
    (reach,) = ins.limb.reaches
    # First week: thigh (2) on the other 5 days is further than the buttock; latest: calf (3).
    assert (reach.first_extent, reach.latest_extent, reach.verdict) == ("thigh", "calf", "peripheralising")


def test_the_same_reach_is_stable_and_none_in_the_latest_week_is_resolved() -> None:
    stable = run(reach_journal("calf", "calf", "calf"), MAR[1], MAR[21]).limb.reaches[0]
    assert (stable.first_extent, stable.latest_extent, stable.verdict) == ("calf", "calf", "stable")
    ins = run(reach_journal("calf", "thigh", None), MAR[1], MAR[21])
    (resolved,) = ins.limb.reaches
    assert (resolved.first_extent, resolved.latest_extent, resolved.latest_reach) == ("calf", None, 0)
    assert resolved.verdict == "centralising"
    assert (
        "Leg pain centralising: left leg reached the calf in the first week of care, none in the latest."
    ) in therapist_lines(ins)


def test_radiating_pain_that_starts_later_is_peripheralising() -> None:
    reach = run(reach_journal(None, None, "foot"), MAR[1], MAR[21]).limb.reaches
    # 1-7 Mar: the thigh on 5 days (the two 'first' days have none): thigh -> foot, away from the spine.
    assert [(r.first_extent, r.latest_extent, r.verdict) for r in reach] == [("thigh", "foot", "peripheralising")]
    arm_only_later = JournalData(
        days=tuple(
            day(MAR[n], 4, radiating=(Radiating("right_arm", "forearm"),) if n > 14 else ()) for n in range(1, 22)
        )
    )
    (arm,) = run(arm_only_later, MAR[1], MAR[21]).limb.reaches
    assert (arm.first_extent, arm.latest_extent, arm.verdict) == (None, "forearm", "peripheralising")


def test_reach_is_unknown_without_a_later_whole_week() -> None:
    # 10 days: the only whole week, 4-10 Mar, starts inside the first 7 logged days.
    data = JournalData(days=tuple(day(MAR[n], 4, radiating=left_leg("calf")) for n in range(1, 11)))
    (reach,) = run(data, MAR[1], MAR[10]).limb.reaches
    assert (reach.first_extent, reach.latest_extent, reach.verdict) == ("calf", None, "unknown")


def test_furthest_reach_of_a_week_is_the_most_distal_extent() -> None:
    days = [day(MAR[1], radiating=left_leg("thigh")), day(MAR[2], radiating=left_leg("foot")), day(MAR[3])]
    # Thigh (2) and foot (4): the foot; the right leg has none (0).
    assert (furthest_reach(days, "left_leg"), furthest_reach(days, "right_leg")) == (4, 0)


def test_limb_pain_first_week_of_care_against_the_latest_and_where_it_hurts() -> None:
    # 1-7 Mar limb pain 6 on all 7 days (6.0, n = 7); 15-21 Mar limb pain 2 on 5 days (2.0, n = 5).
    # Lower back every day (21 days); buttock / sacrum on 1 Mar only (1 day).
    days = []
    for n in range(1, 22):
        limb = 6 if n <= 7 else (2 if n >= 17 else None)
        regions = ("lower_back", "buttock_sacrum") if n == 1 else ("lower_back",)
        days.append(day(MAR[n], 4, pain_limb=limb, regions=regions))
    ins = run(JournalData(days=tuple(days)), MAR[1], MAR[21])
    limb = ins.limb
    assert limb.first_week is not None and limb.latest_week is not None
    assert (limb.first_week.n, limb.first_week.value) == (7, 6.0)
    assert (limb.latest_week.start, limb.latest_week.n, limb.latest_week.value) == (MAR[15], 5, 2.0)
    assert limb.regions == (("lower_back", 21), ("buttock_sacrum", 1))
    # (7 x 6 + 5 x 2) / 12 = 52 / 12 = 4.33 over the range.
    assert (limb.n, limb.mean) == (12, pytest.approx(52 / 12))
    lines = what_changed(ins)
    assert "Leg/arm pain (0-10): 6.0 in the first week of care (n = 7), 2.0 in the latest week (n = 5)." in lines
    assert "Where it hurts: lower back (21 days), buttock / sacrum (1 day)." in lines


def test_no_limb_pain_says_so_to_the_therapist_only() -> None:
    ins = run(JournalData(days=tuple(day(MAR[n], 4) for n in range(1, 8))), MAR[1], MAR[7])
    assert "No leg or arm pain logged in this period." in therapist_lines(ins)
    assert not any("leg or arm" in line for line in what_changed(ins))


# -- mobility ------------------------------------------------------------------------------------


def test_a_15_day_period_with_13_values_has_a_mobility_change() -> None:
    # Care 1-7 Feb: walking 10 min on 7 days. Since-visit period 1-15 Mar (15 days), walking on 13 days
    # (not 5 or 12 Mar): whole weeks 2-8 Mar (2, 3, 4, 6, 7, 8: six values of 20) and 9-15 Mar (six of 30);
    # 1 Mar (20) is in no whole week.
    care = [day(FEB[n], 4, mobility=Mobility(walk=10)) for n in range(1, 8)]
    period = [
        day(MAR[n], 4, mobility=Mobility(walk=20 if n <= 8 else 30) if n not in (5, 12) else Mobility())
        for n in range(1, 16)
    ]
    data = JournalData(days=(*care, *period), visits=(Visit(date=MAR[1]),))
    ins = compute(data, resolve_range(data, "since-visit", today=MAR[15]))
    walk = next(t for t in ins.mobility.trends if t.key == "walk")
    assert walk.n == 13
    assert walk.first_week is not None and walk.latest_week is not None
    assert (walk.first_week.start, walk.first_week.n, walk.start_mean) == (MAR[2], 6, 20.0)
    assert (walk.latest_week.start, walk.latest_week.n, walk.recent_mean) == (MAR[9], 6, 30.0)
    assert walk.care_week is not None and (walk.care_week.n, walk.care_week.value) == (7, 10.0)
    assert mobility_care_line(walk) == (
        "Walking tolerance: 10 min (n = 7) in the first week of care, 30 min (n = 6) in the latest week."
    )
    assert (
        "Walking tolerance: 20 min (n = 6) in the first whole week (2 Mar to 8 Mar), "
        "30 min (n = 6) in the latest (9 Mar to 15 Mar)." in what_changed(ins)
    )
    # Sitting was never measured: no figures at all.
    sit = next(t for t in ins.mobility.trends if t.key == "sit")
    assert (sit.n, sit.start_mean, sit.recent_mean, mobility_care_line(sit)) == (0, None, None, None)


def test_a_week_with_fewer_than_4_values_has_no_mean() -> None:
    # 1-14 Mar: standing 15 on 1-3 Mar (3 values: too few), 25 on 8-14 Mar (7 values).
    days = tuple(
        day(
            MAR[n],
            4,
            mobility=Mobility(stand=15 if n <= 3 else (25 if n >= 8 else None)) if n <= 3 or n >= 8 else Mobility(),
        )
        for n in range(1, 15)
    )
    stand = next(t for t in run(JournalData(days=days), MAR[1], MAR[14]).mobility.trends if t.key == "stand")
    assert stand.first_week is not None and stand.first_week.value == 25.0  # the only week with a mean
    assert (stand.latest_week, stand.start_mean) == (None, None)
    assert stand.care_week is not None and (stand.care_week.n, stand.care_week.value) == (3, None)


# -- PSFS ----------------------------------------------------------------------------------------


def psfs_journal() -> JournalData:
    acts = (
        PsfsActivity("Sit through a film", id=1),
        PsfsActivity("Walk to the shops", id=2),
        PsfsActivity("Put on socks", version="2.0", id=3),
    )
    ratings = (
        PsfsRating(1, FEB[1], 2),
        PsfsRating(2, FEB[1], 3),
        PsfsRating(3, FEB[1], 8, version="2.0"),  # 2.0: 8 -> ability 2
        PsfsRating(1, MAR[1], 6),
        PsfsRating(2, MAR[1], 4),
        PsfsRating(3, MAR[1], 3, version="2.0"),  # ability 7
        PsfsRating(1, MAR[10], 7),  # one activity only: no occasion
    )
    return JournalData(psfs_activities=acts, psfs_ratings=ratings)


def test_psfs_each_activity_intake_against_its_latest() -> None:
    ins = run(psfs_journal(), MAR[1], MAR[14])
    items = {i.name: i for i in ins.psfs.items}
    film, shops, socks = items["Sit through a film"], items["Walk to the shops"], items["Put on socks"]
    # Film 2 (1 Feb) -> 7 (10 Mar): +5, meaningful (>= 3). Shops 3 -> 4: +1, not. Socks (2.0) 8 -> 3 is
    # ability 2 -> 7: +5, meaningful: the reversed scale reads as better.
    assert (film.intake_date, film.intake, film.latest_date, film.latest, film.change) == (FEB[1], 2, MAR[10], 7, 5)
    assert (film.meaningful, shops.change, shops.meaningful) == (True, 1, False)
    assert (socks.intake, socks.latest, socks.change, socks.meaningful) == (2, 7, 5, True)
    rng = ins.range
    assert (
        psfs_item_line(rng, film)
        == "Sit through a film: 2 at intake (1 Feb), 7 on 10 Mar, 5 points better: meaningful (3 or more)."
    )
    assert (
        psfs_item_line(rng, shops)
        == "Walk to the shops: 3 at intake (1 Feb), 4 on 1 Mar, 1 point better: less than the 3 that is meaningful."
    )


def test_psfs_mean_comes_from_one_occasion_never_mixing_dates() -> None:
    psfs = run(psfs_journal(), MAR[1], MAR[14]).psfs
    # Intake 1 Feb: (2 + 3 + 2) / 3 = 2.33. Latest occasion 1 Mar (10 Mar rates one activity):
    # (6 + 4 + 7) / 3 = 5.67, not the mixed (7 + 4 + 7) / 3 = 6.0. Change 3.33 >= 2: important.
    assert (psfs.first_date, psfs.latest_date) == (FEB[1], MAR[1])
    assert psfs.first == pytest.approx(7 / 3) and psfs.latest == pytest.approx(17 / 3)
    assert psfs.change == pytest.approx(10 / 3) and psfs.important
    assert "went up from 2.3 at intake (1 Feb) to 5.7 on 1 Mar (3.3 points)" in psfs.sentence


def test_psfs_with_only_the_intake_occasion() -> None:
    psfs = run(psfs_journal(), FEB[1], FEB[14]).psfs
    assert (psfs.first, psfs.latest, psfs.change, psfs.important) == (pytest.approx(7 / 3), None, None, False)
    assert psfs.sentence.endswith("2.3 at intake (1 Feb), with no later date on which every activity was rated.")


# -- days not recorded and adherence -----------------------------------------------------------------


def test_unrecorded_days_are_not_skipped_sessions() -> None:
    # 1-14 Mar, nothing logged on 5 and 12 Mar: 12 days recorded. A daily exercise, done on 9 of them and
    # skipped (no time) on 3 Mar only, nothing ticked on 2 others: planned 12, done 9 -> 75 %
    # (counting the 2 unrecorded days would have given 9 / 14 = 64 %).
    plan = (Exercise("Pelvic tilt", start=MAR[1], id=1),)
    logs = {n: (ExerciseLog(1, "done"),) for n in (1, 2, 4, 6, 7, 8, 9, 10, 11)}
    logs[3] = (ExerciseLog(1, "skipped", "no_time"),)
    days = tuple(day(MAR[n], 4, exercises=logs.get(n, ())) for n in range(1, 15) if n not in (5, 12))
    ins = run(JournalData(days=days, exercises=plan), MAR[1], MAR[14])
    adh = ins.adherence
    assert (ins.days_unrecorded, adh.days_logged, adh.days_in_range) == (2, 12, 14)
    assert (adh.scheduled, adh.credit, adh.percent) == (12, 9, 75.0)
    assert adh.exercises[0].active_days == 12
    assert adh.sentence.startswith(
        "Home exercises: 12 of 14 days recorded; of the sessions planned on those days, 75 % done (9 of 12 sessions,"
    )
    assert adh.sentence.endswith("Most common reason for skipping: no time (1 time).")
    assert therapist_lines(ins)[0] == "12 of 14 days recorded (2 days not recorded)."


def test_one_planned_session_is_one_session_and_counts_are_whole() -> None:
    # Once a week, every day of 1-7 Mar logged, done once: planned 1 x 7 / 7 = 1.
    plan = (Exercise("Walk", start=MAR[1], times_per_week=1, id=1),)
    days = tuple(day(MAR[n], 4, exercises=(ExerciseLog(1, "done"),) if n == 1 else ()) for n in range(1, 8))
    assert (
        "100 % done (1 of 1 session," in run(JournalData(days=days, exercises=plan), MAR[1], MAR[7]).adherence.sentence
    )
    # 15/7 = 2.14 planned reads "2"; a partly done one reads "0.5".
    assert (sessions(15 / 7), sessions(0.5), sessions(12.0)) == ("2", "0.5", "12")
    assert recorded_sentence(7, 7) == "7 of 7 days recorded."


def test_weeks_are_whole_weeks_ending_on_the_last_day() -> None:
    # 1-15 Mar: weeks 2-8 and 9-15 Mar; 1 Mar alone would be a one-day "week" and is left out.
    plan = (Exercise("Walk", start=MAR[1], id=1),)
    days = tuple(day(MAR[n], 4, exercises=(ExerciseLog(1, "done"),)) for n in range(1, 16))
    ins = run(JournalData(days=days, exercises=plan), MAR[1], MAR[15])
    assert [(w.start, w.end, w.n) for w in ins.pain.weeks] == [(MAR[2], MAR[8], 7), (MAR[9], MAR[15], 7)]
    assert [(w.start, w.scheduled) for w in ins.adherence.weeks] == [(MAR[2], 7), (MAR[9], 7)]
    # The whole range still counts 1 Mar: 15 planned, 15 done.
    assert (ins.adherence.scheduled, ins.adherence.credit) == (15, 15)


# -- red flags in the therapist's voice -----------------------------------------------------------


def test_red_flag_lines_are_dated_and_carry_no_advice() -> None:
    nov = date(2026, 11, 24)
    data = JournalData(
        days=(
            day(nov - timedelta(days=1), 4),
            day(nov, 4, red_flags=("night_pain",)),
            day(nov + timedelta(days=1), 4, red_flags=("fever", "weight_loss")),
        )
    )
    rng = custom(nov - timedelta(days=1), nov + timedelta(days=1))
    assert red_flag_lines(data, rng) == (
        "reported on 24 Nov: pain at night that rest does not ease",
        "reported on 25 Nov: fever together with back pain; weight loss you cannot explain",
    )
    lines = therapist_lines(compute(data, rng))
    assert "Red flag reported on 24 Nov: pain at night that rest does not ease." in lines
    assert not any("Please" in line or "call your doctor" in line for line in lines)


def test_counts_of_one_are_singular() -> None:
    # One logged day in a one-day range with one 1-minute heat session: "1 of 1 day", "1 minute".
    data = JournalData(days=(day(MAR[1], 4, sessions=(TherapySession("heat", 1),)),))
    lines = what_changed(run(data, MAR[1], MAR[1]))
    assert any(line.endswith(": 1 of 1 day logged.") for line in lines)
    assert any(line.startswith("Heat: 1 session, 1 minute in all;") for line in lines)


def test_the_page_says_what_eased_the_pain_in_one_line_with_n_or_why_there_is_no_figure() -> None:
    from spinejournal.insights import relief_line
    from spinejournal.insights.types import TherapyStats

    # Heat: 6 sessions with before and after, mean relief 1.7; TENS: 2 with both (< MIN_N = 5).
    heat = TherapyStats("heat", sessions=6, minutes=110, days=6, too_long=1, relief_n=6, mean_relief=1.7)
    tens = TherapyStats("tens", sessions=2, minutes=60, days=2, too_long=0, relief_n=2, mean_relief=None)
    unused = TherapyStats("ice", sessions=0, minutes=0, days=0, too_long=0, relief_n=0, mean_relief=None)
    assert relief_line((heat, unused, tens)) == (
        "Pain eased, 30 minutes after: heat 1.7 points (n = 6); too few to say for TENS (2)."
    )
    assert relief_line((unused,)) is None


def test_mobility_against_the_start_of_care_is_one_line_for_the_page() -> None:
    from spinejournal.insights import mobility_care_summary
    from spinejournal.insights.types import MeasureTrend, WeekValue

    def week(value: float | None, n: int) -> WeekValue:
        return WeekValue(date(2026, 3, 1), date(2026, 3, 7), n, value)

    walk = MeasureTrend("walk", "Walking tolerance", "min", True, 14, None, None, week(11.4, 7), week(33.0, 6))
    # Too few values in the first week of care (3 < WEEK_MIN_DAYS): left out, not shown as 0.
    sit = MeasureTrend("sit", "Sitting tolerance", "min", True, 9, None, None, week(None, 3), week(48.0, 6))
    assert mobility_care_summary((walk, sit)) == (
        "Mobility, first week of care to the latest week (mean, n): walking tolerance 11 to 33 min (7, 6)."
    )
    assert mobility_care_summary((sit,)) is None
