"""Shell completion: the scripts ``spinejournal completion bash|zsh|fish`` prints, and the answers.

The script calls ``spinejournal`` back with ``SPINEJOURNAL_COMPLETE`` set to the shell's name and
the words typed so far (the last one being the word under the cursor); ``main`` hands those to
``complete`` before parsing anything. Commands and options come from the command declarations;
names (exercises, medications, PSFS activities, backups) from the journal, opened read-only and reading only the
table it needs; for caseload and review, the folders and .json files beside what is typed. A missing
or damaged journal completes nothing, and nothing is ever written.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from spinejournal.cli.args import Command, Group, flags_of, value_flags

if TYPE_CHECKING:
    from spinejournal.store import Journal

SHELLS = ("bash", "zsh", "fish")

_BASH = """\
_spinejournal_complete() {
    local line
    COMPREPLY=()
    while IFS= read -r line; do
        COMPREPLY+=("$line")
    done < <(SPINEJOURNAL_COMPLETE=bash "${COMP_WORDS[0]}" "${COMP_WORDS[@]:1:COMP_CWORD-1}" \\
        "${COMP_WORDS[COMP_CWORD]}" 2>/dev/null)
}
complete -o default -F _spinejournal_complete spinejournal
"""

_ZSH = """\
#compdef spinejournal
_spinejournal() {
    local -a candidates
    candidates=("${(@f)$(SPINEJOURNAL_COMPLETE=zsh ${words[1]} "${(@)words[2,CURRENT-1]}" \\
        "${words[CURRENT]}" 2>/dev/null)}")
    if [[ -n ${candidates[1]} ]]; then
        compadd -- "${candidates[@]}"
    else
        _files
    fi
}
compdef _spinejournal spinejournal
"""

_FISH = """\
function __spinejournal_complete
    set -l tokens (commandline -opc)
    set -l program $tokens[1]
    set -e tokens[1]
    env SPINEJOURNAL_COMPLETE=fish $program $tokens (commandline -ct) 2>/dev/null
end
complete -c spinejournal -f -a '(__spinejournal_complete)'
"""

_SCRIPTS = {"bash": _BASH, "zsh": _ZSH, "fish": _FISH}

# Options whose value is an exercise of the plan, by command.
_EXERCISE_OPTIONS = {("log", "--did"), ("log", "--partial"), ("log", "--skipped")}


def script(shell: str) -> str:
    """The completion script to source in ``shell`` (one of ``SHELLS``)."""
    return _SCRIPTS[shell]


def complete(root: Group, shell: str, words: Sequence[str]) -> list[str]:
    """What may replace the last of ``words`` (the word under the cursor), each quoted for ``shell``.

    ``words`` are those typed after the program's name, as the shell split them.
    """
    *before, incomplete = words or [""]
    command: Command = root
    path: list[str] = []
    positionals = 0
    journal: str | None = None
    value_of: str | None = None  # the option whose value the next word is
    for word in before:
        if value_of is not None:
            if value_of == "--journal":
                journal = _unquoted(word)
            value_of = None
        elif word.startswith("-"):
            if word in value_flags(command):
                value_of = word
        elif isinstance(command, Group) and word in command.commands:
            command = command.commands[word]
            path.append(word)
        else:
            positionals += 1
    prefix = _unquoted(incomplete)
    if value_of is not None:
        candidates = _option_values(command, " ".join(path), value_of, journal)
    elif incomplete.startswith("-"):
        candidates = flags_of(command, with_version=command is root)
    elif isinstance(command, Group):
        candidates = list(command.commands)
    else:
        candidates = _argument_values(" ".join(path), positionals, journal, prefix)
    chosen = [c for c in candidates if c.casefold().startswith(prefix.casefold())]
    # zsh and fish quote what they insert; bash inserts the words as they are.
    return [shlex.quote(c) for c in chosen] if shell == "bash" else chosen


def _unquoted(word: str) -> str:
    """A word as typed, without the quote it may start with (the one being completed is open)."""
    try:
        return " ".join(shlex.split(word)) if word else word
    except ValueError:  # an open quote
        return word[1:] if word[:1] in ("'", '"') else word


def _option_values(command: Command, path: str, option: str, journal: str | None) -> list[str]:
    if (path, option) in _EXERCISE_OPTIONS:
        return _from_journal(journal, _current_exercises)
    if (path, option) == ("log", "--took"):
        return _from_journal(journal, _current_medications)
    for param in command.params:
        if option in param.flags and param.kwargs.get("choices") is not None:
            return list(param.kwargs["choices"])
    return []


def _argument_values(path: str, position: int, journal: str | None, prefix: str = "") -> list[str]:
    if path in ("caseload", "review"):
        return _export_files(prefix)
    if path == "psfs rate" and position == 0:
        return _from_journal(journal, _activities)
    if path in ("med stop", "med change") and position == 0:
        return _from_journal(journal, _current_medications)
    if path == "restore" and position == 0:
        return _from_journal(journal, _backups)
    return []


def _export_files(prefix: str) -> list[str]:
    """Folders (ending in /) and .json files beside what is typed: what caseload and review read."""
    folder, _, start = prefix.rpartition("/")
    where = os.path.expanduser(folder + "/" if folder or prefix.startswith("/") else ".")
    try:
        entries = sorted(os.scandir(where), key=lambda e: e.name)
    except OSError:
        return []
    lead = f"{folder}/" if folder or prefix.startswith("/") else ""
    return [
        f"{lead}{e.name}/" if e.is_dir() else f"{lead}{e.name}"
        for e in entries
        if (e.is_dir() or e.name.lower().endswith(".json")) and (start.startswith(".") or not e.name.startswith("."))
    ]


def _from_journal(journal: str | None, read: Callable[[Path], list[str]]) -> list[str]:
    """Names read from the journal; none when it is missing, unsafe, unreadable or damaged."""
    from spinejournal.fsutil import UnsafeTargetError
    from spinejournal.locations import journal_path
    from spinejournal.model import ValidationError
    from spinejournal.store import JournalError

    try:
        path = journal_path(os.path.expanduser(journal) if journal else None)
        return read(path)
    except (OSError, UnsafeTargetError, JournalError, ValidationError):
        return []


def _sound(path: Path) -> Journal | None:
    """The journal, read-only, unless it is missing or damaged."""
    from spinejournal.store import Journal

    if not path.is_file():
        return None
    journal = Journal(path, read_only=True)
    return None if journal.damage else journal


def _current_exercises(path: Path) -> list[str]:
    from spinejournal import clock

    journal = _sound(path)
    today = clock.today()
    return [e.name for e in journal.exercises() if e.active_on(today)] if journal else []


def _current_medications(path: Path) -> list[str]:
    from spinejournal import clock

    journal = _sound(path)
    today = clock.today()
    return [m.name for m in journal.medications() if m.active_on(today)] if journal else []


def _activities(path: Path) -> list[str]:
    journal = _sound(path)
    return [a.name for a in journal.psfs_activities()] if journal else []


def _backups(path: Path) -> list[str]:
    from spinejournal.store import list_backups

    backups = [b.name for b in list_backups(path)]
    return [*backups, "latest"] if backups else []
