"""Command line: the journal TUI by default, plus quick commands that never import Textual.

Every error reaches the user as one line on stderr with a non-zero exit status, never a traceback,
and a command that fails changes nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NoReturn

from spinejournal import __version__, clock
from spinejournal.cli.args import (
    Cancelled,
    IntRange,
    UsageError,
    argument,
    choose,
    confirm,
    file_path,
    group,
    integer,
    option,
    parse,
)
from spinejournal.clinical import RED_FLAGS, RED_FLAGS_BY_ID, URGENCY_TITLE, most_urgent, red_flag_advice
from spinejournal.model import (
    LIMBS,
    PSFS_VERSIONS,
    REGIONS,
    SKIP_REASONS,
    Day,
    Exercise,
    ExerciseLog,
    Profile,
    PsfsActivity,
    PsfsRating,
    Radiating,
    TherapySession,
    ValidationError,
    Visit,
    extents_for,
    find_exercise,
    find_psfs_activity,
    parse_whole_number,
)
from spinejournal.ranges import RANGE_KEYS
from spinejournal.reports import FORMATS
from spinejournal.text import json_printable, printable, shorten

EXIT_ERROR = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A user mistake found by a command; shown as one line."""


@dataclass(frozen=True)
class Context:
    """The top-level options, which every command may need."""

    journal: str | None
    demo: bool
    # The journals a command opened, whose notes are printed once it succeeds.
    opened: list[Any] = field(default_factory=list)


# -- shared plumbing -----------------------------------------------------------------------------


def _journal_path(ctx: Context) -> Path:
    from spinejournal.fsutil import UnsafeTargetError
    from spinejournal.locations import journal_path

    try:
        return journal_path(ctx.journal)
    except UnsafeTargetError as exc:
        raise CommandError(str(exc)) from None


def _open(ctx: Context, *, read_only: bool = False) -> Any:
    from spinejournal.store import Journal

    journal = Journal(_journal_path(ctx), read_only=read_only)
    if not read_only:
        # A damaged journal refuses every write: say that first, not e.g. that a day is not logged.
        journal.check_writable()
    ctx.opened.append(journal)
    return journal


def _date_option(value: str | None) -> date:
    if value is None:
        return clock.today()
    try:
        return clock.parse_day(value)
    except ValueError as exc:
        raise CommandError(str(exc)) from None


def _past_date_option(value: str | None, what: str) -> date:
    """A ``--date`` of something that happened: today or earlier."""
    on = _date_option(value)
    if on > clock.today():
        raise CommandError(f"{on} is in the future; {what}")
    return on


def _exercise(exercises: Sequence[Exercise], name: str, on: date) -> Exercise:
    found = find_exercise([e for e in exercises if e.active_on(on)], name)
    elsewhen = find_exercise(exercises, name) if found is None else None
    if elsewhen is not None:
        span = f"from {elsewhen.start}" + (f" until {elsewhen.end}" if elsewhen.end else "")
        raise CommandError(
            f"'{printable(elsewhen.name)}' is in your plan {span}, not on {on} "
            "(its dates can be changed on the app's Plan screen)"
        )
    if found is None:
        active = ", ".join(e.name for e in exercises if e.active_on(on)) or "none yet"
        raise CommandError(
            f"'{printable(name)}' is not in your exercise plan on {on} "
            f"(plan: {printable(active)}); add it with: spinejournal plan add NAME"
        )
    return found


def _split_reason(spec: str) -> tuple[str, str | None]:
    """'Bird dog:pain' -> ('Bird dog', 'pain'); a suffix that is no reason stays in the name."""
    name, sep, reason = spec.rpartition(":")
    if sep and reason.strip().lower().replace(" ", "_") in SKIP_REASONS:
        return name, reason.strip().lower().replace(" ", "_")
    return spec, None


def _session(kind: str, spec: str) -> TherapySession:
    """'15' or '15:6:4' (minutes, pain before, pain after)."""
    parts = spec.split(":")
    try:
        numbers = [parse_whole_number(p) for p in parts]
    except ValueError:
        raise CommandError(
            f"--{kind} '{spec}': use MINUTES or MINUTES:PAIN_BEFORE:PAIN_AFTER, e.g. 20 or 20:6:4"
        ) from None
    if len(numbers) not in (1, 3):
        raise CommandError(f"--{kind} '{spec}': use MINUTES or MINUTES:PAIN_BEFORE:PAIN_AFTER")
    minutes, before, after = numbers if len(numbers) == 3 else (numbers[0], None, None)
    return TherapySession(kind=kind, minutes=minutes, pain_before=before, pain_after=after)


