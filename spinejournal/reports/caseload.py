"""A therapist's caseload from many patients' JSON exports: reading them, and the table in Markdown,
HTML (one printed page for up to 15 patients) and CSV.

Reading only: every export is read with the JSON import's own ``read_export`` (same validation, same
size limit) and nothing is ever written to it. A file that cannot be read is listed by name with the
reason, and the others are still shown. The figures and the ranking are ``insights.caseload``'s; the
words of each cell are here, once, for every format and for the app. The patients' own words (names,
medication names) are escaped for each format as the summary's are.
"""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from spinejournal.clinical import MCID_PERCENT, MCID_POINTS, RED_FLAGS_BY_ID
from spinejournal.fsutil import describe_kind
from spinejournal.insights.caseload import LOW_ADHERENCE_PERCENT, PatientRow, Unreadable, order_key, patient_row
from spinejournal.insights.format import fmt, plural, short_date, shown
from spinejournal.model import JournalData
from spinejournal.reports.json_io import ExportFileError, read_export

COLUMNS: tuple[str, ...] = (
    "#",
    "Patient",
    "Why here",
    "Red flags since visit",
    "Pain: start of care → latest week",
    "Leg/arm pain",
    "PSFS",
    "PGIC",
    "Exercises since visit",
    "As-needed medication a week",
    "Questions",
    "Last entry",
    "Last visit",
    "Period",
    "Exported (file date)",
    "File",
)
NONE = "–"
ORDER_NOTE = (
    "Ranked by who needs attention first: red flags reported since the last visit (newest first), "
    f"then pain clinically worse ({MCID_POINTS:.0f} points or {MCID_PERCENT:.0f} %) since the start of care "
    "or the visit, then leg or arm pain reaching further from the spine, then home exercises under "
    f"{LOW_ADHERENCE_PERCENT:.0f} % since the visit, then the longest since the last visit."
)
DISCLAIMER = "Self-reported by each patient in a daily journal (spinejournal); not a diagnosis."


@dataclass(frozen=True, slots=True)
class Patient:
    """One export that was read: where it is, what it holds, and its caseload row."""

    path: Path
    data: JournalData
    row: PatientRow


@dataclass(frozen=True, slots=True)
class Caseload:
    """Every export given, read: the patients in caseload order, and the files that could not be read."""

    as_of: date
    patients: tuple[Patient, ...]
    unreadable: tuple[Unreadable, ...]


# -- reading -----------------------------------------------------------------------------------


def export_files(arguments: Sequence[str]) -> tuple[list[Path], list[Unreadable]]:
    """The files named, a folder standing for every ``*.json`` file in it (other files are ignored),
    each file once; and the names that are neither a file nor a folder holding one."""
    files: list[Path] = []
    missing: list[Unreadable] = []
    seen: set[str] = set()
    for argument in arguments:
        path = Path(argument).expanduser()
        if path.is_dir():
            try:
                found = sorted(f for f in path.iterdir() if f.suffix.lower() == ".json" and not f.name.startswith("."))
            except OSError as exc:
                missing.append(Unreadable(argument, f"cannot list the folder: {exc.strerror or exc}"))
                continue
            if not found:
                missing.append(Unreadable(argument, "a folder with no .json export in it"))
        else:
            found = [path]
        for file in found:
            real = os.path.realpath(file)
            if real not in seen:
                seen.add(real)
                files.append(file)
    return files, missing


def _reason(message: str, source: str) -> str:
    """An import error without the file name it starts with: 'not valid JSON (...)'."""
    rest = message[len(source) :].lstrip(": ") if message.startswith(source) else message
    return rest.removeprefix("is ")


def read_one(path: Path) -> tuple[JournalData, date] | Unreadable:
    """The export at ``path`` and the date of the file, or why it cannot be read. Reads only."""
    shown_path = str(path)
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            # A pipe would block the read; a device is no export.
            return Unreadable(shown_path, f"{describe_kind(mode)}, not an export file")
        data = read_export(shown_path)
        exported = datetime.fromtimestamp(os.stat(path).st_mtime).date()
    except ExportFileError as exc:
        return Unreadable(shown_path, _reason(str(exc), shown_path))
    except OSError as exc:
        return Unreadable(shown_path, str(exc.strerror or exc).lower())
    return data, exported


def read_caseload(arguments: Sequence[str], *, today: date) -> Caseload:
    """Read every export named (files or folders) into a ranked caseload as of ``today``."""
    files, unreadable = export_files(arguments)
    read: list[Patient] = []
    # Every export read stays in memory (the app opens any of them): without this, each collection of
    # the cycle collector walks all those read so far, and 100 year-long exports took half as long again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for path in files:
            result = read_one(path)
            if isinstance(result, Unreadable):
                unreadable.append(result)
                continue
            data, exported = result
            read.append(Patient(path, data, patient_row(data, source=path.name, today=today, exported=exported)))
    finally:
        if collecting:
            gc.enable()
    return Caseload(today, tuple(sorted(read, key=lambda p: order_key(p.row))), tuple(unreadable))


