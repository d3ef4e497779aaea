"""The Export screen, driven as a person would: pick, preview, write, see where it went."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from textual.widgets import Input, Markdown, Select, Static

from spinejournal.insights import resolve_range
from spinejournal.reports import export
from spinejournal.reports.json_io import export_json, load_json
from spinejournal.store import Journal
from spinejournal.tui.app import SpineJournalApp
from spinejournal.tui.screens.confirm import ConfirmScreen
from spinejournal.tui.screens.export import ExportScreen

from ..reports.helpers import demo, hostile

SIZE = (100, 34)


@pytest.fixture
def demo_journal(journal_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Journal:
    """The demo journal; the working folder (standing for a source checkout) is a fresh, empty one."""
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path / "out")
    journal = Journal(journal_path)
    journal.replace_all(demo())
    return journal


def status(app: SpineJournalApp) -> str:
    return str(app.screen.query_one("#export-status", Static).render())


def preview(app: SpineJournalApp) -> str:
    return app.screen.query_one("#export-summary", Markdown).source


async def test_e_opens_export_with_a_preview_and_ctrl_s_writes_the_html_summary(
    demo_journal: Journal, tmp_path: Path
) -> None:
    app = SpineJournalApp(demo_journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert preview(app).startswith("# Physical therapy summary: Sam Demo\n\nSince the visit on 8 Mar 2026")
        # The documents folder (HOME is tmp/home in the tests), not the working folder; shown
        # before it exists, made (0700) only when the file is written.
        documents = tmp_path / "home" / "Documents"
        target = documents / "spinejournal-summary-2026-03-15.html"
        assert app.screen.query_one("#export-path", Input).value == str(target)
        assert not documents.exists()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert target.exists() and stat.S_IMODE(target.stat().st_mode) == 0o600
        assert stat.S_IMODE(documents.stat().st_mode) == 0o700
        assert list((tmp_path / "out").iterdir()) == []
        data = demo_journal.data()
        # The same bytes as `spinejournal export --format html` would write.
        assert target.read_bytes() == export(data, "html", resolve_range(data, "since-visit"))
        assert status(app).startswith(f"Wrote {target} (Since the visit on 8 Mar 2026, 2026-03-08 to 2026-03-15)")


async def test_switching_format_and_range_updates_file_name_and_preview(demo_journal: Journal, tmp_path: Path) -> None:
    app = SpineJournalApp(demo_journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#export-format", Select).value = "csv"
        screen.query_one("#export-range", Select).value = "4w"
        await pilot.pause()
        path = screen.query_one("#export-path", Input)
        assert path.value == str(tmp_path / "home" / "Documents" / "spinejournal-days-2026-03-15.csv")
        assert "Last 4 weeks: 16 Feb 2026 to 15 Mar 2026, 28 of 28 days logged" in preview(app)
        # A name the person typed stays when they change the format.
        path.value = str(tmp_path / "mine.csv")
        screen.query_one("#export-format", Select).value = "fhir"
        await pilot.pause()
        assert path.value == str(tmp_path / "mine.csv")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (tmp_path / "mine.csv").read_bytes().startswith(b'{\n  "resourceType": "Bundle"')


async def test_json_is_always_the_whole_journal(demo_journal: Journal, tmp_path: Path) -> None:
    app = SpineJournalApp(demo_journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-format", Select).value = "json"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = tmp_path / "home" / "Documents" / "spinejournal-journal-2026-03-15.json"
        assert written.read_bytes() == export_json(demo_journal.data())
        assert "(the whole journal)" in status(app)


@pytest.mark.parametrize(("key", "replaced"), [("r", True), ("escape", False)])
async def test_an_existing_file_is_replaced_only_after_a_yes(
    demo_journal: Journal, tmp_path: Path, key: str, replaced: bool
) -> None:
    documents = tmp_path / "home" / "Documents"
    documents.mkdir(parents=True)
    earlier = documents / "spinejournal-summary-2026-03-15.html"
    earlier.write_text("the summary I printed on Monday\n")
    app = SpineJournalApp(demo_journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        # Asking wrote nothing yet.
        assert earlier.read_text() == "the summary I printed on Monday\n"
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        if replaced:
            assert earlier.read_text().startswith("<!DOCTYPE html>")
            assert status(app).startswith(f"Wrote {earlier} (")
        else:
            assert earlier.read_text() == "the summary I printed on Monday\n"
            assert status(app) == f"{earlier} was left as it was."


async def test_mistakes_are_shown_and_nothing_is_written(demo_journal: Journal, journal_path: Path) -> None:
    before = journal_path.read_bytes()
    app = SpineJournalApp(demo_journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        path = app.screen.query_one("#export-path", Input)
        path.value = "/no/such/folder/summary.html"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert status(app) == "The folder /no/such/folder does not exist."
        assert app.screen.query_one("#export-status").has_class("-error")
        path.value = str(journal_path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "is your journal itself" in status(app)
    assert journal_path.read_bytes() == before


async def test_hostile_text_shows_as_written_and_cannot_act(journal_path: Path) -> None:
    journal = Journal(journal_path)
    journal.replace_all(hostile())
    app = SpineJournalApp(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        contents = [p.content for p in app.screen.query("MarkdownParagraph")]
        shown = "\n".join(str(c) for c in contents)
        assert "[@click=app.quit]tap[/]" in shown and "<script>alert(1)</script>" in shown
        # Shown as text: no span of it became a link or an action.
        assert not any("@click" in str(span.style) or "link" in str(span.style) for c in contents for span in c.spans)
        # Red flags lead the preview.
        assert "Urgent symptoms reported" in preview(app).split("## ")[1]


async def test_a_reviewer_can_export_but_the_journal_stays_read_only(tmp_path: Path, journal_path: Path) -> None:
    exported = tmp_path / "patient.json"
    exported.write_bytes(export_json(demo()))
    journal = Journal.from_data(load_json(exported.read_bytes()), label="patient.json (review)")
    app = SpineJournalApp(journal, read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "for-the-file.md")
        app.screen.query_one("#export-format", Select).value = "md"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (tmp_path / "for-the-file.md").read_text().startswith("# Physical therapy summary: Sam Demo")
    assert journal.read_only
    assert not journal_path.exists()  # the reviewer's own journal was never opened or created
