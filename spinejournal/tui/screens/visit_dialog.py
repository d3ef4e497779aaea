"""Record a therapy visit: its date (visits define "since the last visit") and a note."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Input, Label

from spinejournal import clock
from spinejournal.model import Visit
from spinejournal.tui.forms import past_day_field
from spinejournal.tui.safe_text import ControlPictures
from spinejournal.tui.screens.dialog import FormDialog


class VisitDialog(FormDialog[Visit]):
    """Returns the visit typed; a visit on a date already recorded replaces its note."""

    heading = "Record a therapy visit"

    def __init__(self, commit: Callable[[Visit], None] | None = None) -> None:
        super().__init__(commit)

    def compose_fields(self) -> ComposeResult:
        with Grid(classes="form-grid"):
            yield Label("Date")
            yield Input(
                clock.today().isoformat(),
                placeholder="YYYY-MM-DD, today or yesterday",
                id="date",
                compact=True,
                highlighter=ControlPictures(),
            )
            yield Label("Note")
            yield Input(
                placeholder="optional, e.g. new exercise added",
                id="note",
                compact=True,
                max_length=2000,
                highlighter=ControlPictures(),
            )

    def on_mount(self) -> None:
        self.query_one("#date", Input).focus()

    def build(self) -> Visit:
        return Visit(
            date=past_day_field("visit date", self.query_one("#date", Input).value),
            note=self.query_one("#note", Input).value.strip(),
        )
