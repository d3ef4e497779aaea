"""The therapist summary: what it says, checked against figures worked out by hand from the days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from spinejournal.insights import resolve_range
from spinejournal.model import (
    CareEvent,
    Day,
    Exercise,
    ExerciseLog,
    JournalData,
    Medication,
    MedicationTaken,
    PegScore,
    PgicRating,
    Profile,
    TherapySession,
    Visit,
)
from spinejournal.reports.summary import (
    MAX_NOTE_CHARS,
    MAX_NOTES,
    MAX_WEEKS,
    Bullets,
    Chart,
    Entries,
    Paragraph,
    Section,
    Summary,
    Table,
    build_summary,
    percent,
)

from .helpers import DEMO_END, demo

START = date(2026, 3, 1)


def section(summary: Summary, title: str) -> Section:
    return next(s for s in summary.sections if s.title == title)


def paragraphs(s: Section) -> list[str]:
    return [b.text for b in s.blocks if isinstance(b, Paragraph)]


def two_weeks(first: int, second: int, **day: object) -> JournalData:
    """14 days from START: pain ``first`` for a week, then ``second``."""
    days = tuple(
        Day(START + timedelta(days=n), first if n < 7 else second, **day)  # type: ignore[arg-type]
        for n in range(14)
    )
    return JournalData(days=days, profile=Profile("Ana"))


def summary_of(
    data: JournalData, start: date = START, end: date = START + timedelta(days=13), *, details: bool = True
) -> Summary:
    """The summary with its detail tables (they are what most tests here check)."""
    return build_summary(data, resolve_range(data, start=start, end=end), details=details)


def test_a_drop_from_6_to_3_is_reported_as_a_clinically_important_change() -> None:
    summary = summary_of(two_weeks(6, 3))
    pain = section(summary, "Pain")
    # Baseline = mean of the first 7 days = 6; latest week = 3; change 3 points = 50 % of 6.
    first = pain.blocks[0]
    assert isinstance(first, Paragraph) and first.strong
    assert first.text == (
        "Average pain in the latest week 3.0/10 (8 Mar to 14 Mar) against a baseline of 6.0/10 (first 7 logged "
        "days, 1 Mar to 7 Mar): down 3.0 points (50 %), a clinically important change."
    )
    assert "Mean daily average pain over the period: 4.5/10." in paragraphs(pain)


def test_a_one_point_rise_from_5_is_not_clinically_important() -> None:
    first = section(summary_of(two_weeks(5, 6)), "Pain").blocks[0]
    assert isinstance(first, Paragraph) and not first.strong
    # 1 point is 20 % of 5: under both 2 points and 30 %.
    assert "up 1.0 points (20 %), below the 2 points or 30 % of a clinically important change" in first.text


def test_weekly_table_shows_a_dash_for_a_week_with_too_few_days() -> None:
    data = two_weeks(4, 4)
    summary = summary_of(data, START, START + timedelta(days=17))  # 18 days: the last 4 unlogged
    table = next(b for b in section(summary, "Pain").blocks if isinstance(b, Table))
    # Whole weeks count back from the end: 12-18 Mar (3 logged), 5-11 Mar (7); the partial 1-4 Mar
    # is no week of its own.
    assert table.rows == (("5 Mar to 11 Mar", "7", "4.0"), ("12 Mar to 18 Mar", "3", "-"))
    assert "No mean (-) for a week with fewer than 4 days logged." in paragraphs(section(summary, "Pain"))


def test_red_flags_come_first_dated_in_the_therapists_voice() -> None:
    days = list(two_weeks(4, 4).days)
    days[3] = days[3].with_changes(red_flags=("night_pain",))
    days[9] = days[9].with_changes(red_flags=("bladder_bowel", "fever"))
    summary = summary_of(JournalData(days=tuple(days)))
    first = summary.sections[0]
    assert first.alert and first.title == "Urgent symptoms reported" and summary.has_red_flags
    lead = first.blocks[0]
    # 4 Mar is same-day urgent, 10 Mar an emergency: 2 days, 1 of them needing help now.
    assert isinstance(lead, Paragraph) and lead.strong
    assert lead.text == "2 days with urgent symptoms in this period, 1 of them needs medical help now."
    items = first.blocks[1]
    assert isinstance(items, Bullets)
    assert items.items[0] == "Reported on 4 Mar: pain at night that rest does not ease."
    assert items.items[1].startswith("Reported on 10 Mar: new trouble passing urine")
    # The patient-facing advice ("Please get medical help now") is not for the therapist.
    assert not any("Please" in b.text for b in first.blocks if isinstance(b, Paragraph))


def test_the_page_reads_in_the_order_a_therapist_asks_and_keeps_details_for_the_whole_journal() -> None:
    data = two_weeks(6, 3, questions="Can I swim?", notes="sore")
    days = list(data.days)
    days[10] = days[10].with_changes(red_flags=("night_pain",))
    data = JournalData(days=tuple(days), profile=data.profile)
    page = summary_of(data, details=False)
    assert [s.title for s in page.sections] == [
        "Urgent symptoms reported",
        "Questions for the therapist",
        "Headline figures",
        "Charts",
        "Notes worth reading",
    ]
    headline = page.sections[2].blocks[0]
    assert isinstance(headline, Bullets)
    # therapist_lines without "14 of 14 days recorded." and its red flag line: both are shown above.
    assert not any(line.startswith(("Red flag", "14 of 14")) for line in headline.items)
    # Care: first 7 days 6, latest week 3: 3 points, 50 %.
    assert headline.items[0].startswith("Average pain since the start of care: 6.0 in the first 7 logged days")
    assert "3.0 points, 50 % less: a clinically important change" in headline.items[0]
    charts = page.sections[3].blocks
    assert [c.kind for c in charts if isinstance(c, Chart)] == ["pain"]  # no exercises or mobility logged
    whole = build_summary(data, resolve_range(data, "all", today=START + timedelta(days=13)))
    assert [s.title for s in whole.sections if s.detail][:2] == ["Pain", "Best and worst days"]


def test_limb_pain_of_each_day_goes_to_the_pain_chart() -> None:
    data = two_weeks(4, 4)
    days = list(data.days)
    days[2] = days[2].with_changes(pain_limb=5)
    days[5] = days[5].with_changes(pain_limb=2)
    summary = summary_of(JournalData(days=tuple(days)), details=False)
    assert summary.limb_series == ((date(2026, 3, 3), 5), (date(2026, 3, 6), 2))


def test_adherence_table_per_exercise_with_total_and_top_skip_reason() -> None:
    plan = (Exercise(name="Bird dog", start=START, id=1), Exercise(name="Walking", start=START, times_per_week=7, id=2))
    days = tuple(
        Day(
            START + timedelta(days=n),
            3,
            exercises=(
                ExerciseLog(1, "done" if n < 5 else "skipped", None if n < 5 else "pain"),
                ExerciseLog(2, "partial" if n < 2 else "done", "no_time" if n < 2 else None),
            ),
        )
        for n in range(7)
    )
    summary = summary_of(JournalData(days=days, exercises=plan), START, START + timedelta(days=6))
    blocks = section(summary, "Home exercises").blocks
    table = blocks[0]
    assert isinstance(table, Table) and table.total
    # Bird dog: 5 done of 7 planned = 71 %; Walking: 5 done + 2 half = 6 of 7 = 85.7 -> 85 %;
    # all: 11 of 14 = 78.5 -> 78 % (cut, never rounded up past a threshold).
    assert table.rows == (
        ("Bird dog", "daily", "7", "5", "0", "2", "71 %"),
        ("Walking", "daily", "7", "5", "2", "0", "85 %"),
        ("All exercises", "", "14", "", "", "", "78 %"),
    )
    reasons = paragraphs(section(summary, "Home exercises"))[-1]
    assert reasons == "Most common reason for skipping or partly doing: pain. All reasons: pain (2), no time (2)."


def test_questions_and_notes_keep_the_persons_words() -> None:
    data = two_weeks(4, 4, questions="Can I swim?", notes="sore [after] <gardening>")
    summary = summary_of(data)
    questions = section(summary, "Questions for the therapist").blocks[0]
    assert isinstance(questions, Entries)
    assert questions.items[0] == ("1 Mar", "Can I swim?") and len(questions.items) == 14
    notes = section(summary, "Notes worth reading").blocks
    assert isinstance(notes[0], Entries) and len(notes[0].items) == MAX_NOTES == 3
    assert notes[0].items[0][1] == "sore [after] <gardening>"
    # 14 notes, 3 shown.
    assert paragraphs(section(summary, "Notes worth reading")) == [
        "11 more in the app (shown: the days that stand out, then the latest)."
    ]


def test_a_long_note_is_cut_at_a_word_to_fit_the_page() -> None:
    words = "word " * 100  # 500 characters
    summary = summary_of(two_weeks(4, 4, notes=words.strip()), details=False)
    entries = section(summary, "Notes worth reading").blocks[0]
    assert isinstance(entries, Entries)
    text = entries.items[0][1]
    # The first 239 characters are 47 x "word " + "word"; the cut goes back to the last space (the
    # word after it may be cut short), so 46 x "word " + "word" and the ellipsis: 234 + 1 characters.
    assert len(text) <= MAX_NOTE_CHARS
    assert text == "word " * 46 + "word\u2026"


def test_notes_of_flare_days_are_chosen_before_recent_ones() -> None:
    days = [Day(START + timedelta(days=n), 2, notes=f"day {n}") for n in range(20)]
    days[5] = Day(days[5].date, 8, notes="bad flare after lifting")  # 6 points above the week before
    summary = summary_of(JournalData(days=tuple(days)), START, START + timedelta(days=19))
    entries = section(summary, "Notes worth reading").blocks[0]
    assert isinstance(entries, Entries)
    assert ("6 Mar", "bad flare after lifting") in entries.items


def test_empty_range_says_so_and_has_no_chart() -> None:
    data = demo()
    summary = build_summary(data, resolve_range(data, start=date(2030, 1, 1), end=date(2030, 1, 28)))
    assert summary.days_logged == 0
    assert [s.title for s in summary.sections] == ["No days logged"]
    assert paragraphs(summary.sections[0]) == ["No days were logged in this period (28 days)."]


def test_single_day_range_has_the_day_but_no_comparison() -> None:
    data = demo()
    summary = build_summary(data, resolve_range(data, start=DEMO_END, end=DEMO_END), details=True)
    pain = section(summary, "Pain")
    assert paragraphs(pain)[0].startswith("Not enough days to compare yet")
    day_pain = data.day(DEMO_END).pain_avg  # type: ignore[union-attr]
    assert f"Mean daily average pain over the period: {day_pain:.1f}/10." in paragraphs(pain)
    assert any(isinstance(b, Chart) for b in section(summary, "Charts").blocks)
    table = next(b for b in pain.blocks if isinstance(b, Table))
    assert table.rows == (("15 Mar", "1", "-"),)
    assert summary.subtitle == "15 Mar 2026 to 15 Mar 2026, 1 of 1 days logged"


def test_default_range_is_since_the_last_visit() -> None:
    data = JournalData(days=two_weeks(4, 4).days, visits=(Visit(START + timedelta(days=6)),))
    summary = build_summary(data, resolve_range(data, today=START + timedelta(days=13)))
    assert summary.subtitle == "Since the visit on 7 Mar 2026: 7 Mar 2026 to 14 Mar 2026, 8 of 8 days logged"


def test_the_header_counts_the_days_not_recorded() -> None:
    data = two_weeks(4, 4)
    # 18 days, the last 4 without an entry: 14 of 18 logged, 4 not recorded.
    assert summary_of(data, START, START + timedelta(days=17)).subtitle == (
        "1 Mar 2026 to 18 Mar 2026, 14 of 18 days logged (4 not recorded)"
    )


@pytest.mark.parametrize(
    ("value", "shown"), [(69.6, "69 %"), (70.0, "70 %"), (29.99, "29 %"), (-45.5, "-45 %"), (None, "-")]
)
def test_percentages_are_cut_so_they_never_appear_to_reach_a_threshold(value: float | None, shown: str) -> None:
    assert percent(value) == shown


def test_a_long_range_lists_only_the_latest_weeks_and_says_so() -> None:
    data = demo()
    summary = build_summary(data, resolve_range(data, "all", today=DEMO_END))
    pain = section(summary, "Pain")
    table = next(b for b in pain.blocks if isinstance(b, Table))
    # 120 days = 17 whole weeks back from 15 Mar plus one day (16 Nov, no week of its own); the table keeps 13.
    assert len(table.rows) == MAX_WEEKS == 13
    assert table.rows[-1][0] == "9 Mar 2026 to 15 Mar 2026"
    assert "The latest 13 of 17 weeks; the pain chart shows them all." in paragraphs(pain)


# -- day model v2 ------------------------------------------------------------------------------------


def _v2_journal() -> JournalData:
    """two_weeks(6, 3) with sleep, an as-needed medication whose dose changes on 8 Mar, a nightly one,
    TENS in the first week, PEG-3, PGIC and a surgery before the period."""
    ibu_400 = Medication("Ibuprofen", date(2026, 2, 1), dose="400 mg", as_needed=True, end=date(2026, 3, 8), id=1)
    ibu_200 = Medication("Ibuprofen", date(2026, 3, 8), dose="200 mg", as_needed=True, id=2)
    nightly = Medication("Amitriptyline", date(2026, 2, 1), dose="10 mg", per_day=1, id=3)
    days = []
    for n in range(14):
        first = n < 7
        taken = [MedicationTaken(1 if first else 2, 3 if first else 1)]
        if n % 2 == 0:
            taken.append(MedicationTaken(3))
        tens = (TherapySession("tens", 30, pain_before=6, pain_after=4),) if first and n < 5 else ()
        days.append(
            Day(
                START + timedelta(days=n),
                6 if first else 3,
                sleep_hours=6 if first else 8,
                sleep_quality=4 if first else 7,
                medications=tuple(taken),
                sessions=tens,
            )
        )
    return JournalData(
        days=tuple(days),
        profile=Profile("Ana"),
        medications=(ibu_400, ibu_200, nightly),
        peg_scores=(PegScore(START, 6, 6, 6), PegScore(START + timedelta(days=13), 4, 4, 3)),
        pgic_ratings=(PgicRating(START + timedelta(days=13), 3),),
        events=(CareEvent(date(2026, 2, 1), "surgery", "Lumbar fusion L4-L5", id=1),),
    )


def test_medication_changes_and_as_needed_doses_first_versus_latest_week() -> None:
    meds = section(summary_of(_v2_journal()), "Medications")
    (changes, table, scheduled) = meds.blocks
    assert isinstance(changes, Bullets) and isinstance(table, Table) and isinstance(scheduled, Paragraph)
    assert changes.items == ("8 Mar: Ibuprofen dose changed (was 400 mg, as needed; now 200 mg, as needed).",)
    # 1-7 Mar: 3 doses a day = 21; 8-14 Mar: 1 a day = 7; 28 in all.
    assert table.rows == (("Ibuprofen", "28", "21 (1 Mar to 7 Mar)", "7 (8 Mar to 14 Mar)"),)
    # Ticked on the even days 1, 3, ..., 13 Mar: 7 of 14.
    assert scheduled.text == "Amitriptyline (10 mg, once a day): taken on 7 of the 14 logged days it was on the list."


def test_sleep_first_versus_latest_week_and_pain_after_poor_or_good_nights() -> None:
    sleep = section(summary_of(_v2_journal()), "Sleep and mood")
    table = sleep.blocks[0]
    assert isinstance(table, Table)
    # Hours (7 x 6 + 7 x 8) / 14 = 7.0; quality (7 x 4 + 7 x 7) / 14 = 5.5.
    assert table.rows == (
        ("Sleep (hours a night)", "7.0", "14", "6.0 (1 Mar to 7 Mar)", "8.0 (8 Mar to 14 Mar)"),
        ("Sleep quality (0-10, 10 very good)", "5.5", "14", "4.0 (1 Mar to 7 Mar)", "7.0 (8 Mar to 14 Mar)"),
    )
    # Quality 4 on the pain-6 week, 7 on the pain-3 week: 6.0 (n = 7) and 3.0 (n = 7).
    assert paragraphs(sleep) == [
        "Average pain after a night of sleep quality 4 or less: 6.0 (n = 7); after a night of 7 or more: 3.0 "
        "(n = 7). This shows what went together, not what caused what."
    ]


def test_relief_per_treatment_kind_in_what_helps() -> None:
    helps = section(summary_of(_v2_journal()), "Treatments and what seems to help")
    table = helps.blocks[0]
    assert isinstance(table, Table)
    # TENS: 5 sessions of 30 minutes, relief 2 each: 2.0 (n = 5); no over-20-minutes count for TENS.
    assert table.rows == (
        ("Heat", "0", "0", "0", "-", "0"),
        ("Ice", "0", "0", "0", "-", "0"),
        ("TENS", "5", "150", "-", "2.0", "5"),
    )


def test_peg_change_latest_pgic_and_the_week_after_surgery() -> None:
    summary = summary_of(_v2_journal())
    measures = section(summary, "PEG-3 and impression of change")
    peg, pgic = measures.blocks
    # 6.0 -> (4 + 4 + 3) / 3 = 3.667: 2.333 points, 38.8 %: important, so in bold.
    assert isinstance(peg, Paragraph) and peg.strong
    assert "went down from 6.0 on 1 Mar to 3.7 on 14 Mar (2.3 points, 38 %)" in peg.text
    assert isinstance(pgic, Paragraph)
    assert "on 14 Mar: Minimally improved (3 on the 1-7 scale" in pgic.text
    assert pgic.text.endswith('short of "much improved".')
    # 1 Feb to 14 Mar is 41 days: week 6.
    assert paragraphs(section(summary, "Care events")) == [
        "Week 6 after surgery (Lumbar fusion L4-L5, 1 Feb 2026) on 14 Mar."
    ]
    titles = [s.title for s in summary.sections]
    assert titles.index("Care events") < titles.index("Home exercises") < titles.index("Medications")


def test_a_journal_without_v2_data_gets_none_of_the_new_sections() -> None:
    summary = summary_of(two_weeks(6, 3))
    titles = {s.title for s in summary.sections}
    assert not titles & {"Care events", "PEG-3 and impression of change", "Medications", "Sleep and mood"}
    helps = section(summary, "Treatments and what seems to help")
    assert paragraphs(helps)[0] == "No heat, ice, TENS or massage sessions were logged in this period."
