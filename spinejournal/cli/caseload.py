"""``spinejournal caseload``: many patients' exports in one table, ranked by who needs attention first.

Read-only: it opens no journal (none is created) and never writes to the exports it reads. The table
goes to standard output unless ``-o`` names a file, which is replaced only with ``--force`` or a yes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from spinejournal import clock
from spinejournal.cli import common
from spinejournal.cli.args import argument, confirm, file_or_folder, option
from spinejournal.cli.common import CommandError, Context
from spinejournal.text import printable

CASELOAD_FORMATS = ("md", "html", "csv")
# How many unreadable files the error line names before it says "and N more".
_NAMED = 5


@argument("paths", nargs="+", type=file_or_folder, metavar="FILE_OR_FOLDER...")
@option(
    "--format",
    dest="fmt",
    choices=list(CASELOAD_FORMATS),
    default="md",
    show_default=True,
    help="md: a Markdown table; html: one page to print (up to 15 patients); csv: for a spreadsheet.",
)
@option("-o", "--output", metavar="FILE|-", help="File or folder to write (default: standard output, as -).")
@option("--force", action="store_true", help="Replace the output file if it exists, without asking.")
def caseload(ctx: Context, paths: list[str], fmt: str, output: str | None, force: bool) -> None:
    """Rank many patients' JSON exports by who needs attention first (for a therapist); read-only.

    A folder stands for every .json file in it. One row per patient: why they are where they are,
    red flags since the last visit (dated), pain at the start of care and in the latest week with
    the 2-point/30 % verdict, leg or arm pain (centralising, peripheralising, stable), PSFS change,
    PGIC, home exercises done since the visit, as-needed medication per week then and now, open
    questions, days since the last entry and since the last visit. Ranked: red flags first (newest
    first), then pain clinically worse, then peripheralising, then exercises under 50 %, then the
    longest since the last visit. A file that cannot be read is listed with the reason (exit status
    1); the others are still shown. No journal is opened or created, and no export is changed.

    \b
    Examples:
      spinejournal caseload exports/                     the table, in Markdown
      spinejournal caseload exports/ --format html -o caseload.html
      spinejournal review exports/                       the same, in the app
    """
    from spinejournal.fsutil import UnsafeTargetError, atomic_write_bytes, check_export_target
    from spinejournal.reports.caseload import default_filename, read_caseload, render

    loaded = read_caseload(paths, today=clock.today())
    content = render(loaded, fmt)
    if output in (None, "-"):
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
    else:
        target = Path(output).expanduser()
        if target.is_dir():
            target = target / default_filename(fmt, loaded.as_of)
        shown = printable(str(target), single_line=True)
        real = os.path.realpath(target)
        if any(os.path.realpath(p.path) == real for p in loaded.patients):
            raise CommandError(f"{shown} is one of the exports being read; choose another file name")
        if real == str(_journal(ctx)):
            raise CommandError(f"{shown} is your journal itself; choose another file name")
        if not target.parent.is_dir():
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
            atomic_write_bytes(target, content)
        except OSError as exc:
            raise CommandError(f"cannot write {shown}: {exc.strerror or exc}: nothing was written") from None
        count = len(loaded.patients)
        print(f"Wrote {shown} ({count} patient{'' if count == 1 else 's'}); only you can read it.")
    if loaded.unreadable:
        named = ", ".join(printable(f"{u.source} ({u.reason})", single_line=True) for u in loaded.unreadable[:_NAMED])
        more = f" and {len(loaded.unreadable) - _NAMED} more" if len(loaded.unreadable) > _NAMED else ""
        total = len(loaded.unreadable) + len(loaded.patients)
        raise CommandError(f"{len(loaded.unreadable)} of {total} files could not be read: {named}{more}")


def _journal(ctx: Context) -> Path | None:
    """The person's own journal file, never to be written over (None when it cannot be named)."""
    try:
        return common.journal_file(ctx)
    except CommandError:
        return None
