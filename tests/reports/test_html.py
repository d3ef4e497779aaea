"""The HTML summary: self-contained, printable, red flags on top, and no text of the person's as code.

Golden file: tests/reports/golden/demo-4w.html (regenerate with SPINEJOURNAL_UPDATE_GOLDEN=1).
The real-browser check (screenshot, print to PDF on A4 and Letter) is scripts/check_html_in_browser.sh.
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

from spinejournal.insights import resolve_range
from spinejournal.model import JournalData
from spinejournal.reports.html import render_html
from spinejournal.reports.summary import build_summary

from .helpers import DEMO_END, MARKUP, MED_DOSE, MED_NAME, SCRIPT, assert_golden, demo, hostile, hostile_v2

# Everything the page may contain: structure, tables, and the inline SVG charts. No script, iframe,
# object, img, link or form.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section", "h1", "h2",
    "p", "span", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "div",
    "svg", "g", "line", "text", "polyline", "circle", "rect",
}  # fmt: skip


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    return collector


def html_of(data: JournalData, key: str = "4w", **dates: date) -> str:
    return render_html(build_summary(data, resolve_range(data, key, today=DEMO_END, **dates)))


def test_demo_summary_matches_golden_file() -> None:
    assert_golden("demo-4w.html", html_of(demo()).encode("utf-8"))


def test_the_page_is_self_contained_and_forbids_loading_anything() -> None:
    page = html_of(demo())
    tags = parse(page).tags
    assert {tag for tag, _ in tags} <= ALLOWED_TAGS
    for _tag, attrs in tags:
        assert not {"src", "href", "action", "srcset"} & set(attrs)
        assert not any(name.startswith("on") for name in attrs)
    csp = next(a for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp["content"] == "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    assert "url(" not in page and "@import" not in page


def test_it_prints_on_a4_or_letter_with_its_own_print_styles() -> None:
    page = html_of(demo())
    assert "@page { margin: 12mm; }" in page and "@media print" in page
    # 186 mm = the narrower of A4 (210 mm) and Letter (216 mm) less two 12 mm margins.
    assert "max-width: 186mm" in page


def test_the_pain_chart_is_an_inline_svg_with_one_dot_per_logged_day() -> None:
    tags = parse(html_of(demo())).tags
    dots = [a for t, a in tags if t == "circle" and a.get("r") == "2.6"]
    assert len(dots) == 28
    flares = [a for t, a in tags if t == "circle" and a.get("r") == "5"]
    assert len(flares) == 2  # 2 and 3 Mar in the demo


def test_the_mobility_lines_differ_in_dash_as_well_as_colour_so_they_read_in_black_and_white() -> None:
    page = html_of(demo())
    chart = page[page.index('aria-labelledby="mobility-chart-title"') :]
    chart = chart[: chart.index("</svg>")]
    lines = [a for t, a in parse(chart).tags if t == "polyline"]
    # The demo logs all four measures every day: one unbroken line each, none drawn like another.
    assert len(lines) == 4
    assert len({a.get("stroke-dasharray") for a in lines}) == 4
    assert "Solid: walking, dashed: sitting, dotted: standing, dash-dot: morning stiffness." in page


def test_hostile_text_is_escaped_and_red_flags_are_the_first_section() -> None:
    page = html_of(hostile(), "since-visit")
    parsed = parse(page)
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    assert "<script" not in page and "\x1b" not in page
    sections = [a for t, a in parsed.tags if t == "section"]
    assert sections[0] == {"class": "alert", "role": "alert"}
    text = "".join(parsed.text)
    # Shown exactly as typed (after control characters are made visible).
    assert SCRIPT in text
    assert '=HYPERLINK("http://x","click")' in text
    assert "[bold]loud[/bold] [/] [@click=app.quit]tap[/]" in text
    assert "line one\nline two\nline three" in text
    assert "\\x1b[31mred\\x1b[0m" in text
    assert "<b>Robert'); DROP TABLE</b>" in text


def test_empty_and_single_day_ranges_render() -> None:
    empty = html_of(demo(), start=date(2030, 1, 1), end=date(2030, 1, 7))
    assert "<h2>No days logged</h2>" in empty and "<svg" not in empty
    single = parse(html_of(demo(), start=DEMO_END, end=DEMO_END))
    assert len([a for t, a in single.tags if t == "circle" and a.get("r") == "2.6"]) == 1


def test_a_chart_labels_at_most_five_dates_from_the_first_day_four_with_the_year() -> None:
    def labels(page: str) -> list[str]:
        svg = page.split("<svg")[1].split("</svg>")[0]
        return re.findall(r"text-anchor=\"middle\">([^<]*)</text>", svg)

    # The three charts sit side by side, so five labels at most. 8 to 15 Mar (8 days): days
    # 0, 7/4, 14/4, 21/4, 7 after the start, rounded (half to even): 0, 2, 4, 5, 7.
    assert labels(html_of(demo(), "since-visit")) == ["8 Mar", "10 Mar", "12 Mar", "13 Mar", "15 Mar"]
    # 120 days = 18 windows counted back from the end. Across a new year the labels carry the year and
    # only four fit: every fifth window (18 / 4, rounded up) is labelled, windows 0, 5, 10 and 15.
    everything = labels(html_of(demo(), "all"))
    assert len(everything) == 4 and everything[0] == "16 Nov 2025"


def test_medication_names_doses_and_event_texts_are_escaped() -> None:
    page = html_of(hostile_v2(), "since-visit")
    parsed = parse(page)
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    assert "<script" not in page and "<img" not in page and "\x1b" not in page
    text = "".join(parsed.text)
    assert f"8 Mar: {MED_NAME} dose changed (was {MED_DOSE}, as needed; now 200 mg {MARKUP}, as needed)." in text
    assert "Week 3 after surgery (<img src=x onerror=alert(1)> [/] \\x1b[31mfusion | *L4*, 23 Feb 2026)" in text
    assert f"7 Mar: Injection: {SCRIPT} {MARKUP}" in text


def test_care_events_are_marked_on_the_pain_chart_with_their_kind() -> None:
    # hostile_v2: an injection on 7 Mar in the since-visit range (5 to 15 Mar); the surgery before it is not drawn.
    page = html_of(hostile_v2(), "since-visit")
    svg = page[page.index("<svg") : page.index("</svg>")]
    parsed = parse(svg)
    marks = [a for t, a in parsed.tags if t == "line" and a.get("stroke-dasharray")]
    assert len(marks) == 1
    assert "injection" in parsed.text
    assert f"7 Mar: Injection: {SCRIPT} {MARKUP}" in "".join(parsed.text)
    assert "<script" not in svg
