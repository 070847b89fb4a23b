"""The command line's parameters: each option the commands share declared once, the set each command takes,
and `command`, which registers a command with them. The help texts are in the text layer's tables
(`help.any.--today`: khcal.cli.help_text).

A command's function declares its own parameters only. It either takes an `options: Options` parameter,
given the shared options it takes as one value (khcal.cli.inputs.Options), or, for the quick commands the
fast path also answers, names them among its parameters (khcal.cli.run: their types come from here).
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Annotated, Any, TypeVar, get_type_hints

import typer

from khcal.cli.inputs import Options

Function = TypeVar("Function", bound=Callable[..., Any])

# --- the options shared by the commands, by parameter name: (type, default) --------------------------------

SHARED: dict[str, tuple[object, object]] = {
    "today": (Annotated[str | None, typer.Option("--today", metavar="DATE")], None),
    "tz": (Annotated[str | None, typer.Option("--tz", metavar="ZONE")], None),
    "lang": (Annotated[str | None, typer.Option("--lang", metavar="en|km")], None),
    "file": (Annotated[list[str] | None, typer.Option("--file", metavar="PATH")], None),  # Path: "" is "."
    "holidays": (Annotated[bool, typer.Option("--holidays")], False),
    "category": (Annotated[list[str] | None, typer.Option("--category", metavar="NAME")], None),
    "as_json": (Annotated[bool, typer.Option("--json")], False),
    "color": (Annotated[bool | None, typer.Option("--color/--no-color", show_default=False)], None),
    "weekend": (Annotated[str | None, typer.Option("--weekend", metavar="DAYS")], None),
    "extra_off": (Annotated[list[str] | None, typer.Option("--extra-off", metavar="DATE")], None),
    "sector": (Annotated[str | None, typer.Option("--sector", metavar="private|public")], None),
}

# --- which command takes which (docs/cli.md says the same) -------------------------------------------------

SETTINGS = ("today", "tz", "lang", "file")
FILTERS = ("holidays", "category")
SCREEN = ("as_json", "color")
WORKDAYS = ("weekend", "extra_off", "sector")
SHOWS_DATES = (*SETTINGS, *FILTERS, *SCREEN)
"""next, list, cal, today: every shared option of the commands that show dates."""

# --- the parameters of some commands of their own ---------------------------------------------------------

YearOpt = Annotated[str | None, typer.Option("--year", metavar="Y")]
FromOpt = Annotated[str | None, typer.Option("--from", metavar="A")]
ToOpt = Annotated[str | None, typer.Option("--to", metavar="B")]
QuietOpt = Annotated[bool, typer.Option("-q", "--quiet")]
DayOrStdin = Annotated[str | None, typer.Argument(metavar="DATE|-", show_default=False)]
OptionalDay = Annotated[str | None, typer.Argument(metavar="DATE", show_default=False)]


def command(
    group: typer.Typer,
    name: str,
    shared: Sequence[str] = (),
    *,
    context: dict[str, Any] | None = None,
    **typed: object,
) -> Callable[[Function], Function]:
    """Register a function as the command `name` of `group`, with the shared options `shared`.

    A function with an `options` parameter gets the shared options as one `Options` value, after its own
    parameters; any other function names the shared options among its parameters, and `typed` gives the
    types of its own (the quick commands' bodies, which import no Typer).
    """

    def register(body: Function) -> Function:
        own = inspect.signature(body).parameters.values()
        gathered = any(p.name == "options" for p in own)
        types = dict(typed)
        if not all(p.name in shared or p.name in typed for p in own if p.name != "options"):
            types = {**get_type_hints(body, include_extras=True), **typed}  # the commands' own modules
        params = [_typed(p, types, shared) for p in own if p.name != "options"]
        if gathered:
            params += [_shared(n) for n in shared]

        def callback(**given: Any) -> Any:
            if not gathered:
                return body(**given)
            mine = {k: v for k, v in given.items() if k not in shared}
            return body(**mine, options=Options.of({k: v for k, v in given.items() if k in shared}))

        callback.__name__ = body.__name__
        callback.__doc__ = body.__doc__
        callback.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]  # read by Typer
        callback.__annotations__ = {p.name: p.annotation for p in params}
        group.command(name, context_settings=context)(callback)
        return body

    return register


def _shared(name: str) -> inspect.Parameter:
    kind, default = SHARED[name]
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=kind)


def _typed(param: inspect.Parameter, typed: dict[str, object], shared: Sequence[str]) -> inspect.Parameter:
    if param.name in shared:
        return _shared(param.name).replace(kind=param.kind)
    return param.replace(annotation=typed[param.name])


# --- output ------------------------------------------------------------------------------------------------


def emit_json(value: Any) -> None:
    import json

    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def stream_json_array(items: Iterable[Any]) -> None:
    """Write a JSON array as it is produced, one compact object a line, so that any range streams."""
    import json

    encode = json.JSONEncoder(ensure_ascii=False).encode
    write = sys.stdout.write
    separator = "[\n"
    for item in items:
        write(separator + encode(item))
        separator = ",\n"
    write("[]\n" if separator == "[\n" else "\n]\n")
