"""The calendar feed commands: export, serve and publish."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from khcal.cli import run
from khcal.cli.dates import bound
from khcal.cli.inputs import Options, listen_host, number
from khcal.cli.params import FILTERS, SETTINGS, command
from khcal.cli.root import app

if TYPE_CHECKING:
    from khcal.feeds.ics import FeedOptions
    from khcal.settings import Settings

FeedFromOpt = Annotated[str | None, typer.Option("--from", metavar="YYYY|YYYY-MM-DD")]
FeedToOpt = Annotated[str | None, typer.Option("--to", metavar="YYYY|YYYY-MM-DD")]
AlarmOpt = Annotated[str | None, typer.Option("--alarm", metavar="DURATION")]


def _feed_bound(text: str | None, *, end: bool, what: str, today: date) -> tuple[str | None, date | None]:
    """A year (kept as text for the feed's year range) or a day, read as `list` reads it."""
    from khcal.parsing import whole_number

    if text is None or whole_number(text):
        return (None if text is None else text.strip()), None
    day = bound(text, end=end, what=what, today=today)
    assert day is not None
    return str(day.year), day


def _feed_options(settings: Settings, first: str | None, last: str | None, alarm: str | None) -> FeedOptions:
    from khcal.feeds import ics

    first_text, first_day = _feed_bound(first, end=False, what="--from", today=settings.today)
    last_text, last_day = _feed_bound(last, end=True, what="--to", today=settings.today)
    if first_day is not None and last_day is not None and last_day < first_day:
        raise ics.FeedOptionError("error.options.range-order", start=first, end=last)
    first_year, last_year = ics.year_range(first_text, last_text, settings.today.year)
    return ics.FeedOptions(
        first_year=first_year,
        last_year=last_year,
        lang=settings.lang,
        holidays=settings.holidays,
        categories=settings.categories or (),  # the settings' filter, as list uses it
        alarm=ics.parse_duration(alarm) if alarm is not None else None,
        first_day=first_day,
        last_day=last_day,
    )


@command(app, "export", (*SETTINGS, *FILTERS))
def export(
    options: Options,
    start: FeedFromOpt = None,
    end: FeedToOpt = None,
    output: Annotated[str | None, typer.Option("-o", "--output", metavar="FILE")] = None,
    alarm: AlarmOpt = None,
) -> None:
    from khcal.api import Calendar
    from khcal.feeds import files, ics

    settings = options.settings()
    calendar = Calendar.from_settings(settings)
    data = ics.build(calendar.schedule, _feed_options(settings, start, end, alarm))
    files.write_output("-" if output is None else output, data, "-o")


@command(app, "serve", ("tz", "lang", "file"))
def serve(
    options: Options,
    host: Annotated[str, typer.Option("--host", metavar="H")] = "127.0.0.1",
    port: Annotated[str, typer.Option("--port", metavar="P")] = "8080",
    trust_proxy: Annotated[bool, typer.Option("--trust-proxy")] = False,
) -> None:
    from khcal.feeds import server
    from khcal.feeds.app import served

    listen_on = number(port, "--port", 0, 65535)
    settings = options.settings()
    made = server.make_server(
        **served(settings), host=listen_host(host), port=listen_on, trust_proxy=trust_proxy
    )
    server.run(made)


# The fast path runs it too (khcal.cli.run, khcal.cli.fastpath): Typer only reads its command line here.
command(app, "publish", SETTINGS, folder=Annotated[str, typer.Argument(metavar="DIR")],
        base_url=Annotated[str, typer.Option("--base-url", metavar="URL")], start=FeedFromOpt,
        end=FeedToOpt)(run.publish)  # fmt: skip
