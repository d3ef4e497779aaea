"""The commands that write a day: log (in one line, with its parsing of sessions, exercises,
radiating pain, medications taken and hours slept) and delete.

Each public function is a command (its docstring the help, its options declared on it);
``spinejournal.cli`` adds them to the command tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from spinejournal import clock

# interactive() is looked up on the module when asked, so that a test can answer as a person would.
from spinejournal.cli import common
from spinejournal.cli.args import confirm, integer, option
from spinejournal.cli.common import (
    CommandError,
    Context,
    echo_red_flags,
    echo_warnings,
    medication_on,
    open_journal,
    past_date_option,
)
from spinejournal.clinical import RED_FLAGS_BY_ID
from spinejournal.model import (
    LIMBS,
    MAX_DOSES,
    REGIONS,
    SKIP_REASONS,
    THERAPY_KINDS,
    Day,
    Exercise,
    ExerciseLog,
    Medication,
    MedicationTaken,
    Radiating,
    TherapySession,
    ValidationError,
    extents_for,
    find_exercise,
    find_medication,
    parse_whole_number,
)
from spinejournal.text import printable


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


def _taken(medications: Sequence[Medication], spec: str, on: date) -> MedicationTaken:
    """'Ibuprofen' or 'Ibuprofen:2' (doses): no count is one dose of an as-needed medication, and
    'taken' (no count) of a scheduled one. A name that itself ends in ':N' is found whole first."""
    name, sep, count = spec.rpartition(":")
    if not sep or find_medication(medications, spec, on=on) is not None:
        name, sep = spec, ""
    medication = medication_on(medications, name, on)
    if not sep:
        return MedicationTaken(medication.id, 1 if medication.as_needed else None)
    try:
        doses = parse_whole_number(count)
    except ValueError:
        doses = 0
    if not 1 <= doses <= MAX_DOSES:
        raise CommandError(
            f"--took '{printable(spec)}': doses must be a whole number from 1 to {MAX_DOSES}, e.g. {medication.name}:2"
        )
    return MedicationTaken(medication.id, doses)


def _hours(spec: str) -> float:
    """'7' or '6.5': hours slept, 0-24 in whole or half hours (ASCII digits only)."""
    whole, dot, half = spec.partition(".")
    try:
        hours = parse_whole_number(whole) + (0.5 if half == "5" else 0.0)
    except ValueError:
        hours = -1.0
    if (dot and half not in ("0", "5")) or whole.startswith("-") or not 0 <= hours <= 24:
        raise CommandError(
            f"--sleep-hours '{printable(spec)}': hours slept must be from 0 to 24 in whole or half hours, e.g. 7 or 6.5"
        )
    return hours


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
@option("--tens", action="append", metavar="MIN[:B:A]", help="A TENS session, same form as --heat.")
@option(
    "--massage",
    action="append",
    metavar="MIN[:B:A]",
    help="Massage or trigger-point self-release (ball, foam roller), same form as --heat.",
)
@option("--did", action="append", metavar="NAME", help="An exercise of your plan you did (repeatable).")
@option("--partial", action="append", metavar="NAME[:REASON]", help="An exercise you partly did.")
@option(
    "--skipped",
    action="append",
    metavar="NAME[:REASON]",
    help=f"An exercise you skipped; reason: {', '.join(SKIP_REASONS)}.",
)
@option(
    "--took",
    action="append",
    metavar="NAME[:DOSES]",
    help="A medication of your list you took (repeatable); for an as-needed one, how many doses "
    "(default 1), e.g. Ibuprofen:2.",
)
@option("--sleep-hours", metavar="H", help="Hours slept last night, 0-24, whole or half (e.g. 6.5).")
@option("--sleep-quality", type=integer, metavar="N", help="How well you slept, 0 very poor to 10 very good.")
@option("--mood", type=integer, metavar="N", help="Your mood today, 0 very low to 10 very good.")
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

    Values you give replace what the day had; heat, ice, TENS and massage sessions are added to it,
    and a medication given with --took replaces only that medication's entry.

    \b
    Examples:
      spinejournal log --pain 4 --worst 6 --heat 20:6:4 --did "Pelvic tilt" --walk 25
      spinejournal log --pain 5 --took Ibuprofen:2 --sleep-hours 6.5 --mood 6
    """
    on = past_date_option(opts.pop("when"), "log a day once it has begun")
    journal = open_journal(ctx)
    plan = journal.exercises()

    statuses: list[ExerciseLog] = []
    for name in opts["did"]:
        statuses.append(ExerciseLog(_exercise(plan, name, on).id, "done"))
    for status, specs in (("partial", opts["partial"]), ("skipped", opts["skipped"])):
        for spec in specs:
            name, reason = _split_reason(spec)
            statuses.append(ExerciseLog(_exercise(plan, name, on).id, status, reason))
    sessions = [_session(kind, spec) for kind in THERAPY_KINDS for spec in opts[kind]]
    # Only the medication table is read, and only when asked: quick entry stays quick.
    medications = journal.medications() if opts["took"] else []
    taken = [_taken(medications, spec, on) for spec in opts["took"]]
    ids = [t.medication_id for t in taken]
    twice = next((i for i in ids if ids.count(i) > 1), None)
    if twice is not None:
        name = next(m.name for m in medications if m.id == twice)
        raise CommandError(f"--took: '{printable(name)}' is given twice; give it once, with its doses (NAME:DOSES)")
    sleep_hours = None if opts["sleep_hours"] is None else _hours(opts["sleep_hours"])
    radiating = [_radiating(s) for s in opts["radiating"]]
    regions = [r.strip().lower().replace("-", "_").replace(" ", "_") for r in opts["regions"]]
    for flag in opts["red_flags"]:
        if flag not in RED_FLAGS_BY_ID:
            raise CommandError(f"--red-flag '{printable(flag)}' is unknown; see: spinejournal flags")

    def change(existing: Day | None) -> Day:
        if existing is None and opts["pain_avg"] is None and not opts["red_flags"]:
            raise CommandError(
                f"{on} is not logged yet: give at least --pain N (average pain, 0-10), or an urgent symptom "
                "on its own with --red-flag ID"
            )
        # An urgent symptom is recorded at once, without waiting for a pain score.
        base = existing or Day(date=on, pain_avg=opts["pain_avg"], red_flags=tuple(dict.fromkeys(opts["red_flags"])))
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
        if taken:
            named = {t.medication_id for t in taken}
            updates["medications"] = tuple(t for t in base.medications if t.medication_id not in named) + tuple(taken)
        if sleep_hours is not None:
            updates["sleep_hours"] = sleep_hours
        updates.update({k: opts[k] for k in ("sleep_quality", "mood") if opts[k] is not None})
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
    print(f"{verb} {on}: {result.day.pain_words}.")
    echo_warnings(result.warnings)
    echo_red_flags(result.day.red_flags)


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

    journal = open_journal(ctx)
    expected: Any = NOT_GIVEN  # a day that cannot be read cannot be compared: it goes as it is
    try:
        day = expected = journal.get_day(on)
    except ValidationError as exc:
        found = f"it cannot be read: {exc}"
    else:
        if day is None:
            raise CommandError(f"nothing is logged on {on}")
        found = day.pain_words
    if not yes:
        if not common.interactive():
            raise CommandError(f"add --yes to delete {on} without being asked; nothing was deleted")
        if not confirm(f"Delete {on} ({found})?"):
            print("Kept: nothing was deleted.")
            return
    # What the question showed: a day changed meanwhile (the app saved it) is not deleted unseen.
    journal.delete_day(on, expected=expected)
    print(f"Deleted {on}.")
