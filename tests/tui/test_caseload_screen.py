"""The caseload in the app, driven as a therapist would at 80x24: the order, Enter opens a patient,
Esc comes back, e writes the table (asking before it replaces a file)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Select

from spinejournal.model import Day, JournalData, Profile, Visit
from spinejournal.reports.caseload import Caseload, read_caseload
from spinejournal.reports.json_io import export_json
from spinejournal.store import Journal
from spinejournal.text import printable, shorten
from spinejournal.tui.app import SpineJournalApp
from spinejournal.tui.screens.caseload import CELL_WIDTH
from tests.tui.helpers import HOSTILE, SIZE, TODAY, screen_text

START = TODAY - timedelta(days=27)


def patient(name: str, *, pain: list[int] | None = None, flag: date | None = None, visit: date) -> JournalData:
    values = pain or [4] * 28
    days = tuple(
        Day(START + timedelta(days=i), v, red_flags=("night_pain",) if START + timedelta(days=i) == flag else ())
        for i, v in enumerate(values)
    )
    return JournalData(days=days, visits=(Visit(visit),), profile=Profile(name))


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    """Four exports: a calm patient, one worse, one with a red flag, one with hostile text as a name;
    and one file that cannot be read."""
    folder = tmp_path / "exports"
    folder.mkdir()
    made = {
        "calm.json": patient("Ann Calm", visit=date(2026, 3, 8)),
        "worse.json": patient("Bea Worse", pain=[4] * 21 + [7] * 7, visit=date(2026, 3, 8)),
        "flag.json": patient("Cid Flag", flag=date(2026, 3, 12), visit=date(2026, 3, 8)),
        "hostile.json": patient(HOSTILE, visit=date(2026, 2, 1)),
    }
    for name, data in made.items():
        (folder / name).write_bytes(export_json(data))
    (folder / "broken.json").write_text("{")
    return folder


def caseload_app(exports: Path) -> tuple[SpineJournalApp, Caseload]:
    loaded = read_caseload([str(exports)], today=TODAY)
    return SpineJournalApp(Journal.from_data(JournalData()), read_only=True, caseload=loaded), loaded


def table_names(app: SpineJournalApp) -> list[str]:
    table = app.screen.query_one("#caseload-table", DataTable)
    return [table.get_row_at(i)[1].plain for i in range(table.row_count)]


async def test_the_table_is_in_caseload_order_with_the_reasons_at_80x24(exports: Path) -> None:
    app, _ = caseload_app(exports)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.current_mode == "caseload"
        # Red flag, then pain worse, then the longest since the visit (1 Feb), then the rest.
        # Long cells are cut in the table (the panel below shows the highlighted row whole).
        hostile = shorten(printable(HOSTILE), CELL_WIDTH)
        assert table_names(app) == ["Cid Flag", "Bea Worse", hostile, "Ann Calm"]
        text = screen_text(app)
        assert "Caseload: 4 patients, as of 15 Mar 2026" in text
        assert "red flag 12 Mar" in text  # the highlighted row's reason, whole, under the table
        assert "Could not be read (1):" in text and "broken.json: not valid JSON" in text
        assert "⏎ Open patient" in text and "e Export" in text
        # The hostile name is shown as typed: no markup ran, nothing quit.
        assert "[/] [bold]x [@click=app.quit]x[/]" in text and app.is_running


async def test_enter_opens_the_patient_read_only_and_esc_comes_back(exports: Path) -> None:
    app, loaded = caseload_app(exports)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.current_mode == "history"
        assert app.journal.data() == loaded.patients[1].data  # Bea Worse, the second row
        assert screen_text(app).splitlines()[0].rstrip().endswith("Bea Worse")  # whose journal, in the top bar
        assert "esc Caseload" in screen_text(app)
        assert app.journal.read_only
        await pilot.press("g")  # the patient's trends
        await pilot.pause()
        assert app.current_mode == "trends"
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "caseload"
        assert app.screen.query_one("#caseload-table", DataTable).cursor_row == 1  # where the therapist was
        await pilot.press("up", "enter")
        await pilot.pause()
        # Another patient: the sections show them, not the one before.
        assert app.current_mode == "history" and app.journal.data() == loaded.patients[0].data
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "caseload"


async def test_section_keys_do_nothing_on_the_caseload(exports: Path) -> None:
    app, _ = caseload_app(exports)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "g", "escape")
        await pilot.pause()
        assert app.current_mode == "caseload"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def test_e_writes_the_caseload_and_asks_before_replacing(exports: Path, tmp_path: Path) -> None:
    before = {p.name: digest(p) for p in exports.iterdir()}
    app, _ = caseload_app(exports)
    target = tmp_path / "home" / "Documents" / "spinejournal-caseload-2026-03-15.html"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert "Export the caseload" in screen_text(app)
        # The documents folder, never the current directory; HTML first.
        assert app.screen.query_one("#caseload-path", Input).value == str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        page = target.read_text(encoding="utf-8")
        assert page.index("Cid Flag") < page.index("Bea Worse") < page.index("Ann Calm")
        assert target.stat().st_mode & 0o077 == 0
        target.write_text("an older caseload")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Replace the file?" in screen_text(app)
        await pilot.press("escape")  # cancel: nothing replaced
        await pilot.pause()
        assert target.read_text() == "an older caseload"
        await pilot.press("ctrl+s", "r")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert {p.name: digest(p) for p in exports.iterdir()} == before


async def test_e_writes_csv_when_picked(exports: Path, tmp_path: Path) -> None:
    app, _ = caseload_app(exports)
    target = tmp_path / "out.csv"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        await pilot.press("enter", "down", "enter")  # the format list, opened on HTML: CSV is next
        await pilot.pause()
        assert dialog.query_one("#caseload-format", Select).value == "csv"
        assert dialog.query_one("#caseload-path", Input).value.endswith("spinejournal-caseload-2026-03-15.csv")
        dialog.query_one("#caseload-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf#,Patient,Why here,")
    assert "Cid Flag" in raw.decode("utf-8-sig")


async def test_a_single_patient_review_keeps_todays_behaviour() -> None:
    data = replace(patient("Ann", visit=date(2026, 3, 8)))
    app = SpineJournalApp(Journal.from_data(data), read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "history" and app.caseload is None
        assert "esc Caseload" not in screen_text(app)
