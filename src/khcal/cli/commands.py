"""The command line: parse, call the domain, render. The only module that reads the clock and exits.

Heavy modules (rich, icalendar) are imported inside the commands that need them, so that the predicates
scripts call in loops start fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from khcal import __version__
from khcal.cli.inputs import DEFAULT_TZ, LANGS, config_home, load_catalogue, parse_day, today_in
from khcal.errors import KhcalError, silence_stdout

if TYPE_CHECKING:
    from khcal.cli.scripts import ParseDay
    from khcal.core.model import Catalogue
    from khcal.core.schedule import Filter, Schedule
    from khcal.core.workdays import WorkCalendar
    from khcal.settings import Config


class KhcalGroup(TyperGroup):
    """Turns every error into one line on stderr and an exit code, whatever the entry point."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        standalone = kwargs.pop("standalone_mode", True)
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except KhcalError as exc:
            _fail(str(exc))
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
                command = getattr(getattr(exc, "ctx", None), "command_path", "khcal")
                _fail(f"{exc.format_message()} (see '{command} --help')")
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
            raise KhcalError(f"cannot write the output: {exc.strerror or exc}") from None


def _fail(message: str) -> NoReturn:
    for line in message.splitlines() or [message]:
        print(f"khcal: {line}", file=sys.stderr)
    sys.exit(2)


app = typer.Typer(
    cls=KhcalGroup,
    name="khcal",
    help="Cambodia's public holidays, Khmer lunar dates and remembrance days.\n\n"
    "Examples:\n\n"
    "  khcal next\n\n"
    "  khcal today\n\n"
    "  khcal cal 2026 4 --lunar\n\n"
    "  khcal show victory-over-genocide\n\n"
    "  khcal list --year 2026 --holidays\n\n"
    "More: khcal COMMAND --help, khcal help definitions, khcal help config",
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
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Cambodia's public holidays, Khmer lunar dates and remembrance days."""


# --- the options shared by the commands that show dates ---------------------------------------------

TodayOpt = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="DATE",
        help="Take DATE as today (YYYY-MM-DD, today, tomorrow). Example: --today 2026-01-02",
    ),
]
TzOpt = Annotated[
    str | None,
    typer.Option(
        "--tz",
        envvar="KHCAL_TZ",
        metavar="ZONE",
        help="IANA time zone that decides what today is (default Asia/Phnom_Penh, or config.toml's tz). "
        "Example: --tz Europe/Paris",
    ),
]
LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        envvar="KHCAL_LANG",
        metavar="en|km",
        help="Language (default en, or config.toml's lang). Example: --lang km",
    ),
]
FileOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--file",
        metavar="PATH",
        help="Extra definitions file, merged over the built-in "
        "catalogue (repeatable). Example: --file company.toml",
    ),
]
HolidaysOpt = Annotated[bool, typer.Option("--holidays", help="Only days off. Example: --holidays")]
CategoryOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--category",
        metavar="NAME",
        help="Only this category (repeatable): national, royal, "
        "religious, traditional, remembrance, international, holy-day. Example: --category remembrance",
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output. Example: --json")]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="No colour. Example: --no-color")]


@dataclass
class Env:
    """What every date command needs: the catalogue, the schedule, today, the language, the filter."""

    catalogue: Catalogue
    schedule: Schedule
    today: date
    lang: str
    only: Filter
    config: Config | None = None


def load_config() -> Config:
    """The settings of `$XDG_CONFIG_HOME/khcal/config.toml`, or none when there is no such file."""
    from khcal import settings as config
    from khcal.errors import Problem

    path = config_home() / "khcal" / config.FILENAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return config.Config()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.reason if isinstance(exc, UnicodeDecodeError) else exc.strerror
        raise config.ConfigError([Problem(path, f"cannot be read ({reason})")]) from None
    return config.parse_text(text, path)


def basics(today: str | None, tz: str | None, lang: str | None) -> tuple[Config, str, date]:
    """The settings file, the language and today: options (and their environment variables) first, then
    config.toml, then the defaults."""
    settings = load_config()
    lang = lang or settings.lang or "en"
    if lang not in LANGS:
        raise KhcalError(f"--lang: '{lang}' is not one of {', '.join(LANGS)}")
    real_today = today_in(tz or settings.tz or DEFAULT_TZ)
    day = parse_day(today, real_today, "--today") if today is not None else real_today
    return settings, lang, day


