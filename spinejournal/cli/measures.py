"""The standard measures rated now and then (PEG-3, PGIC) and the care events (surgery, injection,
imaging, diagnosis) the journal keeps beside the days.

Each public function is a command (its docstring the help, its options declared on it);
``spinejournal.cli`` adds them to the command tree.
"""

from __future__ import annotations

from spinejournal.cli.args import argument, integer, option
from spinejournal.cli.common import Context, open_journal, past_date_option
from spinejournal.clinical import PEG_ITEMS, PGIC_LABELS
from spinejournal.model import EVENT_KINDS, CareEvent, PegScore, PgicRating
from spinejournal.text import printable

# The help quotes the clinical wording (one source for the app, the CLI and the reports).
_PEG_ITEMS = " ".join(f"{key.upper()}: {text[0].lower()}{text[1:]}." for key, text in PEG_ITEMS.items())
_PGIC_SCALE = "; ".join(f"{n} {label.lower()}" for n, label in PGIC_LABELS.items())


def _peg_text(peg: PegScore) -> str:
    return f"{peg.score:.1f}/10"


@argument("pain", type=integer)
@argument("enjoyment", type=integer)
@argument("activity", type=integer)
@option("--date", dest="when", metavar="DATE", help="YYYY-MM-DD, today or yesterday (default: today).")
def peg(ctx: Context, pain: int, enjoyment: int, activity: int, when: str | None) -> None:
    """Record a PEG-3 score: three ratings 0-10 about the past week; the score is their mean.

    {items} One score per date: the same date again replaces it.

    \b
    Example:
      spinejournal peg 6 4 5 --date 2026-03-15
    """
    on = past_date_option(when, "record a PEG-3 score once the week is behind you")
    score = PegScore(date=on, pain=pain, enjoyment=enjoyment, activity=activity)
    journal = open_journal(ctx)
    earlier = next((p for p in journal.peg_scores() if p.date == on), None)
    journal.save_peg(score, expected=earlier)
    replaced = f"; replaced {_peg_text(earlier)}" if earlier is not None else ""
    print(
        f"PEG-3 on {on}: {_peg_text(score)} (pain {pain}, enjoyment of life {enjoyment}, "
        f"general activity {activity}){replaced}"
    )


peg.__doc__ = (peg.__doc__ or "").replace("{items}", _PEG_ITEMS)


@argument("rating", type=integer, metavar="N")
@option("--date", dest="when", metavar="DATE", help="YYYY-MM-DD, today or yesterday (default: today).")
def pgic(ctx: Context, rating: int, when: str | None) -> None:
    """Record how you rate the change since your care began (PGIC), from 1 to 7.

    N: {scale}. One rating per date: the same date again replaces it.

    \b
    Example:
      spinejournal pgic 2 --date 2026-03-15
    """
    on = past_date_option(when, "rate the change once it has happened")
    record = PgicRating(date=on, rating=rating)
    journal = open_journal(ctx)
    earlier = next((p for p in journal.pgic_ratings() if p.date == on), None)
    journal.save_pgic(record, expected=earlier)
    replaced = f"; replaced {earlier.rating}, {earlier.label.lower()}" if earlier is not None else ""
    print(f"PGIC on {on}: {rating}, {record.label.lower()}{replaced}")


pgic.__doc__ = (pgic.__doc__ or "").replace("{scale}", _PGIC_SCALE)


def event() -> None:
    """Care events outside the journal: surgery, injections, imaging, a diagnosis."""


@argument("text")
@option("--kind", required=True, choices=list(EVENT_KINDS), help="What kind of event it was.")
@option("--date", dest="when", metavar="DATE", help="YYYY-MM-DD, today or yesterday (default: today).")
def event_add(ctx: Context, text: str, kind: str, when: str | None) -> None:
    """Record a care event, in a few words.

    \b
    Examples:
      spinejournal event add "Lumbar fusion L4-L5" --kind surgery --date 2026-01-20
      spinejournal event add "MRI lumbar spine" --kind imaging
    """
    on = past_date_option(when, "record an event once it happened")
    stored = open_journal(ctx).add_event(CareEvent(date=on, kind=kind, text=text))
    print(f"Recorded {EVENT_KINDS[stored.kind].lower()} on {stored.date}: {printable(stored.text)}")


def event_list(ctx: Context) -> None:
    """List the care events, oldest first.

    \b
    Example:
      spinejournal event list
    """
    events = open_journal(ctx, read_only=True).events()
    if not events:
        print("No care events recorded. Add one with: spinejournal event add TEXT --kind imaging --date YYYY-MM-DD")
    for e in events:
        print(f"{e.date}  {EVENT_KINDS[e.kind]:<10} {printable(e.text, single_line=True)}")
