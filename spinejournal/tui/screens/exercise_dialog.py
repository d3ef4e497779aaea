"""Add or edit one exercise of the home program, as the therapist prescribed it."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal
from textual.widgets import Input, Label

from spinejournal import clock
from spinejournal.model import Exercise
from spinejournal.tui.forms import day_field, optional_int, required_int
from spinejournal.tui.safe_text import ControlPictures
from spinejournal.tui.screens.dialog import FormDialog
from spinejournal.tui.widgets.safe_text_area import SafeTextArea


def _text(value: int | None) -> str:
    return "" if value is None else str(value)


class ExerciseDialog(FormDialog[Exercise]):
    """Returns the exercise typed (with the id of the one edited, or 0 for a new one)."""

    DEFAULT_CSS = """
    #dose-row {
        height: 1;
    }

    #dose-row Input {
        width: 5;
    }

    #dose-row .unit {
        padding: 0 2 0 1;
        color: $text-muted;
    }

    .dialog #instructions {
        height: 4;
        border: none;
    }
    """

    def __init__(self, exercise: Exercise | None = None, commit: Callable[[Exercise], None] | None = None) -> None:
        super().__init__(commit)
        self._exercise = exercise
        self.heading = "Edit exercise" if exercise else "Add an exercise to your plan"

    def compose_fields(self) -> ComposeResult:
        e = self._exercise
        with Grid(classes="form-grid"):
            yield Label("Name")
            yield Input(
                e.name if e else "",
                placeholder="e.g. Pelvic tilt",
                id="name",
                compact=True,
                max_length=80,
                highlighter=ControlPictures(),
            )
            yield Label("Dose")
            with Horizontal(id="dose-row"):
                for widget_id, label, value in (
                    ("sets", "sets", e.sets if e else None),
                    ("reps", "reps", e.reps if e else None),
                    ("hold", "hold s", e.hold_seconds if e else None),
                    ("per-week", "times/week", e.times_per_week if e else 7),
                ):
                    yield Input(_text(value), type="integer", id=widget_id, compact=True, max_length=3)
                    yield Label(label, classes="unit")
            yield Label("Start date")
            yield Input(
                (e.start if e else clock.today()).isoformat(),
                placeholder="YYYY-MM-DD",
                id="start",
                compact=True,
                highlighter=ControlPictures(),
            )
            yield Label("Instructions")
            yield SafeTextArea(e.instructions if e else "", id="instructions", placeholder="How to do it")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def build(self) -> Exercise:
        def number(widget_id: str, field: str) -> int | None:
            return optional_int(field, self.query_one(f"#{widget_id}", Input).value)

        old = self._exercise
        return Exercise(
            name=self.query_one("#name", Input).value,
            start=day_field("start date", self.query_one("#start", Input).value),
            times_per_week=required_int("times per week", self.query_one("#per-week", Input).value),
            sets=number("sets", "sets"),
            reps=number("reps", "reps"),
            hold_seconds=number("hold", "hold"),
            instructions=self.query_one("#instructions", SafeTextArea).text.strip(),
            end=old.end if old else None,
            id=old.id if old else 0,
        )
