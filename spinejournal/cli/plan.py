"""The plan command group: the home exercise program (add, list, retire).

Each public function is a command (its docstring the help, its options declared on it);
``spinejournal.cli`` adds them to the command tree.
"""

from __future__ import annotations

from typing import Any

from spinejournal import clock
from spinejournal.cli.args import argument, integer, option
from spinejournal.cli.common import (
    CommandError,
    Context,
    date_option,
    open_journal,
)
from spinejournal.model import (
    Exercise,
    find_exercise,
)
from spinejournal.text import printable


def plan() -> None:
    """Your home exercise program, as your therapist prescribed it."""


@argument("name")
@option("--sets", type=integer, help="Sets per session.")
@option("--reps", type=integer, help="Repetitions per set.")
@option("--hold", dest="hold_seconds", type=integer, metavar="SECONDS", help="Hold time per repetition.")
@option("--per-week", dest="times_per_week", type=integer, default=7, show_default=True, help="Sessions per week.")
@option("--start", metavar="DATE", help="First day of the exercise (default: today).")
@option("--instructions", default="", help="How to do it, in your therapist's words.")
def plan_add(ctx: Context, name: str, start: str | None, **fields: Any) -> None:
    """Add an exercise to the plan."""
    exercise = Exercise(name=name, start=date_option(start), **fields)
    stored = open_journal(ctx).add_exercise(exercise)
    print(f"Added '{printable(stored.name)}' ({stored.dose}) from {stored.start}.")


@option("--all", dest="show_all", action="store_true", help="Include retired exercises.")
def plan_list(ctx: Context, show_all: bool) -> None:
    """List the exercises of the plan."""
    today = clock.today()
    plan = open_journal(ctx, read_only=True).exercises()
    exercises = [e for e in plan if show_all or e.end is None or e.end > today]
    if not exercises:
        print("No exercises in the plan. Add one with: spinejournal plan add NAME --sets 3 --reps 10")
        return
    for e in exercises:
        status = f"retired {e.end}" if e.end and e.end <= today else f"since {e.start}"
        print(f"{printable(e.name, single_line=True):<28} {e.dose:<26} {status}")


@argument("name")
@option("--date", dest="when", metavar="DATE", help="Last day is the day before this (default: today).")
def plan_retire(ctx: Context, name: str, when: str | None) -> None:
    """Retire an exercise: it leaves the plan, its history stays."""
    on = date_option(when)
    journal = open_journal(ctx)
    current = [e for e in journal.exercises() if e.end is None or e.end > on]
    exercise = find_exercise(current, name)
    if exercise is None:
        raise CommandError(f"'{printable(name)}' is not a current exercise of your plan (see: spinejournal plan list)")
    retired = journal.retire_exercise(exercise.id, on)
    print(f"Retired '{printable(retired.name)}' from {retired.end}.")
