"""The command-line grammar on argparse: commands declared beside their functions, as with click.

argparse is in the standard library and costs the quick entry (``spinejournal log ...``) less to
import than click. Only its public API is used: each command gets its own ``ArgumentParser`` for
its own parameters, built only for the command typed; the words are split at the subcommand's name
here, and the help is laid out here from the declarations. This keeps what click gave the user:
``Usage:`` help with ``Options:`` and ``Commands:`` sections, ``[default: ...]`` notes, no
abbreviated options, values that may start with a dash (``--note -tired``), and the same wording
for usage mistakes, which reach ``main`` as one ``UsageError`` instead of argparse's usage block.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from spinejournal.model import parse_whole_number


class UsageError(Exception):
    """A mistake in how a command was typed (exit 2); ``prog`` names the command whose help explains it."""

    def __init__(self, message: str, prog: str | None = None) -> None:
        super().__init__(message)
        self.prog = prog


class Cancelled(Exception):
    """The person ended a question with Ctrl-C or end of input."""


# -- value types ---------------------------------------------------------------------------------


def integer(text: str) -> int:
    """A whole number of ASCII digits (``parse_whole_number``), with click's wording when it is not one."""
    try:
        return parse_whole_number(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{_quoted(text)} is not a valid integer.") from None


def _quoted(text: str) -> str:
    """``repr`` of what was typed, cut short: a 5,000-digit number is not worth echoing whole."""
    return repr(text) if len(text) <= 40 else repr(text[:39]) + "…"


class IntRange:
    """A whole number from ``low`` to ``high`` inclusive."""

    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high

    def __call__(self, text: str) -> int:
        number = integer(text)
        if not self.low <= number <= self.high:
            raise argparse.ArgumentTypeError(f"{number} is not in the range {self}.")
        return number

    def __str__(self) -> str:
        return f"{self.low}<=x<={self.high}"


def file_path(text: str) -> str:
    """A file that may not exist yet, but is not a folder."""
    import os

    if "\x00" in text:  # no shell can pass one; open() would raise ValueError
        raise argparse.ArgumentTypeError(f"{_quoted(text)} is not a file name.")
    if os.path.isdir(text):
        raise argparse.ArgumentTypeError(f"File {text!r} is a directory.")
    return text


def file_or_folder(text: str) -> str:
    """A file or a folder (of exports), named as any shell can pass it."""
    if "\x00" in text:
        raise argparse.ArgumentTypeError(f"{_quoted(text)} is not a file name.")
    return text


# -- declaring commands --------------------------------------------------------------------------


class Param:
    """One option or argument, as ``add_argument`` takes it, plus ``show_default``."""

    def __init__(self, flags: tuple[str, ...], kwargs: dict[str, Any]) -> None:
        self.flags, self.kwargs = flags, kwargs

    @property
    def positional(self) -> bool:
        return not self.flags[0].startswith("-")

    @property
    def dest(self) -> str:
        if "dest" in self.kwargs:
            return str(self.kwargs["dest"])
        if self.positional:
            return self.flags[0]
        longest = max(self.flags, key=len)
        return longest.lstrip("-").replace("-", "_")


def option(*flags: str, **kwargs: Any) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Declare an option of the command below (argparse keywords, plus ``show_default=True``)."""
    return _attach(Param(flags, kwargs))


def argument(name: str, **kwargs: Any) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Declare a positional argument of the command below; ``name`` is its parameter name."""
    return _attach(Param((name,), kwargs))


def _attach(param: Param) -> Callable[[Callable[..., None]], Callable[..., None]]:
    def decorate(func: Callable[..., None]) -> Callable[..., None]:
        # Decorators apply bottom-up: inserting first keeps the order they are written in.
        func.__dict__.setdefault("cli_params", []).insert(0, param)
        return func

    return decorate


class Command:
    """A command: a function taking the context and its parameters as keywords; its docstring is its help."""

    def __init__(self, name: str, func: Callable[..., None], prog: str) -> None:
        self.name, self.func, self.prog = name, func, prog
        self.params: list[Param] = func.__dict__.get("cli_params", [])
        self.doc = func.__doc__ or ""
        self.hidden = False

    @property
    def short_help(self) -> str:
        """The first paragraph of the help, for the list of commands."""
        return self.doc.strip().split("\n\n")[0]

    def invoke(self, ctx: object, params: dict[str, Any]) -> None:
        """Run the command; a UsageError it raises points to this command's help."""
        try:
            self.func(ctx, **params)
        except UsageError as exc:
            exc.prog = exc.prog or self.prog
            raise


class Group(Command):
    """A command with subcommands, listed in help in the order they are declared."""

    def __init__(self, name: str, func: Callable[..., None], prog: str, *, invoke_without_command: bool) -> None:
        super().__init__(name, func, prog)
        self.commands: dict[str, Command] = {}
        self.invoke_without_command = invoke_without_command

    def command(self, name: str | None = None, *, hidden: bool = False) -> Callable[[Callable[..., None]], Command]:
        """Declare a subcommand (named after the function unless ``name`` is given); a hidden one
        works and has its own help, but the group's help does not list it."""

        def decorate(func: Callable[..., None]) -> Command:
            command = Command(name or func.__name__, func, f"{self.prog} {name or func.__name__}")
            command.hidden = hidden
            self.commands[command.name] = command
            return command

        return decorate

    def group(self) -> Callable[[Callable[..., None]], Group]:
        """Declare a group of subcommands (it needs one of them)."""

        def decorate(func: Callable[..., None]) -> Group:
            group = Group(func.__name__, func, f"{self.prog} {func.__name__}", invoke_without_command=False)
            self.commands[group.name] = group
            return group

        return decorate


def group(prog: str) -> Callable[[Callable[..., None]], Group]:
    """Declare the top-level command; its function runs when no subcommand is given."""

    def decorate(func: Callable[..., None]) -> Group:
        return Group(prog, func, prog, invoke_without_command=True)

    return decorate


# -- parsing -------------------------------------------------------------------------------------


def parse(root: Group, argv: Sequence[str], version: str) -> tuple[Command, dict[str, Any], dict[str, Any]]:
    """Parse ``argv``: the command to run, its parameters and the top-level options.

    Each group's own options are parsed by its own parser, up to the first word that names a
    subcommand; only the parser of the command typed is ever built.
    """
    group, args = root, list(argv)
    top: dict[str, Any] = {}
    while True:
        own, word, rest = _split_at_command(group, args)
        values = _Parser(group, version=version if group is root else None).parse(own)
        if group is root:
            top = values
        if word is None:
            if group.invoke_without_command:
                return group, {} if group is root else values, top
            raise UsageError("Missing command.", group.prog)
        command = group.commands.get(word)
        if command is None:
            raise UsageError(f"No such command {word!r}.", group.prog)
        if isinstance(command, Group):
            group, args = command, rest
            continue
        return command, _Parser(command).parse(rest), top


def _split_at_command(group: Group, args: list[str]) -> tuple[list[str], str | None, list[str]]:
    """The group's own words, the subcommand's name (None when there is none) and the words after it."""
    takes_value = value_flags(group)
    i = 0
    while i < len(args):
        token = args[i]
        if token == "--":
            return args[:i], (args[i + 1] if i + 1 < len(args) else None), args[i + 2 :]
        if not token.startswith("-") or token == "-":
            return args[:i], token, args[i + 1 :]
        # An option's value is the next word whatever it looks like, as in click.
        i += 2 if token in takes_value else 1
    return args, None, []


def value_flags(command: Command) -> frozenset[str]:
    """The option strings of ``command`` that take a value."""
    return frozenset(
        flag
        for param in command.params
        if not param.positional and param.kwargs.get("action") not in ("store_true", "store_false")
        for flag in param.flags
    )


def flags_of(command: Command, *, with_version: bool) -> list[str]:
    """Every option string ``command`` knows, as its help lists them."""
    flags = [flag for param in command.params if not param.positional for flag in param.flags]
    return [*flags, *(("-V", "--version") if with_version else ()), "-h", "--help"]


class Choice:
    """One of ``choices``, with click's wording when it is not."""

    def __init__(self, choices: Sequence[str]) -> None:
        self.choices = list(choices)

    def __call__(self, text: str) -> str:
        if text not in self.choices:
            listed = ", ".join(repr(c) for c in self.choices)
            raise argparse.ArgumentTypeError(f"{text!r} is not one of {listed}.")
        return text


def _argparse_kwargs(param: Param) -> dict[str, Any]:
    """The keywords for ``add_argument``; help is not argparse's to show (see ``format_help``)."""
    kwargs = {k: v for k, v in param.kwargs.items() if k not in ("help", "show_default", "choices")}
    if param.kwargs.get("choices") is not None:
        kwargs["type"] = Choice(param.kwargs["choices"])
    if param.positional:
        kwargs.setdefault("metavar", param.flags[0].upper())
        return kwargs
    kwargs["dest"] = param.dest
    if kwargs.get("action") == "append":
        kwargs.setdefault("default", [])
    return kwargs


class _Parser(argparse.ArgumentParser):
    """One command's own parameters; its mistakes become one UsageError naming the command."""

    def __init__(self, command: Command, *, version: str | None = None) -> None:
        super().__init__(
            prog=command.prog,
            add_help=False,
            allow_abbrev=False,  # click never guessed '--pai' meant '--pain'
            exit_on_error=False,
        )
        self.command = command
        self.params = command.params
        for param in self.params:
            self.add_argument(*param.flags, **_argparse_kwargs(param))
        if version is not None:
            self.add_argument("-V", "--version", action=_Version, version=version)
        self.add_argument("-h", "--help", action=_Help, command=command, with_version=version is not None)
        self.known = flags_of(command, with_version=version is not None)
        self.takes_value = value_flags(command)

    def parse(self, args: list[str]) -> dict[str, Any]:
        """The command's parameters by name; anything left over is a mistake of this command."""
        try:
            namespace, extras = self.parse_known_args(self.join_dashed_values(args))
        except argparse.ArgumentError as err:
            if err.argument_name is None:  # Python 3.13 raises what 3.11 passed to error()
                self.error(err.message)
            raise UsageError(_explain(err), self.prog) from None
        if extras:
            raise UsageError(self.unexpected(extras), self.prog)
        values = vars(namespace)
        return {p.dest: values[p.dest] for p in self.params}

    def join_dashed_values(self, args: list[str]) -> list[str]:
        """'--note -tired' -> '--note=-tired': click took the word after an option as its value even
        when it starts with a dash; argparse would take it for an unknown option."""
        joined: list[str] = []
        i = 0
        while i < len(args):
            token = args[i]
            if token == "--":
                return joined + args[i:]
            following = args[i + 1] if i + 1 < len(args) else None
            takes_value = token in self.takes_value
            named, _, inline = token.partition("=")
            if (takes_value and following == "--") or (inline == "--" and named in self.takes_value):
                # argparse drops a '--' value and hands the command an empty list instead of text.
                raise UsageError(f"Option '{named}' cannot take '--' as its value.", self.prog)
            if takes_value and following and following.startswith("-") and following not in self.known:
                joined.append(f"{token}={following}")
                i += 2
            elif takes_value and following is not None:
                joined += [token, following]
                i += 2
            else:
                joined.append(token)
                i += 1
        return joined

    def unexpected(self, extras: list[str]) -> str:
        """click's words for what is left over: extra arguments, or an unknown option with a guess."""
        if not extras[0].startswith("-") or extras[0] == "-":
            plural = "s" if len(extras) > 1 else ""
            return f"Got unexpected extra argument{plural} ({' '.join(extras)})"
        from difflib import get_close_matches

        unknown = extras[0].split("=", 1)[0]
        close = get_close_matches(unknown, self.known)
        hint = ""
        if len(close) == 1:
            hint = f" (Did you mean '{close[0]}'?)"
        elif close:
            hint = f" (Did you mean one of: {', '.join(repr(c) for c in sorted(close))}?)"
        return f"No such option {unknown!r}.{hint}"

    def error(self, message: str) -> NoReturn:
        """argparse's remaining complaints (missing arguments) in click's words, as a UsageError."""
        required = "the following arguments are required: "
        if message.startswith(required):
            missing = message.removeprefix(required).split(", ")[0]
            if missing.startswith("-"):
                message = f"Missing option '{missing.split('/')[-1]}'."
            else:
                message = f"Missing argument '{missing}'."
        raise UsageError(message, self.prog)


def _explain(err: argparse.ArgumentError) -> str:
    """An argparse error about one option or argument, in click's words."""
    name = (err.argument_name or "").split("/")[-1]
    if err.message == "expected one argument":
        return f"Option '{name}' requires an argument."
    if err.message.startswith("ignored explicit argument"):
        return f"Option '{name}' does not take a value."
    return f"Invalid value for '{name}': {err.message}"


class _Version(argparse.Action):
    """``-V``: prints 'spinejournal, version X' as click did."""

    def __init__(self, option_strings: list[str], version: str, dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0, **kwargs)
        self.version = version

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        print(f"{parser.prog}, version {self.version}")
        parser.exit()


class _Help(argparse.Action):
    """``-h``/``--help``: the command's help (``format_help``), then exit."""

    def __init__(
        self,
        option_strings: list[str],
        command: Command,
        with_version: bool,
        dest: str = argparse.SUPPRESS,
        **kwargs: Any,
    ) -> None:
        super().__init__(option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0, **kwargs)
        self.command, self.with_version = command, with_version

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        import shutil

        sys.stdout.write(format_help(self.command, shutil.get_terminal_size().columns, with_version=self.with_version))
        parser.exit()


# -- help ----------------------------------------------------------------------------------------


def format_help(command: Command, columns: int, *, with_version: bool = False) -> str:
    """click's help layout, as wide as the terminal up to 80 columns: 'Usage:', the description with
    its paragraphs (one starting with a '\\b' line is kept as written), 'Options:' and 'Commands:'."""
    width = max(min(columns, 80) - 2, 50)
    options = [(_invocation(p), _help_text(p)) for p in command.params if not p.positional]
    if with_version:
        options.append(("-V, --version", "Show the version and exit."))
    options.append(("-h, --help", "Show this message and exit."))
    listed = command.commands.items() if isinstance(command, Group) else ()
    commands = [(name, sub.short_help) for name, sub in listed if not sub.hidden]
    # One help column for both sections, as argparse lays it out: after the longest name, up to 32.
    longest = max(len(name) for name, _ in options + commands) + _INDENT
    column = min(longest + 2, 32, width - 20)
    parts = [f"Usage: {_usage(command)}"]
    if command.doc:
        parts.append(_fill_paragraphs(command.doc, width))
    parts.append("Options:\n" + "".join(_row(name, text, column, width) for name, text in options).rstrip("\n"))
    if commands:
        parts.append("Commands:\n" + "".join(_row(name, text, column, width) for name, text in commands).rstrip("\n"))
    return "\n\n".join(parts) + "\n"


_INDENT = 2


def _usage(command: Command) -> str:
    """click's usage line: options first, then the arguments ([NAME] when optional)."""
    words = [command.prog, "[OPTIONS]"]
    for param in command.params:
        if param.positional:
            metavar = param.kwargs.get("metavar") or param.flags[0].upper()
            words.append(f"[{metavar}]" if param.kwargs.get("nargs") == "?" else metavar)
    if isinstance(command, Group):
        words.append("[COMMAND] [ARGS]..." if command.invoke_without_command else "COMMAND [ARGS]...")
    return " ".join(words)


def _invocation(param: Param) -> str:
    """'-o, --output FILE': the option strings, then the value's name unless it is a flag."""
    flags = ", ".join(param.flags)
    if param.kwargs.get("action") in ("store_true", "store_false"):
        return flags
    return f"{flags} {param.kwargs.get('metavar') or _default_metavar(param.kwargs)}"


def _help_text(param: Param) -> str:
    """The option's help with click's notes: [default: ...; range; required]."""
    kwargs = param.kwargs
    notes = []
    if kwargs.get("show_default"):
        notes.append(f"default: {kwargs['default']}")
    if isinstance(kwargs.get("type"), IntRange):
        notes.append(str(kwargs["type"]))
    if kwargs.get("required"):
        notes.append("required")
    text: str = kwargs.get("help", "")
    return text + (f"  [{'; '.join(notes)}]" if notes else "")


def _default_metavar(kwargs: dict[str, Any]) -> str:
    if kwargs.get("choices") is not None:
        return "[" + "|".join(kwargs["choices"]) + "]"
    if isinstance(kwargs.get("type"), IntRange):
        return "INTEGER RANGE"
    if kwargs.get("type") is integer:
        return "INTEGER"
    return "TEXT"


def _row(name: str, text: str, column: int, width: int) -> str:
    """One option or command: its name, then its help wrapped in a column (below the name if too long)."""
    import textwrap

    lines = textwrap.wrap(" ".join(text.split()), max(width - column, 11), break_on_hyphens=False)
    if not lines:
        return f"{' ' * _INDENT}{name}\n"
    if len(name) <= column - _INDENT - 2:
        first = f"{' ' * _INDENT}{name:<{column - _INDENT - 2}}  {lines[0]}\n"
    else:
        first = f"{' ' * _INDENT}{name}\n{' ' * column}{lines[0]}\n"
    return first + "".join(f"{' ' * column}{line}\n" for line in lines[1:])


def _fill_paragraphs(text: str, width: int) -> str:
    """A docstring indented by two, each paragraph filled to ``width`` (a '\\b' one kept as written)."""
    import textwrap

    lines = text.expandtabs().split("\n")
    # A docstring: its first line starts at once, the rest are indented as the code is.
    body = textwrap.dedent("\n".join(lines[1:]))
    paragraphs = f"{lines[0].strip()}\n{body}".strip().split("\n\n")
    filled = []
    for paragraph in paragraphs:
        if paragraph.startswith("\b\n"):
            filled.append("\n".join(f"  {line}".rstrip() for line in paragraph.split("\n")[1:]))
        else:
            filled.append(
                textwrap.fill(
                    " ".join(paragraph.split()),
                    width,
                    initial_indent="  ",
                    subsequent_indent="  ",
                    break_on_hyphens=False,  # '--red-flag' stays whole
                )
            )
    return "\n\n".join(filled)


def write_err(text: str) -> None:
    """One line on standard error."""
    print(text, file=sys.stderr)


# -- questions -----------------------------------------------------------------------------------


def confirm(question: str) -> bool:
    """Ask a yes/no question; the answer is no unless the person says yes."""
    while True:
        answer = _ask(f"{question} [y/N]: ").strip().lower()
        if answer in ("", "n", "no"):
            return False
        if answer in ("y", "yes"):
            return True
        write_err("Error: invalid input")


def choose(question: str, choices: Sequence[str], default: str) -> str:
    """Ask for one of ``choices``; an empty answer is ``default``."""
    while True:
        answer = _ask(f"{question} ({', '.join(choices)}) [{default}]: ").strip() or default
        if answer in choices:
            return answer
        write_err(f"Error: {answer!r} is not one of {', '.join(repr(c) for c in choices)}.")


def _ask(prompt: str) -> str:
    try:
        return input(prompt)
    except (EOFError, KeyboardInterrupt):
        print()  # the error line that follows starts on its own line
        raise Cancelled from None
