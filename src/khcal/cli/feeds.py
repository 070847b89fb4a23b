"""The calendar feed commands: export, serve and publish."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from khcal.cli.inputs import number
from khcal.cli.options import (
    CategoryOpt,
    Env,
    FileOpt,
    HolidaysOpt,
    LangOpt,
    TodayOpt,
    TzOpt,
    parse_bound,
    setup,
)
from khcal.cli.root import app
from khcal.values import clock_of

FeedFromOpt = Annotated[str | None, typer.Option("--from", metavar="YYYY|YYYY-MM-DD")]
FeedToOpt = Annotated[str | None, typer.Option("--to", metavar="YYYY|YYYY-MM-DD")]
if TYPE_CHECKING:
    from khcal.feeds.ics import FeedOptions

AlarmOpt = Annotated[str | None, typer.Option("--alarm", metavar="DURATION")]


def _bound(text: str | None, *, end: bool, what: str, today: date) -> tuple[str | None, date | None]:
    """A year (kept as text for the feed's year range) or a day (YYYY-MM-DD), read as `list` reads it."""
    if text is None:
        return None, None
    value = text.strip()
    if value.isdigit():
        return value, None
    day = parse_bound(value, end=end, what=what, today=today)
    return str(day.year), day


def _feed_options(
    env: Env,
    first: str | None,
    last: str | None,
    holidays: bool,
    category: Sequence[str] | None,
    alarm: str | None,
) -> FeedOptions:
    from khcal.feeds import ics

    first_text, first_day = _bound(first, end=False, what="--from", today=env.today)
    last_text, last_day = _bound(last, end=True, what="--to", today=env.today)
    if first_day is not None and last_day is not None and last_day < first_day:
        raise ics.FeedOptionError("error.options.range-order", start=first, end=last)
    first_year, last_year = ics.year_range(first_text, last_text, env.today.year)
    return ics.FeedOptions(
        first_year=first_year,
        last_year=last_year,
        lang=env.lang,
        holidays=holidays,
        categories=env.settings.categories or (),  # the settings' filter, as list uses it
        alarm=ics.parse_duration(alarm) if alarm is not None else None,
        first_day=first_day,
        last_day=last_day,
    )


@app.command("export")
def export(
    start: FeedFromOpt = None,
    end: FeedToOpt = None,
    output: Annotated[str | None, typer.Option("-o", "--output", metavar="FILE")] = None,
    alarm: AlarmOpt = None,
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
    holidays: HolidaysOpt = False,
    category: CategoryOpt = None,
) -> None:
    from khcal.feeds import ics

    env = setup(today, tz, lang, file, holidays, category)
    options = _feed_options(env, start, end, holidays, category, alarm)
    data = ics.build(env.schedule, options)
    write_output(output or "-", data, "-o")


def write_output(target: str, data: bytes, what: str) -> None:
    """Write a command's output file by the rules of khcal.feeds.files (atomic, devices, links)."""
    from khcal.feeds import files

    files.write_output(target, data, what)


@app.command("serve")
def serve(
    host: Annotated[str, typer.Option("--host", metavar="H")] = "127.0.0.1",
    port: Annotated[str, typer.Option("--port", metavar="P")] = "8080",
    trust_proxy: Annotated[bool, typer.Option("--trust-proxy")] = False,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
) -> None:
    from datetime import UTC, datetime

    from khcal.feeds import server

    listen_on = number(port, "--port", 0, 65535)
    env = setup(None, tz, lang, file)
    zone = env.settings.tz
    stamps = [os.stat(p).st_mtime for p in env.settings.files if os.path.isfile(p)]
    data_time = datetime.fromtimestamp(max(stamps), UTC) if stamps else None
    server.run(
        env.schedule, host=host, port=listen_on, lang=env.lang, today=clock_of(zone),
        trust_proxy=trust_proxy, data_time=data_time,
    )  # fmt: skip


@app.command("publish")
def publish(
    folder: Annotated[Path, typer.Argument(metavar="DIR")],
    base_url: Annotated[str, typer.Option("--base-url", metavar="URL")],
    start: FeedFromOpt = None,
    end: FeedToOpt = None,
    today: TodayOpt = None,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
) -> None:
    from khcal.feeds import ics
    from khcal.feeds import publish as publishing
    from khcal.text import say

    env = setup(today, tz, lang, file)  # the feeds and the page are in every language; --lang words this
    first_year, last_year = ics.year_range(start, end, env.today.year)
    done = publishing.publish(env.schedule, folder, base_url, first_year, last_year)
    written, total = len(done.written), len(done.files)
    print(say(env.lang, "cli.publish.written", folder=folder, written=written, total=total))
