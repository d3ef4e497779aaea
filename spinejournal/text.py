"""Showing user text safely: on a terminal, control characters are made visible, never obeyed."""

from __future__ import annotations

import re

# C0 controls (but tab and newline, handled below), DEL, C1 controls, the line and paragraph
# separators str.splitlines splits on (U+2028/2029; the others are C0/C1), the bidirectional marks
# and overrides that can make text display in a misleading order, and lone surrogates (bytes that
# were not UTF-8 in a command's arguments), which no terminal encoding can write.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


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


def json_printable(json_text: str) -> str:
    """JSON text with the characters ``printable`` escapes written as ``\\uXXXX`` escapes.

    The same JSON, but inert on a terminal (json.dumps leaves C1 controls, bidi overrides and
    U+2028 raw). Tab and newline are left alone: outside strings they are the indentation.
    """
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", json_text)


def shorten(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` characters, marking the cut with an ellipsis."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"
