"""A month calendar coloured by average pain: a heat map a person reads at a glance."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date, timedelta
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

from spinejournal import clock
from spinejournal.clinical import PAIN_MAX
from spinejournal.model import Day
from spinejournal.tui.pain_colors import pain_style

_MONTH = Binding.Group("Month")
CELL = 5  # "[15!]": brackets mark the selected day, "!" a red flag
WIDTH = 7 * CELL


def add_months(on: date, months: int) -> date:
    """The same day ``months`` later (or earlier), clamped to the end of a shorter month."""
    index = on.year * 12 + on.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(on.day, last))


class PainCalendar(Widget, can_focus=True):
    """One month, Monday first. Each logged day shows its average pain as colour (and in the day
    summary beside it); unlogged days stay plain. Arrows move, page up/down change month."""

    DEFAULT_CSS = f"""
    PainCalendar {{
        width: {WIDTH + 2};
        height: 10;
        padding: 0 1;
        background: $surface;
    }}
    PainCalendar:focus {{
        background-tint: $foreground 5%;
    }}
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Day before", show=False),
        Binding("right", "move(1)", "Day after", show=False),
        Binding("up", "move(-7)", "Week before", show=False),
        Binding("down", "move(7)", "Week after", show=False),
        Binding("pageup", "month(-1)", "Month before", key_display="pgup", group=_MONTH),
        Binding("pagedown", "month(1)", "Month after", key_display="pgdn", group=_MONTH),
        Binding("home", "today", "Today", show=False),
        Binding("enter", "choose", "Open day"),
    ]

    selected: reactive[date] = reactive(date(2000, 1, 1), init=False)

    class Highlighted(Message):
        """The selected date moved."""

        def __init__(self, on: date) -> None:
            super().__init__()
            self.date = on

    class Chosen(Message):
        """Enter was pressed on a date."""

        def __init__(self, on: date) -> None:
            super().__init__()
            self.date = on

    def __init__(self, days: Mapping[date, Day], selected: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._days = dict(days)
        self.set_reactive(PainCalendar.selected, selected)

    def set_days(self, days: Mapping[date, Day]) -> None:
        self._days = dict(days)
        self.refresh()

    def watch_selected(self, on: date) -> None:
        self.post_message(self.Highlighted(on))

    def action_move(self, days: int) -> None:
        self.selected = self.selected + timedelta(days=days)

    def action_month(self, months: int) -> None:
        self.selected = add_months(self.selected, months)

    def action_today(self) -> None:
        self.selected = clock.today()

    def action_choose(self) -> None:
        self.post_message(self.Chosen(self.selected))

    # Drawing ------------------------------------------------------------------------------------

    def _cell(self, on: date, today: date) -> Content:
        day = self._days.get(on)
        flag = "!" if day is not None and day.red_flags else " "
        left, right = ("[", "]") if on == self.selected else (" ", " ")
        text = f"{left}{on.day:>2}{flag}{right}"
        variables = self.app.theme_variables
        if day is not None and day.pain_avg is not None:
            style = pain_style(variables, day.pain_avg, bold=on == self.selected)
        elif day is not None:
            # Logged for a red flag alone: no pain colour to show, but not dimmed like a day not logged.
            style = Style(bold=True)
        elif on > today:
            style = Style(dim=True, foreground=None)
            text = f"{left} ·{' '}{right}" if on != self.selected else text
        else:
            style = Style(dim=on != self.selected, bold=on == self.selected)
        if on == today:
            style = style + Style(underline=True)
        return Content(text).stylize(style)

    def render(self) -> Content:
        today = clock.today()
        first = self.selected.replace(day=1)
        title = f"{first:%B %Y}"
        lines: list[Content] = [Content.styled(title.center(WIDTH), "bold")]
        lines.append(Content.styled("".join(f" {d:<3} " for d in ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")), "dim"))
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
        for week in weeks:
            cells = [self._cell(d, today) if d.month == first.month else Content(" " * CELL) for d in week]
            lines.append(Content.assemble(*cells))
        lines.extend(Content("") for _ in range(6 - len(weeks)))
        variables = self.app.theme_variables
        legend = [Content.styled("pain ", "dim")]
        legend += [Content(f"{n:^3}").stylize(pain_style(variables, n)) for n in range(0, PAIN_MAX + 1, 2)]
        legend.append(Content.styled("  ! red flag", "dim"))
        lines.append(Content.assemble(*legend))
        return Content("\n").join(lines)
