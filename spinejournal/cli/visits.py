"""What the journal knows besides days: visits, PSFS activities and ratings, the profile and the
red-flag list.

Each public function is a command (its docstring the help, its options declared on it);
``spinejournal.cli`` adds them to the command tree.
"""

from __future__ import annotations

from spinejournal import clock
from spinejournal.cli.args import argument, integer, option
from spinejournal.cli.common import (
    CommandError,
    Context,
    open_journal,
    past_date_option,
)
from spinejournal.clinical import RED_FLAGS, URGENCY_TITLE
from spinejournal.model import (
    PSFS_VERSIONS,
    Profile,
    PsfsActivity,
    PsfsRating,
    Visit,
    find_psfs_activity,
)
from spinejournal.text import printable


def visit() -> None:
    """Therapy visits: they define 'since the last visit' in summaries."""


@option("--date", dest="when", metavar="DATE", help="YYYY-MM-DD, today or yesterday (default: today).")
@option("--note", default="", help="A note about the visit.")
def visit_add(ctx: Context, when: str | None, note: str) -> None:
    """Record a therapy visit."""
    on = past_date_option(when, "record a visit once it happened")
    open_journal(ctx).save_visit(Visit(date=on, note=note))
    print(f"Visit recorded on {on}.")


def visit_list(ctx: Context) -> None:
    """List recorded visits."""
    visits = open_journal(ctx, read_only=True).data().visits
    if not visits:
        print("No visits recorded. Add one with: spinejournal visit add --date YYYY-MM-DD")
    for v in visits:
        print(f"{v.date}  {printable(v.note, single_line=True)}".rstrip())


def psfs() -> None:
    """Patient-Specific Functional Scale: activities you find hard, rated 0-10."""


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
    stored = open_journal(ctx).add_psfs_activity(PsfsActivity(name=name, version=version, created=clock.today()))
    print(f"Added activity '{printable(stored.name)}'.")


@argument("name")
@argument("score", type=integer)
@option("--date", dest="when", metavar="DATE", help="YYYY-MM-DD, today or yesterday (default: today).")
def psfs_rate(ctx: Context, name: str, score: int, when: str | None) -> None:
    """Rate an activity from 0 to 10 on its scale."""
    on = past_date_option(when, "rate an activity once you have tried it")
    journal = open_journal(ctx)
    activity = find_psfs_activity(journal.data().psfs_activities, name)
    if activity is None:
        raise CommandError(f"no PSFS activity named '{printable(name)}'; add it with: spinejournal psfs add NAME")
    journal.save_psfs_rating(PsfsRating(activity.id, on, score, activity.version))
    print(f"Rated '{printable(activity.name)}' {score}/10 on {on}.")


def psfs_list(ctx: Context) -> None:
    """List activities with their latest rating."""
    data = open_journal(ctx, read_only=True).data()
    if not data.psfs_activities:
        print("No activities yet. Add one with: spinejournal psfs add 'Sit through a film'")
    for a in data.psfs_activities:
        ratings = [r for r in data.psfs_ratings if r.activity_id == a.id]
        latest = f"{ratings[-1].score}/10 on {ratings[-1].date}" if ratings else "not rated yet"
        print(f"{printable(a.name, single_line=True):<32} {latest}")


@option("--name", dest="patient_name", help="Your name, shown on the therapist summary.")
def profile(ctx: Context, patient_name: str | None) -> None:
    """Show or set who the journal belongs to."""
    journal = open_journal(ctx, read_only=patient_name is None)
    if patient_name is not None:
        journal.save_profile(Profile(patient_name=patient_name.strip()))
    name = journal.data().profile.patient_name
    if not name:
        print("No name set. Set one with: spinejournal profile --name NAME")
        return
    print(f"Name: {printable(name, single_line=True)}")


def flags(ctx: Context) -> None:
    """List the red-flag symptoms and their ids (for log --red-flag)."""
    for flag in RED_FLAGS:
        print(f"{flag.id:<16} {URGENCY_TITLE[flag.urgency]:<22} {flag.label}")
