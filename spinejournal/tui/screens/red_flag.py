"""Shown at once when a red flag is ticked: calm, plain guidance on getting checked."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from spinejournal.clinical import RED_FLAG_NOTE, RED_FLAGS_BY_ID, URGENCY_ADVICE, URGENCY_TITLE, most_urgent
from spinejournal.tui.screens.modal import Dialog


class RedFlagScreen(Dialog[None]):
    """The urgent-care guidance for the ticked flags (wording from ``spinejournal.clinical``)."""

    DEFAULT_CSS = """
    .red-flag {
        border: thick $error;
    }

    .red-flag .dialog-title {
        color: $text-error;
    }

    #red-flag-advice {
        text-style: bold;
        padding-bottom: 1;
    }

    #red-flag-list {
        padding-bottom: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter", "close", "I understand")]

    def __init__(self, flags: tuple[str, ...], *, saved: bool = False) -> None:
        super().__init__()
        self.flags = flags
        self.saved = saved

    def compose(self) -> ComposeResult:
        level = most_urgent(self.flags)
        assert level is not None, "shown only when a red flag is ticked"
        with Vertical(classes="dialog red-flag"):
            yield Static(Content(URGENCY_TITLE[level]), classes="dialog-title", id="red-flag-title")
            yield Static(Content(URGENCY_ADVICE[level]), id="red-flag-advice")
            yield Static(
                Content("\n".join(f"• {RED_FLAGS_BY_ID[f].label}" for f in self.flags)),
                id="red-flag-list",
            )
            yield Static(Content(RED_FLAG_NOTE), classes="hint")
            keep = (
                "It is saved in your journal and marked on this day."
                if self.saved
                else "Your entry is kept as typed: save it with ctrl+s so the day is marked."
            )
            yield Static(Content(keep), classes="hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("I understand", variant="error", id="red-flag-ok", compact=True)

    def on_mount(self) -> None:
        self.query_one("#red-flag-ok", Button).focus()

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#red-flag-ok")
    def _ok(self) -> None:
        self.dismiss(None)
