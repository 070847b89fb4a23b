"""The `khcal` command's entry point: the commands scripts run most, answered without importing Typer.

Importing Typer costs more than answering `khcal is-holiday`, and Typer's parsers (built with pydantic) hold
a third of a `khcal publish` process's memory. So for the quick commands (`is-holiday`, `is-workday`,
`workdays count|add|next|prev`, `next`, `today`, and `publish`, which cron jobs run over and over) this
module reads the command line itself,
by the grammar derived from the Typer command tree (`khcal.cli.grammar`, written by `khcal.cli.derive`),
and calls the same function as the Typer command with the same parameters (`khcal.cli.run`). It reads
only what it is sure of: anything else goes to the full command line (other commands, --help, `--`,
short options run together, an unknown option), and so does every error, which the full command line
then reports in the same words, from the same checks. tests/test_fastpath.py runs random command lines
through both and compares what they print and their exit codes.
"""

from __future__ import annotations

import os
import sys

from khcal.errors import KhcalError, silence_stdout

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import NoReturn, TextIO, TypedDict

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


WRITES = ("publish",)
"""The quick commands that write files (the others only answer on stdout)."""


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
    if words in WRITES and _hand_over_ctrl_c():
        _HANDED.append(True)  # it writes files: Ctrl-C lets it clean up, as on the full command line
    try:
        return RUN[words](**own, options=Options.of(params))
    except KhcalError:
        return None  # nothing is written before the checks are done; the full command line says what is wrong


def main() -> None:
    """Run the command line: the fast path if it answers, else the full command line.

    Output is UTF-8 whatever the locale (see `utf8_streams`); Ctrl-C at any moment ends it with exit code
    130 and no traceback (see `khcal.cli.entry`).
    """
    if sys.stdout is None:  # started with its output closed (`khcal next >&-`): nothing could be written
        _fail_output("Bad file descriptor")
    if sys.stdin is None:  # started with its input closed (`khcal is-holiday - <&-`)
        sys.stdin = _closed_input()
    if sys.stderr is None:  # `2>&-`: the error lines are lost, as a shell's would be; the exit code stays
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the whole run
    utf8_streams()
    try:
        _main(sys.argv[1:])
    except BaseException as exc:
        # Ctrl-C may reach Python as another error (a KeyboardInterrupt while a class is made becomes a
        # RuntimeError) or be swallowed (in a finaliser): whatever ended the run after it, the answer is 130.
        if isinstance(exc, KeyboardInterrupt) or _INTERRUPTED:
            _interrupted()
        raise
    finally:
        if _HANDED:
            _quiet_ctrl_c()
    if _INTERRUPTED:
        _interrupted()


def _interrupted() -> NoReturn:
    _quiet_ctrl_c()
    silence_stdout()
    sys.exit(130)


def _main(argv: list[str]) -> None:
    try:
        code = dispatch(argv)
        sys.stdout.flush()
        if code is None:
            from khcal.cli import main as full

            # The full command line may write files or serve: Ctrl-C is handed back to Python so that it
            # cleans up. The quick commands, which only answer on stdout, keep the quiet exit of `entry`.
            if _hand_over_ctrl_c():
                _HANDED.append(True)
            full()
    except BrokenPipeError:
        silence_stdout()  # the reader went away: stop quietly
        sys.exit(0)
    except OSError as exc:
        silence_stdout()
        if exc.filename is not None:  # a file no check foresaw: still one line, never a traceback
            _fail_file(exc)
        _fail_output(exc.strerror or str(exc))
    sys.exit(code)


def utf8_streams() -> None:
    """Standard output, error and input in UTF-8 when they are pipes or files, whatever the locale says (as
    git does: a script reading khcal's output gets the same bytes everywhere). On a terminal the locale's
    encoding is kept, and what it cannot show is written as an escape (`\\u1780`) instead of failing."""
    streams = (
        (sys.stdout, "surrogateescape"),
        (sys.stderr, "backslashreplace"),
        (sys.stdin, "surrogateescape"),
    )
    for stream, errors in streams:
        encoding = str(getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if stream is None or encoding == "utf8" or not hasattr(stream, "reconfigure"):
            continue
        try:
            if not stream.isatty():  # bytes that came in undecodable go out as they came; errors escaped
                stream.reconfigure(encoding="utf-8", errors=errors)
            elif stream is not sys.stdin:
                stream.reconfigure(errors="backslashreplace")
        except (OSError, ValueError):
            continue


_INTERRUPTED: list[int] = []


def _interrupt(signum: int, frame: object) -> None:
    """Ctrl-C during a run: KeyboardInterrupt, remembered (it may reach `main` as another error)."""
    _INTERRUPTED.append(signum)
    raise KeyboardInterrupt


_HANDED: list[bool] = []
"""Not empty once Ctrl-C has been handed back to Python for the run (`_hand_over_ctrl_c`)."""


def _hand_over_ctrl_c() -> bool:
    """Ctrl-C raises KeyboardInterrupt again (quiet until now: khcal.cli.entry), unless it was ignored when
    khcal started; True if it was handed over."""
    import signal

    from khcal.cli import entry

    if signal.getsignal(signal.SIGINT) not in (entry.quit_now, signal.default_int_handler):
        return False
    signal.signal(signal.SIGINT, _interrupt)
    sys.unraisablehook = _unraisable
    return True


def _unraisable(unraisable: sys.UnraisableHookArgs) -> None:
    """A Ctrl-C that fell in a finaliser is not reported there (`main` exits 130 for it); anything else
    is, as Python would."""
    if unraisable.exc_type is not KeyboardInterrupt:
        sys.__unraisablehook__(unraisable)


def _quiet_ctrl_c() -> None:
    """Ctrl-C ends the process at once, without a word (while it exits, nothing needs cleaning up)."""
    import signal

    from khcal.cli import entry

    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, entry.quit_now)


def _closed_input() -> TextIO:
    """A standard input that was closed: reading it fails as reading fd 0 would, naming `-` (so that the
    error is one line about the input, `khcal: -: Bad file descriptor`)."""
    import errno
    import io

    class Closed(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: object) -> int:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF), "-")

    return io.TextIOWrapper(io.BufferedReader(Closed()), encoding="utf-8")


def _fail_file(exc: OSError) -> NoReturn:
    """A file could not be read or written: one line naming it (quoted safely), exit 2."""
    from khcal.errors import KhcalError

    error = KhcalError("error.file", path=str(exc.filename), reason=exc.strerror or str(exc))
    if sys.stderr is not None:
        print(f"khcal: {error.message('en')}", file=sys.stderr)
    sys.exit(2)


def _fail_output(reason: str) -> NoReturn:
    """The output cannot be written: one line on stderr (if there is one), exit 2."""
    from khcal.text import say

    if sys.stderr is not None:
        print(f"khcal: {say('en', 'error.output', reason=reason)}", file=sys.stderr)
    sys.exit(2)