def settings_catalogue(settings: Config, files: Sequence[Path] | None) -> Catalogue:
    """The catalogue with the settings' and the options' files merged over it; the settings' categories
    are checked against it, so that a bad setting stops every command."""
    cat = load_catalogue([*settings.definition_files(Path.home()), *(files or [])])
    for name in settings.categories or ():
        if name not in cat.categories:
            raise settings.problem(
                "categories", f"'{name}' is not a category (known: {', '.join(cat.categories)})"
            )
    return cat


def weekend_days(option: str | None, settings: Config | None) -> frozenset[int]:
    """--weekend if given, else the settings file's weekend, else Saturday and Sunday."""
    from khcal.core.workdays import SAT_SUN, weekend_option

    if option is not None:
        return weekend_option(option)
    if settings is not None and settings.weekend is not None:
        return frozenset(settings.weekend)
    return SAT_SUN


def setup(
    today: str | None,
    tz: str | None,
    lang: str | None,
    files: Sequence[Path] | None,
    holidays: bool = False,
    categories: Sequence[str] | None = None,
) -> Env:
    """Options first, then environment variables (handled by the options), then config.toml."""
    from khcal.core.schedule import Filter, Schedule

    settings, lang, day = basics(today, tz, lang)
    cat = settings_catalogue(settings, files)
    wanted = None
    if not categories and settings.categories:
        categories = settings.categories
    if categories:
        known = set(cat.categories)
        for name in categories:
            if name not in known:
                raise KhcalError(
                    f"--category: '{name}' is not a category (known: {', '.join(sorted(known))})"
                )
        wanted = frozenset(categories)
    return Env(cat, Schedule(cat), day, lang, Filter(categories=wanted, holidays_only=holidays), settings)


def emit_json(value: Any) -> None:
    import json

    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def parse_bound(text: str, *, end: bool, what: str) -> date:
    """A range bound: YYYY (the whole year) or YYYY-MM-DD."""
    value = text.strip()
    if len(value) == 4 and value.isdigit():
        from khcal.core.schedule import check_year

        year = int(value)
        check_year(year)
        return date(year, 12, 31) if end else date(year, 1, 1)
    return parse_day(value, date(2000, 1, 1), what) if value not in ("today", "tomorrow") else _no_words(what)


def _no_words(what: str) -> NoReturn:
    raise KhcalError(f"{what}: give YYYY or YYYY-MM-DD")


# --- commands ------------------------------------------------------------------------------------------


@app.command("next")
def next_(
    count: Annotated[
        int, typer.Argument(metavar="[N]", help="How many occurrences (default 5).", min=1, max=10000)
    ] = 5,
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
    holidays: HolidaysOpt = False,
    category: CategoryOpt = None,
    as_json: JsonOpt = False,
    no_color: NoColorOpt = False,
) -> None:
    """The next N occurrences from today, with a countdown; one running today counts.

    Examples:

      khcal next

      khcal next 10 --holidays

      khcal next --today 2026-01-02 --json
    """
    env = setup(today, tz, lang, file, holidays, category)
    found = env.schedule.upcoming(env.today, count, env.only)
    if as_json:
        from khcal.text.describe import occurrence_json

        emit_json([occurrence_json(o, env.today, env.lang) for o in found])
        return
    from khcal.views import render

    title = "ខាងមុខ" if env.lang == "km" else "Coming up"
    render.occurrences(found, env.today, env.lang, no_color=no_color, title=title)


