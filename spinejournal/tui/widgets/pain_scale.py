"""A 0-10 pain scale, each number in its pain colour (from the theme) so it reads like the heat map."""

from __future__ import annotations

from collections.abc import Hashable
from typing import ClassVar

from textual.binding import BindingType
from textual.style import Style

from spinejournal.tui.pain_colors import follow_palette, pain_color, pain_style
from spinejournal.tui.widgets.number_scale import NumberScale, digit_bindings


class PainScale(NumberScale):
    """Pain from 0 (none) to 10 (the worst imaginable), or "not given" when optional."""

    BINDINGS: ClassVar[list[BindingType]] = digit_bindings("Pain")

    def on_mount(self) -> None:
        follow_palette(self)  # the pain colours can be switched in the command palette

    def option_style(self, value: Hashable | None, selected: bool) -> Style | None:
        if not isinstance(value, int):
            return None
        variables = self.app.theme_variables
        if selected:
            return pain_style(variables, value, bold=True)
        return Style(foreground=pain_color(variables, value))
