"""A one-line choice among a few options, driven by the arrow keys: compact enough for 80x24."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget


class Picker(Widget, can_focus=True):
    """Pick one option on a single line: left/right move the choice, a click picks one.

    Options are ``(value, label)`` pairs; a ``None`` value stands for "not given", which
    backspace or delete choose. Labels are our own words, never user text.
    """

    DEFAULT_CSS = """
    Picker {
        height: 1;
        width: auto;
        padding: 0 1;
        background: $surface;
    }
    Picker:focus {
        background: $boost;
        background-tint: $foreground 8%;
    }
    Picker > .picker--option {
        color: $text-muted;
    }
    Picker > .picker--selected {
        background: $primary;
        color: $text;
        text-style: bold;
    }
    Picker:focus > .picker--selected {
        background: $accent;
        color: $text;
    }
    Picker:disabled {
        opacity: 0.6;
    }
    /* With a label, the picker is a whole line of a form: label, options, a hint after them. */
    Picker.-labelled {
        width: 1fr;
        padding: 0;
        background: transparent;
    }
    Picker.-labelled:focus {
        background: transparent;
        background-tint: $foreground 0%;
    }
    Picker.-labelled > .picker--field {
        background: $surface;
    }
    Picker.-labelled:focus > .picker--field {
        background: $boost;
        background-tint: $foreground 8%;
    }
    Picker.-labelled:focus > .picker--label {
        color: $accent;
        text-style: bold;
    }
    Picker.-labelled > .picker--hint {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", "Previous", show=False),
        Binding("right", "step(1)", "Next", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("backspace,delete", "clear", "Clear", show=False),
        Binding("space", "step(1)", "Next", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "picker--option",
        "picker--selected",
        "picker--field",
        "picker--label",
        "picker--hint",
    }

    GAP: ClassVar[int] = 1
    """Spaces between two options."""

    LABEL_WIDTH: ClassVar[int] = 15
    """Columns before the options of a labelled picker: the label, padded by one space each side."""

    value: reactive[Hashable | None] = reactive(None, init=False)

    class Changed(Message):
        """The chosen option changed (by the person or by code)."""

        def __init__(self, picker: Picker, value: Hashable | None) -> None:
            super().__init__()
            self.picker = picker
            self.value = value

        @property
        def control(self) -> Picker:
            return self.picker

    def __init__(
        self,
        options: Sequence[tuple[Hashable | None, str]],
        value: Hashable | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
        tooltip: str | None = None,
        label: str = "",
        hint: str = "",
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        # A label (and a hint) make the picker a whole line of a form, drawn by this one widget:
        # the day form has nine such lines on its first screen, each widget there costs start-up.
        self._label = label
        self._hint = hint
        if label:
            self.add_class("-labelled")
        self._options = list(options)
        self._values = [v for v, _ in self._options]
        self._spans: list[tuple[int, int]] = []
        if tooltip:
            self.tooltip = tooltip
        self.set_reactive(Picker.value, value if value in self._values else self._values[0])

    @property
    def options(self) -> list[tuple[Hashable | None, str]]:
        return list(self._options)

    @property
    def text(self) -> str | None:
        """The chosen value as text (values here are ids such as "heat"), or None when not given."""
        return None if self.value is None else str(self.value)

    def validate_value(self, value: Hashable | None) -> Hashable | None:
        # An unknown value falls back to the first option rather than showing nothing chosen.
        return value if value in self._values else self._values[0]

    def watch_value(self, value: Hashable | None) -> None:
        self.post_message(self.Changed(self, value))

    # Drawing ------------------------------------------------------------------------------------

    def option_style(self, value: Hashable | None, selected: bool) -> Style | None:
        """A style of its own for one option; None uses the component classes. For subclasses."""
        return None

    def render(self) -> Content:
        if not self._label:
            return self._render_options(
                self.get_visual_style("picker--option"), self.get_visual_style("picker--selected")
            )
        # Label, then the options on the field's background (with a space each side, where an
        # unlabelled picker has its padding), then the hint. Only the words take the label's and
        # the hint's style, as Labels with padding draw them.
        field = self.get_visual_style("picker--field")
        label = self._label[: self.LABEL_WIDTH - 2]
        options = self._render_options(
            self.get_visual_style("picker--field", "picker--option"),
            self.get_visual_style("picker--field", "picker--selected"),
            offset=self.LABEL_WIDTH + 1,
        )
        parts = [
            Content(" "),
            Content(label).stylize(self.get_visual_style("picker--label")),
            Content(" " * (self.LABEL_WIDTH - 1 - len(label))),
            Content.assemble(" ", options, " ").stylize_before(field),
        ]
        if self._hint:
            parts += [Content(" "), Content(self._hint).stylize(self.get_visual_style("picker--hint"))]
        return Content.assemble(*parts)

    def _render_options(self, normal: Style, chosen: Style, offset: int = 0) -> Content:
        """The options in a row; remembers where each is drawn, from ``offset``, for clicks."""
        parts: list[Content] = []
        self._spans = []
        for index, (value, label) in enumerate(self._options):
            selected = value == self.value
            style = self.option_style(value, selected) or (chosen if selected else normal)
            cell = Content(f" {label} ").stylize(style)
            if index and self.GAP:
                parts.append(Content(" " * self.GAP))
                offset += self.GAP
            parts.append(cell)
            self._spans.append((offset, offset + cell.cell_length))
            offset += cell.cell_length
        return Content.assemble(*parts)

    def get_content_width(self, container: Any, viewport: Any) -> int:
        return sum(len(label) + 2 for _, label in self._options) + self.GAP * (len(self._options) - 1)

    # Keys and mouse -----------------------------------------------------------------------------

    def action_step(self, delta: int) -> None:
        index = self._values.index(self.value)
        self.value = self._values[(index + delta) % len(self._values)]

    def action_jump(self, index: int) -> None:
        self.value = self._values[index]

    def action_clear(self) -> None:
        if None in self._values:
            self.value = None

    def on_click(self, event: events.Click) -> None:
        x = event.x - self.styles.padding.left
        for (start, end), value in zip(self._spans, self._values, strict=True):
            if start <= x < end:
                self.value = value
                break
