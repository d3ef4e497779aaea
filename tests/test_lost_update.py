"""No lost update: the three-way day merge, and the store refusing writes over records changed since
they were read (the other writer is the real CLI, in its own process)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from spinejournal.merge import merge_day
from spinejournal.model import (
    Day,
    Exercise,
    ExerciseLog,
    Mobility,
    Profile,
    PsfsActivity,
    PsfsRating,
    TherapySession,
    Visit,
)
from spinejournal.store import Journal, JournalConflictError
from tests.conftest import TODAY
from tests.helpers import shell

YESTERDAY = TODAY - timedelta(days=1)


# -- the merge, on hand-built days ---------------------------------------------------------------


def day(**fields: object) -> Day:
    return Day(date=TODAY, **{"pain_avg": 5, **fields})  # type: ignore[arg-type]


def test_a_field_the_person_did_not_touch_takes_the_other_writers_value() -> None:
    base = day()
    mine = day(pain_avg=6)
    theirs = day(sessions=(TherapySession("ice", 5),), mobility=Mobility(walk=55))
    outcome = merge_day(base, mine, theirs)
    assert outcome.day == day(pain_avg=6, sessions=(TherapySession("ice", 5),), mobility=Mobility(walk=55))
    assert outcome.taken == ("sessions", "mobility.walk")
    assert outcome.conflicts == ()


def test_both_changing_a_field_differently_is_a_conflict() -> None:
    outcome = merge_day(day(notes="a"), day(notes="mine"), day(notes="theirs", pain_now=3))
    assert outcome.day is None
    assert outcome.conflicts == ("notes",)


def test_both_changing_a_field_to_the_same_value_is_no_conflict() -> None:
    outcome = merge_day(day(), day(pain_avg=7), day(pain_avg=7))
    assert outcome.day == day(pain_avg=7)
    assert outcome.taken == ()


def test_sessions_both_sides_added_are_all_kept() -> None:
    heat = TherapySession("heat", 20, pain_before=6, pain_after=4)
    ice, walk_ice = TherapySession("ice", 10), TherapySession("ice", 5)
    base = day(sessions=(heat,))
    outcome = merge_day(base, day(sessions=(heat, ice)), day(sessions=(heat, walk_ice)))
    # The person's session first, then the one the shell added: three sessions, none lost.
    assert outcome.day == day(sessions=(heat, ice, walk_ice))
    assert outcome.taken == ("sessions",)


def test_sessions_removed_on_one_side_and_added_on_the_other_is_a_conflict() -> None:
    heat, ice = TherapySession("heat", 20), TherapySession("ice", 10)
    outcome = merge_day(day(sessions=(heat,)), day(sessions=()), day(sessions=(heat, ice)))
    assert outcome.day is None
    assert outcome.conflicts == ("sessions",)


def test_prefer_mine_keeps_my_clashing_values_and_their_other_changes() -> None:
    outcome = merge_day(
        day(), day(pain_avg=6, notes="mine"), day(pain_avg=3, mobility=Mobility(walk=40)), prefer_mine=True
    )
    assert outcome.day == day(pain_avg=6, notes="mine", mobility=Mobility(walk=40))
    assert outcome.conflicts == ("pain_avg",)
    assert outcome.taken == ("mobility.walk",)


def test_red_flags_are_a_union_so_no_urgent_symptom_is_dropped() -> None:
    base = day(red_flags=("saddle_numbness",))
    mine = day(red_flags=())  # unticked here
    theirs = day(red_flags=("saddle_numbness", "bladder_bowel"))
    outcome = merge_day(base, mine, theirs)
    assert outcome.day is not None
    assert outcome.day.red_flags == ("saddle_numbness", "bladder_bowel")
    assert outcome.taken == ("red_flags",)


def test_exercises_merge_per_exercise() -> None:
    base = day(exercises=(ExerciseLog(1, "done"),))
    mine = day(exercises=(ExerciseLog(1, "done"), ExerciseLog(2, "skipped", "pain")))
    theirs = day(exercises=(ExerciseLog(1, "partial"), ExerciseLog(3, "done")))
    outcome = merge_day(base, mine, theirs)
    assert outcome.day is not None
    assert outcome.day.exercises == (
        ExerciseLog(1, "partial"),
        ExerciseLog(2, "skipped", "pain"),
        ExerciseLog(3, "done"),
    )
    assert outcome.taken == ("exercises",)


def test_the_same_exercise_logged_differently_is_a_conflict() -> None:
    base = day(exercises=(ExerciseLog(1, "done"),))
    outcome = merge_day(base, day(exercises=(ExerciseLog(1, "skipped"),)), day(exercises=(ExerciseLog(1, "partial"),)))
    assert outcome.conflicts == ("exercises",)


def test_mobility_merges_per_measure() -> None:
    base = day(mobility=Mobility(walk=10))
    outcome = merge_day(base, day(mobility=Mobility(walk=20)), day(mobility=Mobility(walk=10, sit=30)))
    assert outcome.day is not None
    assert outcome.day.mobility == Mobility(walk=20, sit=30)
    assert outcome.taken == ("mobility.sit",)


def test_the_same_regions_in_another_order_are_not_a_change() -> None:
    # Logged in the shell as "--where lower_back --where neck"; the form lists them neck first.
    base = day(regions=("lower_back", "neck"))
    outcome = merge_day(base, day(regions=("neck", "lower_back"), pain_avg=6), day(regions=("lower_back",)))
    assert outcome.day == day(regions=("lower_back",), pain_avg=6)
    assert outcome.taken == ("regions",)


def test_a_combination_that_is_not_a_valid_day_is_a_conflict() -> None:
    # Mine raises the average to 7; theirs sets the worst to 6: each valid, together worst < average.
    outcome = merge_day(day(), day(pain_avg=7), day(pain_worst=6))
    assert outcome.day is None
    assert outcome.conflicts == ("pain_worst",)


def test_a_day_logged_elsewhere_while_the_form_was_new() -> None:
    merged = merge_day(None, day(pain_avg=4), day(pain_avg=4, sessions=(TherapySession("ice", 5),)))
    assert merged.day == day(pain_avg=4, sessions=(TherapySession("ice", 5),))
    assert merge_day(None, day(pain_avg=4), day(pain_avg=6)).conflicts == ("pain_avg",)


# -- the store, with the CLI as the other writer ---------------------------------------------------


def test_a_save_merges_what_the_shell_logged_since_the_day_was_read(journal: Journal, journal_path: Path) -> None:
    journal.save_day(day())
    opened = journal.get_day(TODAY)
    assert "Updated" in shell("log", "--ice", "5", "--walk", "55", "--note", "from the shell")
    result = journal.save_day(day(pain_avg=6), expected=opened)
    assert result.merged == ("sessions", "notes", "mobility.walk")
    expected = day(pain_avg=6, sessions=(TherapySession("ice", 5),), mobility=Mobility(walk=55), notes="from the shell")
    assert result.day == expected
    assert Journal(journal_path).get_day(TODAY) == expected


def test_a_clash_saves_nothing_and_says_so_in_one_line(journal: Journal, journal_path: Path) -> None:
    journal.save_day(day(notes="morning"))
    opened = journal.get_day(TODAY)
    shell("log", "--note", "from the shell", "--ice", "5")
    before = journal_path.read_bytes()
    with pytest.raises(JournalConflictError) as caught:
        journal.save_day(day(notes="mine"), expected=opened)
    assert str(caught.value) == (
        "Sunday 15 March 2026 was changed elsewhere since you opened it (notes): nothing was saved."
    )
    assert caught.value.fields == ("notes",)
    assert caught.value.current == day(notes="from the shell", sessions=(TherapySession("ice", 5),))
    assert journal_path.read_bytes() == before


def test_saving_with_the_current_day_as_expected_replaces_it(journal: Journal, journal_path: Path) -> None:
    journal.save_day(day(notes="morning"))
    shell("log", "--note", "from the shell")
    current = journal.get_day(TODAY)
    journal.save_day(day(notes="mine"), expected=current)  # the informed "keep mine"
    assert Journal(journal_path).get_day(TODAY) == day(notes="mine")


def test_a_day_deleted_elsewhere_is_not_silently_recreated(journal: Journal, journal_path: Path) -> None:
    journal.save_day(day())
    opened = journal.get_day(TODAY)
    shell("delete", "--date", TODAY.isoformat(), "--yes")
    with pytest.raises(JournalConflictError, match="was deleted elsewhere"):
        journal.save_day(day(pain_avg=6), expected=opened)
    assert Journal(journal_path).get_day(TODAY) is None


def test_deleting_a_day_changed_since_it_was_shown_keeps_it(journal: Journal, journal_path: Path) -> None:
    journal.save_day(day())
    shown = journal.get_day(TODAY)
    shell("log", "--walk", "40")
    with pytest.raises(JournalConflictError, match="changed elsewhere"):
        journal.delete_day(TODAY, expected=shown)
    assert Journal(journal_path).get_day(TODAY) == day(mobility=Mobility(walk=40))


def test_without_expected_a_save_replaces_as_before(journal: Journal, journal_path: Path) -> None:
    journal.save_day(day(notes="morning"))
    shell("log", "--note", "from the shell")
    journal.save_day(day(notes="mine"))
    assert Journal(journal_path).get_day(TODAY) == day(notes="mine")


def test_an_exercise_retired_elsewhere_is_not_edited_over(journal: Journal, journal_path: Path) -> None:
    shown = journal.add_exercise(Exercise(name="Pelvic tilt", start=date(2026, 3, 1), sets=2, reps=10))
    shell("plan", "retire", "Pelvic tilt")
    with pytest.raises(JournalConflictError, match="The exercise 'Pelvic tilt' was changed elsewhere"):
        journal.update_exercise(
            Exercise(name="Pelvic tilt", start=date(2026, 3, 1), sets=3, reps=10, id=1), expected=shown
        )
    with pytest.raises(JournalConflictError):
        journal.retire_exercise(1, YESTERDAY, expected=shown)
    assert Journal(journal_path).exercises() == [
        Exercise(name="Pelvic tilt", start=date(2026, 3, 1), sets=2, reps=10, id=1, end=TODAY)
    ]


def test_a_visit_noted_elsewhere_is_not_replaced_or_deleted(journal: Journal, journal_path: Path) -> None:
    shell("visit", "add", "--note", "from the shell")
    with pytest.raises(JournalConflictError, match="The visit of Sunday 15 March 2026 was changed elsewhere"):
        journal.save_visit(Visit(TODAY, "mine"), expected=None)
    journal.save_visit(Visit(YESTERDAY, "older"))
    shown = Visit(YESTERDAY, "older")
    shell("visit", "add", "--date", YESTERDAY.isoformat(), "--note", "edited")
    with pytest.raises(JournalConflictError):
        journal.delete_visit(YESTERDAY, expected=shown)
    assert Journal(journal_path).data().visits == (Visit(YESTERDAY, "edited"), Visit(TODAY, "from the shell"))


def test_a_rating_given_elsewhere_is_not_replaced(journal: Journal, journal_path: Path) -> None:
    journal.add_psfs_activity(PsfsActivity(name="Sit through a film"))
    shell("psfs", "rate", "Sit through a film", "4")
    with pytest.raises(JournalConflictError, match="The rating of Sunday 15 March 2026 was changed elsewhere"):
        journal.save_psfs_rating(PsfsRating(1, TODAY, 6), expected=None)
    assert Journal(journal_path).data().psfs_ratings == (PsfsRating(1, TODAY, 4),)


def test_ratings_given_together_are_saved_all_or_none(journal: Journal, journal_path: Path) -> None:
    journal.add_psfs_activity(PsfsActivity(name="Put on socks"))
    journal.add_psfs_activity(PsfsActivity(name="Sit through a film"))
    shell("psfs", "rate", "Sit through a film", "4")
    with pytest.raises(JournalConflictError):
        journal.save_psfs_ratings([(PsfsRating(1, TODAY, 7), None), (PsfsRating(2, TODAY, 6), None)])
    assert Journal(journal_path).data().psfs_ratings == (PsfsRating(2, TODAY, 4),)
    journal.save_psfs_ratings([(PsfsRating(1, TODAY, 7), None), (PsfsRating(2, TODAY, 6), PsfsRating(2, TODAY, 4))])
    assert Journal(journal_path).data().psfs_ratings == (PsfsRating(1, TODAY, 7), PsfsRating(2, TODAY, 6))


def test_a_profile_changed_elsewhere_is_not_replaced(journal: Journal, journal_path: Path) -> None:
    shell("profile", "--name", "Ann")
    with pytest.raises(JournalConflictError, match="Your profile was changed elsewhere"):
        journal.save_profile(Profile("Bea"), expected=Profile())
    journal.save_profile(Profile("Bea"), expected=Profile("Ann"))
    assert Journal(journal_path).data().profile == Profile("Bea")


def test_a_clash_over_exercises_or_medications_names_them_not_their_ids() -> None:
    from spinejournal.merge import describe
    from spinejournal.model import Exercise, ExerciseLog, JournalData, Medication, MedicationTaken

    names = JournalData(
        exercises=(Exercise("Bird dog [x]", TODAY, id=1),),
        medications=(Medication("Ibuprofen", TODAY, as_needed=True, id=4),),
    )
    day = Day(date=TODAY, pain_avg=4, exercises=(ExerciseLog(1, "done"),), medications=(MedicationTaken(4, 2),))
    assert describe(day, "exercises", names) == "Bird dog [x] done"
    assert describe(day, "medications", names) == "Ibuprofen x2"
    # A name the journal no longer has still says what it is.
    assert describe(day, "medications", JournalData()) == "medication #4 x2"
