"""What every dialog shares: a bordered box in the middle of the dimmed screen, a title, buttons."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

R = TypeVar("R")


class Dialog(ModalScreen[R]):
    """A modal screen drawn as a box: ``Vertical(classes="dialog")`` holding a ``dialog-title``
    and a ``dialog-buttons`` row.

    The look is here rather than in app.tcss: Textual parses every rule of app.tcss before the
    first screen appears, and these are only needed once a dialog opens.
    """

    DEFAULT_CSS = """
    .dialog {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }

    .dialog-title {
        text-style: bold;
        color: $text-primary;
        padding-bottom: 1;
    }

    .dialog-buttons {
        height: 1;
        margin-top: 1;
        align-horizontal: right;
    }

    .dialog-buttons Button {
        margin-left: 2;
    }
    """
