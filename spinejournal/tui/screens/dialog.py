"""The base of every small form shown over a screen: check, commit, and only then close."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Static

from spinejournal.model import ValidationError
from spinejournal.store import JournalError
from spinejournal.text import printable
from spinejournal.tui.screens.modal import Dialog

T = TypeVar("T")


class FormDialog(Dialog[T | None], Generic[T]):
    """A modal form. Save checks the fields with the model, then calls ``commit`` (e.g. a journal
    write); any error is shown in the dialog in one line and nothing typed is lost. Escape cancels.
    """

    DEFAULT_CSS = """
    .form-grid {
        grid-size: 2;
        grid-columns: 16 1fr;
        grid-rows: auto;
        grid-gutter: 1 1;
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    heading: str = ""

    def __init__(self, commit: Callable[[T], None] | None = None) -> None:
        super().__init__()
        self._commit = commit

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.heading), classes="dialog-title")
            yield from self.compose_fields()
            yield Static("", id="dialog-error", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="dialog-save", compact=True)
                yield Button("Cancel  esc", id="dialog-cancel", compact=True)

    def compose_fields(self) -> ComposeResult:
        """The dialog's own fields. For subclasses."""
        yield from ()

    def build(self) -> T:
        """Read the fields into a model object, raising ValidationError. For subclasses."""
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        error = self.query_one("#dialog-error", Static)
        error.update(Content(printable(message)))  # errors may quote what was typed
        error.display = bool(message)

    def on_mount(self) -> None:
        self.show_error("")

    def action_save(self) -> None:
        try:
            value = self.build()
            if self._commit is not None:
                self._commit(value)
        except (ValidationError, JournalError) as exc:
            self.show_error(str(exc))
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#dialog-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#dialog-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        # Enter in a one-line field saves, as in most dialogs.
        self.action_save()