# -- the words of each cell ----------------------------------------------------------------------


def _day(on: date, as_of: date) -> str:
    return short_date(on, year=on.year != as_of.year)


def _ago(days: int | None, on: date | None, as_of: date) -> str:
    if days is None or on is None:
        return NONE
    when = "today" if days == 0 else f"{plural(days, 'day')} ago"
    return f"{when} ({_day(on, as_of)})"


def pain_cell(row: PatientRow) -> str:
    """'6.3 → 3.7 (-2.5, -40 %), clinically important'; the start of care against the latest week."""
    since = row.since_care
    if since.baseline is None or since.latest_week is None or since.latest_week.mean is None or since.points is None:
        return "too few days to compare"
    change = f"{'+' if since.points < 0 else '-' if since.points > 0 else ''}{shown(abs(since.points), 1)}"
    percent = f", {'+' if since.points < 0 else '-'}{shown(abs(since.percent))} %" if since.percent else ""
    verdict = ", clinically important" if since.important else ""
    return f"{fmt(since.baseline.mean)} → {fmt(since.latest_week.mean)} ({change}{percent}){verdict}"


def psfs_cell(row: PatientRow) -> str:
    """'3.0 → 5.5 (+2.5), meaningful'; 'intake 3.0' when there is no later occasion."""
    if row.psfs_first is None:
        return NONE
    if row.psfs_latest is None or row.psfs_change is None:
        return f"intake {fmt(row.psfs_first)}"
    verdict = ", meaningful" if row.psfs_important else ""
    return f"{fmt(row.psfs_first)} → {fmt(row.psfs_latest)} ({row.psfs_change:+.1f}){verdict}"


def as_needed_cell(row: PatientRow) -> str:
    """'Ibuprofen 24 → 5' (doses in the first and the latest whole week), one per medication."""
    parts = []
    for use in row.as_needed:
        if use.first_week is not None and use.latest_week is not None:
            parts.append(f"{use.name} {use.first_week.value or 0:.0f} → {use.latest_week.value or 0:.0f}")
        else:
            parts.append(f"{use.name}: {plural(use.doses, 'dose')}")
    return "; ".join(parts) or NONE


def red_flag_cell(row: PatientRow) -> str:
    """'30 Nov: pain at night that rest does not ease', newest first."""
    lines = []
    for day in sorted(row.red_flags, key=lambda r: r.date, reverse=True):
        labels = [RED_FLAGS_BY_ID[f].label for f in day.flags if f in RED_FLAGS_BY_ID]
        lines.append(f"{_day(day.date, row.as_of)}: " + ", ".join(label[:1].lower() + label[1:] for label in labels))
    return "; ".join(lines) or NONE


def cells(position: int, row: PatientRow) -> tuple[str, ...]:
    """The row's cells in ``COLUMNS`` order (plain text: escape it for the format that shows it)."""
    period = NONE
    if row.first_day is not None and row.last_day is not None:
        period = f"{_day(row.first_day, row.as_of)} to {_day(row.last_day, row.as_of)}, {row.days_logged} days logged"
    pgic = f"{row.pgic.rating} {row.pgic.label.lower()} ({_day(row.pgic.date, row.as_of)})" if row.pgic else NONE
    return (
        str(position),
        row.name,
        "; ".join(row.reasons),
        red_flag_cell(row),
        pain_cell(row),
        row.limb_verdict or NONE,
        psfs_cell(row),
        pgic,
        NONE if row.adherence is None else f"{shown(row.adherence)} %",
        as_needed_cell(row),
        str(row.questions),
        _ago(row.days_since_entry, row.last_day, row.as_of),
        _ago(row.days_since_visit, row.last_visit, row.as_of) if row.last_visit else "none recorded",
        period,
        row.exported.isoformat() if row.exported else NONE,
        row.source,
    )


def table(caseload: Caseload) -> list[tuple[str, ...]]:
    """Every patient's cells, in caseload order."""
    return [cells(i, p.row) for i, p in enumerate(caseload.patients, start=1)]


def title(caseload: Caseload) -> str:
    """'Caseload: 12 patients, as of 15 Mar 2026'."""
    return f"Caseload: {plural(len(caseload.patients), 'patient')}, as of {short_date(caseload.as_of, year=True)}"


def unreadable_line(item: Unreadable) -> str:
    """'old.json: not valid JSON (Expecting value, line 1)'."""
    return f"{item.source}: {item.reason}"


# -- the formats ---------------------------------------------------------------------------------


