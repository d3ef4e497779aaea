"""Export: pick a range and a format, preview the therapist summary, write the file, see where it went.

The preview is the Markdown summary (the same text ``spinejournal export --format md`` writes), shown
by Textual's Markdown widget with links switched off: the person's words were escaped for Markdown
when it was made, so they show as written and nothing in them can act. Files are written with
:func:`spinejournal.fsutil.atomic_write_bytes`, readable only by their owner; an existing file is
replaced only after the person confirms, and a link, folder or device is never written through.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input, Markdown, Select, Static

from spinejournal import clock
from spinejournal.fsutil import UnsafeTargetError, atomic_write_bytes, check_export_target
from spinejournal.insights import RANGE_KEYS, RANGE_LABELS, DateRange, Insights, compute, resolve_range
from spinejournal.locations import default_export_dir
from spinejournal.model import JournalData
from spinejournal.reports import FORMATS, SUMMARY_FORMATS, default_filename, export, range_for
from spinejournal.reports.markdown import render_markdown
from spinejournal.reports.summary import build_summary
from spinejournal.tui.app import SpineJournalApp
from spinejournal.tui.screens.confirm import ConfirmScreen
from spinejournal.tui.widgets.key_bar import KeyBar
from spinejournal.tui.widgets.navbar import NavBar

DEFAULT_FORMAT = "html"


class ExportScreen(Screen[None]):
    """Range and format pickers, the file to write, a status line and the summary preview."""

    CSS_PATH = "export.tcss"
    AUTO_FOCUS = "#export-range"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+s", "write", "Write file")]
    journal_app = getters.app(SpineJournalApp)

    def __init__(self) -> None:
        super().__init__()
        # (journal snapshot, range key) -> insights, so switching format never recomputes.
        self._cache: dict[str, tuple[JournalData, Insights]] = {}
        # The file name we filled in; a name the person typed is never replaced behind their back.
        self._auto_path = ""
        # True while our "replace the file?" question is open: coming back from it changes nothing.
        self._asking = False

    def compose(self) -> ComposeResult:
        yield NavBar()
        with Horizontal(id="export-pickers"):
            yield Select(
                [(RANGE_LABELS[k], k) for k in RANGE_KEYS],
                value=RANGE_KEYS[0],
                allow_blank=False,
                id="export-range",
                tooltip="Which days the export covers",
            )
            yield Select(
                [(label, fmt) for fmt, label in FORMATS.items()],
                value=DEFAULT_FORMAT,
                allow_blank=False,
                id="export-format",
                tooltip="md/html: summary for the therapist; csv/json/fhir: the data",
            )
        with Horizontal(id="export-file"):
            yield Input(id="export-path", placeholder="File or folder to write", tooltip="Where the file goes")
            yield Button("Write file", id="export-write", variant="primary")
        yield Static(id="export-status", markup=False)
        with VerticalScroll(id="export-preview"):
            yield Markdown(id="export-summary", open_links=False)
        yield KeyBar()

    async def on_mount(self) -> None:
        await self.refresh_export()

    async def on_screen_resume(self) -> None:
        if self._asking:
            # Back from the question: the status says what was done, and must stay.
            self._asking = False
            return
        # Back from logging a day: show the journal as it is now.
        await self.refresh_export()

    # State --------------------------------------------------------------------------------------

    @property
    def range_key(self) -> str:
        return str(self.query_one("#export-range", Select).value)

    @property
    def fmt(self) -> str:
        return str(self.query_one("#export-format", Select).value)

    def _data(self) -> JournalData:
        # The app reports an unreadable journal once, and keeps the last good data to show.
        return self.journal_app.data()

    def _insights(self, data: JournalData, key: str) -> Insights:
        cached = self._cache.get(key)
        rng = resolve_range(data, key, today=clock.today())
        # The store hands out the same JournalData object until the journal changes.
        if cached is not None and cached[0] is data and cached[1].range == rng:
            return cached[1]
        ins = compute(data, rng)
        self._cache[key] = (data, ins)
        return ins

    def _export_range(self, data: JournalData) -> DateRange | None:
        """The range the file covers (None: the whole journal).

        A JSON export here is always the whole journal, the backup that import and review read back;
        the picked range then applies to the preview only.
        """
        return range_for(data, self.fmt, None if self.fmt == "json" else self.range_key)

    def _covers(self, data: JournalData) -> str:
        rng = self._export_range(data)
        return "the whole journal" if rng is None else f"{rng.label}, {rng.start} to {rng.end}"

    # Showing ------------------------------------------------------------------------------------

    async def refresh_export(self) -> None:
        """Re-make the preview and the suggested file name for the chosen range and format."""
        data = self._data()
        ins = self._insights(data, self.range_key)
        path_input = self.query_one("#export-path", Input)
        if path_input.value in ("", self._auto_path):
            rng = self._export_range(data)
            # The documents folder, never the current directory (with `make run`, the source checkout).
            folder = default_export_dir(create=False)
            self._auto_path = str(folder / default_filename(self.fmt, rng.end if rng else clock.today()))
            path_input.value = self._auto_path
        self._status(f"{FORMATS[self.fmt]} · {self._covers(data)} · ctrl+s writes the file")
        await self.query_one("#export-summary", Markdown).update(render_markdown(build_summary(data, ins.range, ins)))

    def _status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#export-status", Static)
        status.update(Content(text))
        status.set_class(error, "-error")

    @on(Select.Changed)
    async def _picked(self) -> None:
        await self.refresh_export()

    # Writing ------------------------------------------------------------------------------------

    @on(Button.Pressed, "#export-write")
    def _write_pressed(self) -> None:
        self.action_write()

    def action_write(self) -> None:
        """Write the chosen export to the chosen file and say where it went."""
        data = self._data()
        typed = self.query_one("#export-path", Input).value.strip()
        if not typed:
            self._status("Type a file name (or a folder) to write to.", error=True)
            return
        rng = self._export_range(data)
        target = Path(typed).expanduser()
        if target.is_dir():
            target = target / default_filename(self.fmt, rng.end if rng else clock.today())
        journal = Path(self.app.journal.path)  # type: ignore[attr-defined]
        if os.path.realpath(target) == os.path.realpath(journal):
            self._status(f"{target} is your journal itself: choose another file name.", error=True)
            return
        if not target.parent.is_dir() and target.parent == default_export_dir(create=False):
            # The documents folder is made (0700) when an export first goes there, not on showing it.
            try:
                default_export_dir()
            except OSError as exc:
                self._status(f"Could not make the folder {target.parent}: {exc.strerror or exc}.", error=True)
                return
        if not target.parent.is_dir():
            self._status(f"The folder {target.parent} does not exist.", error=True)
            return
        try:
            exists = check_export_target(target)
        except UnsafeTargetError as exc:
            self._status(f"{exc}; nothing was written.", error=True)
            self.journal_app.show_error(f"Not written: {exc}")
            return
        if not exists:
            self._start_write(target, data, rng)
            return

        def decided(choice: str | None) -> None:
            if choice == "replace":
                self._start_write(target, data, rng)
            else:
                self._status(f"{target} was left as it was.")

        self._asking = True
        self.app.push_screen(
            ConfirmScreen(
                "Replace the file?",
                f"{target} already exists. Replace it with this export?",
                [("replace", "Replace", "r"), ("cancel", "Cancel", "escape")],
            ),
            decided,
        )

    def _start_write(self, target: Path, data: JournalData, rng: DateRange | None) -> None:
        covers = self._covers(data)
        if self.fmt in SUMMARY_FORMATS:
            # Quick, and drawn with plotext's shared figure, which only the main thread uses.
            self._finish(target, covers, self._write(target, data, self.fmt, rng))
        else:
            # Years of days as FHIR take seconds: write in a thread so the app stays responsive.
            self._status(f"Writing {target.absolute()} ...")
            self._write_in_thread(target, data, self.fmt, rng, covers)

    @staticmethod
    def _write(target: Path, data: JournalData, fmt: str, rng: DateRange | None) -> str | None:
        """Write the file; the reason it failed, or None."""
        try:
            atomic_write_bytes(target, export(data, fmt, rng))
        except OSError as exc:
            return str(exc.strerror or exc)
        return None

    @work(thread=True, exclusive=True, group="export-write")
    def _write_in_thread(self, target: Path, data: JournalData, fmt: str, rng: DateRange | None, covers: str) -> None:
        error = self._write(target, data, fmt, rng)
        self.app.call_from_thread(self._finish, target, covers, error)

    def _finish(self, target: Path, covers: str, error: str | None) -> None:
        if error is not None:
            self._status(f"Could not write {target}: {error}.", error=True)
            return
        self._status(f"Wrote {target.absolute()} ({covers}); only you can read it.")
        self.notify(f"Wrote {target.name}", markup=False)
