"""Visits and goals: therapy visit dates and care events; the PSFS activities with their ratings,
PEG-3 scores and PGIC ratings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
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
from spinejournal.clinical import PGIC_LABELS
from spinejournal.model import (
    EVENT_KINDS,
    CareEvent,
    JournalData,
    PegScore,
    PgicRating,
    PsfsActivity,
    PsfsRating,
    Visit,
)
from spinejournal.store import JournalConflictError, JournalError
from spinejournal.text import printable, shorten
from spinejournal.tui.app import SpineJournalApp
from spinejournal.tui.forms import human_date, short_date
from spinejournal.tui.screens.care_dialogs import EventDialog, PegDialog, PgicDialog
from spinejournal.tui.screens.confirm import ConfirmScreen
from spinejournal.tui.screens.psfs_activity_dialog import PsfsActivityDialog
from spinejournal.tui.screens.psfs_rating_dialog import PsfsRatingDialog
from spinejournal.tui.screens.visit_dialog import VisitDialog
from spinejournal.tui.widgets.key_bar import KeyBar
from spinejournal.tui.widgets.navbar import NavBar


def _rating_cell(rating: PsfsRating | None) -> Text:
    return Text(f"{rating.score} ({rating.date.day} {rating.date:%b})" if rating else "–")


# The care events table in the 34-column pane: the date column fits "12 Oct 2025", the event text
# what is left after cell padding and a one-column scrollbar.
_EVENT_DATE_WIDTH = 11
_EVENT_TEXT_WIDTH = 34 - (_EVENT_DATE_WIDTH + 2) - 2 - 1


def _event_date(on: date, today: date) -> str:
    """'Mon 2 Mar' this year; '2 Oct 2025' for another year (events often come months before care)."""
    return short_date(on) if on.year == today.year else f"{on.day} {on:%b %Y}"


def _measure_rows(data: JournalData) -> list[tuple[date, PegScore | None, PgicRating | None]]:
    """One row per date with a PEG-3 score or a PGIC rating, newest first."""
    pegs = {p.date: p for p in data.peg_scores}
    pgics = {p.date: p for p in data.pgic_ratings}
    return [(on, pegs.get(on), pgics.get(on)) for on in sorted(pegs.keys() | pgics.keys(), reverse=True)]


class VisitsScreen(Screen[None]):
    """Visits over care events (left); PSFS activities over PEG-3 and PGIC (right)."""

    # Here rather than in app.tcss, which is parsed before the first screen appears.
    DEFAULT_CSS = """
    #visits-pane {
        width: 34;
    }

    #psfs-pane {
        width: 1fr;
    }

    #visits-table, #psfs-table, #events-table, #measures-table {
        height: 1fr;
    }

    #visits-summary, #psfs-summary {
        height: auto;
    }

    #events-table {
        scrollbar-size-vertical: 1;
    }

    #event-preview {
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # Short words, so the KeyBar at 80 columns has room for Quit and Help. Adding an activity and
        # a care event, done rarely, are left to the palette and the help (the empty PSFS table and
        # events line name their keys).
        Binding("a", "add_visit", "Visit", tooltip="Record a therapy visit"),
        Binding("delete", "remove_visit", "Remove", tooltip="Remove the highlighted visit"),
        Binding("n", "add_activity", "Activity", tooltip="Add a PSFS activity", show=False),
        Binding("r", "rate", "Rate", tooltip="Rate the PSFS activities"),
        Binding("c", "add_event", "Event", tooltip="Add a care event", show=False),
        Binding("delete", "remove_event", "Remove", tooltip="Remove the highlighted care event"),
        Binding("s", "add_peg", "PEG-3", tooltip="Record a PEG-3 score"),
        Binding("i", "add_pgic", "PGIC", tooltip="Record a PGIC rating"),
        Binding("delete", "remove_measure", "Remove", tooltip="Remove the highlighted PEG-3 score or PGIC rating"),
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
                yield Label("Care events", classes="subheading")
                events: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="events-table")
                events.add_column("Date", key="date", width=_EVENT_DATE_WIDTH)
                events.add_column("Event", key="event", width=_EVENT_TEXT_WIDTH)
                yield events
                yield Static(id="event-preview", classes="hint")
            with Vertical(id="psfs-pane"):
                yield Label("Goals: activities that are hard now (PSFS)", classes="subheading")
                psfs: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="psfs-table")
                psfs.add_column("Activity", key="name")
                psfs.add_column("First", key="first")
                psfs.add_column("Latest", key="latest")
                psfs.add_column("Change", key="change")
                yield psfs
                yield Static(id="psfs-summary", classes="hint")
                yield Label("PEG-3 (0-10, lower is better) and PGIC", classes="subheading")
                measures: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="measures-table")
                measures.add_column("Date", key="date")
                measures.add_column("PEG-3", key="peg")
                measures.add_column("PGIC", key="pgic")
                yield measures
        yield KeyBar()

    def on_mount(self) -> None:
        self._refresh_data()
        self.query_one("#visits-table", DataTable).focus()

    def on_screen_resume(self) -> None:
        self._refresh_data()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in (
            "add_visit",
            "remove_visit",
            "add_activity",
            "rate",
            "add_event",
            "remove_event",
            "add_peg",
            "add_pgic",
            "remove_measure",
        ):
            if self.journal_app.read_only:
                return False
            if action == "remove_visit":
                return self.focused is self.query_one("#visits-table")
            if action == "remove_event":
                return self.focused is self.query_one("#events-table")
            if action == "remove_measure":
                return self.focused is self.query_one("#measures-table")
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
        self._fill_care(data)

    def _fill_care(self, data: JournalData) -> None:
        events = self.query_one("#events-table", DataTable)
        events.clear()
        today = clock.today()
        for event in reversed(data.events):
            # The text is the person's own words: rich Text (never markup), control characters visible.
            text = f"{EVENT_KINDS[event.kind]} · {printable(event.text, single_line=True)}"
            events.add_row(
                Text(_event_date(event.date, today)),
                Text(shorten(text, _EVENT_TEXT_WIDTH)),
                key=str(event.id),
            )
        self._show_event_preview()
        measures = self.query_one("#measures-table", DataTable)
        measures.clear()
        for on, peg, pgic in _measure_rows(data):
            measures.add_row(
                Text(short_date(on)),
                Text(f"{peg.score:.1f}" if peg else "–"),
                Text(f"{pgic.rating} {PGIC_LABELS[pgic.rating].lower()}" if pgic else "–"),
                key=on.isoformat(),
            )

    def _show_event_preview(self) -> None:
        """The highlighted event's text on the line under the table (the table cuts it short)."""
        events = self.query_one("#events-table", DataTable)
        preview = self.query_one("#event-preview", Static)
        if not events.row_count:
            preview.update(Content("No care events yet: c adds one."))
            return
        row_key, _ = events.coordinate_to_cell_key(events.cursor_coordinate)
        event = next((e for e in (self._data or JournalData()).events if str(e.id) == row_key.value), None)
        preview.update(Content(printable(event.text, single_line=True) if event else ""))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "events-table":
            self._show_event_preview()

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

    def _commit_dated(self, save: Callable[[], None], done: str) -> None:
        """Run a write of one dated record; on a conflict the tables show what is stored now and
        the dialog says what happened."""
        try:
            save()
        except JournalConflictError:
            self._refresh_data(force=True)
            raise
        self.notify(done, markup=False)
        self._refresh_data(force=True)

    def action_add_peg(self) -> None:
        if self.journal_app.refuse_read_only():
            return
        shown = {p.date: p for p in (self._data or JournalData()).peg_scores}

        def commit(peg: PegScore) -> None:
            before = shown.get(peg.date)
            self._commit_dated(
                lambda: self.journal_app.journal.save_peg(peg, expected=before),
                f"PEG-3 score {peg.score:.1f} saved for {human_date(peg.date)}"
                + (f" (it replaces {before.score:.1f})." if before is not None and before != peg else "."),
            )

        self.app.push_screen(PegDialog(commit=commit, current=shown.get(clock.today())))

    def action_add_pgic(self) -> None:
        if self.journal_app.refuse_read_only():
            return
        shown = {p.date: p for p in (self._data or JournalData()).pgic_ratings}

        def commit(pgic: PgicRating) -> None:
            before = shown.get(pgic.date)
            self._commit_dated(
                lambda: self.journal_app.journal.save_pgic(pgic, expected=before),
                f"PGIC {pgic.rating} ({PGIC_LABELS[pgic.rating].lower()}) saved for {human_date(pgic.date)}"
                + (f" (it replaces {before.rating})." if before is not None and before != pgic else "."),
            )

        self.app.push_screen(PgicDialog(commit=commit, current=shown.get(clock.today())))

    def action_add_event(self) -> None:
        if self.journal_app.refuse_read_only():
            return

        def commit(event: CareEvent) -> None:
            self.journal_app.journal.add_event(event)
            self.notify(f"Added the {EVENT_KINDS[event.kind].lower()} of {human_date(event.date)}.", markup=False)
            self._refresh_data(force=True)

        self.app.push_screen(EventDialog(commit=commit))

    def action_remove_event(self) -> None:
        table = self.query_one("#events-table", DataTable)
        if self.journal_app.refuse_read_only() or not table.row_count:
            return
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        event_id = int(str(row_key.value))
        event = next((e for e in (self._data or JournalData()).events if e.id == event_id), None)
        if event is None:
            return

        def decided(choice: str | None) -> None:
            if choice != "remove":
                return
            try:
                self.journal_app.journal.delete_event(event_id, expected=event)
            except JournalError as exc:
                self.journal_app.show_error(exc)
                if isinstance(exc, JournalConflictError):
                    self._refresh_data(force=True)
                return
            self.notify(f"Removed the {EVENT_KINDS[event.kind].lower()} of {human_date(event.date)}.", markup=False)
            self._refresh_data(force=True)

        self.app.push_screen(
            ConfirmScreen(
                "Remove this care event?",
                # Shown as plain text by the dialog: the person's words are never markup.
                f"{EVENT_KINDS[event.kind]} of {human_date(event.date)}: {printable(event.text, single_line=True)}",
                [("remove", "Remove", "r"), ("cancel", "Cancel", "escape")],
            ),
            decided,
        )

    def action_remove_measure(self) -> None:
        table = self.query_one("#measures-table", DataTable)
        if self.journal_app.refuse_read_only() or not table.row_count:
            return
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        on = date.fromisoformat(str(row_key.value))
        data = self._data or JournalData()
        peg = next((p for p in data.peg_scores if p.date == on), None)
        pgic = next((p for p in data.pgic_ratings if p.date == on), None)
        named = {
            "peg": f"the PEG-3 score {peg.score:.1f}" if peg else "",
            "pgic": f"the PGIC rating {pgic.rating} ({PGIC_LABELS[pgic.rating].lower()})" if pgic else "",
        }

        def decided(choice: str | None) -> None:
            targets = {
                "both": ("peg", "pgic"),
                "peg": ("peg",),
                "pgic": ("pgic",),
                "remove": ("peg",) if peg else ("pgic",),
            }
            which = targets.get(choice or "", ())
            if not which:
                return
            journal = self.journal_app.journal
            if len(which) == 2 and (
                {p.date: p for p in journal.peg_scores()}.get(on),
                {p.date: p for p in journal.pgic_ratings()}.get(on),
            ) != (peg, pgic):
                # Both are checked before either goes: a removal refused halfway would change something.
                self.journal_app.show_error(
                    f"The PEG-3 or PGIC of {human_date(on)} was changed elsewhere since you opened it: "
                    "nothing was removed."
                )
                self._refresh_data(force=True)
                return
            try:
                if "peg" in which:
                    journal.delete_peg(on, expected=peg)
                if "pgic" in which:
                    journal.delete_pgic(on, expected=pgic)
            except JournalError as exc:
                self.journal_app.show_error(exc)
                self._refresh_data(force=True)
                return
            self.notify(f"Removed {' and '.join(named[k] for k in which)} of {human_date(on)}.", markup=False)
            self._refresh_data(force=True)

        if peg and pgic:
            question = f"Remove the PEG-3 score {peg.score:.1f}, the PGIC rating {pgic.rating}, or both?"
            choices = [
                ("both", "Both", "b"),
                ("peg", "PEG-3", "s"),
                ("pgic", "PGIC", "i"),
                ("cancel", "Cancel", "escape"),
            ]
        else:
            question = f"This removes {named['peg'] or named['pgic']} from your journal."
            choices = [("remove", "Remove", "r"), ("cancel", "Cancel", "escape")]
        self.app.push_screen(ConfirmScreen(f"Remove from {human_date(on)}?", question, choices), decided)

    def commands(self) -> Iterable[SystemCommand]:
        """Command palette entries of this screen."""
        if self.journal_app.read_only:
            return
        yield SystemCommand("Record a therapy visit", "Add a visit date and note (a)", self.action_add_visit)
        yield SystemCommand("Add a PSFS activity", "An activity that is hard now (n)", self.action_add_activity)
        yield SystemCommand("Rate PSFS activities", "Rate each activity 0-10 (r)", self.action_rate)
        yield SystemCommand("Add a care event", "Surgery, injection, imaging, diagnosis (c)", self.action_add_event)
        yield SystemCommand("Record a PEG-3 score", "Pain, enjoyment of life, activity (s)", self.action_add_peg)
        yield SystemCommand("Record a PGIC rating", "How changed since care began (i)", self.action_add_pgic)
