"""The caseload: ranking rules (each with a pair of patients that differ only in that rule), the
reasons written in each row, unreadable files, and the read-only guarantee of the command."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from spinejournal.insights.caseload import (
    LOW_ADHERENCE,
    LOW_ADHERENCE_PERCENT,
    OTHERS,
    PAIN_WORSE,
    PERIPHERALISING,
    RED_FLAG,
    PatientRow,
    patient_row,
    rank,
)
from spinejournal.model import Day, Exercise, ExerciseLog, JournalData, Profile, Radiating, Visit
from spinejournal.reports.caseload import read_caseload
from spinejournal.reports.json_io import MAX_FILE_BYTES, export_json

from .conftest import TODAY
from .helpers import run

START = TODAY - timedelta(days=27)  # four whole weeks of days, 16 Feb to 15 Mar
VISIT = date(2026, 3, 1)  # 14 days before TODAY


def patient(
    name: str = "Ann",
    *,
    pain: list[int] | None = None,
    visits: tuple[date, ...] = (VISIT,),
    flags: dict[date, tuple[str, ...]] | None = None,
    reach: dict[date, str] | None = None,
    done: set[date] | None = None,
) -> JournalData:
    """28 logged days ending TODAY at pain 4 (``pain`` replaces them, oldest first), one visit.

    ``reach``: the left leg's extent on those days (every day: the thigh, when given); ``done``: the
    days the one daily exercise was done (every other logged day it was skipped), when given.
    """
    values = pain if pain is not None else [4] * 28
    days = []
    for i, value in enumerate(values):
        on = START + timedelta(days=i)
        radiating = (Radiating("left_leg", reach.get(on, "thigh")),) if reach is not None else ()
        exercises = (ExerciseLog(1, "done" if on in done else "skipped"),) if done is not None else ()
        days.append(Day(on, value, red_flags=(flags or {}).get(on, ()), radiating=radiating, exercises=exercises))
    plan = (Exercise("Pelvic tilt", START, id=1),) if done is not None else ()
    return JournalData(days=tuple(days), visits=tuple(Visit(v) for v in visits), exercises=plan, profile=Profile(name))


def row(data: JournalData, source: str = "ann.json") -> PatientRow:
    return patient_row(data, source=source, today=TODAY)


def names(rows: tuple[PatientRow, ...]) -> list[str]:
    return [r.name for r in rows]


# -- each rule, with a pair that differs only in it ---------------------------------------------------


def test_a_red_flag_since_the_visit_ranks_first_and_says_when() -> None:
    flagged = row(patient("Bea", flags={date(2026, 3, 10): ("night_pain",)}))
    plain = row(patient("Ann"))
    assert (flagged.tier, plain.tier) == (RED_FLAG, OTHERS)
    assert flagged.reasons == ("red flag 10 Mar",)
    assert names(rank([plain, flagged])) == ["Bea", "Ann"]  # by name alone Ann would lead


def test_a_red_flag_before_the_last_visit_was_seen_there() -> None:
    seen = row(patient("Bea", flags={date(2026, 2, 20): ("night_pain",)}))
    assert seen.tier == OTHERS and seen.red_flags == ()


def test_with_no_visit_every_red_flag_counts() -> None:
    never_seen = row(patient("Bea", visits=(), flags={date(2026, 2, 20): ("fever",)}))
    assert never_seen.tier == RED_FLAG and never_seen.reasons[0] == "red flag 20 Feb"


def test_red_flags_newest_first() -> None:
    older = row(patient("Ann", flags={date(2026, 3, 5): ("fever",)}))
    newer = row(patient("Bea", flags={date(2026, 3, 12): ("fever",), date(2026, 3, 2): ("weight_loss",)}))
    assert newer.reasons == ("red flags 12 Mar, 2 Mar",)
    assert names(rank([older, newer])) == ["Bea", "Ann"]


def test_clinically_important_worsening_since_care_ranks_next() -> None:
    # First 7 days 4.0, latest week 6.0: 2.0 points (50 %) more, a clinically important change.
    worse = row(patient("Bea", pain=[4] * 21 + [6] * 7))
    same = row(patient("Ann"))
    assert (worse.tier, same.tier) == (PAIN_WORSE, OTHERS)
    assert worse.reasons == ("pain up 2.0 points, 50 % since care began",)
    assert names(rank([same, worse])) == ["Bea", "Ann"]


def test_the_latest_week_is_the_patients_own_however_old_the_export() -> None:
    # Last entry 4 days ago: the latest week is its last 7 days (6.0), not the whole week ending today
    # with 4 logged days in it (3 at 4, 4 at 6: 5.1, a 1.1-point change below the threshold).
    data = patient("Bea", pain=[4] * 21 + [6] * 7)
    shifted = replace(data, days=tuple(replace(d, date=d.date - timedelta(days=4)) for d in data.days))
    got = row(shifted)
    assert got.days_since_entry == 4
    assert got.reasons == ("pain up 2.0 points, 50 % since care began",)


def test_a_worsening_below_two_points_and_30_percent_does_not_move_a_patient() -> None:
    # 4.0 -> 5.0: 1 point, 25 %.
    assert row(patient("Bea", pain=[4] * 21 + [5] * 7)).tier == OTHERS


def test_a_worsening_since_the_visit_counts_when_care_as_a_whole_looks_better() -> None:
    # Since care: 6.0 -> 5.0 (1 point, 16 %: below); since the visit on 1 Mar: 3.0 (1-7 Mar) -> 5.0,
    # 2 points (66 %) more.
    data = patient("Bea", pain=[6] * 13 + [3] * 8 + [5] * 7)
    got = row(data)
    assert got.tier == PAIN_WORSE
    assert got.reasons == ("pain up 2.0 points, 66 % since the visit",)


def test_leg_pain_peripheralising_ranks_after_worsening() -> None:
    latest_week = {TODAY - timedelta(days=n): "calf" for n in range(7)}
    spreading = row(patient("Bea", reach=latest_week))
    stable = row(patient("Ann", reach={}))
    assert (spreading.tier, stable.tier) == (PERIPHERALISING, OTHERS)
    assert spreading.reasons == ("left leg pain reaches further (thigh to calf)",)
    assert stable.limb_verdict == "stable"
    assert names(rank([stable, spreading])) == ["Bea", "Ann"]


def test_exercises_under_half_done_since_the_visit_rank_next() -> None:
    # Since the visit: 15 logged days (1-15 Mar), the exercise daily: 6 done -> 40 %; 8 done -> 53 %.
    period = [VISIT + timedelta(days=n) for n in range(15)]
    low = row(patient("Bea", done=set(period[:6])))
    enough = row(patient("Ann", done=set(period[:8])))
    assert low.adherence == pytest.approx(40.0) and enough.adherence == pytest.approx(800 / 15)
    assert (low.tier, enough.tier) == (LOW_ADHERENCE, OTHERS)
    assert low.reasons == ("exercises 40 % done",)
    assert names(rank([enough, low])) == ["Bea", "Ann"]


def test_exactly_half_is_not_under_half() -> None:
    period = [VISIT + timedelta(days=n) for n in range(14)]  # 14 of the 15 days scheduled...
    half = patient("Bea", done=set(period[:7]))
    days = tuple(d for d in half.days if d.date != TODAY)  # ... with TODAY not logged: 7 of 14
    got = row(replace(half, days=days))
    assert got.adherence == pytest.approx(LOW_ADHERENCE_PERCENT) and got.tier == OTHERS


def test_the_rest_by_days_since_the_last_visit_with_no_visit_first() -> None:
    recent = row(patient("Ann", visits=(date(2026, 3, 8),)))
    longer = row(patient("Bea", visits=(VISIT,)))
    never = row(patient("Cid", visits=()))
    assert recent.reasons == ("last visit 7 days ago",) and longer.reasons == ("last visit 14 days ago",)
    assert never.reasons == ("no visit recorded",)
    assert names(rank([recent, longer, never])) == ["Cid", "Bea", "Ann"]


def test_the_tiers_in_order_and_every_reason_listed() -> None:
    both = row(patient("Eve", pain=[4] * 21 + [6] * 7, flags={date(2026, 3, 14): ("fever",)}))
    worse = row(patient("Dan", pain=[4] * 21 + [6] * 7))
    spreading = row(patient("Cid", reach={TODAY - timedelta(days=n): "foot" for n in range(7)}))
    low = row(patient("Bea", done=set()))
    rest = row(patient("Ann"))
    assert names(rank([rest, low, spreading, worse, both])) == ["Eve", "Dan", "Cid", "Bea", "Ann"]
    # The reason that placed the row comes first; the others follow.
    assert both.reasons == ("red flag 14 Mar", "pain up 2.0 points, 50 % since care began")


def test_the_figures_of_a_row() -> None:
    data = patient("Ann", pain=[6] * 7 + [4] * 21)
    data = replace(data, days=data.days[:-2])  # last entry 13 Mar
    got = row(data)
    assert got.since_care.baseline is not None and got.since_care.baseline.mean == 6.0
    assert got.since_care.latest_week is not None and got.since_care.latest_week.mean == 4.0
    assert (got.days_since_entry, got.days_since_visit, got.days_logged) == (2, 14, 26)
    assert got.period.start == VISIT and got.period.end == TODAY


def test_on_the_day_of_a_visit_the_period_is_since_the_one_before() -> None:
    got = row(patient("Ann", visits=(VISIT, TODAY), flags={date(2026, 3, 10): ("fever",)}))
    assert got.period.start == VISIT and got.days_since_visit == 0
    assert got.tier == RED_FLAG  # reported before today's visit, after the one before


def test_a_patient_without_a_name_is_shown_by_the_file_name() -> None:
    data = replace(patient(), profile=Profile())
    assert row(data, source="p-017.json").name == "p-017.json"


def test_an_export_with_no_days() -> None:
    got = row(JournalData())
    assert got.tier == OTHERS and got.reasons == ("nothing logged", "no visit recorded")
    assert got.days_since_entry is None


# -- reading files ------------------------------------------------------------------------------


def write(folder: Path, name: str, data: JournalData) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(export_json(data))
    return path


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    """A folder of three readable exports, a notes file to ignore and four that cannot be read."""
    folder = tmp_path / "exports"
    write(folder, "ann.json", patient("Ann"))
    write(folder, "bea.json", patient("Bea", flags={date(2026, 3, 10): ("night_pain",)}))
    write(folder, "nameless.json", replace(patient(visits=()), profile=Profile()))
    (folder / "notes.txt").write_text("not an export, and not a .json file")
    (folder / "broken.json").write_text('{"format": "spinejournal-export", "version": 2, "days": [')
    (folder / "other.json").write_text('{"name": "a shopping list"}')
    damaged = json.loads(export_json(patient("Dee")))
    damaged["days"][3]["pain_avg"] = 11
    (folder / "damaged.json").write_text(json.dumps(damaged))
    with (folder / "huge.json").open("wb") as sparse:
        sparse.truncate(MAX_FILE_BYTES + 1)
    return folder


def test_a_folder_is_every_json_in_it_and_the_unreadable_ones_say_why(exports: Path) -> None:
    loaded = read_caseload([str(exports)], today=TODAY)
    assert [p.row.name for p in loaded.patients] == ["Bea", "nameless.json", "Ann"]
    reasons = {Path(u.source).name: u.reason for u in loaded.unreadable}
    assert sorted(reasons) == ["broken.json", "damaged.json", "huge.json", "other.json"]  # notes.txt ignored
    assert reasons["broken.json"].startswith("not valid JSON (")
    assert reasons["other.json"] == "not a spinejournal export"
    assert reasons["damaged.json"].startswith("days[3]: ") and "11" in reasons["damaged.json"]
    assert reasons["huge.json"].startswith("larger than 64 MB")


def test_files_and_folders_together_each_file_once(exports: Path, tmp_path: Path) -> None:
    loaded = read_caseload([str(exports / "ann.json"), str(exports), str(tmp_path / "missing.json")], today=TODAY)
    assert sorted(p.row.name for p in loaded.patients) == ["Ann", "Bea", "nameless.json"]
    missing = [u for u in loaded.unreadable if u.source.endswith("missing.json")]
    assert [u.reason for u in missing] == ["no such file or directory"]


def test_a_named_pipe_is_refused_without_reading_it(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    loaded = read_caseload([str(pipe)], today=TODAY)
    assert [u.reason for u in loaded.unreadable] == ["a named pipe, not an export file"]


def test_an_empty_folder_is_listed_as_unreadable(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    loaded = read_caseload([str(tmp_path / "empty")], today=TODAY)
    assert [u.reason for u in loaded.unreadable] == ["a folder with no .json export in it"]


# -- the command ----------------------------------------------------------------------------------


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_the_command_reads_only_and_creates_no_journal(
    capsys: pytest.CaptureFixture[str], exports: Path, tmp_path: Path, fmt: str
) -> None:
    before = hashes(exports)
    code, out, err = run(capsys, "caseload", str(exports), "--format", fmt)
    assert code == 1  # four files could not be read ...
    assert "Bea" in out and "Ann" in out  # ... and the others are shown
    assert err.count("\n") == 1 and err.startswith("spinejournal: error: 4 of 7 files could not be read: ")
    assert "broken.json (not valid JSON" in err
    assert hashes(exports) == before
    # Neither a journal (SPINEJOURNAL_JOURNAL points into data/) nor anything under HOME was made.
    assert not (tmp_path / "data").exists() and not (tmp_path / "home").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports"]


def test_the_command_exits_0_when_every_file_was_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "ok"
    write(folder, "ann.json", patient("Ann"))
    code, out, err = run(capsys, "caseload", str(folder))
    assert (code, err) == (0, "")
    assert out.startswith("# Caseload: 1 patient, as of 15 Mar 2026\n")
    assert "| 1 | Ann | last visit 14 days ago | – | 4.0 → 4.0 (0.0) | – |" in out


def test_the_output_file_is_never_replaced_without_force(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "ok"
    write(folder, "ann.json", patient("Ann"))
    target = tmp_path / "caseload.html"
    target.write_text("mine")
    code, _, err = run(capsys, "caseload", str(folder), "--format", "html", "-o", str(target))
    assert code == 1 and "already exists; add --force to replace it (nothing was written)" in err
    assert target.read_text() == "mine"
    code, out, _ = run(capsys, "caseload", str(folder), "--format", "html", "-o", str(target), "--force")
    assert code == 0 and out == f"Wrote {target} (1 patient); only you can read it.\n"
    assert target.read_text().startswith("<!DOCTYPE html>") and target.stat().st_mode & 0o077 == 0


def test_the_output_is_never_one_of_the_exports(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "ok"
    export = write(folder, "ann.json", patient("Ann"))
    before = export.read_bytes()
    code, _, err = run(capsys, "caseload", str(folder), "-o", str(export), "--force")
    assert code == 1 and "is one of the exports being read" in err
    assert export.read_bytes() == before


def test_a_folder_as_output_gets_a_dated_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "ok"
    write(folder, "ann.json", patient("Ann"))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, _, _ = run(capsys, "caseload", str(folder), "--format", "csv", "-o", str(out_dir))
    assert code == 0 and (out_dir / "spinejournal-caseload-2026-03-15.csv").exists()


def test_caseload_help_and_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "caseload", "--help")
    assert code == 0 and out.startswith("Usage: spinejournal caseload [OPTIONS] FILE_OR_FOLDER...\n")
    assert "--format [md|html|csv]" in out and "No journal is opened or created" in out
    code, _, err = run(capsys, "caseload")
    assert code == 2 and err.count("\n") == 1


def test_caseload_never_loads_textual(tmp_path: Path) -> None:
    folder = tmp_path / "ok"
    write(folder, "ann.json", patient("Ann"))
    script = (
        "import sys\n"
        "from spinejournal.cli import main\n"
        "try:\n"
        f"    main(['caseload', {str(folder)!r}])\n"
        "except SystemExit as exit:\n"
        "    assert exit.code == 0, exit.code\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=os.environ.copy())
    assert done.returncode == 0, done.stderr


def test_review_of_many_files_opens_the_caseload(
    capsys: pytest.CaptureFixture[str], exports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spinejournal.tui import app as app_module

    seen: dict[str, object] = {}

    def fake_run(self: app_module.SpineJournalApp) -> None:
        seen["caseload"] = self.caseload
        seen["read_only"] = self.read_only

    monkeypatch.setattr(app_module.SpineJournalApp, "run", fake_run)
    before = hashes(exports)
    code, _, err = run(capsys, "review", str(exports))
    assert code == 0, err
    loaded = seen["caseload"]
    assert seen["read_only"] is True
    assert [p.row.name for p in loaded.patients] == ["Bea", "nameless.json", "Ann"]  # type: ignore[attr-defined]
    assert len(loaded.unreadable) == 4  # type: ignore[attr-defined]
    assert hashes(exports) == before and not (tmp_path / "data").exists()


def test_review_of_files_none_of_which_can_be_read_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "a.json").write_text("nope")
    (tmp_path / "b.json").write_text("{}")
    code, _, err = run(capsys, "review", str(tmp_path / "a.json"), str(tmp_path / "b.json"))
    assert code == 1 and err.count("\n") == 1 and "no export could be read" in err


def test_tab_completion_offers_folders_and_json_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from spinejournal.cli import cli
    from spinejournal.cli.tab_completion import complete

    folder = tmp_path / "exports"
    write(folder, "ann.json", patient("Ann"))
    (folder / "notes.txt").write_text("x")
    (tmp_path / "exports-old").mkdir()
    monkeypatch.chdir(tmp_path)
    assert complete(cli, "bash", ["caseload", "exp"]) == ["exports/", "exports-old/"]
    assert complete(cli, "bash", ["review", "exports/"]) == ["exports/ann.json"]  # not notes.txt
    assert complete(cli, "fish", ["caseload", "--format", ""]) == ["md", "html", "csv"]
