"""The `khcal` command's entry point: the commands scripts run most, answered without importing Typer.

Running a Typer command costs more than the answer: recent Typer versions check every parameter with
pydantic, which alone takes longer to import than Typer itself. So for `is-holiday`, `is-workday`,
`workdays count|add|next|prev`, `next` and `today`, this module reads the command line itself when it is plain
(options it knows, each at most once, no --help) and turns it into the same request as the Typer command
would: the same settings layer (`khcal.settings.resolve`: options, environment, config.toml, defaults), the
same parsers and the same functions. It has no defaults, checks or messages of its own: SPECS says only
which words are options, flags or lists. Anything else goes to the full command line: other commands,
--help, unknown options, and every error, which the full command line then reports (in the same words,
from the same checks). tests/test_cli_scripts.py runs both paths on the same arguments and compares them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from khcal.cli.inputs import colour, hoist, number
from khcal.errors import KhcalError, silence_stdout

if TYPE_CHECKING:
    from khcal.settings import Settings


_WORK_VALUES = frozenset({"--weekend", "--sector", "--today", "--tz"})  # options that take a value
_WORK_LISTS = frozenset({"--extra-off", "--file"})


class Spec:
    """The command-line shape of one command: how many positional arguments, and which options.

    Plain classes, not dataclasses: each dataclass costs its module's import a few generated functions.
    """

    __slots__ = ("flags", "least", "lists", "most", "values")

    def __init__(
        self,
        least: int,
        most: int,
        flags: frozenset[str] = frozenset(),
        values: frozenset[str] = frozenset(),
        lists: frozenset[str] = frozenset(),
    ) -> None:
        self.least, self.most = least, most
        self.flags, self.values, self.lists = flags, values, lists


class Args:
    """The arguments of one plain command line, sorted by kind."""

    __slots__ = ("flags", "lists", "positional", "values")

    def __init__(self) -> None:
        self.positional: list[str] = []
        self.flags: set[str] = set()
        self.values: dict[str, str] = {}
        self.lists: dict[str, list[str]] = {}


SPECS: dict[str, Spec] = {
    "is-holiday": Spec(0, 1, frozenset({"-q", "--quiet", "--json"}), _WORK_VALUES | {"--lang"}, _WORK_LISTS),
    "is-workday": Spec(0, 1, frozenset({"-q", "--quiet", "--json"}), _WORK_VALUES | {"--lang"}, _WORK_LISTS),
    "workdays count": Spec(2, 2, values=_WORK_VALUES, lists=_WORK_LISTS),
    "workdays add": Spec(2, 2, values=_WORK_VALUES, lists=_WORK_LISTS),
    "workdays next": Spec(0, 1, values=_WORK_VALUES, lists=_WORK_LISTS),
    "workdays prev": Spec(0, 1, values=_WORK_VALUES, lists=_WORK_LISTS),
    "next": Spec(
        0,
        1,
        frozenset({"--holidays", "--json", "--no-color", "--color"}),
        frozenset({"--today", "--tz", "--lang"}),
        frozenset({"--file", "--category"}),
    ),
    "today": Spec(
        0,
        0,
        frozenset({"--short", "--waybar", "--holidays", "--json", "--no-color", "--color"}),
        frozenset({"--count", "--format", "--today", "--tz", "--lang"}),
        frozenset({"--file", "--category"}),
    ),
}


def parse_args(spec: Spec, tokens: Sequence[str]) -> Args | None:
    """The arguments if they are plain, else None (the full command line will deal with them)."""
    args = Args()
    rest = list(tokens)
    while rest:
        token = rest.pop(0)
        if token == "-" or not token.startswith("-") or token[1:].isdigit():
            args.positional.append(token)  # "-" is stdin; "-3" is a number
        elif not _option(spec, args, token, rest):
            return None
    if not spec.least <= len(args.positional) <= spec.most:
        return None
    return args


def _option(spec: Spec, args: Args, token: str, rest: list[str]) -> bool:
    """Record one option (taking its value from `rest` if needed); False if it is not a plain one."""
    name, equals, value = token.partition("=") if token.startswith("--") else (token, "", "")
    if name in spec.flags and not equals:
        args.flags.add(name)
        return True
    if name not in spec.values and name not in spec.lists:
        return False  # --help, an unknown option, a flag given a value
    if not equals:
        if not rest:
            return False
        value = rest.pop(0)
    if name in spec.lists:
        args.lists.setdefault(name, []).append(value)
        return True
    if name in args.values:
        return False  # given twice: the full command line says what it makes of that
    args.values[name] = value
    return True


# --- the same requests as the Typer commands, through the same settings layer ------------------------------


zone: str | None = None
"""The time zone of the last request's today: the day under which `khcal.cli.memo` keeps its answer."""


