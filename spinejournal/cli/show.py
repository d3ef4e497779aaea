"""The commands that read days back: show (a table or JSON) and trends (what changed, and the charts).

Each public function is a command (its docstring the help, its options declared on it);
``spinejournal.cli`` adds them to the command tree.
"""

from __future__ import annotations

from datetime import timedelta

from spinejournal import clock
from spinejournal.cli.args import IntRange, option
from spinejournal.cli.common import (
    CommandError,
    Context,
    open_journal,
)
from spinejournal.model import (
    Day,
)
from spinejournal.ranges import RANGE_KEYS
from spinejournal.text import json_printable, printable, shorten


def _exercise_cell(day: Day) -> str:
    if not day.exercises:
        return "-"
    done = sum(log.credit for log in day.exercises)
    return f"{done:g}/{len(day.exercises)}"


def _therapy_cell(day: Day) -> str:
    heat = sum(s.minutes for s in day.sessions if s.kind == "heat")
    ice = sum(s.minutes for s in day.sessions if s.kind == "ice")
    parts = ([f"H{heat}"] if heat else []) + ([f"I{ice}"] if ice else [])
    return " ".join(parts) or "-"


def _opt(value: int | None) -> str:
    return "-" if value is None else str(value)


@option(
    "--days",
    default=14,
    show_default=True,
    type=IntRange(1, 100_000),
    help="How many days back from today.",
)
@option("--json", dest="as_json", action="store_true", help="Print the days as JSON instead of a table.")
def show(ctx: Context, days: int, as_json: bool) -> None:
    """Show recent days as a table (or JSON)."""
    journal = open_journal(ctx, read_only=True)
    end = clock.today()
    start = end - timedelta(days=days - 1)
    shown = journal.days_between(start, end)
    if as_json:
        import json

        print(json_printable(json.dumps([d.to_dict() for d in shown], indent=2, ensure_ascii=False)))
        return
    if not shown:
        print(f"No days logged from {start} to {end}. Log one with: spinejournal log --pain N")
        return
    header = f"{'Date':<10}  {'Avg':>3} {'Now':>3} {'Wst':>3} {'Lst':>3}  {'Heat/Ice':<9} {'Ex':<5} {'Walk':>4}  Notes"
    print(header)
    print("-" * len(header))
    for day in shown:
        flag = " !!" if day.red_flags else ""
        note = shorten(printable(day.notes, single_line=True), 30)
        print(
            f"{day.date.isoformat():<10}  {day.pain_avg:>3} {_opt(day.pain_now):>3} "
            f"{_opt(day.pain_worst):>3} {_opt(day.pain_least):>3}  {_therapy_cell(day):<9} "
            f"{_exercise_cell(day):<5} {_opt(day.mobility.walk):>4}  {note}{flag}"
        )
    print(f"{len(shown)} of {days} days logged.")


@option(
    "--range",
    dest="range_key",
    choices=RANGE_KEYS,
    default="since-visit",
    show_default=True,
    help="Since the last visit (else the last 4 weeks), 4 weeks, 3 months (13 weeks) or all.",
)
@option("--from", dest="start", metavar="DATE", help="Custom range start, YYYY-MM-DD (overrides --range).")
@option("--to", dest="end", metavar="DATE", help="Custom range end, YYYY-MM-DD (default: today).")
@option("--width", type=IntRange(40, 400), metavar="COLUMNS", help="Chart width (default: the terminal's, up to 100).")
def trends(ctx: Context, range_key: str, start: str | None, end: str | None, width: int | None) -> None:
    """Print what changed, in words, sleep and mood, medications, treatments, PEG-3, PGIC and care
    events (each when logged), and the trend charts (pain, exercises, heat/ice, mobility, sleep/mood)."""
    import shutil
    import textwrap

    from spinejournal.charts import charts_text
    from spinejournal.insights import compute, detail_sections, resolve_range, what_changed

    data = open_journal(ctx, read_only=True).data()
    try:
        rng = resolve_range(
            data,
            range_key,
            start=clock.parse_day(start) if start else None,
            end=clock.parse_day(end) if end else None,
        )
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    width = width or max(40, min(shutil.get_terminal_size().columns, 100))
    ins = compute(data, rng)
    print(f"{rng.label} ({rng.start} to {rng.end})")
    print()

    def bullets(title: str, lines: tuple[str, ...]) -> None:
        print(title)
        for line in lines:
            wrapped = textwrap.wrap(printable(line, single_line=True), width - 2)
            print("\n".join(("- " if i == 0 else "  ") + part for i, part in enumerate(wrapped)))

    bullets("What changed", what_changed(ins, details=False))
    for title, lines in detail_sections(ins):
        print()
        bullets(title, lines)
    if ins.is_empty:
        print("Log a day with: spinejournal log --pain N")
        return
    print()
    print(charts_text(ins, width=width))
