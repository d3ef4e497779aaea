"""The spinejournal Textual app: sections, navigation, quitting safely, and ``run``.

Contracts other parts of spinejournal rely on:

- ``run(journal=Path | None, demo=False)`` is what ``spinejournal`` (no command) calls. With
  ``demo=True`` it opens a generated sample journal in a fresh private temporary folder (deleted on
  exit), never the person's own journal. Otherwise it opens ``Journal(journal)`` (the default journal
  when None). A journal that cannot be opened raises ``JournalError`` (corrupt file, newer version),
  which ``cli.main`` prints as one line with a non-zero exit status.
- ``SpineJournalApp(journal, *, read_only=False)`` exposes ``app.journal``. ``read_only=True`` (used by
  ``spinejournal review FILE.json``) hides the Today section and every editing key; the journal itself
  refuses writes too (``Journal.from_data`` is read-only). With ``caseload=`` (``review A.json B.json``)
  it opens on the caseload screen; ``open_patient(journal, badge)`` shows one patient's review, Esc comes back.
- Sections are Textual modes, listed once in ``SECTIONS`` below. Each has a key (shown in the footer
  and the top bar) and a screen with a no-argument constructor that reads ``self.app.journal``.
  Screens are imported when first opened, so startup stays fast and a section's module is only
  loaded when needed. Adding a section is one line in ``SECTIONS``, e.g.::

      Section("trends", "g", "Trends", "trends:TrendsScreen"),  # spinejournal/tui/screens/trends.py
      Section("export", "e", "Export", "export:ExportScreen"),  # spinejournal/tui/screens/export.py

  Keys already taken app-wide: t h p v (sections), ? and F1 (help), ctrl+s (save), ctrl+q (quit),
  ctrl+p (command palette). Screens may call ``app.show_error(exc)`` for a one-line error toast, and
  may yield ``NavBar()`` (spinejournal.tui.widgets.navbar) at the top to match the others.
"""

from __future__ import annotations

import gc
import importlib
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from spinejournal.model import JournalData
from spinejournal.store import Journal, JournalError
from spinejournal.text import printable
from spinejournal.tui.pain_colors import palette_commands, start_palette
from spinejournal.tui.screens.confirm import ConfirmScreen
from spinejournal.tui.screens.help import HelpScreen

if TYPE_CHECKING:
    from spinejournal.reports.caseload import Caseload


@dataclass(frozen=True, slots=True)
class Section:
    """One section of the app: a Textual mode with its own key."""

    mode: str
    key: str
    title: str
    screen: str  # "module:Class" under spinejournal.tui.screens, imported when first opened
    writes: bool = False  # only offered when the journal can be changed

    def screen_class(self) -> type[Screen[None]]:
        module, _, name = self.screen.partition(":")
        return getattr(importlib.import_module(f"spinejournal.tui.screens.{module}"), name)

    def make_screen(self) -> Screen[None]:
        """A new instance of the section's screen (Textual calls this when the mode first opens)."""
        return self.screen_class()()


SECTIONS: tuple[Section, ...] = (
    Section("today", "t", "Today", "today:TodayScreen", writes=True),
    Section("history", "h", "History", "history:HistoryScreen"),
    Section("plan", "p", "Plan", "plan:PlanScreen"),
    Section("visits", "v", "Visits", "visits:VisitsScreen"),
    Section("trends", "g", "Trends", "trends:TrendsScreen"),
    Section("export", "e", "Export", "export:ExportScreen"),
)


@runtime_checkable
class UnsavedWork(Protocol):
    """A screen holding edits not yet in the journal (checked before quitting)."""

    def unsaved_label(self) -> str | None:
        """What is unsaved, e.g. 'Sunday 15 March', or None when everything is saved."""

    def save(self) -> bool:
        """Save; False (with the error shown) when it could not."""


