"""The caseload: many patients' exports in one table, ranked by who needs attention first.

What ``spinejournal review A.json B.json ...`` (or a folder) opens on. The rows are in the order and
with the words of ``spinejournal caseload`` (``reports.caseload``); every cell is rich Text, never
markup, since names and medication names are the patients' own words. Enter opens that patient in the
read-only review (Summary, Trends, History ...), Esc there comes back here; ``e`` writes the caseload
as HTML or CSV.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from spinejournal.insights.caseload import RED_FLAG
from spinejournal.reports.caseload import COLUMNS, ORDER_NOTE, Caseload, Patient, cells, title
from spinejournal.store import Journal
from spinejournal.text import printable, shorten
from spinejournal.tui.app import SpineJournalApp
from spinejournal.tui.widgets.key_bar import KeyBar

# The cells a long text is cut to in the table; the panel below it shows the highlighted row whole.
CELL_WIDTH = 40
# The patient's name in the top bar of their review: what is left of 80 columns beside the sections.
BADGE_WIDTH = 16
# What the panel under the table shows for the highlighted patient, by column.
DETAIL = (
    "Why here",
    "Red flags since visit",
    "Pain: start of care → latest week",
    "Leg/arm pain",
    "Exercises since visit",
    "Last visit",
)


class CaseloadScreen(Screen[None]):
    """The ranked table, the highlighted patient's main figures, and the files that could not be read."""

    CSS_PATH = "caseload.tcss"
    AUTO_FOCUS = "#caseload-table"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Before the table's own Enter, so that the footer shows what Enter does here.
        Binding("enter", "open_patient", "Open patient", priority=True),
        Binding("e", "export", "Export"),
    ]
    journal_app = getters.app(SpineJournalApp)

    def __init__(self) -> None:
        super().__init__()
        self._journals: dict[int, Journal] = {}

    @property
    def caseload(self) -> Caseload:
        loaded = self.journal_app.caseload
        assert loaded is not None  # the app adds this screen only with a caseload
        return loaded

    def compose(self) -> ComposeResult:
        loaded = self.caseload
        yield Static(Content(f"{title(loaded)} · most urgent first"), id="caseload-header")
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="caseload-table")
        for column in COLUMNS:
            table.add_column(column, key=column)
        for i, patient in enumerate(loaded.patients, start=1):
            row = cells(i, patient.row)
            # The patients' own words: rich Text, control characters shown, long cells cut (see the panel).
            table.add_row(*(self._cell(column, cell, patient) for column, cell in zip(COLUMNS, row, strict=True)))
        yield table
        yield Static(id="caseload-detail", markup=False)
        if loaded.unreadable:
            lines = [f"Could not be read ({len(loaded.unreadable)}):"]
            # The file's name is enough here (the folder is the one given); the reason in full.
            lines.extend(f"  {Path(u.source).name}: {u.reason}" for u in loaded.unreadable)
            yield Static(Content(printable("\n".join(lines))), id="caseload-unreadable")
        yield KeyBar()

    @staticmethod
    def _cell(column: str, cell: str, patient: Patient) -> Text:
        text = Text(shorten(printable(cell, single_line=True), CELL_WIDTH))
        if column == "#":
            text.justify = "right"
        if column == "Why here" and patient.row.tier == RED_FLAG:
            text.stylize("bold")  # the marker is the words ("red flag 30 Nov"), bold only helps
        return text

    def on_mount(self) -> None:
        self._show(0)

    @on(DataTable.RowHighlighted, "#caseload-table")
    def _moved(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    def _show(self, index: int) -> None:
        detail = self.query_one("#caseload-detail", Static)
        patients = self.caseload.patients
        if not 0 <= index < len(patients):
            detail.update(Content(ORDER_NOTE))
            return
        row = dict(zip(COLUMNS, cells(index + 1, patients[index].row), strict=True))
        lines = [f"{row['Patient']} ({patients[index].path.name})"]
        lines.extend(f"{column}: {row[column]}" for column in DETAIL)
        detail.update(Content(printable("\n".join(lines))))

    @on(DataTable.RowSelected, "#caseload-table")
    def _chosen(self) -> None:
        self.action_open_patient()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_patient":
            return bool(self.caseload.patients)
        return True

    def action_open_patient(self) -> None:
        """Open the highlighted patient in the read-only review."""
        index = self.query_one("#caseload-table", DataTable).cursor_row
        patients = self.caseload.patients
        if not 0 <= index < len(patients):
            return
        patient = patients[index]
        journal = self._journals.get(index)
        if journal is None:
            journal = Journal.from_data(patient.data, label=f"{patient.path.name} (review, read-only)")
            self._journals[index] = journal
        # Whose journal this is, in the top bar (plain text there, as every badge).
        self.journal_app.open_patient(journal, shorten(printable(patient.row.name, single_line=True), BADGE_WIDTH))

    def action_export(self) -> None:
        """Write the caseload as HTML or CSV (a small dialog)."""
        from spinejournal.tui.screens.caseload_export import CaseloadExportDialog

        self.app.push_screen(CaseloadExportDialog(self.caseload))
