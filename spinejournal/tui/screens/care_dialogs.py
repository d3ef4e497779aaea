"""The small forms of the Visits screen added with day model v2: a PEG-3 score, a PGIC rating and a
care event (surgery, injection, imaging, diagnosis)."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid
from textual.content import Content
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from spinejournal import clock
from spinejournal.clinical import PEG_ITEMS, PGIC_LABELS
from spinejournal.model import EVENT_KINDS, MAX_EVENT_TEXT, CareEvent, PegScore, PgicRating, ValidationError
from spinejournal.tui.forms import past_day_field
from spinejournal.tui.safe_text import ControlPictures
from spinejournal.tui.screens.dialog import FormDialog
from spinejournal.tui.widgets.number_scale import NumberScale
from spinejournal.tui.widgets.picker import Picker

# The model's field name of each PEG item, as a ValidationError names it.
PEG_FIELDS = {"pain": "PEG pain", "enjoyment": "PEG enjoyment of life", "activity": "PEG general activity"}


def _date_input() -> Input:
    return Input(
        clock.today().isoformat(),
        placeholder="YYYY-MM-DD, today or earlier",
        id="date",
        compact=True,
        highlighter=ControlPictures(),
    )


def _pgic_prompt(rating: int, chosen: bool) -> Content:
    return Content(f"{'▶' if chosen else ' '} {rating}  {PGIC_LABELS[rating]}")


class PegDialog(FormDialog[PegScore]):
    """The three PEG-3 questions, each 0-10; shows the score (their mean) as it is given."""

    heading = "PEG-3: pain, enjoyment of life, general activity"

    def __init__(self, commit: Callable[[PegScore], None] | None = None, current: PegScore | None = None) -> None:
        super().__init__(commit)
        self.current = current
        """Today's stored score, if any: the questions start on its answers, so a save that only
        meant to look never replaces them with blanks or other numbers unseen."""

    def compose_fields(self) -> ComposeResult:
        with Grid(classes="form-grid"):
            yield Label("Date")
            yield _date_input()
        for item, question in PEG_ITEMS.items():
            yield Static(Content(question), classes="hint")
            yield NumberScale(getattr(self.current, item) if self.current else None, id=f"peg-{item}")
        yield Static("", id="peg-score")

    def on_mount(self) -> None:
        self._show_score()
        self.query_one("#peg-pain").focus()

    @on(Picker.Changed)
    def _show_score(self) -> None:
        numbers = [self.query_one(f"#peg-{item}", NumberScale).number for item in PEG_ITEMS]
        given = [n for n in numbers if n is not None]
        score = f"{sum(given) / 3:.1f}" if len(given) == 3 else "– (answer all three)"
        self.query_one("#peg-score", Static).update(Content(f"PEG-3 score (the mean of the three): {score}"))

    def build(self) -> PegScore:
        on_date = past_day_field("PEG date", self.query_one("#date", Input).value)
        numbers: dict[str, int] = {}
        for item in PEG_ITEMS:
            number = self.query_one(f"#peg-{item}", NumberScale).number
            if number is None:
                raise ValidationError(PEG_FIELDS[item], "choose a number from 0 to 10 (press a digit key)")
            numbers[item] = number
        return PegScore(on_date, **numbers)


class PgicDialog(FormDialog[PgicRating]):
    """How the person's condition has changed since care began, 1 (very much improved) to 7."""

    heading = "Since care began, how has your condition changed? (PGIC)"

    def __init__(self, commit: Callable[[PgicRating], None] | None = None, current: PgicRating | None = None) -> None:
        super().__init__(commit)
        self.current = current
        """Today's stored rating, if any: the list starts on it rather than on "No change"."""

    def compose_fields(self) -> ComposeResult:
        with Grid(classes="form-grid"):
            yield Label("Date")
            yield _date_input()
        yield Static("Up/down choose, ctrl+s saves.", classes="hint")
        choices = OptionList(*(Option(_pgic_prompt(n, False), id=str(n)) for n in PGIC_LABELS), id="pgic")
        # Start on today's rating when there is one, else on "No change".
        choices.highlighted = list(PGIC_LABELS).index(self.current.rating if self.current else 4)
        yield choices

    def on_mount(self) -> None:
        self.query_one("#pgic").focus()

    @on(OptionList.OptionHighlighted, "#pgic")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # The choice is marked with a glyph, not only by the highlight's colour.
        choices = event.option_list
        for index, n in enumerate(PGIC_LABELS):
            choices.replace_option_prompt_at_index(index, _pgic_prompt(n, index == event.option_index))

    @on(OptionList.OptionSelected, "#pgic")
    def _chosen(self) -> None:
        self.action_save()  # Enter on a choice saves it, as Enter in a one-line field does

    def build(self) -> PgicRating:
        on_date = past_day_field("PGIC date", self.query_one("#date", Input).value)
        choices = self.query_one("#pgic", OptionList)
        if choices.highlighted is None:
            raise ValidationError("PGIC", "choose 1 to 7")
        return PgicRating(on_date, list(PGIC_LABELS)[choices.highlighted])


class EventDialog(FormDialog[CareEvent]):
    """A dated event of care: its kind and a short text."""

    heading = "Add a care event"

    def __init__(self, commit: Callable[[CareEvent], None] | None = None) -> None:
        super().__init__(commit)

    def compose_fields(self) -> ComposeResult:
        with Grid(classes="form-grid"):
            yield Label("Date")
            yield _date_input()
            yield Label("Kind")
            yield Picker(list(EVENT_KINDS.items()), "imaging", id="kind")
            yield Label("What")
            yield Input(
                placeholder="e.g. MRI lumbar spine",
                id="text",
                compact=True,
                max_length=MAX_EVENT_TEXT,
                highlighter=ControlPictures(),
            )

    def on_mount(self) -> None:
        self.query_one("#date", Input).focus()

    def build(self) -> CareEvent:
        return CareEvent(
            date=past_day_field("event date", self.query_one("#date", Input).value),
            kind=self.query_one("#kind", Picker).text or "other",
            text=self.query_one("#text", Input).value,
        )
