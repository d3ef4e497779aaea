"""The commands about the journal file and files beside it: remind, restore, check, export, import
and review.

Each public function is a command (its docstring the help, its options declared on it);
``spinejournal.cli`` adds them to the command tree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from spinejournal import clock

# interactive() is looked up on the module when asked, so that a test can answer as a person would.
from spinejournal.cli import common
from spinejournal.cli.args import UsageError, argument, choose, confirm, file_or_folder, file_path, option
from spinejournal.cli.common import (
    CommandError,
    Context,
    date_option,
    journal_file,
    open_journal,
)
from spinejournal.ranges import RANGE_KEYS
from spinejournal.reports import FORMATS
from spinejournal.text import printable


def remind(ctx: Context) -> None:
    """One line when today is not logged yet, nothing otherwise (for a shell prompt)."""
    from spinejournal.store import Journal

    path = journal_file(ctx)
    today = clock.today()
    if not path.exists() or not Journal(path, read_only=True).has_day(today):
        print(f"spinejournal: today ({today}) is not logged yet - run: spinejournal")


@argument("backup", nargs="?")
def restore(ctx: Context, backup: str | None) -> None:
    """List backups, or restore one (a name from the list, a path, or 'latest').

    The current journal file is kept beside it, never deleted.
    """
    from spinejournal.store import list_backups, restore_backup

    path = journal_file(ctx)
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


def check(ctx: Context) -> None:
    """Check the journal file for damage and list every problem found; changes nothing.

    Problems are listed one a line, then a summary; the exit status is 1 when there are any.
    """
    from spinejournal.store import check_journal, list_backups

    path = journal_file(ctx)
    report = check_journal(path)
    contents = ", ".join(
        f"{report.counts.get(table, 0)} {one if report.counts.get(table) == 1 else many}"
        for table, one, many, always in (
            ("days", "day", "days", True),
            ("exercises", "exercise", "exercises", True),
            ("visits", "visit", "visits", True),
            ("psfs_activities", "PSFS activity", "PSFS activities", True),
            ("psfs_ratings", "PSFS rating", "PSFS ratings", True),
            ("medications", "medication", "medications", False),
            ("peg_scores", "PEG score", "PEG scores", False),
            ("pgic_ratings", "PGIC rating", "PGIC ratings", False),
            ("events", "care event", "care events", False),
        )
        if always or report.counts.get(table)
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
    help="File or folder to write (default: spinejournal-<kind>-<date>.<ext> in your documents folder); "
    "- for standard output.",
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
    from spinejournal.locations import default_export_dir
    from spinejournal.reports import default_filename, range_for
    from spinejournal.reports import export as render

    if since_visit and range_key not in (None, "since-visit"):
        raise UsageError("--since-visit and --range cannot both be given")
    if (start or end) and (since_visit or range_key):
        raise UsageError("use either --from/--to or --range/--since-visit, not both")
    first, last = (date_option(start) if start else None), (date_option(end) if end else None)
    data = open_journal(ctx, read_only=True).data()
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
    # No -o: the documents folder, never the current directory (which may be a source checkout).
    name = default_filename(fmt, rng.end if rng else clock.today())
    documents: Path | None = None
    if output:
        target = Path(output).expanduser()
        if target.is_dir():
            target = target / name
    else:
        documents = default_export_dir(create=False)
        target = documents / name
    shown = printable(str(target), single_line=True)
    if Path(os.path.realpath(target)) == journal_file(ctx):
        raise CommandError(f"{shown} is your journal itself; choose another file name")
    if documents is None and not target.parent.is_dir():
        raise CommandError(f"the folder {printable(str(target.parent), single_line=True)} does not exist")
    try:
        exists = check_export_target(target)
    except UnsafeTargetError as exc:
        raise CommandError(f"{exc}; nothing was written") from None
    if exists and not force:
        if not common.interactive():
            raise CommandError(f"{shown} already exists; add --force to replace it (nothing was written)")
        if not confirm(f"{shown} already exists. Replace it?"):
            print(f"Cancelled: {shown} was left as it was.")
            return
    try:
        if documents is not None:
            # Made (0700) only now that everything else checked out: a refused export creates nothing.
            default_export_dir()
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
    journal = open_journal(ctx)
    probe = restore_or_probe(journal, incoming)
    if probe is None:
        counts = {
            "days": len(incoming.days),
            "exercises": len(incoming.exercises),
            "medications": len(incoming.medications),
            "PEG-3 scores": len(incoming.peg_scores),
            "PGIC ratings": len(incoming.pgic_ratings),
            "care events": len(incoming.events),
        }
        # Days and exercises always, as before; the kinds a version-1 export cannot hold only when present.
        shown_counts = [f"{n} {what}" for what, n in counts.items() if n or what in ("days", "exercises")]
        print(f"Imported {shown}: {', '.join(shown_counts)}.")
        return
    if not probe.changed:
        print(f"Nothing to import: your journal already holds everything in {shown}.")
        return
    prefer = "keep" if on_conflict == "ask" else on_conflict
    if probe.conflicts and on_conflict == "ask":
        listed = ", ".join(printable(str(c), single_line=True) for c in probe.conflicts[:8])
        more = f" and {len(probe.conflicts) - 8} more" if len(probe.conflicts) > 8 else ""
        what = f"{len(probe.conflicts)} item(s) differ between your journal and {shown}: {listed}{more}"
        if not common.interactive():
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


@argument("files", nargs="+", type=file_or_folder, metavar="FILE_OR_FOLDER...")
def review(ctx: Context, files: list[str]) -> None:
    """Open an exported journal (JSON) in the app, read-only: for a therapist to review.

    Several exports, or a folder of them, open as a caseload ranked by who needs attention first
    (see: spinejournal caseload --help): Enter opens a patient, Esc comes back, e exports the table.
    Your own journal is not opened or touched, and no export is changed.
    """
    from spinejournal.reports.json_io import ExportFileError, read_export
    from spinejournal.store import Journal

    if len(files) > 1 or Path(files[0]).expanduser().is_dir():
        _review_caseload(files)
        return
    file = files[0]
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


def _review_caseload(files: list[str]) -> None:
    """The caseload of ``files`` in the app; unreadable files are listed there, on its first screen."""
    from spinejournal.model import JournalData
    from spinejournal.reports.caseload import read_caseload, unreadable_line
    from spinejournal.store import Journal

    loaded = read_caseload(files, today=clock.today())
    if not loaded.patients:
        reasons = "; ".join(printable(unreadable_line(u), single_line=True) for u in loaded.unreadable[:5])
        raise CommandError(f"no export could be read: {reasons}")
    try:
        from spinejournal.tui.app import SpineJournalApp
    except ImportError:
        raise CommandError("the journal app is not available in this version") from None
    # The sections show the patient opened from the caseload; until then, nothing.
    empty = Journal.from_data(JournalData(), label="caseload (review, read-only)")
    SpineJournalApp(empty, read_only=True, caseload=loaded).run()
