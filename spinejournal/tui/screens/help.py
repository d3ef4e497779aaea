"""Keys and a short plain-language guide: what the numbers mean, heat and ice safety, red flags."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from spinejournal.clinical import HEAT_ICE_SAFETY, PAIN_SCALE_HELP, RED_FLAG_NOTE
from spinejournal.tui.screens.modal import Dialog

_KEYS = (
    ("ctrl+s", "save the day you are editing"),
    ("x", "on Today: a guided exercise session (space counts each rep)"),
    ("0-9", "set the pain scale you are on; → raises it by one (9 then → is 10)"),
    ("← →", "change a choice; space ticks or unticks a box"),
    ("tab", "next field (shift+tab goes back); ↑ ↓ move between pain scales"),
    ("enter", "open or edit what is highlighted in a table or calendar"),
    ("esc", "back, or close a window"),
    ("ctrl+p", "search every action (command palette)"),
    ("? or F1", "this help"),
    ("ctrl+q", "quit (asks first if something is not saved)"),
)

# The keys of each place, by where they work: (heading, ((key, what it does), ...)).
_PLACES = (
    (
        "Today: the Treatments tab",
        (
            ("a", "add a treatment: heat, ice, TENS or massage"),
            ("del", "remove the highlighted treatment"),
        ),
    ),
    (
        "Today: the Meds tab",
        (
            ("space", "tick or untick a scheduled medication as taken"),
            ("+ -", "count one more or one less dose of an as-needed medication"),
        ),
    ),
    (
        "Today: sleep and mood (Mobility tab)",
        (
            ("← →", "hours slept up or down by half an hour"),
            ("0-9", "type the hours slept; '.' adds the half hour"),
            ("0-9", "mood and sleep quality, as for pain"),
            ("backspace", "clear the hours slept (not given)"),
        ),
    ),
    (
        "Visits",
        (
            ("a", "record a therapy visit"),
            ("n / r", "add a PSFS activity / rate the activities"),
            ("c", "add a care event (surgery, injection, imaging, diagnosis)"),
            ("s", "record a PEG-3 score"),
            ("i", "record a PGIC rating (your impression of change)"),
            ("del", "remove the highlighted visit, care event, PEG-3 or PGIC"),
        ),
    ),
    (
        "Plan",
        (
            ("a / r", "add an exercise / retire the highlighted one"),
            ("m", "add a medication"),
            ("c", "change the highlighted medication's dose from a date"),
            ("s", "stop the highlighted medication (what was taken stays)"),
        ),
    ),
)


def _heading(text: str) -> Content:
    return Content.styled(text, "bold $accent")


class HelpScreen(Dialog[None]):
    """The help window: keys of every section, and the guide."""

    DEFAULT_CSS = """
    .help {
        width: 90;
        height: 90%;
    }

    #help-body {
        height: 1fr;
    }

    #help-body .help-heading {
        padding: 0 1;
    }

    #help-body .help-text {
        padding: 0 1 1 1;
    }

    .help-keys {
        grid-size: 2;
        grid-columns: 10 1fr;
        grid-rows: auto;
        height: auto;
        padding: 0 1 1 1;
    }

    .help-keys Label {
        width: 1fr;
        padding: 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,f1,q", "close", "Close")]

    def compose(self) -> ComposeResult:
        sections = getattr(self.app, "sections", ())
        keys = [(s.key, f"go to {s.title}") for s in sections] + list(_KEYS)
        with Vertical(classes="dialog help"):
            yield Static(Content("Help"), classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Static(_heading("Keys"), classes="help-heading")
                with Grid(id="help-keys", classes="help-keys"):
                    for key, what in keys:
                        yield Label(Content.styled(key, "bold"))
                        yield Label(Content(what))
                for heading, place_keys in _PLACES:
                    yield Static(_heading(heading), classes="help-heading")
                    with Grid(classes="help-keys"):
                        for key, what in place_keys:
                            yield Label(Content.styled(key, "bold"))
                            yield Label(Content(what))
                yield Static(_heading("What the numbers mean"), classes="help-heading")
                yield Static(Content(PAIN_SCALE_HELP), classes="help-text")
                yield Static(_heading("Heat and ice"), classes="help-heading")
                yield Static(Content(HEAT_ICE_SAFETY), classes="help-text")
                yield Static(_heading("Red flags"), classes="help-heading")
                yield Static(
                    Content(
                        "The Red flags tab lists symptoms that need a doctor soon. Tick one and the app "
                        "says at once how urgent it is. " + RED_FLAG_NOTE
                    ),
                    classes="help-text",
                )
                yield Static(_heading("Your data"), classes="help-heading")
                yield Static(
                    Content(
                        "Everything stays in one file on this computer (private to you). "
                        "A backup is made each day you save."
                    ),
                    classes="help-text",
                )
            yield Static(Content("esc closes"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
