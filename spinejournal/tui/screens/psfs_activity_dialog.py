"""Add an activity to the Patient-Specific Functional Scale: something hard to do now."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Grid
from textual.content import Content
from textual.widgets import Input, Label, Static

from spinejournal import clock
from spinejournal.model import PSFS_VERSIONS, PsfsActivity
from spinejournal.tui.safe_text import ControlPictures
from spinejournal.tui.screens.dialog import FormDialog
from spinejournal.tui.widgets.picker import Picker


class PsfsActivityDialog(FormDialog[PsfsActivity]):
    """Returns the new activity (not yet stored; ``commit`` stores it)."""

    heading = "Add an activity you find hard (PSFS)"

    def __init__(self, commit: Callable[[PsfsActivity], None] | None = None) -> None:
        super().__init__(commit)

    def compose_fields(self) -> ComposeResult:
        yield Static(
            Content("Pick 3 to 5 everyday activities your pain makes hard, e.g. 'Sit through a film'."),
            classes="hint",
        )
        with Grid(classes="form-grid"):
            yield Label("Activity")
            yield Input(
                placeholder="e.g. Put on socks", id="name", compact=True, max_length=80, highlighter=ControlPictures()
            )
            yield Label("Scale")
            yield Picker([(key, f"PSFS {key}") for key in PSFS_VERSIONS], "1.0", id="version")
        yield Static(id="version-help", classes="hint")

    def on_mount(self) -> None:
        self._explain()
        self.query_one("#name", Input).focus()

    def on_picker_changed(self) -> None:
        self._explain()

    def _explain(self) -> None:
        version = self.query_one("#version", Picker).text or "1.0"
        self.query_one("#version-help", Static).update(Content(PSFS_VERSIONS[version]))

    def build(self) -> PsfsActivity:
        return PsfsActivity(
            name=self.query_one("#name", Input).value,
            version=self.query_one("#version", Picker).text or "1.0",
            created=clock.today(),
        )
