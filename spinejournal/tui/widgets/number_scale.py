"""A 0-10 scale on one line: a digit key sets it, the arrows nudge it (9 then right is 10)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import ClassVar

from textual.binding import Binding, BindingType

from spinejournal.tui.widgets.picker import Picker

NOT_GIVEN = "–"


def digit_bindings(description: str) -> list[BindingType]:
    """Keys 0-9 set the number; the footer shows them once, as "0-9 <description>"."""
    return [Binding(str(n), f"set_number({n})", description, show=n == 0, key_display="0-9") for n in range(10)]


class NumberScale(Picker):
    """Choose a whole number from 0 to 10, or "not given" (–) when ``optional``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *digit_bindings("Score"),
        Binding("up", "app.focus_previous", "Previous field", show=False),
        Binding("down", "app.focus_next", "Next field", show=False),
    ]

    GAP = 0

    def __init__(
        self,
        value: int | None = None,
        *,
        optional: bool = True,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
        tooltip: str | None = None,
        label: str = "",
        hint: str = "",
    ) -> None:
        options: list[tuple[Hashable | None, str]] = [(None, NOT_GIVEN)] if optional else []
        options += [(n, str(n)) for n in range(11)]
        super().__init__(
            options,
            value,
            name=name,
            id=id,
            classes=classes,
            disabled=disabled,
            tooltip=tooltip,
            label=label,
            hint=hint,
        )

    @property
    def number(self) -> int | None:
        """The number chosen, or None when not given."""
        return self.value if isinstance(self.value, int) else None

    def action_set_number(self, number: int) -> None:
        self.value = number

    def action_step(self, delta: int) -> None:
        # Stop at the ends: wrapping from 10 to "not given" would surprise.
        index = self._values.index(self.value) + delta
        if 0 <= index < len(self._values):
            self.value = self._values[index]
