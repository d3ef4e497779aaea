"""One line of the day form: a label, a one-line field, and a hint after the field."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.widget import Widget

LABEL_WIDTH = 15
"""Columns before the field: the label, padded by one space on each side."""


class FieldRow(Widget):
    """A field (e.g. a pain scale) with its label before it and a short hint after it.

    The row draws the label and the hint itself, around its one child: two widgets per line
    instead of a container, two labels and the field. The day form has nine such lines on its
    first screen, and every widget there costs start-up time (styling, layout, drawing).

    The label lights up while the field has the cursor: the day form gives the row the class
    ``-field-focused`` then (a change of class restyles and redraws the row). Labels and hints are
    our own words, never the person's text.
    """

    DEFAULT_CSS = """
    FieldRow {
        height: 1;
        layout: horizontal;
        overflow: hidden hidden;
    }
    FieldRow > Widget {
        margin-left: 15;  /* LABEL_WIDTH */
    }
    FieldRow > .field-row--hint {
        color: $text-muted;
    }
    FieldRow.-field-focused > .field-row--label {
        color: $accent;
        text-style: bold;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"field-row--label", "field-row--hint"}

    def __init__(self, label: str, field: Widget, hint: str = "", *, classes: str | None = None) -> None:
        super().__init__(field, classes=classes)
        self._label = label
        self._hint = hint
        self._field = field

    def render(self) -> Content:
        # Only the words take the label's style, as with a Label and its padding.
        label = self._label[: LABEL_WIDTH - 2]
        parts = [
            Content(" "),
            Content(label).stylize(self.get_visual_style("field-row--label")),
            Content(" " * (LABEL_WIDTH - 1 - len(label))),
        ]
        if self._hint:
            # The hint starts one column after the field, wherever the field ends.
            parts.append(Content(" " * (self._field.outer_size.width + 1)))
            parts.append(Content(self._hint).stylize(self.get_visual_style("field-row--hint")))
        return Content.assemble(*parts)
