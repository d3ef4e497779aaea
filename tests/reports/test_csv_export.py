"""The CSV export: RFC 4180, a stable header, and no formula a spreadsheet would run.

Golden file: tests/reports/golden/demo.csv (regenerate with SPINEJOURNAL_UPDATE_GOLDEN=1).
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from spinejournal.model import Day, JournalData, Medication, MedicationTaken, Mobility, TherapySession
from spinejournal.reports.csv_export import COLUMNS, export_csv, neutralise

from .helpers import AT, FORMULA, MARKUP, MINUS, NEWLINES, PLUS, QUOTES, TAB, assert_golden, demo, hostile


def parse(raw: bytes) -> list[list[str]]:
    # "utf-8-sig" is how a Python reader takes the byte-order mark off; plain "utf-8" would leave
    # "\ufeffdate" as the first column name.
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_the_file_starts_with_a_utf8_byte_order_mark_so_spreadsheets_show_accents() -> None:
    data = JournalData(days=(Day(date(2026, 3, 1), 4, notes="Ana Pérez"),))
    raw = export_csv(data)
    # EF BB BF is U+FEFF in UTF-8; then the header, with nothing between.
    assert raw[:3] == b"\xef\xbb\xbf"
    assert raw[3:12] == b"date,pain"
    # é is C3 A9 in UTF-8 (not the Latin-1 byte E9), once, after the mark.
    assert b"Ana P\xc3\xa9rez" in raw
    assert raw.count(b"\xef\xbb\xbf") == 1
    assert parse(raw)[1][COLUMNS.index("notes")] == "Ana Pérez"


def test_demo_export_matches_golden_file() -> None:
    assert_golden("demo.csv", export_csv(demo()))


def test_one_row_per_day_under_a_stable_header() -> None:
    table = parse(export_csv(demo(), date(2026, 3, 13), date(2026, 3, 15)))
    # The header is a contract with whoever imports the file: changing it breaks their sheets.
    assert table[0] == [
        "date", "pain_avg", "pain_now", "pain_worst", "pain_least", "pain_limb", "regions", "radiating",
        "heat_minutes", "ice_minutes", "heat_ice_sessions",
        "exercises_done", "exercises_partial", "exercises_skipped", "exercise_log", "walk_minutes",
        "sit_minutes", "stand_minutes", "stiffness_minutes", "fingertip_floor_cm",
        "red_flags", "notes", "questions",
        # Added with day model v2, at the end: a sheet reading the columns above by position still works.
        "tens_minutes", "massage_minutes", "medications", "sleep_hours", "sleep_quality", "mood",
        # Added with the guided exercise session, at the end too.
        "pain_after_exercises",
    ]  # fmt: skip
    assert [row[0] for row in table[1:]] == ["2026-03-13", "2026-03-14", "2026-03-15"]
    assert all(len(row) == len(COLUMNS) for row in table)


def test_lines_end_in_crlf_and_newlines_inside_a_note_stay_inside_its_quoted_cell() -> None:
    data = JournalData(days=(Day(date(2026, 3, 1), 4, notes="one\ntwo", questions='say "hi"'),))
    raw = export_csv(data)
    assert raw.count(b"\r\n") == 2  # header and the one row; the note's \n is inside quotes
    assert b'"one\ntwo"' in raw and b'"say ""hi"""' in raw
    row = dict(zip(COLUMNS, parse(raw)[1], strict=True))
    assert (row["notes"], row["questions"], row["pain_avg"]) == ("one\ntwo", 'say "hi"', "4")


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\uff1d1+1", "'\uff1d1+1"),
        ("fine = ok", "fine = ok"),
        ("\x1b[31mred", "\\x1b[31mred"),
        ("\rx", "\\x0dx"),
    ],
)
def test_neutralise_defuses_formulas_and_shows_control_characters(text: str, safe: str) -> None:
    assert neutralise(text) == safe


def test_hostile_text_is_neutralised_in_every_text_cell_but_numbers_stay_numbers() -> None:
    table = parse(export_csv(hostile()))
    rows = [dict(zip(COLUMNS, row, strict=True)) for row in table[1:]]
    questions = [r["questions"] for r in rows]
    assert questions[3] == "'" + FORMULA
    assert questions[4] == "'" + PLUS
    assert questions[5] == "'" + AT
    assert questions[6] == "'" + MINUS
    assert questions[7] == QUOTES
    assert questions[8] == NEWLINES.replace("\r", "\\x0d")
    assert questions[9] == "flare 🔥 then 😀"
    assert questions[10] == "'" + TAB
    assert questions[0] == MARKUP  # markup means nothing to a spreadsheet
    # The exercise log starts with a hostile exercise name: the cell is defused as a whole.
    assert rows[0]["exercise_log"].startswith("'=HYPERLINK(")
    # A negative distance is a number, not text to defuse.
    assert {r["fingertip_floor_cm"] for r in rows} == {"-5"}
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")) or value == "-5"
            assert "\x1b" not in value


def test_empty_range_gives_just_the_header() -> None:
    assert parse(export_csv(demo(), date(2030, 1, 1), date(2030, 1, 31))) == [list(COLUMNS)]


def test_a_single_day_without_optional_items_leaves_their_cells_empty() -> None:
    data = JournalData(days=(Day(date(2026, 3, 1), 0, mobility=Mobility(walk=0)),))
    row = dict(zip(COLUMNS, parse(export_csv(data))[1], strict=True))
    assert (row["pain_avg"], row["walk_minutes"], row["pain_worst"], row["heat_minutes"]) == ("0", "0", "", "")


def test_new_columns_sum_treatments_list_medications_and_give_sleep_and_mood() -> None:
    data = JournalData(
        days=(
            Day(
                date(2026, 3, 1),
                4,
                sessions=(
                    TherapySession("tens", 20),
                    TherapySession("massage", 10),
                    TherapySession("tens", 15),
                    TherapySession("heat", 20),
                ),
                medications=(MedicationTaken(2, 2), MedicationTaken(1)),
                sleep_hours=6.5,
                sleep_quality=3,
                mood=0,
            ),
            Day(date(2026, 3, 2), 3, sleep_hours=7.0, medications=(MedicationTaken(1),)),
        ),
        medications=(
            Medication(name="=cmd", start=date(2026, 3, 1), dose="5 mg", per_day=1, id=1),
            Medication(name="Ibuprofen", start=date(2026, 3, 1), dose="400 mg", as_needed=True, id=2),
        ),
    )
    first, second = (dict(zip(COLUMNS, row, strict=True)) for row in parse(export_csv(data))[1:])
    # TENS 20 + 15 = 35 minutes; massage 10; heat 20; ice none that day but a session was logged: 0.
    assert (first["tens_minutes"], first["massage_minutes"], first["heat_minutes"], first["ice_minutes"]) == (
        "35",
        "10",
        "20",
        "0",
    )
    assert first["medications"] == "Ibuprofen 400 mg x2; =cmd 5 mg"
    assert (first["sleep_hours"], first["sleep_quality"], first["mood"]) == ("6.5", "3", "0")
    # A medication named like a formula starts the cell: the whole cell is defused.
    assert second["medications"] == "'=cmd 5 mg"
    assert (second["sleep_hours"], second["tens_minutes"], second["mood"]) == ("7", "", "")
