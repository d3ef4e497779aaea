"""One read-only line of the day form: a label, a one-line field, and a hint after the field."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.widget import Widget

from spinejournal.tui.widgets.picker import Picker

LABEL_WIDTH = Picker.LABEL_WIDTH
"""Columns before the field, as on a labelled picker: the label, padded by one space each side."""


class FieldRow(Widget):
    """A field (e.g. a pain scale) with its label before it and a short hint after it, drawn by
    this row around its one child: for a disabled (read-only) field, which Textual dims as a whole.
    An editable ``Picker`` draws its own label and hint instead (``Picker(label=...)``), one widget
    per line. Labels and hints are our own words, never the person's text.
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
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"field-row--label", "field-row--hint"}

    def __init__(self, label: str, field: Widget, hint: str = "") -> None:
        super().__init__(field)
        self._label = label
        self._hint = hint
        self._field = field

    @property
    def field(self) -> Widget:
        """The field this row draws around."""
        return self._field

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
