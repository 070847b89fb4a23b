"""The `khcal` command's entry point: the commands scripts run most, answered without importing Typer.

Importing Typer costs more than answering `khcal is-holiday`. So for the quick commands (`is-holiday`,
`is-workday`, `workdays count|add|next|prev`, `next`, `today`) this module reads the command line itself,
by the grammar derived from the Typer command tree (`khcal.cli.grammar`, written by `khcal.cli.derive`),
and calls the same function as the Typer command with the same parameters (`khcal.cli.run`). It reads
only what it is sure of: anything else goes to the full command line (other commands, --help, `--`,
short options run together, an unknown option), and so does every error, which the full command line
then reports in the same words, from the same checks. tests/test_fastpath.py runs random command lines
through both and compares what they print and their exit codes.
"""

from __future__ import annotations

import sys

from khcal.errors import KhcalError, silence_stdout

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import NoReturn, TypedDict

    class Grammar(TypedDict):
        """One quick command's grammar (khcal.cli.derive)."""

        arguments: tuple[tuple[str, bool, object], ...]
        options: dict[str, tuple[str, str, object]]
        defaults: dict[str, object]
        ignore_unknown: bool


def _command(argv: Sequence[str]) -> tuple[str, list[str]] | None:
    """The quick command a command line names (`"workdays add"`) and the words after it."""
    from khcal.cli.grammar import COMMANDS

    if not argv:
        return None
    words, rest = argv[0], list(argv[1:])
    if words == "workdays" and rest:
        words, rest = f"workdays {rest[0]}", rest[1:]
    return (words, rest) if words in COMMANDS else None


def _takes_value(token: str) -> bool:
    """Whether a token can be an option's value as click reads it: any word but one that looks like an
    option (left to the full command line, which says what it makes of it)."""
    return token == "-" or not token.startswith("-")


def parse(grammar: Grammar, tokens: Sequence[str]) -> dict[str, object] | None:
    """The parameters of a command line as click gives them to the command, or None if it is not plain.

    As click reads it: options anywhere, `--name value` or `--name=value`, the last of an option given
    twice wins, a repeatable option collects its values, `-` is an argument (stdin).
    """
    params = dict(grammar["defaults"])
    positional: list[str] = []
    rest = list(reversed(tokens))
    while rest:
        token = rest.pop()
        if token == "-" or not token.startswith("-"):
            positional.append(token)
        elif token in grammar["options"] or (
            token.startswith("--") and token.partition("=")[0] in grammar["options"]
        ):
            if not _option(grammar, token, rest, params):
                return None
        elif grammar["ignore_unknown"] and token[1:].isdigit():
            positional.append(token)  # `workdays add DATE -3`: a number, as click reads it there
        else:
            return None  # --help, `--`, an unknown option, short options run together
    arguments = grammar["arguments"]
    if not sum(1 for a in arguments if a[1]) <= len(positional) <= len(arguments):
        return None
    for (param, _required, _default), value in zip(arguments, positional, strict=False):
        params[param] = value
    return params


def _option(grammar: Grammar, token: str, rest: list[str], params: dict[str, object]) -> bool:
    """Set the parameter of one option (its value taken from `rest` if needed); False if it is not plain."""
    name, equals, value = token.partition("=") if token.startswith("--") else (token, "", "")
    param, kind, flag_value = grammar["options"][name]
    if kind == "flag":
        params[param] = flag_value
        return not equals  # a flag given a value is an error, worded by the full command line
    if not equals:
        if not rest or not _takes_value(rest[-1]):
            return False
        value = rest.pop()
    if kind == "list":
        params[param] = [*(params[param] or ()), value]  # type: ignore[misc]  # a list or None
    else:
        params[param] = value
    return True


def dispatch(argv: Sequence[str]) -> int | None:
    """Run the command if it is a quick one and all goes well; None hands it to the full command line."""
    from khcal.cli.inputs import move_leading_options

    found = _command(move_leading_options(argv))
    if found is None:
        return None
    words, tokens = found
    from khcal.cli.grammar import COMMANDS

    params = parse(COMMANDS[words], tokens)
    if params is None:
        return None
    from khcal.cli.inputs import Options
    from khcal.cli.run import COMMANDS as RUN

    shared = Options.names()
    own = {name: value for name, value in params.items() if name not in shared}
    try:
        return RUN[words](**own, options=Options.of(params))
    except KhcalError:
        return None  # nothing is written before the checks are done; the full command line says what is wrong


def main() -> None:
    """Run the command line: the fast path if it answers, else the full command line."""
    argv = sys.argv[1:]
    if sys.stdout is None:  # started with its output closed (`khcal next >&-`): nothing could be written
        _fail_output("Bad file descriptor")
    try:
        code = dispatch(argv)
        sys.stdout.flush()
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        silence_stdout()  # the reader went away: stop quietly
        sys.exit(0)
    except OSError as exc:
        if exc.filename is not None:
            raise
        silence_stdout()
        _fail_output(exc.strerror or str(exc))
    if code is not None:
        sys.exit(code)
    from khcal.cli import main as full

    full()


def _fail_output(reason: str) -> NoReturn:
    """The output cannot be written: one line on stderr (if there is one), exit 2."""
    from khcal.text import say

    if sys.stderr is not None:
        print(f"khcal: {say('en', 'error.output', reason=reason)}", file=sys.stderr)
    sys.exit(2)
