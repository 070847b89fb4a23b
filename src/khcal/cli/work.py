"""The commands scripts call: is-holiday, is-workday, workdays count|add|next|prev, long-weekends.

The work is done in `khcal.cli.scripts`; `khcal.cli.fastpath` answers the same commands without Typer.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from khcal.cli.inputs import number
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
    resolved,
)
from khcal.cli.root import app

if TYPE_CHECKING:
    from khcal.cli.scripts import ParseDay
    from khcal.core.workdays import WorkCalendar


def _work_setup(
    today: str | None,
    tz: str | None,
    lang: str | None,
    files: Sequence[Path] | None,
    weekend: str | None,
    extra_off: Sequence[str] | None,
    sector: str | None,
) -> tuple[WorkCalendar, ParseDay, str]:
    """The working-day calendar of the options and settings, a date parser, and the language."""
    from khcal.api import Calendar
    from khcal.cli import scripts

    settings = resolved(
        today, tz, lang, files, weekend=weekend, sector=sector, extra_off=tuple(extra_off or ())
    )
    return Calendar.from_settings(settings).workdays, scripts.day_parser(settings), settings.lang


def _is_command(
    kind: str,
    day: str | None,
    quiet: bool,
    as_json: bool,
    weekend: str | None,
    extra_off: list[str] | None,
    sector: str | None,
    today: str | None,
    tz: str | None,
    lang: str | None,
    file: list[Path] | None,
) -> int:
    from khcal.cli import scripts

    cal, parse, lang = _work_setup(today, tz, lang, file, weekend, extra_off, sector)
    return scripts.is_day(kind, day, cal, parse, quiet=quiet, as_json=as_json, lang=lang)


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
    return _is_command("holiday", day, quiet, as_json, weekend, extra_off, sector, today, tz, lang, file)


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
    return _is_command("workday", day, quiet, as_json, weekend, extra_off, sector, today, tz, lang, file)


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
    from khcal.cli import scripts

    cal, parse, _ = _work_setup(today, tz, "en", file, weekend, extra_off, sector)
    return scripts.count(cal, parse(first, "A"), parse(last, "B"))


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
    from khcal.cli import scripts

    cal, parse, _ = _work_setup(today, tz, "en", file, weekend, extra_off, sector)
    return scripts.shift(cal, parse(day, "DATE"), number(n, "N"))


def _step_command(step: int, day: str | None, *options: Any) -> int:
    from khcal.cli import scripts

    cal, parse, _ = _work_setup(*options)
    return scripts.shift(cal, parse(day if day is not None else "today", "DATE"), step)


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
    return _step_command(1, day, today, tz, "en", file, weekend, extra_off, sector)


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
    return _step_command(-1, day, today, tz, "en", file, weekend, extra_off, sector)


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