def _radiating(spec: str) -> Radiating:
    limb, _, extent = spec.partition(":")
    limb = limb.strip().lower().replace("-", "_").replace(" ", "_")
    if limb not in LIMBS:
        raise CommandError(f"--radiating '{spec}': limb must be one of {', '.join(LIMBS)}")
    if not extent:
        raise CommandError(
            f"--radiating '{spec}': say how far it reaches, e.g. {limb}:"
            f"{list(extents_for(limb))[2]} ({', '.join(extents_for(limb))})"
        )
    return Radiating(limb=limb, extent=extent.strip().lower().replace(" ", "_"))


def _echo_warnings(warnings: Sequence[str]) -> None:
    for warning in warnings:
        print(f"Note: {warning}", file=sys.stderr)


def _echo_red_flags(flags: Sequence[str]) -> None:
    level = most_urgent(list(flags))
    if level is None:
        return
    print(file=sys.stderr)
    print(f"!! {URGENCY_TITLE[level]}: {red_flag_advice(list(flags))}", file=sys.stderr)
    for flag in flags:
        print(f"   - {RED_FLAGS_BY_ID[flag].label}", file=sys.stderr)


# -- the group ------------------------------------------------------------------------------------


# Commands are listed in help in the order they are declared (the order a person meets them).
@group("spinejournal")
@option(
    "--journal",
    type=file_path,
    metavar="FILE",
    help="Journal file to use (default: your user data folder; or set SPINEJOURNAL_JOURNAL).",
)
@option(
    "--demo",
    action="store_true",
    help="Use generated sample data, in the app or with a command; your journal is not read or written, "
    "and nothing done to the sample is kept.",
)
def cli(ctx: Context) -> None:
    """A daily pain and mobility journal for physical therapy.

    Run with no command to open the journal app. Quick commands below work without it. Tab
    completion for your shell: spinejournal completion bash|zsh|fish (see its --help).
    """
    try:
        from spinejournal.tui.app import run
    except ImportError:
        raise CommandError(
            "the journal app is not available in this version; use the quick commands (spinejournal --help)"
        ) from None
    run(journal=None if ctx.demo else _journal_path(ctx), demo=ctx.demo)


# -- log ------------------------------------------------------------------------------------------


