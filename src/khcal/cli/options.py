"""What the commands share: the options that show dates, and reading settings, today and the catalogue."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from khcal.cli.inputs import DEFAULT_TZ, LANGS, config_home, load_catalogue, parse_day, today_in
from khcal.errors import KhcalError

if TYPE_CHECKING:
    from khcal.core.model import Catalogue
    from khcal.core.schedule import Filter, Schedule
    from khcal.settings import Config

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


OptionalDay = Annotated[
    str | None,
    typer.Argument(metavar="DATE", help="YYYY-MM-DD, today or tomorrow (default today).", show_default=False),
]
