"""The commands scripts call: is-holiday, is-workday, workdays count|add|next|prev, long-weekends.

The quick ones are the bodies of `khcal.cli.run`, which `khcal.cli.fastpath` also calls without Typer;
their answers are worded in `khcal.cli.answers`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from khcal.cli import run
from khcal.cli.inputs import Options
from khcal.cli.inputs import year as year_of
from khcal.cli.params import (
    SETTINGS,
    WORKDAYS,
    DayOrStdin,
    OptionalDay,
    QuietOpt,
    YearOpt,
    command,
    emit_json,
)
from khcal.cli.root import app

DayArg = Annotated[str, typer.Argument(metavar="DATE")]
IS_DAY = ("as_json", *WORKDAYS, *SETTINGS)
"""is-holiday and is-workday: what a day is depends on the working-day settings."""

command(app, "is-holiday", IS_DAY, day=DayOrStdin, quiet=QuietOpt)(run.is_holiday)
command(app, "is-workday", IS_DAY, day=DayOrStdin, quiet=QuietOpt)(run.is_workday)

workdays_app = typer.Typer(
    name="workdays",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(workdays_app)

WORK = (*WORKDAYS, *SETTINGS)
command(workdays_app, "count", WORK, first=Annotated[str, typer.Argument(metavar="A")],
        last=Annotated[str, typer.Argument(metavar="B")])(run.workdays_count)  # fmt: skip
command(workdays_app, "add", WORK, context={"ignore_unknown_options": True}, day=DayArg,
        n=Annotated[str, typer.Argument(metavar="N")])(run.workdays_add)  # fmt: skip
command(workdays_app, "next", WORK, day=OptionalDay)(run.workdays_next)
command(workdays_app, "prev", WORK, day=OptionalDay)(run.workdays_prev)


@command(app, "long-weekends", (*WORK, "as_json"))
def long_weekends(options: Options, year: YearOpt = None) -> None:
    from khcal.api import Calendar
    from khcal.cli import answers

    settings = options.settings()
    calendar = Calendar.from_settings(settings)
    chosen = settings.today.year if year is None else year_of(year, "--year")
    runs, bridges = calendar.long_weekends(chosen)
    cal, lang = calendar.workdays, settings.lang
    if options.as_json:
        emit_json(answers.long_weekends_json(chosen, cal, runs, bridges))
        return
    from khcal.views import render

    render.long_weekends(chosen, cal, runs, bridges, lang, color=settings.color)
