"""The Trends screen, driven with Pilot at 80x24 and 120x40."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from textual.app import App
from textual.widgets import Static, TabbedContent
from textual_plotext import PlotextPlot

import spinejournal.tui.screens.trends as trends_module
import spinejournal.tui.widgets.trend_chart as trend_chart_module
from spinejournal.demo import build_demo
from spinejournal.model import Day, Exercise, ExerciseLog, JournalData, Visit
from spinejournal.store import Journal
from spinejournal.tui.screens.trends import TrendsScreen
from spinejournal.tui.widgets.key_bar import KeyBar

from ..conftest import TODAY
from .helpers import screen_text

SIZES = [(80, 24), (120, 40)]


class Host(App[None]):
    """The smallest app the screen needs: one with a ``journal``."""

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal

    def on_mount(self) -> None:
        self.push_screen(TrendsScreen())


def text_of(app: App[None], selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def chart_text(app: App[None], kind: str) -> str:
    return app.screen.query_one(f"#chart-{kind}", PlotextPlot).render().plain  # type: ignore[union-attr]


def two_weeks() -> JournalData:
    """A visit on 2 Mar, then pain 8 for a week and 6 the next."""
    days = tuple(Day(date=date(2026, 3, 2) + timedelta(days=i), pain_avg=8 if i < 7 else 6) for i in range(14))
    return JournalData(days=days, visits=(Visit(date(2026, 3, 2)),))


@pytest.mark.parametrize("size", SIZES)
async def test_mounts_with_charts_and_words(size: tuple[int, int]) -> None:
    app = Host(Journal.from_data(two_weeks()))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TrendsScreen)
        assert text_of(app, "#trends-header") == (
            "Since the visit on 2 Mar 2026 · 2 Mar to 15 Mar · 14 of 14 days logged"
        )
        words = text_of(app, "#what-changed-text")
        # The therapist summary's headline, in its order: days recorded, then pain since care began.
        assert words.startswith("14 of 14 days recorded.\n\nAverage pain since the start of care: 8.0 in the first")
        assert "2.0 points, 25 % less: a clinically important change." in words
        pain = chart_text(app, "pain")
        assert "Average pain (0-10)" in pain and "first week 8.0" in pain
        assert "2 Mar" in pain and "15 Mar" in pain


@pytest.mark.parametrize("size", SIZES)
async def test_switching_range_changes_the_words(size: tuple[int, int]) -> None:
    app = Host(Journal.from_data(build_demo(end=TODAY, days=120)))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        since_visit = text_of(app, "#what-changed-text")
        await pilot.press("w")
        assert text_of(app, "#trends-header").startswith("Last 4 weeks · 16 Feb to 15 Mar · 28 of 28 days")
        four_weeks = text_of(app, "#what-changed-text")
        assert four_weeks != since_visit and four_weeks.startswith("28 of 28 days recorded.")
        assert "Pain eased, 30 minutes after: heat 1.4 points (n = 17)" in four_weeks
        await pilot.press("a")
        assert text_of(app, "#trends-header").startswith("All time · 16 Nov 2025 to 15 Mar 2026 · 120 of 120")
        assert "16 Nov" in chart_text(app, "pain")


async def test_footer_offers_every_range_and_the_header_names_the_current_one() -> None:
    app = Host(Journal.from_data(two_weeks()))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        footer = str(app.screen.query_one(KeyBar).render())
        for key, label in (("s", "Since visit"), ("w", "4 weeks"), ("m", "3 months"), ("a", "All")):
            assert f"{key} {label}" in footer
        await pilot.press("m")
        header = str(app.screen.query_one("#trends-header", Static).render())
        assert header.startswith("Last 3 months")


async def test_next_chart_cycles_the_tabs() -> None:
    app = Host(Journal.from_data(build_demo(end=TODAY, days=60)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        tabs = app.screen.query_one(TabbedContent)
        seen = [tabs.active]
        for _ in range(4):
            await pilot.press("c")
            seen.append(tabs.active)
        # The demo logs sleep and mood: their chart is the fifth tab.
        assert seen == ["tab-pain", "tab-adherence", "tab-heat_ice", "tab-mobility", "tab-sleep_mood"]
        await pilot.press("c", "c", "w")
        await pilot.pause()
        # The exercises chart, hidden at first, is drawn at its real width: the four weeks are labelled.
        exercises = chart_text(app, "adherence")
        assert "Exercises done, % of planned" in exercises
        for week in ("16 Feb", "23 Feb", "2 Mar", "9 Mar"):
            assert week in exercises


@pytest.mark.parametrize("size", SIZES)
async def test_empty_journal_does_not_crash(size: tuple[int, int]) -> None:
    app = Host(Journal.from_data(JournalData()))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert "No days logged from 16 Feb to 15 Mar." in text_of(app, "#what-changed-text")
        assert "no days logged in this range" in chart_text(app, "pain")
        for key in ("w", "m", "a", "c", "c", "c"):
            await pilot.press(key)
        await pilot.pause()
        assert "No days logged from 15 Mar to 15 Mar." in text_of(app, "#what-changed-text")


async def test_insights_are_computed_once_per_range_and_journal_change(
    monkeypatch: pytest.MonkeyPatch, journal: Journal
) -> None:
    for day in two_weeks().days:
        journal.save_day(day)
    calls: list[Any] = []
    real = trends_module.compute

    def counting(data: JournalData, rng: Any) -> Any:
        calls.append(rng.key)
        return real(data, rng)

    monkeypatch.setattr(trends_module, "compute", counting)
    app = Host(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in ("w", "s", "w", "s"):
            await pilot.press(key)
        # Back and forth between two ranges: each computed once.
        assert calls == ["since-visit", "4w"]
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert calls == ["since-visit", "4w"]
        assert text_of(app, "#trends-header").endswith("14 of 28 days logged")
        journal.save_day(Day(date=date(2026, 3, 1), pain_avg=2))
        await pilot.press("w")
        # The journal changed: recomputed once, and the new day shows.
        assert calls == ["since-visit", "4w", "4w"]
        assert text_of(app, "#trends-header").endswith("15 of 28 days logged")


async def test_user_text_is_shown_as_written() -> None:
    hostile = Exercise("[bold]Tilt[/] [@click=app.quit]x[/]", start=date(2026, 3, 1), id=1)
    walk = Exercise("Walk", start=date(2026, 3, 1), id=2)
    days = tuple(
        Day(
            date=date(2026, 3, 9) + timedelta(days=i),
            pain_avg=3,
            exercises=(ExerciseLog(1, "skipped"), ExerciseLog(2, "done")),
            red_flags=("fever",) if i == 2 else (),
        )
        for i in range(7)
    )
    app = Host(Journal.from_data(JournalData(days=days, exercises=(hostile, walk))))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w")
        words = text_of(app, "#what-changed-text")
        assert "Least done: [bold]Tilt[/] [@click=app.quit]x[/] (0 %)" in words
        # Red flags come first.
        assert words.startswith("Urgent symptoms were logged on 1 day (latest: 11 Mar).")
        assert app.is_running


async def test_charts_are_drawn_when_shown_and_once_per_range(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[str] = []
    real = dict(trend_chart_module.DRAWERS)

    def counting(kind: str) -> Any:
        def draw(plt: Any, insights: Any, *, width: int) -> None:
            drawn.append(f"{kind} {insights.range.key}")
            real[kind](plt, insights, width=width)

        return draw

    monkeypatch.setattr(trend_chart_module, "DRAWERS", {kind: counting(kind) for kind in real})
    app = Host(Journal.from_data(build_demo(end=TODAY, days=60)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert drawn == ["pain since-visit"]  # the hidden tabs' charts are not drawn
        for key in ("w", "s", "w", "s"):
            await pilot.press(key)
        assert drawn == ["pain since-visit", "pain 4w"]  # back to a range shown before: its picture is kept
        await pilot.press("c")
        assert drawn[-1] == "adherence since-visit"
        assert "Exercises done, % of planned" in chart_text(app, "adherence")


async def test_a_kept_chart_is_drawn_again_when_the_journal_changes(journal: Journal) -> None:
    for day in two_weeks().days:
        journal.save_day(day)
    app = Host(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "first week 8.0" in chart_text(app, "pain")
        await pilot.press("w")
        journal.save_day(Day(date=date(2026, 3, 2), pain_avg=1))  # the first week: (1 + 6 x 8) / 7 = 7.0
        await pilot.press("s")
        assert "first week 7.0" in chart_text(app, "pain")


async def test_a_sleep_and_mood_tab_only_when_the_range_has_sleep_or_mood() -> None:
    data = two_weeks()
    with_sleep = data.days[:-2] + tuple(d.with_changes(sleep_quality=3, mood=6) for d in data.days[-2:])
    app = Host(Journal.from_data(JournalData(days=with_sleep, visits=data.visits)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert " Mobility  Sleep " in screen_text(app)  # the tab's name in full, at 80 columns
        for _ in range(4):
            await pilot.press("c")
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "tab-sleep_mood"
        assert "Sleep quality and mood (0-10)" in chart_text(app, "sleep_mood")
        await pilot.press("c")
        assert app.screen.query_one(TabbedContent).active == "tab-pain"
    app = Host(Journal.from_data(data))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Sleep" not in screen_text(app)
        for _ in range(4):  # the four charts, then back to the first
            await pilot.press("c")
        assert app.screen.query_one(TabbedContent).active == "tab-pain"
