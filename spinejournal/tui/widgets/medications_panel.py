"""The medications of the person's list on one day: a box to tick for a scheduled one, a count of
doses for an as-needed one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from spinejournal.model import MAX_DOSES, Medication, MedicationTaken
from spinejournal.text import printable

NO_MEDICATIONS = (
    "No medications on your list for this day. Add one on the Plan screen (p, then m) or in the "
    "shell: spinejournal med add NAME. It then shows here, to tick when taken."
)
HINT = "Space ticks a medication taken; + and - count the doses of an as-needed one."


class MedicationLine(Widget, can_focus=True):
    """One medication: ``[x]`` taken or ``[ ]`` not for a scheduled one, the dose count for an
    as-needed one. The name is the person's own text, drawn literally."""

    DEFAULT_CSS = """
    MedicationLine {
        height: 1;
        padding: 0 1;
    }
    MedicationLine:focus {
        background: $boost;
        background-tint: $foreground 8%;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle", "Taken / not"),
        Binding("plus,equals_sign", "dose(1)", "Add dose", key_display="+"),
        Binding("minus", "dose(-1)", "Remove dose", key_display="-"),
        Binding("up", "app.focus_previous", "Previous", show=False),
        Binding("down", "app.focus_next", "Next", show=False),
    ]

    class Changed(Message):
        """What was taken of this medication changed."""

    def __init__(self, medication: Medication, taken: MedicationTaken | None, *, disabled: bool = False) -> None:
        super().__init__(disabled=disabled)
        self.medication = medication
        self.taken = taken

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Each kind of medication shows only its own key in the KeyBar.
        if action == "toggle":
            return not self.medication.as_needed
        if action == "dose":
            return self.medication.as_needed
        return True

    def render(self) -> Content:
        m = self.medication
        if m.as_needed:
            count = 0 if self.taken is None else self.taken.dose_count
            mark = f"{count:>2} dose{'' if count == 1 else 's'}"
        else:
            mark = "[x] taken" if self.taken is not None else "[ ] not yet"
        name = Content(printable(m.name, single_line=True)).stylize("bold")
        return Content.assemble(f"{mark:<11}  ", name, ("  " + m.prescription if m.prescription else "", "dim"))

    def action_toggle(self) -> None:
        self.taken = None if self.taken is not None else MedicationTaken(self.medication.id)
        self._changed()

    def action_dose(self, delta: int) -> None:
        count = (0 if self.taken is None else self.taken.dose_count) + delta
        if not 0 <= count <= MAX_DOSES:
            return
        self.taken = MedicationTaken(self.medication.id, count) if count else None
        self._changed()

    def _changed(self) -> None:
        self.refresh()
        self.post_message(self.Changed())


class MedicationsPanel(Vertical):
    """What was taken on the form's day. The medication list is read (``source``) only when the
    panel is first shown; until then what was logged is kept as it was."""

    DEFAULT_CSS = """
    MedicationsPanel {
        height: auto;
    }
    """

    class Changed(Message):
        """What was taken changed."""

    def __init__(
        self, source: Callable[[], Sequence[Medication]], *, read_only: bool = False, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.read_only = read_only
        self._source = source
        self._on: date | None = None
        self._logged: tuple[MedicationTaken, ...] = ()
        self._lines: list[MedicationLine] = []  # once shown

    def compose(self) -> ComposeResult:
        yield Static("", id="meds-hint", classes="hint")

    def on_mount(self) -> None:
        self._show()

    def set_day(self, on: date, logged: tuple[MedicationTaken, ...]) -> None:
        """Show the medications of the list active ``on``, with what was ``logged`` that day."""
        self._on, self._logged = on, logged
        if self.is_mounted:
            self._show()  # the list may have changed since it was shown: read it again

    def _show(self) -> None:
        assert self._on is not None
        on = self._on
        logged = {t.medication_id: t for t in self._logged}
        # The medications of that day, plus any logged that day even if stopped since.
        shown = [m for m in self._source() if m.active_on(on) or m.id in logged]
        self.query(MedicationLine).remove()
        self._lines = [
            MedicationLine(m, logged.get(m.id), disabled=self.read_only) for m in sorted(shown, key=lambda m: m.name)
        ]
        self.mount_all(self._lines)
        self.query_one("#meds-hint", Static).update(Content(HINT if shown else NO_MEDICATIONS))

    @property
    def taken(self) -> tuple[MedicationTaken, ...]:
        """What was taken, by medication id: the lines shown, and what was logged of any other."""
        lines = {line.medication.id: line for line in self._lines}
        taken = [t for t in self._logged if t.medication_id not in lines]
        taken += [line.taken for line in lines.values() if line.taken is not None]
        return tuple(sorted(taken, key=lambda t: t.medication_id))

    def on_medication_line_changed(self, event: MedicationLine.Changed) -> None:
        event.stop()
        self.post_message(self.Changed())
