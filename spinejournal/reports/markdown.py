"""The Markdown summary: plain text that reads well as is, pastes into a clinic note, and renders.

Charts are fixed-width text blocks (the same plotext drawing the TUI shows). Every piece of text is
escaped so that it shows exactly as written and can never become a link, an image, raw HTML, a
heading or a broken table, whether the note is rendered or read raw; terminal control characters are
made visible. The person's own words are kept on one line ('line one / line two'), and bare web
or mail addresses in them do not become links.
"""

from __future__ import annotations

import re

from spinejournal.charts import chart_text
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

CHART_WIDTH = 72
# The pain chart is the tallest; adherence and mobility are small, as on the printed page.
CHART_HEIGHTS = {"pain": 14, "adherence": 9, "mobility": 11}

# Characters with a meaning inside a Markdown line: emphasis, code, links/images, raw HTML, tables,
# strikethrough, backslash itself. A backslash before ASCII punctuation always shows it literally.
_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
# Bare web and mail addresses, which GitHub-style renderers (and Textual's) turn into links by
# themselves: an escaped ':' , '.' or '@' breaks the address so it stays text.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(:)(?=//)|(?<=\bwww)(\.)|(?<=\w)(@)(?=\w)")
# At the start of a line these begin a heading, quote, list or setext underline.
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


def esc(text: str, *, starts_line: bool = False) -> str:
    """``text`` on one line, shown literally by any Markdown renderer (CommonMark / GitHub).

    ``starts_line`` for text that begins a line or a list item, where '# ', '> ', '- ' or '1. ' would
    start a block; elsewhere (table cells, after a label) they are left alone so '3.9' stays '3.9'.
    """
    text = _INLINE.sub(r"\\\1", printable(text.replace("\r\n", "\n"), single_line=True))
    text = _AUTOLINK.sub(lambda m: "\\" + m.group(), text)
    if starts_line:
        # '# x' -> '\# x', but '1. x' -> '1\. x' (a backslash before a digit would show).
        text = _LINE_START.sub(
            lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit() else "\\" + m.group(2)), text
        )
    return text


def _table(table: Table) -> list[str]:
    align = ["--:" if numeric else "---" for numeric in table.numeric]
    lines = ["| " + " | ".join(esc(c) for c in table.columns) + " |", "|" + "|".join(align) + "|"]
    last = len(table.rows) - 1
    for i, row in enumerate(table.rows):
        cells = [esc(c) for c in row]
        if table.total and i == last:
            cells = [f"**{c}**" if c else c for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _block(block: Block, summary: Summary) -> list[str]:
    if isinstance(block, Paragraph):
        return [f"**{esc(block.text)}**" if block.strong else esc(block.text, starts_line=True)]
    if isinstance(block, Bullets):
        return [f"- {esc(item, starts_line=True)}" for item in block.items]
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Entries):
        return [f"- **{esc(when)}**: {esc(words)}" for when, words in block.items]
    if isinstance(block, Chart):
        chart = chart_text(block.kind, summary.insights, width=CHART_WIDTH, height=CHART_HEIGHTS[block.kind])
        # The chart is our own drawing (no user text); a fence keeps its columns aligned.
        return ["```text", chart, "```", esc(block.caption + ".")]
    raise TypeError(f"unknown block {block!r}")


def _section(section: Section, summary: Summary) -> list[str]:
    title = f"!! {section.title}" if section.alert else section.title
    lines = [f"## {esc(title)}", ""]
    for block in section.blocks:
        lines.extend(_block(block, summary))
        lines.append("")
    if section.alert:
        # A quote block sets the red flags apart even in plain text.
        lines = [f"> {line}".rstrip() for line in lines[:-1]] + [""]
    return lines


def render_markdown(summary: Summary) -> str:
    """The summary as a Markdown document, in the order of the printed page; any detail after a rule."""
    who = f": {summary.patient}" if summary.patient else ""
    lines = [f"# {esc(summary.title + who)}", "", esc(summary.subtitle + ".", starts_line=True), ""]
    first_detail = next((s for s in summary.sections if s.detail), None)
    for section in summary.sections:
        if section is first_detail:
            lines.extend(["---", ""])
        lines.extend(_section(section, summary))
    lines.append(f"_{esc(DISCLAIMER)} Prepared on {summary.prepared.isoformat()}._")
    return "\n".join(lines) + "\n"


def export_markdown(summary: Summary) -> bytes:
    """The Markdown document as UTF-8 bytes."""
    return render_markdown(summary).encode("utf-8")
