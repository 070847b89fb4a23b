"""The Typer app: one group that turns every error into one line on stderr and an exit code.

The commands live in their own modules (dates, work, feeds, check_help); `khcal.cli.commands` imports
them all.
Their help texts are in the text layer's tables, in every language (khcal.cli.help_text).
"""

from __future__ import annotations

import re
import sys
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from khcal import __version__
from khcal.cli import help_text
from khcal.cli.inputs import move_leading_options
from khcal.errors import KhcalError, silence_stdout
from khcal.settings import language


class KhcalGroup(TyperGroup):
    """Turns every error into one line on stderr and an exit code, whatever the entry point; words the
    help pages in the user's language."""

    context_class = help_text.HelpContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        help_text.put_texts(self, "en")  # the tree Typer built for this run, every command in it

    def main(self, *args: Any, **kwargs: Any) -> Any:
        standalone = kwargs.pop("standalone_mode", True)
        kwargs["standalone_mode"] = False
        given = kwargs.get("args", args[0] if args else None)
        argv = move_leading_options(sys.argv[1:] if given is None else list(given))
        groups = [name for name, command in self.commands.items() if isinstance(command, TyperGroup)]
        lang, rest = help_text.lang_option(argv)
        if help_text.wants_help(rest, groups):
            # --help is answered while click parses, before any command resolves its settings: the
            # language is found here, from the same places and by the same rules (khcal.settings).
            help_text.put_texts(self, language(lang))
            # `khcal` or `khcal workdays` alone: the help is the answer, not an error.
            argv = rest if any(w in help_text.HELP_NAMES for w in rest) else [*rest, "--help"]
        if args:
            args = (argv, *args[1:])
        else:
            kwargs["args"] = argv
        try:
            result = super().main(*args, **kwargs)
        except KhcalError as exc:
            # Worded in the command's language, decided once: khcal.settings.language.
            _fail(exc.message(language(lang)))
        except (KeyboardInterrupt, typer.Abort):
            sys.exit(130)
        except typer.TyperException as exc:
            # A usage error of the parser (click's, which Typer vendors, are TyperExceptions): worded in
            # the command's language like every other error.
            _fail(usage_words(exc, language(lang)))
        if not standalone:
            return result
        sys.exit(result if isinstance(result, int) else 0)

    def invoke(self, ctx: Any) -> Any:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()
            return result
        except BrokenPipeError:
            # The reader went away (`khcal list | head`): stop quietly with 0.
            silence_stdout()
            raise typer.Exit(0) from None
        except OSError as exc:
            if exc.filename is not None:
                raise  # a file the command itself opened: not about the output
            # The output could not be written (a full disk, a closed terminal).
            silence_stdout()
            raise KhcalError("error.output", reason=exc.strerror or str(exc)) from None


USAGE_LENGTH = 300
"""The most characters of the parser's message about a command line, which may quote a word of it."""


# The parser's own messages (click's and Typer's), each read back into a key of the tables and its values.
_USAGE = [
    (re.compile(r"No such command (?P<name>.+?)\.(?: Did you mean (?P<names>.+)\?)?", re.S),
     "usage.no-such-command"),
    (re.compile(r"Missing command\."), "usage.missing-command"),
    (re.compile(r"Missing argument (?P<name>.+)\.", re.S), "usage.missing-argument"),
    (re.compile(r"Missing option (?P<name>.+)\.", re.S), "usage.missing-option"),
    (re.compile(r"No such option: (?P<name>.+?)(?: \(Possible options: (?P<names>.+)\))?", re.S),
     "usage.no-such-option"),
    (re.compile(r"Got unexpected extra argument\(s\) \((?P<words>.*)\)", re.S), "usage.extra-arguments"),
    (re.compile(r"Option (?P<name>.+) does not take a value\.", re.S), "usage.takes-no-value"),
    (re.compile(r"Option (?P<name>.+) requires an argument\.", re.S), "usage.needs-value"),
    (re.compile(r"Option (?P<name>.+) requires (?P<n>[0-9]+) arguments\.", re.S), "usage.needs-values"),
    (re.compile(r"Invalid value for (?P<name>.+?): (?P<message>.*)", re.S), "usage.invalid-value"),
]  # fmt: skip
# What follows the message itself: the other names it suggests.
_SUGGESTS = {"usage.no-such-command": "usage.did-you-mean", "usage.no-such-option": "usage.possible-options"}


def usage_words(exc: typer.TyperException, lang: str) -> str:
    """A usage error of the parser in `lang`, and the command whose help to read."""
    from khcal.text import say
    from khcal.text.errors import shown

    message = exc.format_message()
    for pattern, key in _USAGE:
        found = pattern.fullmatch(message)
        if found is None:
            continue
        values = found.groupdict()
        names = values.pop("names", None)
        text = say(lang, key, **{k: int(v) if k == "n" else shown(v) for k, v in values.items()})
        if names:
            text = say(lang, _SUGGESTS[key], message=text, names=shown(names))
        break
    else:
        text = say(lang, "usage.other", message=shown(message, USAGE_LENGTH))
    command = getattr(getattr(exc, "ctx", None), "command_path", "khcal")
    return say(lang, "error.usage", message=text, command=command)


def _fail(message: str) -> NoReturn:
    for line in message.splitlines() or [message]:
        print(f"khcal: {line}", file=sys.stderr)
    sys.exit(2)


app = typer.Typer(
    cls=KhcalGroup,
    name="khcal",  # its help, and every command's: help.* in khcal.text (khcal.cli.help_text)
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"khcal {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
) -> None:
    pass
