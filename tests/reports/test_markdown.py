"""The Markdown summary: readable as plain text, and nothing the person typed can become Markdown.

Golden file: tests/reports/golden/demo-4w.md (regenerate with SPINEJOURNAL_UPDATE_GOLDEN=1).
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from spinejournal.insights import resolve_range
from spinejournal.reports.markdown import esc, render_markdown
from spinejournal.reports.summary import build_summary

from .helpers import DEMO_END, assert_golden, demo, hostile, hostile_v2


def markdown_of(data, key: str = "4w", **dates: date) -> str:  # type: ignore[no-untyped-def]
    return render_markdown(build_summary(data, resolve_range(data, key, today=DEMO_END, **dates)))


def test_demo_summary_matches_golden_file() -> None:
    assert_golden("demo-4w.md", markdown_of(demo()).encode("utf-8"))


def test_the_summary_reads_top_down_like_the_printed_page_with_charts_as_text_blocks() -> None:
    text = markdown_of(demo())
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings == ["Questions for the therapist", "Headline figures", "Charts", "Notes worth reading"]
    assert text.startswith("# Physical therapy summary: Sam Demo\n\nLast 4 weeks: 16 Feb 2026 to 15 Mar 2026")
    charts = re.findall(r"```text\n(.*?)\n```", text, flags=re.S)
    # Pain, weekly adherence and mobility, each no wider than a 72-column code block.
    assert len(charts) == 3
    assert "Average pain (0-10)" in charts[0] and "16 Feb" in charts[0]
    assert max(len(line) for chart in charts for line in chart.splitlines()) <= 72


def test_the_whole_journal_adds_the_detail_tables_after_a_rule() -> None:
    text = markdown_of(demo(), "all")
    page, detail = text.split("\n---\n", 1)
    assert "## Notes worth reading" in page and "## Pain" not in page
    assert re.findall(r"^## (.+)$", detail, flags=re.M)[:2] == ["Pain", "Best and worst days"]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("[bold]x[/]", r"\[bold\]x\[/\]"),
        ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
        ("a|b *c* _d_ `e` ~f~ \\", r"a\|b \*c\* \_d\_ \`e\` \~f\~ \\"),
        ("one\ntwo\r\nthree", "one / two / three"),
        ("\x1b[31mred", r"\\x1b\[31mred"),
        ("3.9", "3.9"),
        # Bare addresses would become links by themselves in GitHub-style renderers.
        ("see http://x, www.a.org or a@b.com", r"see http\://x, www\.a.org or a\@b.com"),
    ],
)
def test_escaping_inline(text: str, shown: str) -> None:
    assert esc(text) == shown


@pytest.mark.parametrize(("text", "shown"), [("# title", r"\# title"), ("- item", r"\- item"), ("1. one", r"1\. one")])
def test_escaping_at_the_start_of_a_line(text: str, shown: str) -> None:
    assert esc(text, starts_line=True) == shown


def test_hostile_text_shows_literally_and_red_flags_come_first() -> None:
    text = markdown_of(hostile(), "since-visit")
    assert "\x1b" not in text and "\r" not in text
    # The red flags are a quote block: '> ## !! Urgent symptoms reported'.
    headings = re.findall(r"^(?:> )?#+ (.+)$", text, flags=re.M)
    assert headings[:2] == [
        r"Physical therapy summary: \<b\>Robert'); DROP TABLE\</b\> \[red\]x\[/\] \\x1b\[2J",
        "!! Urgent symptoms reported",
    ]
    assert "> **1 day with urgent symptoms in this period.**" in text
    assert "> - Reported on 15 Mar: pain at night that rest does not ease." in text
    # Outside the fenced chart, every [ ] < > ` | * _ of the person's text is escaped.
    prose = re.sub(r"```text\n.*?\n```", "", text, flags=re.S)
    for line in prose.splitlines():
        line = re.sub(r"^> ?", "", line)
        if line.startswith("|"):
            line = line.replace(" | ", " ").strip("|")
        assert not re.search(r"(?<!\\)[\[\]<>`]", line), line
    assert r"\<script\>alert(1)\</script\>" in prose
    assert r"\[@click=app.quit\]tap\[/\]" in prose
    # A note's line breaks stay inside its one list item.
    assert "- **15 Mar**: " in prose and "line one / line two / line three" in prose
    assert "flare 🔥 then 😀" in prose


def test_empty_range_renders_a_short_page() -> None:
    text = markdown_of(demo(), start=date(2030, 1, 1), end=date(2030, 1, 7))
    assert "## No days logged" in text and "```" not in text


def test_medication_names_doses_and_event_texts_are_escaped() -> None:
    text = markdown_of(hostile_v2(), "since-visit")
    assert "\x1b" not in text
    prose = re.sub(r"```text\n.*?\n```", "", text, flags=re.S)
    for line in prose.splitlines():
        line = re.sub(r"^> ?", "", line)
        if line.startswith("|"):
            line = line.replace(" | ", " ").strip("|")
        assert not re.search(r"(?<!\\)[\[\]<>`]", line), line
    # The name in the change line and in the doses line, the dose, the event texts: each shown literally.
    name = r"\<script\>ibu\</script\> \[b\]x\[/\] \`\|\` \*a\*"
    assert f"- 8 Mar: {name} dose changed (was \\<b\\>400\\</b\\> mg \\| \\[i\\], as needed;" in prose
    assert f"- {name} (as needed): 22 doses in this period." in prose
    assert (
        r"Week 3 after surgery (\<img src=x onerror=alert(1)\> \[/\] \\x1b\[31mfusion \| \*L4\*, 23 Feb 2026)" in prose
    )
    assert r"- 7 Mar: Injection: \<script\>alert(1)\</script\> \[bold\]loud\[/bold\]" in prose
