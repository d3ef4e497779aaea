"""Trend charts drawn with plotext: one drawing per chart, shared by the CLI, the TUI and the exports.

Each ``draw_*`` function takes a plotext-like object (the ``plotext`` module itself, or
``PlotextPlot.plt`` from textual-plotext) and an :class:`~spinejournal.insights.Insights`, and adds
data, ticks, limits and a title; the caller clears the figure and sets its size first.
:func:`chart_text` and :func:`charts_text` return plain text (no colour codes) for a terminal or a file.

Dates never reach plotext: x is a day (or week) number counted from the range start, and the tick
labels are made here from Python dates. plotext's own date handling wants strings in its own format,
forgets that format on ``clf()`` and labels dates in local time, which shifts them by a day in some
time zones; whole-number positions with explicit labels avoid all three.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from spinejournal.clinical import ADHERENT_PERCENT
from spinejournal.insights import Insights, short_date, shown
from spinejournal.text import shorten

# A plotext-like drawing surface: the plotext module or a textual-plotext ``Plot``.
Plotter = Any

CHARTS: tuple[str, ...] = ("pain", "adherence", "heat_ice", "mobility")
# Drawn after CHARTS when the range has data for them (a journal from before day model v2 has none).
OPTIONAL_CHARTS: tuple[str, ...] = ("sleep_mood",)
CHART_TITLES: dict[str, str] = {
    "pain": "Average pain (0-10)",
    "adherence": "Exercises done, % of planned",
    "heat_ice": "Heat and ice sessions per week",
    "mobility": "Mobility, minutes",
    "sleep_mood": "Sleep quality and mood (0-10)",
}
# Beyond this many care events in the range, their kind labels would run into each other: marks only.
_MAX_EVENT_LABELS = 4
# Columns per tick label: day labels ('27 Feb') are at most 6 characters, month labels ('Sep 2025') 8;
# the rest is space between them.
_TICK_SPACING = 10
_MONTH_TICK_SPACING = 12
# plotext leaves out a title wider than the plot less a little margin.
_TITLE_MARGIN = 4
# Room taken by the y axis and the frame, so ticks are spread over what is left.
_Y_AXIS_WIDTH = 8
# Beyond this many weeks, weekly bars would be thinner than a column: draw lines instead.
_MAX_BARS = 16
# Beyond this many days, daily dots only blur the 7-day mean.
_DAILY_DOTS_DAYS = 366
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _max_ticks(width: int, spacing: int = _TICK_SPACING) -> int:
    return max(2, (width - _Y_AXIS_WIDTH) // spacing)


def _thin(items: Sequence[Any], limit: int) -> list[Any]:
    """At most ``limit`` items, evenly picked, always keeping the first."""
    if len(items) <= limit:
        return list(items)
    step = -(-len(items) // limit)  # ceiling division
    return list(items[::step])


def day_ticks(start: date, end: date, width: int) -> tuple[list[int], list[str]]:
    """Tick positions (days from ``start``) and their labels for a day axis ``width`` columns wide.

    Up to about four months: evenly spaced days labelled '2 Mar'. Longer: firsts of the month
    ('Apr 2025': every month, or every 2nd, 3rd or 6th), or of the year ('2025') for longer still.
    """
    days = (end - start).days + 1
    limit = _max_ticks(width)
    if days <= 120:
        count = min(days, limit)
        if count == 1:
            return [0], [short_date(start)]
        positions = sorted({round(i * (days - 1) / (count - 1)) for i in range(count)})
        return positions, [short_date(start + timedelta(days=p)) for p in positions]
    months = []
    first = date(start.year, start.month, 1)
    while first <= end:
        if first >= start:
            months.append(first)
        first = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    month_limit = _max_ticks(width, _MONTH_TICK_SPACING)
    # Every month, or every 2nd, 3rd or 6th on calendar boundaries (Jan, Apr, Jul, Oct for 3).
    for step in (1, 2, 3, 6):
        shown = [m for m in months if (m.month - 1) % step == 0]
        if len(shown) <= month_limit:
            return [(m - start).days for m in shown], [f"{_MONTHS[m.month - 1]} {m.year}" for m in shown]
    years = _thin([m for m in months if m.month == 1], month_limit)
    return [(y - start).days for y in years], [str(y.year) for y in years]


def nice_ticks(top: float, count: int = 4) -> list[int]:
    """Whole-number ticks from 0 to at least ``top`` in about ``count`` round steps (1, 2, 5, 10, 15, 20, ...)."""
    steps = (1, 2, 5, 10, 15, 20, 30, 60, 120, 240, 480)
    step = next((s for s in steps if s * count >= top), steps[-1])
    last = max(step, -(-int(top) // step) * step)
    return list(range(0, last + 1, step))


def _week_ticks(starts: Sequence[date], width: int) -> tuple[list[int], list[str]]:
    positions = _thin(range(len(starts)), _max_ticks(width))
    return positions, [short_date(starts[i]) for i in positions]


def _x(ins: Insights, on: date) -> int:
    return (on - ins.range.start).days


def _pool_size(ins: Insights, width: int) -> int:
    """Days per plotted point, so a long range gets about two points per column (1 = every day)."""
    return max(1, -(-ins.range.days // max(1, 2 * (width - _Y_AXIS_WIDTH))))


def _pooled(points: Sequence[tuple[int, float]], size: int) -> tuple[list[int], list[float]]:
    """Mean of the values in each run of ``size`` days, placed at the run's first day."""
    if size == 1:
        return [x for x, _ in points], [y for _, y in points]
    groups: dict[int, list[float]] = {}
    for x, y in points:
        groups.setdefault(x // size, []).append(y)
    return [k * size for k in groups], [sum(v) / len(v) for v in groups.values()]


def _title(plt: Plotter, width: int, *parts: str) -> None:
    """Title from the first part plus as many of the next as fit: plotext drops a title that is too wide."""
    room = width - _TITLE_MARGIN
    text = parts[0]
    for part in parts[1:]:
        if len(text) + len(part) > room:
            break
        text += part
    plt.title(shorten(text, room))


def _empty(plt: Plotter, title: str, width: int) -> None:
    _title(plt, width, title)
    plt.xticks([], [])
    plt.yticks([], [])


def draw_pain(plt: Plotter, ins: Insights, *, width: int = 80) -> None:
    """Daily average pain, its 7-day mean, the first week's mean as a flat line, and flares marked.

    Over more than a year the daily dots would only blur the line, so the 7-day mean stands alone;
    flares are marked when there are few enough to tell apart.
    """
    pain = ins.pain
    if not pain.series:
        # Days logged for a red flag alone have no pain to draw.
        _empty(plt, f"Average pain: {'none given' if ins.days_logged else 'no days logged'} in this range", width)
        return
    last = ins.range.days - 1
    size = _pool_size(ins, width)
    rolling = [p for p in pain.series if p.rolling_mean is not None]
    # The reference line goes first: where the 7-day mean runs level with it, the mean stays visible.
    if pain.baseline is not None:
        where = "journal's first week" if pain.baseline.scope == "journal" else "first week"
        label = f"{where} {pain.baseline.mean:.1f}"
        plt.plot([0, last], [pain.baseline.mean] * 2, label=label, marker="-", color="blue")
    if ins.range.days <= _DAILY_DOTS_DAYS or not rolling:
        xs = [_x(ins, p.date) for p in pain.series]
        plt.plot(xs, [p.pain for p in pain.series], label="daily", marker="•", color="orange")
    if rolling:
        xs, ys = _pooled([(_x(ins, p.date), p.rolling_mean or 0.0) for p in rolling], size)
        plt.plot(xs, ys, label="7-day mean", marker="hd", color="red")
    if pain.flares and len(pain.flares) <= _max_ticks(width) * 2:
        xs = [_x(ins, f.date) for f in pain.flares]
        plt.scatter(xs, [f.pain for f in pain.flares], label="flare", marker="▲", color="magenta")
    _mark_events(plt, ins)
    plt.xlim(0, max(last, 1))
    plt.ylim(0, 10)
    plt.yticks([0, 2, 4, 6, 8, 10])
    plt.xticks(*day_ticks(ins.range.start, ins.range.end, width))
    _title(plt, width, CHART_TITLES["pain"], f" (each point: {size} days)" if size > 1 else "")


def _mark_events(plt: Plotter, ins: Insights) -> None:
    """Care events as a vertical line with a ▼ at the top and the event's kind beside it (no colour needed).

    The label is the kind ('injection'), never the person's text, so nothing typed reaches the chart.
    """
    events = ins.events.events
    if not events:
        return
    xs = [_x(ins, e.date) for e in events]
    for x in xs:
        plt.vline(x, color="gray")
    plt.scatter(xs, [10] * len(xs), label="care event", marker="▼", color="black")
    if len(events) <= _MAX_EVENT_LABELS:
        for x, e in zip(xs, events, strict=True):
            plt.text(e.kind_label.lower(), x + 0.5, 10, alignment="left", color="black")


# One weekly series: legend label, a value per week (None = nothing to show), bar marker, line marker, colour.
_Series = tuple[str, Sequence[float | None], str, str, str]


def _weekly(
    plt: Plotter, ins: Insights, starts: Sequence[date], series: Sequence[_Series], width: int
) -> tuple[str, tuple[float, float]]:
    """Draw weekly values as side-by-side bars, or as lines when bars would be too thin.

    For lines, weeks are pooled in groups so there is about one point per two columns, each point the
    mean of its weeks, placed at its first week's day on a day axis. Returns a note for the title
    ("" or e.g. " (each point: 4 weeks)") and the x limits, for reference lines across the plot.
    """
    if len(starts) <= _MAX_BARS:
        bar_width = 0.6 / len(series)
        for i, (label, values, marker, _line, color) in enumerate(series):
            xs = [w + i * bar_width for w, v in enumerate(values) if v is not None]
            if xs:
                ys = [v for v in values if v is not None]
                plt.bar(xs, ys, label=label, marker=marker, color=color, width=bar_width)
        offset = bar_width * (len(series) - 1) / 2
        positions, labels = _week_ticks(starts, width)
        plt.xticks([p + offset for p in positions], labels)
        limits = (-0.5, len(starts) - 0.5 + 2 * offset)
        plt.xlim(*limits)
        return "", limits
    size = -(-len(starts) // max(1, (width - _Y_AXIS_WIDTH) // 2))
    for label, values, _bar, marker, color in series:
        xs, ys = [], []
        for first in range(0, len(starts), size):
            group = [v for v in values[first : first + size] if v is not None]
            if group:
                xs.append(_x(ins, starts[first]))
                ys.append(sum(group) / len(group))
        if xs:
            plt.plot(xs, ys, label=label, marker=marker, color=color)
    plt.xticks(*day_ticks(ins.range.start, ins.range.end, width))
    limits = (0, max(ins.range.days - 1, 1))
    plt.xlim(*limits)
    return (f" (each point: {size} weeks)" if size > 1 else ""), limits


def draw_adherence(plt: Plotter, ins: Insights, *, width: int = 80) -> None:
    """Percentage of planned exercise sessions done, week by week, with the 70 % mark as a line."""
    weeks = ins.adherence.weeks
    if ins.adherence.percent is None:
        _empty(plt, "Exercises: none planned in this range", width)
        return
    starts = [w.start for w in weeks]
    note, (left, right) = _weekly(plt, ins, starts, [("done %", [w.percent for w in weeks], "█", "hd", "green")], width)
    mark = f"{ADHERENT_PERCENT:.0f} % mark"
    plt.plot([left, right], [ADHERENT_PERCENT] * 2, label=mark, marker="-", color="blue")
    plt.ylim(0, 100)
    plt.yticks([0, 25, 50, 75, 100], [f"{t} %" for t in (0, 25, 50, 75, 100)])
    _title(plt, width, CHART_TITLES["adherence"], f", {shown(ins.adherence.percent)} % overall", note)


def _relief_label(kind: str, ins: Insights) -> str:
    stats = ins.heat_ice.heat if kind == "heat" else ins.heat_ice.ice
    if stats.mean_relief is None:
        return f"{kind} (relief: too few to say)"
    return f"{kind} (relief {stats.mean_relief:.1f}, n={stats.relief_n})"


def draw_heat_ice(plt: Plotter, ins: Insights, *, width: int = 80) -> None:
    """Heat and ice sessions per week; the legend carries each one's mean relief with n."""
    hi = ins.heat_ice
    if hi.heat.sessions == 0 and hi.ice.sessions == 0:
        _empty(plt, "Heat and ice: no sessions in this range", width)
        return
    weeks = hi.weeks
    note, _ = _weekly(
        plt,
        ins,
        [w.start for w in weeks],
        [
            (_relief_label("heat", ins), [w.heat_sessions for w in weeks], "█", "hd", "red"),
            (_relief_label("ice", ins), [w.ice_sessions for w in weeks], "░", "•", "cyan"),
        ],
        width,
    )
    ticks = nice_ticks(max(max(w.heat_sessions, w.ice_sessions) for w in weeks))
    plt.ylim(0, ticks[-1])
    plt.yticks(ticks)
    _title(plt, width, CHART_TITLES["heat_ice"], note)


_MOBILITY_SERIES = (
    ("walk", "walk", "•", "green"),
    ("sit", "sit", "+", "blue"),
    ("stand", "stand", "x", "orange"),
    ("stiffness", "stiffness", "°", "magenta"),
)


def draw_mobility(plt: Plotter, ins: Insights, *, width: int = 80) -> None:
    """Walking, sitting and standing tolerance and morning stiffness, in minutes, day by day.

    Over a long range each point is the mean of a run of days (the title says how many).
    """
    series = ins.mobility.series
    size = _pool_size(ins, width)
    drawn = False
    for key, label, marker, color in _MOBILITY_SERIES:
        points = [(_x(ins, p.date), float(v)) for p in series if (v := getattr(p, key)) is not None]
        if points:
            xs, ys = _pooled(points, size)
            plt.plot(xs, ys, label=label, marker=marker, color=color)
            drawn = True
    if not drawn:
        _empty(plt, "Mobility: nothing measured in this range", width)
        return
    plt.xlim(0, max(ins.range.days - 1, 1))
    top = max(v for p in series for key, *_ in _MOBILITY_SERIES if (v := getattr(p, key)) is not None)
    ticks = nice_ticks(top)
    plt.ylim(0, ticks[-1])
    plt.yticks(ticks)
    plt.xticks(*day_ticks(ins.range.start, ins.range.end, width))
    _title(plt, width, CHART_TITLES["mobility"], f" (each point: {size} days)" if size > 1 else "")


def draw_sleep_mood(plt: Plotter, ins: Insights, *, width: int = 80) -> None:
    """Sleep quality and mood (0-10) day by day; the title carries the mean hours slept.

    Over a long range each point is the mean of a run of days (the title says how many).
    """
    sm = ins.sleep_mood
    size = _pool_size(ins, width)
    drawn = False
    for measure, label, marker, color in ((sm.quality, "sleep quality", "•", "blue"), (sm.mood, "mood", "+", "green")):
        if measure.points:
            xs, ys = _pooled([(_x(ins, on), v) for on, v in measure.points], size)
            plt.plot(xs, ys, label=label, marker=marker, color=color)
            drawn = True
    if not drawn:
        _empty(plt, "Sleep and mood: nothing logged in this range", width)
        return
    plt.xlim(0, max(ins.range.days - 1, 1))
    plt.ylim(0, 10)
    plt.yticks([0, 2, 4, 6, 8, 10])
    plt.xticks(*day_ticks(ins.range.start, ins.range.end, width))
    hours = f", sleep {sm.hours.mean:.1f} h a night" if sm.hours.mean is not None else ""
    _title(plt, width, CHART_TITLES["sleep_mood"], hours, f" (each point: {size} days)" if size > 1 else "")


DRAWERS: dict[str, Callable[..., None]] = {
    "pain": draw_pain,
    "adherence": draw_adherence,
    "heat_ice": draw_heat_ice,
    "mobility": draw_mobility,
    "sleep_mood": draw_sleep_mood,
}


def charts_for(ins: Insights) -> tuple[str, ...]:
    """The charts worth drawing for ``ins``: all of CHARTS, then the optional ones with data."""
    optional = ("sleep_mood",) if ins.sleep_mood.quality.n or ins.sleep_mood.mood.n else ()
    return CHARTS + optional


def chart_text(kind: str, ins: Insights, *, width: int = 80, height: int = 16) -> str:
    """One chart as plain text (no colour codes), ``width`` x ``height`` characters.

    Uses plotext's shared module-level figure, cleared before and after.
    """
    import plotext

    plotext.clf()
    try:
        plotext.plotsize(width, height)
        plotext.theme("clear")
        DRAWERS[kind](plotext, ins, width=width)
        text = plotext.build()
    finally:
        plotext.clf()
    return "\n".join(line.rstrip() for line in _ANSI.sub("", text).splitlines())


def charts_text(ins: Insights, *, width: int = 80, height: int = 16) -> str:
    """All charts worth drawing (:func:`charts_for`), one after the other, separated by a blank line."""
    return "\n\n".join(chart_text(kind, ins, width=width, height=height) for kind in charts_for(ins))
