"""The day's treatment sessions (heat, ice, TENS, massage): a table, with keys to add, edit and remove."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from spinejournal.clinical import HEAT_ICE_SAFETY
from spinejournal.model import REGIONS, THERAPY_KINDS, TherapySession
from spinejournal.text import printable

if TYPE_CHECKING:
    from textual.widgets import DataTable

    from spinejournal.tui.screens.session_dialog import SessionDialog


def _opt(value: int | None) -> str:
    return "–" if value is None else str(value)


class SessionsPanel(Vertical):
    """Holds the sessions being edited; posts ``Changed`` whenever the list changes."""

    DEFAULT_CSS = """
    #sessions-table {
        height: auto;
        max-height: 8;
        margin: 0 1;
    }

    .button-row {
        height: 1;
        margin: 0 1;
    }

    .button-row Button {
        margin-right: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add treatment"),
        Binding("delete", "remove", "Remove"),
    ]

    class Changed(Message):
        """The list of sessions changed."""

    def __init__(self, *, read_only: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.read_only = read_only
        self._sessions: list[TherapySession] = []

    @property
    def sessions(self) -> tuple[TherapySession, ...]:
        return tuple(self._sessions)

    def compose(self) -> ComposeResult:
        yield Static(Content(HEAT_ICE_SAFETY), classes="hint")
        # The table and the dialog are imported when the Treatments tab is first shown (start-up speed).
        from textual.widgets import DataTable

        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="sessions-table")
        table.add_columns("Kind", "Minutes", "Where", "Before", "After", "Relief", "Skin")
        yield table
        with Horizontal(classes="button-row"):
            yield Button("Add  a", id="session-add", compact=True)
            yield Button("Edit  enter", id="session-edit", compact=True)
            yield Button("Remove  del", id="session-remove", compact=True)

    def on_mount(self) -> None:
        self.query_one(".button-row").display = not self.read_only
        self._redraw()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add", "remove"):
            return not self.read_only
        return True

    def set_sessions(self, sessions: tuple[TherapySession, ...]) -> None:
        """Show these sessions (used when the form loads a day)."""
        self._sessions = list(sessions)
        if self.is_mounted:
            self._redraw()

    def _redraw(self) -> None:
        table = self._table()
        row = table.cursor_row
        table.clear()
        for s in self._sessions:
            minutes = Text(str(s.minutes))
            if s.too_long:
                minutes = Text(f"{s.minutes} (long)", style="bold")
            relief = "–" if s.relief is None else f"{s.relief:+d}"
            table.add_row(
                Text(THERAPY_KINDS[s.kind]),
                minutes,
                Text(REGIONS.get(s.region or "", "–")),
                Text(_opt(s.pain_before)),
                Text(_opt(s.pain_after)),
                Text(relief),
                # The skin note is the person's own text: plain Text, control characters shown.
                Text(printable(s.skin_note, single_line=True) or "–"),
            )
        if self._sessions:
            table.move_cursor(row=min(row, len(self._sessions) - 1))
        self.post_message(self.Changed())

    def _table(self) -> DataTable[Text]:
        return cast("DataTable[Text]", self.query_one("#sessions-table"))

    @staticmethod
    def _dialog(session: TherapySession | None = None) -> SessionDialog:
        from spinejournal.tui.screens.session_dialog import SessionDialog

        return SessionDialog(session)

    def _current_index(self) -> int | None:
        table = self._table()
        if not self._sessions or table.cursor_row < 0:
            return None
        return min(table.cursor_row, len(self._sessions) - 1)

    def action_add(self) -> None:
        if self.read_only:
            return

        def added(session: TherapySession | None) -> None:
            if session is not None:
                self._sessions.append(session)
                self._redraw()
                self._table().move_cursor(row=len(self._sessions) - 1)

        self.app.push_screen(self._dialog(), added)

    def action_edit(self) -> None:
        index = self._current_index()
        if self.read_only or index is None:
            return

        def edited(session: TherapySession | None) -> None:
            if session is not None:
                self._sessions[index] = session
                self._redraw()

        self.app.push_screen(self._dialog(self._sessions[index]), edited)

    def action_remove(self) -> None:
        index = self._current_index()
        if self.read_only or index is None:
            return
        del self._sessions[index]
        self._redraw()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    @on(Button.Pressed, "#session-add")
    def _add_pressed(self) -> None:
        self.action_add()

    @on(Button.Pressed, "#session-edit")
    def _edit_pressed(self) -> None:
        self.action_edit()

    @on(Button.Pressed, "#session-remove")
    def _remove_pressed(self) -> None:
        self.action_remove()
