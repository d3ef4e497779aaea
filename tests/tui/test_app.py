"""The app as a whole: sections and their keys, quitting safely, help, review mode, ``run``."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from textual.screen import Screen

from spinejournal import cli
from spinejournal.clinical import HEAT_ICE_SAFETY, PAIN_SCALE_HELP
from spinejournal.demo import build_demo
from spinejournal.model import Day
from spinejournal.store import Journal
from spinejournal.tui import app as app_module
from spinejournal.tui.app import SECTIONS, SpineJournalApp
from spinejournal.tui.screens.confirm import ConfirmScreen
from spinejournal.tui.screens.exercise_dialog import ExerciseDialog
from spinejournal.tui.screens.help import HelpScreen
from spinejournal.tui.screens.history import HistoryScreen
from spinejournal.tui.screens.plan import PlanScreen
from spinejournal.tui.screens.today import TodayScreen
from spinejournal.tui.screens.visits import VisitsScreen
from tests.tui.helpers import SIZE, TODAY, make_app, screen_text, stored


def test_every_section_has_its_own_key_and_a_screen_that_imports() -> None:
    keys = [s.key for s in SECTIONS]
    assert len(set(keys)) == len(keys)
    for section in SECTIONS:
        assert issubclass(section.screen_class(), Screen)


@pytest.mark.parametrize(
    ("key", "screen_type"),
    [("h", HistoryScreen), ("p", PlanScreen), ("v", VisitsScreen), ("t", TodayScreen)],
)
async def test_section_keys_switch_screens(demo_path: Path, key: str, screen_type: type[Screen[None]]) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p" if key == "t" else "t", key)  # from another section
        assert isinstance(app.screen, screen_type)


async def test_quitting_with_nothing_unsaved_just_quits(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        assert not app.is_running


async def test_quitting_with_unsaved_changes_asks_and_can_stay(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "h", "ctrl+q")  # typed on Today, then moved to History
        assert isinstance(app.screen, ConfirmScreen)
        assert "Your changes to Sunday 15 March 2026 are not saved yet." in screen_text(app)
        await pilot.press("escape")
        assert app.is_running
        await pilot.press("ctrl+q", "d")
        assert not app.is_running
    assert stored(journal_path).days == ()


async def test_save_and_quit_stores_the_day(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "ctrl+q", "s")
        assert not app.is_running
    assert stored(journal_path).days == (Day(date=TODAY, pain_avg=5),)


async def test_save_and_quit_stays_when_the_day_is_not_valid(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "down", "down", "2", "h", "ctrl+q", "s")  # worst 2 < average 5
        assert app.is_running
        assert isinstance(app.screen, TodayScreen)  # brought back to the day, with the reason
        assert "worst pain: cannot be lower than the average" in screen_text(app)
    assert stored(journal_path).days == ()


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_explains_keys_numbers_and_heat_safety(journal_path: Path, key: str) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press(key)
        assert isinstance(app.screen, HelpScreen)
        pages = []
        for _ in range(3):  # it scrolls: read it page by page
            pages.append(" ".join(screen_text(app).replace("█", " ").split()))
            await pilot.press("pagedown")
        text = " ".join(pages)
        assert "go to History" in text and "ctrl+s save the day" in text
        assert " ".join(PAIN_SCALE_HELP.split()[:12]) in text
        assert " ".join(HEAT_ICE_SAFETY.split()[:12]) in text
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)


async def test_review_mode_shows_the_journal_but_changes_nothing() -> None:
    data = build_demo(end=TODAY)
    journal = Journal.from_data(data)
    app = SpineJournalApp(journal, read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HistoryScreen)
        assert "review: read-only" in screen_text(app)
        assert "t Today" not in screen_text(app)
        await pilot.press("t", "p", "a")  # no Today section; no adding to the plan
        assert isinstance(app.screen, PlanScreen)
        assert not isinstance(app.screen, ExerciseDialog)
        assert "a Add exercise" not in screen_text(app)
        await pilot.press("h", "enter")  # a day opens for reading
        assert isinstance(app.screen, TodayScreen)
        assert "read-only" in screen_text(app)
        assert "^s Save" not in screen_text(app)
        await pilot.press("ctrl+s", "escape")
        assert isinstance(app.screen, HistoryScreen)
    assert journal.data() == data


async def test_command_palette_offers_the_screen_actions(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Save the day" in titles and "Go to History" in titles and "Help" in titles
        await pilot.press("p")
        assert "Add an exercise" in [c.title for c in app.get_system_commands(app.screen)]


def test_demo_opens_a_private_throwaway_journal(monkeypatch: pytest.MonkeyPatch, journal_path: Path) -> None:
    seen: dict[str, object] = {}

    def fake_run(self: SpineJournalApp) -> None:
        path = self.journal.path
        seen["folder"] = path.parent
        seen["mode"] = stat.S_IMODE(os.stat(path.parent).st_mode)
        seen["days"] = len(self.journal.data().days)
        seen["badge"] = self.badge

    monkeypatch.setattr(SpineJournalApp, "run", fake_run)
    app_module.run(journal=None, demo=True)
    assert seen["days"] == 120 and seen["badge"] == "demo: sample data"
    assert seen["mode"] == 0o700
    assert not Path(str(seen["folder"])).exists()  # removed on exit
    assert not journal_path.exists()  # the person's journal (SPINEJOURNAL_JOURNAL) was never touched


def test_run_opens_the_given_journal(monkeypatch: pytest.MonkeyPatch, demo_path: Path) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(SpineJournalApp, "run", lambda self: opened.append(self.journal.path))
    app_module.run(journal=demo_path)
    assert opened == [demo_path]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "is not valid JSON"),
        (b'{"_meta": {"1": {"schema_version": 99}}}', "was written by a newer spinejournal"),
    ],
)
def test_a_journal_that_cannot_be_opened_is_one_line_not_a_traceback(
    journal_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    journal_path.parent.mkdir(parents=True)
    journal_path.write_bytes(content)
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--journal", str(journal_path)])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert journal_path.read_bytes() == content