@app.command("list")
def list_(
    year: Annotated[
        int | None,
        typer.Option("--year", metavar="Y", help="A whole year (default: this year). Example: --year 2026"),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option("--from", metavar="A", help="First day or year, inclusive. Example: --from 2025-06-01"),
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", metavar="B", help="Last day or year, inclusive. Example: --to 2027")
    ] = None,
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
    holidays: HolidaysOpt = False,
    category: CategoryOpt = None,
    as_json: JsonOpt = False,
    no_color: NoColorOpt = False,
) -> None:
    """Occurrences in a year (default this year) or a range of days or years.

    Examples:

      khcal list --year 2026 --holidays

      khcal list --from 2025 --to 2027 --category remembrance

      khcal list --from 2026-04-01 --to 2026-04-30 --json
    """
    env = setup(today, tz, lang, file, holidays, category)
    first, last = resolve_range(year, start, end, env.today)
    found = env.schedule.between(first, last, env.only)
    if as_json:
        from khcal.text.describe import occurrence_json

        emit_json([occurrence_json(o, env.today, env.lang) for o in found])
        return
    from khcal.views import render

    title = (
        str(first.year)
        if (first, last) == (date(first.year, 1, 1), date(first.year, 12, 31))
        else (f"{first.isoformat()} .. {last.isoformat()}")
    )
    render.occurrences(found, env.today, env.lang, no_color=no_color, title=title)


def resolve_range(year: int | None, start: str | None, end: str | None, today: date) -> tuple[date, date]:
    from khcal.core.schedule import check_year

    if year is not None and (start is not None or end is not None):
        raise KhcalError("--year cannot be combined with --from/--to")
    if start is None and end is None:
        chosen = today.year if year is None else year
        check_year(chosen)
        return date(chosen, 1, 1), date(chosen, 12, 31)
    first = parse_bound(start, end=False, what="--from") if start is not None else None
    last = parse_bound(end, end=True, what="--to") if end is not None else None
    if first is None:
        assert last is not None
        first = date(last.year, 1, 1)
    if last is None:
        last = date(first.year, 12, 31)
    if last < first:
        raise KhcalError(f"--from {start} is after --to {end}")
    return first, last


@app.command("show")
def show(
    ident: Annotated[str, typer.Argument(metavar="ID", help="An observance id, e.g. pchum-ben.")],
    year: Annotated[
        int | None, typer.Option("--year", metavar="Y", help="Show the dates of year Y. Example: --year 2024")
    ] = None,
    count: Annotated[
        int,
        typer.Option("--count", metavar="N", min=1, max=100, help="How many next dates. Example: --count 5"),
    ] = 3,
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
    as_json: JsonOpt = False,
    no_color: NoColorOpt = False,
) -> None:
    """One observance: names, description, rule, history, sources, next dates and countdown.

    Examples:

      khcal show victory-over-genocide

      khcal show khmer-new-year --year 2024

      khcal show pchum-ben --lang km --json
    """
    from khcal.core.schedule import Filter, check_year

    env = setup(today, tz, lang, file)
    obs = env.catalogue.get(ident)
    only = Filter(ids=frozenset({obs.id}), categories=frozenset({obs.category}))
    if year is not None:
        check_year(year)
        dates = env.schedule.year(year, only)
    else:
        dates = env.schedule.upcoming(env.today, count, only)
    if as_json:
        from khcal.text.describe import observance_json

        emit_json(observance_json(obs, dates, env.today, env.lang, dict(env.catalogue.observances)))
        return
    from khcal.views import render

    render.observance(obs, dates, env.today, env.lang, env.catalogue, no_color=no_color, year=year)


@app.command("check")
def check(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="Definitions files to validate.")],
) -> None:
    """Validate definitions files: exit 0 if valid, 2 with every problem listed.

    Each file is read on its own and checked against the built-in catalogue it would be merged over.

    Examples:

      khcal check company.toml

      khcal check data/observances.toml ~/.config/khcal/extra.toml
    """
    from khcal.core import definitions as catalogue

    catalogue.load(files)
    names = ", ".join(str(f) for f in files)
    print(f"{names}: valid")


# --- the terminal experience: cal, today, help ------------------------------------------------------------


