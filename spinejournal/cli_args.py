"""The command-line grammar on argparse: commands declared beside their functions, as with click.

argparse is in the standard library and costs the quick entry (``spinejournal log ...``) about 7 ms
less to import than click did. This module keeps what click gave the user: ``Usage:`` help with
``Options:`` and ``Commands:`` sections, ``[default: ...]`` notes, no abbreviated options, values
that may start with a dash (``--note -tired``), and the same wording for usage mistakes, which reach
``main`` as one ``UsageError`` instead of argparse's usage block and exit.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, NoReturn

from spinejournal.model import parse_whole_number

# Where the chosen command is left in the parsed namespace.
_COMMAND = "_spinejournal_command"


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

    def command(self, name: str | None = None) -> Callable[[Callable[..., None]], Command]:
        """Declare a subcommand (named after the function unless ``name`` is given)."""

        def decorate(func: Callable[..., None]) -> Command:
            command = Command(name or func.__name__, func, f"{self.prog} {name or func.__name__}")
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
    """Parse ``argv``: the command to run, its parameters and the top-level options."""
    parser = _build(root, _Parser(prog=root.prog), version=version)
    namespace = vars(parser.parse_args(list(argv)))
    command: Command = namespace.pop(_COMMAND)
    top = {p.dest: namespace[p.dest] for p in root.params}
    own = {p.dest: namespace[p.dest] for p in command.params} if command is not root else {}
    return command, own, top


def _build(command: Command, parser: _Parser, *, version: str | None = None) -> _Parser:
    """Add ``command``'s parameters (and its subcommands, recursively) to ``parser``."""
    parser.description = command.doc
    parser.usage = _usage(command)
    for param in command.params:
        parser.add_argument(*param.flags, **_argparse_kwargs(param))
    if version is not None:
        parser.add_argument("-V", "--version", action=_Version, version=version, help="Show the version and exit.")
    parser.add_argument("-h", "--help", action="help", help="Show this message and exit.")
    parser.set_defaults(**{_COMMAND: command})
    if isinstance(command, Group):
        parser.has_commands = True
        parser.add_subparsers(
            action=_LazySubcommands,
            group=command,
            title="Commands",
            metavar="COMMAND",
            prog=command.prog,
            required=not command.invoke_without_command,
        )
    return parser