class SpineJournalApp(App[None]):
    """The journal app over one ``Journal``."""

    CSS_PATH = "app.tcss"
    TITLE = "spinejournal"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Section keys are listed in the top bar (NavBar), which leaves the footer to each screen.
        *(Binding(s.key, f"section('{s.mode}')", s.title, show=False) for s in SECTIONS),
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("escape", "caseload", "Caseload"),  # only in a patient opened from the caseload
    ]

    def __init__(
        self, journal: Journal, *, read_only: bool = False, badge: str = "", caseload: Caseload | None = None
    ) -> None:
        read_only = read_only or journal.read_only or caseload is not None
        sections = tuple(s for s in SECTIONS if not (read_only and s.writes))
        # Start straight in the first section: switching to it from Textual's blank default screen
        # on mount styled the whole first screen twice (two ScreenResume events), ~30 ms of startup.
        self.DEFAULT_MODE = sections[0].mode if caseload is None else "caseload"
        super().__init__()
        self.journal = journal
        self.read_only = read_only
        self.badge = badge or ("review: read-only" if self.read_only else "")
        self.sections = sections
        for section in self.sections:
            self.add_mode(section.mode, section.make_screen)
        # Many exports (review A.json B.json ...): the app opens on their caseload, each one read-only.
        self.caseload = caseload
        if caseload is not None:
            self.add_mode("caseload", self._caseload_screen)
        self._unsaved: list[UnsavedWork] = []
        self._last_data: JournalData | None = None

    def on_load(self) -> None:
        # What exists now (imported modules, the journal just read) lives as long as the app: keep
        # the cycle collector from walking it on every full collection while screens are built, and
        # again at exit (on 10 years, ~20 ms of the start and ~45 ms between ctrl+q and the shell).
        # A process that runs several apps (the tests) first releases what an earlier one froze, so
        # at most one app's leftovers wait to be collected.
        gc.unfreeze()
        gc.freeze()
        start_palette(self, None if self.read_only else self.journal.path)  # saved beside the journal

    # Data -------------------------------------------------------------------------------------

    def data(self) -> JournalData:
        """The journal's data; if the file became unreadable, the last good data and an error."""
        try:
            self._last_data = self.journal.data()
        except JournalError as exc:
            self.show_error(exc)
        self.show_notices()
        return self._last_data if self._last_data is not None else JournalData()

    def show_notices(self) -> None:
        """The journal's notes as toasts, each once: records a damaged file left out, a kept hand edit."""
        for note in self.journal.notices():
            self.notify(printable(note), severity="warning", timeout=10, markup=False)

    def show_error(self, error: Exception | str) -> None:
        """A one-line error toast (plain text with control characters shown: it may quote the person)."""
        self.notify(printable(str(error)), severity="error", timeout=8, markup=False)

    def refuse_read_only(self) -> bool:
        """True (with a polite note) when the journal cannot be changed."""
        if self.read_only:
            self.notify("This journal is open for review only: nothing can be changed.", markup=False)
        return self.read_only

    # Navigation -------------------------------------------------------------------------------

    def action_section(self, mode: str) -> None:
        if any(s.mode == mode for s in self.sections) and self.check_action("section", (mode,)):
            self.switch_mode(mode)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        in_caseload = self.caseload is not None and self.current_mode == "caseload"
        if action == "section":
            sections = any(s.mode == parameters[0] for s in self.sections) and not in_caseload
            return sections and parameters[0] != self.current_mode
        if action == "caseload":
            return self.caseload is not None and not in_caseload
        return True

    def open_patient(self, journal: Journal, badge: str) -> None:
        """Show one patient of the caseload in the read-only sections (Esc comes back); ``badge``, in
        the top bar, says whose journal it is."""
        self.journal, self._last_data, self.badge = journal, None, badge
        for section in self.sections:
            # Each section's screen reads the journal when made: made again for this patient.
            self.remove_mode(section.mode)
            self.add_mode(section.mode, section.make_screen)
        self.switch_mode(self.sections[0].mode)

    def action_caseload(self) -> None:
        self.switch_mode("caseload")

    def _caseload_screen(self) -> Screen[None]:
        from spinejournal.tui.screens.caseload import CaseloadScreen

        return CaseloadScreen()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for section in self.sections:
            yield SystemCommand(
                f"Go to {section.title}", f"Open the {section.title} section ({section.key})", self._goto(section.mode)
            )
        yield SystemCommand("Help", "Keys, what the numbers mean, heat and ice safety", self.action_help)
        yield from palette_commands(self, None if self.read_only else self.journal.path)
        # Screens offer their own actions (save, add an exercise, ...) through a `commands` method.
        own = getattr(screen, "commands", None)
        if callable(own):
            yield from own()
        yield from super().get_system_commands(screen)

    def _goto(self, mode: str) -> Callable[[], None]:
        return lambda: self.action_section(mode)

    # Leaving safely ---------------------------------------------------------------------------

    def track_unsaved(self, work: UnsavedWork) -> None:
        """Ask ``work`` before quitting whether something is unsaved."""
        self._unsaved.append(work)

    def untrack_unsaved(self, work: UnsavedWork) -> None:
        if work in self._unsaved:
            self._unsaved.remove(work)

    async def action_quit(self) -> None:
        pending = [w for w in self._unsaved if w.unsaved_label()]
        if not pending:
            self.exit()
            return
        labels = " and ".join(str(w.unsaved_label()) for w in pending)

        def decided(choice: str | None) -> None:
            if choice == "discard" or (choice == "save" and all(w.save() for w in pending)):
                self.exit()

        self.push_screen(
            ConfirmScreen(
                "Quit with unsaved changes?",
                f"Your changes to {labels} are not saved yet.",
                [("save", "Save and quit", "s"), ("discard", "Quit without saving", "d"), ("stay", "Stay", "escape")],
            ),
            decided,
        )


def run(journal: Path | None = None, demo: bool = False) -> None:
    """Open the app on ``journal`` (default: the person's journal), or on a throwaway demo."""
    if demo:
        from spinejournal.demo import write_demo

        # A fresh private folder (mode 0700), removed on exit: the demo never touches real data.
        with tempfile.TemporaryDirectory(prefix="spinejournal-demo-") as folder:
            path = Path(folder) / "journal.json"
            write_demo(path)
            SpineJournalApp(Journal(path), badge="demo: sample data").run()
        return
    if journal is None:
        from spinejournal.fsutil import UnsafeTargetError
        from spinejournal.locations import journal_path

        try:
            journal = journal_path()
        except UnsafeTargetError as exc:
            raise JournalError(str(exc)) from None
    SpineJournalApp(Journal(journal)).run()