@cli.command()
@option(
    "--pain",
    dest="pain_avg",
    type=integer,
    metavar="N",
    help="Average pain over the last 24 hours, 0-10 (the main number).",
)
@option("--now", dest="pain_now", type=integer, metavar="N", help="Pain right now, 0-10.")
@option("--worst", dest="pain_worst", type=integer, metavar="N", help="Worst pain in the last 24 hours, 0-10.")
@option("--least", dest="pain_least", type=integer, metavar="N", help="Least pain in the last 24 hours, 0-10.")
@option("--limb-pain", dest="pain_limb", type=integer, metavar="N", help="Leg or arm (radiating) pain, 0-10.")
@option(
    "--region",
    dest="regions",
    action="append",
    metavar="WHERE",
    help=f"Where it hurts (repeatable): {', '.join(REGIONS)}.",
)
@option(
    "--radiating",
    action="append",
    metavar="LIMB:REACH",
    help="Radiating pain, e.g. left_leg:calf (repeatable).",
)
@option(
    "--heat",
    action="append",
    metavar="MIN[:B:A]",
    help="A heat session: minutes, optionally pain before and after, e.g. 20:6:4.",
)
@option("--ice", action="append", metavar="MIN[:B:A]", help="An ice session, same form as --heat.")
@option("--did", action="append", metavar="NAME", help="An exercise of your plan you did (repeatable).")
@option("--partial", action="append", metavar="NAME[:REASON]", help="An exercise you partly did.")
@option(
    "--skipped",
    action="append",
    metavar="NAME[:REASON]",
    help=f"An exercise you skipped; reason: {', '.join(SKIP_REASONS)}.",
)
@option("--walk", type=integer, metavar="MIN", help="How long you can walk, minutes.")
@option("--sit", type=integer, metavar="MIN", help="How long you can sit, minutes.")
@option("--stand", type=integer, metavar="MIN", help="How long you can stand, minutes.")
@option("--stiffness", type=integer, metavar="MIN", help="Morning stiffness, minutes.")
@option("--note", metavar="TEXT", help="A note for the day (replaces the day's note).")
@option("--question", metavar="TEXT", help="A question for your therapist (replaces the day's).")
@option(
    "--red-flag",
    dest="red_flags",
    action="append",
    metavar="ID",
    help="An urgent symptom (see 'spinejournal flags').",
)
@option("--date", dest="when", metavar="DATE", help="YYYY-MM-DD, today or yesterday (default: today).")
def log(ctx: Context, **opts: Any) -> None:
    """Log a day in one line; logging the same date again updates that day.

    Values you give replace what the day had; heat and ice sessions are added to it.

    \b
    Example:
      spinejournal log --pain 4 --worst 6 --heat 20:6:4 --did "Pelvic tilt" --walk 25
    """
    on = _past_date_option(opts.pop("when"), "log a day once it has begun")
    journal = _open(ctx)
    plan = journal.exercises()

    statuses: list[ExerciseLog] = []
    for name in opts["did"]:
        statuses.append(ExerciseLog(_exercise(plan, name, on).id, "done"))
    for status, specs in (("partial", opts["partial"]), ("skipped", opts["skipped"])):
        for spec in specs:
            name, reason = _split_reason(spec)
            statuses.append(ExerciseLog(_exercise(plan, name, on).id, status, reason))
    sessions = [_session("heat", s) for s in opts["heat"]] + [_session("ice", s) for s in opts["ice"]]
    radiating = [_radiating(s) for s in opts["radiating"]]
    regions = [r.strip().lower().replace("-", "_").replace(" ", "_") for r in opts["regions"]]
    for flag in opts["red_flags"]:
        if flag not in RED_FLAGS_BY_ID:
            raise CommandError(f"--red-flag '{printable(flag)}' is unknown; see: spinejournal flags")

    def change(existing: Day | None) -> Day:
        if existing is None and opts["pain_avg"] is None:
            raise CommandError(f"{on} is not logged yet: give at least --pain N (average pain, 0-10)")
        base = existing or Day(date=on, pain_avg=opts["pain_avg"])
        updates: dict[str, Any] = {
            k: opts[k] for k in ("pain_avg", "pain_now", "pain_worst", "pain_least", "pain_limb") if opts[k] is not None
        }
        if regions:
            updates["regions"] = tuple(dict.fromkeys(regions))
        if radiating:
            updates["radiating"] = tuple(radiating)
        if sessions:
            updates["sessions"] = base.sessions + tuple(sessions)
        if statuses:
            mentioned = {s.exercise_id for s in statuses}
            kept = tuple(log for log in base.exercises if log.exercise_id not in mentioned)
            updates["exercises"] = kept + tuple(statuses)
        mobility = {k: opts[k] for k in ("walk", "sit", "stand", "stiffness") if opts[k] is not None}
        if mobility:
            updates["mobility"] = base.mobility.__class__(**{**base.mobility.to_dict(), **mobility})
        if opts["note"] is not None:
            updates["notes"] = opts["note"]
        if opts["question"] is not None:
            updates["questions"] = opts["question"]
        if opts["red_flags"]:
            updates["red_flags"] = tuple(dict.fromkeys(base.red_flags + tuple(opts["red_flags"])))
        return base.with_changes(**updates)

    result = journal.update_day(on, change)
    verb = "Logged" if result.created else "Updated"
    print(f"{verb} {on}: average pain {result.day.pain_avg}/10.")
    _echo_warnings(result.warnings)
    _echo_red_flags(result.day.red_flags)


# -- show -----------------------------------------------------------------------------------------


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


@cli.command()
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
    journal = _open(ctx, read_only=True)
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


# -- trends ---------------------------------------------------------------------------------------