class _LazySubcommands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """argparse's subcommands, but a subcommand's parser is built only when it is the one typed.

    Building all twenty took ~3 ms of every quick entry, mostly argparse looking up its own labels
    with gettext for each parser. The help lists every command from the declarations alone.
    """

    def __init__(self, *args: Any, group: Group, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._name_parser_map = self.choices = _Parsers(group)  # type: ignore[assignment]
        for name, sub in group.commands.items():
            self._choices_actions.append(self._ChoicesPseudoAction(name, (), _escape(sub.short_help)))


class _Parsers(Mapping[str, "_Parser"]):
    """A group's subcommand parsers by name, each built the first time it is looked up."""

    def __init__(self, group: Group) -> None:
        self._group = group
        self._built: dict[str, _Parser] = {}

    def __getitem__(self, name: str) -> _Parser:
        if name not in self._built:
            command = self._group.commands[name]
            self._built[name] = _build(command, _Parser(prog=command.prog))
        return self._built[name]

    def __contains__(self, name: object) -> bool:
        return name in self._group.commands

    def __iter__(self) -> Iterator[str]:
        return iter(self._group.commands)

    def __len__(self) -> int:
        return len(self._group.commands)


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


def _argparse_kwargs(param: Param) -> dict[str, Any]:
    """The keywords for ``add_argument``: click's metavars, and its [default: ...] notes in the help."""
    kwargs = dict(param.kwargs)
    notes = []
    if kwargs.pop("show_default", False):
        notes.append(f"default: {kwargs['default']}")
    if isinstance(kwargs.get("type"), IntRange):
        notes.append(str(kwargs["type"]))
    if kwargs.get("required"):
        notes.append("required")
    help_text = kwargs.get("help", "") + (f"  [{'; '.join(notes)}]" if notes else "")
    if param.positional:
        # click lists no arguments in the help; the usage line names them.
        kwargs["help"] = argparse.SUPPRESS
        kwargs.setdefault("metavar", param.flags[0].upper())
        return kwargs
    kwargs["help"] = _escape(help_text)
    kwargs["dest"] = param.dest
    if kwargs.get("action") not in ("store_true", "store_false") and "metavar" not in kwargs:
        kwargs["metavar"] = _default_metavar(kwargs)
    if kwargs.get("action") == "append":
        kwargs.setdefault("default", [])
    return kwargs


def _default_metavar(kwargs: dict[str, Any]) -> str:
    if kwargs.get("choices") is not None:
        return "[" + "|".join(kwargs["choices"]) + "]"
    if isinstance(kwargs.get("type"), IntRange):
        return "INTEGER RANGE"
    if kwargs.get("type") is integer:
        return "INTEGER"
    return "TEXT"


def _escape(help_text: str) -> str:
    """argparse %-formats help texts."""
    return help_text.replace("%", "%%")


class _Version(argparse.Action):
    """``-V``: prints 'spinejournal, version X' as click did."""

    def __init__(self, option_strings: list[str], version: str, dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0, **kwargs)
        self.version = version

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        print(f"{parser.prog}, version {self.version}")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose mistakes become one UsageError naming this parser's command."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            add_help=False,
            allow_abbrev=False,  # click never guessed '--pai' meant '--pain'
            exit_on_error=False,
            formatter_class=_HelpFormatter,
            **kwargs,
        )
        self._optionals.title = "Options"
        self.has_commands = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """Parse as argparse does, but anything left over is a mistake of this command."""
        try:
            namespace, extras = super().parse_known_args(self._join_dashed_values(list(args or [])), namespace)
        except argparse.ArgumentError as err:
            raise UsageError(_explain(err), self.prog) from None
        if extras:
            raise UsageError(self._unexpected(extras), self.prog)
        return namespace, extras

    def _join_dashed_values(self, args: list[str]) -> list[str]:
        """'--note -tired' -> '--note=-tired': click took the word after an option as its value even
        when it starts with a dash; argparse would take it for an unknown option."""
        joined: list[str] = []
        known = self._option_string_actions
        i = 0
        while i < len(args):
            token = args[i]
            action = known.get(token)
            if token == "--" or (self.has_commands and not token.startswith("-")):
                # The rest belongs to a subcommand (it joins its own) or is positional.
                return joined + args[i:]
            following = args[i + 1] if i + 1 < len(args) else None
            takes_value = action is not None and action.nargs is None
            named, _, inline = token.partition("=")
            if (takes_value and following == "--") or (inline == "--" and named in known):
                # argparse drops a '--' value and hands the command an empty list instead of text.
                raise UsageError(f"Option '{named}' cannot take '--' as its value.", self.prog)
            if takes_value and following and following.startswith("-") and following not in known:
                joined.append(f"{token}={following}")
                i += 2
            elif takes_value and following is not None:
                joined += [token, following]
                i += 2
            else:
                joined.append(token)
                i += 1
        return joined

    def _unexpected(self, extras: list[str]) -> str:
        if not extras[0].startswith("-") or extras[0] == "-":
            plural = "s" if len(extras) > 1 else ""
            return f"Got unexpected extra argument{plural} ({' '.join(extras)})"
        from difflib import get_close_matches

        unknown = extras[0].split("=", 1)[0]
        close = get_close_matches(unknown, list(self._option_string_actions))
        hint = ""
        if len(close) == 1:
            hint = f" (Did you mean '{close[0]}'?)"
        elif close:
            hint = f" (Did you mean one of: {', '.join(repr(c) for c in sorted(close))}?)"
        return f"No such option {unknown!r}.{hint}"

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is None or value in action.choices:
            return
        if action.nargs == argparse.PARSER:
            raise UsageError(f"No such command {value!r}.", self.prog)
        choices = ", ".join(repr(c) for c in action.choices)
        raise argparse.ArgumentError(action, f"{value!r} is not one of {choices}.")

    def error(self, message: str) -> NoReturn:
        """argparse's remaining complaints (missing arguments) in click's words, as a UsageError."""
        required = "the following arguments are required: "
        if message.startswith(required):
            missing = message.removeprefix(required).split(", ")[0]
            if missing == "COMMAND":
                message = "Missing command."
            elif missing.startswith("-"):
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


# -- help ----------------------------------------------------------------------------------------


class _HelpFormatter(argparse.HelpFormatter):
    """click's help layout: 'Usage:', the description indented with its paragraphs (a paragraph
    starting with a '\\b' line is kept as written), and the commands listed under 'Commands:'."""

    def __init__(self, prog: str) -> None:
        # argparse makes a formatter for every option it adds, to check its metavar: the terminal
        # width is looked up only when help is shown (format_help).
        super().__init__(prog, max_help_position=32, width=78)

    def format_help(self) -> str:
        """The help, as wide as the terminal up to 80 columns (click's width)."""
        import shutil

        self._width = max(min(shutil.get_terminal_size().columns, 80) - 2, 50)
        self._max_help_position = min(32, self._width - 20)
        return super().format_help()

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix="Usage: ")

    def _fill_text(self, text: str, width: int, indent: str) -> str:
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

    def _split_lines(self, text: str, width: int) -> list[str]:
        import textwrap

        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)

    def _format_action_invocation(self, action: argparse.Action) -> str:
        # '-o, --output FILE' rather than argparse's '-o FILE, --output FILE'.
        if not action.option_strings or action.nargs == 0:
            return super()._format_action_invocation(action)
        return f"{', '.join(action.option_strings)} {self._format_args(action, action.dest.upper())}"

    def _format_action(self, action: argparse.Action) -> str:
        if action.nargs == argparse.PARSER:
            # The commands themselves, without argparse's '{log,show,...}' line above them.
            self._dedent()
            listed = "".join(self._format_action(sub) for sub in self._iter_indented_subactions(action))
            self._indent()
            return listed
        return super()._format_action(action)


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
