"""Write the caseload as HTML (to print) or CSV (for a spreadsheet): a small dialog over the caseload.

As the Export screen does: the documents folder by default (never the current directory), a file
readable only by its owner, written atomically; an existing file is replaced only after a yes, and a
link, folder or device is never written through. The exports being read are never written to.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Select, Static

from spinejournal.fsutil import UnsafeTargetError, atomic_write_bytes, check_export_target
from spinejournal.locations import default_export_dir
from spinejournal.reports.caseload import FORMATS, Caseload, default_filename, render
from spinejournal.text import printable
from spinejournal.tui.safe_text import ControlPictures
from spinejournal.tui.screens.confirm import ConfirmScreen
from spinejournal.tui.screens.modal import Dialog

# What the app offers: the printed page and the spreadsheet (Markdown is for the command line).
CHOICES = ("html", "csv")


class CaseloadExportDialog(Dialog[Path | None]):
    """Pick HTML or CSV and the file; returns the file written, or None when nothing was."""

    CSS_PATH = "caseload.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "write", "Write file"),
    ]

    def __init__(self, caseload: Caseload) -> None:
        super().__init__()
        self._caseload = caseload
        self._auto_path = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content("Export the caseload"), classes="dialog-title")
            yield Select(
                [(FORMATS[fmt], fmt) for fmt in CHOICES], value=CHOICES[0], allow_blank=False, id="caseload-format"
            )
            yield Input(id="caseload-path", compact=True, highlighter=ControlPictures(), placeholder="File or folder")
            yield Static("", id="caseload-export-status", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Write  ctrl+s", variant="primary", id="caseload-write", compact=True)
                yield Button("Cancel  esc", id="caseload-cancel", compact=True)

    def on_mount(self) -> None:
        self._suggest()
        self.query_one("#caseload-format", Select).focus()

    @property
    def fmt(self) -> str:
        return str(self.query_one("#caseload-format", Select).value)

    def _suggest(self) -> None:
        path = self.query_one("#caseload-path", Input)
        if path.value in ("", self._auto_path):
            folder = default_export_dir(create=False)
            self._auto_path = str(folder / default_filename(self.fmt, self._caseload.as_of))
            path.value = self._auto_path

    def _status(self, text: str) -> None:
        self.query_one("#caseload-export-status", Static).update(Content(printable(text)))

    @on(Select.Changed)
    def _picked(self) -> None:
        self._suggest()

    @on(Button.Pressed, "#caseload-write")
    def _write_pressed(self) -> None:
        self.action_write()

    @on(Button.Pressed, "#caseload-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_write()

    def action_write(self) -> None:
        """Write the file, asking first when it would replace one."""
        typed = self.query_one("#caseload-path", Input).value.strip()
        if not typed:
            self._status("Type a file name (or a folder) to write to.")
            return
        target = Path(typed).expanduser()
        if target.is_dir():
            target = target / default_filename(self.fmt, self._caseload.as_of)
        if any(os.path.realpath(p.path) == os.path.realpath(target) for p in self._caseload.patients):
            self._status(f"{target} is one of the exports being read: choose another file name.")
            return
        if not target.parent.is_dir() and target.parent == default_export_dir(create=False):
            try:
                default_export_dir()  # made (0700) when an export first goes there
            except OSError as exc:
                self._status(f"Could not make the folder {target.parent}: {exc.strerror or exc}.")
                return
        if not target.parent.is_dir():
            self._status(f"The folder {target.parent} does not exist.")
            return
        try:
            exists = check_export_target(target)
        except UnsafeTargetError as exc:
            self._status(f"{exc}; nothing was written.")
            return
        if not exists:
            self._write(target)
            return

        def decided(choice: str | None) -> None:
            if choice == "replace":
                self._write(target)
            else:
                self._status(f"{target} was left as it was.")

        self.app.push_screen(
            ConfirmScreen(
                "Replace the file?",
                f"{target} already exists. Replace it with this caseload?",
                [("replace", "Replace", "r"), ("cancel", "Cancel", "escape")],
            ),
            decided,
        )

    def _write(self, target: Path) -> None:
        try:
            atomic_write_bytes(target, render(self._caseload, self.fmt))
        except OSError as exc:
            self._status(f"Could not write {target}: {exc.strerror or exc}.")
            return
        self.app.notify(f"Wrote {target.absolute()}; only you can read it.", markup=False)
        self.dismiss(target)
