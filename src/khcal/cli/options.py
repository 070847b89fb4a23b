"""What the commands share: the options that show dates, and reading settings, today and the catalogue.

The options' help texts are in the text layer's tables (`help.any.--today`: khcal.cli.help_text).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from khcal.cli.inputs import resolved
from khcal.errors import KhcalError
from khcal.settings import SettingError

if TYPE_CHECKING:
    from khcal.api import Calendar
    from khcal.config_file import Config
    from khcal.core.model import Catalogue
    from khcal.core.schedule import Filter, Schedule
    from khcal.settings import Settings

# --- the options shared by the commands that show dates ---------------------------------------------

TodayOpt = Annotated[str | None, typer.Option("--today", metavar="DATE")]
TzOpt = Annotated[str | None, typer.Option("--tz", metavar="ZONE")]
LangOpt = Annotated[str | None, typer.Option("--lang", metavar="en|km")]
FileOpt = Annotated[list[Path] | None, typer.Option("--file", metavar="PATH")]
HolidaysOpt = Annotated[bool, typer.Option("--holidays")]
CategoryOpt = Annotated[list[str] | None, typer.Option("--category", metavar="NAME")]
JsonOpt = Annotated[bool, typer.Option("--json")]
ColorOpt = Annotated[bool | None, typer.Option("--color/--no-color", show_default=False)]

# --- the one-line forms of `khcal today` (khcal.text.line) -------------------------------------------------

ShortOpt = Annotated[bool, typer.Option("--short")]
FormatOpt = Annotated[str | None, typer.Option("--format", metavar="TEMPLATE")]
WaybarOpt = Annotated[bool, typer.Option("--waybar")]


@dataclass
class Env:
    """What every date command needs: the settings and the calendar (khcal.api) they describe."""

    settings: Settings
    calendar: Calendar

    @property
    def catalogue(self) -> Catalogue:
        return self.calendar.catalogue

    @property
    def schedule(self) -> Schedule:
        return self.calendar.schedule

    @property
    def today(self) -> date:
        return self.settings.today

    @property
    def lang(self) -> str:
        return self.settings.lang

    @property
    def only(self) -> Filter:
        return self.settings.filter()

    @property
    def config(self) -> Config | None:
        return self.settings.config


def setup(
    today: str | None,
    tz: str | None,
    lang: str | None,
    files: Sequence[Path] | None,
    holidays: bool = False,
    categories: Sequence[str] | None = None,
    color: bool | None = None,
) -> Env:
    """The settings, catalogue and schedule of a date command."""
    from khcal.api import Calendar

    settings = resolved(
        today, tz, lang, files, holidays=holidays, categories=tuple(categories or ()), color=color
    )
    return Env(settings, Calendar.from_settings(settings))


def emit_json(value: Any) -> None:
    import json

    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def parse_bound(text: str, *, end: bool, what: str, today: date) -> date:
    """A range bound: YYYY (the whole year) or any DATE."""
    from khcal.core.schedule import check_year
    from khcal.values import ValueProblem, parse_date

    value = text.strip()
    if len(value) == 4 and value.isdigit():
        year = int(value)
        check_year(year)
        return date(year, 12, 31) if end else date(year, 1, 1)
    try:
        return parse_date(value, today)
    except ValueProblem as problem:
        if problem.key != "error.setting.date":
            raise SettingError(what, problem) from None
        raise SettingError(what, ValueProblem("error.options.bound", value=text)) from None


def resolve_range(year: int | None, start: str | None, end: str | None, today: date) -> tuple[date, date]:
    from khcal.core.schedule import check_year

    if year is not None and (start is not None or end is not None):
        raise KhcalError("error.options.year-and-range")
    if start is None and end is None:
        chosen = today.year if year is None else year
        check_year(chosen)
        return date(chosen, 1, 1), date(chosen, 12, 31)
    first = parse_bound(start, end=False, what="--from", today=today) if start is not None else None
    last = parse_bound(end, end=True, what="--to", today=today) if end is not None else None
    if first is None:
        assert last is not None
        first = date(last.year, 1, 1)
    if last is None:
        last = date(first.year, 12, 31)
    if last < first:
        raise KhcalError("error.options.range-order", start=start, end=end)
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


WeekendOpt = Annotated[str | None, typer.Option("--weekend", metavar="DAYS")]
ExtraOffOpt = Annotated[list[str] | None, typer.Option("--extra-off", metavar="DATE")]
SectorOpt = Annotated[str | None, typer.Option("--sector", metavar="private|public")]
QuietOpt = Annotated[bool, typer.Option("-q", "--quiet")]
DayOrStdin = Annotated[str | None, typer.Argument(metavar="DATE|-", show_default=False)]


OptionalDay = Annotated[str | None, typer.Argument(metavar="DATE", show_default=False)]