@app.command("cal")
def cal(
    year: Annotated[
        int | None, typer.Argument(metavar="YEAR", help="A year: the whole year, three months across.")
    ] = None,
    month: Annotated[int | None, typer.Argument(metavar="MONTH", help="A month of YEAR, 1-12.")] = None,
    lunar: Annotated[
        bool, typer.Option("--lunar", help="The Khmer lunar day under each date. Example: --lunar")
    ] = False,
    sunday: Annotated[
        bool, typer.Option("--sunday", help="Weeks start on Sunday (default Monday). Example: --sunday")
    ] = False,
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
    holidays: HolidaysOpt = False,
    category: CategoryOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """A month grid (or a whole year) with days off, observances and Buddhist holy days marked.

    Examples:

      khcal cal

      khcal cal 2026 4 --lunar

      khcal cal 2026 --lang km

    Without YEAR: this month. With YEAR alone: the twelve months of the year. Days off are marked
    whatever the filter; --holidays and --category choose the observances marked and listed.
    """
    from khcal.views import grid, render

    env = setup(today, tz, lang, file, holidays, category)
    weekend = weekend_days(None, env.config)
    first_weekday = 6 if sunday else 0
    if month is not None and not 1 <= month <= 12:
        raise KhcalError(f"MONTH: {month} is not a month (use 1 to 12)")
    if year is None:
        grids = [
            grid.month_grid(env.schedule, env.today.year, env.today.month, env.today, env.only,
                            weekend=weekend, first_weekday=first_weekday)
        ]  # fmt: skip
    elif month is None:
        grids = grid.year_grids(
            env.schedule, year, env.today, env.only, weekend=weekend, first_weekday=first_weekday
        )
    else:
        grids = [
            grid.month_grid(env.schedule, year, month, env.today, env.only,
                            weekend=weekend, first_weekday=first_weekday)
        ]  # fmt: skip
    render.calendar(grids, env.lang, env.today, lunar=lunar, no_color=no_color)


@app.command("today")
def today_(
    count: Annotated[
        int,
        typer.Option(
            "--count", metavar="N", min=1, max=100, help="How many coming occurrences. Example: --count 5"
        ),
    ] = 3,
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
    holidays: HolidaysOpt = False,
    category: CategoryOpt = None,
    as_json: JsonOpt = False,
    no_color: NoColorOpt = False,
) -> None:
    """Today's date, its Khmer lunar date, whether it is a day off, and what comes next.

    Examples:

      khcal today

      khcal today --lang km

      khcal today --today 2026-04-14 --json
    """
    from khcal.core.summary import summarise

    env = setup(today, tz, lang, file, holidays, category)
    found = summarise(env.schedule, env.today, env.only, weekend_days(None, env.config), count)
    if as_json:
        from khcal.text.today import summary_json

        emit_json(summary_json(found, env.lang))
        return
    from khcal.views import render

    render.today_screen(found, env.lang, no_color=no_color)


@app.command("help")
def help_(
    topic: Annotated[
        str | None, typer.Argument(metavar="TOPIC", help="definitions or config; none lists the topics.")
    ] = None,
) -> None:
    """Longer help pages: the definitions file format, the settings file.

    Examples:

      khcal help definitions

      khcal help config

      khcal help definitions | less
    """
    from khcal.cli import help_topics

    text = help_topics.index() if topic is None else help_topics.page(topic)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


# --- the Khmer calendar: khcal lunar -------------------------------------------------------------------

LUNAR_TABLE_MAX_DAYS = 3660
"""A rich table holds at most ten years of days; --plain and --json stream any range."""


@app.command("lunar")
def lunar(
    day: Annotated[
        str | None,
        typer.Argument(
            metavar="DATE",
            help="The day: YYYY-MM-DD, today or tomorrow (default: today). Example: 2026-05-01",
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--from", metavar="A", help="First day or year of a range, inclusive. Example: --from 2026-04-01"
        ),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option(
            "--to", metavar="B", help="Last day or year of a range, inclusive. Example: --to 2026-04-30"
        ),
    ] = None,
    plain: Annotated[
        bool, typer.Option("--plain", help="One plain line per day, for scripts. Example: --plain")
    ] = False,
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    as_json: JsonOpt = False,
    no_color: NoColorOpt = False,
) -> None:
    """The Khmer lunar date of a day, or of every day in a range.

    Shows the weekday, the lunar day and phase (waxing/waning), the lunar month, the animal year, the era
    (sak) and the Buddhist Era year, as Khmer calendars print them; Buddhist holy days and the days of
    the Khmer New Year are marked.

    Examples:

      khcal lunar

      khcal lunar 2026-05-01 --lang km

      khcal lunar --from 2026-04-01 --to 2026-04-30

      khcal lunar --from 2026 --to 2027 --plain

      khcal lunar 2024-05-22 --json
    """
    from khcal.text import lunar as lunar_view

    settings, lang, now = basics(today, tz, lang)
    if settings.categories or settings.files:
        settings_catalogue(settings, None)  # lunar needs no catalogue, but a broken setting is still an error
    if start is None and end is None:
        one = parse_day(day, now, "DATE") if day is not None else now
        found = lunar_view.lunar_days(one, one)
        _, lunar_date = next(found)
        if as_json:
            emit_json(lunar_view.lunar_json(one, lunar_date, lang))
        elif plain:
            print(lunar_view.lunar_line(one, lunar_date, lang))
        else:
            from khcal.views import render

            render.lunar_day(one, lunar_date, lang, no_color=no_color)
        return
    if day is not None:
        raise KhcalError(f"DATE '{day}' cannot be combined with --from/--to (give one day or a range)")
    first, last = resolve_range(None, start, end, now)
    days = lunar_view.lunar_days(first, last)
    if as_json:
        _stream_json_array(lunar_view.lunar_json(d, ld, lang) for d, ld in days)
    elif plain:
        write = sys.stdout.write
        for d, ld in days:
            write(lunar_view.lunar_line(d, ld, lang) + "\n")
    else:
        count = (last - first).days + 1
        if count > LUNAR_TABLE_MAX_DAYS:
            raise KhcalError(
                f"--from/--to: {count} days is too many for a table (at most {LUNAR_TABLE_MAX_DAYS}; "
                "use --plain or --json for longer ranges)"
            )
        from khcal.views import render

        render.lunar_table(days, lang, no_color=no_color, title=f"{first.isoformat()} .. {last.isoformat()}")


def _stream_json_array(items: Iterable[Any]) -> None:
    """Write a JSON array as it is produced, one compact object a line, so that any range streams."""
    import json

    encode = json.JSONEncoder(ensure_ascii=False).encode
    write = sys.stdout.write
    separator = "[\n"
    for item in items:
        write(separator + encode(item))
        separator = ",\n"
    write("[]\n" if separator == "[\n" else "\n]\n")


# --- scripts and business days: is-holiday, is-workday, workdays, long-weekends ----------------------
# The work is done in scripts.py; fastpath.py answers the same commands without Typer when it can.

WeekendOpt = Annotated[
    str | None,
    typer.Option(
        "--weekend",
        metavar="DAYS",
        help="The days of the weekend: a comma list of mon..sun, or none (default: the settings file's "
        "weekend, else sat,sun; sun for six-day workplaces). Example: --weekend sun",
    ),
]
ExtraOffOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--extra-off",
        metavar="DATE",
        help="A day off of your own, such as a company holiday (repeatable). Example: --extra-off 2026-12-24",
    ),
]
SectorOpt = Annotated[
    str,
    typer.Option(
        "--sector",
        metavar="private|public",
        help="Whose days off count. private (default): every day off, including the days in lieu that "
        "only private-sector workers had in 2018-2021; public: those days in lieu were worked. "
        "Example: --sector public",
    ),
]
QuietOpt = Annotated[
    bool, typer.Option("-q", "--quiet", help="Print nothing; only the exit code. Example: -q")
]
DayOrStdin = Annotated[
    str | None,
    typer.Argument(
        metavar="DATE|-",
        help="YYYY-MM-DD, today or tomorrow (default today); - reads one date a line from stdin.",
        show_default=False,
    ),
]


