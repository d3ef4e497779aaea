"""Add a medication to the list, or change the dose or schedule of one from a date on."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.app import ComposeResult
from textual.containers import Grid
from textual.content import Content
from textual.widgets import Input, Label, Static

from spinejournal import clock
from spinejournal.model import MAX_NAME, Medication
from spinejournal.text import printable
from spinejournal.tui.forms import day_field
from spinejournal.tui.safe_text import ControlPictures
from spinejournal.tui.screens.dialog import FormDialog
from spinejournal.tui.widgets.picker import Picker

# How it is taken: 0 stands for "as needed", otherwise the times a day.
SCHEDULES = [(0, "as needed"), (1, "1/day"), (2, "2/day"), (3, "3/day"), (4, "4/day")]


class MedicationDialog(FormDialog[tuple[Medication, date]]):
    """Returns the medication as typed and the date it starts (or the new dose starts) on.

    Changing one keeps its name and id; the store ends the old record on that date and starts the
    new dose then, so every dose keeps its dates. The dose is written as on the box, never judged.
    """

    def __init__(
        self,
        medication: Medication | None = None,
        commit: Callable[[tuple[Medication, date]], None] | None = None,
    ) -> None:
        super().__init__(commit)
        self._medication = medication
        self.heading = "Change dose or schedule" if medication else "Add a medication to your list"

    def compose_fields(self) -> ComposeResult:
        m = self._medication
        with Grid(classes="form-grid"):
            yield Label("Name")
            if m is None:
                yield Input(
                    placeholder="e.g. Ibuprofen",
                    id="name",
                    compact=True,
                    max_length=MAX_NAME,
                    highlighter=ControlPictures(),
                )
            else:
                # The person's own words: plain Content, control characters made visible.
                yield Static(Content(printable(m.name, single_line=True)), id="name-shown")
            yield Label("Dose")
            yield Input(
                m.dose if m else "",
                placeholder="as on the box, e.g. 200 mg",
                id="dose",
                compact=True,
                max_length=MAX_NAME,
                highlighter=ControlPictures(),
            )
            yield Label("How taken")
            current = 0 if m is None or m.as_needed else (m.per_day or 1)
            yield Picker(SCHEDULES, current, id="schedule")
            yield Label("From")
            yield Input(
                clock.today().isoformat(),
                placeholder="YYYY-MM-DD",
                id="from",
                compact=True,
                highlighter=ControlPictures(),
            )

    def on_mount(self) -> None:
        self.query_one("#dose" if self._medication else "#name", Input).focus()

    def build(self) -> tuple[Medication, date]:
        m = self._medication
        on = day_field("start date", self.query_one("#from", Input).value)
        per_day = self.query_one("#schedule", Picker).value
        assert isinstance(per_day, int)
        medication = Medication(
            name=m.name if m else self.query_one("#name", Input).value,
            start=m.start if m else on,
            dose=self.query_one("#dose", Input).value,
            per_day=per_day or None,
            as_needed=per_day == 0,
            id=m.id if m else 0,
        )
        return medication, on
