"""History: a month calendar coloured by pain, the day under the cursor, and a table of all days."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.style import Style as RichStyle
from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from spinejournal import clock
from spinejournal.model import Day, JournalData
from spinejournal.store import JournalConflictError, JournalError
from spinejournal.text import printable, shorten
from spinejournal.tui.app import SpineJournalApp
from spinejournal.tui.forms import human_date
from spinejournal.tui.screens.confirm import ConfirmScreen
from spinejournal.tui.screens.today import TodayScreen
from spinejournal.tui.widgets.day_summary import DaySummary
from spinejournal.tui.widgets.key_bar import KeyBar
from spinejournal.tui.widgets.navbar import NavBar
from spinejournal.tui.widgets.pain_calendar import PainCalendar


def _opt(value: int | None) -> str:
    return "–" if value is None else str(value)


# The letter of each treatment kind in History's table (the day's summary names them in full).
THERAPY_LETTERS = {"heat": "H", "ice": "I", "tens": "T", "massage": "M"}


def _therapy_cell(day: Day) -> str:
    """Minutes of each kind of treatment that day, e.g. "H20 T30"."""
    minutes = {kind: sum(s.minutes for s in day.sessions if s.kind == kind) for kind in THERAPY_LETTERS}
    return " ".join(f"{THERAPY_LETTERS[kind]}{total}" for kind, total in minutes.items() if total) or "–"


def _exercise_cell(day: Day) -> str:
    if not day.exercises:
        return "–"
    return f"{sum(log.credit for log in day.exercises):g}/{len(day.exercises)}"


class HistoryScreen(Screen[None]):
    """Browse past days; Enter opens the highlighted day in the day form."""

    # Here rather than in app.tcss, which is parsed before the first screen appears.
    DEFAULT_CSS = """
    #history-top {
        height: 10;
    }

    #days-table {
        height: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("delete", "delete_day", "Delete day")]

    def __init__(self) -> None:
        super().__init__()
        self._data: JournalData | None = None

    journal_app = getters.app(SpineJournalApp)

    def compose(self) -> ComposeResult:
        yield NavBar()
        with Horizontal(id="history-top"):
            yield PainCalendar({}, clock.today(), id="calendar")
            yield DaySummary(id="day-summary")
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="days-table")
        table.add_column("Date", key="date")
        table.add_column("Avg", key="avg")
        table.add_column("Wst", key="worst")
        table.add_column("Lst", key="least")
        table.add_column("Treatments", key="therapy")
        table.add_column("Ex", key="exercises")
        table.add_column("Walk", key="walk")
        table.add_column("!", key="flag")
        table.add_column("Notes", key="notes")
        yield table
        yield KeyBar()

    def on_mount(self) -> None:
        self._refresh_data()
        self.query_one(PainCalendar).focus()

    def on_screen_resume(self) -> None:
        self._refresh_data()

    def _refresh_data(self) -> None:
        data = self.journal_app.data()
        if data is self._data:
            return  # the journal's snapshot is cached: same object, nothing changed
        old, self._data = self._data, data
        calendar = self.query_one(PainCalendar)
        calendar.set_days({d.date: d for d in data.days})
        if self._data.days and calendar.selected > clock.today():
            calendar.selected = data.days[-1].date
        self._fill_table(old, data)
        self._show(calendar.selected)

    def _cells(self, day: Day) -> tuple[Text, ...]:
        error = Color.parse(self.app.theme_variables.get("error", "red")).rich_color
        return (
            Text(f"{day.date:%a} {day.date.isoformat()}"),
            Text(_opt(day.pain_avg), justify="right"),
            Text(_opt(day.pain_worst), justify="right"),
            Text(_opt(day.pain_least), justify="right"),
            Text(_therapy_cell(day)),
            Text(_exercise_cell(day)),
            Text(_opt(day.mobility.walk), justify="right"),
            Text("!", style=RichStyle(bold=True, color=error)) if day.red_flags else Text(""),
            # The person's own words: rich Text (never markup), control characters made visible.
            Text(shorten(printable(day.notes, single_line=True), 32)),
        )

    def _fill_table(self, old: JournalData | None, new: JournalData) -> None:
        """Show ``new`` in the table, touching only the rows that changed since ``old``.

        A save changes one day; rebuilding every row of a 10-year journal took most of a second.
        """
        table: DataTable[Text] = self.query_one(DataTable)
        if old is None:
            for day in reversed(new.days):
                table.add_row(*self._cells(day), key=day.date.isoformat())
            return
        before = {d.date: d for d in old.days}
        after = {d.date: d for d in new.days}
        for gone in before.keys() - after.keys():
            table.remove_row(gone.isoformat())
        added = False
        for when, day in after.items():
            previous = before.get(when)
            if previous is None:
                table.add_row(*self._cells(day), key=when.isoformat())
                added = True
            elif previous is not day and previous != day:
                for column, cell in zip(table.columns, self._cells(day), strict=True):
                    table.update_cell(when.isoformat(), column, cell)
        if added:  # new rows were appended at the end: put them back in order, newest first
            table.sort("date", key=lambda cell: cell.plain[4:], reverse=True)

    def _show(self, on: date) -> None:
        data = self._data or JournalData()
        self.query_one(DaySummary).show(
            on, data.day(on), data.exercises, read_only=self.journal_app.read_only, medications=data.medications
        )

    @on(PainCalendar.Highlighted)
    def _calendar_moved(self, event: PainCalendar.Highlighted) -> None:
        self._show(event.date)
        self.refresh_bindings()  # "Delete day" is offered only on a logged day
        table = self.query_one(DataTable)
        try:
            row = table.get_row_index(event.date.isoformat())
        except RowDoesNotExist:
            return
        if table.cursor_row != row:
            table.move_cursor(row=row)

    @on(DataTable.RowHighlighted, "#days-table")
    def _row_moved(self, event: DataTable.RowHighlighted) -> None:
        # Only the person moving in the table moves the calendar (not the table being refilled).
        if self.focused is event.data_table and event.row_key.value is not None:
            self.query_one(PainCalendar).selected = date.fromisoformat(event.row_key.value)

    @on(DataTable.RowSelected, "#days-table")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.open_day(date.fromisoformat(event.row_key.value))

    @on(PainCalendar.Chosen)
    def _calendar_chosen(self, event: PainCalendar.Chosen) -> None:
        self.open_day(event.date)

    def _selected_day(self) -> Day | None:
        return (self._data or JournalData()).day(self.query_one(PainCalendar).selected)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "delete_day":
            return not self.journal_app.read_only and self._selected_day() is not None
        return True

    def action_delete_day(self) -> None:
        """Delete the selected day, after asking (a day logged by mistake, or on the wrong date)."""
        day = self._selected_day()
        if day is None or self.journal_app.refuse_read_only():
            return

        def decided(choice: str | None) -> None:
            if choice != "delete":
                return
            try:
                deleted = self.journal_app.journal.delete_day(day.date, expected=day)
            except JournalError as exc:
                self.journal_app.show_error(exc)
                if isinstance(exc, JournalConflictError):
                    self._refresh_data()
                    self.refresh_bindings()
                return
            if deleted:
                self.notify(f"Deleted {human_date(day.date)}.", markup=False)
            self._refresh_data()
            self.refresh_bindings()

        self.app.push_screen(
            ConfirmScreen(
                "Delete this day?",
                f"{human_date(day.date)} ({day.pain_words}) will be removed from your journal.",
                [("delete", "Delete", "d"), ("keep", "Keep", "escape")],
            ),
            decided,
        )

    def open_day(self, on: date) -> None:
        """Open a day in the day form: today's in the Today section, others over this screen."""
        if on > clock.today():
            self.notify(f"{human_date(on)} is in the future: it can be logged once it comes.", markup=False)
            return
        if on == clock.today() and any(s.mode == "today" for s in self.journal_app.sections):
            self.app.switch_mode("today")
            return
        if self.journal_app.read_only and self._data is not None and self._data.day(on) is None:
            self.notify(f"{human_date(on)} was not logged.", markup=False)
            return
        self.app.push_screen(TodayScreen(on))
