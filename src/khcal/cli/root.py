"""The Typer app: one group that turns every error into one line on stderr and an exit code.

The commands live in their own modules (dates, work, feeds, misc); `khcal.cli.commands` imports them all.
Their help texts are in the text layer's tables, in every language (khcal.cli.help_text).
"""

from __future__ import annotations

import sys
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from khcal import __version__
from khcal.cli import help_text
from khcal.cli.inputs import ERROR_LANG, hoist
from khcal.errors import KhcalError, silence_stdout


class KhcalGroup(TyperGroup):
    """Turns every error into one line on stderr and an exit code, whatever the entry point; words the
    help pages in the user's language."""

    context_class = help_text.HelpContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        help_text.words(self, "en")  # the tree Typer built for this run, every command in it

    def main(self, *args: Any, **kwargs: Any) -> Any:
        standalone = kwargs.pop("standalone_mode", True)
        kwargs["standalone_mode"] = False
        ERROR_LANG[0] = "en"  # until this command's settings are resolved
        given = kwargs.get("args", args[0] if args else None)
        argv = hoist(sys.argv[1:] if given is None else list(given))
        groups = [name for name, command in self.commands.items() if isinstance(command, TyperGroup)]
        lang, rest = help_text.lang_option(argv)
        if help_text.wants_help(rest, groups):
            # --help is answered while click parses, before any command resolves its settings: the
            # language is found here, from the same places and by the same rules (khcal.settings).
            from khcal.settings import help_language

            help_text.words(self, help_language(lang))
            argv = rest
        if args:
            args = (argv, *args[1:])
        else:
            kwargs["args"] = argv
        try:
            result = super().main(*args, **kwargs)
        except KhcalError as exc:
            _fail(exc.message(_error_lang(exc)))
        except KeyboardInterrupt:
            sys.exit(130)
        except Exception as exc:
            # Usage errors from the parser: they carry an exit code and a message of their own.
            if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):
                if type(exc).__name__ == "Abort":
                    sys.exit(130)
                if type(exc).__name__ == "NoArgsIsHelpError":
                    # `khcal` or `khcal workdays` alone: the help is the answer, not an error.
                    print(exc.ctx.get_help())  # type: ignore[attr-defined]
                    sys.exit(0)
                from khcal.text import say

                command = getattr(getattr(exc, "ctx", None), "command_path", "khcal")
                _fail(say(ERROR_LANG[0], "error.usage", message=exc.format_message(), command=command))
            raise
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


def _error_lang(exc: KhcalError) -> str:
    """The language an error is worded in: English while the language itself is what is wrong."""
    return str(getattr(exc, "lang", None) or ERROR_LANG[0])


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
