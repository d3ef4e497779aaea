"""The HTML summary: one self-contained page to open in a browser and print on A4 or Letter.

No scripts, no external files, no network: styles are inline, the chart is an inline SVG drawn here from
the insights' figures, and a Content-Security-Policy forbids anything else even if a browser were
tricked. Every piece of text (the person's own words above all) goes through ``html.escape``, with
terminal control characters made visible first.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date, timedelta

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
)
from spinejournal.text import printable

# Width of the page's content on both A4 (210 mm) and Letter (216 mm) with 12 mm margins.
_STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: #111; margin: 0 auto; padding: 16px; max-width: 186mm; }
h1 { font-size: 16pt; margin: 0 0 2px; }
h2 { font-size: 12pt; margin: 14px 0 4px; border-bottom: 1px solid #999; padding-bottom: 1px; }
p { margin: 4px 0; }
.sub, .foot { color: #444; font-size: 9pt; }
.strong { font-weight: 600; }
.alert { border: 2px solid #b00020; background: #fff0f0; padding: 4px 10px 6px; margin: 10px 0; }
.alert h2 { color: #b00020; border-bottom-color: #b00020; margin-top: 4px; }
ul { margin: 4px 0; padding-left: 20px; }
table { border-collapse: collapse; margin: 4px 0; font-size: 9.5pt; }
th, td { border: 1px solid #bbb; padding: 1px 6px; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 600; }
.entry { margin: 2px 0; }
.entry .when { font-weight: 600; margin-right: 6px; }
.entry .words { white-space: pre-wrap; overflow-wrap: anywhere; }
figure { margin: 4px 0; }
figcaption { font-size: 9pt; color: #444; }
svg { width: 100%; height: auto; max-width: 170mm; }
@page { margin: 12mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 9.5pt; }
  h2 { break-after: avoid; }
  table, figure, .alert, .entry { break-inside: avoid; }
  .alert { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""

# Nothing may load or run: no scripts, no fetches, only the inline style and inline SVG.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def esc(text: str) -> str:
    """User or app text made safe for HTML element content and attribute values."""
    return html.escape(printable(text.replace("\r\n", "\n")), quote=True)


# -- the chart -----------------------------------------------------------------------------------

_W, _H = 680, 190
_LEFT, _RIGHT, _TOP, _BOTTOM = 34, 10, 10, 26
# Date labels are about 50 px wide: at most this many fit under the chart.
_MAX_TICKS = 10


def _ticks(rng: DateRange) -> list[date]:
    """Days to label on the x axis: each day of a short range, else week starts, at most _MAX_TICKS."""
    if rng.days <= _MAX_TICKS:
        return [rng.start + timedelta(days=n) for n in range(rng.days)]
    starts = [start for start, _end in rng.weeks()]
    return starts[:: -(-len(starts) // _MAX_TICKS)]


def pain_svg(ins: Insights) -> str:
    """Daily average pain as dots and its 7-day mean as a line, over the range, on a 0-10 scale, with
    care events marked."""
    rng = ins.range
    span = max(rng.days - 1, 1)
    plot_w, plot_h = _W - _LEFT - _RIGHT, _H - _TOP - _BOTTOM

    def x(day_ordinal: int) -> float:
        return _LEFT + (day_ordinal - rng.start.toordinal()) / span * plot_w if rng.days > 1 else _LEFT + plot_w / 2

    def y(value: float) -> float:
        return _TOP + (10 - value) / 10 * plot_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_W} {_H}" role="img" '
        f'aria-labelledby="pain-chart-title"><title id="pain-chart-title">Daily average pain, '
        f"{esc(rng.day_label(rng.start))} to {esc(rng.day_label(rng.end))}</title>",
        '<g font-size="11" font-family="sans-serif" fill="#444">',
    ]
    for level in range(0, 11, 2):
        parts.append(
            f'<line x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{y(level):.1f}" y2="{y(level):.1f}" '
            f'stroke="{"#888" if level == 0 else "#ddd"}" stroke-width="1"/>'
            f'<text x="{_LEFT - 6}" y="{y(level) + 4:.1f}" text-anchor="end">{level}</text>'
        )
    for tick in _ticks(rng):
        parts.append(
            f'<line x1="{x(tick.toordinal()):.1f}" x2="{x(tick.toordinal()):.1f}" y1="{_TOP}" '
            f'y2="{_TOP + plot_h}" stroke="#eee"/>'
            f'<text x="{x(tick.toordinal()):.1f}" y="{_H - 8}" text-anchor="middle">'
            f"{esc(rng.day_label(tick))}</text>"
        )
    parts.append("</g>")
    # The rolling mean as a line, broken where it is missing (too few days logged around a gap).
    segment: list[str] = []
    for point in (*ins.pain.series, None):
        if point is not None and point.rolling_mean is not None:
            segment.append(f"{x(point.date.toordinal()):.1f},{y(point.rolling_mean):.1f}")
            continue
        if len(segment) > 1:
            parts.append(f'<polyline points="{" ".join(segment)}" fill="none" stroke="#1f4e9a" stroke-width="2"/>')
        segment = []
    for point in ins.pain.series:
        parts.append(
            f'<circle cx="{x(point.date.toordinal()):.1f}" cy="{y(point.pain):.1f}" r="2.6" fill="#555">'
            f"<title>{esc(rng.day_label(point.date))}: {point.pain}</title></circle>"
        )
    flares = {f.date for f in ins.pain.flares}
    for point in ins.pain.series:
        if point.date in flares:
            parts.append(
                f'<circle cx="{x(point.date.toordinal()):.1f}" cy="{y(point.pain):.1f}" r="5" fill="none" '
                'stroke="#b00020" stroke-width="1.5"/>'
            )
    # Care events: a dashed line with the kind at the top; the person's text only in its tooltip.
    for event in ins.events.events:
        at = x(event.date.toordinal())
        parts.append(
            f"<g><title>{esc(rng.day_label(event.date))}: {esc(event.kind_label)}: {esc(event.text)}</title>"
            f'<line x1="{at:.1f}" x2="{at:.1f}" y1="{_TOP}" y2="{_TOP + plot_h}" stroke="#333" '
            'stroke-dasharray="4 3"/>'
            f'<text x="{at + 3:.1f}" y="{_TOP + 10}" font-size="10" font-family="sans-serif" fill="#333">'
            f"{esc(event.kind_label.lower())}</text></g>"
        )
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
        flares = " Red rings mark flares." if summary.insights.pain.flares else ""
        yield (
            f"<figure>{pain_svg(summary.insights)}<figcaption>{esc(block.caption + '.' + flares)}</figcaption></figure>"
        )


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


def _section(section: Section, summary: Summary) -> str:
    inner = "".join(part for block in section.blocks for part in _block(block, summary))
    if section.alert:
        return f'<section class="alert" role="alert"><h2>{esc(section.title)}</h2>{inner}</section>'
    return f"<section><h2>{esc(section.title)}</h2>{inner}</section>"


def render_html(summary: Summary) -> str:
    """The summary as one complete HTML document."""
    who = f": {summary.patient}" if summary.patient else ""
    body = "".join(_section(s, summary) for s in summary.sections)
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