@cli.command()
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
    """Print what changed, in words, and the trend charts (pain, exercises, heat/ice, mobility)."""
    import shutil
    import textwrap

    from spinejournal.charts import charts_text
    from spinejournal.insights import compute, resolve_range, what_changed

    data = _open(ctx, read_only=True).data()
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
    print("What changed")
    for line in what_changed(ins):
        wrapped = textwrap.wrap(printable(line, single_line=True), width - 2)
        print("\n".join(("- " if i == 0 else "  ") + part for i, part in enumerate(wrapped)))
    if ins.is_empty:
        print("Log a day with: spinejournal log --pain N")
        return
    print()
    print(charts_text(ins, width=width))


@cli.command()
@option("--date", dest="when", required=True, metavar="DATE", help="The day to delete: YYYY-MM-DD or yesterday.")
@option("--yes", action="store_true", help="Delete without asking (needed when no one can answer).")
def delete(ctx: Context, when: str, yes: bool) -> None:
    """Delete a day logged by mistake (today's backup still holds the journal as it was)."""
    try:
        # A day from before 1900 (stored by an older version) can still be deleted: that is the way back.
        on = clock.parse_day(when, earliest=date.min)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    from spinejournal.store import NOT_GIVEN

    journal = _open(ctx)
    expected: Any = NOT_GIVEN  # a day that cannot be read cannot be compared: it goes as it is
    try:
        day = expected = journal.get_day(on)
    except ValidationError as exc:
        found = f"it cannot be read: {exc}"
    else:
        if day is None:
            raise CommandError(f"nothing is logged on {on}")
        found = f"average pain {day.pain_avg}/10"
    if not yes:
        if not _interactive():
            raise CommandError(f"add --yes to delete {on} without being asked; nothing was deleted")
        if not confirm(f"Delete {on} ({found})?"):
            print("Kept: nothing was deleted.")
            return
    # What the question showed: a day changed meanwhile (the app saved it) is not deleted unseen.
    journal.delete_day(on, expected=expected)
    print(f"Deleted {on}.")


# -- plan -----------------------------------------------------------------------------------------


@cli.group()
def plan() -> None:
    """Your home exercise program, as your therapist prescribed it."""


@plan.command("add")
@argument("name")
@option("--sets", type=integer, help="Sets per session.")
@option("--reps", type=integer, help="Repetitions per set.")
@option("--hold", dest="hold_seconds", type=integer, metavar="SECONDS", help="Hold time per repetition.")
@option("--per-week", dest="times_per_week", type=integer, default=7, show_default=True, help="Sessions per week.")
@option("--start", metavar="DATE", help="First day of the exercise (default: today).")
@option("--instructions", default="", help="How to do it, in your therapist's words.")
def plan_add(ctx: Context, name: str, start: str | None, **fields: Any) -> None:
    """Add an exercise to the plan."""
    exercise = Exercise(name=name, start=_date_option(start), **fields)
    stored = _open(ctx).add_exercise(exercise)
    print(f"Added '{printable(stored.name)}' ({stored.dose}) from {stored.start}.")


@plan.command("list")
@option("--all", dest="show_all", action="store_true", help="Include retired exercises.")
def plan_list(ctx: Context, show_all: bool) -> None:
    """List the exercises of the plan."""
    today = clock.today()
    plan = _open(ctx, read_only=True).exercises()
    exercises = [e for e in plan if show_all or e.end is None or e.end > today]
    if not exercises:
        print("No exercises in the plan. Add one with: spinejournal plan add NAME --sets 3 --reps 10")
        return
    for e in exercises:
        status = f"retired {e.end}" if e.end and e.end <= today else f"since {e.start}"
        print(f"{printable(e.name, single_line=True):<28} {e.dose:<26} {status}")


@plan.command("retire")
@argument("name")
@option("--date", dest="when", metavar="DATE", help="Last day is the day before this (default: today).")
def plan_retire(ctx: Context, name: str, when: str | None) -> None:
    """Retire an exercise: it leaves the plan, its history stays."""
    on = _date_option(when)
    journal = _open(ctx)
    current = [e for e in journal.exercises() if e.end is None or e.end > on]
    exercise = find_exercise(current, name)
    if exercise is None:
        raise CommandError(f"'{printable(name)}' is not a current exercise of your plan (see: spinejournal plan list)")
    retired = journal.retire_exercise(exercise.id, on)
    print(f"Retired '{printable(retired.name)}' from {retired.end}.")


# -- visits, goals, profile ----------------------------------------------------------------------


@cli.group()
def visit() -> None:
    """Therapy visits: they define 'since the last visit' in summaries."""


