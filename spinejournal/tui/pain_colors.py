"""Pain colours for the heat map, the pain scales and the body picture, in the palette chosen.

Two palettes (``spinejournal.store.settings.PALETTES``):

- "theme" (the default): 0 takes the theme's "success" colour, 5 its "warning" and 10 its "error",
  so the scale follows whatever theme the person chose. A green-to-red ramp is the one pair
  red-green colour-blind eyes cannot tell apart, and in grey (NO_COLOR) it is not even in order:
  amber is lighter than green, red darker than both.
- "blues": ColorBrewer's single-hue "Blues" (colorbrewer2.org, Cynthia Brewer): only lightness
  changes, so every kind of colour vision, and a monochrome terminal, sees the order. More pain
  stands out more: deeper blue on a light theme, paler blue on a dark one.

The app runs one at a time in a process and sets the palette when it starts (``start_palette``:
``SPINEJOURNAL_PALETTE``, else the settings beside the journal, else "blues" under NO_COLOR, else
the theme's); the command palette's "Pain colours" switches and saves it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from textual.app import App, SystemCommand
from textual.color import Color, ColorParseError, Gradient
from textual.signal import Signal
from textual.style import Style
from textual.widget import Widget

from spinejournal.clinical import PAIN_MAX
from spinejournal.store.settings import (
    DEFAULT_PALETTE,
    ENV_PALETTE,
    PALETTES,
    Settings,
    SettingsError,
    chosen_palette,
    write_settings,
)

_FALLBACK = {"success": "#4EBF71", "warning": "#FFA62B", "error": "#BA3C5B"}
BLUES = ("#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")
_active = {"palette": DEFAULT_PALETTE}  # set by start_palette and use_palette: one app per process
_changed: WeakKeyDictionary[App[Any], Signal[str]] = WeakKeyDictionary()


def current_palette() -> str:
    """The id of the pain palette in use."""
    return _active["palette"]


def set_palette(palette: str) -> None:
    """Use ``palette`` from now on (widgets drawn already keep their colours until redrawn)."""
    if palette not in PALETTES:
        raise ValueError(f"unknown pain palette {palette!r}")
    _active["palette"] = palette


def _is_dark(theme_variables: Mapping[str, str]) -> bool:
    background = theme_variables.get("background")
    try:
        return Color.parse(background).brightness < 0.5 if background else True
    except ColorParseError:  # a theme variable we cannot parse: Textual's default themes are dark
        return True


def pain_gradient(theme_variables: Mapping[str, str], palette: str | None = None) -> Gradient:
    """The gradient from pain 0 to 10 of ``palette`` (default: the one in use) in a theme."""
    if (palette or current_palette()) == "blues":
        stops = BLUES[::-1] if _is_dark(theme_variables) else BLUES
        last = len(stops) - 1
        return Gradient(*((n / last, stop) for n, stop in enumerate(stops)), quality=PAIN_MAX + 1)

    def pick(name: str) -> str:
        return theme_variables.get(name) or _FALLBACK[name]

    return Gradient((0.0, pick("success")), (0.5, pick("warning")), (1.0, pick("error")), quality=PAIN_MAX + 1)


def pain_color(theme_variables: Mapping[str, str], pain: int, palette: str | None = None) -> Color:
    """The colour of a 0-10 pain score in the given theme."""
    return pain_gradient(theme_variables, palette).get_color(pain / PAIN_MAX)


def pain_style(theme_variables: Mapping[str, str], pain: int, *, bold: bool = False) -> Style:
    """A cell style for a pain score: its colour as background, with readable text on it."""
    background = pain_color(theme_variables, pain)
    return Style(background=background, foreground=background.get_contrast_text(), bold=bold)


# In the app ---------------------------------------------------------------------------------------


def start_palette(app: App[Any], journal: Path | None) -> None:
    """Choose the palette as the app starts: ``SPINEJOURNAL_PALETTE``, the settings beside ``journal``
    (None: nothing saved, e.g. a review), "blues" under NO_COLOR, else the theme's. A setting that
    cannot be used is said in one line."""
    palette, problem = chosen_palette(journal)
    # In grey the theme's ramp is out of order (see the module's docstring); the blues stay in order.
    set_palette(palette or ("blues" if app.no_color else DEFAULT_PALETTE))
    if problem:
        app.notify(problem, severity="warning", timeout=10, markup=False)


def follow_palette(widget: Widget) -> None:
    """Redraw ``widget`` when the palette changes (call it once mounted). A signal, because the
    other sections' screens are kept by the app but not listed by any public API: their widgets
    must hear of the change themselves."""
    _signal(widget.app).subscribe(widget, lambda _palette: widget.refresh())


def _signal(app: App[Any]) -> Signal[str]:
    if app not in _changed:
        _changed[app] = Signal(app, "pain-palette-changed")
    return _changed[app]


_COMMAND_NAMES = {"theme": "the theme (green to red)", "blues": "colour-blind safe blues"}


def palette_commands(app: App[Any], journal: Path | None) -> Iterator[SystemCommand]:
    """The command palette's "Pain colours: ..." for each palette not in use; ``journal`` None
    (a read-only review) switches for this run only."""
    for palette, words in PALETTES.items():
        if palette != current_palette():
            title = f"Pain colours: {_COMMAND_NAMES[palette]}"
            yield SystemCommand(title, f"Pain numbers in {words}", partial(use_palette, app, journal, palette))


def use_palette(app: App[Any], journal: Path | None, palette: str) -> None:
    """Switch to ``palette`` now, redraw what shows pain (the widgets that ``follow_palette``), and
    save it beside ``journal``."""
    set_palette(palette)
    _signal(app).publish(palette)
    if journal is None:
        app.notify("Pain colours changed until you quit (nothing is saved in a review).", markup=False)
        return
    try:
        write_settings(journal, Settings(pain_palette=palette))
    except SettingsError as exc:
        app.notify(f"Pain colours changed until you quit: {exc}.", severity="warning", timeout=10, markup=False)
        return
    note = f" ({ENV_PALETTE} still chooses when the app starts)" if ENV_PALETTE in os.environ else ""
    app.notify(f"Pain colours saved{note}.", markup=False)
