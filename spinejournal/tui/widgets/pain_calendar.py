"""A month calendar of average pain: a heat map a person reads at a glance, with the numbers in it.

Each logged day shows its average pain as a digit beside the date, on its pain colour, so the
calendar reads the same without colour (NO_COLOR, a monochrome terminal, colour-blind eyes): the
chosen day is marked "▸" and a red flag "!", both glyphs, not colours.
"""

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
from spinejournal.tui.pain_colors import follow_palette, pain_style

_MONTH = Binding.Group("Month")
CELL = 6  # "▸15·4 ": "▸" marks the selected day, then the date, "·" (or "!" for a red flag), the average pain
SELECTED = "▸"
FLAG = "!"
JOIN = "·"
WIDTH = 7 * CELL


def add_months(on: date, months: int) -> date:
    """The same day ``months`` later (or earlier), clamped to the end of a shorter month."""
    index = on.year * 12 + on.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(on.day, last))


class PainCalendar(Widget, can_focus=True):
    """One month, Monday first. Each logged day shows its average pain as a digit on its colour
    (and in the day summary beside it); unlogged days stay plain. Arrows move, page up/down change month."""

    DEFAULT_CSS = f"""
    PainCalendar {{
        width: {WIDTH + 1};
        height: 10;
        padding: 0 1 0 0;
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

    def on_mount(self) -> None:
        follow_palette(self)

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
        """One day: the selection mark, the date, then (logged) the flag or "·" and the pain on its colour.

        Days not logged, and days still to come, show their date dimmed and nothing after it.
        """
        day = self._days.get(on)
        chosen = on == self.selected
        mark = SELECTED if chosen else " "
        alone = day is not None and day.pain_avg is None  # a red flag logged on its own, no pain number
        date_style = Style(bold=chosen or alone, dim=not chosen and day is None, underline=on == today)
        date_text = Content(f"{on.day:>2}").stylize(date_style)
        if day is not None and day.pain_avg is not None:
            join = FLAG if day.red_flags else JOIN
            pain = Content(f"{join}{day.pain_avg:<2}").stylize(pain_style(self.app.theme_variables, day.pain_avg))
            return Content.assemble(mark, date_text, pain)
        return Content.assemble(mark, date_text, Content.styled(f"{FLAG}  ", "bold") if alone else "   ")

    def render(self) -> Content:
        today = clock.today()
        first = self.selected.replace(day=1)
        title = f"{first:%B %Y}"
        lines: list[Content] = [Content.styled(title.center(WIDTH), "bold")]
        names = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
        lines.append(Content.styled("".join(f" {name:<{CELL - 1}}" for name in names), "dim"))
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
        for week in weeks:
            cells = [self._cell(d, today) if d.month == first.month else Content(" " * CELL) for d in week]
            lines.append(Content.assemble(*cells))
        lines.extend(Content("") for _ in range(6 - len(weeks)))
        variables = self.app.theme_variables
        legend = [Content.styled(f"day{JOIN}pain ", "dim")]
        legend += [Content(f"{n:^3}").stylize(pain_style(variables, n)) for n in range(0, PAIN_MAX + 1, 2)]
        legend.append(Content.styled(f"  {FLAG} red flag", "dim"))
        lines.append(Content.assemble(*legend))
        return Content("\n").join(lines)