@visit.command("add")
@option("--date", dest="when", metavar="DATE", help="YYYY-MM-DD, today or yesterday (default: today).")
@option("--note", default="", help="A note about the visit.")
def visit_add(ctx: Context, when: str | None, note: str) -> None:
    """Record a therapy visit."""
    on = _past_date_option(when, "record a visit once it happened")
    _open(ctx).save_visit(Visit(date=on, note=note))
    print(f"Visit recorded on {on}.")


@visit.command("list")
def visit_list(ctx: Context) -> None:
    """List recorded visits."""
    visits = _open(ctx, read_only=True).data().visits
    if not visits:
        print("No visits recorded. Add one with: spinejournal visit add --date YYYY-MM-DD")
    for v in visits:
        print(f"{v.date}  {printable(v.note, single_line=True)}".rstrip())


@cli.group()
def psfs() -> None:
    """Patient-Specific Functional Scale: activities you find hard, rated 0-10."""


@psfs.command("add")
@argument("name")
@option(
    "--version",
    dest="version",
    choices=list(PSFS_VERSIONS),
    default="1.0",
    show_default=True,
    help="Scale direction: 1.0 means 0 = unable, 10 = as before.",
)
def psfs_add(ctx: Context, name: str, version: str) -> None:
    """Add an activity to rate, e.g. 'Sit through a film'."""
    stored = _open(ctx).add_psfs_activity(PsfsActivity(name=name, version=version, created=clock.today()))
    print(f"Added activity '{printable(stored.name)}'.")


@psfs.command("rate")
@argument("name")
@argument("score", type=integer)
@option("--date", dest="when", metavar="DATE", help="YYYY-MM-DD, today or yesterday (default: today).")
def psfs_rate(ctx: Context, name: str, score: int, when: str | None) -> None:
    """Rate an activity from 0 to 10 on its scale."""
    on = _past_date_option(when, "rate an activity once you have tried it")
    journal = _open(ctx)
    activity = find_psfs_activity(journal.data().psfs_activities, name)
    if activity is None:
        raise CommandError(f"no PSFS activity named '{printable(name)}'; add it with: spinejournal psfs add NAME")
    journal.save_psfs_rating(PsfsRating(activity.id, on, score, activity.version))
    print(f"Rated '{printable(activity.name)}' {score}/10 on {on}.")


@psfs.command("list")
def psfs_list(ctx: Context) -> None:
    """List activities with their latest rating."""
    data = _open(ctx, read_only=True).data()
    if not data.psfs_activities:
        print("No activities yet. Add one with: spinejournal psfs add 'Sit through a film'")
    for a in data.psfs_activities:
        ratings = [r for r in data.psfs_ratings if r.activity_id == a.id]
        latest = f"{ratings[-1].score}/10 on {ratings[-1].date}" if ratings else "not rated yet"
        print(f"{printable(a.name, single_line=True):<32} {latest}")


@cli.command()
@option("--name", dest="patient_name", help="Your name, shown on the therapist summary.")
def profile(ctx: Context, patient_name: str | None) -> None:
    """Show or set who the journal belongs to."""
    journal = _open(ctx, read_only=patient_name is None)
    if patient_name is not None:
        journal.save_profile(Profile(patient_name=patient_name.strip()))
    name = journal.data().profile.patient_name
    if not name:
        print("No name set. Set one with: spinejournal profile --name NAME")
        return
    print(f"Name: {printable(name, single_line=True)}")


@cli.command()
def flags(ctx: Context) -> None:
    """List the red-flag symptoms and their ids (for log --red-flag)."""
    for flag in RED_FLAGS:
        print(f"{flag.id:<16} {URGENCY_TITLE[flag.urgency]:<22} {flag.label}")


# -- remind, restore ------------------------------------------------------------------------------


@cli.command()
def remind(ctx: Context) -> None:
    """One line when today is not logged yet, nothing otherwise (for a shell prompt)."""
    from spinejournal.store import Journal

    path = _journal_path(ctx)
    today = clock.today()
    if not path.exists() or not Journal(path, read_only=True).has_day(today):
        print(f"spinejournal: today ({today}) is not logged yet - run: spinejournal")


