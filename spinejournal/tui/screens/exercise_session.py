"""The guided exercise session: today's exercises one after the other, with a rep counter or a
hold countdown, pause and skip; at the end, what was done and the pain after exercises go back to
the day form (``SessionResult``), where the person reviews and saves them as any other change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Label, Static

from spinejournal.model import EXERCISE_STATUSES, SKIP_REASONS, Exercise, ExerciseLog
from spinejournal.model.exercise_session import ExerciseSession, Progress
from spinejournal.text import printable
from spinejournal.tui.screens.confirm import ConfirmScreen
from spinejournal.tui.widgets.key_bar import KeyBar
from spinejournal.tui.widgets.pain_scale import PainScale

# Skip reasons by the digit that picks them: 1 pain, 2 no time, 3 forgot, 4 other.
REASON_KEYS = dict(zip("1234", SKIP_REASONS, strict=True))
# Reps drawn one glyph each up to this many; more are shown as numbers only (80 columns).
MAX_GLYPHS = 40
# Next and back share one hint, so that Quit and Help still fit the key bar at 80 columns.
_MOVE = Binding.Group("Next/back")


@dataclass(frozen=True, slots=True)
class SessionResult:
    """What the session gives the day form: a log for each exercise touched, and the pain after."""

    logs: tuple[ExerciseLog, ...]
    pain_after: int | None


def dots(done: int, total: int) -> str:
    """Progress in glyphs, readable without colour: '●●●○○' for 3 of 5 ('' when too many to draw)."""
    return "●" * done + "○" * (total - done) if total <= MAX_GLYPHS else ""


def outcome_words(step: Progress) -> str:
    """One exercise's outcome in a few words, for the end of the session."""
    log = step.log()
    if log is None:
        return "not logged"
    words = EXERCISE_STATUSES[log.status].lower()
    if log.status != "skipped":
        words += f": {step.sets_done} of {step.sets} sets, {step.total_reps} in all"
    if log.reason:
        words += f" ({SKIP_REASONS[log.reason].lower()})"
    return words


