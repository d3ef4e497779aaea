"""Plan: the therapist's home exercise program (add, edit and retire exercises) and the medication
list (add, stop, change dose)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from spinejournal import clock
from spinejournal.model import Exercise, JournalData, Medication, ValidationError
from spinejournal.store import JournalConflictError, JournalError
from spinejournal.text import printable, shorten
from spinejournal.tui.app import SpineJournalApp
from spinejournal.tui.forms import human_date
from spinejournal.tui.screens.confirm import ConfirmScreen
from spinejournal.tui.screens.exercise_dialog import ExerciseDialog
from spinejournal.tui.screens.medication_dialog import MedicationDialog
from spinejournal.tui.widgets.key_bar import KeyBar
from spinejournal.tui.widgets.navbar import NavBar


def _name(exercise: Exercise) -> str:
    """The exercise's name as safe plain text (it may hold anything the person typed)."""
    return printable(exercise.name, single_line=True)


def _is_current(exercise: Exercise) -> bool:
    return exercise.end is None or exercise.end > clock.today()


def _med_name(medication: Medication) -> str:
    return printable(medication.name, single_line=True)


class PlanScreen(Screen[None]):
    """The exercises of the plan, current first; the highlighted one's instructions below."""

    # Here rather than in app.tcss, which is parsed before the first screen appears.
    DEFAULT_CSS = """
    .screen-intro {
        height: auto;
        padding: 0 1;
    }

    #plan-table, #meds-table {
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
        Binding("m", "add_medication", "Add med"),
        Binding("s", "stop_medication", "Stop med"),
        Binding("c", "change_medication", "Change dose"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._data: JournalData | None = None
        self._shown: list[Exercise] = []
        self._meds: list[Medication] = []

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
        meds: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="meds-table")
        meds.add_column("Medication", key="name")
        meds.add_column("Dose, how taken", key="prescription")
        meds.add_column("Status", key="status")
        yield meds
        yield KeyBar()

    def on_mount(self) -> None:
        self._refresh_data()
        self.query_one("#plan-table", DataTable).focus()

    def on_screen_resume(self) -> None:
        self._refresh_data()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add", "edit", "retire", "add_medication"):
            return not self.journal_app.read_only
        if action in ("stop_medication", "change_medication"):
            return not self.journal_app.read_only and self.focused is self.query_one("#meds-table")
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()  # stopping and changing a medication apply to its table only

    def _refresh_data(self, *, select: int | None = None, force: bool = False) -> None:
        data = self.journal_app.data()
        if data is self._data and select is None and not force:
            return
        self._data = data
        self._fill_medications(data)
        table = self.query_one("#plan-table", DataTable)
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

    def _fill_medications(self, data: JournalData) -> None:
        table = self.query_one("#meds-table", DataTable)
        today = clock.today()
        # Current ones first; each earlier dose stays listed, dimmed, with its dates.
        self._meds = sorted(
            data.medications, key=lambda m: (not (m.end is None or m.end > today), m.name.casefold(), m.start)
        )
        table.clear()
        for m in self._meds:
            current = m.end is None or m.end > today
            status = f"since {m.start}" if current else f"{m.start} to {m.end}"
            style = "" if current else "dim"
            table.add_row(
                Text(_med_name(m), style=style),
                Text(m.prescription or "–", style=style),
                Text(status, style=style),
                key=str(m.id),
            )

    def _highlighted_medication(self) -> Medication | None:
        table = self.query_one("#meds-table", DataTable)
        if not self._meds or not 0 <= table.cursor_row < len(self._meds):
            return None
        return self._meds[table.cursor_row]

    def _highlighted(self) -> Exercise | None:
        table = self.query_one("#plan-table", DataTable)
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

    @on(DataTable.RowHighlighted, "#plan-table")
    def _moved(self) -> None:
        self._show_detail()

    @on(DataTable.RowSelected, "#plan-table")
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

    def action_add_medication(self) -> None:
        if self.journal_app.refuse_read_only():
            return

        def commit(typed: tuple[Medication, date]) -> None:
            stored = self.journal_app.journal.add_medication(typed[0])
            self.notify(f"Added {_med_name(stored)} to your medications.", markup=False)
            self._refresh_data(force=True)

        self.app.push_screen(MedicationDialog(commit=commit))

    def action_change_medication(self) -> None:
        medication = self._highlighted_medication()
        if self.journal_app.refuse_read_only() or medication is None:
            return

        def commit(typed: tuple[Medication, date]) -> None:
            changed, on = typed
            try:
                self.journal_app.journal.change_medication(changed, on, expected=medication)
            except JournalConflictError:
                self._refresh_data(force=True)  # the dialog says what happened
                raise
            self.notify(
                f"{_med_name(changed)}: {changed.prescription or 'changed'} from {human_date(on)}.", markup=False
            )
            self._refresh_data(force=True)

        self.app.push_screen(MedicationDialog(medication, commit=commit))

    def action_stop_medication(self) -> None:
        medication = self._highlighted_medication()
        if self.journal_app.refuse_read_only() or medication is None:
            return
        today = clock.today()
        if medication.end is not None and medication.end <= today:
            self.notify(f"{_med_name(medication)} is already stopped.", markup=False)
            return

        def decided(choice: str | None) -> None:
            if choice != "stop":
                return
            try:
                self.journal_app.journal.stop_medication(medication.id, today, expected=medication)
            except (ValidationError, JournalError) as exc:
                self.journal_app.show_error(exc)
                if isinstance(exc, JournalConflictError):
                    self._refresh_data(force=True)
                return
            self.notify(f"Stopped {_med_name(medication)} from {human_date(today)}.", markup=False)
            self._refresh_data(force=True)

        self.app.push_screen(
            ConfirmScreen(
                "Stop this medication?",
                f"{_med_name(medication)} leaves your list from today ({human_date(today)}). "
                "The days you logged it keep their history.",
                [("stop", "Stop", "s"), ("cancel", "Cancel", "escape")],
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
            yield SystemCommand("Add a medication", "Add one to your medication list (m)", self.action_add_medication)
