"""A question with a few answers, each with its own key; Escape picks the last (the safe one)."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from spinejournal.tui.screens.modal import Dialog


class ConfirmScreen(Dialog[str]):
    """Returns the id of the chosen answer. ``choices`` are ``(id, label, key)``; the last one is the
    answer Escape gives, so put the harmless choice ("Stay", "Cancel") last.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "choose_last", "Cancel")]

    def __init__(self, title: str, message: str, choices: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self._title = title
        self._message = message
        self._choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self._title), classes="dialog-title")
            # The message may quote the person's own words (an exercise name): plain Content.
            yield Static(Content(self._message), id="confirm-message")
            with Horizontal(classes="dialog-buttons"):
                for index, (choice, label, key) in enumerate(self._choices):
                    yield Button(
                        f"{label}  {'esc' if key == 'escape' else key}",
                        id=f"choice-{choice}",
                        variant="primary" if index == 0 else "default",
                        compact=True,
                    )

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_key(self, event: events.Key) -> None:
        for choice, _, key in self._choices:
            if event.key == key:
                event.stop()
                self.dismiss(choice)
                return

    def action_choose_last(self) -> None:
        self.dismiss(self._choices[-1][0])

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        assert event.button.id is not None
        self.dismiss(event.button.id.removeprefix("choice-"))
