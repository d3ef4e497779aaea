"""The keys at the bottom of every screen: Textual's footer, drawn by one widget."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
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
    group: Binding.Group | None = None  # drawn without its description, the group's after the last
    last_in_group: bool = False


class KeyBar(Widget):
    """The keys of the focused widget and of the screen, drawn as Textual's ``Footer`` draws them.

    Textual's footer is a container of one widget per key, removed and mounted again whenever
    the bindings may have changed; this one widget draws the same line, with the same colours
    from the theme, and redraws only when the keys change. A click presses the key (or beeps
    when the key does nothing now), the key under the mouse lights up, keys have their tooltips,
    keys of one ``Binding.Group`` are shown together under the group's description, and when the
    line is too narrow the palette key stays at the right end over the others.
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
    KeyBar > .key-bar--group {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--item",
        "key-bar--hover",
        "key-bar--key",
        "key-bar--description",
        "key-bar--separator",
        "key-bar--group",
    }

    _hover: reactive[int | None] = reactive(None)  # index of the key under the mouse

    def __init__(self) -> None:
        super().__init__()
        self._keys: list[_Key] = []
        self._spans: list[tuple[int, int, int]] = []  # (start, end, index in _keys) of each key drawn

    def on_mount(self) -> None:
        # The keys are first read when the screen publishes its bindings (as for Textual's footer),
        # not now: a screen's ``check_action`` may query widgets that are not mounted yet.
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        keys = self._current_keys()
        if keys != self._keys:
            self._keys = keys
            self.refresh()

    def _current_keys(self) -> list[_Key]:
        """The keys Textual's footer would show now: one per action, groups together, the palette's last."""
        app = self.app
        active = self.screen.active_bindings
        first: dict[str, tuple[Binding, bool, str]] = {}  # the first binding shown for each action
        for _, binding, enabled, tooltip in active.values():
            if binding.show:
                first.setdefault(binding.action, (binding, enabled, tooltip))
        keys: list[_Key] = []
        for group, run in groupby(first.values(), lambda shown: shown[0].group):
            members = list(run)
            if group is not None and len(members) > 1:
                for n, (binding, enabled, tooltip) in enumerate(members, start=1):
                    key = self._key(binding, enabled, tooltip or binding.description)
                    keys.append(_Key(key.key, key.display, "", enabled, key.tooltip, False, group, n == len(members)))
            else:
                keys.extend(self._key(binding, enabled, tooltip) for binding, enabled, tooltip in members)
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

        def add(part: Content, index: int | None = None) -> None:
            nonlocal offset
            parts.append(part)
            if index is not None:
                self._spans.append((offset, offset + part.cell_length, index))
            offset += part.cell_length

        in_group = False
        for index, key in enumerate(self._keys):
            if key.palette:
                continue
            if key.group is None:
                add(self._cell(key, index), index)
                continue
            # As Textual spaces a group: one space around each key (none between keys of a compact
            # group), then the group's description and a space.
            if not in_group or not key.group.compact:
                add(Content(" "))
            add(self._cell(key, index), index)
            in_group = not key.last_in_group
            if key.last_in_group:
                words = self.get_visual_style("key-bar--group")
                add(Content.assemble(" ", (key.group.description, words), " "))
        line = Content.assemble(*parts)
        palette = next((i for i, key in enumerate(self._keys) if key.palette), None)
        if palette is None:
            return line
        # Docked at the right end after a thin rule, over the keys it covers on a narrow screen.
        cell = self._cell(self._keys[palette], palette)
        width = 1 + cell.cell_length + 1
        start = max(0, self.size.width - width)
        if line.cell_length > start:
            line = line.truncate(start)
            self._spans = [(first, min(end, start), i) for first, end, i in self._spans if first < start]
        item = self._item_style(palette, self._keys[palette])
        rule = self.get_visual_style(*self._layers(palette), "key-bar--separator")
        self._spans.append((start, start + width, palette))
        return Content.assemble(
            line,
            " " * (start - line.cell_length),
            Content("▏").stylize(rule),
            cell,
            Content(" ").stylize(Style(background=item.background)),
        )

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
        """The index in ``_keys`` of the key drawn at column ``x``."""
        return next((index for start, end, index in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover = self._index_at(event.x)
        key = self._keys[self._hover] if self._hover is not None else None
        self.tooltip = key.tooltip if key is not None and key.tooltip else None

    def on_leave(self) -> None:
        self._hover = None
        self.tooltip = None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._index_at(event.x)
        if index is None:
            return
        key = self._keys[index]
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