def _work_setup(
    today: str | None,
    tz: str | None,
    lang: str | None,
    files: Sequence[Path] | None,
    weekend: str | None,
    extra_off: Sequence[str] | None,
    sector: str,
) -> tuple[WorkCalendar, ParseDay, str]:
    """The working-day calendar of the options and settings, a date parser, and the language."""
    from khcal.cli import scripts

    settings, lang, day = basics(today, tz, lang)

    def parse(text: str, what: str) -> date:
        return parse_day(text, day, what)

    cal = scripts.calendar_for(
        settings_catalogue(settings, files),
        weekend=weekend_days(weekend, settings),
        extra_off=extra_off or [],
        sector=sector,
        parse=parse,
    )
    return cal, parse, lang


def _is_command(
    kind: str,
    day: str | None,
    quiet: bool,
    as_json: bool,
    weekend: str | None,
    extra_off: list[str] | None,
    sector: str,
    today: str | None,
    tz: str | None,
    lang: str | None,
    file: list[Path] | None,
) -> int:
    from khcal.cli import scripts

    if quiet and as_json:
        raise KhcalError("-q and --json cannot be used together")
    cal, parse, lang = _work_setup(today, tz, lang, file, weekend, extra_off, sector)
    return scripts.is_day(kind, day, cal, parse, quiet=quiet, as_json=as_json, lang=lang)


