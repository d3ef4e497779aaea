"""Insights of day model v2 (sleep and mood, medications, treatments per kind, PEG-3, PGIC, care
events) on small hand-built journals; every expected number is worked out by hand in a comment."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from spinejournal.insights import (
    DateRange,
    Insights,
    compute,
    detail_sections,
    resolve_range,
    week_after,
    what_changed,
)
from spinejournal.model import (
    CareEvent,
    Day,
    JournalData,
    Medication,
    MedicationTaken,
    PegScore,
    PgicRating,
    TherapySession,
)

MAR = {n: date(2026, 3, n) for n in range(1, 32)}
FEB1 = date(2026, 2, 1)


def day(on: date, pain: int = 5, **fields: object) -> Day:
    return Day(date=on, pain_avg=pain, **fields)  # type: ignore[arg-type]


def custom(start: date, end: date) -> DateRange:
    return resolve_range(JournalData(), start=start, end=end)


def run(data: JournalData, start: date = MAR[1], end: date = MAR[14]) -> Insights:
    return compute(data, custom(start, end))


# -- sleep and mood --------------------------------------------------------------------------------


def test_sleep_hours_mean_and_first_versus_latest_whole_week() -> None:
    # 1-14 Mar is two whole weeks: 1-7 and 8-14 Mar.
    # Week 1: 5, 6, 5, 6 on 1-4 Mar (n = 4, enough) -> 22 / 4 = 5.5; 5-7 Mar logged without sleep.
    # Week 2: 7 on 8-12 Mar -> 7.0. Whole range: (22 + 35) / 9 = 6.333.
    hours = {1: 5, 2: 6, 3: 5, 4: 6, 8: 7, 9: 7, 10: 7, 11: 7, 12: 7}
    data = JournalData(days=tuple(day(MAR[n], sleep_hours=hours.get(n)) for n in range(1, 15)))
    sm = run(data).sleep_mood
    assert sm.hours.n == 9
    assert sm.hours.mean == pytest.approx(57 / 9)
    assert sm.hours.first_week is not None and sm.hours.latest_week is not None
    assert (sm.hours.first_week.start, sm.hours.first_week.end) == (MAR[1], MAR[7])
    assert sm.hours.first_week.value == pytest.approx(5.5)
    assert sm.hours.latest_week.value == pytest.approx(7.0)
    assert sm.quality.n == 0 and sm.quality.mean is None
    assert sm.sentences == (
        "Sleep: 6.3 hours a night on average (n = 9); 5.5 in the first whole week (1 Mar to 7 Mar), "
        "7.0 in the latest (8 Mar to 14 Mar).",
    )


def test_a_week_with_three_values_does_not_count_and_a_partial_oldest_window_is_left_out() -> None:
    # 28 Feb to 14 Mar is 15 days: windows 28 Feb (one day, not whole), 1-7 Mar, 8-14 Mar.
    # Mood on 28 Feb (9), and on 1-3 Mar only (3 values: too few for the week), then 6 on 8-11 Mar.
    # The first whole week has no value, so there is no "first vs latest" to compare: both from week 2
    # would be one week, so latest is None.
    moods = {date(2026, 2, 28): 9, MAR[1]: 2, MAR[2]: 2, MAR[3]: 2, MAR[8]: 6, MAR[9]: 6, MAR[10]: 6, MAR[11]: 6}
    data = JournalData(days=tuple(day(on, mood=m) for on, m in moods.items()))
    mood = run(data, date(2026, 2, 28), MAR[14]).sleep_mood.mood
    # Mean over all 8 values: (9 + 6 + 24) / 8 = 4.875.
    assert mood.mean == pytest.approx(4.875)
    assert mood.first_week is not None and mood.first_week.start == MAR[8]
    assert mood.first_week.value == pytest.approx(6.0)
    assert mood.latest_week is None


def test_pain_after_poor_and_good_nights_went_together_with_n() -> None:
    # Quality 3 with pain 6, 6, 7, 5, 6 -> 30 / 5 = 6.0; quality 8 with pain 3, 2, 4, 3, 3 -> 15 / 5 = 3.0.
    # A night of 5 counts in neither group.
    poor = [6, 6, 7, 5, 6]
    good = [3, 2, 4, 3, 3]
    days = [day(MAR[i + 1], p, sleep_quality=3) for i, p in enumerate(poor)]
    days += [day(MAR[i + 6], p, sleep_quality=8) for i, p in enumerate(good)]
    days.append(day(MAR[11], 9, sleep_quality=5))
    sm = run(JournalData(days=tuple(days))).sleep_mood
    assert (sm.poor_sleep.n, sm.poor_sleep.mean) == (5, pytest.approx(6.0))
    assert (sm.good_sleep.n, sm.good_sleep.mean) == (5, pytest.approx(3.0))
    assert (
        "Average pain after a night of sleep quality 4 or less: 6.0 (n = 5); after a night of 7 or more: 3.0 "
        "(n = 5). This shows what went together, not what caused what."
    ) in sm.sentences


def test_pain_by_mood_is_not_shown_when_one_side_has_fewer_than_min_n_days() -> None:
    # Low mood on 5 days, good mood on only 4: the comparison is left out; the mean mood still shows.
    days = [day(MAR[n], 7, mood=2) for n in range(1, 6)] + [day(MAR[n], 3, mood=8) for n in range(6, 10)]
    sm = run(JournalData(days=tuple(days))).sleep_mood
    assert sm.low_mood.mean == pytest.approx(7.0)
    assert (sm.good_mood.n, sm.good_mood.mean) == (4, None)
    assert not any("went together" in s for s in sm.sentences)
    # (5 x 2 + 4 x 8) / 9 = 42 / 9 = 4.67
    assert sm.sentences[0].startswith("Mood: 4.7 out of 10 on average (n = 9)")


# -- medications -----------------------------------------------------------------------------------

IBU_400 = Medication("Ibuprofen", FEB1, dose="400 mg", as_needed=True, end=MAR[8], id=1)
IBU_200 = Medication("ibuprofen ", MAR[8], dose="200 mg", as_needed=True, id=2)
AMI = Medication("Amitriptyline", FEB1, dose="10 mg", per_day=1, end=MAR[10], id=3)
PARA = Medication("Paracetamol", MAR[12], dose="500 mg", per_day=2, id=4)


def _medication_journal() -> JournalData:
    days = []
    for n in range(1, 15):
        taken = []
        if n <= 7:
            taken.append(MedicationTaken(1, None if n == 3 else 2))  # 3 Mar: taken, no count (1 dose)
        elif n <= 10:
            taken.append(MedicationTaken(2, 1))
        if n in (1, 2, 3, 5, 8):
            taken.append(MedicationTaken(3))
        if n in (12, 13):
            taken.append(MedicationTaken(4))
        days.append(day(MAR[n], medications=tuple(taken)))
    return JournalData(days=tuple(days), medications=(IBU_400, IBU_200, AMI, PARA))


def test_medication_changes_in_the_range_a_dose_change_is_one_change() -> None:
    meds = run(_medication_journal()).medications
    # Ibuprofen 400 mg ends on 8 Mar and "ibuprofen " (the same name_key) starts on 8 Mar: a dose change,
    # not a stop and a start. Amitriptyline ends on 10 Mar with no successor: stopped. Paracetamol
    # starts on 12 Mar: started. The 1 Feb starts are before the range.
    assert [(c.date, c.change, c.name) for c in meds.changes] == [
        (MAR[8], "dose changed", "ibuprofen"),
        (MAR[10], "stopped", "Amitriptyline"),
        (MAR[12], "started", "Paracetamol"),
    ]
    assert (meds.changes[0].before, meds.changes[0].after) == ("400 mg, as needed", "200 mg, as needed")
    assert meds.sentences[:3] == (
        "8 Mar: ibuprofen dose changed (was 400 mg, as needed; now 200 mg, as needed).",
        "10 Mar: Amitriptyline stopped.",
        "12 Mar: Paracetamol started (500 mg, twice a day).",
    )


def test_as_needed_doses_per_whole_week_joined_across_a_dose_change() -> None:
    meds = run(_medication_journal()).medications
    # Week 1-7 Mar: 2 doses a day on 6 days + 1 (no count on 3 Mar) = 13. Week 8-14 Mar: 1 dose on 8, 9,
    # 10 Mar of the 200 mg record = 3. Both records are one medication by name: 16 doses in all.
    (ibu,) = meds.as_needed
    assert (ibu.name, ibu.doses) == ("ibuprofen", 16)
    assert [(w.start, w.value) for w in ibu.weeks] == [(MAR[1], 13.0), (MAR[8], 3.0)]
    assert ibu.first_week is not None and ibu.latest_week is not None
    assert (
        "ibuprofen (as needed): 16 doses in this period; 13 in the first whole week (1 Mar to 7 Mar), "
        "3 in the latest (8 Mar to 14 Mar)." in meds.sentences
    )


def test_scheduled_medications_days_taken_of_the_logged_days_on_the_list() -> None:
    meds = run(_medication_journal()).medications
    # Amitriptyline is on the list 1-9 Mar (stopped from 10 Mar): 9 logged days, taken on 1, 2, 3, 5, 8 Mar.
    # Paracetamol from 12 Mar: 12, 13, 14 Mar logged, taken on 12 and 13 Mar.
    assert [(u.name, u.days_on_list, u.days_taken) for u in meds.scheduled] == [
        ("Amitriptyline", 9, 5),
        ("Paracetamol", 3, 2),
    ]
    assert "Paracetamol (500 mg, twice a day): taken on 2 of the 3 logged days it was on the list." in meds.sentences


def test_an_as_needed_week_with_fewer_than_four_logged_days_has_no_count() -> None:
    # Only 1-3 Mar logged in the first week (3 days, 2 doses each): that week's doses are unknown, not 6;
    # the second week (8-11 Mar logged, 1 dose each) counts 4. Doses in the period still add up: 10.
    days = [day(MAR[n], medications=(MedicationTaken(1, 2),)) for n in (1, 2, 3)]
    days += [day(MAR[n], medications=(MedicationTaken(1, 1),)) for n in (8, 9, 10, 11)]
    med = Medication("Ibuprofen", FEB1, as_needed=True, id=1)
    (use,) = run(JournalData(days=tuple(days), medications=(med,))).medications.as_needed
    assert [(w.n, w.value) for w in use.weeks] == [(3, None), (4, 4.0)]
    assert use.doses == 10
    assert use.first_week is not None and use.first_week.start == MAR[8]
    assert use.latest_week is None


def test_a_medication_started_and_stopped_outside_the_range_is_not_a_change() -> None:
    old = Medication("Naproxen", date(2026, 1, 1), as_needed=True, end=FEB1, id=5)
    meds = run(JournalData(days=(day(MAR[1]),), medications=(old,))).medications
    assert not meds.has_data


# -- treatments per kind ---------------------------------------------------------------------------


def test_relief_for_each_treatment_kind_with_the_min_n_rule() -> None:
    # TENS: before/after 6/3, 5/3, 6/4, 4/3, 5/3 -> relief 3, 2, 2, 1, 2 = 10 / 5 = 2.0 (n = 5).
    # Massage: 4 sessions each 1 point of relief: n = 4 < MIN_N, so no mean.
    tens = [(6, 3), (5, 3), (6, 4), (4, 3), (5, 3)]
    days = [
        day(MAR[i + 1], sessions=(TherapySession("tens", 30, pain_before=b, pain_after=a),))
        for i, (b, a) in enumerate(tens)
    ]
    days += [day(MAR[n], sessions=(TherapySession("massage", 10, pain_before=4, pain_after=3),)) for n in range(6, 10)]
    ins = run(JournalData(days=tuple(days)))
    assert [t.kind for t in ins.treatments] == ["heat", "ice", "tens", "massage"]
    tens_stats, massage = ins.treatments[2], ins.treatments[3]
    assert (tens_stats.sessions, tens_stats.minutes, tens_stats.relief_n) == (5, 150, 5)
    assert tens_stats.mean_relief == pytest.approx(2.0)
    assert (massage.relief_n, massage.mean_relief) == (4, None)
    # Long TENS sessions are no heat/ice safety concern.
    assert tens_stats.too_long == 0
    treatments = dict(detail_sections(ins))["Treatments"]
    assert treatments == (
        "TENS: 5 sessions, 150 minutes in all; pain was on average 2.0 points lower about 30 minutes after (n = 5).",
        "Massage / trigger-point release: 4 sessions, 40 minutes in all; too few sessions with pain before and "
        "after (4, need 5) to say how much it eased.",
    )
    # The Trends panel shows them too, after heat and ice.
    assert treatments[0] in what_changed(ins)


# -- PEG-3 -----------------------------------------------------------------------------------------


def test_peg_change_in_the_range_is_clinically_important_at_30_percent() -> None:
    # 2 Mar: (6 + 7 + 5) / 3 = 6.0; 14 Mar: (5 + 4 + 3) / 3 = 4.0. Points 2.0, percent 2 / 6 = 33.3 %: important.
    pegs = (PegScore(MAR[2], 6, 7, 5), PegScore(MAR[9], 5, 5, 5), PegScore(MAR[14], 5, 4, 3))
    peg = run(JournalData(peg_scores=pegs)).peg
    assert peg is not None
    assert (peg.first_date, peg.latest_date, peg.scope) == (MAR[2], MAR[14], "range")
    assert peg.points == pytest.approx(2.0)
    assert peg.percent == pytest.approx(100 / 3)
    assert peg.important
    assert peg.sentence == (
        "PEG-3, pain and how much it got in the way, 0-10: went down from 6.0 on 2 Mar to 4.0 on 14 Mar "
        "(2.0 points, 33 %). That is a change big enough to make a real difference."
    )


def test_peg_change_of_exactly_30_percent_counts_and_22_percent_does_not() -> None:
    # (4 + 3 + 3) / 3 = 3.333 to (3 + 2 + 2) / 3 = 2.333: 1 / 3.333 = 30 % exactly.
    exact = run(JournalData(peg_scores=(PegScore(MAR[1], 4, 3, 3), PegScore(MAR[8], 3, 2, 2)))).peg
    assert exact is not None and exact.percent == pytest.approx(30.0) and exact.important
    # 6.0 to (5 + 4 + 5) / 3 = 4.667: 1.333 / 6 = 22.2 %.
    small = run(JournalData(peg_scores=(PegScore(MAR[1], 6, 6, 6), PegScore(MAR[8], 5, 4, 5)))).peg
    assert small is not None and small.percent == pytest.approx(22.22, abs=0.01) and not small.important
    assert small.sentence.endswith("That is less than the 30 % that usually makes a real difference.")


def test_peg_with_one_score_in_the_range_starts_from_the_first_of_care() -> None:
    # 1 Feb: 6.0 (first of care); 14 Mar: (3 + 4 + 2) / 3 = 3.0 -> 3 points, 50 %, important.
    pegs = (PegScore(FEB1, 6, 6, 6), PegScore(MAR[14], 3, 4, 2))
    peg = run(JournalData(peg_scores=pegs)).peg
    assert peg is not None and peg.scope == "care"
    assert (peg.first, peg.latest, peg.percent) == (pytest.approx(6.0), pytest.approx(3.0), pytest.approx(50.0))
    assert "from 6.0 on 1 Feb 2026 (the first of care) to 3.0 on 14 Mar" in peg.sentence
    # No earlier score: one score, nothing to compare.
    alone = run(JournalData(peg_scores=(PegScore(MAR[14], 3, 4, 2),))).peg
    assert alone is not None and alone.points is None and not alone.important
    assert (
        alone.sentence == "PEG-3, pain and how much it got in the way, 0-10: 3.0 on 14 Mar (one score in this period)."
    )
    assert run(JournalData(peg_scores=(PegScore(FEB1, 6, 6, 6),))).peg is None


def test_peg_going_up_by_a_third_is_flagged_as_worth_talking_over() -> None:
    # 3.0 to 4.0: points -1, percent -33.3 %: important, in the worse direction.
    peg = run(JournalData(peg_scores=(PegScore(MAR[1], 3, 3, 3), PegScore(MAR[8], 4, 4, 4)))).peg
    assert peg is not None and peg.important and peg.points == pytest.approx(-1.0)
    assert "went up from 3.0 on 1 Mar to 4.0 on 8 Mar (1.0 points, 33 %)" in peg.sentence
    assert peg.sentence.endswith("worth talking over with your therapist.")


# -- PGIC ------------------------------------------------------------------------------------------


def test_latest_pgic_in_the_range_and_the_responder_threshold() -> None:
    # 20 Mar is after the range: the latest in it is 9 Mar, "much improved" (2): a responder.
    ratings = (PgicRating(MAR[2], 4), PgicRating(MAR[9], 2), PgicRating(MAR[20], 1))
    pgic = run(JournalData(pgic_ratings=ratings)).pgic
    assert pgic is not None
    assert (pgic.date, pgic.rating, pgic.label, pgic.responder) == (MAR[9], 2, "Much improved", True)
    assert pgic.sentence == (
        "Impression of change since care began (PGIC) on 9 Mar: Much improved (2 on the 1-7 scale, "
        '1 = very much improved), which is "much improved" or better.'
    )
    minimal = run(JournalData(pgic_ratings=(PgicRating(MAR[9], 3),))).pgic
    assert minimal is not None and not minimal.responder
    assert minimal.sentence.endswith('short of "much improved".')
    assert run(JournalData(pgic_ratings=(PgicRating(MAR[20], 1),))).pgic is None


# -- care events -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("days_after", "week"), [(0, 1), (6, 1), (7, 2), (13, 2), (35, 6), (41, 6), (42, 7)])
def test_week_after_surgery_counts_the_day_of_the_operation_as_day_0(days_after: int, week: int) -> None:
    assert week_after(FEB1, FEB1 + timedelta(days=days_after)) == week


def test_events_in_the_range_and_the_week_after_the_most_recent_surgery() -> None:
    events = (
        CareEvent(date(2025, 6, 1), "surgery", "Discectomy L5-S1", id=1),
        CareEvent(FEB1, "surgery", "Lumbar fusion L4-L5", id=2),
        CareEvent(date(2026, 1, 20), "imaging", "MRI", id=3),
        CareEvent(MAR[5], "injection", "Facet joint injection", id=4),
    )
    ev = run(JournalData(events=events)).events
    assert [(e.date, e.kind_label, e.text) for e in ev.events] == [(MAR[5], "Injection", "Facet joint injection")]
    # 14 Mar is 41 days after 1 Feb: 41 // 7 + 1 = week 6.
    assert ev.surgery is not None and ev.surgery.text == "Lumbar fusion L4-L5"
    assert ev.week_after_surgery == 6
    assert ev.sentences == (
        "Week 6 after surgery (Lumbar fusion L4-L5, 1 Feb 2026) on 14 Mar.",
        "5 Mar: Injection: Facet joint injection",
    )


def test_a_surgery_after_the_range_end_gives_no_week() -> None:
    ev = run(JournalData(events=(CareEvent(MAR[20], "surgery", "Fusion", id=1),))).events
    assert ev.surgery is None and ev.week_after_surgery is None and not ev.has_data


# -- a version-1 journal -----------------------------------------------------------------------------


def test_a_journal_without_v2_data_gets_no_new_sections() -> None:
    data = JournalData(days=tuple(day(MAR[n], 4) for n in range(1, 15)))
    ins = run(data)
    assert detail_sections(ins) == ()
    assert what_changed(ins) == what_changed(ins, details=False)


def test_tens_and_massage_are_not_counted_as_ice_in_the_weekly_heat_and_ice_bars() -> None:
    # 1 Mar: one ice session of 15 minutes, one TENS of 30 and one massage of 10: the week has 1 ice
    # session and 15 ice minutes, and no heat.
    sessions = (TherapySession("ice", 15), TherapySession("tens", 30), TherapySession("massage", 10))
    ins = run(JournalData(days=(day(MAR[1], sessions=sessions),)), MAR[1], MAR[7])
    (week,) = ins.heat_ice.weeks
    assert (week.heat_sessions, week.ice_sessions, week.heat_minutes, week.ice_minutes) == (0, 1, 0, 15)
    assert [(t.kind, t.sessions, t.days) for t in ins.treatments] == [
        ("heat", 0, 0),
        ("ice", 1, 1),
        ("tens", 1, 1),
        ("massage", 1, 1),
    ]


def test_a_scheduled_medication_with_no_logged_day_on_the_list_is_left_out() -> None:
    # On the list from 10 Mar, but only 1-9 Mar are logged: "taken on 0 of 0 days" would say nothing.
    med = Medication("Paracetamol", MAR[10], per_day=2, id=1)
    meds = run(JournalData(days=tuple(day(MAR[n]) for n in range(1, 10)), medications=(med,))).medications
    assert meds.scheduled == ()
    assert meds.sentences == ("10 Mar: Paracetamol started (twice a day).",)
