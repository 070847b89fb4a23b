"""The commands that show dates: next, list, show, cal, today and lunar."""

from __future__ import annotations

import sys
from datetime import date
from typing import Annotated

import typer

from khcal.cli import run
from khcal.cli.inputs import catalogue_of, colour, number, parse_day, resolved
from khcal.cli.options import (
    CategoryOpt,
    ColorOpt,
    Env,
    FileOpt,
    FormatOpt,
    HolidaysOpt,
    JsonOpt,
    LangOpt,
    ShortOpt,
    TodayOpt,
    TzOpt,
    WaybarOpt,
    emit_json,
    resolve_range,
    setup,
    stream_json_array,
)
from khcal.cli.root import app
from khcal.errors import KhcalError
from khcal.settings import SettingError
from khcal.values import ValueProblem


@app.command("next")
def next_(
    count: Annotated[str, typer.Argument(metavar="[N]")] = "5",
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
    holidays: HolidaysOpt = False,
    category: CategoryOpt = None,
    as_json: JsonOpt = False,
    color: ColorOpt = None,
) -> None:
    run.next_(count, today, tz, lang, file, holidays, category, as_json, color)


@app.command("list")
def list_(
    year: Annotated[str | None, typer.Option("--year", metavar="Y")] = None,
    ids: Annotated[bool, typer.Option("--ids")] = False,
    start: Annotated[str | None, typer.Option("--from", metavar="A")] = None,
    end: Annotated[str | None, typer.Option("--to", metavar="B")] = None,
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
    holidays: HolidaysOpt = False,
    category: CategoryOpt = None,
    as_json: JsonOpt = False,
    color: ColorOpt = None,
) -> None:
    env = setup(today, tz, lang, file, holidays, category, color=color)
    if ids:
        _ids(env, as_json)
        return
    first, last = resolve_range(None if year is None else number(year, "--year"), start, end, env.today)
    found = env.calendar.occurrences(first, last, holidays=env.settings.holidays)
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
    with colour(env.settings):
        render.occurrences(found, env.today, env.lang, no_color=env.settings.color is False, title=title)


def _ids(env: Env, as_json: bool) -> None:
    """`list --ids`: every observance id of the catalogue with its name, whatever the filters."""
    ids = env.calendar.ids()
    if as_json:
        emit_json([{"id": ident, "name": name} for ident, name in ids.items()])
        return
    width = max(map(len, ids), default=0)
    sys.stdout.write("".join(f"{ident:<{width}}  {name}\n" for ident, name in ids.items()))


@app.command("show")
def show(
    ident: Annotated[str, typer.Argument(metavar="ID")],
    year: Annotated[str | None, typer.Option("--year", metavar="Y")] = None,
    count: Annotated[str, typer.Option("--count", metavar="N")] = "3",
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
    as_json: JsonOpt = False,
    color: ColorOpt = None,
) -> None:
    env = setup(today, tz, lang, file, color=color)
    chosen = None if year is None else number(year, "--year")
    shown = number(count, "--count", 1, 100)
    if as_json:
        emit_json(env.calendar.observance(ident, year=chosen, count=shown))
        return
    obs, dates = env.calendar.observance_dates(ident, year=chosen, count=shown)
    from khcal.views import render

    with colour(env.settings):
        render.observance(
            obs,
            dates,
            env.today,
            env.lang,
            env.catalogue,
            no_color=env.settings.color is False,
            year=chosen,
        )


@app.command("cal")
def cal(
    year_text: Annotated[str | None, typer.Argument(metavar="YEAR")] = None,
    month_text: Annotated[str | None, typer.Argument(metavar="MONTH")] = None,
    lunar: Annotated[bool, typer.Option("--lunar")] = False,
    sunday: Annotated[bool, typer.Option("--sunday")] = False,
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
    holidays: HolidaysOpt = False,
    category: CategoryOpt = None,
    color: ColorOpt = None,
) -> None:
    from khcal.views import grid, render

    env = setup(today, tz, lang, file, holidays, category, color=color)
    weekend = env.settings.weekend
    first_weekday = 6 if sunday else 0
    year = None if year_text is None else number(year_text, "YEAR")
    month = None if month_text is None else number(month_text, "MONTH")
    if month is not None and not 1 <= month <= 12:
        raise SettingError("MONTH", ValueProblem("error.options.month", value=month))
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
    with colour(env.settings):
        render.calendar(grids, env.lang, env.today, lunar=lunar, no_color=env.settings.color is False)


@app.command("today")
def today_(
    count: Annotated[str, typer.Option("--count", metavar="N")] = "3",
    short: ShortOpt = False,
    template: FormatOpt = None,
    waybar: WaybarOpt = False,
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
    holidays: HolidaysOpt = False,
    category: CategoryOpt = None,
    as_json: JsonOpt = False,
    color: ColorOpt = None,
) -> None:
    run.today_(count, short, template, waybar, today, tz, lang, file, holidays, category, as_json, color)


# --- the Khmer calendar: khcal lunar -------------------------------------------------------------------

LUNAR_TABLE_MAX_DAYS = 3660
"""A rich table holds at most ten years of days; --plain and --json stream any range."""


@app.command("lunar")
def lunar(
    day: Annotated[str | None, typer.Argument(metavar="DATE")] = None,
    start: Annotated[str | None, typer.Option("--from", metavar="A")] = None,
    end: Annotated[str | None, typer.Option("--to", metavar="B")] = None,
    plain: Annotated[bool, typer.Option("--plain")] = False,
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    as_json: JsonOpt = False,
    color: ColorOpt = None,
) -> None:
    from khcal.text import lunar as lunar_view

    settings = resolved(today, tz, lang, None, color=color)
    lang, now = settings.lang, settings.today
    if settings.categories or settings.files:
        catalogue_of(settings)  # lunar needs no catalogue, but a broken setting is still an error
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

            with colour(settings):
                render.lunar_day(one, lunar_date, lang, no_color=settings.color is False)
        return
    if day is not None:
        raise KhcalError("error.options.day-and-range", value=day)
    first, last = resolve_range(None, start, end, now)
    days = lunar_view.lunar_days(first, last)
    if as_json:
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
        from khcal.views import render

        with colour(settings):
            title = f"{first.isoformat()} .. {last.isoformat()}"
            render.lunar_table(days, lang, no_color=settings.color is False, title=title)