@cli.command()
@argument("backup", nargs="?")
def restore(ctx: Context, backup: str | None) -> None:
    """List backups, or restore one (a name from the list, a path, or 'latest').

    The current journal file is kept beside it, never deleted.
    """
    from spinejournal.store import list_backups, restore_backup

    path = _journal_path(ctx)
    backups = list_backups(path)
    if backup is None:
        if not backups:
            print(f"No backups of {path} yet (one is made each day the journal is saved).")
            return
        print(f"Backups of {path}, newest first:")
        for b in backups:
            print(f"  {b.name}")
        print("Restore one with: spinejournal restore NAME  (or: spinejournal restore latest)")
        return
    if backup == "latest":
        if not backups:
            raise CommandError(f"there are no backups of {path}")
        chosen = backups[0]
    else:
        chosen = next((b for b in backups if b.name == backup), Path(backup))
        if not chosen.is_file():
            raise CommandError(f"no backup named '{printable(backup)}' (see: spinejournal restore)")
    kept = restore_backup(path, chosen)
    print(f"Restored {path} from {chosen.name}.")
    if kept:
        print(f"The file it replaced was kept as {kept}.")


@cli.command()
def check(ctx: Context) -> None:
    """Check the journal file for damage and list every problem found; changes nothing.

    Problems are listed one a line, then a summary; the exit status is 1 when there are any.
    """
    from spinejournal.store import check_journal, list_backups

    path = _journal_path(ctx)
    report = check_journal(path)
    contents = ", ".join(
        f"{report.counts.get(table, 0)} {one if report.counts.get(table) == 1 else many}"
        for table, one, many in (
            ("days", "day", "days"),
            ("exercises", "exercise", "exercises"),
            ("visits", "visit", "visits"),
            ("psfs_activities", "PSFS activity", "PSFS activities"),
            ("psfs_ratings", "PSFS rating", "PSFS ratings"),
        )
    )
    if report.ok:
        print(f"{path.name} is OK: {contents}.")
        return
    for problem in report.problems:
        print(problem)
    if not report.damage:
        raise CommandError(
            f"{path.name} was changed outside spinejournal; every record checks out ({contents}), "
            "so the next save keeps the change"
        )
    count = len(report.problems)
    way_back = (
        "restore a backup with: spinejournal restore latest (see: spinejournal restore)"
        if list_backups(path)
        else "no backups were found"
    )
    readable = f" (readable: {contents})" if report.parsed else ""
    raise CommandError(
        f"{path.name}: {count} problem{'s' if count > 1 else ''} found, nothing was changed{readable}; {way_back}"
    )


# -- export, import, review -----------------------------------------------------------------------


@cli.command()
@option(
    "--format",
    dest="fmt",
    choices=list(FORMATS),
    default="md",
    show_default=True,
    help="md or html: the therapist summary; csv: one row per day; json: the whole journal; fhir: FHIR R4.",
)
@option(
    "--range",
    dest="range_key",
    choices=RANGE_KEYS,
    help="Period to cover (default: since-visit for md/html, everything for csv/json/fhir).",
)
@option("--since-visit", action="store_true", help="Cover the time since the last visit (same as --range since-visit).")
@option("--from", dest="start", metavar="DATE", help="Custom range start, YYYY-MM-DD.")
@option("--to", dest="end", metavar="DATE", help="Custom range end, YYYY-MM-DD (default: today).")
@option(
    "-o",
    "--output",
    metavar="FILE|-",
    help="File or folder to write (default: spinejournal-<kind>-<date>.<ext> here); - for standard output.",
)
@option("--force", action="store_true", help="Replace the file if it exists, without asking.")
def export(
    ctx: Context,
    fmt: str,
    range_key: str | None,
    since_visit: bool,
    start: str | None,
    end: str | None,
    output: str | None,
    force: bool,
) -> None:
    """Export the summary for your therapist, or your data, to a file (readable only by you).

    \b
    Examples:
      spinejournal export --format html          the summary since the last visit, to print
      spinejournal export --format json -o -     the whole journal, to standard output
    """
    import os

    from spinejournal.fsutil import UnsafeTargetError, atomic_write_bytes, check_export_target
    from spinejournal.reports import default_filename, range_for
    from spinejournal.reports import export as render

    if since_visit and range_key not in (None, "since-visit"):
        raise UsageError("--since-visit and --range cannot both be given")
    if (start or end) and (since_visit or range_key):
        raise UsageError("use either --from/--to or --range/--since-visit, not both")
    first, last = (_date_option(start) if start else None), (_date_option(end) if end else None)
    data = _open(ctx, read_only=True).data()
    try:
        rng = range_for(data, fmt, "since-visit" if since_visit else range_key, start=first, end=last)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    content = render(data, fmt, rng)
    if output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
        return
    target = Path(output).expanduser() if output else Path.cwd()
    if target.is_dir():
        target = target / default_filename(fmt, rng.end if rng else clock.today())
    shown = printable(str(target), single_line=True)
    if Path(os.path.realpath(target)) == _journal_path(ctx):
        raise CommandError(f"{shown} is your journal itself; choose another file name")
    if not target.parent.is_dir():
        raise CommandError(f"the folder {printable(str(target.parent), single_line=True)} does not exist")
    try:
        exists = check_export_target(target)
    except UnsafeTargetError as exc:
        raise CommandError(f"{exc}; nothing was written") from None
    if exists and not force:
        if not _interactive():
            raise CommandError(f"{shown} already exists; add --force to replace it (nothing was written)")
        if not confirm(f"{shown} already exists. Replace it?"):
            print(f"Cancelled: {shown} was left as it was.")
            return
    try:
        atomic_write_bytes(target, content)
    except OSError as exc:
        raise CommandError(_export_error(exc, target)) from None
    covered = f"{rng.label}, {rng.start} to {rng.end}" if rng else "the whole journal"
    print(f"Wrote {shown} ({covered}); only you can read it.")


