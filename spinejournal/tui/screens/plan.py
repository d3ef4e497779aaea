"""Plan: the therapist's home exercise program. Add, edit and retire exercises."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from spinejournal import clock
from spinejournal.model import Exercise, JournalData, ValidationError
from spinejournal.store import JournalConflictError, JournalError
from spinejournal.text import printable, shorten
from spinejournal.tui.app import SpineJournalApp
from spinejournal.tui.forms import human_date
from spinejournal.tui.screens.confirm import ConfirmScreen
from spinejournal.tui.screens.exercise_dialog import ExerciseDialog
from spinejournal.tui.widgets.key_bar import KeyBar
from spinejournal.tui.widgets.navbar import NavBar


def _name(exercise: Exercise) -> str:
    """The exercise's name as safe plain text (it may hold anything the person typed)."""
    return printable(exercise.name, single_line=True)


def _is_current(exercise: Exercise) -> bool:
    return exercise.end is None or exercise.end > clock.today()


class PlanScreen(Screen[None]):
    """The exercises of the plan, current first; the highlighted one's instructions below."""

    # Here rather than in app.tcss, which is parsed before the first screen appears.
    DEFAULT_CSS = """
    .screen-intro {
        height: auto;
        padding: 0 1;
    }

    #plan-table {
        height: 1fr;
    }

    #plan-detail {
        height: auto;
        max-height: 8;
        padding: 0 1;
        border-top: solid $panel-lighten-2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add exercise"),
        Binding("enter", "edit", "Edit", show=False),
        Binding("r", "retire", "Retire"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._data: JournalData | None = None
        self._shown: list[Exercise] = []

    journal_app = getters.app(SpineJournalApp)

    def compose(self) -> ComposeResult:
        yield NavBar()
        yield Static(
            Content(
                "Your therapist's home exercise program. Enter edits the highlighted exercise; "
                "retired ones keep their history."
            ),
            classes="hint screen-intro",
        )
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="plan-table")
        table.add_column("Exercise", key="name")
        table.add_column("Dose", key="dose")
        table.add_column("Status", key="status")
        yield table
        yield Static(id="plan-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self._refresh_data()
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        self._refresh_data()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add", "edit", "retire"):
            return not self.journal_app.read_only
        return True

    def _refresh_data(self, *, select: int | None = None) -> None:
        data = self.journal_app.data()
        if data is self._data and select is None:
            return
        self._data = data
        table = self.query_one(DataTable)
        keep = select if select is not None else self._highlighted_id()
        self._shown = sorted(data.exercises, key=lambda e: (not _is_current(e), e.name.casefold()))
        table.clear()
        for e in self._shown:
            if _is_current(e):
                status = Text(f"since {e.start}" if e.start <= clock.today() else f"from {e.start}")
            else:
                status = Text(f"retired {e.end}", style="dim")
            # The name is the person's (or therapist's) own text: rich Text, never markup.
            name = Text(_name(e), style="" if _is_current(e) else "dim")
            table.add_row(name, Text(e.dose), status, key=str(e.id))
        if keep is not None and any(e.id == keep for e in self._shown):
            table.move_cursor(row=table.get_row_index(str(keep)))
        self._show_detail()

    def _highlighted(self) -> Exercise | None:
        table = self.query_one(DataTable)
        if not self._shown or not 0 <= table.cursor_row < len(self._shown):
            return None
        return self._shown[table.cursor_row]

    def _highlighted_id(self) -> int | None:
        exercise = self._highlighted()
        return exercise.id if exercise else None

    def _show_detail(self) -> None:
        detail = self.query_one("#plan-detail", Static)
        exercise = self._highlighted()
        if exercise is None:
            keys = "" if self.journal_app.read_only else " Press a to add the first one."
            detail.update(Content(f"No exercises in the plan yet.{keys}"))
            return
        how = printable(exercise.instructions) if exercise.instructions else "No instructions written down."
        detail.update(Content.assemble((_name(exercise), "bold"), f"  {exercise.dose}\n", shorten(how, 600)))

    @on(DataTable.RowHighlighted)
    def _moved(self) -> None:
        self._show_detail()

    @on(DataTable.RowSelected)
    def _chosen(self) -> None:
        self.action_edit()

    # Actions ------------------------------------------------------------------------------------

    def action_add(self) -> None:
        if self.journal_app.refuse_read_only():
            return

        def commit(exercise: Exercise) -> None:
            stored = self.journal_app.journal.add_exercise(exercise)
            self.notify(f"Added {_name(stored)} ({stored.dose}).", markup=False)
            self._refresh_data(select=stored.id)

        self.app.push_screen(ExerciseDialog(commit=commit))

    def action_edit(self) -> None:
        exercise = self._highlighted()
        if self.journal_app.read_only or exercise is None:
            return

        def commit(changed: Exercise) -> None:
            try:
                self.journal_app.journal.update_exercise(changed, expected=exercise)
            except JournalConflictError:
                self._refresh_data(select=changed.id)  # the dialog says what happened
                raise
            self.notify(f"Updated {_name(changed)}.", markup=False)
            self._refresh_data(select=changed.id)

        self.app.push_screen(ExerciseDialog(exercise, commit=commit))

    def action_retire(self) -> None:
        exercise = self._highlighted()
        if self.journal_app.refuse_read_only() or exercise is None:
            return
        if not _is_current(exercise):
            self.notify(f"{_name(exercise)} is already retired.", markup=False)
            return
        today = clock.today()

        def decided(choice: str | None) -> None:
            if choice != "retire":
                return
            try:
                retired = self.journal_app.journal.retire_exercise(exercise.id, today, expected=exercise)
            except (ValidationError, JournalError) as exc:
                self.journal_app.show_error(exc)
                if isinstance(exc, JournalConflictError):
                    self._refresh_data(select=exercise.id)
                return
            self.notify(
                f"Retired {_name(retired)}: it is no longer in the plan from {human_date(today)}.", markup=False
            )
            self._refresh_data(select=retired.id)

        self.app.push_screen(
            ConfirmScreen(
                "Retire this exercise?",
                f"{_name(exercise)} leaves your plan from today ({human_date(today)}). "
                "The days you logged it keep their history.",
                [("retire", "Retire", "r"), ("cancel", "Cancel", "escape")],
            ),
            decided,
        )

    def commands(self) -> Iterable[SystemCommand]:
        """Command palette entries of this screen."""
        if not self.journal_app.read_only:
            yield SystemCommand("Add an exercise", "Add an exercise to your plan (a)", self.action_add)
            yield SystemCommand(
                "Retire the highlighted exercise", "It leaves the plan; history stays (r)", self.action_retire
            )
