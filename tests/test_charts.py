"""Charts: right dates on the axes in every time zone, readable at 80 columns, plain text for the shell."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest

from spinejournal.charts import (
    CHART_TITLES,
    CHARTS,
    chart_text,
    charts_for,
    charts_text,
    day_ticks,
    draw_adherence,
    draw_pain,
    draw_sleep_mood,
    nice_ticks,
)
from spinejournal.demo import build_demo
from spinejournal.insights import Insights, compute, resolve_range
from spinejournal.model import CareEvent, Day, Exercise, ExerciseLog, JournalData, TherapySession

from .conftest import TODAY


class Recorder:
    """A stand-in for plotext that records every call, to check what would be drawn."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def __getattr__(self, name: str) -> Any:
        def record(*args: Any, **kwargs: Any) -> None:
            self.calls.append((name, args, kwargs))

        return record

    def named(self, name: str) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
        return [(args, kwargs) for call, args, kwargs in self.calls if call == name]


@pytest.fixture
def tz(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Switch the process time zone for a test; the zone is restored afterwards."""

    def switch(zone: str) -> None:
        monkeypatch.setenv("TZ", zone)
        time.tzset()

    yield switch
    monkeypatch.undo()
    time.tzset()


def four_weeks(data: JournalData) -> Insights:
    return compute(data, resolve_range(data, "4w", today=TODAY))


def test_day_ticks_are_spread_over_the_range_with_their_dates() -> None:
    # 28 days at 80 columns: (80 - 8) // 10 = 7 ticks at round(i * 27 / 6) = 0, 4, 9, 14, 18, 22, 27
    # (Python rounds halves to even: 4.5 -> 4, 13.5 -> 14, 22.5 -> 22).
    positions, labels = day_ticks(date(2026, 2, 16), TODAY, 80)
    assert positions == [0, 4, 9, 14, 18, 22, 27]
    assert labels == ["16 Feb", "20 Feb", "25 Feb", "2 Mar", "6 Mar", "10 Mar", "15 Mar"]
    # 50 columns: 4 ticks at round(i * 27 / 3) = 0, 9, 18, 27.
    assert day_ticks(date(2026, 2, 16), TODAY, 50) == ([0, 9, 18, 27], ["16 Feb", "25 Feb", "6 Mar", "15 Mar"])


def test_day_ticks_for_a_single_day_and_for_long_ranges() -> None:
    assert day_ticks(TODAY, TODAY, 80) == ([0], ["15 Mar"])
    # A year at 160 columns: (160 - 8) // 12 = 12 month labels fit, the first of each month.
    positions, labels = day_ticks(date(2025, 3, 16), TODAY, 160)
    assert labels[:2] == ["Apr 2025", "May 2025"] and labels[-1] == "Mar 2026" and len(labels) == 12
    assert positions[0] == (date(2025, 4, 1) - date(2025, 3, 16)).days == 16
    # At 80 columns 6 fit: every second month (January, March, ...).
    _, labels = day_ticks(date(2025, 3, 16), TODAY, 80)
    assert labels == ["May 2025", "Jul 2025", "Sep 2025", "Nov 2025", "Jan 2026", "Mar 2026"]
    # Two years: every sixth month.
    _, labels = day_ticks(date(2024, 3, 18), TODAY, 80)
    assert labels == ["Jul 2024", "Jan 2025", "Jul 2025", "Jan 2026"]
    # Ten years at 80 columns: too many months even every sixth, so every other year.
    _, labels = day_ticks(date(2016, 3, 18), TODAY, 80)
    assert labels == ["2017", "2019", "2021", "2023", "2025"]


def test_nice_ticks() -> None:
    assert nice_ticks(3) == [0, 1, 2, 3]
    assert nice_ticks(6) == [0, 2, 4, 6]
    assert nice_ticks(53) == [0, 15, 30, 45, 60]
    assert nice_ticks(0) == [0, 1]


@pytest.mark.parametrize("zone", ["America/New_York", "Asia/Tokyo", "UTC"])
def test_pain_points_sit_on_their_own_dates_in_every_time_zone(tz: Any, zone: str) -> None:
    tz(zone)
    # A spike of 9 on 2 Mar among days of 3: its x must carry the 2 Mar label.
    days = [Day(date=date(2026, 2, 16) + timedelta(days=i), pain_avg=3) for i in range(28)]
    days[14] = Day(date=date(2026, 3, 2), pain_avg=9)
    ins = four_weeks(JournalData(days=tuple(days)))
    plt = Recorder()
    draw_pain(plt, ins, width=200)
    (xs, ys) = next(args for args, kwargs in plt.named("plot") if kwargs.get("label") == "daily")
    ((positions, labels), _) = plt.named("xticks")[0]
    spike_x = xs[ys.index(9)]
    assert labels[positions.index(spike_x)] == "2 Mar"
    assert dict(zip(positions, labels, strict=True))[0] == "16 Feb"
    assert dict(zip(positions, labels, strict=True))[27] == "15 Mar"


def test_chart_text_is_the_same_in_every_time_zone(tz: Any) -> None:
    data = build_demo(end=TODAY, days=60)
    outputs = {}
    for zone in ("UTC", "America/New_York", "Asia/Tokyo"):
        tz(zone)
        outputs[zone] = charts_text(four_weeks(data), width=80)
    assert outputs["America/New_York"] == outputs["UTC"] == outputs["Asia/Tokyo"]
    axis = next(line for line in outputs["UTC"].splitlines() if "16 Feb" in line)
    assert axis.split() == ["16", "Feb", "20", "Feb", "25", "Feb", "2", "Mar", "6", "Mar", "10", "Mar", "15", "Mar"]


def test_charts_fit_80_columns_as_plain_text() -> None:
    data = build_demo(end=TODAY, days=120)
    for key in ("since-visit", "4w", "3m", "all"):
        text = charts_text(compute(data, resolve_range(data, key, today=TODAY)), width=80, height=16)
        lines = text.splitlines()
        assert max(len(line) for line in lines) <= 80
        assert "\x1b" not in text
        for kind in CHARTS:
            assert CHART_TITLES[kind] in text
        # The demo logs sleep and mood: five charts of 16 rows, with a blank line between them.
        assert CHART_TITLES["sleep_mood"] in text
        assert len(lines) == 5 * 16 + 4


def test_heat_ice_legend_gives_relief_with_n_or_says_too_few() -> None:
    heat = TherapySession("heat", 15, pain_before=5, pain_after=3)
    ice = TherapySession("ice", 10, pain_before=5, pain_after=4)
    # Heat on 5 days (relief 2 each: mean 2.0, n = 5); ice once (n = 1, too few).
    days = [Day(date=TODAY - timedelta(days=i), pain_avg=4, sessions=(heat,)) for i in range(5)]
    days.append(Day(date=TODAY - timedelta(days=6), pain_avg=4, sessions=(ice,)))
    text = chart_text("heat_ice", four_weeks(JournalData(days=tuple(sorted(days, key=lambda d: d.date)))))
    assert "heat (relief 2.0, n=5)" in text
    assert "ice (relief: too few to say)" in text


def test_weekly_adherence_bars_are_the_weekly_percentages() -> None:
    plan = (Exercise("Walk", start=date(2026, 1, 1), id=1),)
    # Every day logged (sessions are planned on logged days only), done every day of the last week
    # only: weeks at 0, 0, 0 and 100 %.
    days = tuple(
        Day(date=TODAY - timedelta(days=i), pain_avg=3, exercises=(ExerciseLog(1, "done"),) if i < 7 else ())
        for i in range(27, -1, -1)
    )
    plt = Recorder()
    draw_adherence(plt, four_weeks(JournalData(days=days, exercises=plan)), width=80)
    (_xs, ys), kwargs = plt.named("bar")[0]
    assert list(ys) == [0.0, 0.0, 0.0, 100.0] and kwargs["label"] == "done %"
    # The 70 % mark is drawn across.
    assert any(args[1] == [70.0, 70.0] for args, _ in plt.named("plot"))


def test_empty_range_draws_titles_that_say_so() -> None:
    text = charts_text(four_weeks(JournalData()), width=80)
    assert "Average pain: no days logged in this range" in text
    assert "Exercises: none planned in this range" in text
    assert "Heat and ice: no sessions in this range" in text
    assert "Mobility: nothing measured in this range" in text


def test_long_ranges_pool_points_and_say_so() -> None:
    data = build_demo(end=TODAY, days=800, exercises=2)
    ins = compute(data, resolve_range(data, "all", today=TODAY))
    # 800 days over 2 x (80 - 8) = 144 points: ceil(800 / 144) = 6 days a point; 115 weeks -> 4 a point.
    assert "Average pain (0-10) (each point: 6 days)" in chart_text("pain", ins)
    assert "(each point: 4 weeks)" in chart_text("adherence", ins)
    plt = Recorder()
    draw_pain(plt, ins, width=80)
    # Over more than a year only the 7-day mean is drawn, not 800 daily dots.
    labels = [kwargs["label"] for _, kwargs in plt.named("plot")]
    assert "daily" not in labels and "7-day mean" in labels


@pytest.mark.parametrize("zone", ["America/New_York", "Asia/Tokyo"])
def test_care_events_are_marked_on_the_pain_chart_on_their_own_day(tz: Any, zone: str) -> None:
    tz(zone)
    days = tuple(Day(date=date(2026, 2, 16) + timedelta(days=i), pain_avg=4) for i in range(28))
    events = (
        CareEvent(date(2026, 3, 2), "injection", "Epidural [bold]x[/]", id=1),
        CareEvent(date(2026, 1, 5), "imaging", "MRI", id=2),  # before the range: not marked
    )
    ins = four_weeks(JournalData(days=days, events=events))
    plt = Recorder()
    draw_pain(plt, ins, width=200)
    (xs, ys) = next(a for a, k in plt.named("scatter") if k.get("label") == "care event")
    ((positions, labels), _) = plt.named("xticks")[0]
    # 2 Mar is day 14 of the range, marked at the top of the scale and labelled by its kind only.
    assert (xs, ys) == ([14], [10])
    assert labels[positions.index(14)] == "2 Mar"
    assert [args[0] for args, _ in plt.named("vline")] == [14]
    assert [args[0] for args, _ in plt.named("text")] == ["injection"]
    text = chart_text("pain", ins, width=80)
    assert "▼" in text and "injection" in text and "care event" in text
    assert "Epidural" not in text


def test_sleep_mood_chart_plots_quality_and_mood_and_is_drawn_only_with_data() -> None:
    # Quality 4 and mood 6 on 14-15 Mar; hours 6 and 7 -> 6.5 h a night in the title.
    days = (
        Day(date=date(2026, 3, 14), pain_avg=3, sleep_hours=6, sleep_quality=4, mood=6),
        Day(date=date(2026, 3, 15), pain_avg=3, sleep_hours=7, sleep_quality=4, mood=6),
    )
    ins = four_weeks(JournalData(days=days))
    assert charts_for(ins) == (*CHARTS, "sleep_mood")
    plt = Recorder()
    draw_sleep_mood(plt, ins, width=80)
    plotted = {kwargs["label"]: args for args, kwargs in plt.named("plot")}
    assert plotted == {"sleep quality": ([26, 27], [4.0, 4.0]), "mood": ([26, 27], [6.0, 6.0])}
    assert "Sleep quality and mood (0-10), sleep 6.5 h a night" in chart_text("sleep_mood", ins)
    assert charts_for(four_weeks(JournalData(days=(Day(date=TODAY, pain_avg=3),)))) == CHARTS