@app.command("is-holiday")
def is_holiday(
    day: DayOrStdin = None,
    quiet: QuietOpt = False,
    as_json: JsonOpt = False,
    weekend: WeekendOpt = None,
    extra_off: ExtraOffOpt = None,
    sector: SectorOpt = "private",
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
) -> int:
    """Exit 0 if DATE is a day off (a public holiday or a day in lieu), 1 if not, 2 on bad input.

    Weekends are not days off here (see is-workday). With -, reads one date a line from stdin and prints
    DATE<TAB>yes|no for each (JSON Lines with --json); a bad line is reported on stderr, the others are
    still answered, and the exit code is 2; otherwise 0.

    Examples:

      khcal is-holiday 2026-04-14

      khcal is-holiday -q && echo "closed today"

      printf '2026-04-14\\n2026-04-20\\n' | khcal is-holiday - --json
    """
    return _is_command("holiday", day, quiet, as_json, weekend, extra_off, sector, today, tz, lang, file)


@app.command("is-workday")
def is_workday(
    day: DayOrStdin = None,
    quiet: QuietOpt = False,
    as_json: JsonOpt = False,
    weekend: WeekendOpt = None,
    extra_off: ExtraOffOpt = None,
    sector: SectorOpt = "private",
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
) -> int:
    """Exit 0 if DATE is a working day (not a weekend day, not a day off), 1 if not, 2 on bad input.

    With -, reads one date a line from stdin and prints DATE<TAB>yes|no for each (JSON Lines with
    --json); a bad line is reported on stderr, the others are still answered, and the exit code is 2;
    otherwise 0.

    Examples:

      khcal is-workday -q && run-payroll

      khcal is-workday 2026-04-18 --weekend sun

      khcal is-workday 2018-04-17 --sector public --json
    """
    return _is_command("workday", day, quiet, as_json, weekend, extra_off, sector, today, tz, lang, file)


