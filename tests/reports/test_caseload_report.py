"""The caseload table in Markdown, HTML and CSV: the words of each cell, and the patients' own words
escaped for every format."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from spinejournal.insights.caseload import Unreadable, order_key, patient_row
from spinejournal.model import Day, JournalData, Medication, MedicationTaken, PgicRating, Profile, Visit
from spinejournal.reports.caseload import (
    COLUMNS,
    Caseload,
    Patient,
    cells,
    render,
    render_csv,
    render_html,
    render_markdown,
)

from ..conftest import TODAY
from .helpers import FORMULA, MARKUP, SCRIPT

START = TODAY - timedelta(days=27)


def journal(name: str, *, pain: list[int] | None = None, medication: str = "Ibuprofen") -> JournalData:
    """28 days ending TODAY; an as-needed medication taken 3 a day in the first week, 1 in the latest."""
    values = pain or [6] * 7 + [4] * 21
    med = Medication(medication, START, as_needed=True, id=1)
    days = tuple(
        Day(
            START + timedelta(days=i),
            v,
            medications=(MedicationTaken(1, 3 if i < 7 else 1),),
            red_flags=("night_pain",) if i == 25 else (),
            questions="When can I run?" if i == 26 else "",
        )
        for i, v in enumerate(values)
    )
    return JournalData(
        days=days,
        visits=(Visit(date(2026, 3, 1)),),
        medications=(med,),
        pgic_ratings=(PgicRating(date(2026, 3, 14), 2),),
        profile=Profile(name),
    )


def caseload(*patients: JournalData, unreadable: tuple[Unreadable, ...] = ()) -> Caseload:
    """The patients ranked, as ``read_caseload`` ranks them."""
    made = tuple(
        Patient(Path(f"p{i}.json"), data, patient_row(data, source=f"p{i}.json", today=TODAY, exported=TODAY))
        for i, data in enumerate(patients)
    )
    return Caseload(TODAY, tuple(sorted(made, key=lambda p: order_key(p.row))), unreadable)


def test_the_cells_of_a_row() -> None:
    got = dict(zip(COLUMNS, cells(1, caseload(journal("Ann")).patients[0].row), strict=True))
    # First 7 days 6.0, latest week 4.0: 2.0 points (33 %) less, clinically important.
    assert got["Pain: start of care → latest week"] == "6.0 → 4.0 (-2.0, -33 %), clinically important"
    assert got["Red flags since visit"] == "13 Mar: pain at night that rest does not ease"
    assert got["Why here"] == "red flag 13 Mar"
    assert got["As-needed medication a week"] == "Ibuprofen 21 → 7"
    assert got["PGIC"] == "2 much improved (14 Mar)"
    assert got["Questions"] == "1"
    assert got["Last entry"] == "today (15 Mar)" and got["Last visit"] == "14 days ago (1 Mar)"
    assert got["Period"] == "16 Feb to 15 Mar, 28 days logged"
    assert got["Leg/arm pain"] == got["PSFS"] == got["Exercises since visit"] == "–"
    assert got["File"] == "p0.json" and got["Exported (file date)"] == "2026-03-15"


def test_markdown_escapes_the_patients_words_and_lists_unreadable_files() -> None:
    text = render_markdown(
        caseload(
            journal(MARKUP, medication="[x](http://e.vil)"), unreadable=(Unreadable("<b>.json", "not valid JSON"),)
        )
    )
    assert "\\[bold\\]loud\\[/bold\\] \\[/\\] \\[@click=app.quit\\]tap\\[/\\]" in text
    assert "[x](http" not in text and "\\[x\\]" in text
    assert "## Could not be read\n\n- \\<b\\>.json: not valid JSON\n" in text
    assert text.count("\n| ") == 2  # the header and one row: no cell broke the table


def test_html_escapes_everything_and_loads_nothing() -> None:
    page = render_html(caseload(journal(SCRIPT), unreadable=(Unreadable("<i>x.json", "not valid JSON"),)))
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;i&gt;x.json: not valid JSON" in page
    assert "default-src 'none'" in page and "http" not in page.replace("http-equiv", "")


def test_csv_has_a_bom_and_formula_safe_cells() -> None:
    raw = render_csv(caseload(journal(FORMULA), journal("Ana Pérez"), unreadable=(Unreadable("=x.json", "bad"),)))
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == list(COLUMNS)
    assert {rows[1][1], rows[2][1]} == {"'" + FORMULA, "Ana Pérez"}
    assert rows[3][1:3] == ["'=x.json", "could not be read: bad"] and rows[3][-1] == "'=x.json"


def test_the_order_is_the_same_in_every_format() -> None:
    worse = journal("Bea", pain=[4] * 21 + [7] * 7)
    calm = replace(journal("Ann"), days=tuple(replace(d, red_flags=()) for d in journal("Ann").days))
    loaded = caseload(calm, worse)
    assert [p.row.name for p in loaded.patients] == ["Bea", "Ann"]
    for fmt in ("md", "html", "csv"):
        text = render(loaded, fmt).decode("utf-8-sig")
        assert text.index("Bea") < text.index("Ann"), fmt
