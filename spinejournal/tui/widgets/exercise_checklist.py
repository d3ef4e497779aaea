"""The home exercise plan as a checklist: done, partly done or skipped (with a reason) for each."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label, Static

from spinejournal.model import EXERCISE_STATUSES, SKIP_REASONS, Exercise
from spinejournal.text import printable
from spinejournal.tui.widgets.picker import Picker

# Short labels keep a row within 80 columns ("Partly done" becomes "partly").
_STATUS_LABELS = {key: label.split()[0].lower() for key, label in EXERCISE_STATUSES.items()}

Entry = tuple[str | None, str | None]  # (status, reason)


class ExerciseRow(Vertical):
    """One exercise: its name and dose, then the status and, when not done, why."""

    def __init__(self, exercise: Exercise, status: str | None, reason: str | None, *, read_only: bool) -> None:
        super().__init__(classes="exercise-row")
        self.exercise = exercise
        # Made here, not in compose: the row answers `entry` even before it is mounted (its tab
        # may never have been shown).
        self._status = Picker(
            [(None, "–"), *_STATUS_LABELS.items()],
            status,
            classes="exercise-status",
            disabled=read_only,
            tooltip="Done, partly done or skipped",
        )
        self._reason = Picker(
            [(None, "–"), *SKIP_REASONS.items()], reason, classes="exercise-reason", disabled=read_only
        )

    def compose(self) -> ComposeResult:
        # The name is the person's own text: a plain Content, never markup.
        name = Content(printable(self.exercise.name, single_line=True)).stylize("bold")
        yield Label(Content.assemble(name, "  ", (self.exercise.dose, "dim")), classes="exercise-name")
        with Horizontal(classes="exercise-controls"):
            yield self._status
            yield Label("why:", classes="reason-label")
            yield self._reason

    def on_mount(self) -> None:
        self._show_reason()

    @property
    def entry(self) -> Entry:
        status = self._status.text
        # A reason only applies to a skipped or partly done exercise.
        return (status, self._reason.text if status in ("partial", "skipped") else None)

    @on(Picker.Changed, ".exercise-status")
    def _show_reason(self) -> None:
        shown = self._status.text in ("partial", "skipped")
        self._reason.display = shown
        self.query_one(".reason-label", Label).display = shown


class ExerciseChecklist(Vertical):
    """All exercises of the plan on one day. Works before it is mounted: it keeps its rows."""

    DEFAULT_CSS = """
    .exercise-row {
        height: auto;
        padding: 0 1;
    }

    .exercise-controls {
        height: 1;
        padding-left: 2;
    }

    .reason-label {
        padding: 0 1;
        color: $text-muted;
    }

    .exercise-row.-field-focused .exercise-name {
        color: $accent;
    }
    """

    def __init__(self, *, read_only: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self._read_only = read_only
        self._rows: list[ExerciseRow] = []
        self._composed = False

    def compose(self) -> ComposeResult:
        self._composed = True
        yield Static(self._hint(), classes="hint", id="exercise-hint")
        yield from self._rows

    def _hint(self) -> str:
        if self._rows:
            return "Left/right: done, partly, skipped. Tab to the next exercise."
        return "No exercises in your plan yet: add them on the Plan screen (key p)."

    async def set_plan(self, exercises: Sequence[Exercise], entries: dict[int, Entry]) -> None:
        """Show ``exercises`` with the given statuses (by exercise id)."""
        old = self._rows
        self._rows = [ExerciseRow(e, *entries.get(e.id, (None, None)), read_only=self._read_only) for e in exercises]
        if not self._composed:
            return  # compose shows the new rows
        await self.remove_children(old)
        self.query_one("#exercise-hint", Static).update(self._hint())
        await self.mount_all(self._rows)

    def entries(self) -> dict[int, Entry]:
        """The status and reason chosen for each shown exercise, by id (None when not ticked)."""
        return {row.exercise.id: row.entry for row in self._rows}