def _export_error(exc: OSError, target: Path) -> str:
    """A failed export in words, naming the export (not its temp file)."""
    import errno

    shown = printable(str(target), single_line=True)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full: nothing was written to {shown}"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        folder = printable(str(target.parent), single_line=True)
        return f"cannot write {shown}: its folder {folder} is read-only (or not yours): nothing was written"
    return f"cannot write {shown}: {exc.strerror or exc}: nothing was written"


def _interactive() -> bool:
    """True when a person can answer a question on the terminal."""
    return sys.stdin.isatty()


@cli.command("import")
@argument("file", type=file_path)
@option(
    "--on-conflict",
    choices=["ask", "keep", "replace"],
    default="ask",
    show_default=True,
    help="When a date (or exercise, visit, rating) is in both with different content: ask, keep yours, "
    "or replace it with the file's.",
)
def import_(ctx: Context, file: str, on_conflict: str) -> None:
    """Import a JSON export made with 'spinejournal export --format json'.

    Into an empty journal it restores everything exactly. Into a journal with data it adds what is
    new; what both hold differently is resolved as --on-conflict says, and a copy of your journal
    as it was is kept beside it first.
    """
    from spinejournal.reports.importing import merge_into, restore_or_probe
    from spinejournal.reports.json_io import ExportFileError, read_export

    shown = printable(file, single_line=True)
    try:
        incoming = read_export(file, latest=clock.today())
    except ExportFileError as exc:
        raise CommandError(f"{exc}; nothing was imported") from None
    journal = _open(ctx)
    probe = restore_or_probe(journal, incoming)
    if probe is None:
        print(f"Imported {shown}: {len(incoming.days)} days, {len(incoming.exercises)} exercises.")
        return
    if not probe.changed:
        print(f"Nothing to import: your journal already holds everything in {shown}.")
        return
    prefer = "keep" if on_conflict == "ask" else on_conflict
    if probe.conflicts and on_conflict == "ask":
        listed = ", ".join(printable(str(c), single_line=True) for c in probe.conflicts[:8])
        more = f" and {len(probe.conflicts) - 8} more" if len(probe.conflicts) > 8 else ""
        what = f"{len(probe.conflicts)} item(s) differ between your journal and {shown}: {listed}{more}"
        if not _interactive():
            raise CommandError(
                f"{what}. Nothing was imported; run again with --on-conflict keep (keep yours) "
                "or --on-conflict replace (take the file's)"
            )
        print(f"{what}.")
        prefer = choose("Keep yours, replace them with the file's, or cancel?", ["keep", "replace", "cancel"], "cancel")
        if prefer == "cancel":
            print("Cancelled: nothing was imported.")
            return
    done = merge_into(journal, incoming, prefer)  # type: ignore[arg-type]
    result = done.result
    if not done.changed:
        print(f"Nothing imported: the {len(result.conflicts)} item(s) that differ were kept as in your journal.")
        return
    added = ", ".join(f"{n} new {what}" for what, n in result.added.items() if n) or "nothing new"
    print(f"Imported {shown}: {added}.")
    if result.conflicts:
        verb = "kept as in your journal" if prefer == "keep" else "replaced by the file's"
        print(f"{len(result.conflicts)} item(s) that differed were {verb}.")
    print(f"Your journal as it was before is kept as {done.kept}.")


