"""Trends: the charts (pain, exercises, heat and ice, mobility, sleep and mood) and what changed, for a chosen range.

All figures come from :mod:`spinejournal.insights` and every drawing from :mod:`spinejournal.charts`,
the same ones the ``trends`` command and the exports use. Insights are computed once per range and
journal snapshot: redraws (resizes, theme changes, switching back and forth) reuse them, and each
chart keeps its last pictures, so switching back to a range shown before draws nothing again.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static, TabbedContent, TabPane

from spinejournal import clock
from spinejournal.charts import CHARTS, OPTIONAL_CHARTS, charts_for
from spinejournal.insights import (
    RANGE_KEYS,
    DateRange,
    Insights,
    compute,
    headline_lines,
    resolve_range,
    together_lines,
    what_changed,
)
from spinejournal.model import JournalData
from spinejournal.store import JournalError
from spinejournal.text import printable
from spinejournal.tui.widgets.key_bar import KeyBar
from spinejournal.tui.widgets.navbar import NavBar
from spinejournal.tui.widgets.trend_chart import TrendChart

# Range key -> (binding key, footer label). Short labels: the footer has little room at 80 columns.
RANGE_KEYS_BOUND: dict[str, tuple[str, str]] = {
    "since-visit": ("s", "Since visit"),
    "4w": ("w", "4 weeks"),
    "3m": ("m", "3 months"),
    "all": ("a", "All"),
}
CHART_TABS: dict[str, str] = {
    "pain": "Pain",
    "adherence": "Exercises",
    "heat_ice": "Heat & ice",
    "mobility": "Mobility",
    # "Sleep & mood" would be cut at 80 columns; the chart's title names both.
    "sleep_mood": "Sleep",
}


class TrendsScreen(Screen[None]):
    """Charts in tabs, a range switcher on keys, and the "what changed" panel in words beside them."""

    CSS_PATH = "trends.tcss"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [(0, "-narrow"), (110, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(key, f"range('{rng}')", label) for rng, (key, label) in RANGE_KEYS_BOUND.items()),
        Binding("c", "next_chart", "Next chart"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.range_key = RANGE_KEYS[0]
        # (range key) -> (the snapshot and range it was computed for, the insights).
        self._cache: dict[str, tuple[JournalData, DateRange, Insights]] = {}
        self._last_data: JournalData | None = None
        self._shown: tuple[str, ...] = CHARTS  # the charts with a tab now (charts_for the range)

    def compose(self) -> ComposeResult:
        yield NavBar()
        yield Static(id="trends-header", markup=False)
        with Horizontal(id="trends-body"):
            with TabbedContent(id="trends-tabs"):
                for kind in CHARTS + OPTIONAL_CHARTS:
                    with TabPane(CHART_TABS[kind], id=f"tab-{kind}"):
                        yield TrendChart(kind, id=f"chart-{kind}", classes="trend-chart")
            with VerticalScroll(id="what-changed"):
                yield Static("What changed", classes="subheading", markup=False)
                yield Static(id="what-changed-text", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.show_range(self.range_key)

    def on_screen_resume(self) -> None:
        # Back from logging a day: the cache notices a new journal snapshot and recomputes once.
        self.show_range(self.range_key)

    # Data -----------------------------------------------------------------------------------------

    def _data(self) -> JournalData:
        try:
            self._last_data = self.app.journal.data()  # type: ignore[attr-defined]
        except JournalError as exc:
            self.notify(str(exc), severity="error", timeout=8, markup=False)
        return self._last_data if self._last_data is not None else JournalData()

    def insights(self, key: str) -> Insights:
        """Insights for range ``key`` on the journal as it is now, computed at most once per snapshot."""
        data = self._data()
        rng = resolve_range(data, key, today=clock.today())
        cached = self._cache.get(key)
        # The store hands out the same JournalData object until the journal changes: identity is enough.
        if cached is not None and cached[0] is data and cached[1] == rng:
            return cached[2]
        result = compute(data, rng)
        self._cache[key] = (data, rng, result)
        return result

    # Showing --------------------------------------------------------------------------------------

    def show_range(self, key: str) -> None:
        """Switch to range ``key`` and show its charts and words."""
        self.range_key = key
        ins = self.insights(key)
        rng = ins.range
        self.query_one("#trends-header", Static).update(
            Content(
                f"{printable(rng.label)} · {rng.day_label(rng.start)} to {rng.day_label(rng.end)} · "
                f"{ins.days_logged} of {ins.days_in_range} days logged"
            )
        )
        self.query_one("#what-changed-text", Static).update(self._words(ins))
        self._show_tabs(charts_for(ins))
        for chart in self.query(TrendChart):
            chart.use(ins)  # drawn when on screen: the hidden tabs' charts wait until shown

    def _show_tabs(self, shown: tuple[str, ...]) -> None:
        """Tabs for the charts in ``shown`` only: an optional chart without data in the range has none."""
        self._shown = shown
        tabs = self.query_one(TabbedContent)
        if tabs.active.removeprefix("tab-") not in shown:
            tabs.active = f"tab-{CHARTS[0]}"
        for kind in OPTIONAL_CHARTS:
            if kind in shown:
                tabs.show_tab(f"tab-{kind}")
            else:
                tabs.hide_tab(f"tab-{kind}")

    @staticmethod
    def _words(ins: Insights) -> Content:
        """What the therapist's summary says, in its order (``headline_lines``), then what went
        together with better days; red flags first, in the patient's words (what to do now)."""
        if ins.is_empty:
            return Content("\n\n").join(Content(printable(line)) for line in what_changed(ins, period=False))
        headline = headline_lines(ins)
        parts: list[Content] = []
        if ins.red_flag_days:
            # The summary's red-flag lines are for the therapist; here the person reads what to do.
            parts.append(Content.styled(printable(what_changed(ins, period=False)[0]), "bold $text-error"))
        lines = (headline[0], *headline[1 + len(ins.red_flag_days) :], *together_lines(ins))
        parts.extend(Content(printable(line)) for line in lines)
        return Content("\n\n").join(parts)

    # Actions --------------------------------------------------------------------------------------

    def action_range(self, key: str) -> None:
        if key in RANGE_KEYS:
            self.show_range(key)

    def action_next_chart(self) -> None:
        tabs = self.query_one(TabbedContent)
        panes = [f"tab-{kind}" for kind in self._shown]
        tabs.active = panes[(panes.index(tabs.active) + 1) % len(panes)] if tabs.active in panes else panes[0]
