"""Showing the person's text in editable fields without letting a terminal obey it.

Textual's Input and TextArea write their text to the terminal as it is, so an escape character
pasted into a note (or stored by another tool) would reach the terminal. In those fields each
control character is drawn as a visible symbol of the same length (ESC as ␛), so cursor positions
still line up and the stored text stays exactly what was typed or pasted. Read-only displays use
``spinejournal.text.printable`` instead (``\\x1b``).
"""

from __future__ import annotations

import re

from rich.highlighter import Highlighter
from rich.text import Text

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode "control pictures": ␛ for ESC, ␇ for BEL, ...
    if code == 0x7F:
        return "␡"
    return "�"


def control_pictures(text: str) -> str:
    """``text`` with each control character replaced by one visible symbol (same length)."""
    return _CONTROL.sub(_picture, text)


class ControlPictures(Highlighter):
    """An Input highlighter that draws control characters as visible symbols."""

    def highlight(self, text: Text) -> None:
        plain = text.plain
        safe = control_pictures(plain)
        if safe != plain:
            for match in _CONTROL.finditer(plain):
                text.stylize("reverse", match.start(), match.end())
            text.plain = safe
