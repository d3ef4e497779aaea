"""The top line of every screen: where you are among the app's sections, and their keys."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class NavBar(Widget):
    """Lists the app's sections (``app.sections``) with their keys, the current one highlighted.

    ``section`` names the highlighted section; by default the app's current mode.
    """

    DEFAULT_CSS = """
    NavBar {
        height: 1;
        width: 1fr;
        background: $panel;
        color: $text-muted;
        link-style: none;
        link-color: $text;
        link-background-hover: $accent 40%;
    }
    """

    def __init__(self, section: str | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._section = section

    def on_mount(self) -> None:
        self.app.mode_change_signal.subscribe(self, lambda _mode: self.refresh())

    def render(self) -> Content:
        app = self.app
        current = self._section or app.current_mode
        parts: list[Content | tuple[str, str] | str] = [("spinejournal ", "bold $primary")]
        for section in getattr(app, "sections", ()):
            label = f" {section.key} {section.title} "
            # Our own words only: section titles are fixed in app.py, never user text.
            link = f"@click=app.section('{section.mode}')"
            if section.mode == current:
                parts.append(Content.from_markup(f"[bold $text on $accent {link}]{label}[/]"))
            else:
                parts.append(Content.from_markup(f"[{link}]{label}[/]"))
        badge = getattr(app, "badge", "")
        body = Content.assemble(*parts)
        if badge:
            gap = max(1, self.size.width - body.cell_length - len(badge) - 1)
            body = Content.assemble(body, " " * gap, (badge, "bold $warning"))
        return body
