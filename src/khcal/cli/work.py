"""The commands scripts call: is-holiday, is-workday, workdays count|add|next|prev, long-weekends.

The work is done in `khcal.cli.scripts`; `khcal.cli.fastpath` answers the same commands without Typer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from khcal.cli import run
from khcal.cli.inputs import number, resolved
from khcal.cli.options import (
    DayOrStdin,
    ExtraOffOpt,
    FileOpt,
    JsonOpt,
    LangOpt,
    OptionalDay,
    QuietOpt,
    SectorOpt,
    TodayOpt,
    TzOpt,
    WeekendOpt,
    emit_json,
)
from khcal.cli.root import app

if TYPE_CHECKING:
    pass


@app.command("is-holiday")
def is_holiday(
    day: DayOrStdin = None,
    quiet: QuietOpt = False,
    as_json: JsonOpt = False,
    weekend: WeekendOpt = None,
    extra_off: ExtraOffOpt = None,
    sector: SectorOpt = None,
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
) -> int:
    return run.is_holiday(day, quiet, as_json, weekend, extra_off, sector, today, tz, lang, file)


@app.command("is-workday")
def is_workday(
    day: DayOrStdin = None,
    quiet: QuietOpt = False,
    as_json: JsonOpt = False,
    weekend: WeekendOpt = None,
    extra_off: ExtraOffOpt = None,
    sector: SectorOpt = None,
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
) -> int:
    return run.is_workday(day, quiet, as_json, weekend, extra_off, sector, today, tz, lang, file)


workdays_app = typer.Typer(
    name="workdays",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(workdays_app)


@workdays_app.command("count")
def workdays_count(
    first: Annotated[str, typer.Argument(metavar="A")],
    last: Annotated[str, typer.Argument(metavar="B")],
    weekend: WeekendOpt = None,
    extra_off: ExtraOffOpt = None,
    sector: SectorOpt = None,
    today: TodayOpt = None,
    tz: TzOpt = None,
    file: FileOpt = None,
) -> int:
    return run.workdays_count(first, last, weekend, extra_off, sector, today, tz, file)


@workdays_app.command("add", context_settings={"ignore_unknown_options": True})
def workdays_add(
    day: Annotated[str, typer.Argument(metavar="DATE")],
    n: Annotated[str, typer.Argument(metavar="N")],
    weekend: WeekendOpt = None,
    extra_off: ExtraOffOpt = None,
    sector: SectorOpt = None,
    today: TodayOpt = None,
    tz: TzOpt = None,
    file: FileOpt = None,
) -> int:
    return run.workdays_add(day, n, weekend, extra_off, sector, today, tz, file)


@workdays_app.command("next")
def workdays_next(
    day: OptionalDay = None,
    weekend: WeekendOpt = None,
    extra_off: ExtraOffOpt = None,
    sector: SectorOpt = None,
    today: TodayOpt = None,
    tz: TzOpt = None,
    file: FileOpt = None,
) -> int:
    return run.workdays_next(day, weekend, extra_off, sector, today, tz, file)


@workdays_app.command("prev")
def workdays_prev(
    day: OptionalDay = None,
    weekend: WeekendOpt = None,
    extra_off: ExtraOffOpt = None,
    sector: SectorOpt = None,
    today: TodayOpt = None,
    tz: TzOpt = None,
    file: FileOpt = None,
) -> int:
    return run.workdays_prev(day, weekend, extra_off, sector, today, tz, file)


@app.command("long-weekends")
def long_weekends(
    year: Annotated[str | None, typer.Option("--year", metavar="Y")] = None,
    weekend: WeekendOpt = None,
    extra_off: ExtraOffOpt = None,
    sector: SectorOpt = None,
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
    as_json: JsonOpt = False,
) -> None:
    from khcal.api import Calendar
    from khcal.cli import scripts

    settings = resolved(
        today, tz, lang, file, weekend=weekend, sector=sector, extra_off=tuple(extra_off or ())
    )
    calendar = Calendar.from_settings(settings)
    chosen = settings.today.year if year is None else number(year, "--year")
    runs, bridges = calendar.long_weekends(chosen)
    cal, lang = calendar.workdays, settings.lang
    if as_json:
        emit_json(scripts.long_weekends_json(chosen, cal, runs, bridges))
        return
    from khcal.views.render import Wrapped, console

    out = console()
    for line in scripts.long_weekends_text(chosen, cal, runs, bridges, lang).splitlines():
        # Wrapped at the terminal's width; a continued line is indented under the names of its run.
        out.print(Wrapped(line, hang=6))
