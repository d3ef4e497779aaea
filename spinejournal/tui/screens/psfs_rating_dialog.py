"""Rate every PSFS activity 0-10 on one date, each on its own scale."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.containers import Grid
from textual.content import Content
from textual.widgets import Input, Label, Static

from spinejournal import clock
from spinejournal.model import PSFS_VERSIONS, PsfsActivity, PsfsRating, ValidationError
from spinejournal.text import printable, shorten
from spinejournal.tui.forms import past_day_field
from spinejournal.tui.safe_text import ControlPictures
from spinejournal.tui.screens.dialog import FormDialog
from spinejournal.tui.widgets.number_scale import NumberScale


class PsfsRatingDialog(FormDialog[list[PsfsRating]]):
    """Returns the ratings given (activities left at "–" are not rated this time)."""

    heading = "Rate your activities"

    def __init__(
        self,
        activities: Sequence[PsfsActivity],
        current: dict[int, int],
        commit: Callable[[list[PsfsRating]], None] | None = None,
    ) -> None:
        super().__init__(commit)
        self._activities = list(activities)
        self._current = current

    def compose_fields(self) -> ComposeResult:
        versions = {a.version for a in self._activities}
        yield Static(Content(" ".join(PSFS_VERSIONS[v] + "." for v in sorted(versions))), classes="hint")
        with Grid(classes="form-grid"):
            yield Label("Date")
            yield Input(clock.today().isoformat(), id="date", compact=True, highlighter=ControlPictures())
            for activity in self._activities:
                # Activity names are the person's own words: plain Content, never markup.
                yield Label(Content(shorten(printable(activity.name, single_line=True), 15)))
                yield NumberScale(self._current.get(activity.id), id=f"activity-{activity.id}")

    def on_mount(self) -> None:
        if self._activities:
            self.query_one(f"#activity-{self._activities[0].id}").focus()

    def build(self) -> list[PsfsRating]:
        on = past_day_field("rating date", self.query_one("#date", Input).value)
        ratings = []
        for activity in self._activities:
            score = self.query_one(f"#activity-{activity.id}", NumberScale).number
            if score is not None:
                ratings.append(PsfsRating(activity.id, on, score, activity.version))
        if not ratings:
            raise ValidationError("PSFS rating", "rate at least one activity (a digit key sets the score)")
        return ratings
