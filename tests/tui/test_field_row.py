"""Rows of the day form: the label of the field with the cursor lights up, and only that one."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from spinejournal.tui.widgets.field_row import LABEL_WIDTH, FieldRow
from tests.tui.helpers import SIZE, make_app


def lit_labels(app: App[None]) -> list[str]:
    """The labels drawn in bold on screen now (a label lights up in bold and the accent colour)."""
    lines = app.screen._compositor.render_strips()
    lit = []
    for row in app.screen.query(FieldRow):
        if not row.region:
            continue  # on a tab not shown
        line = lines[row.region.y].crop(row.region.x, row.region.x + LABEL_WIDTH)
        text = "".join(segment.text for segment in line if segment.style and segment.style.bold)
        if text.strip():
            lit.append(text.strip())
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
        await pilot.press("shift+tab")  # back to the regions list, which has no row label
        await pilot.pause()
        assert lit_labels(app) == []
