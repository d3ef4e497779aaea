"""Visits and goals: therapy visit dates, and the PSFS activities with their ratings."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import getters
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Label, Static

from spinejournal import clock
from spinejournal.model import JournalData, PsfsActivity, PsfsRating, Visit
from spinejournal.store import JournalConflictError, JournalError
from spinejournal.text import printable, shorten
from spinejournal.tui.app import SpineJournalApp
from spinejournal.tui.forms import human_date, short_date
from spinejournal.tui.screens.confirm import ConfirmScreen
from spinejournal.tui.screens.psfs_activity_dialog import PsfsActivityDialog
from spinejournal.tui.screens.psfs_rating_dialog import PsfsRatingDialog
from spinejournal.tui.screens.visit_dialog import VisitDialog
from spinejournal.tui.widgets.key_bar import KeyBar
from spinejournal.tui.widgets.navbar import NavBar


def _rating_cell(rating: PsfsRating | None) -> Text:
    return Text(f"{rating.score} ({rating.date.day} {rating.date:%b})" if rating else "–")


class VisitsScreen(Screen[None]):
    """Two tables side by side: visits (left) and PSFS activities (right)."""

    # Here rather than in app.tcss, which is parsed before the first screen appears.
    DEFAULT_CSS = """
    #visits-pane {
        width: 34;
    }

    #psfs-pane {
        width: 1fr;
    }

    #visits-table, #psfs-table {
        height: 1fr;
    }

    #visits-summary, #psfs-summary {
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_visit", "Add visit"),
        Binding("delete", "remove_visit", "Remove visit"),
        Binding("n", "add_activity", "New activity"),
        Binding("r", "rate", "Rate"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._data: JournalData | None = None

    journal_app = getters.app(SpineJournalApp)

    def compose(self) -> ComposeResult:
        yield NavBar()
        with Horizontal(id="visits-body"):
            with Vertical(id="visits-pane"):
                yield Label("Therapy visits", classes="subheading")
                visits: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="visits-table")
                visits.add_column("Date", key="date")
                visits.add_column("Note", key="note")
                yield visits
                yield Static(id="visits-summary", classes="hint")
            with Vertical(id="psfs-pane"):
                yield Label("Goals: activities that are hard now (PSFS)", classes="subheading")
                psfs: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="psfs-table")
                psfs.add_column("Activity", key="name")
                psfs.add_column("First", key="first")
                psfs.add_column("Latest", key="latest")
                psfs.add_column("Change", key="change")
                yield psfs
                yield Static(id="psfs-summary", classes="hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self._refresh_data()
        self.query_one("#visits-table", DataTable).focus()

    def on_screen_resume(self) -> None:
        self._refresh_data()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add_visit", "remove_visit", "add_activity", "rate"):
            if self.journal_app.read_only:
                return False
            if action == "remove_visit":
                return self.focused is self.query_one("#visits-table")
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()  # "Remove visit" applies to the visits table only

    def _refresh_data(self, *, force: bool = False) -> None:
        data = self.journal_app.data()
        if data is self._data and not force:
            return
        self._data = data
        visits = self.query_one("#visits-table", DataTable)
        visits.clear()
        for visit in reversed(data.visits):
            # Notes are the person's own words: rich Text (never markup), control characters visible.
            visits.add_row(
                Text(visit.date.isoformat()),
                Text(shorten(printable(visit.note, single_line=True), 40)),
                key=visit.date.isoformat(),
            )
        last = data.last_visit(clock.today())
        summary = "No visits recorded yet."
        if last is not None:
            days = (clock.today() - last.date).days
            ago = "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"
            summary = f"Last visit: {short_date(last.date)}, {ago}."
        self.query_one("#visits-summary", Static).update(Content(summary))
        self._fill_psfs(data)

    def _fill_psfs(self, data: JournalData) -> None:
        table = self.query_one("#psfs-table", DataTable)
        table.clear()
        latest_abilities: list[int] = []
        for activity in data.psfs_activities:
            ratings = [r for r in data.psfs_ratings if r.activity_id == activity.id]
            first, latest = (ratings[0], ratings[-1]) if ratings else (None, None)
            change = Text("–")
            if first is not None and latest is not None and latest is not first:
                # On every scale version, a positive change means the activity got easier.
                change = Text(f"{latest.ability - first.ability:+d}")
            if latest is not None:
                latest_abilities.append(latest.ability)
            table.add_row(
                Text(shorten(printable(activity.name, single_line=True), 22)),
                _rating_cell(first),
                _rating_cell(latest),
                change,
                key=str(activity.id),
            )
        summary = self.query_one("#psfs-summary", Static)
        if not data.psfs_activities:
            summary.update(Content("No activities yet. Press n to add one, e.g. 'Sit through a film'."))
        elif latest_abilities:
            mean = sum(latest_abilities) / len(latest_abilities)
            summary.update(
                Content(
                    f"Latest ratings average {mean:.1f} of 10 (10 = as before the problem). "
                    "Change: + means easier than at the first rating."
                )
            )
        else:
            summary.update(Content("Not rated yet. Press r to rate each activity from 0 to 10."))

    def _shown_visit(self, on: date) -> Visit | None:
        """The visit of ``on`` as this screen shows it."""
        return next((v for v in (self._data or JournalData()).visits if v.date == on), None)

    # Actions ------------------------------------------------------------------------------------

    def action_add_visit(self) -> None:
        if self.journal_app.refuse_read_only():
            return

        def commit(visit: Visit) -> None:
            try:
                self.journal_app.journal.save_visit(visit, expected=self._shown_visit(visit.date))
            except JournalConflictError:
                self._refresh_data(force=True)  # the dialog says what happened
                raise
            self.notify(f"Visit recorded on {human_date(visit.date)}.", markup=False)
            self._refresh_data(force=True)

        self.app.push_screen(VisitDialog(commit=commit))

    def action_remove_visit(self) -> None:
        table = self.query_one("#visits-table", DataTable)
        if self.journal_app.refuse_read_only() or not table.row_count:
            return
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        on = date.fromisoformat(str(row_key.value))

        def decided(choice: str | None) -> None:
            if choice != "remove":
                return
            try:
                self.journal_app.journal.delete_visit(on, expected=self._shown_visit(on))
            except JournalError as exc:
                self.journal_app.show_error(exc)
                if isinstance(exc, JournalConflictError):
                    self._refresh_data(force=True)
                return
            self.notify(f"Removed the visit of {human_date(on)}.", markup=False)
            self._refresh_data(force=True)

        self.app.push_screen(
            ConfirmScreen(
                "Remove this visit?",
                f"The visit of {human_date(on)} will be removed from your journal.",
                [("remove", "Remove", "r"), ("cancel", "Cancel", "escape")],
            ),
            decided,
        )

    def action_add_activity(self) -> None:
        if self.journal_app.refuse_read_only():
            return

        def commit(activity: PsfsActivity) -> None:
            stored = self.journal_app.journal.add_psfs_activity(activity)
            self.notify(f"Added the activity {printable(stored.name, single_line=True)}.", markup=False)
            self._refresh_data(force=True)

        self.app.push_screen(PsfsActivityDialog(commit=commit))

    def action_rate(self) -> None:
        if self.journal_app.refuse_read_only():
            return
        data = self.journal_app.data()
        if not data.psfs_activities:
            self.notify("Add an activity first (n).", markup=False)
            return
        today = clock.today()
        current = {r.activity_id: r.score for r in data.psfs_ratings if r.date == today}
        shown = {(r.activity_id, r.date): r for r in data.psfs_ratings}

        def commit(ratings: list[PsfsRating]) -> None:
            try:
                # A rating left as it was shown is not written: one given elsewhere meanwhile stays.
                pairs = [(r, shown.get((r.activity_id, r.date))) for r in ratings]
                self.journal_app.journal.save_psfs_ratings([(r, seen) for r, seen in pairs if r != seen])
            finally:
                self._refresh_data(force=True)
            self.notify(f"Saved {len(ratings)} rating(s) for {human_date(ratings[0].date)}.", markup=False)

        self.app.push_screen(PsfsRatingDialog(data.psfs_activities, current, commit=commit))

    def commands(self) -> Iterable[SystemCommand]:
        """Command palette entries of this screen."""
        if self.journal_app.read_only:
            return
        yield SystemCommand("Record a therapy visit", "Add a visit date and note (a)", self.action_add_visit)
        yield SystemCommand("Add a PSFS activity", "An activity that is hard now (n)", self.action_add_activity)
        yield SystemCommand("Rate PSFS activities", "Rate each activity 0-10 (r)", self.action_rate)
