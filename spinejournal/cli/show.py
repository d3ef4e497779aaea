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


# Minutes of each treatment in the table, by the letter that marks them (see show --help).
_TREATMENT_LETTERS = {"heat": "H", "ice": "I", "tens": "T", "massage": "M"}


def _therapy_cell(day: Day) -> str:
    minutes = {kind: sum(s.minutes for s in day.sessions if s.kind == kind) for kind in _TREATMENT_LETTERS}
    return " ".join(f"{letter}{minutes[kind]}" for kind, letter in _TREATMENT_LETTERS.items() if minutes[kind]) or "-"


def _hours(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


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
    """Show recent days as a table (or JSON).

    Pain: average, now, worst and least (0-10). Treatments: minutes of heat (H), ice (I), TENS (T)
    and massage (M). Ex: exercises done of those logged. Walk: minutes. When some day shown has
    them, Slp (hours slept) and Mood (0-10) too. --json gives every field of each day.
    """
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
    # Columns for what is new in day model v2 only when a day shown has it: the table of a journal
    # without them stays as it was, and with them the notes give way so it stays within 80 columns.
    treated = any(s.kind not in ("heat", "ice") for d in shown for s in d.sessions)
    rested = any(d.sleep_hours is not None or d.mood is not None for d in shown)
    therapy = "Treatment" if treated else "Heat/Ice"
    extra = f" {'Slp':>4} {'Mood':>4}" if rested else ""
    pain = f"{'Avg':>3} {'Now':>3} {'Wst':>3} {'Lst':>3}"
    header = f"{'Date':<10}  {pain}  {therapy:<9} {'Ex':<5} {'Walk':>4}{extra}  Notes"
    print(header)
    print("-" * len(header))
    for day in shown:
        flag = " !!" if day.red_flags else ""
        note = shorten(printable(day.notes, single_line=True), 16 if rested else 30)
        cells = f" {_hours(day.sleep_hours):>4} {_opt(day.mood):>4}" if rested else ""
        print(
            f"{day.date.isoformat():<10}  {_opt(day.pain_avg):>3} {_opt(day.pain_now):>3} "
            f"{_opt(day.pain_worst):>3} {_opt(day.pain_least):>3}  {_therapy_cell(day):<9} "
            f"{_exercise_cell(day):<5} {_opt(day.mobility.walk):>4}{cells}  {note}{flag}"
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
