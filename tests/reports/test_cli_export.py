"""export, import and review on the command line, as a person would type them."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from spinejournal.cli import common as cli_common
from spinejournal.model import Day
from spinejournal.reports.json_io import export_json
from spinejournal.store import Journal, JournalReadOnlyError
from tests.helpers import run

from ..conftest import TODAY
from .helpers import demo


@pytest.fixture
def demo_journal(journal_path: Path) -> Path:
    """The demo journal (ending on the suite's pinned today) at the isolated journal path."""
    Journal(journal_path).replace_all(demo())
    return journal_path


def test_export_writes_the_summary_since_the_last_visit_to_a_private_file_in_the_documents_folder(
    capsys: pytest.CaptureFixture[str], demo_journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The working folder stands for a source checkout: the export must not land in it.
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    monkeypatch.chdir(checkout)
    code, out, err = run(capsys, "export")
    assert code == 0, err
    # HOME is tmp/home (conftest) and no XDG user-dirs say otherwise: ~/Documents.
    documents = tmp_path / "home" / "Documents"
    written = documents / "spinejournal-summary-2026-03-15.md"
    assert out == f"Wrote {written} (Since the visit on 8 Mar 2026, 2026-03-08 to 2026-03-15); only you can read it.\n"
    assert list(checkout.iterdir()) == []
    # We made the folder, so it is owner-only, like the file.
    assert stat.S_IMODE(documents.stat().st_mode) == 0o700
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert written.read_text().startswith(
        "# Physical therapy summary: Sam Demo\n\nSince the visit on 8 Mar 2026: 8 Mar 2026 to 15 Mar 2026, 8 of 8"
    )


def test_export_follows_xdg_documents_dir_and_leaves_an_existing_folders_mode_alone(
    capsys: pytest.CaptureFixture[str], demo_journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    papers.chmod(0o750)
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(papers))
    code, out, err = run(capsys, "export", "--format", "csv")
    assert code == 0, err
    assert out.startswith(f"Wrote {papers / 'spinejournal-days-2026-03-15.csv'} (")
    # Not ours to tighten: the person chose 0750 for their own folder.
    assert stat.S_IMODE(papers.stat().st_mode) == 0o750


def test_a_refused_export_creates_no_documents_folder(
    capsys: pytest.CaptureFixture[str], demo_journal: Path, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "export", "--from", "2026-03-10", "--to", "2026-03-01")
    assert code != 0 and "the range starts after it ends" in err
    assert not (tmp_path / "home" / "Documents").exists()


def test_export_to_the_documents_folder_never_replaces_a_file_without_force(
    capsys: pytest.CaptureFixture[str], demo_journal: Path, tmp_path: Path
) -> None:
    documents = tmp_path / "home" / "Documents"
    documents.mkdir(parents=True)
    earlier = documents / "spinejournal-summary-2026-03-15.md"
    earlier.write_text("the summary I printed on Monday\n")
    code, out, err = run(capsys, "export")
    assert code == 1 and out == ""
    assert f"{earlier} already exists; add --force to replace it (nothing was written)" in err
    assert earlier.read_text() == "the summary I printed on Monday\n"
    code, out, err = run(capsys, "export", "--force")
    assert code == 0, err
    assert earlier.read_text().startswith("# Physical therapy summary: Sam Demo")


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        ("md", b"# Physical"),
        ("html", b"<!DOCTYPE html>"),
        ("csv", b"\xef\xbb\xbfdate,pain_avg"),  # the UTF-8 byte-order mark first
        ("fhir", b'{\n  "resourceType"'),
    ],
)
def test_export_to_standard_output(
    capsys: pytest.CaptureFixture[str], demo_journal: Path, fmt: str, start: bytes
) -> None:
    code, out, err = run(capsys, "export", "--format", fmt, "-o", "-")
    assert code == 0, err
    assert out.encode().startswith(start)


