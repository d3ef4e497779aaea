"""The import steps under the writer lock: restore into an empty journal, probe, merge with a kept copy."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from spinejournal.model import CareEvent, Day, JournalData, Medication, MedicationTaken, PegScore
from spinejournal.reports.importing import kept_copy_path, merge_into, restore_or_probe
from spinejournal.store import Journal

MAR_1, MAR_2, MAR_3 = date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 3)
NOW = datetime(2026, 3, 15, 9, 30, 5)


def data(*days: Day) -> JournalData:
    return JournalData(days=days)


def test_into_an_empty_journal_the_file_goes_in_as_is_and_no_probe_is_returned(journal: Journal) -> None:
    incoming = data(Day(date=MAR_1, pain_avg=4), Day(date=MAR_2, pain_avg=5))
    assert restore_or_probe(journal, incoming) is None
    assert [(d.date, d.pain_avg) for d in journal.data().days] == [(MAR_1, 4), (MAR_2, 5)]


def test_into_a_journal_with_data_nothing_is_written_and_the_probe_lists_new_and_conflicting(
    journal: Journal, journal_path: Path
) -> None:
    journal.save_day(Day(date=MAR_1, pain_avg=4))
    before = journal_path.read_bytes()
    probe = restore_or_probe(journal, data(Day(date=MAR_1, pain_avg=7), Day(date=MAR_2, pain_avg=5)))
    assert probe is not None
    assert probe.changed
    assert [str(c) for c in probe.conflicts] == ["day 2026-03-01"]
    assert probe.added["days"] == 1
    assert journal_path.read_bytes() == before


def test_a_file_the_journal_already_holds_probes_as_unchanged(journal: Journal) -> None:
    journal.save_day(Day(date=MAR_1, pain_avg=4))
    probe = restore_or_probe(journal, data(Day(date=MAR_1, pain_avg=4)))
    assert probe is not None
    assert not probe.changed


def test_merge_keeps_a_copy_of_the_journal_as_it_was_and_replaces_on_request(
    journal: Journal, journal_path: Path
) -> None:
    journal.save_day(Day(date=MAR_1, pain_avg=4))
    before = journal_path.read_bytes()
    done = merge_into(journal, data(Day(date=MAR_1, pain_avg=7), Day(date=MAR_3, pain_avg=2)), "replace", now=NOW)
    assert done.changed
    assert done.kept == journal_path.with_name("journal.json.before-import-20260315-093005")
    assert done.kept.read_bytes() == before
    assert [(d.date, d.pain_avg) for d in Journal(journal_path).data().days] == [(MAR_1, 7), (MAR_3, 2)]


def test_merge_that_keeps_every_conflict_writes_and_copies_nothing(journal: Journal, journal_path: Path) -> None:
    journal.save_day(Day(date=MAR_1, pain_avg=4))
    before = journal_path.read_bytes()
    done = merge_into(journal, data(Day(date=MAR_1, pain_avg=7)), "keep", now=NOW)
    assert not done.changed
    assert [str(c) for c in done.result.conflicts] == ["day 2026-03-01"]
    assert not done.kept.exists()
    assert journal_path.read_bytes() == before


def test_merge_sees_a_day_saved_after_the_probe(journal: Journal, journal_path: Path) -> None:
    journal.save_day(Day(date=MAR_1, pain_avg=4))
    incoming = data(Day(date=MAR_3, pain_avg=2))
    assert restore_or_probe(journal, incoming) is not None
    Journal(journal_path).save_day(Day(date=MAR_2, pain_avg=6))  # another writer, while the person decides
    merge_into(journal, incoming, "keep", now=NOW)
    assert [d.date for d in Journal(journal_path).data().days] == [MAR_1, MAR_2, MAR_3]


def test_a_kept_copy_never_takes_the_name_of_an_existing_file(tmp_path: Path) -> None:
    journal = tmp_path / "journal.json"
    first = kept_copy_path(journal, NOW)
    assert first.name == "journal.json.before-import-20260315-093005"
    first.write_bytes(b"x")
    assert kept_copy_path(journal, NOW).name == "journal.json.before-import-20260315-093005-2"


def test_an_import_into_a_journal_with_medications_stores_the_file_days_under_the_journal_ids(
    journal: Journal, journal_path: Path
) -> None:
    mine = journal.add_medication(Medication(name="Amitriptyline", start=MAR_1, dose="10 mg", per_day=1))
    journal.save_day(Day(date=MAR_1, pain_avg=4, medications=(MedicationTaken(mine.id),)))
    # In the file the same medication is id 2, and id 1 is one the journal does not have.
    incoming = JournalData(
        days=(Day(date=MAR_2, pain_avg=5, medications=(MedicationTaken(1, 2), MedicationTaken(2))),),
        medications=(
            Medication(name="Ibuprofen", start=MAR_1, dose="200 mg", as_needed=True, id=1),
            Medication(name="amitriptyline", start=MAR_1, dose="10 mg", per_day=1, id=2),
        ),
        peg_scores=(PegScore(MAR_2, 5, 4, 6),),
        events=(CareEvent(MAR_3, "injection", "Epidural", id=1),),
    )
    done = merge_into(journal, incoming, "keep", now=NOW)
    stored = Journal(journal_path).data()
    assert [(m.id, m.name) for m in stored.medications] == [(1, "Amitriptyline"), (2, "Ibuprofen")]
    assert stored.day(MAR_2).medications == (MedicationTaken(2, 2), MedicationTaken(1))  # type: ignore[union-attr]
    assert stored.peg_scores == (PegScore(MAR_2, 5, 4, 6),)
    assert [(e.date, e.text) for e in stored.events] == [(MAR_3, "Epidural")]
    # The names differ only in case: the same medication, recorded differently.
    assert [str(c) for c in done.result.conflicts] == ["medication amitriptyline (from 2026-03-01)"]
