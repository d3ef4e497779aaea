"""Where it hurts, as a picture beside the Where tab's ticks: the body from behind, painful parts lit.

The layout is ``spinejournal.tui.body_outline``; this widget only paints it. Lit cells are full
blocks in the pain palette's colour for strong pain (so they follow the colour-blind setting), the
rest of the body a light shade: the glyphs differ, so it reads the same without colour. It never
takes the focus, so it changes nothing about the keys.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.content import Content
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

from spinejournal.tui.body_outline import HEIGHT, LIT, WIDTH, draw
from spinejournal.tui.pain_colors import follow_palette, pain_color

_LIT_PAIN = 8  # lit cells take the palette's colour of this pain: strong, yet not the scale's end


class BodyMap(Widget, can_focus=False):
    """The body outline with the ticked spine regions and the reach of limb pain lit."""

    DEFAULT_CSS = f"""
    BodyMap {{
        dock: right;
        width: {WIDTH};  /* the outline keeps 3 blank columns at its sides: no padding needed */
        height: {HEIGHT};
        color: $text-muted;
    }}
    """

    where: reactive[tuple[tuple[str, ...], tuple[tuple[str, str | None], ...]]] = reactive(((), ()))
    """The regions ticked and each limb's reach (limb id, extent id or None), as drawn now."""

    def on_mount(self) -> None:
        follow_palette(self)

    def show(self, regions: Iterable[str], reach: Mapping[str, str | None]) -> None:
        """Light ``regions`` (spine region ids) and each limb of ``reach`` out to its extent."""
        self.where = (tuple(sorted(regions)), tuple(sorted(reach.items())))

    def render(self) -> Content:
        regions, reach = self.where
        outline = draw(regions, dict(reach))
        lit = Style(foreground=pain_color(self.app.theme_variables, _LIT_PAIN))
        lines = []
        for row, text in enumerate(outline.lines):
            line = Content(text)
            for column, glyph in enumerate(text):
                if (row, column) in outline.lit or (glyph == LIT and row == len(outline.lines) - 1):
                    line = line.stylize(lit, column, column + 1)  # the legend's block too
            lines.append(line)
        return Content("\n").join(lines)
