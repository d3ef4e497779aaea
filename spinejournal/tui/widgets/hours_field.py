"""Hours slept, 0 to 24 in half hours, on one line: the arrows move by half an hour, digits type it."""

from __future__ import annotations

from collections.abc import Hashable
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.style import Style

from spinejournal.tui.widgets.number_scale import NOT_GIVEN
from spinejournal.tui.widgets.picker import Picker

HALF_HOURS = [h / 2 for h in range(49)]


def hours_text(hours: float) -> str:
    """7.0 as "7", 7.5 as "7.5"."""
    return f"{hours:g}"


class HoursField(Picker):
    """A picker of 0, 0.5 .. 24 hours (or not given) that shows only the chosen value.

    Left/right step by half an hour; digits type the whole hours ("1", "0" is 10) and "." adds
    the half; backspace clears back to not given.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"type_digit({n})", "Hours", show=n == 0, key_display="0-9") for n in range(10)),
        Binding("full_stop", "half", "½ hour", key_display="."),
        Binding("up", "app.focus_previous", "Previous field", show=False),
        Binding("down", "app.focus_next", "Next field", show=False),
    ]

    def __init__(
        self,
        value: float | None = None,
        *,
        id: str | None = None,
        disabled: bool = False,
        label: str = "",
        hint: str = "",
    ) -> None:
        options: list[tuple[Hashable | None, str]] = [(None, NOT_GIVEN)]
        options += [(h, f"{hours_text(h)} h") for h in HALF_HOURS]
        super().__init__(options, value, id=id, disabled=disabled, label=label, hint=hint)
        self._typed = ""  # the digits typed since the field was focused or last stepped

    @property
    def hours(self) -> float | None:
        """The hours chosen, or None when not given."""
        return self.value if isinstance(self.value, float) else None

    def _render_options(self, normal: Style, chosen: Style, offset: int = 0) -> Content:
        # Only the chosen value, between arrows that say the left/right keys move it.
        label = dict(self._options)[self.value]
        return Content.assemble(("◂ ", normal), Content(f"{label:^6}").stylize(chosen), (" ▸", normal))

    def get_content_width(self, container: object, viewport: object) -> int:
        return 10

    def on_click(self, event: events.Click) -> None:
        return  # one value shown: the keys change it

    def on_blur(self) -> None:
        self._typed = ""

    def action_step(self, delta: int) -> None:
        self._typed = ""
        # Stop at the ends: wrapping from 24 hours to "not given" would surprise.
        index = self._values.index(self.value) + delta
        if 0 <= index < len(self._values):
            self.value = self._values[index]

    def action_clear(self) -> None:
        self._typed = ""
        super().action_clear()

    def action_type_digit(self, digit: int) -> None:
        typed = self._typed + str(digit)
        if len(typed) > 2 or int(typed) > 24:
            typed = str(digit)  # a new number
        self._typed = typed
        self.value = float(int(typed))

    def action_half(self) -> None:
        hours = self.hours
        if hours is not None and hours < 24:
            self.value = float(int(hours)) + 0.5
        self._typed = ""
