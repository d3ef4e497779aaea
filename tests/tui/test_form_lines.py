"""Lines of the day form (label, field, hint): the label of the field with the cursor lights up,
and a read-only form dims its fields but not their labels."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style
from textual.app import App
from textual.widget import Widget

from spinejournal.store import Journal
from spinejournal.tui.app import SpineJournalApp
from spinejournal.tui.widgets.picker import Picker
from tests.tui.helpers import SIZE, make_app

LABEL = Picker.LABEL_WIDTH


def label_cells(app: App[None], line: Widget) -> list[tuple[str, Style | None]]:
    """The characters drawn in the label columns of a form line, with their styles."""
    strip = app.screen._compositor.render_strips()[line.region.y].crop(line.region.x, line.region.x + LABEL)
    return [(char, segment.style) for segment in strip for char in segment.text]


def lit_labels(app: App[None]) -> list[str]:
    """The labels drawn in bold now (a label lights up in bold and the accent colour)."""
    lit = []
    for line in app.screen.query(".-labelled"):
        if line.region:  # on the tab shown
            text = "".join(char for char, style in label_cells(app, line) if style and style.bold).strip()
            if text:
                lit.append(text)
    return lit


async def test_the_label_follows_the_cursor(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert lit_labels(app) == ["Average pain"]
        await pilot.press("down")
        await pilot.pause()
        assert lit_labels(app) == ["Pain now"]
        await pilot.press("tab", "tab", "tab", "tab", "tab")  # worst, least, the tab bar, the regions, left arm
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "limb-left_arm"
        assert lit_labels(app) == ["Left arm"]
        await pilot.press("shift+tab")  # back to the regions list, which has no line label
        await pilot.pause()
        assert lit_labels(app) == []


async def test_clicking_an_option_chooses_it(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        # " Average pain  " then " – " and " 0 " ... each option three columns wide: 7 is the 9th.
        await pilot.click("#pain-avg", offset=(LABEL + 1 + 8 * 3 + 1, 0))
        assert app.screen.query_one("#pain-avg", Picker).value == 7
        await pilot.click("#pain-avg", offset=(2, 0))  # on the label: nothing changes
        assert app.screen.query_one("#pain-avg", Picker).value == 7


async def test_a_read_only_form_dims_its_fields_not_their_labels(demo_path: Path) -> None:
    editable = make_app(demo_path)
    async with editable.run_test(size=SIZE) as pilot:
        await pilot.press("down")  # the cursor away from "Average pain", whose label is then plain
        await pilot.pause()
        plain = label_cells(editable, editable.screen.query_one("#pain-avg"))
    review = SpineJournalApp(Journal(demo_path), read_only=True)
    async with review.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # History -> the day, read-only
        await pilot.pause()
        field = review.screen.query_one("#pain-avg", Picker)
        assert field.disabled
        row = field.parent
        assert isinstance(row, Widget)
        assert label_cells(review, row) == plain
