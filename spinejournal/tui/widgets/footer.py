"""Textual's footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """The key bar at the bottom of a screen, drawn exactly as Textual draws it.

    Textual's footer removes and mounts all its keys again whenever the bindings may have changed:
    twice per focus change and once more whenever a screen is shown. This one looks first, and
    rebuilds only when the keys it would show (with their labels, enabled state and tooltips)
    differ from those on screen. (The day form, the first screen, uses the lighter ``KeyBar``.)
    """

    _shown: Hashable = None  # what the keys on screen were built from
    _check_pending = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._check_pending:
            # Several changes in one step (a focus change, the screen shown) are looked at once.
            self._check_pending = True
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._check_pending = False
        if not self.is_attached:
            return
        shown = self._keys()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()

    def _keys(self) -> Hashable:
        """What ``compose`` builds the keys from: the bindings shown, their state, tooltip and key."""
        app = self.app
        return tuple(
            (key, active.binding, active.enabled, active.tooltip, app.get_key_display(active.binding))
            for key, active in self.screen.active_bindings.items()
            if active.binding.show or key == app.COMMAND_PALETTE_BINDING
        )
