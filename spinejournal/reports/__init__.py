"""Therapist summary and exports: one summary built from the insights, one module per format.

``export(data, fmt, rng)`` is the one entry point the CLI and the TUI share. The summary formats (md,
html) always cover a range, by default since the last visit. The data formats (csv, json, fhir) cover
the whole journal unless a range is given; a JSON export of the whole journal is what ``spinejournal
import`` and ``spinejournal review`` read back.

Nothing here imports Textual. Format modules are imported when used, so a quick CSV export does not
pay for plotext.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importing insights is left to the functions that use it: the CLI stays quick
    from spinejournal.insights import DateRange
    from spinejournal.model import JournalData

# Format -> a short label for menus. The order is the order they are offered in.
FORMATS: dict[str, str] = {
    "md": "Markdown summary",
    "html": "HTML summary, to print",
    "csv": "CSV, a row per day",
    "json": "JSON, whole journal",
    "fhir": "FHIR R4 Bundle",
}
SUMMARY_FORMATS = frozenset({"md", "html"})
_FILE_NAMES = {
    "md": "summary-{end}.md",
    "html": "summary-{end}.html",
    "csv": "days-{end}.csv",
    "json": "journal-{end}.json",
    "fhir": "fhir-{end}.json",
}


def default_filename(fmt: str, end: date) -> str:
    """A file name for an export made on (or up to) ``end``, e.g. 'spinejournal-summary-2026-03-15.md'."""
    return "spinejournal-" + _FILE_NAMES[fmt].format(end=end.isoformat())


def range_for(
    data: JournalData, fmt: str, key: str | None = None, *, start: date | None = None, end: date | None = None
) -> DateRange | None:
    """The range an export covers: None for the whole journal.

    ``start``/``end`` give a custom range; else ``key`` (a ``RANGE_KEYS`` entry). With neither, a
    summary covers the time since the last visit and a data format the whole journal, and "all" for a
    data format is the whole journal too (not "first logged day to today"), so a JSON export of it
    is exactly what import reads back. Raises ``ValueError`` (one line) for a start after the end.
    """
    from spinejournal.insights import resolve_range

    if start is not None or end is not None:
        return resolve_range(data, start=start, end=end)
    if fmt in SUMMARY_FORMATS:
        return resolve_range(data, key or "since-visit")
    if key in (None, "all"):
        return None
    return resolve_range(data, key)


def export(data: JournalData, fmt: str, rng: DateRange | None) -> bytes:
    """The export of ``data`` in ``fmt`` as bytes.

    ``rng`` None means the whole journal, for the data formats; the summary formats need a range.
    """
    start, end = (rng.start, rng.end) if rng is not None else (None, None)
    if fmt in SUMMARY_FORMATS:
        if rng is None:
            raise ValueError("a summary needs a date range")
        from spinejournal.reports.summary import build_summary

        summary = build_summary(data, rng)
        if fmt == "md":
            from spinejournal.reports.markdown import export_markdown

            return export_markdown(summary)
        from spinejournal.reports.html import export_html

        return export_html(summary)
    if fmt == "csv":
        from spinejournal.reports.csv_export import export_csv

        return export_csv(data, start, end)
    if fmt == "json":
        from spinejournal.reports.json_io import export_json

        return export_json(data, start, end)
    if fmt == "fhir":
        from spinejournal.reports.fhir import export_fhir

        return export_fhir(data, start, end)
    raise ValueError(f"unknown export format '{fmt}': use one of {', '.join(FORMATS)}")
