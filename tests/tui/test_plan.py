"""The Plan screen: add, edit and retire exercises of the home program."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import TabbedContent

from spinejournal.model import Exercise
from spinejournal.store import Journal
from spinejournal.tui.screens.confirm import ConfirmScreen
from spinejournal.tui.screens.exercise_dialog import ExerciseDialog
from spinejournal.tui.screens.plan import PlanScreen
from spinejournal.tui.widgets.exercise_checklist import ExerciseRow
from tests.tui.helpers import SIZE, TODAY, make_app, screen_text, stored


async def test_add_an_exercise(journal_path: Path) -> None:
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "a")
        assert isinstance(app.screen, ExerciseDialog)
        await pilot.press(*"Cat-camel", "tab", "2", "tab", "1", "0", "tab", "tab")  # sets 2, reps 10, no hold
        await pilot.press("backspace", "5", "ctrl+s")  # 5 times a week
        assert isinstance(app.screen, PlanScreen)
        assert "Cat-camel" in screen_text(app)
        assert "2 x 10, 5 x/week" in screen_text(app)
    assert stored(journal_path).exercises == (
        Exercise(name="Cat-camel", start=TODAY, sets=2, reps=10, times_per_week=5, id=1),
    )


async def test_a_duplicate_name_is_refused_inside_the_dialog(plan_path: Path) -> None:
    app = make_app(plan_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "a", *"pelvic tilt", "ctrl+s")
        assert isinstance(app.screen, ExerciseDialog)  # still open, the name still typed
        assert "exercise name: 'pelvic tilt' is already in the plan" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, PlanScreen)
    assert len(stored(plan_path).exercises) == 2


async def test_edit_an_exercise(plan_path: Path) -> None:
    app = make_app(plan_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "enter")  # Bird dog comes first (sorted by name)
        assert isinstance(app.screen, ExerciseDialog)
        await pilot.press("tab", "tab", "1", "2", "ctrl+s")  # reps 8 -> 12 (a field's text is selected on entry)
    assert stored(plan_path).exercise(2) == Exercise(
        name="Bird dog", start=date(2026, 3, 1), sets=2, reps=12, times_per_week=5, id=2
    )


async def test_retire_an_exercise_after_confirming(plan_path: Path) -> None:
    app = make_app(plan_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "down", "r")  # Pelvic tilt
        assert isinstance(app.screen, ConfirmScreen)
        assert "Pelvic tilt leaves your plan from today" in screen_text(app)
        await pilot.press("escape")  # cancel first: nothing changes
        assert stored(plan_path).exercise(1).end is None  # type: ignore[union-attr]
        await pilot.press("r", "r")
        assert "retired 2026-03-15" in screen_text(app)
        await pilot.press("t")  # today's checklist no longer offers it
        app.screen.query_one(TabbedContent).active = "tab-exercises"
        await pilot.pause()
        assert [row.exercise.name for row in app.screen.query(ExerciseRow)] == ["Bird dog"]
    assert stored(plan_path).exercise(1).end == TODAY  # type: ignore[union-attr]


async def test_hostile_exercise_names_show_literally(journal_path: Path) -> None:
    name = "[bold]Plank[/] [@click=app.quit]x \x1b[31m"
    Journal(journal_path).add_exercise(Exercise(name=name, start=date(2026, 3, 1)))
    app = make_app(journal_path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(TabbedContent).active = "tab-exercises"
        await pilot.pause()
        assert "[bold]Plank[/] [@click=app.quit]x \\x1b[31m" in screen_text(app)  # the Today checklist
        await pilot.press("p")
        text = screen_text(app)
        assert "[bold]Plank[/] [@click=app.quit]x \\x1b[31m" in text  # table and detail
        assert "\x1b" not in text
        await pilot.press("enter")  # the edit dialog draws the escape as a symbol
        assert "[bold]Plank[/] [@click=app.quit]x ␛[31m" in screen_text(app)
        await pilot.press("ctrl+s")
        assert app.is_running
    assert stored(journal_path).exercise(1).name == name.strip()  # type: ignore[union-attr]
