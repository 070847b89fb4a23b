"""The `khcal` command's entry point: the commands scripts run most, answered without importing Typer.

Running a Typer command costs more than the answer: recent Typer versions check every parameter with
pydantic, which alone takes longer to import than Typer itself. So for `is-holiday`, `is-workday`,
`workdays count|add|next|prev` and `next`, this module reads the command line itself when it is plain
(options it knows, each at most once, no --help) and calls the same functions as the Typer commands in
cli.py. Anything else goes to the full command line: other commands, --help, unknown options, a config file
(`config.toml`, whose settings only cli.py reads), and every error, which cli.py then reports in its own
words. tests/test_cli_scripts.py runs both paths on the same arguments and compares what they print.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from khcal.cli.inputs import DEFAULT_TZ, LANGS, config_home, load_catalogue, parse_day, today_in
from khcal.errors import KhcalError, silence_stdout

if TYPE_CHECKING:
    pass


_WORK_VALUES = frozenset({"--weekend", "--sector", "--today", "--tz"})
_WORK_LISTS = frozenset({"--extra-off", "--file"})


@dataclass(frozen=True)
class Spec:
    """The command-line shape of one command: how many positional arguments, and which options."""

    least: int
    most: int
    flags: frozenset[str] = frozenset()
    values: frozenset[str] = frozenset()
    lists: frozenset[str] = frozenset()


@dataclass
class Args:
    positional: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    values: dict[str, str] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)


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
        frozenset({"--holidays", "--json", "--no-color"}),
        frozenset({"--today", "--tz", "--lang"}),
        frozenset({"--file", "--category"}),
    ),
}


def parse_args(spec: Spec, tokens: Sequence[str]) -> Args | None:
    """The arguments if they are plain, else None (the full command line will deal with them)."""
    args = Args()
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if token == "-" or not token.startswith("-") or token[1:].isdigit():
            args.positional.append(token)  # "-" is stdin; "-3" is a number
            continue
        name, equals, value = token.partition("=")
        if not name.startswith("--"):
            name, equals, value = token, "", ""
        if name in spec.flags and not equals:
            args.flags.add(name)
            continue
        if name not in spec.values and name not in spec.lists:
            return None  # --help, an unknown option, a flag given a value
        if not equals:
            if i >= len(tokens):
                return None
            value = tokens[i]
            i += 1
        if name in spec.lists:
            args.lists.setdefault(name, []).append(value)
        elif name in args.values:
            return None
        else:
            args.values[name] = value
    if not spec.least <= len(args.positional) <= spec.most:
        return None
    return args


# --- what cli.setup does, for the commands above ----------------------------------------------------------


class Today:
    """Today in the chosen zone, looked up only if a command needs it (zoneinfo costs a few milliseconds)."""

    def __init__(self, given: str | None, tz: str) -> None:
        self.given = given
        self.tz = tz
        self._real: date | None = None
        self._day: date | None = None

    def real(self) -> date:
        if self._real is None:
            self._real = today_in(self.tz)
        return self._real

    def __call__(self) -> date:
        if self._day is None:
            self._day = parse_day(self.given, self.real, "--today") if self.given is not None else self.real()
        return self._day


def _start(args: Args, *, has_lang: bool) -> Today:
    lang = args.values.get("--lang", os.environ.get("KHCAL_LANG") or "en")
    if has_lang and lang not in LANGS:
        raise KhcalError("--lang")
    tz = args.values.get("--tz", os.environ.get("KHCAL_TZ") or DEFAULT_TZ)
    today = Today(args.values.get("--today"), tz)
    # The full command line checks --tz and --today even when the answer does not use them.
    if tz != DEFAULT_TZ:
        today.real()
    if args.values.get("--today") is not None:
        today()
    return today


def _int(text: str) -> int:
    digits = text[1:] if text.startswith("-") else text
    if not (digits.isascii() and digits.isdigit()):
        raise KhcalError(f"'{text}' is not a whole number")
    return int(text)


# --- the commands -----------------------------------------------------------------------------------------


def _work(command: str, args: Args) -> int:
    from khcal.cli import scripts
    from khcal.core.workdays import weekend_option

    today = _start(args, has_lang=command.startswith("is-"))

    def parse(text: str, what: str) -> date:
        return parse_day(text, today, what)

    quiet = bool(args.flags & {"-q", "--quiet"})
    as_json = "--json" in args.flags
    if quiet and as_json:
        raise KhcalError("-q --json")
    cal = scripts.calendar_for(
        load_catalogue(args.lists.get("--file", [])),
        weekend=weekend_option(args.values.get("--weekend", "sat,sun")),
        extra_off=args.lists.get("--extra-off", []),
        sector=args.values.get("--sector", "private"),
        parse=parse,
    )
    pos = args.positional
    if command in ("is-holiday", "is-workday"):
        kind = "holiday" if command == "is-holiday" else "workday"
        lang = args.values.get("--lang", os.environ.get("KHCAL_LANG") or "en")
        return scripts.is_day(
            kind, pos[0] if pos else None, cal, parse, quiet=quiet, as_json=as_json, lang=lang
        )
    if command == "workdays count":
        return scripts.count(cal, parse(pos[0], "A"), parse(pos[1], "B"))
    if command == "workdays add":
        return scripts.shift(cal, parse(pos[0], "DATE"), _int(pos[1]))
    step = 1 if command == "workdays next" else -1
    return scripts.shift(cal, parse(pos[0] if pos else "today", "DATE"), step)


def _next(args: Args) -> int:
    from khcal.core.schedule import Filter, Schedule

    count = _int(args.positional[0]) if args.positional else 5
    if not 1 <= count <= 10000:
        raise KhcalError("N")
    today = _start(args, has_lang=True)
    day = today()
    lang = args.values.get("--lang", os.environ.get("KHCAL_LANG") or "en")
    cat = load_catalogue(args.lists.get("--file", []))
    wanted = None
    if "--category" in args.lists:
        if not set(args.lists["--category"]) <= set(cat.categories):
            raise KhcalError("--category")
        wanted = frozenset(args.lists["--category"])
    only = Filter(categories=wanted, holidays_only="--holidays" in args.flags)
    found = Schedule(cat).upcoming(day, count, only)
    if "--json" in args.flags:
        import json

        from khcal.text.describe import occurrence_json

        value = [occurrence_json(o, day, lang) for o in found]
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
        return 0
    from khcal.views import render

    title = "ខាងមុខ" if lang == "km" else "Coming up"  # the same title as cli.next_
    render.occurrences(found, day, lang, no_color="--no-color" in args.flags, title=title)
    return 0


def dispatch(argv: Sequence[str]) -> int | None:
    """Run the command if it is one this module answers and all goes well; None hands it to cli.py."""
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
    if args is None or (config_home() / "khcal" / "config.toml").exists():
        return None
    try:
        return _next(args) if command == "next" else _work(command, args)
    except KhcalError:
        return None  # nothing is written before the checks are done; cli.py will say what is wrong


def main() -> None:
    """Entry point of the `khcal` command."""
    try:
        code = dispatch(sys.argv[1:])
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
        print(f"khcal: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        sys.exit(2)
    if code is not None:
        sys.exit(code)
    from khcal.cli import main as full

    full()
