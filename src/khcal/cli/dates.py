"""The commands that show dates: next, list, show, cal, today and lunar."""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from khcal.cli import run
from khcal.cli.inputs import Options, number, parse_day
from khcal.cli.inputs import year as year_of
from khcal.cli.params import (
    SCREEN,
    SETTINGS,
    SHOWS_DATES,
    FromOpt,
    ToOpt,
    YearOpt,
    command,
    emit_json,
    stream_json_array,
)
from khcal.cli.root import app
from khcal.errors import KhcalError
from khcal.parsing import ValueProblem, date_range, parse_bound
from khcal.settings import SettingError

if TYPE_CHECKING:
    from khcal.api import Calendar
    from khcal.settings import Settings

CountOpt = Annotated[str, typer.Option("--count", metavar="N")]

command(app, "next", SHOWS_DATES, count=Annotated[str, typer.Argument(metavar="[N]")])(run.next_)
command(app, "today", SHOWS_DATES, count=CountOpt, short=Annotated[bool, typer.Option("--short")],
        template=Annotated[str | None, typer.Option("--format", metavar="TEMPLATE")],
        waybar=Annotated[bool, typer.Option("--waybar")])(run.today_)  # fmt: skip


def bound(text: str | None, *, end: bool, what: str, today: date) -> date | None:
    """A range bound of an option (`--from`, `--to`): YYYY or any DATE, its errors naming the option."""
    if text is None:
        return None
    try:
        return parse_bound(text, end=end, today=today)
    except ValueProblem as problem:
        raise SettingError(what, problem) from None


def days_of(year: str | None, start: str | None, end: str | None, today: date) -> tuple[date, date]:
    """The days of `--year Y`, or of `--from A --to B` (a whole year for a bound that is a year)."""
    chosen = None if year is None else year_of(year, "--year")
    if chosen is not None and (start is not None or end is not None):
        raise KhcalError("error.options.year-and-range")
    if chosen is not None:
        return date(chosen, 1, 1), date(chosen, 12, 31)
    first = bound(start, end=False, what="--from", today=today)
    last = bound(end, end=True, what="--to", today=today)
    if first is not None and last is not None and last < first:
        raise KhcalError("error.options.range-order", start=start, end=end)
    return date_range(first, last, today)


def _calendar(options: Options) -> tuple[Settings, Calendar]:
    from khcal.api import Calendar

    settings = options.settings()
    return settings, Calendar.from_settings(settings)


@command(app, "list", SHOWS_DATES)
def list_(
    options: Options, year: YearOpt = None, ids: Annotated[bool, typer.Option("--ids")] = False,
    start: FromOpt = None, end: ToOpt = None,
) -> None:  # fmt: skip
    settings, calendar = _calendar(options)
    if ids:
        _ids(calendar, options.as_json)
        return
    first, last = days_of(year, start, end, settings.today)
    found = calendar.occurrences(first, last, holidays=settings.holidays)
    if options.as_json:
        from khcal.text.describe import occurrence_json

        emit_json([occurrence_json(o, settings.today, settings.lang) for o in found])
        return
    from khcal.text.dates import range_title
    from khcal.views import render

    title = range_title(first, last, settings.lang)
    render.occurrences(found, settings.today, settings.lang, color=settings.color, title=title)


def _ids(calendar: Calendar, as_json: bool) -> None:
    """`list --ids`: every observance id of the catalogue with its name, whatever the filters."""
    ids = calendar.ids()
    if as_json:
        emit_json([{"id": ident, "name": name} for ident, name in ids.items()])
        return
    width = max(map(len, ids), default=0)
    if not sys.stdout.isatty():  # one a line for a script (`cut`, `grep`)
        sys.stdout.write("".join(f"{ident:<{width}}  {name}\n" for ident, name in ids.items()))
        return
    import shutil

    from khcal.views.clusters import fill
    from khcal.views.width import cells

    # A terminal: each name filled beside its id, between words, the lines after it under the first.
    columns, hang = shutil.get_terminal_size().columns, " " * (width + 2)
    sys.stdout.write(
        "".join(fill(name, columns, cells, f"{ident:<{width}}  ", hang) + "\n" for ident, name in ids.items())
    )