def test_csv_defaults_to_every_day_and_takes_a_custom_range(
    capsys: pytest.CaptureFixture[str], demo_journal: Path
) -> None:
    _, everything, _ = run(capsys, "export", "--format", "csv", "-o", "-")
    assert everything.count("\n") == 121  # header + 120 days
    _, week, _ = run(capsys, "export", "--format", "csv", "--from", "2026-03-09", "--to", "2026-03-15", "-o", "-")
    assert [line[:10] for line in week.splitlines()[1:]] == [f"2026-03-{d:02d}" for d in range(9, 16)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since-visit", "--from", "2026-03-01"], "use either --from/--to or --range/--since-visit"),
        (["--since-visit", "--range", "4w"], "--since-visit and --range cannot both be given"),
        (["--from", "2026-03-10", "--to", "2026-03-01"], "the range starts after it ends"),
        (["--from", "March"], "'March' is not a date"),
        (["-o", "/no/such/folder/x.md"], "the folder /no/such/folder does not exist"),
    ],
)
def test_export_mistakes_are_one_line(
    capsys: pytest.CaptureFixture[str], demo_journal: Path, args: list[str], message: str
) -> None:
    code, out, err = run(capsys, "export", *args)
    assert code != 0 and out == ""
    assert message in err and err.count("\n") == 1


def test_export_never_writes_over_the_journal_itself(capsys: pytest.CaptureFixture[str], demo_journal: Path) -> None:
    before = demo_journal.read_bytes()
    code, _, err = run(capsys, "export", "--format", "json", "-o", str(demo_journal))
    assert code == 1 and "is your journal itself" in err
    assert demo_journal.read_bytes() == before


