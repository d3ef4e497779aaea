"""Command line: the journal TUI by default, plus quick commands that never import Textual.

Every error reaches the user as one line on stderr with a non-zero exit status, never a traceback,
and a command that fails changes nothing. This module holds the root command (the app) and the
hidden ``completion``, builds the command tree and runs it; the other commands live in one module per
group (log, show, plan, meds, visits, measures, files, caseload), what they share in ``common``, the
parsing and help in ``args``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import NoReturn

from spinejournal import __version__
from spinejournal.cli import caseload, files, log, measures, meds, plan, show, visits
from spinejournal.cli.args import Cancelled, UsageError, argument, file_path, group, option, parse
from spinejournal.cli.common import CommandError, Context, echo_warnings, journal_file
from spinejournal.model import ValidationError
from spinejournal.text import printable

EXIT_ERROR = 1
EXIT_USAGE = 2


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
    run(journal=None if ctx.demo else journal_file(ctx), demo=ctx.demo)


# Commands are listed in help in the order they are added here (the order a person meets them).
cli.command()(log.log)
cli.command()(show.show)
cli.command()(show.trends)
cli.command()(log.delete)
plan_group = cli.group()(plan.plan)
plan_group.command("add")(plan.plan_add)
plan_group.command("list")(plan.plan_list)
plan_group.command("retire")(plan.plan_retire)
med_group = cli.group()(meds.med)
med_group.command("add")(meds.med_add)
med_group.command("list")(meds.med_list)
med_group.command("stop")(meds.med_stop)
med_group.command("change")(meds.med_change)
visit_group = cli.group()(visits.visit)
visit_group.command("add")(visits.visit_add)
visit_group.command("list")(visits.visit_list)
psfs_group = cli.group()(visits.psfs)
psfs_group.command("add")(visits.psfs_add)
psfs_group.command("rate")(visits.psfs_rate)
psfs_group.command("list")(visits.psfs_list)
cli.command()(measures.peg)
cli.command()(measures.pgic)
event_group = cli.group()(measures.event)
event_group.command("add")(measures.event_add)
event_group.command("list")(measures.event_list)
cli.command()(visits.profile)
cli.command()(visits.flags)
cli.command()(files.remind)
cli.command()(files.restore)
cli.command()(files.check)
cli.command()(files.export)
cli.command("import")(files.import_)
cli.command()(files.review)
cli.command()(caseload.caseload)


# Hidden from the list of commands: the root's help names it instead.
@cli.command(hidden=True)
@argument("shell", choices=["bash", "zsh", "fish"], metavar="SHELL")
def completion(ctx: Context, shell: str) -> None:
    """Print the tab-completion script for your shell (bash, zsh or fish), to source from its start-up file.

    It completes commands and options, and the names in your journal where one is wanted: your
    plan's exercises (log --did/--partial/--skipped), your medications (log --took, med stop, med
    change), PSFS activities (psfs rate) and backups (restore).

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
            echo_warnings([note for journal in ctx.opened for note in journal.notices()])
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
