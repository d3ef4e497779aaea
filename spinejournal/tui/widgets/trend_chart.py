"""One chart of the Trends screen, drawn by :mod:`spinejournal.charts` with textual-plotext."""

from __future__ import annotations

from textual.app import RenderResult
from textual_plotext import PlotextPlot

from spinejournal.charts import DRAWERS
from spinejournal.insights import RANGE_KEYS, Insights

# Pictures kept per chart: one per range, so switching back and forth between ranges redraws nothing.
KEPT_PICTURES = len(RANGE_KEYS)


class TrendChart(PlotextPlot):
    """Draws one kind of chart (a key of ``charts.DRAWERS``) for the insights given with ``use``.

    Drawing waits until the chart is on screen (a chart in a hidden tab costs nothing), and the
    finished picture is kept for the last few (insights, size, theme): plotext takes about 10 ms to
    draw a 10-year chart and Rich as long again to read its colours, every time it is shown.
    """

    def __init__(self, kind: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.kind = kind
        self._insights: Insights | None = None
        self._drawn: tuple[Insights, int] | None = None  # the insights and width plotext's figure holds
        # (id of the insights, size, theme) -> (those insights, the picture). Holding the insights
        # keeps their id from being reused by another object while the picture is kept.
        self._pictures: dict[tuple[object, ...], tuple[Insights, RenderResult]] = {}

    def on_unmount(self) -> None:
        # PlotextPlot subscribes to theme changes with a callback holding the widget, and Textual
        # only drops such subscriptions when the theme changes: without this, every Trends screen
        # closed kept its charts (and their insights) in memory.
        self.app.theme_changed_signal.unsubscribe(self)

    def use(self, insights: Insights) -> None:
        """Show ``insights`` (drawn when the chart is next on screen)."""
        if insights is not self._insights:
            self._insights = insights
            self.refresh()

    def render(self) -> RenderResult:
        insights = self._insights
        if insights is None:
            return super().render()
        key = (id(insights), self.size, self.app.theme)
        kept = self._pictures.pop(key, None)
        if kept is None:
            # Tick labels are spread to fit the width, so a new width draws again (the numbers are
            # not recomputed: they come with the insights).
            width = self.size.width or self.app.size.width
            if self._drawn is None or self._drawn[0] is not insights or self._drawn[1] != width:
                self.plt.clear_figure()
                DRAWERS[self.kind](self.plt, insights, width=width)
                self._drawn = (insights, width)
            kept = (insights, super().render())
        self._pictures[key] = kept  # now the most recently used
        while len(self._pictures) > KEPT_PICTURES:
            del self._pictures[next(iter(self._pictures))]
        return kept[1]