def _settings(args: Args) -> Settings:
    """The options as the Typer commands pass them to `khcal.settings.resolve`."""
    global zone
    from khcal.settings import resolve

    color = True if "--color" in args.flags else False if "--no-color" in args.flags else None
    settings = resolve(
        lang=args.values.get("--lang"),
        tz=args.values.get("--tz"),
        today=args.values.get("--today"),
        files=args.lists.get("--file", ()),
        categories=args.lists.get("--category", ()),
        holidays="--holidays" in args.flags,
        weekend=args.values.get("--weekend"),
        sector=args.values.get("--sector"),
        extra_off=args.lists.get("--extra-off", ()),
        color=color,
    )
    zone = settings.tz
    return settings


def _work(command: str, args: Args) -> int:
    from khcal.cli import scripts
    from khcal.core.schedule import Schedule

    settings = _settings(args)
    cal = settings.work_calendar(Schedule(settings.catalogue()))
    parse = scripts.day_parser(settings)
    quiet = bool(args.flags & {"-q", "--quiet"})
    as_json = "--json" in args.flags
    pos = args.positional
    if command in ("is-holiday", "is-workday"):
        kind = "holiday" if command == "is-holiday" else "workday"
        target = pos[0] if pos else None
        return scripts.is_day(kind, target, cal, parse, quiet=quiet, as_json=as_json, lang=settings.lang)
    if command == "workdays count":
        return scripts.count(cal, parse(pos[0], "A"), parse(pos[1], "B"))
    if command == "workdays add":
        return scripts.shift(cal, parse(pos[0], "DATE"), number(pos[1], "N"))
    step = 1 if command == "workdays next" else -1
    return scripts.shift(cal, parse(pos[0] if pos else "today", "DATE"), step)


def _next(args: Args) -> int:
    from khcal.api import Calendar

    settings = _settings(args)
    count = number(args.positional[0] if args.positional else "5", "N", 1, 10000)
    found = Calendar.from_settings(settings).upcoming(count, holidays=settings.holidays)
    if "--json" in args.flags:
        import json

        from khcal.text.describe import occurrence_json

        value = [occurrence_json(o, settings.today, settings.lang) for o in found]
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
        return 0
    from khcal.text import say
    from khcal.views import render

    with colour(settings):
        title = say(settings.lang, "cli.title.next")
        render.occurrences(
            found, settings.today, settings.lang, no_color=settings.color is False, title=title
        )
    return 0


def _today(args: Args) -> int:
    from khcal.api import Calendar
    from khcal.cli import today

    calendar = Calendar.from_settings(_settings(args))
    today.show(
        calendar, args.values.get("--count", "3"), short="--short" in args.flags,
        template=args.values.get("--format"), waybar="--waybar" in args.flags, as_json="--json" in args.flags,
    )  # fmt: skip
    return 0


_ANSWER = {"next": _next, "today": _today}


def dispatch(argv: Sequence[str]) -> int | None:
    """Run the command if it is one this module answers and all goes well; None hands it to cli.py."""
    argv = hoist(argv)
    if not argv:
        return None
    command = argv[0]
    rest = argv[1:]
    if command == "workdays" and rest:
        command, rest = f"workdays {rest[0]}", rest[1:]
    spec = SPECS.get(command)
    if spec is None:
        return None
    args = parse_args(spec, rest)
    if args is None:
        return None
    try:
        answer = _ANSWER.get(command)
        return answer(args) if answer is not None else _work(command, args)
    except KhcalError:
        return None  # nothing is written before the checks are done; cli.py will say what is wrong


def main(runner: Callable[[Callable[[], int | None]], int | None] | None = None) -> None:
    """Run the command line: the fast path if it answers (through `runner`, which `khcal.cli.memo` passes to
    keep the answer), else the full command line."""
    global zone
    zone = None
    argv = sys.argv[1:]
    try:
        code = dispatch(argv) if runner is None else runner(lambda: dispatch(argv))
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
        from khcal.text import say

        print(f"khcal: {say('en', 'error.output', reason=exc.strerror or exc)}", file=sys.stderr)
        sys.exit(2)
    if code is not None:
        sys.exit(code)
    from khcal.cli import main as full

    full()
