"""The keys at the bottom of the day form: Textual's footer, drawn by one widget."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget


@dataclass(frozen=True, slots=True)
class _Key:
    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str
    palette: bool = False  # the command palette's key, drawn at the right end


class KeyBar(Widget):
    """The keys of the focused field and of the screen, drawn as Textual's ``Footer`` draws them.

    Textual's footer is a container of one widget per key; on the day form (the first screen)
    mounting and styling those widgets took ~12 ms of the start. This one widget draws the
    same line, with the same colours from the theme: a click presses the key (or beeps when the
    key does nothing now), the key under the mouse lights up, the palette key has its tooltip.
    Groups of keys (``Binding.Group``) are not drawn as groups: use ``Footer`` for screens with them.
    """

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeyBar > .key-bar--item {
        background: $footer-item-background;
    }
    KeyBar > .key-bar--hover {
        color: $footer-key-foreground;
        background: $block-hover-background;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .key-bar--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyBar > .key-bar--separator {
        color: $foreground 20%;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--item",
        "key-bar--hover",
        "key-bar--key",
        "key-bar--description",
        "key-bar--separator",
    }

    _hover: reactive[int | None] = reactive(None)  # index of the key under the mouse

    def __init__(self) -> None:
        super().__init__()
        self._keys: list[_Key] = []
        self._spans: list[tuple[int, int]] = []  # where each key is drawn, for the mouse

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        keys = self._current_keys()
        if keys != self._keys:
            self._keys = keys
            self.refresh()

    def _current_keys(self) -> list[_Key]:
        """The keys Textual's footer would show now: one per action, the palette's last."""
        app = self.app
        active = self.screen.active_bindings
        keys: list[_Key] = []
        actions: set[str] = set()
        for _, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in actions:
                actions.add(binding.action)
                keys.append(self._key(binding, enabled, tooltip))
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _, binding, enabled, _ = active[app.COMMAND_PALETTE_BINDING]
            keys.append(self._key(binding, enabled, binding.tooltip or binding.description, palette=True))
        return keys

    def _key(self, binding: Binding, enabled: bool, tooltip: str, *, palette: bool = False) -> _Key:
        display = self.app.get_key_display(binding)
        return _Key(binding.key, display, binding.description, enabled, tooltip, palette)

    # Drawing ------------------------------------------------------------------------------------

    def render(self) -> Content:
        parts: list[Content] = []
        self._spans = []
        offset = 0
        keys = [key for key in self._keys if not key.palette]
        for index, key in enumerate(keys):
            cell = self._cell(key, index)
            parts.append(cell)
            self._spans.append((offset, offset + cell.cell_length))
            offset += cell.cell_length
        palette = next((key for key in self._keys if key.palette), None)
        if palette is not None:
            # Docked at the right end after a thin rule, keys and words without their padding.
            cell = self._cell(palette, len(keys))
            width = 1 + cell.cell_length + 1
            start = max(offset, self.size.width - width)
            item = self._item_style(len(keys), palette)
            rule = self.get_visual_style(*self._layers(len(keys)), "key-bar--separator")
            parts.append(Content(" " * (start - offset)))
            parts.append(Content("▏").stylize(rule))
            parts.append(cell)
            parts.append(Content(" ").stylize(Style(background=item.background)))
            self._spans.append((start, start + width))
        return Content.assemble(*parts)

    def _layers(self, index: int) -> list[str]:
        """The component classes under the key at ``index``: the key's own, lit under the mouse."""
        return ["key-bar--item", "key-bar--hover"] if index == self._hover else ["key-bar--item"]

    def _item_style(self, index: int, key: _Key) -> Style:
        style = self.get_visual_style(*self._layers(index))
        return style + Style(dim=True) if not key.enabled else style

    def _cell(self, key: _Key, index: int) -> Content:
        """One key as a Textual FooterKey draws it: " key " then "description "."""
        key_style = self.get_visual_style(*self._layers(index), "key-bar--key")
        words_style = self.get_visual_style(*self._layers(index), "key-bar--description")
        if key.palette:
            text = Content.assemble((key.display, key_style), (f" {key.description}", words_style))
        elif key.description:
            text = Content.assemble((f" {key.display} ", key_style), (f"{key.description} ", words_style))
        else:
            text = Content(key.display).stylize(key_style)
        return text.stylize_before(self._item_style(index, key))

    # Mouse --------------------------------------------------------------------------------------

    def _index_at(self, x: int) -> int | None:
        return next((i for i, (start, end) in enumerate(self._spans) if start <= x < end), None)

    def _shown(self) -> list[_Key]:
        """The keys in the order of ``_spans``: the palette's last."""
        return [key for key in self._keys if not key.palette] + [key for key in self._keys if key.palette]

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover = self._index_at(event.x)
        key = self._shown()[self._hover] if self._hover is not None else None
        self.tooltip = key.tooltip if key is not None and key.tooltip else None

    def on_leave(self) -> None:
        self._hover = None
        self.tooltip = None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._index_at(event.x)
        if index is None:
            return
        key = self._shown()[index]
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
