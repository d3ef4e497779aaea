"""The HTML summary: one self-contained page to open in a browser and print on A4 or Letter.

No scripts, no external files, no network: styles are inline, the three charts are inline SVGs drawn here from
the insights' figures, and a Content-Security-Policy forbids anything else even if a browser were
tricked. Every piece of text (the person's own words above all) goes through ``html.escape``, with
terminal control characters made visible first.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date, timedelta

from spinejournal.clinical import ADHERENT_PERCENT
from spinejournal.insights import DateRange, Insights
from spinejournal.reports.summary import (
    DISCLAIMER,
    Block,
    Bullets,
    Chart,
    Entries,
    Paragraph,
    Section,
    Summary,
    Table,
    percent,
)
from spinejournal.text import printable

# A one-page clinical dashboard: the content is 186 mm wide on both A4 (210 mm) and Letter (216 mm) with
# 12 mm margins; the detail tables (whole journal only) start on a new page.
_STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 9.5pt/1.3 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: #111; margin: 0 auto; padding: 16px; max-width: 186mm; }
header { border-bottom: 2px solid #1f4e9a; padding-bottom: 3px; margin-bottom: 6px; }
h1 { font-size: 14pt; margin: 0; }
h2 { font-size: 10.5pt; margin: 8px 0 3px; border-bottom: 1px solid #999; padding-bottom: 1px; }
p { margin: 3px 0; font-size: 9pt; }
.sub, .foot { color: #333; font-size: 9pt; }
.foot { color: #555; margin-top: 6px; }
.strong { font-weight: 600; }
.alert { border: 2px solid #b00020; background: #fff0f0; padding: 2px 8px 4px; margin: 6px 0; }
.alert h2 { color: #b00020; border-bottom-color: #b00020; margin-top: 2px; }
ul { margin: 3px 0; padding-left: 16px; }
li { margin: 1px 0; }
.headline ul { columns: 2; column-gap: 7mm; }
.headline li { font-size: 8.5pt; line-height: 1.25; margin: 0 0 1px; break-inside: avoid; }
table { border-collapse: collapse; margin: 4px 0; font-size: 9pt; }
th, td { border: 1px solid #bbb; padding: 1px 5px; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 600; }
.entry { margin: 2px 0; font-size: 9pt; }
.entry .when { font-weight: 600; margin-right: 6px; }
.entry .words { white-space: pre-wrap; overflow-wrap: anywhere; }
.charts .blocks { display: flex; flex-wrap: wrap; gap: 2px 2%; }
figure { margin: 2px 0; flex: 0 0 31%; }
figure.wide { flex-basis: 34%; }
figcaption { font-size: 8.5pt; color: #444; }
svg { width: 100%; height: auto; }
.detail-start { break-before: page; }
@page { margin: 12mm; }
@media print {
  body { padding: 0; max-width: none; }
  h2 { break-after: avoid; }
  table, figure, .alert, .entry, li { break-inside: avoid; }
  .alert { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""

# Nothing may load or run: no scripts, no fetches, only the inline style and inline SVG.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def esc(text: str) -> str:
    """User or app text made safe for HTML element content and attribute values."""
    return html.escape(printable(text.replace("\r\n", "\n")), quote=True)


# -- the charts ----------------------------------------------------------------------------------

_LEFT, _RIGHT, _TOP, _BOTTOM = 34, 18, 10, 26
# The three charts sit side by side, each drawn in this viewBox; date labels are about 50 px wide, so
# at most _MAX_TICKS fit under one.
_W, _H = 340, 140
_MAX_TICKS = 5
_LIMB_COLOUR = "#c05a00"
# Each mobility line differs in its dash pattern as well as its colour, so it reads printed in grey.
_MOBILITY = (
    ("walk", "#1f4e9a", ""),
    ("sit", "#2e7d32", "6 3"),
    ("stand", "#8e24aa", "2 2"),
    ("stiffness", "#777", "8 3 2 3"),
)


def _ticks(rng: DateRange, most: int = _MAX_TICKS) -> list[date]:
    """Days to label on the x axis, at most ``most`` (one less when the labels carry the year, as they
    do across a new year, so they do not overlap): each day of a short range, evenly spread days up to
    five weeks, else week starts."""
    if len(rng.day_label(rng.start)) > len("15 Mar"):
        most -= 1
    if rng.days <= most:
        return [rng.start + timedelta(days=n) for n in range(rng.days)]
    if rng.days <= 35:
        return [rng.start + timedelta(days=round(i * (rng.days - 1) / (most - 1))) for i in range(most)]
    starts = [start for start, _end in rng.weeks()]
    return starts[:: -(-len(starts) // most)]


class _Frame:
    """The axes of one chart: days of the range across, 0 to ``top`` up, ``width`` x ``height`` px."""

    def __init__(self, rng: DateRange, top: float, width: int, height: int) -> None:
        self.rng, self.top, self.width, self.height = rng, top, width, height
        self.plot_w, self.plot_h = width - _LEFT - _RIGHT, height - _TOP - _BOTTOM

    def x(self, day: date) -> float:
        """The x of a day: the first day at the left, the last at the right (one day in the middle)."""
        if self.rng.days <= 1:
            return _LEFT + self.plot_w / 2
        return _LEFT + (day.toordinal() - self.rng.start.toordinal()) / (self.rng.days - 1) * self.plot_w

    def y(self, value: float) -> float:
        return _TOP + (self.top - value) / self.top * self.plot_h

    def open(self, chart_id: str, title: str, levels: Iterable[int], ticks: int) -> list[str]:
        """The svg element, its title, the value grid and the date ticks."""
        rng = self.rng
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}" role="img" '
            f'aria-labelledby="{chart_id}-title"><title id="{chart_id}-title">{esc(title)}, '
            f"{esc(rng.day_label(rng.start))} to {esc(rng.day_label(rng.end))}</title>",
            '<g font-size="11" font-family="sans-serif" fill="#444">',
        ]
        for level in levels:
            parts.append(
                f'<line x1="{_LEFT}" x2="{self.width - _RIGHT}" y1="{self.y(level):.1f}" y2="{self.y(level):.1f}" '
                f'stroke="{"#888" if level == 0 else "#ddd"}" stroke-width="1"/>'
                f'<text x="{_LEFT - 6}" y="{self.y(level) + 4:.1f}" text-anchor="end">{level}</text>'
            )
        for tick in _ticks(rng, ticks):
            parts.append(
                f'<line x1="{self.x(tick):.1f}" x2="{self.x(tick):.1f}" y1="{_TOP}" '
                f'y2="{_TOP + self.plot_h}" stroke="#eee"/>'
                f'<text x="{self.x(tick):.1f}" y="{self.height - 8}" text-anchor="middle">'
                f"{esc(rng.day_label(tick))}</text>"
            )
        parts.append("</g>")
        return parts

    def line(
        self, points: Iterable[tuple[date, float | None]], colour: str, *, dashed: bool = False, pattern: str = ""
    ) -> list[str]:
        """A line through the points, broken where a value is missing; ``dashed`` or a dash ``pattern``."""
        parts: list[str] = []
        pattern = pattern or ("5 3" if dashed else "")
        dash = f' stroke-dasharray="{pattern}"' if pattern else ""
        segment: list[str] = []
        for point in (*points, None):
            if point is not None and point[1] is not None:
                segment.append(f"{self.x(point[0]):.1f},{self.y(point[1]):.1f}")
                continue
            if len(segment) > 1:
                parts.append(
                    f'<polyline points="{" ".join(segment)}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>'
                )
            segment = []
        return parts


def pain_svg(ins: Insights, limb: tuple[tuple[date, int], ...] = ()) -> str:
    """Daily average pain as dots and its 7-day mean as a line, over the range, on a 0-10 scale, with
    the daily limb pain (dashed) and care events marked."""
    rng = ins.range
    frame = _Frame(rng, 10, _W, _H)
    parts = frame.open("pain-chart", "Daily average pain", range(0, 11, 2), _MAX_TICKS)
    # The rolling mean as a line, broken where it is missing (too few days logged around a gap).
    parts.extend(frame.line(((p.date, p.rolling_mean) for p in ins.pain.series), "#1f4e9a"))
    parts.extend(frame.line(((on, float(value)) for on, value in limb), _LIMB_COLOUR, dashed=True))
    for point in ins.pain.series:
        parts.append(
            f'<circle cx="{frame.x(point.date):.1f}" cy="{frame.y(point.pain):.1f}" r="2.6" fill="#555">'
            f"<title>{esc(rng.day_label(point.date))}: {point.pain}</title></circle>"
        )
    flares = {f.date for f in ins.pain.flares}
    for point in ins.pain.series:
        if point.date in flares:
            parts.append(
                f'<circle cx="{frame.x(point.date):.1f}" cy="{frame.y(point.pain):.1f}" r="5" fill="none" '
                'stroke="#b00020" stroke-width="1.5"/>'
            )
    # Care events: a dashed line with the kind at the top; the person's text only in its tooltip.
    for event in ins.events.events:
        at = frame.x(event.date)
        parts.append(
            f"<g><title>{esc(rng.day_label(event.date))}: {esc(event.kind_label)}: {esc(event.text)}</title>"
            f'<line x1="{at:.1f}" x2="{at:.1f}" y1="{_TOP}" y2="{_TOP + frame.plot_h}" stroke="#333" '
            'stroke-dasharray="4 3"/>'
            f'<text x="{at + 3:.1f}" y="{_TOP + 10}" font-size="10" font-family="sans-serif" fill="#333">'
            f"{esc(event.kind_label.lower())}</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def adherence_svg(ins: Insights) -> str:
    """Home-exercise adherence per 7-day window as bars (0-100 %), with the ADHERENT_PERCENT line."""
    rng = ins.range
    frame = _Frame(rng, 100, _W, _H)
    parts = frame.open("adherence-chart", "Home exercises done per week", range(0, 101, 25), _MAX_TICKS)
    for week in ins.adherence.weeks:
        if week.percent is None:
            continue
        left, right = frame.x(week.start), frame.x(week.end)
        top = frame.y(min(week.percent, 100.0))
        parts.append(
            f'<rect x="{left:.1f}" y="{top:.1f}" width="{max(right - left, 4):.1f}" '
            f'height="{_TOP + frame.plot_h - top:.1f}" fill="#9bb4dc" stroke="#1f4e9a">'
            f"<title>{esc(rng.day_label(week.start))} to {esc(rng.day_label(week.end))}: "
            f"{esc(percent(week.percent))}</title></rect>"
        )
    at = frame.y(ADHERENT_PERCENT)
    parts.append(
        f'<line x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{at:.1f}" y2="{at:.1f}" stroke="#2e7d32" '
        'stroke-dasharray="4 3"/></svg>'
    )
    return "".join(parts)


def mobility_svg(ins: Insights) -> str:
    """Walking, sitting and standing tolerance and morning stiffness (minutes) per logged day, one line each."""
    rng, series = ins.range, ins.mobility.series
    values = [v for p in series for key, _colour, _dash in _MOBILITY if (v := getattr(p, key)) is not None]
    # A round top above the longest tolerance, so the lines never touch the frame.
    top = max(30, -(-max(values, default=0) // 30) * 30)
    frame = _Frame(rng, top, _W, _H)
    levels = range(0, top + 1, top // 3)
    parts = frame.open("mobility-chart", "Mobility, minutes", levels, _MAX_TICKS)
    for key, colour, dash in _MOBILITY:
        parts.extend(frame.line(((p.date, getattr(p, key)) for p in series), colour, pattern=dash))
    parts.append("</svg>")
    return "".join(parts)


# -- blocks --------------------------------------------------------------------------------------


def _block(block: Block, summary: Summary) -> Iterable[str]:
    if isinstance(block, Paragraph):
        cls = ' class="strong"' if block.strong else ""
        yield f"<p{cls}>{esc(block.text)}</p>"
    elif isinstance(block, Bullets):
        yield "<ul>" + "".join(f"<li>{esc(item)}</li>" for item in block.items) + "</ul>"
    elif isinstance(block, Table):
        yield _table(block)
    elif isinstance(block, Entries):
        for when, words in block.items:
            yield f'<p class="entry"><span class="when">{esc(when)}</span><span class="words">{esc(words)}</span></p>'
    elif isinstance(block, Chart):
        yield _figure(block, summary)


def _figure(chart: Chart, summary: Summary) -> str:
    """One chart with its caption and key; the pain chart takes the whole width."""
    ins = summary.insights
    key = ""
    if chart.kind == "pain":
        svg, cls = pain_svg(ins, summary.limb_series), ' class="wide"'
        if summary.limb_series:
            key += " Dashed orange: limb pain."
        if ins.events.events:
            key += " Dashed grey: care events."
        if ins.pain.flares:
            key += " Red rings mark flares."
    elif chart.kind == "adherence":
        svg, cls = adherence_svg(ins), ""
        key = f" Green line: {ADHERENT_PERCENT:.0f} %."
    else:
        svg, cls = mobility_svg(ins), ""
        key = " Solid: walking, dashed: sitting, dotted: standing, dash-dot: morning stiffness."
    return f"<figure{cls}>{svg}<figcaption>{esc(chart.caption + '.' + key)}</figcaption></figure>"


def _table(table: Table) -> str:
    def cells(row: tuple[str, ...], tag: str) -> str:
        return "".join(
            f"<{tag}{' class=num' if numeric else ''}>{esc(cell)}</{tag}>"
            for cell, numeric in zip(row, table.numeric, strict=True)
        )

    head = f"<thead><tr>{cells(table.columns, 'th')}</tr></thead>"
    last = len(table.rows) - 1
    body = "".join(
        f"<tr{' class=total' if table.total and i == last else ''}>{cells(row, 'td')}</tr>"
        for i, row in enumerate(table.rows)
    )
    return f"<table>{head}<tbody>{body}</tbody></table>"


def _section(section: Section, summary: Summary, css: str = "") -> str:
    inner = "".join(part for block in section.blocks for part in _block(block, summary))
    if section.alert:
        return f'<section class="alert" role="alert"><h2>{esc(section.title)}</h2>{inner}</section>'
    if section.title == "Charts":
        inner = f'<div class="blocks">{inner}</div>'
    cls = {"Charts": "charts", "Headline figures": "headline"}.get(section.title, "")
    classes = " ".join(c for c in (cls, css) if c)
    attr = f' class="{classes}"' if classes else ""
    return f"<section{attr}><h2>{esc(section.title)}</h2>{inner}</section>"


def render_html(summary: Summary) -> str:
    """The summary as one complete HTML document: the dashboard, then any detail on a new page."""
    who = f": {summary.patient}" if summary.patient else ""
    first_detail = next((s for s in summary.sections if s.detail), None)
    body = "".join(_section(s, summary, "detail-start" if s is first_detail else "") for s in summary.sections)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(summary.title + who)}</title>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<header><h1>{esc(summary.title + who)}</h1>"
        f'<p class="sub">{esc(summary.subtitle)}.</p></header>\n'
        f"<main>{body}</main>\n"
        f'<footer><p class="foot">{esc(DISCLAIMER)} Prepared on {esc(summary.prepared.isoformat())}.</p>'
        "</footer>\n"
        "</body>\n</html>\n"
    )


def export_html(summary: Summary) -> bytes:
    """The HTML document as UTF-8 bytes."""
    return render_html(summary).encode("utf-8")