def render_markdown(caseload: Caseload) -> str:
    """The caseload as a Markdown document: the ranked table, then the files that could not be read."""
    from spinejournal.reports.markdown import esc

    lines = [f"# {esc(title(caseload))}", "", esc(ORDER_NOTE, starts_line=True), ""]
    if caseload.patients:
        lines.append("| " + " | ".join(esc(c) for c in COLUMNS) + " |")
        lines.append("|" + "|".join("--:" if c in ("#", "Questions") else "---" for c in COLUMNS) + "|")
        lines.extend("| " + " | ".join(esc(c) for c in row) + " |" for row in table(caseload))
        lines.append("")
    if caseload.unreadable:
        lines.extend(["## Could not be read", ""])
        lines.extend(f"- {esc(unreadable_line(u), starts_line=True)}" for u in caseload.unreadable)
        lines.append("")
    lines.append(f"_{esc(DISCLAIMER)} Prepared on {caseload.as_of.isoformat()}._")
    return "\n".join(lines) + "\n"


def render_csv(caseload: Caseload) -> bytes:
    """The caseload as RFC 4180 CSV (UTF-8 with a byte-order mark, CRLF), every text cell safe for a
    spreadsheet; a file that could not be read is a row of its own at the end, saying why."""
    import csv
    import io

    from spinejournal.reports.csv_export import neutralise

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    writer.writerows([neutralise(c) for c in row] for row in table(caseload))
    for item in caseload.unreadable:
        cells_ = [""] * len(COLUMNS)
        cells_[1], cells_[2], cells_[-1] = Path(item.source).name, f"could not be read: {item.reason}", item.source
        writer.writerow([neutralise(c) for c in cells_])
    return buffer.getvalue().encode("utf-8-sig")


# One landscape page for up to 15 patients: the table is the page, in small type, wrapping in its cells.
_STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 7pt/1.15 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: #111; margin: 0 auto; padding: 12px; }
h1 { font-size: 12pt; margin: 0 0 2px; }
h2 { font-size: 9pt; margin: 6px 0 2px; }
p { margin: 2px 0; }
.sub, .foot { color: #333; }
.foot { color: #555; margin-top: 4px; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #bbb; padding: 1px 2px; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
th { background: #eee; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.why { font-weight: 600; }
tr.tier0 td.why { color: #b00020; }
ul { margin: 2px 0; padding-left: 14px; }
@page { size: landscape; margin: 8mm; }
@media print {
  body { padding: 0; }
  tr { break-inside: avoid; }
}
"""
# Each column's share of the page width, in COLUMNS order: room for the words, none for air.
_WIDTHS = (2, 7, 8, 13, 11, 6.5, 7.5, 6, 4.5, 6.5, 3, 6, 6, 8, 4.5, 5)
# Nothing may load or run: only the inline style (as the summary page).
_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def render_html(caseload: Caseload) -> str:
    """The caseload as one self-contained HTML page, laid out to print on one landscape page."""
    from spinejournal.reports.html import esc

    cols = "".join(f'<col style="width: {w}%">' for w in _WIDTHS)
    head = "".join(f"<th>{esc(c)}</th>" for c in COLUMNS)
    body = []
    for patient, row in zip(caseload.patients, table(caseload), strict=True):
        tds = []
        for column, cell in zip(COLUMNS, row, strict=True):
            cls = " class=num" if column in ("#", "Questions") else " class=why" if column == "Why here" else ""
            tds.append(f"<td{cls}>{esc(cell)}</td>")
        body.append(f'<tr class="tier{patient.row.tier}">{"".join(tds)}</tr>')
    parts = []
    if body:
        parts.append(
            f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        )
    if caseload.unreadable:
        items = "".join(f"<li>{esc(unreadable_line(u))}</li>" for u in caseload.unreadable)
        parts.append(f"<section><h2>Could not be read</h2><ul>{items}</ul></section>")
    heading = esc(title(caseload))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{heading}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f'<header><h1>{heading}</h1><p class="sub">{esc(ORDER_NOTE)}</p></header>\n'
        f"<main>{''.join(parts)}</main>\n"
        f'<footer><p class="foot">{esc(DISCLAIMER)} Prepared on {caseload.as_of.isoformat()}.</p></footer>\n'
        "</body>\n</html>\n"
    )


FORMATS = {"md": "Markdown", "html": "HTML, to print", "csv": "CSV"}


def render(caseload: Caseload, fmt: str) -> bytes:
    """The caseload in ``fmt`` ("md", "html" or "csv") as bytes."""
    if fmt == "md":
        return render_markdown(caseload).encode("utf-8")
    if fmt == "html":
        return render_html(caseload).encode("utf-8")
    if fmt == "csv":
        return render_csv(caseload)
    raise ValueError(f"unknown caseload format '{fmt}': use one of {', '.join(FORMATS)}")


def default_filename(fmt: str, as_of: date) -> str:
    """'spinejournal-caseload-2026-03-15.html'."""
    return f"spinejournal-caseload-{as_of.isoformat()}.{fmt}"
