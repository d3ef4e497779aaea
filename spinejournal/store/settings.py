"""The app's few settings, in ``settings.json`` beside the journal (nothing is written anywhere else).

Today that is the pain palette. The file is small JSON, written atomically and owner-only (0600)
like the journal; keys this version does not know are kept as they are. A file that cannot be read
(damaged, not JSON, a link or a folder, a value we do not know) gives one line saying so, the
defaults are used, and it is never written over: the person may want what is in it.
``SPINEJOURNAL_PALETTE`` chooses the palette for one run, before the file.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spinejournal.fsutil import atomic_write_bytes, describe_kind, ensure_private_dir
from spinejournal.locations import settings_path
from spinejournal.text import printable

ENV_PALETTE = "SPINEJOURNAL_PALETTE"
# Pain palettes, id -> what the person reads in the command palette.
PALETTES: dict[str, str] = {
    "theme": "the theme's colours, green to amber to red",
    "blues": "one blue, pale to deep: safe for colour-blind eyes and in black and white",
}
DEFAULT_PALETTE = "theme"
_MAX_BYTES = 64 * 1024  # a settings file is a few dozen bytes: anything larger is not ours


class SettingsError(Exception):
    """The settings file cannot be used; ``str()`` is one line saying why (and that it was left alone)."""


@dataclass(frozen=True, slots=True)
class Settings:
    """What the person chose; the defaults when nothing was."""

    pain_palette: str = DEFAULT_PALETTE


def _shown(path: Path) -> str:
    return printable(str(path), single_line=True)


def _read_object(path: Path) -> dict[str, Any] | None:
    """The file's JSON object, None when there is no file; ``SettingsError`` when it cannot be used."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SettingsError(f"the settings file {_shown(path)} cannot be read: {exc.strerror}") from None
    if not stat.S_ISREG(mode):
        raise SettingsError(f"the settings file {_shown(path)} is {describe_kind(mode)}, not a file")
    try:
        with path.open("rb") as file:
            raw = file.read(_MAX_BYTES + 1)
    except OSError as exc:
        raise SettingsError(f"the settings file {_shown(path)} cannot be read: {exc.strerror}") from None
    if len(raw) > _MAX_BYTES:
        raise SettingsError(f"the settings file {_shown(path)} is too large to be ours")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SettingsError(f"the settings file {_shown(path)} is damaged (not JSON)") from None
    if not isinstance(data, dict):
        raise SettingsError(f"the settings file {_shown(path)} is damaged (not a JSON object)")
    return data


def _palette_of(data: Mapping[str, Any], path: Path) -> str:
    palette = data.get("pain_palette", DEFAULT_PALETTE)
    if palette not in PALETTES:
        shown = printable(repr(palette), single_line=True)[:40]
        raise SettingsError(f"the settings file {_shown(path)} names a pain palette we do not know: {shown}")
    return str(palette)


def read_settings(journal: Path) -> Settings:
    """The settings saved beside ``journal``; the defaults when there are none.

    Raises ``SettingsError`` (one line) when the file is there but cannot be used.
    """
    path = settings_path(journal)
    data = _read_object(path)
    return Settings() if data is None else Settings(pain_palette=_palette_of(data, path))


def write_settings(journal: Path, settings: Settings) -> None:
    """Save ``settings`` beside ``journal``, atomically and owner-only, keeping keys we do not know.

    Raises ``SettingsError`` when the file there cannot be read (it is never written over) or
    the new one cannot be written.
    """
    path = settings_path(journal)
    data = _read_object(path) or {}
    _palette_of(data, path)  # a palette we do not know (a later version's?) is not ours to replace
    data["pain_palette"] = settings.pain_palette
    try:
        ensure_private_dir(path.parent)
        atomic_write_bytes(path, (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8"))
    except OSError as exc:
        raise SettingsError(f"the settings could not be saved to {_shown(path)}: {exc.strerror or exc}") from None


def chosen_palette(journal: Path | None, environ: Mapping[str, str] = os.environ) -> tuple[str | None, str | None]:
    """The pain palette the person chose (None: none was), and one line to show when a choice
    could not be used.

    ``SPINEJOURNAL_PALETTE`` first, then the settings beside ``journal`` (None: a journal with no
    folder of its own, e.g. an export opened for review).
    """
    wanted = environ.get(ENV_PALETTE, "").strip().lower()
    if wanted in PALETTES:
        return wanted, None
    problem = None
    if wanted:
        known = ", ".join(PALETTES)
        shown = printable(wanted, single_line=True)[:40]
        problem = f"{ENV_PALETTE}={shown} is not a pain palette ({known}): it was ignored"
    if journal is None or not os.path.lexists(settings_path(journal)):  # a dangling link is reported
        return None, problem
    try:
        return read_settings(journal).pain_palette, problem
    except SettingsError as exc:
        damaged = f"{exc}: the default colours are used and the file was left as it is"
        return None, f"{problem}; {damaged}" if problem else damaged
