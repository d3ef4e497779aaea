"""A TextArea for the person's own words that never sends their control characters to the terminal."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import TextArea

from spinejournal.tui.safe_text import control_pictures


class SafeTextArea(TextArea):
    """Edits the text as typed or pasted; draws control characters as visible symbols (ESC as ␛)."""

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        safe = control_pictures(line.plain)
        if safe != line.plain:
            line.plain = safe  # same length, so the cursor and selection still line up
        return line
