"""Showing user text safely: on a terminal, control characters are made visible, never obeyed."""

from __future__ import annotations

import re

# C0 controls (but tab and newline, handled below), DEL, C1 controls, and the bidirectional
# overrides that can make text display in a misleading order.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, single_line: bool = False) -> str:
    """``text`` with terminal control characters shown as escapes like ``\\x1b``.

    With ``single_line``, newlines and tabs become ' / ' and a space, for table cells.
    """
    text = _UNSAFE.sub(_visible, text)
    if single_line:
        text = text.replace("\n", " / ").replace("\t", " ")
    return text


def shorten(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` characters, marking the cut with an ellipsis."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"
