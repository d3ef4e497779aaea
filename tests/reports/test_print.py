"""The HTML summary printed by a real browser: one page on A4 and on Letter, with what matters on it.

A realistic patient (the demo journal, since the last visit) plus a question and a red flag on the last
day is exported, printed to PDF by headless Chromium on each paper size (a copy of the page with the
size forced, as scripts/check_html_in_browser.sh does) and read back with poppler's pdfinfo/pdftotext.
Skipped, with the reason, where Chromium or poppler is not installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from spinejournal.insights import resolve_range
from spinejournal.model import JournalData
from spinejournal.reports.html import render_html
from spinejournal.reports.summary import build_summary

from .helpers import DEMO_END, demo

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
PDFINFO = shutil.which("pdfinfo")
PDFTOTEXT = shutil.which("pdftotext")

pytestmark = pytest.mark.skipif(
    BROWSER is None or PDFINFO is None or PDFTOTEXT is None,
    reason="needs chromium and poppler-utils (pdfinfo, pdftotext): apt-get install -y chromium poppler-utils",
)

QUESTION = "Can I lift my grandson again?"
# What red_flag_lines says for night pain on the demo's last day (15 Mar), as the page shows it.
RED_FLAG = "Reported on 15 Mar: pain at night that rest does not ease."
# The demo's leg pain reached the calf in the first week of care and is gone in the latest week.
LIMB = "Leg pain centralising: left leg reached the calf in the first week of care, none in the latest."


def _patient() -> JournalData:
    """The demo journal with a question and night pain (a red flag) on its last day."""
    data = demo()
    days = tuple(
        d.with_changes(questions=QUESTION, red_flags=("night_pain",)) if d.date == DEMO_END else d for d in data.days
    )
    return replace(data, days=days)


def _print(page: str, size: str, tmp_path: Path) -> Path:
    """``page`` printed to PDF by headless Chromium on ``size`` paper; the PDF's path."""
    html_file = tmp_path / f"page-{size}.html"
    html_file.write_text(page.replace("@page {", f"@page {{ size: {size};", 1), encoding="utf-8")
    pdf = tmp_path / f"print-{size}.pdf"
    profile = tmp_path / f"profile-{size}"
    assert BROWSER is not None
    subprocess.run(
        [
            BROWSER,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf}",
            "--no-pdf-header-footer",
            html_file.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return pdf


@pytest.mark.parametrize("size", ["A4", "letter"])
# Since the visit (8 days) is the brief's case; the last 4 weeks (more notes, questions and weeks) too.
@pytest.mark.parametrize("key", ["since-visit", "4w"])
def test_the_summary_prints_on_one_page_with_the_question_red_flag_and_limb_pain(
    key: str, size: str, tmp_path: Path
) -> None:
    data = _patient()
    page = render_html(build_summary(data, resolve_range(data, key, today=DEMO_END)))
    pdf = _print(page, size, tmp_path)
    assert PDFINFO is not None and PDFTOTEXT is not None
    info = subprocess.run([PDFINFO, str(pdf)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, flags=re.M), info
    text = subprocess.run([PDFTOTEXT, str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    # Lines wrap where the page is narrow: compare with runs of white space made single spaces.
    flat = " ".join(text.split())
    assert QUESTION in flat
    assert RED_FLAG in flat
    assert LIMB in flat


def _caseload_of(count: int) -> str:
    """The HTML caseload of ``count`` year-long demo patients, every third with a red flag on its last day."""
    from spinejournal.demo import build_demo
    from spinejournal.insights.caseload import order_key, patient_row
    from spinejournal.reports.caseload import Caseload, Patient, render_html

    patients = []
    for i in range(count):
        data = build_demo(end=DEMO_END - timedelta(days=i), days=365, seed=i, patient_name=f"Patient {i:02d} Example")
        if i % 3 == 0:
            last = data.days[-1]
            data = replace(data, days=(*data.days[:-1], last.with_changes(red_flags=("night_pain", "fever"))))
        path = Path(f"patient-{i:02d}.json")
        patients.append(Patient(path, data, patient_row(data, source=path.name, today=DEMO_END, exported=DEMO_END)))
    patients.sort(key=lambda p: order_key(p.row))
    return render_html(Caseload(DEMO_END, tuple(patients), ()))


@pytest.mark.parametrize("size", ["A4", "letter"])
def test_the_caseload_of_15_patients_prints_on_one_landscape_page(size: str, tmp_path: Path) -> None:
    page = _caseload_of(15)
    paper = f"{size} landscape"
    pdf = _print(page.replace("size: landscape;", f"size: {paper};"), paper, tmp_path)
    assert PDFINFO is not None and PDFTOTEXT is not None
    info = subprocess.run([PDFINFO, str(pdf)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, flags=re.M), info
    size_line = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, flags=re.M)
    assert size_line is not None and float(size_line[1]) > float(size_line[2])  # landscape
    printed = subprocess.run([PDFTOTEXT, str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    text = " ".join(printed.split())
    assert "Caseload: 15 patients, as of 15 Mar 2026" in text
    for i in range(15):
        assert f"Patient {i:02d}" in text