def test_json_export_import_into_an_empty_journal_export_is_identical(
    capsys: pytest.CaptureFixture[str], demo_journal: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "export.json"
    assert run(capsys, "export", "--format", "json", "-o", str(exported))[0] == 0
    fresh = tmp_path / "fresh" / "journal.json"
    code, out, err = run(capsys, "--journal", str(fresh), "import", str(exported))
    assert code == 0, err
    counts = "120 days, 4 exercises, 3 medications, 17 PEG-3 scores, 8 PGIC ratings, 3 care events"
    assert out == f"Imported {exported}: {counts}.\n"
    code, again, _ = run(capsys, "--journal", str(fresh), "export", "--format", "json", "-o", "-")
    assert again.encode() == exported.read_bytes()


@pytest.fixture
def conflicting(demo_journal: Path, tmp_path: Path) -> Path:
    """An export of the demo, and the journal's today logged differently since."""
    exported = tmp_path / "export.json"
    exported.write_bytes(export_json(demo()))
    Journal(demo_journal).save_day(Day(TODAY, 9, notes="changed my mind"))
    return exported


def test_import_with_conflicts_and_no_one_to_ask_changes_nothing(
    capsys: pytest.CaptureFixture[str], demo_journal: Path, conflicting: Path
) -> None:
    before = demo_journal.read_bytes()
    code, _, err = run(capsys, "import", str(conflicting))
    assert code == 1
    assert "1 item(s) differ between your journal and" in err and "day 2026-03-15" in err
    assert "--on-conflict keep" in err and "nothing was imported" in err.lower()
    assert demo_journal.read_bytes() == before


def test_import_replace_takes_the_files_day_and_keeps_a_copy_of_the_journal(
    capsys: pytest.CaptureFixture[str], demo_journal: Path, conflicting: Path
) -> None:
    before = demo_journal.read_bytes()
    code, out, err = run(capsys, "import", str(conflicting), "--on-conflict", "replace")
    assert code == 0, err
    assert "1 item(s) that differed were replaced by the file's." in out
    assert Journal(demo_journal).get_day(TODAY) == demo().day(TODAY)
    copies = list(demo_journal.parent.glob("journal.json.before-import-*"))
    assert len(copies) == 1 and copies[0].read_bytes() == before
    assert stat.S_IMODE(copies[0].stat().st_mode) == 0o600


def test_import_keep_with_nothing_new_writes_nothing(
    capsys: pytest.CaptureFixture[str], demo_journal: Path, conflicting: Path
) -> None:
    before = demo_journal.read_bytes()
    code, out, _ = run(capsys, "import", str(conflicting), "--on-conflict", "keep")
    assert code == 0
    assert out == "Nothing imported: the 1 item(s) that differ were kept as in your journal.\n"
    assert demo_journal.read_bytes() == before


def test_import_asks_on_a_terminal(
    capsys: pytest.CaptureFixture[str], demo_journal: Path, conflicting: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_common, "interactive", lambda: True)
    data = json.loads(conflicting.read_bytes())
    data["days"] = data["days"][-1:]  # only the conflicting day ...
    data["days"].append({"date": "2020-01-01", "pain_avg": 2})  # ... and one new one
    conflicting.write_text(json.dumps(data))
    monkeypatch.setattr(sys, "stdin", io.StringIO("keep\n"))
    code, out, err = run(capsys, "import", str(conflicting))
    assert code == 0, err
    assert "Keep yours, replace them with the file's, or cancel?" in out
    assert "Imported" in out and "1 new days" in out
    journal = Journal(demo_journal)
    assert journal.get_day(TODAY).notes == "changed my mind"  # type: ignore[union-attr]
    assert journal.get_day(date(2020, 1, 1)) == Day(date(2020, 1, 1), 2)


def test_import_refuses_a_file_that_is_not_an_export(
    capsys: pytest.CaptureFixture[str], demo_journal: Path, tmp_path: Path
) -> None:
    before = demo_journal.read_bytes()
    # The journal file itself is the likeliest mistake.
    code, _, err = run(capsys, "import", str(demo_journal))
    assert code == 1
    assert "is not a spinejournal export" in err and "nothing was imported" in err
    assert demo_journal.read_bytes() == before


def test_review_opens_the_export_read_only_and_never_touches_the_journal(
    capsys: pytest.CaptureFixture[str], demo_journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spinejournal.tui import app as app_module

    exported = tmp_path / "patient.json"
    exported.write_bytes(export_json(demo()))
    Journal(demo_journal).save_day(Day(TODAY, 1))  # the reviewer's own journal differs from the file
    before = (demo_journal.read_bytes(), demo_journal.stat().st_mtime_ns)
    seen: dict[str, object] = {}

    def fake_run(self: app_module.SpineJournalApp) -> None:
        seen["read_only"] = self.read_only
        seen["data"] = self.journal.data()
        with pytest.raises(JournalReadOnlyError):
            self.journal.save_day(Day(TODAY, 5))

    monkeypatch.setattr(app_module.SpineJournalApp, "run", fake_run)
    code, _, err = run(capsys, "review", str(exported))
    assert code == 0, err
    assert seen["read_only"] is True
    assert seen["data"] == demo()
    assert (demo_journal.read_bytes(), demo_journal.stat().st_mtime_ns) == before


def test_review_of_a_bad_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "spinejournal-export", "version": 7}')
    code, _, err = run(capsys, "review", str(bad))
    assert code == 1 and "newer spinejournal" in err and err.count("\n") == 1


def test_export_and_import_never_load_textual(demo_journal: Path, tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from spinejournal.cli import main\n"
        "try:\n"
        f"    main(['export', '--format', 'html', '-o', {str(tmp_path / 'x.html')!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=os.environ.copy())
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "x.html").exists()


def test_import_names_the_new_medications_ratings_and_events_it_added(
    capsys: pytest.CaptureFixture[str], demo_journal: Path, tmp_path: Path
) -> None:
    data = json.loads(export_json(demo()))
    data["medications"].append(
        {"id": 9, "name": "Paracetamol", "start": "2026-03-10", "dose": "1 g", "as_needed": True}
    )
    data["days"][-1]["medications"] = [{"medication_id": 9, "doses": 2}]  # ... taken on a day the journal has
    data["pgic_ratings"].append({"date": "2026-03-15", "rating": 1})
    data["events"].append({"id": 7, "date": "2026-03-12", "kind": "other", "text": "Saw the GP"})
    exported = tmp_path / "export.json"
    exported.write_text(json.dumps(data))
    code, out, err = run(capsys, "import", str(exported), "--on-conflict", "keep")
    assert code == 0, err
    assert f"Imported {exported}: 1 new medications, 1 new PGIC ratings, 1 new care events." in out
    assert "1 item(s) that differed were kept as in your journal." in out  # today's day, taking it
    stored = Journal(demo_journal).data()
    # Ids free in the journal are kept from the file, as for exercises.
    assert [(m.id, m.name) for m in stored.medications][-1] == (9, "Paracetamol")
    assert stored.pgic_ratings[-1].rating == 1
    assert [(e.id, e.text) for e in stored.events][-1] == (7, "Saw the GP")
