"""The form for one day: four pain scales up top, the rest in tabs so it all fits in 80x24."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import AwaitMount, Widget
from textual.widgets import Input, Label, SelectionList, Static, TabbedContent, TabPane
from textual.widgets.selection_list import Selection

from spinejournal.clinical import RED_FLAG_NOTE, RED_FLAGS, RED_FLAGS_BY_ID, URGENCY_TITLE
from spinejournal.model import (
    LIMBS,
    REGIONS,
    Day,
    Exercise,
    ExerciseLog,
    Medication,
    Mobility,
    Radiating,
    ValidationError,
    extents_for,
)
from spinejournal.tui.forms import optional_int, short_date
from spinejournal.tui.widgets.body_map import BodyMap
from spinejournal.tui.widgets.exercise_checklist import Entry, ExerciseChecklist
from spinejournal.tui.widgets.field_row import FieldRow
from spinejournal.tui.widgets.hours_field import HoursField
from spinejournal.tui.widgets.medications_panel import MedicationsPanel
from spinejournal.tui.widgets.number_scale import NumberScale
from spinejournal.tui.widgets.pain_scale import PainScale
from spinejournal.tui.widgets.picker import Picker
from spinejournal.tui.widgets.sessions_panel import SessionsPanel

if TYPE_CHECKING:
    from spinejournal.tui.widgets.safe_text_area import SafeTextArea

# (id suffix, label, hint) of the pain scales at the top of the form.
PAIN_ROWS = (
    ("avg", "Average pain", "24 h · keys 0-9, → 10"),
    ("now", "Pain now", ""),
    ("worst", "Worst", "last 24 h"),
    ("least", "Least", "last 24 h"),
)

# (field name used by the model, widget id, label, unit)
MOBILITY_FIELDS = (
    ("walking tolerance", "walk", "Walking tolerance", "minutes until symptoms make you stop"),
    ("sitting tolerance", "sit", "Sitting tolerance", "minutes"),
    ("standing tolerance", "stand", "Standing tolerance", "minutes"),
    ("morning stiffness", "stiffness", "Morning stiffness", "minutes"),
    ("fingertip-to-floor", "fingertip", "Fingertip to floor", "cm (optional)"),
)

# Where the person types text. Those of the tabs after "Where" are made when their tab is first shown;
# until then the form keeps their text.
NOTE_FIELDS = (
    ("notes", "Notes", "How was the day? What helped, what hurt?"),
    ("questions", "Questions for your therapist", "Anything to ask at the next visit"),
)
TYPED_FIELDS = (*(widget_id for _, widget_id, _, _ in MOBILITY_FIELDS), *(widget_id for widget_id, *_ in NOTE_FIELDS))

# The tabs after "Where", built the first time each is shown: the form opens with only what is seen.
HIDDEN_TABS = (
    ("tab-heat", "Treatments"),
    ("tab-exercises", "Exercises"),
    ("tab-meds", "Meds"),
    ("tab-mobility", "Mobility"),
    ("tab-notes", "Notes"),
    ("tab-flags", "Red flags"),
)

W = TypeVar("W", bound=Widget)

# Where to send the cursor when the model names a field in a ValidationError.
FIELD_WIDGETS = {
    "average pain": "pain-avg",
    "pain now": "pain-now",
    "worst pain": "pain-worst",
    "least pain": "pain-least",
    "leg/arm pain": "pain-limb",
    "notes": "notes",
    "questions for the therapist": "questions",
    "hours slept": "sleep-hours",
    "sleep quality": "sleep-quality",
    "mood": "mood",
    **{field: widget_id for field, widget_id, _, _ in MOBILITY_FIELDS},
}


class DayForm(Vertical):
    """Edits one day. ``load`` fills it, ``build`` returns a validated ``Day``, ``is_dirty`` says
    whether anything differs from what was loaded or last saved.
    """

    class Edited(Message):
        """Something in the form changed."""

    class RedFlagTicked(Message):
        """The person ticked a red flag; ``flags`` are all flags ticked now."""

        def __init__(self, flags: tuple[str, ...]) -> None:
            super().__init__()
            self.flags = flags

    def __init__(
        self,
        *,
        read_only: bool = False,
        medications: Callable[[], Sequence[Medication]] = tuple,
        id: str | None = None,
    ) -> None:
        """``medications`` reads the medication list, when the Meds tab is first shown."""
        super().__init__(id=id)
        self.read_only = read_only
        self._medications = medications
        self.on_date: date | None = None
        self._base: Day | None = None
        self._baseline: tuple[Any, ...] = ()
        # The tabs after "Where" are built and mounted when first shown: mounting all of them made
        # the first screen take twice as long. Their lists and tables exist from the start (they
        # hold the day's values), reached by id in `_fields` rather than by a query; the fields
        # where text is typed are made with their tab (TextArea alone takes ~5 ms to import), and
        # until then their text is kept in `_texts`.
        self._unshown: dict[str, Callable[[], list[Widget]]] = {}  # tab id -> makes its widgets
        self._fields: dict[str, Widget] = {}  # widget id -> widget, for every field of a hidden tab
        self._tab_of: dict[str, str] = {}  # widget id -> tab id
        self._mounting: dict[str, AwaitMount] = {}  # tab id -> the mount of its fields, once shown
        self._texts: dict[str, str] = dict.fromkeys(TYPED_FIELDS, "")  # typed fields not made yet
        self._inputs: dict[str, Input] = {}  # mobility fields, once made
        self._notes: dict[str, SafeTextArea] = {}  # notes and questions, once made
        # What a guided exercise session added: its logs (sets and reps) and the pain after exercises.
        self._session_logs: dict[int, ExerciseLog] = {}
        self._pain_after: int | None = None
        self._make_hidden_tabs()

    # Layout -------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        ro = self.read_only
        for key, label, hint in PAIN_ROWS:
            yield self._line(label, partial(PainScale, id=f"pain-{key}"), hint)
        with TabbedContent(id="day-tabs"):
            with TabPane("Where", id="tab-where"), VerticalScroll(can_focus=ro):
                yield BodyMap(id="body-map")  # docked at the right, beside the ticks; never focused
                yield Static("", id="regions-hint", classes="hint")
                yield SelectionList[str](
                    *(Selection(Content(label), key) for key, label in REGIONS.items()),
                    id="regions",
                    disabled=ro,
                )
                yield Label("Pain spreading into an arm or leg: how far does it reach?", classes="subheading")
                for limb, label in LIMBS.items():
                    yield self._line(
                        label, partial(Picker, [(None, "no"), *extents_for(limb).items()], id=f"limb-{limb}")
                    )
                yield self._line("Arm/leg pain", partial(PainScale, id="pain-limb"))
            for tab, title in HIDDEN_TABS:
                yield TabPane(title, id=tab)

    def _line(self, label: str, field: Callable[..., Picker], hint: str = "") -> Widget:
        """One line of the form: a label, the field made by ``field``, a hint.

        The field draws its label and hint itself (one widget per line, for start-up speed);
        read-only, the field is dimmed (disabled) and its label must not be, so a ``FieldRow``
        draws them around it.
        """
        if self.read_only:
            return FieldRow(label, field(disabled=True), hint)
        return field(label=label, hint=hint)

    def _make_hidden_tabs(self) -> None:
        """What the tabs after "Where" show, each made when its tab is first shown."""
        ro = self.read_only
        sessions = SessionsPanel(read_only=ro, id="sessions")
        exercises = ExerciseChecklist(read_only=ro, id="exercises")
        medications = MedicationsPanel(self._medications, read_only=ro, id="medications")
        # Sleep and mood go with the mobility numbers: a tab of their own would not fit 80 columns.
        sleep_mood = [
            self._line("Hours slept", partial(HoursField, id="sleep-hours"), "last night · ←/→ ½ h, or type"),
            self._line("Sleep quality", partial(NumberScale, id="sleep-quality"), "0 very poor, 10 very good"),
            self._line("Mood", partial(NumberScale, id="mood"), "0 very low, 10 very good"),
        ]
        for line in sleep_mood:
            self._add_field("tab-mobility", line.field if isinstance(line, FieldRow) else line)
        red_flags = SelectionList[str](
            *(Selection(Content(flag.label), flag.id) for flag in RED_FLAGS), id="red-flags", disabled=ro
        )
        # The highlighted symptom in full (a long one is cut short in the list at 80 columns).
        detail = Static(id="red-flag-detail", classes="hint")
        self._unshown = {
            "tab-heat": lambda: [sessions],
            "tab-exercises": lambda: [exercises],
            "tab-meds": lambda: [medications],
            "tab-mobility": lambda: [
                *self._mobility_fields(),
                Label("Sleep and mood", classes="subheading"),
                *sleep_mood,
            ],
            "tab-notes": self._note_fields,
            "tab-flags": lambda: [
                Static(Content("Tick any you have now; the app will say at once what to do."), classes="hint"),
                red_flags,
                detail,
                Static(Content(RED_FLAG_NOTE), classes="hint"),
            ],
        }
        for tab, widget in (
            ("tab-heat", sessions),
            ("tab-exercises", exercises),
            ("tab-meds", medications),
            ("tab-flags", red_flags),
        ):
            self._add_field(tab, widget)
        self._add_field("tab-flags", detail)
        for _, widget_id, _, _ in MOBILITY_FIELDS:
            self._tab_of[widget_id] = "tab-mobility"
        for widget_id, _, _ in NOTE_FIELDS:
            self._tab_of[widget_id] = "tab-notes"

    def _add_field(self, tab: str, widget: Widget) -> None:
        assert widget.id is not None
        self._fields[widget.id] = widget
        self._tab_of[widget.id] = tab

    def _mobility_fields(self) -> list[Widget]:
        ro = self.read_only
        cells: list[Widget] = []
        for _, widget_id, label, unit in MOBILITY_FIELDS:
            field = Input(
                self._texts.pop(widget_id),
                type="integer",
                id=widget_id,
                compact=True,
                max_length=5,
                disabled=ro,
                placeholder="–",
            )
            self._inputs[widget_id] = field
            self._add_field("tab-mobility", field)
            cells += [Label(label), field, Label(unit, classes="unit")]
        hint = Static("Self-measured, at your own pace; leave blank what you did not measure.", classes="hint")
        return [hint, Grid(*cells, id="mobility-grid")]

    def _note_fields(self) -> list[Widget]:
        from spinejournal.tui.widgets.safe_text_area import SafeTextArea  # imported with its tab: see __init__

        widgets: list[Widget] = []
        for widget_id, label, placeholder in NOTE_FIELDS:
            field = SafeTextArea(
                self._texts.pop(widget_id), id=widget_id, read_only=self.read_only, placeholder=placeholder
            )
            self._notes[widget_id] = field
            self._add_field("tab-notes", field)
            widgets += [Label(label, classes="subheading"), field]
        return widgets

    def on_mount(self) -> None:
        # Watching the active tab (rather than waiting for TabActivated, a message later) starts
        # mounting a tab's fields in the very step that shows it.
        self.watch(self.query_one("#day-tabs", TabbedContent), "active", self._tab_shown)

    def _tab_shown(self, tab: str) -> None:
        make = self._unshown.pop(tab, None)
        if make is not None:
            pane = self.query_one(f"#{tab}", TabPane)
            self._mounting[tab] = pane.mount(VerticalScroll(*make(), can_focus=self.read_only))

    def _field(self, widget_id: str, expect: type[W]) -> W:
        """The widget with ``widget_id``, whether or not its tab has been shown yet."""
        widget = self._fields.get(widget_id)
        if widget is None:
            return self.query_one(f"#{widget_id}", expect)
        assert isinstance(widget, expect)
        return widget

    def is_typed_field(self, widget: Widget | None) -> bool:
        """Whether ``widget`` is one of the form's fields where text is typed (letters are text there)."""
        return widget is not None and widget.id in TYPED_FIELDS and self._fields.get(widget.id) is widget

    def _text(self, widget_id: str) -> str:
        """What is typed in a typed field, whether or not its tab has been shown yet."""
        if widget_id in self._inputs:
            return self._inputs[widget_id].value
        if widget_id in self._notes:
            return self._notes[widget_id].text
        return self._texts[widget_id]

    def _set_text(self, widget_id: str, text: str) -> None:
        if widget_id in self._inputs:
            self._inputs[widget_id].value = text
        elif widget_id in self._notes:
            self._notes[widget_id].text = text
        else:
            self._texts[widget_id] = text

    # Loading ------------------------------------------------------------------------------------

    async def load(self, on: date, day: Day | None, plan: Sequence[Exercise], start_from: Day | None = None) -> None:
        """Fill the form with ``day`` (or blank for a new day) and the exercises of ``plan`` for ``on``.

        ``start_from`` (a recent day) pre-ticks where it hurt, for a new day only.
        """
        self.on_date = on
        self._base = day
        self._session_logs = {}
        self._pain_after = day.pain_after_exercises if day else None
        for key, _, _ in PAIN_ROWS:
            self.query_one(f"#pain-{key}", PainScale).value = getattr(day, f"pain_{key}") if day else None
        self.query_one("#pain-limb", PainScale).value = day.pain_limb if day else None

        where = day or start_from
        self._set_selected("regions", where.regions if where else ())
        reach = {r.limb: r.extent for r in where.radiating} if where else {}
        for limb in LIMBS:
            self.query_one(f"#limb-{limb}", Picker).value = reach.get(limb)
        hint = self.query_one("#regions-hint", Static)
        if day is None and start_from is not None:
            hint.update(Content(f"Ticked as on {short_date(start_from.date)}: change what differs today."))
        else:
            hint.update("Space ticks or unticks.")

        self._field("sessions", SessionsPanel).set_sessions(day.sessions if day else ())
        self._field("medications", MedicationsPanel).set_day(on, day.medications if day else ())
        self._field("sleep-hours", HoursField).value = day.sleep_hours if day else None
        self._field("sleep-quality", NumberScale).value = day.sleep_quality if day else None
        self._field("mood", NumberScale).value = day.mood if day else None
        await self.set_plan(plan, keep_ticks=False)

        mobility = day.mobility if day else Mobility()
        for _, widget_id, _, _ in MOBILITY_FIELDS:
            value = getattr(mobility, "fingertip_floor_cm" if widget_id == "fingertip" else widget_id)
            self._set_text(widget_id, "" if value is None else str(value))
        self._set_text("notes", day.notes if day else "")
        self._set_text("questions", day.questions if day else "")
        self._set_selected("red-flags", day.red_flags if day else ())
        # Sessions set here post no change of their own: count them now (a day reloaded after a
        # merge may have gained the shell's ice session).
        self.update_tab_labels()
        self.mark_saved()

    async def set_plan(
        self, plan: Sequence[Exercise], *, keep_ticks: bool = True, ticks: dict[int, Entry] | None = None
    ) -> None:
        """Show the exercises planned for the form's day (e.g. after the plan changed), keeping
        what is ticked on screen unless ``keep_ticks`` is False; ``ticks`` then override that.
        """
        assert self.on_date is not None
        on = self.on_date
        logged = {log.exercise_id: (log.status, log.reason) for log in self._base.exercises} if self._base else {}
        entries: dict[int, Entry] = dict(logged)
        if keep_ticks:
            entries.update(self._field("exercises", ExerciseChecklist).entries())
        entries.update(ticks or {})
        # Exercises planned that day, plus any logged that day even if retired since.
        shown = [e for e in plan if e.active_on(on) or e.id in logged]
        await self._field("exercises", ExerciseChecklist).set_plan(shown, entries)

    def _set_selected(self, widget_id: str, values: Sequence[str]) -> None:
        selection_list = self._field(widget_id, SelectionList)
        selection_list.deselect_all()
        for value in values:
            selection_list.select(value)

    # Reading ------------------------------------------------------------------------------------

    def state(self) -> tuple[Any, ...]:
        """Everything the person can change, as plain values: equal states mean nothing changed."""
        return (
            tuple(self.query_one(f"#pain-{key}", PainScale).value for key, _, _ in PAIN_ROWS),
            self.query_one("#pain-limb", PainScale).value,
            tuple(sorted(self.query_one("#regions", SelectionList).selected)),
            tuple(self.query_one(f"#limb-{limb}", Picker).value for limb in LIMBS),
            self._field("sessions", SessionsPanel).sessions,
            tuple(sorted(self._field("exercises", ExerciseChecklist).entries().items())),
            self._field("medications", MedicationsPanel).taken,
            tuple(self._text(w).strip() for _, w, _, _ in MOBILITY_FIELDS),
            self._field("sleep-hours", HoursField).hours,
            self._field("sleep-quality", NumberScale).number,
            self._field("mood", NumberScale).number,
            self._text("notes"),
            self._text("questions"),
            tuple(sorted(self._field("red-flags", SelectionList).selected)),
            self._pain_after,
        )

    @property
    def is_dirty(self) -> bool:
        return self.on_date is not None and self.state() != self._baseline

    def mark_saved(self, day: Day | None = None) -> None:
        """What the form shows now is what the journal holds."""
        if day is not None:
            self._base = day
        self._baseline = self.state()
        self.post_message(self.Edited())

    @property
    def red_flags(self) -> tuple[str, ...]:
        """The red flags ticked now, in the clinical list's order."""
        ticked = set(self._field("red-flags", SelectionList).selected)
        return tuple(flag.id for flag in RED_FLAGS if flag.id in ticked)

    def build(self) -> Day:
        """The day as the form shows it; raises ValidationError naming the field."""
        assert self.on_date is not None
        pains = {key: self.query_one(f"#pain-{key}", PainScale).number for key, _, _ in PAIN_ROWS}
        average = pains["avg"]
        # A red flag may be saved on its own (no pain chosen); nothing else may be.
        if average is None and not self.red_flags:
            raise ValidationError("average pain", "choose a number from 0 to 10 (press a digit key)")
        numbers = {field: optional_int(field, self._text(w)) for field, w, _, _ in MOBILITY_FIELDS}
        mobility = Mobility(
            walk=numbers["walking tolerance"],
            sit=numbers["sitting tolerance"],
            stand=numbers["standing tolerance"],
            stiffness=numbers["morning stiffness"],
            fingertip_floor_cm=numbers["fingertip-to-floor"],
        )
        regions = set(self.query_one("#regions", SelectionList).selected)
        radiating = tuple(
            Radiating(limb, extent)
            for limb in LIMBS
            if (extent := self.query_one(f"#limb-{limb}", Picker).text) is not None
        )
        shown: dict[str, Any] = {
            "date": self.on_date,
            "pain_avg": average,
            "pain_now": pains["now"],
            "pain_worst": pains["worst"],
            "pain_least": pains["least"],
            "pain_limb": self.query_one("#pain-limb", PainScale).number,
            "regions": tuple(r for r in REGIONS if r in regions),
            "radiating": radiating,
            "sessions": self._field("sessions", SessionsPanel).sessions,
            "exercises": self._exercise_logs(),
            "mobility": mobility,
            "medications": self._field("medications", MedicationsPanel).taken,
            "sleep_hours": self._field("sleep-hours", HoursField).hours,
            "sleep_quality": self._field("sleep-quality", NumberScale).number,
            "mood": self._field("mood", NumberScale).number,
            "notes": self._text("notes"),
            "questions": self._text("questions"),
            "red_flags": self.red_flags,
            "pain_after_exercises": self._pain_after,
        }
        # Whatever the form does not show (e.g. typed with the CLI) is kept as stored.
        return self._base.with_changes(**shown) if self._base else Day(**shown)

    def _exercise_logs(self) -> tuple[ExerciseLog, ...]:
        entries = self._field("exercises", ExerciseChecklist).entries()
        before = {log.exercise_id: log for log in self._base.exercises} if self._base else {}
        # Logs of exercises the checklist does not show (e.g. typed with the CLI) are kept as they were.
        logs = [log for exercise_id, log in before.items() if exercise_id not in entries]
        for exercise_id, (status, reason) in entries.items():
            if status is None:
                continue
            old = self._session_logs.get(exercise_id) or before.get(exercise_id)
            # Sets and reps typed with the CLI stay, as long as the status did not change.
            same = old is not None and old.status == status
            logs.append(
                ExerciseLog(
                    exercise_id,
                    status,
                    reason,
                    sets=old.sets if same and old else None,
                    reps=old.reps if same and old else None,
                )
            )
        return tuple(sorted(logs, key=lambda log: log.exercise_id))

    async def apply_exercise_session(
        self, plan: Sequence[Exercise], logs: Sequence[ExerciseLog], pain_after: int | None
    ) -> None:
        """Tick what a guided exercise session did (keeping its sets and reps) and keep its pain after
        exercises; nothing else in the form changes, and nothing is saved until the person saves."""
        self._session_logs.update({log.exercise_id: log for log in logs})
        if pain_after is not None:
            self._pain_after = pain_after
        await self.set_plan(plan, ticks={log.exercise_id: (log.status, log.reason) for log in logs})
        self.query_one(TabbedContent).active = "tab-exercises"
        self._changed()

    # Helping the person -------------------------------------------------------------------------

    def focus_field(self, field: str) -> None:
        """Show and focus the widget of a field the model named in an error."""
        widget_id = FIELD_WIDGETS.get(field)
        if widget_id is None:
            return
        tab = self._tab_of.get(widget_id)
        if tab is None:
            ancestors = self.query_one(f"#{widget_id}").ancestors
            tab = next((a.id for a in ancestors if isinstance(a, TabPane)), None)
        if tab:
            self.query_one(TabbedContent).active = tab  # makes and mounts the tab's fields if never shown
        widget = self._field(widget_id, Widget)
        self.call_later(self._focus_when_mounted, widget, self._mounting.get(tab or ""))

    @staticmethod
    async def _focus_when_mounted(widget: Widget, mounting: AwaitMount | None) -> None:
        if mounting is not None:
            await mounting  # a tab shown just now: its fields are being mounted
        widget.focus()

    def update_tab_labels(self) -> None:
        """Counts on the tabs, and a marker on Red flags when any is ticked."""
        tabs = self.query_one(TabbedContent)
        sessions = len(self._field("sessions", SessionsPanel).sessions)
        entries = self._field("exercises", ExerciseChecklist).entries()
        ticked = sum(1 for status, _ in entries.values() if status is not None)
        flags = len(self.red_flags)
        labels = {
            "tab-heat": Content(f"Treatments ({sessions})" if sessions else "Treatments"),
            "tab-exercises": Content(f"Exercises {ticked}/{len(entries)}" if entries else "Exercises"),
            "tab-flags": Content.styled(f"Red flags ({flags})", "bold $text-error") if flags else Content("Red flags"),
        }
        for pane_id, label in labels.items():
            tab = tabs.get_tab(pane_id)
            # Relabelling restarts the tab underline's animation: only do it for a real change
            # (relabelling on every key press left the underline blank in Textual 8.2).
            if not tab.label.is_same(label):
                tab.label = label

    @on(Picker.Changed)
    @on(Input.Changed)
    @on(SelectionList.SelectedChanged)
    @on(SessionsPanel.Changed)
    @on(MedicationsPanel.Changed)
    def _changed(self) -> None:
        self.update_tab_labels()
        self.post_message(self.Edited())

    @on(Edited)
    def _draw_body_map(self) -> None:
        reach = {limb: self.query_one(f"#limb-{limb}", Picker).text for limb in LIMBS}
        self.query_one(BodyMap).show(self.query_one("#regions", SelectionList).selected, reach)

    def on_text_area_changed(self) -> None:
        # Named rather than decorated: TextArea is not imported until the Notes tab is shown.
        self._changed()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # The exercise row of the focused field gets "-field-focused" so its name lights up (with
        # ":focus-within" on the row, Textual 8.2 left the name lit after the focus moved on).
        for ancestor in event.widget.ancestors:
            if ancestor.has_class("exercise-row"):
                ancestor.add_class("-field-focused")
                break

    def on_descendant_blur(self) -> None:
        for row in self.query(".-field-focused"):
            row.remove_class("-field-focused")

    @on(SelectionList.SelectionHighlighted, "#red-flags")
    def _red_flag_highlighted(self, event: SelectionList.SelectionHighlighted[str]) -> None:
        flag = RED_FLAGS_BY_ID[event.selection.value]
        self._field("red-flag-detail", Static).update(
            Content.assemble((f"{URGENCY_TITLE[flag.urgency]}: ", "bold"), flag.label)
        )

    @on(SelectionList.SelectionToggled, "#red-flags")
    def _red_flag_toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        if event.selection.value in event.selection_list.selected:
            self.post_message(self.RedFlagTicked(self.red_flags))