@command(app, "show", (*SETTINGS, *SCREEN))
def show(
    ident: Annotated[str, typer.Argument(metavar="ID")], options: Options, year: YearOpt = None,
    count: CountOpt = "3",
) -> None:  # fmt: skip
    settings, calendar = _calendar(options)
    chosen = None if year is None else year_of(year, "--year")
    shown = number(count, "--count", 1, 100)
    if options.as_json:
        emit_json(calendar.observance(ident, year=chosen, count=shown))
        return
    obs, dates = calendar.observance_dates(ident, year=chosen, count=shown)
    from khcal.views import render

    render.observance(
        obs, dates, settings.today, settings.lang, calendar.catalogue, color=settings.color, year=chosen
    )


@command(app, "cal", SHOWS_DATES)
def cal(
    options: Options,
    year_text: Annotated[str | None, typer.Argument(metavar="YEAR")] = None,
    month_text: Annotated[str | None, typer.Argument(metavar="MONTH")] = None,
    lunar: Annotated[bool, typer.Option("--lunar")] = False,
    sunday: Annotated[bool, typer.Option("--sunday")] = False,
) -> None:
    from khcal.views import grid, render

    settings, calendar = _calendar(options)
    today, only = settings.today, settings.filter()
    shape = {"weekend": settings.weekend, "first_weekday": 6 if sunday else 0}
    year = None if year_text is None else year_of(year_text, "YEAR")
    month = None if month_text is None else number(month_text, "MONTH")
    if month is not None and not 1 <= month <= 12:
        raise SettingError("MONTH", ValueProblem("error.options.month", value=month))
    if year is not None and month is None:
        grids = grid.year_grids(calendar.schedule, year, today, only, **shape)  # type: ignore[arg-type]
    else:
        shown = (today.year, today.month) if year is None else (year, month or 1)
        grids = [grid.month_grid(calendar.schedule, *shown, today, only, **shape)]  # type: ignore[arg-type]
    if options.as_json:
        emit_json([grid.grid_json(g) for g in grids])
        return
    render.calendar(grids, settings.lang, today, lunar=lunar, color=settings.color)


# --- the Khmer calendar: khcal lunar -------------------------------------------------------------------

LUNAR_TABLE_MAX_DAYS = 3660
"""A rich table holds at most ten years of days; --plain and --json stream any range."""


@command(app, "lunar", ("today", "tz", "lang", *SCREEN))
def lunar(
    options: Options,
    day: Annotated[str | None, typer.Argument(metavar="DATE")] = None,
    start: FromOpt = None,
    end: ToOpt = None,
    plain: Annotated[bool, typer.Option("--plain")] = False,
) -> None:
    from khcal.text import lunar as lunar_view

    settings = options.settings()
    lang, now = settings.lang, settings.today
    if settings.categories or settings.files:
        settings.catalogue()  # lunar needs no catalogue, but a broken setting is still an error
    if start is None and end is None:
        one = parse_day(day, now, "DATE") if day is not None else now
        _lunar_day(settings, one, plain, options.as_json)
        return
    if day is not None:
        raise KhcalError("error.options.day-and-range", value=day)
    first, last = days_of(None, start, end, now)
    days = lunar_view.lunar_days(first, last)
    if options.as_json:
        stream_json_array(lunar_view.lunar_json(d, ld, lang) for d, ld in days)
    elif plain:
        write = sys.stdout.write
        for d, ld in days:
            write(lunar_view.lunar_line(d, ld, lang) + "\n")
    else:
        count = (last - first).days + 1
        if count > LUNAR_TABLE_MAX_DAYS:
            problem = ValueProblem("error.options.too-many-days", count=count, most=LUNAR_TABLE_MAX_DAYS)
            raise SettingError("--from/--to", problem)
        from khcal.text.dates import range_title
        from khcal.views import render

        title = range_title(first, last, lang)
        render.lunar_table(days, lang, color=settings.color, title=title)


def _lunar_day(settings: Settings, one: date, plain: bool, as_json: bool) -> None:
    from khcal.text import lunar as lunar_view

    _, lunar_date = next(lunar_view.lunar_days(one, one))
    if as_json:
        emit_json(lunar_view.lunar_json(one, lunar_date, settings.lang))
    elif plain:
        print(lunar_view.lunar_line(one, lunar_date, settings.lang))
    else:
        from khcal.views import render

        render.lunar_day(one, lunar_date, settings.lang, color=settings.color)