@cli.command()
@argument("file", type=file_path)
def review(ctx: Context, file: str) -> None:
    """Open an exported journal (JSON) in the app, read-only: for a therapist to review.

    Your own journal is not opened or touched.
    """
    from spinejournal.reports.json_io import ExportFileError, read_export
    from spinejournal.store import Journal

    try:
        data = read_export(file)
    except ExportFileError as exc:
        raise CommandError(str(exc)) from None
    journal = Journal.from_data(data, label=f"{Path(file).name} (review, read-only)")
    try:
        from spinejournal.tui.app import SpineJournalApp
    except ImportError:
        raise CommandError("the journal app is not available in this version") from None
    SpineJournalApp(journal, read_only=True).run()


# -- completion -----------------------------------------------------------------------------------


# Hidden from the list of commands: the root's help names it instead.
@cli.command(hidden=True)
@argument("shell", choices=["bash", "zsh", "fish"], metavar="SHELL")
def completion(ctx: Context, shell: str) -> None:
    """Print the tab-completion script for your shell (bash, zsh or fish), to source from its start-up file.

    It completes commands and options, and the names in your journal where one is wanted: your
    plan's exercises (log --did/--partial/--skipped), PSFS activities (psfs rate) and backups
    (restore).

    \b
    bash, in ~/.bashrc:              eval "$(spinejournal completion bash)"
    zsh, in ~/.zshrc after compinit: eval "$(spinejournal completion zsh)"
    fish:                            spinejournal completion fish > ~/.config/fish/completions/spinejournal.fish
    """
    from spinejournal.cli.tab_completion import script

    sys.stdout.write(script(shell))


def _demo_journal(stack: ExitStack) -> str:
    """A throwaway journal of sample data, removed when ``stack`` closes."""
    import tempfile

    from spinejournal.demo import write_demo

    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="spinejournal-demo-")))
    write_demo(folder / "journal.json")
    return str(folder / "journal.json")


# -- entry point ----------------------------------------------------------------------------------


def _fail(message: str, code: int) -> NoReturn:
    # Messages quote what was typed or read: whatever it holds, the terminal shows one inert line.
    print(f"spinejournal: error: {printable(message, single_line=True)}", file=sys.stderr)
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line; every error becomes one line on stderr."""
    import os

    from spinejournal.store import JournalError

    words = sys.argv[1:] if argv is None else list(argv)
    shell = os.environ.get("SPINEJOURNAL_COMPLETE")
    if shell:
        from spinejournal.cli.tab_completion import complete

        for candidate in complete(cli, shell, words):
            print(candidate)
        sys.exit(0)
    try:
        with ExitStack() as stack:
            command, params, top = parse(cli, words, __version__)
            if top["demo"] and command is not cli:
                # The command runs on sample data in a folder of its own: the real journal is never opened.
                top["journal"] = _demo_journal(stack)
            ctx = Context(**top)
            command.invoke(ctx, params)
            _echo_warnings([note for journal in ctx.opened for note in journal.notices()])
            sys.stdout.flush()  # a closed pipe shows here, not at exit
    except UsageError as exc:
        _fail(f"{exc} (see: {exc.prog} --help)", EXIT_USAGE)
    except Cancelled:
        _fail("cancelled", EXIT_ERROR)
    except (CommandError, ValidationError, JournalError) as exc:
        _fail(str(exc), EXIT_ERROR)
    except KeyboardInterrupt:
        _fail("interrupted; nothing was half-written", 130)
    except BrokenPipeError:
        # Output cut short by the reader (e.g. '| head'): not an error. Python would still try to
        # flush what is buffered at exit and complain, so standard output is pointed at /dev/null.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except OSError as exc:
        _fail(f"{exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}", EXIT_ERROR)
    sys.exit(0)
