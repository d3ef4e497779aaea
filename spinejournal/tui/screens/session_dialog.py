"""Add or edit one treatment session (heat, ice, TENS, massage): minutes, where, pain before and
about 30 minutes after."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid
from textual.content import Content
from textual.widgets import Input, Label, Select, Static

from spinejournal.clinical import HEAT_ICE_SAFETY, HEAT_ICE_WARN_MINUTES
from spinejournal.model import HEAT_ICE_KINDS, REGIONS, THERAPY_KINDS, TherapySession, treatment_name
from spinejournal.tui.forms import optional_int, required_int
from spinejournal.tui.safe_text import ControlPictures
from spinejournal.tui.screens.dialog import FormDialog
from spinejournal.tui.widgets.pain_scale import PainScale
from spinejournal.tui.widgets.picker import Picker


class SessionDialog(FormDialog[TherapySession]):
    """Returns the session (or None when cancelled); a long heat or ice session gets a gentle warning."""

    def __init__(
        self,
        session: TherapySession | None = None,
        commit: Callable[[TherapySession], None] | None = None,
    ) -> None:
        super().__init__(commit)
        self._session = session
        self.heading = "Edit treatment" if session else "Add a treatment"

    def compose_fields(self) -> ComposeResult:
        s = self._session
        with Grid(classes="form-grid"):
            yield Label("Treatment")
            yield Picker(list(THERAPY_KINDS.items()), s.kind if s else "heat", id="kind")
            yield Label("Minutes")
            yield Input(
                str(s.minutes) if s else "",
                placeholder="e.g. 15",
                type="integer",
                id="minutes",
                compact=True,
                max_length=3,
            )
            yield Label("Where")
            yield Select(
                [(label, key) for key, label in REGIONS.items()],
                value=s.region if s and s.region else Select.NULL,
                prompt="(not given)",
                id="region",
                compact=True,
            )
            yield Label("Pain before")
            yield PainScale(s.pain_before if s else None, id="pain-before")
            yield Label("Pain after")
            yield PainScale(s.pain_after if s else None, id="pain-after", tooltip="About 30 minutes after")
            yield Label("Skin note")
            yield Input(
                s.skin_note if s else "",
                placeholder="optional, e.g. a bit red",
                id="skin-note",
                compact=True,
                highlighter=ControlPictures(),
            )
        yield Static("", id="long-warning", classes="form-warning")

    def on_mount(self) -> None:
        self._update_warning()
        self.query_one("#minutes", Input).focus()

    @on(Input.Changed, "#minutes")
    @on(Picker.Changed, "#kind")
    def _update_warning(self) -> None:
        try:
            minutes = optional_int("minutes", self.query_one("#minutes", Input).value)
        except ValueError:
            minutes = None
        warning = self.query_one("#long-warning", Static)
        # The advised time and the safety words are about heat and ice only.
        heat_or_ice = self.query_one("#kind", Picker).value in HEAT_ICE_KINDS
        long = heat_or_ice and minutes is not None and minutes > HEAT_ICE_WARN_MINUTES
        # A gentle note, never a refusal: the session is still saved as typed.
        warning.update(
            Content(f"Longer than the {HEAT_ICE_WARN_MINUTES} minutes usually advised. {HEAT_ICE_SAFETY}")
            if long
            else Content("")
        )
        warning.display = long

    def build(self) -> TherapySession:
        kind = self.query_one("#kind", Picker).text or "heat"
        region = self.query_one("#region", Select).value
        return TherapySession(
            kind=kind,
            minutes=required_int(f"{treatment_name(kind)} minutes", self.query_one("#minutes", Input).value),
            region=None if region is Select.NULL else str(region),
            pain_before=self.query_one("#pain-before", PainScale).number,
            pain_after=self.query_one("#pain-after", PainScale).number,
            skin_note=self.query_one("#skin-note", Input).value.strip(),
        )