class ExerciseSessionScreen(Screen[SessionResult | None]):
    """Returns a ``SessionResult``, or None when the person leaves without it."""

    CSS_PATH = "exercise_session.tcss"
    # Nothing is focused while exercising, so Space and the letters are the session's own keys.
    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        # Space counts a rep, or starts a hold: one hint for each, whichever the exercise has.
        Binding("space", "count", "Rep"),
        Binding("space", "hold", "Hold"),
        Binding("p", "pause", "Pause"),
        Binding("s", "skip", "Skip"),
        Binding("n,right", "next", "Next", key_display="n", group=_MOVE),
        Binding("b,left", "back", "Back", key_display="b", group=_MOVE),
        *(Binding(key, f"reason('{reason}')", SKIP_REASONS[reason], show=False) for key, reason in REASON_KEYS.items()),
        Binding("enter", "done", "Put in the form"),
        # Esc first takes back a "why skip?", then ends the session early, then leaves it.
        Binding("escape", "cancel_skip", "Don't skip"),
        Binding("escape", "end", "End"),
        Binding("escape", "leave", "Leave"),
    ]

    def __init__(self, exercises: Sequence[Exercise], title: str) -> None:
        super().__init__()
        self.session = ExerciseSession(exercises)
        self._title = title
        self._asking = False  # "why skip?" is asked, waiting for a digit
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content(self._title), id="session-title")
        with Vertical(id="session-exercise"):
            yield Static(id="session-heading")
            yield Static(id="session-dose")
            yield Static(id="session-instructions")
            yield Static(id="session-counter")
            yield Static(id="session-status")
        with Vertical(id="session-end"):
            yield Static(id="session-summary")
            yield Label("Pain after exercises (optional, 0-10):", id="pain-after-label")
            yield PainScale(None, id="pain-after", tooltip="Right now, just after the exercises")
            yield Static(
                "Enter puts this into the day's form: review it there and save with Ctrl+S. "
                "b goes back to the exercises.",
                id="session-end-hint",
            )
        yield KeyBar()

    def on_mount(self) -> None:
        self._show()

    # What is shown -----------------------------------------------------------------------------

    def _show(self) -> None:
        finished = self.session.finished
        self.query_one("#session-exercise").display = not finished
        self.query_one("#session-end").display = finished
        if finished:
            self._show_end()
        else:
            self.set_focus(None)
            self._show_exercise()
        self.refresh_bindings()

    def _show_exercise(self) -> None:
        session = self.session
        step = session.current
        ex = step.exercise
        # Exercise names and instructions are the person's (or therapist's) own words: never markup.
        heading = Content(f"Exercise {session.index + 1} of {len(session.steps)}: ")
        name = Content(printable(ex.name, single_line=True)).stylize("bold")
        self.query_one("#session-heading", Static).update(Content.assemble(heading, name))
        self.query_one("#session-dose", Static).update(Content(ex.dose))
        instructions = self.query_one("#session-instructions", Static)
        instructions.update(Content(printable(ex.instructions)))
        instructions.display = bool(ex.instructions.strip())
        self.query_one("#session-counter", Static).update(Content(self._counter(step)))
        self.query_one("#session-status", Static).update(Content(self._status(step)))

    def _counter(self, step: Progress) -> str:
        ex = step.exercise
        if step.complete:
            return f"All {step.sets} {'set' if step.sets == 1 else 'sets'} done ✓"
        lines = [f"Set {step.sets_done + 1} of {step.sets}"]
        unit = "Hold" if ex.hold_seconds else "Rep"
        if ex.reps and ex.reps > 1:  # a set of one rep or hold needs no second counter
            lines.append(f"{unit}s {step.reps} of {ex.reps}  {dots(step.reps, ex.reps)}".rstrip())
        left = self.session.hold_left
        if left is not None:
            lines.append(f"Holding: {left} s left  {dots(left, ex.hold_seconds or 0)}")
        return "\n".join(lines)

    def _status(self, step: Progress) -> str:
        session = self.session
        if self._asking:
            reasons = "  ".join(f"{key} {SKIP_REASONS[reason].lower()}" for key, reason in REASON_KEYS.items())
            return f"Why skip it? {reasons}  (Esc: don't skip)"
        if session.paused:
            return "Paused: p to go on."
        if step.complete:
            return "n: the next exercise." if session.index + 1 < len(session.steps) else "n: finish the session."
        if session.holding:
            return "Hold it… the bell rings at the end."
        if step.exercise.hold_seconds:
            return f"Space starts the {step.exercise.hold_seconds}-second hold."
        return "Space counts one rep." if step.exercise.reps else "Space when the set is done."

    def _show_end(self) -> None:
        lines = [Content("Session done. What goes into the day's exercises:"), Content("")]
        for step in self.session.steps:
            name = Content(printable(step.exercise.name, single_line=True)).stylize("bold")
            lines.append(Content.assemble("  ", name, f": {outcome_words(step)}"))
        self.query_one("#session-summary", Static).update(Content("\n").join(lines))
        if self.focused is None:
            self.query_one("#pain-after", PainScale).focus()

    # Keys ----------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        finished = self.session.finished
        if action == "reason":
            return self._asking
        if action in ("done", "leave"):
            return finished
        if action == "cancel_skip":
            return self._asking
        if action == "end":
            return not finished and not self._asking
        if action == "back":
            return not self._asking and (finished or self.session.index > 0)
        if action in ("count", "hold", "pause"):
            if finished or self._asking:
                return False
            if action == "pause":
                return self.session.holding  # only a hold's countdown can be paused
            step = self.session.current
            # Space does nothing during a hold or once the exercise is complete: no hint then.
            if self.session.holding or step.complete:
                return False
            return bool(step.exercise.hold_seconds) == (action == "hold")
        if action in ("skip", "next"):
            return not finished and not self._asking
        return True

    def action_hold(self) -> None:
        self.action_count()

    def action_count(self) -> None:
        started = self.session.holding
        if self.session.count() and self.session.holding and not started:
            self._start_timer()
        self._show()

    def _start_timer(self) -> None:
        # A fresh timer for each hold, so that its first second is a whole one.
        self._stop_timer()
        self._timer = self.set_interval(1.0, self._tick)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _tick(self) -> None:
        if self.session.tick():
            self._stop_timer()
            self.app.bell()
        self._show()

    def action_pause(self) -> None:
        self.session.toggle_pause()
        self._show()

    def action_skip(self) -> None:
        self._asking = True
        self._show()

    def action_reason(self, reason: str) -> None:
        self._asking = False
        self._stop_timer()
        self.session.skip(reason)
        self._show()

    def action_next(self) -> None:
        self._stop_timer()
        self.session.next()
        self._show()

    def action_back(self) -> None:
        self._stop_timer()
        self.session.back()
        self._show()

    def action_done(self) -> None:
        self.dismiss(SessionResult(self.session.logs(), self.query_one("#pain-after", PainScale).number))

    def action_cancel_skip(self) -> None:
        self._asking = False
        self._show()

    def action_end(self) -> None:
        self._stop_timer()
        self.session.finish()  # to the end, where what was done so far can still be kept
        self._show()

    def action_leave(self) -> None:
        if not self.session.logs():
            self.dismiss(None)
        else:

            def decided(choice: str | None) -> None:
                if choice == "drop":
                    self.dismiss(None)

            self.app.push_screen(
                ConfirmScreen(
                    "Leave the session?",
                    "What you did in this session would not go into the day's form.",
                    [("drop", "Leave without it", "l"), ("stay", "Stay", "escape")],
                ),
                decided,
            )
