"""Log today, or view and edit any past day (History opens this screen with a date)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import ClassVar

from textual import events, getters, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static, Tabs

from spinejournal import clock
from spinejournal.clinical import URGENCY_TITLE, most_urgent
from spinejournal.merge import describe, field_label
from spinejournal.model import Day, Exercise, Medication, ValidationError
from spinejournal.store import JournalConflictError, JournalError
from spinejournal.text import printable
from spinejournal.tui.app import SpineJournalApp
from spinejournal.tui.forms import human_date
from spinejournal.tui.screens.confirm import ConfirmScreen
from spinejournal.tui.screens.exercise_session import ExerciseSessionScreen, SessionResult
from spinejournal.tui.screens.red_flag import RedFlagScreen
from spinejournal.tui.widgets.day_form import DayForm
from spinejournal.tui.widgets.key_bar import KeyBar
from spinejournal.tui.widgets.navbar import NavBar

# How far back a logged day may be to offer its regions as a starting point for a new day.
START_FROM_DAYS = 7


class TodayScreen(Screen[None]):
    """The day form with a header line (date, saved or not, red-flag marker).

    With no date it is the Today section and follows the calendar; with a date it edits that day
    and Escape goes back (asking first when something is unsaved).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("x", "exercise_session", "Exercise session"),
        # Esc first leaves a text field, so that letter keys go back to moving around; then goes back.
        Binding("escape", "leave_field", "Leave field"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, on: date | None = None) -> None:
        super().__init__()
        self._pinned = on
        self.on_date = on or clock.today()
        self._stored: Day | None = None
        self._plan: tuple[Exercise, ...] = ()
        self._mode = ""
        self._first_resume = True

    journal_app = getters.app(SpineJournalApp)

    def compose(self) -> ComposeResult:
        yield NavBar("history" if self._pinned else None)
        yield Static(id="day-header")
        yield Static(id="form-error", classes="form-error")
        yield DayForm(read_only=self.journal_app.read_only, medications=self._read_medications, id="day-form")
        yield KeyBar()

    async def on_mount(self) -> None:
        self._mode = self.app.current_mode
        self.journal_app.track_unsaved(self)
        self._show_error(None)
        await self._load()
        self.query_one("#pain-avg").focus()

    def on_unmount(self) -> None:
        self.journal_app.untrack_unsaved(self)

    def _read(self) -> tuple[Day | None, tuple[Exercise, ...]]:
        """The stored day and the plan, read directly: the form never needs the whole journal,
        so opening Today stays quick on a journal of many years."""
        journal = self.journal_app.journal
        try:
            return journal.get_day(self.on_date), tuple(journal.exercises())
        except JournalError as exc:
            self.journal_app.show_error(exc)
            return self._stored, self._plan

    def _read_medications(self) -> list[Medication]:
        """The medication list, read when the Meds tab is first shown (not at start-up)."""
        try:
            return self.journal_app.journal.medications()
        except JournalError as exc:
            self.journal_app.show_error(exc)
            return []

    async def _load(self) -> None:
        self._stored, self._plan = self._read()
        start_from = None
        if self._stored is None:
            try:
                recent = self.journal_app.journal.days_between(
                    self.on_date - timedelta(days=START_FROM_DAYS), self.on_date
                )
            except JournalError:
                recent = []  # already reported by _read
            start_from = recent[-1] if recent else None
        await self.form.load(self.on_date, self._stored, self._plan, start_from)
        self._update_header()

    async def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self._first_resume:
            # Shown for the first time: every widget was styled as it was mounted, just now, so
            # Textual's restyling of the whole screen on resume would redo the same work (~8 ms at
            # start). This handler runs before Screen's own, which reads the flag.
            self._first_resume = False
            event.refresh_styles = False
        if not self.form.on_date:
            return  # not loaded yet: on_mount does it
        if self._pinned is None and not self.form.is_dirty and clock.today() != self.on_date:
            self.on_date = clock.today()  # past midnight: Today is a new day
        stored, plan = self._read()
        if self.on_date != self.form.on_date or (not self.form.is_dirty and stored != self._stored):
            await self._load()
        elif plan != self._plan:
            # The plan changed on the Plan screen: show it, keeping what is ticked here.
            self._plan = plan
            await self.form.set_plan(plan)

    @property
    def form(self) -> DayForm:
        return self.query_one(DayForm)

    # Header and errors --------------------------------------------------------------------------

    def _update_header(self) -> None:
        on = self.on_date
        today = clock.today()
        when = "today" if on == today else "yesterday" if on == today - timedelta(days=1) else ""
        parts: list[Content | str | tuple[str, str]] = [(human_date(on), "bold")]
        if when:
            parts.append(f" · {when}")
        level = most_urgent(self.form.red_flags)
        if level is not None:
            # The marker comes before the saved/unsaved status: at 80 columns it must not be cut.
            parts.append(("  ", ""))
            parts.append((f" ⚠ Red flag: {URGENCY_TITLE[level].lower()} ", "bold $text on $error"))
        if self.journal_app.read_only:
            parts.append(("  read-only", "italic $text-muted"))
        elif self.form.is_dirty:
            parts.append(("  ● unsaved", "bold $text-warning"))
        elif self._stored is not None:
            parts.append(("  ✓ saved", "$text-success"))
        else:
            parts.append(("  not logged yet", "$text-muted"))
        self.query_one("#day-header", Static).update(Content.assemble(*parts))

    def _show_error(self, error: Exception | None) -> None:
        box = self.query_one("#form-error", Static)
        box.update(Content(printable(f"⚠ {error}")) if error else Content(""))
        box.display = error is not None

    @on(DayForm.Edited)
    def _edited(self) -> None:
        self._update_header()

    @on(DayForm.RedFlagTicked)
    def _red_flag(self, event: DayForm.RedFlagTicked) -> None:
        self._update_header()
        self.app.push_screen(RedFlagScreen(event.flags))

    # Saving and leaving -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save":
            return not self.journal_app.read_only
        if action == "leave_field":
            return self.form.is_typed_field(self.focused)
        if action == "back":
            return self._pinned is not None
        return True

    def action_save(self) -> None:
        self.save()

    def save(self) -> bool:
        """Check the form and store the day; errors are shown and nothing typed is lost.

        What another writer (the shell) saved meanwhile is merged in and shown; when both changed
        the same field, nothing is saved and the person chooses.
        """
        return self._save()

    def _save(self, *, keep_mine: bool = False) -> bool:
        if self.journal_app.refuse_read_only():
            return False
        try:
            day = self.form.build()
            result = self.journal_app.journal.save_day(day, expected=self._stored, keep_mine=keep_mine)
        except JournalConflictError as exc:
            self._fail(exc)
            self._ask_conflict(day, exc)
            return False
        except ValidationError as exc:
            self._fail(exc)
            self.form.focus_field(exc.field)
            return False
        except JournalError as exc:
            self._fail(exc)
            return False
        self._stored = result.day
        self.form.mark_saved(result.day)
        self._show_error(None)
        self._update_header()
        verb = "Saved" if result.created else "Updated"
        if result.merged:
            kept = ", ".join(field_label(name) for name in result.merged)
            self.notify(f"{verb} {human_date(day.date)}; kept the {kept} saved elsewhere.", markup=False)
            self.call_later(self._load)  # show what was merged in
        else:
            self.notify(f"{verb} {human_date(day.date)}.", markup=False)
        for warning in result.warnings:
            self.notify(warning, title="Heat and ice", severity="warning", timeout=10, markup=False)
        return True

    def _fail(self, error: Exception) -> None:
        if self.app.current_mode != self._mode:
            self.app.switch_mode(self._mode)  # e.g. quitting from another section: show where
        self._show_error(error)
        self.journal_app.show_error(error)

    def _ask_conflict(self, mine: Day, error: JournalConflictError) -> None:
        """Both sides changed the day: show both values and let the person choose."""
        current = error.current if isinstance(error.current, Day) else None
        when = human_date(mine.date)
        if current is None:
            detail = f"{when} was deleted elsewhere since you opened it."
        else:
            names = self.journal_app.journal.data()
            lines = [
                f"{field_label(name)}: yours {describe(mine, name, names)}, elsewhere {describe(current, name, names)}"
                for name in error.fields
            ]
            detail = "\n".join([f"{when} was changed elsewhere since you opened it.", *lines])

        async def decided(choice: str | None) -> None:
            if choice == "reload":
                await self._load()
                self._show_error(None)
                self.notify(f"Reloaded {human_date(self.on_date)}: your changes were dropped.", markup=False)
            elif choice == "mine":
                # The person saw both values and chose theirs: the clashing fields keep the form's
                # values; what the other writer changed elsewhere in the day is still kept.
                self._save(keep_mine=True)

        self.app.push_screen(
            ConfirmScreen(
                "Changed elsewhere",
                detail,
                [
                    # Short enough for the three buttons to fit one row of an 80-column terminal.
                    ("reload", "Reload (drop mine)", "r"),
                    ("mine", "Keep mine (replace it)", "k"),
                    ("stay", "Stay", "escape"),
                ],
            ),
            decided,
        )

    def unsaved_label(self) -> str | None:
        return human_date(self.on_date) if self.form.is_dirty else None

    def action_leave_field(self) -> None:
        self.query_one(Tabs).focus()

    def action_back(self) -> None:
        if self._pinned is None:
            return
        if not self.form.is_dirty:
            self.dismiss(None)
            return

        def decided(choice: str | None) -> None:
            if choice == "discard" or (choice == "save" and self.save()):
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                "Leave without saving?",
                f"Your changes to {human_date(self.on_date)} are not saved yet.",
                [("save", "Save and go back", "s"), ("discard", "Discard changes", "d"), ("stay", "Stay", "escape")],
            ),
            decided,
        )

    def action_exercise_session(self) -> None:
        """x: the guided session over the day's planned exercises; its result goes into the form
        (not straight to the journal), so the form's unsaved edits stay and the person saves once."""
        due = [e for e in self._plan if e.active_on(self.on_date)]
        if self.journal_app.refuse_read_only():
            return
        if not due:
            self.notify(f"No exercises planned for {human_date(self.on_date)}: add them on the Plan screen.")
            return

        async def done(result: SessionResult | None) -> None:
            if result is not None:
                await self.form.apply_exercise_session(self._plan, result.logs, result.pain_after)
                after = "" if result.pain_after is None else f" (pain after exercises {result.pain_after}/10)"
                self.notify(f"The session is in the Exercises tab{after}: review it and save with Ctrl+S.")

        self.app.push_screen(ExerciseSessionScreen(due, f"Exercise session · {human_date(self.on_date)}"), done)

    def commands(self) -> Iterable[SystemCommand]:
        """Command palette entries of this screen."""
        if not self.journal_app.read_only:
            yield SystemCommand("Save the day", f"Save {human_date(self.on_date)} (ctrl+s)", self.action_save)
