"""Day model v2 in the app: medications, sleep and mood, treatments, PEG-3, PGIC and care events,
driven by the keyboard and checked in what the journal stored."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from spinejournal.model import CareEvent, Day, Medication, MedicationTaken, PegScore, PgicRating, TherapySession
from spinejournal.store import Journal
from spinejournal.tui.screens.care_dialogs import EventDialog, PegDialog, PgicDialog
from spinejournal.tui.screens.confirm import ConfirmScreen
from spinejournal.tui.screens.medication_dialog import MedicationDialog
from spinejournal.tui.screens.plan import PlanScreen
from spinejournal.tui.screens.session_dialog import SessionDialog
from spinejournal.tui.screens.today import TodayScreen
from spinejournal.tui.screens.visits import VisitsScreen
from spinejournal.tui.widgets.medications_panel import MedicationLine
from tests.tui.helpers import HOSTILE, SIZE, TODAY, make_app, screen_text, stored

# Fields the day form may not show: typed with the shell, they must survive a save in the app.
SHELL_FIELDS = {
    "medications": (MedicationTaken(1, 2),),
    "sleep_hours": 6.5,
    "sleep_quality": 3,
    "mood": 8,
}


def _med_journal(path: Path) -> Journal:
    journal = Journal(path)
    journal.add_medication(Medication("Ibuprofen", date(2026, 3, 1), dose="200 mg", as_needed=True))
    journal.add_medication(Medication("Amitriptyline", date(2026, 3, 1), dose="10 mg", per_day=1))
    return journal


@pytest.mark.parametrize("field", sorted(SHELL_FIELDS))
async def test_a_field_logged_in_the_shell_survives_saving_the_day_in_the_app(journal_path: Path, field: str) -> None:
    journal = _med_journal(journal_path)
    journal.save_day(Day(TODAY, pain_avg=4, **{field: SHELL_FIELDS[field]}))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "ctrl+s")
    assert stored(journal_path).day(TODAY) == Day(TODAY, pain_avg=6, **{field: SHELL_FIELDS[field]})


async def test_a_tens_session_is_saved_without_the_heat_and_ice_warning(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("4")
        app.screen.query_one(TabbedContent).active = "tab-heat"
        await pilot.pause()
        assert "Treatments" in screen_text(app)
        app.screen.query_one("#sessions-table").focus()
        await pilot.press("a")
        assert isinstance(app.screen, SessionDialog)
        await pilot.press("4", "0")  # 40 minutes of heat would be warned about
        assert "Longer than the 20 minutes" in screen_text(app)
        await pilot.press("shift+tab", "right", "right")  # the kind: Heat -> Ice -> TENS
        text = screen_text(app)
        assert "Massage / trigger-point release" in text  # all four kinds fit at 80 columns
        assert "Longer than the 20 minutes" not in text
        await pilot.press("tab", "tab", "tab", "6", "tab", "3", "ctrl+s")  # region blank, pain 6 then 3
        assert isinstance(app.screen, TodayScreen)
        assert "Treatments (1)" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not [n for n in app._notifications if n.severity == "warning"]
    day = stored(journal_path).day(TODAY)
    assert day is not None and day.sessions == (TherapySession("tens", 40, pain_before=6, pain_after=3),)


async def test_history_lists_tens_and_massage_minutes(journal_path: Path) -> None:
    Journal(journal_path).save_day(
        Day(TODAY, pain_avg=3, sessions=(TherapySession("tens", 30), TherapySession("massage", 15)))
    )
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        text = screen_text(app)
    assert "T30 M15" in text  # the table's Treatments column
    # The day's summary, wrapped at 80 columns beside the calendar.
    assert "TENS 30 min · Massage /" in text and "trigger-point release 15 min" in text


async def _open_tab(pilot: Pilot[None], tab: str) -> None:
    pilot.app.screen.query_one(TabbedContent).active = tab
    await pilot.pause()


async def test_medications_tab_ticks_a_scheduled_one_and_counts_doses_of_an_as_needed_one(journal_path: Path) -> None:
    _med_journal(journal_path)  # Ibuprofen (1) as needed, Amitriptyline (2) once a day
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await _open_tab(pilot, "tab-meds")
        text = screen_text(app)
        assert "[ ] not yet  Amitriptyline  10 mg, once a day" in text  # sorted by name
        assert " 0 doses     Ibuprofen  200 mg, as needed" in text
        assert "Space ticks a medication taken; + and - count the doses" in text
        app.screen.query(MedicationLine).first().focus()
        await pilot.press("space", "down", "plus", "plus", "plus", "minus")
        text = screen_text(app)
        assert "[x] taken" in text and " 2 doses" in text
        assert "+ Add dose" in text and "- Remove dose" in text  # the focused line's keys
        await pilot.press("ctrl+s")
    day = stored(journal_path).day(TODAY)
    assert day is not None and day.medications == (MedicationTaken(1, 2), MedicationTaken(2))


async def test_unticking_and_removing_every_dose_stores_no_medication(journal_path: Path) -> None:
    journal = _med_journal(journal_path)
    journal.save_day(Day(TODAY, pain_avg=4, medications=(MedicationTaken(1, 1), MedicationTaken(2))))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await _open_tab(pilot, "tab-meds")
        assert "✓ saved" in screen_text(app)  # only looked at: nothing changed
        app.screen.query(MedicationLine).first().focus()
        await pilot.press("space", "down", "minus", "minus", "ctrl+s")  # a second minus stays at 0
    assert stored(journal_path).day(TODAY) == Day(TODAY, pain_avg=4)


async def test_no_medication_on_the_list_says_how_to_add_one(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await _open_tab(pilot, "tab-meds")
        text = " ".join(screen_text(app).split())
    assert "spinejournal med add NAME" in text


async def test_a_stopped_medication_is_not_offered_but_what_was_logged_of_it_is_kept(journal_path: Path) -> None:
    journal = _med_journal(journal_path)
    journal.stop_medication(2, TODAY)  # stopped from today: yesterday it was on the list
    journal.save_day(Day(TODAY, pain_avg=4, medications=(MedicationTaken(2),)))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await _open_tab(pilot, "tab-meds")
        names = [line.medication.name for line in app.screen.query(MedicationLine)]
        # Logged today although stopped today: shown, so that it can be unticked.
        assert names == ["Amitriptyline", "Ibuprofen"]
        app.screen.query(MedicationLine).last().focus()
        await pilot.press("plus", "ctrl+s")
    assert stored(journal_path).day(TODAY).medications == (MedicationTaken(1, 1), MedicationTaken(2))  # type: ignore[union-attr]


async def test_a_hostile_medication_name_is_shown_literally(journal_path: Path) -> None:
    Journal(journal_path).add_medication(Medication(HOSTILE, date(2026, 3, 1), as_needed=True))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await _open_tab(pilot, "tab-meds")
        text = screen_text(app)
        assert isinstance(app.screen, TodayScreen)  # the markup did not quit or crash the app
    assert "[/] [bold]x [@click=app.quit]x[/] \\x1b[31mred" in text  # the escape made visible


async def test_sleep_and_mood_are_set_with_the_keys_and_unset_stays_none(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await _open_tab(pilot, "tab-mobility")
        text = screen_text(app)
        assert "0 very poor, 10 very good" in text and "0 very low, 10 very good" in text
        app.screen.query_one("#sleep-hours").focus()
        await pilot.press("7", ".", "left", "left", "down", "down", "6", "ctrl+s")  # 7.5 - 1 h; mood 6
    assert stored(journal_path).day(TODAY) == Day(TODAY, pain_avg=4, sleep_hours=6.5, mood=6)


async def test_hours_slept_typed_as_two_digits_and_cleared(journal_path: Path) -> None:
    Journal(journal_path).save_day(Day(TODAY, pain_avg=4, sleep_hours=5.0, sleep_quality=2, mood=3))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await _open_tab(pilot, "tab-mobility")
        assert "◂  5 h   ▸" in screen_text(app)
        app.screen.query_one("#sleep-hours").focus()
        await pilot.press("1", "0", "right", "ctrl+s")
        assert stored(journal_path).day(TODAY).sleep_hours == 10.5  # type: ignore[union-attr]
        await pilot.press("backspace", "down", "backspace", "ctrl+s")  # hours and quality cleared
    assert stored(journal_path).day(TODAY) == Day(TODAY, pain_avg=4, mood=3)


async def test_zero_is_stored_when_chosen(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await _open_tab(pilot, "tab-mobility")
        app.screen.query_one("#sleep-quality").focus()
        await pilot.press("0", "ctrl+s")
    assert stored(journal_path).day(TODAY) == Day(TODAY, pain_avg=4, sleep_quality=0)


async def test_a_peg_score_is_saved_from_visits_with_its_mean_shown(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "s")
        assert isinstance(app.screen, PegDialog)
        text = screen_text(app)
        assert "Your pain on average over the past week" in text and "general activity this past week" in text
        await pilot.press("6", "down", "4", "down", "5")
        assert "PEG-3 score (the mean of the three): 5.0" in screen_text(app)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, VisitsScreen)
        assert "Sun 15 Mar  5.0" in screen_text(app)
    assert stored(journal_path).peg_scores == (PegScore(TODAY, 6, 4, 5),)


async def test_a_peg_score_needs_all_three_answers(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "s", "6", "down", "4", "ctrl+s")
        assert isinstance(app.screen, PegDialog)
        assert "PEG general activity: choose a number from 0 to 10" in screen_text(app)
    assert stored(journal_path).peg_scores == ()


async def test_a_pgic_rating_is_saved_from_visits(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "i")
        assert isinstance(app.screen, PgicDialog)
        assert "▶ 4  No change" in screen_text(app)  # marked by a glyph, readable without colour
        await pilot.press("up", "up")
        assert "▶ 2  Much improved" in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, VisitsScreen)
        assert "2 much improved" in screen_text(app)
    assert stored(journal_path).pgic_ratings == (PgicRating(TODAY, 2),)


async def test_peg_and_pgic_open_on_todays_answers_so_a_save_changes_nothing_unseen(journal_path: Path) -> None:
    journal = Journal(journal_path)
    journal.save_peg(PegScore(TODAY, 6, 4, 5))
    journal.save_pgic(PgicRating(TODAY, 3))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "s")
        assert isinstance(app.screen, PegDialog)
        assert "PEG-3 score (the mean of the three): 5.0" in screen_text(app)  # (6 + 4 + 5) / 3
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, VisitsScreen)
        await pilot.press("i")
        assert isinstance(app.screen, PgicDialog)
        assert "▶ 3  Minimally improved" in screen_text(app)
        await pilot.press("up", "enter")  # one step better: 2, and the message says what it replaced
        assert isinstance(app.screen, VisitsScreen)
    again = stored(journal_path)
    assert again.peg_scores == (PegScore(TODAY, 6, 4, 5),)
    assert again.pgic_ratings == (PgicRating(TODAY, 2),)


async def test_a_pgic_rating_changed_elsewhere_is_not_overwritten(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "i")
        Journal(journal_path).save_pgic(PgicRating(TODAY, 5))  # the shell, while the dialog is open
        await pilot.press("up", "enter")
        assert isinstance(app.screen, PgicDialog)  # the dialog stays, saying why
        assert "changed" in screen_text(app).lower()
    assert stored(journal_path).pgic_ratings == (PgicRating(TODAY, 5),)


async def test_a_care_event_is_added_and_deleted_after_confirming(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "c")
        assert isinstance(app.screen, EventDialog)
        await pilot.press(*["backspace"] * 10, *"2026-03-02")  # the date field starts with today
        await pilot.press("tab", "left", "tab", *"Epidural L5", "enter")  # Imaging -> Injection
        assert isinstance(app.screen, VisitsScreen)
        assert "Mon 2 Mar    Injection · Epidu…" in screen_text(app)  # cut to fit, and marked
        assert "\n Epidural L5 " in screen_text(app)  # in full under the table
        assert stored(journal_path).events == (CareEvent(date(2026, 3, 2), "injection", "Epidural L5", id=1),)
        app.screen.query_one("#events-table").focus()
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Injection of Monday 2 March 2026: Epidural L5" in screen_text(app)
        await pilot.press("r")
        assert "Epidural" not in screen_text(app)
    assert stored(journal_path).events == ()


async def test_a_hostile_event_text_is_shown_literally(journal_path: Path) -> None:
    Journal(journal_path).add_event(CareEvent(TODAY, "other", "[bold]x[/] [@click=app.quit]y[/]"))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        assert "Other · [bold]x[/…" in screen_text(app)
        assert " [bold]x[/] [@click=app.quit]y[/] " in screen_text(app)
        assert isinstance(app.screen, VisitsScreen)


async def test_history_summary_shows_sleep_mood_and_medications(journal_path: Path) -> None:
    journal = _med_journal(journal_path)
    journal.save_day(
        Day(TODAY, pain_avg=3, medications=(MedicationTaken(1, 3), MedicationTaken(2)), sleep_hours=6.5, mood=7)
    )
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        text = screen_text(app)
    assert "Slept 6.5 h; mood 7/10" in text
    assert "Medications: Ibuprofen ×3," in text and "Amitriptyline" in text


async def test_plan_adds_a_medication(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "m")
        assert isinstance(app.screen, MedicationDialog)
        await pilot.press(*"Naproxen", "tab", *"250 mg", "tab", "right", "ctrl+s")  # once a day
        assert isinstance(app.screen, PlanScreen)
        text = screen_text(app)
        assert "Naproxen" in text and "250 mg, once a day" in text
    assert stored(journal_path).medications == (Medication("Naproxen", TODAY, dose="250 mg", per_day=1, id=1),)


async def test_plan_changes_a_dose_from_today_keeping_the_old_one_with_its_dates(journal_path: Path) -> None:
    _med_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        app.screen.query_one("#meds-table").focus()
        await pilot.press("down", "c")  # sorted by name: Amitriptyline, then Ibuprofen
        assert isinstance(app.screen, MedicationDialog)
        await pilot.press(*["backspace"] * 6, *"400 mg", "ctrl+s")
        assert isinstance(app.screen, PlanScreen)
    assert stored(journal_path).medications == (
        Medication("Ibuprofen", date(2026, 3, 1), dose="200 mg", as_needed=True, end=TODAY, id=1),
        Medication("Amitriptyline", date(2026, 3, 1), dose="10 mg", per_day=1, id=2),
        Medication("Ibuprofen", TODAY, dose="400 mg", as_needed=True, id=3),
    )


async def test_plan_stops_a_medication_after_confirming(journal_path: Path) -> None:
    _med_journal(journal_path)
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        app.screen.query_one("#meds-table").focus()
        await pilot.press("s")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("s")
        assert "2026-03-01 to 2026-03-15" in screen_text(app)
    assert stored(journal_path).medication(2) == Medication(  # type: ignore[attr-defined]
        "Amitriptyline", date(2026, 3, 1), dose="10 mg", per_day=1, end=TODAY, id=2
    )


async def test_help_names_the_keys_of_treatments_meds_sleep_visits_and_plan(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        pages = []
        for _ in range(6):  # it scrolls at 80x24: read it as a person would, page by page
            pages.append(" ".join(screen_text(app).replace("█", " ").split()))
            await pilot.press("pagedown")
    text = " ".join(pages)
    for expected in (
        "a add a treatment: heat, ice, TENS or massage",
        "space tick or untick a scheduled medication",
        "+ - count one more or one less dose of an as-needed medication",
        "← → hours slept up or down by half an hour",
        "'.' adds the half hour",
        "backspace clear the hours slept",
        "c add a care event",
        "s record a PEG-3 score",
        "i record a PGIC rating",
        "del remove the highlighted visit, care event, PEG-3 or PGIC",
        "m add a medication",
        "c change the highlighted medication's dose from a date",
        "s stop the highlighted medication",
    ):
        assert expected in text, expected


async def test_del_on_a_peg_only_row_removes_that_score_after_confirming(journal_path: Path) -> None:
    journal = Journal(journal_path)
    journal.save_peg(PegScore(TODAY, 6, 4, 5))
    journal.save_peg(PegScore(date(2026, 3, 8), 7, 7, 7))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        app.screen.query_one("#measures-table").focus()
        await pilot.press("delete")  # the newest row, today's, is highlighted
        assert isinstance(app.screen, ConfirmScreen)
        assert "This removes the PEG-3 score 5.0 from your journal." in screen_text(app)
        await pilot.press("r")
        assert isinstance(app.screen, VisitsScreen)
    assert stored(journal_path).peg_scores == (PegScore(date(2026, 3, 8), 7, 7, 7),)


async def test_del_on_a_row_with_both_asks_which_and_removes_only_that_one(journal_path: Path) -> None:
    journal = Journal(journal_path)
    journal.save_peg(PegScore(TODAY, 6, 4, 5))
    journal.save_pgic(PgicRating(TODAY, 3))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        app.screen.query_one("#measures-table").focus()
        await pilot.press("delete")
        assert "Remove the PEG-3 score 5.0, the PGIC rating 3, or both?" in screen_text(app)
        await pilot.press("i")  # the PGIC only
        assert isinstance(app.screen, VisitsScreen)
        assert stored(journal_path).pgic_ratings == ()
        assert stored(journal_path).peg_scores == (PegScore(TODAY, 6, 4, 5),)
        await pilot.press("delete", "escape")  # asked again, now for the PEG-3 only; Escape keeps it
    assert stored(journal_path).peg_scores == (PegScore(TODAY, 6, 4, 5),)


async def test_removing_both_when_one_changed_elsewhere_removes_nothing(journal_path: Path) -> None:
    journal = Journal(journal_path)
    journal.save_peg(PegScore(TODAY, 6, 4, 5))
    journal.save_pgic(PgicRating(TODAY, 3))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        app.screen.query_one("#measures-table").focus()
        await pilot.press("delete")
        Journal(journal_path).save_pgic(PgicRating(TODAY, 2))  # the shell, while the confirm is open
        await pilot.press("b")
        assert isinstance(app.screen, VisitsScreen)
        assert "2 much improved" in screen_text(app)  # the table shows what is stored now
    assert stored(journal_path).peg_scores == (PegScore(TODAY, 6, 4, 5),)
    assert stored(journal_path).pgic_ratings == (PgicRating(TODAY, 2),)


async def test_an_event_of_another_year_shows_its_year(journal_path: Path) -> None:
    journal = Journal(journal_path)
    journal.add_event(CareEvent(date(2025, 10, 2), "surgery", "Microdiscectomy L4-L5"))
    journal.add_event(CareEvent(date(2026, 3, 2), "imaging", "MRI"))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        text = screen_text(app)
        assert "Mon 2 Mar    Imaging · MRI" in text  # this year: no year
        assert "2 Oct 2025   Surgery · Microdi…" in text
        app.screen.query_one("#events-table").focus()
        await pilot.press("down")  # the preview follows the highlighted event
        assert "\n Microdiscectomy L4-L5 " in screen_text(app)