workdays_app = typer.Typer(
    name="workdays",
    help="Working-day arithmetic: working days skip the weekend and the days off.\n\n"
    "Examples:\n\n"
    "  khcal workdays count 2026-04-01 2026-04-30\n\n"
    "  khcal workdays add today 3\n\n"
    "  khcal workdays next 2026-04-10 --weekend sun",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(workdays_app)


@workdays_app.command("count")
def workdays_count(
    first: Annotated[str, typer.Argument(metavar="A", help="First day (YYYY-MM-DD, today, tomorrow).")],
    last: Annotated[str, typer.Argument(metavar="B", help="Last day.")],
    weekend: WeekendOpt = None,
    extra_off: ExtraOffOpt = None,
    sector: SectorOpt = "private",
    today: TodayOpt = None,
    tz: TzOpt = None,
    file: FileOpt = None,
) -> int:
    """Print the number of working days from A to B, both included (the order of A and B does not matter).

    Examples:

      khcal workdays count 2026-04-01 2026-04-30

      khcal workdays count today 2026-12-31 --weekend sun
    """
    from khcal.cli import scripts

    cal, parse, _ = _work_setup(today, tz, "en", file, weekend, extra_off, sector)
    return scripts.count(cal, parse(first, "A"), parse(last, "B"))


@workdays_app.command("add", context_settings={"ignore_unknown_options": True})
def workdays_add(
    day: Annotated[str, typer.Argument(metavar="DATE", help="Start day (YYYY-MM-DD, today, tomorrow).")],
    n: Annotated[int, typer.Argument(metavar="N", help="Working days to add; negative counts back.")],
    weekend: WeekendOpt = None,
    extra_off: ExtraOffOpt = None,
    sector: SectorOpt = "private",
    today: TodayOpt = None,
    tz: TzOpt = None,
    file: FileOpt = None,
) -> int:
    """Print the date N working days after DATE (before it if N is negative; DATE itself is not counted).

    N = 0 prints DATE if it is a working day, else the next working day.

    Examples:

      khcal workdays add today 3

      khcal workdays add 2026-04-20 -5

      khcal workdays add 2026-04-10 1 --weekend sun
    """
    from khcal.cli import scripts

    cal, parse, _ = _work_setup(today, tz, "en", file, weekend, extra_off, sector)
    return scripts.shift(cal, parse(day, "DATE"), n)


def _step_command(step: int, day: str | None, *options: Any) -> int:
    from khcal.cli import scripts

    cal, parse, _ = _work_setup(*options)
    return scripts.shift(cal, parse(day if day is not None else "today", "DATE"), step)


OptionalDay = Annotated[
    str | None,
    typer.Argument(metavar="DATE", help="YYYY-MM-DD, today or tomorrow (default today).", show_default=False),
]


@workdays_app.command("next")
def workdays_next(
    day: OptionalDay = None,
    weekend: WeekendOpt = None,
    extra_off: ExtraOffOpt = None,
    sector: SectorOpt = "private",
    today: TodayOpt = None,
    tz: TzOpt = None,
    file: FileOpt = None,
) -> int:
    """Print the first working day after DATE (default today).

    Examples:

      khcal workdays next

      khcal workdays next 2026-04-10 --weekend sun
    """
    return _step_command(1, day, today, tz, "en", file, weekend, extra_off, sector)


@workdays_app.command("prev")
def workdays_prev(
    day: OptionalDay = None,
    weekend: WeekendOpt = None,
    extra_off: ExtraOffOpt = None,
    sector: SectorOpt = "private",
    today: TodayOpt = None,
    tz: TzOpt = None,
    file: FileOpt = None,
) -> int:
    """Print the last working day before DATE (default today).

    Examples:

      khcal workdays prev

      khcal workdays prev 2026-04-17 --extra-off 2026-04-13
    """
    return _step_command(-1, day, today, tz, "en", file, weekend, extra_off, sector)


@app.command("long-weekends")
def long_weekends(
    year: Annotated[
        int | None,
        typer.Option("--year", metavar="Y", help="The year (default: this year). Example: --year 2026"),
    ] = None,
    weekend: WeekendOpt = None,
    extra_off: ExtraOffOpt = None,
    sector: SectorOpt = "private",
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Runs of 3 or more days off in a row (weekend days included), and the bridge days that would make one.

    A bridge day is a single working day between two runs of days off: take it off and they join into a
    run of 3 or more days.

    Examples:

      khcal long-weekends

      khcal long-weekends --year 2026 --weekend sun

      khcal long-weekends --year 2025 --json
    """
    from khcal.cli import scripts
    from khcal.core.schedule import check_year

    cal, parse, lang = _work_setup(today, tz, lang, file, weekend, extra_off, sector)
    chosen = parse("today", "--today").year if year is None else year
    check_year(chosen)
    runs, bridges = cal.long_weekends(date(chosen, 1, 1), date(chosen, 12, 31))
    if as_json:
        emit_json(scripts.long_weekends_json(chosen, cal, runs, bridges))
        return
    sys.stdout.write(scripts.long_weekends_text(chosen, cal, runs, bridges, lang))


# --- calendar feeds: export and serve ------------------------------------------------------------------

FeedFromOpt = Annotated[
    str | None,
    typer.Option("--from", metavar="YYYY", help="First year (default: this year). Example: --from 2026"),
]
FeedToOpt = Annotated[
    str | None,
    typer.Option(
        "--to", metavar="YYYY", help="Last year (default: two years after --from). Example: --to 2028"
    ),
]
if TYPE_CHECKING:
    from khcal.feeds.ics import FeedOptions

AlarmOpt = Annotated[
    str | None,
    typer.Option(
        "--alarm",
        metavar="DURATION",
        help="Add a reminder, relative to 00:00 on the first day (ISO 8601 duration). "
        "Example: --alarm -PT15H (09:00 the day before)",
    ),
]


def _feed_options(
    env: Env,
    first: str | None,
    last: str | None,
    holidays: bool,
    category: Sequence[str] | None,
    alarm: str | None,
) -> FeedOptions:
    from khcal.feeds import ics

    first_year, last_year = ics.year_range(first, last, env.today.year)
    return ics.FeedOptions(
        first_year=first_year,
        last_year=last_year,
        lang=env.lang,
        holidays=holidays,
        categories=tuple(dict.fromkeys(category or ())),
        alarm=ics.parse_duration(alarm) if alarm is not None else None,
    )


@app.command("export")
def export(
    start: FeedFromOpt = None,
    end: FeedToOpt = None,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help="Write the feed to FILE (atomically: a failure leaves FILE as it was) instead of stdout. "
            "Example: -o cambodia.ics",
        ),
    ] = None,
    alarm: AlarmOpt = None,
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
    holidays: HolidaysOpt = False,
    category: CategoryOpt = None,
) -> None:
    """An iCalendar (.ics) feed of the occurrences of a range of years, for calendar apps and phones.

    One all-day event per occurrence, with a UID that stays the same from one export to the next, so that
    importing or subscribing again updates events instead of duplicating them. The same inputs always give
    the same bytes.

    Examples:

      khcal export -o cambodia.ics

      khcal export --from 2026 --to 2030 --holidays --lang km -o days-off-km.ics

      khcal export --category remembrance --alarm -PT15H > remembrance.ics
    """
    from khcal.feeds import ics

    env = setup(today, tz, lang, file, holidays, category)
    options = _feed_options(env, start, end, holidays, category, alarm)
    data = ics.build(env.schedule, options)
    if output is None or output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_atomically(Path(output), data, "-o")


def write_atomically(path: Path, data: bytes, what: str) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename it into place.

    A failure at any step leaves an existing file as it was and no temporary file behind.
    """
    import contextlib
    import tempfile

    folder = path.parent
    if path.is_dir():
        raise KhcalError(f"{what} {path}: is a folder, not a file")
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise KhcalError(f"{what} {path}: cannot write in {folder} ({exc.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            mode = path.stat().st_mode & 0o777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise KhcalError(f"{what} {path}: cannot write ({exc.strerror})") from None
        raise


@app.command("serve")
def serve(
    host: Annotated[
        str,
        typer.Option(
            "--host",
            metavar="H",
            help="Address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 for the network). "
            "Example: --host 0.0.0.0",
        ),
    ] = "127.0.0.1",
    port: Annotated[
        int,
        typer.Option(
            "--port", metavar="P", min=0, max=65535, help="Port (0 picks a free one). Example: --port 8080"
        ),
    ] = 8080,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
) -> None:
    """Serve the feed over HTTP at /khcal.ics, for phones and calendar apps to subscribe to.

    The query takes the options of export, e.g. ?lang=km&holidays=1&from=2026&to=2028, also category
    (repeatable) and alarm (default range: this year and the next two, in --tz). The page at / shows
    the links to subscribe with. Requests are logged on stderr; Ctrl-C stops it.

    Examples:

      khcal serve

      khcal serve --port 8080 --lang km

      khcal serve --host 0.0.0.0 --port 8000 --file company.toml
    """
    from khcal.feeds import server

    env = setup(None, tz, lang, file)
    zone = tz or (env.config.tz if env.config is not None else None) or DEFAULT_TZ
    server.run(env.schedule, host=host, port=port, lang=env.lang, today=lambda: today_in(zone))


def main() -> None:
    """Entry point of the `khcal` command."""
    app(prog_name="khcal")
