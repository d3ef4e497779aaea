"""Pain colours for the heat map and the pain scales, drawn from the current Textual theme.

0 takes the theme's "success" colour, 5 its "warning" and 10 its "error", so the scale follows
whatever theme the person chose instead of fixed greens and reds.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.color import Color, Gradient
from textual.style import Style

from spinejournal.clinical import PAIN_MAX

_FALLBACK = {"success": "#4EBF71", "warning": "#FFA62B", "error": "#BA3C5B"}


def pain_gradient(theme_variables: Mapping[str, str]) -> Gradient:
    """The success -> warning -> error gradient of a theme."""

    def pick(name: str) -> str:
        return theme_variables.get(name) or _FALLBACK[name]

    return Gradient((0.0, pick("success")), (0.5, pick("warning")), (1.0, pick("error")), quality=PAIN_MAX + 1)


def pain_color(theme_variables: Mapping[str, str], pain: int) -> Color:
    """The colour of a 0-10 pain score in the given theme."""
    return pain_gradient(theme_variables).get_color(pain / PAIN_MAX)


def pain_style(theme_variables: Mapping[str, str], pain: int, *, bold: bool = False) -> Style:
    """A cell style for a pain score: its colour as background, with readable text on it."""
    background = pain_color(theme_variables, pain)
    return Style(background=background, foreground=background.get_contrast_text(), bold=bold)
