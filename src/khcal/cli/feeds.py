"""The calendar feed commands: export, serve and publish."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from khcal.cli.inputs import number, today_in
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

FeedFromOpt = Annotated[
    str | None,
    typer.Option(
        "--from",
        metavar="YYYY|YYYY-MM-DD",
        help="First year or day (default: this year). At most 100 years in one feed. Example: --from 2026",
    ),
]
FeedToOpt = Annotated[
    str | None,
    typer.Option(
        "--to",
        metavar="YYYY|YYYY-MM-DD",
        help="Last year or day (default: two years after --from; the feed holds at most 100 years). "
        "Example: --to 2028-06-30",
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
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help="Write the feed to FILE instead of stdout: a regular file is replaced atomically (a "
            "failure leaves it as it was, its permissions are kept), a link's target likewise; a device or "
            "a pipe is written into; - is stdout. Example: -o cambodia.ics",
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

      khcal export --from 2026-11-28 --to 2028-11-27 -o two-years.ics
    """
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
        str,
        typer.Option("--port", metavar="P", help="Port, 0 to 65535 (0: a free one). Example: --port 8080"),
    ] = "8080",
    trust_proxy: Annotated[
        bool,
        typer.Option(
            "--trust-proxy",
            help="Take the index page's links from X-Forwarded-Proto and X-Forwarded-Host (only behind a "
            "reverse proxy that sets them). Example: --trust-proxy",
        ),
    ] = False,
    tz: TzOpt = None,
    lang: LangOpt = None,
    file: FileOpt = None,
) -> None:
    """Serve the feed over HTTP at /khcal.ics, for phones and calendar apps to subscribe to.

    The query takes the options of export, e.g. ?lang=km&holidays=1&from=2026&to=2028, also category
    (repeatable) and alarm (default range: this year and the next two, in --tz; at most 100 years in one
    feed, an alarm at most a year from its event: anything else is answered 400). The page at / shows
    the links to subscribe with. Runs on waitress: a bounded pool of threads, idle connections closed
    after 30 s, feeds cached (gzipped for clients that accept it). Requests are logged on stderr;
    Ctrl-C stops it.

    Examples:

      khcal serve

      khcal serve --port 8080 --lang km

      khcal serve --host 0.0.0.0 --port 8000 --file company.toml

      khcal serve --port 8000 --trust-proxy   (behind nginx or another reverse proxy)
    """
    from datetime import UTC, datetime

    from khcal.feeds import server

    listen_on = number(port, "--port", 0, 65535)
    env = setup(None, tz, lang, file)
    zone = env.settings.tz
    stamps = [p.stat().st_mtime for p in env.settings.files if p.is_file()]
    data_time = datetime.fromtimestamp(max(stamps), UTC) if stamps else None
    server.run(
        env.schedule, host=host, port=listen_on, lang=env.lang, today=lambda: today_in(zone),
        trust_proxy=trust_proxy, data_time=data_time,
    )  # fmt: skip


@app.command("publish")
def publish(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="The folder to write (created if missing).")],
    base_url: Annotated[
        str,
        typer.Option(
            "--base-url",
            metavar="URL",
            help="The web address DIR will be served at, for the links and QR codes. "
            "Example: --base-url https://example.org/calendars",
        ),
    ],
    start: FeedFromOpt = None,
    end: FeedToOpt = None,
    today: TodayOpt = None,
    tz: TzOpt = None,
    file: FileOpt = None,
) -> None:
    """A folder for any static web host: a feed per language and selection, and a page to subscribe from.

    DIR gets cambodia-SELECTION.LANG.ics for SELECTION everything, days-off, remembrance and buddhist,
    in en and km, a .gz copy of each, and index.html (English and Khmer: webcal:// and https:// links,
    a QR code per feed, steps for Google Calendar, Apple Calendar and Outlook). Only files whose bytes
    change are rewritten, so a host or a CDN sees no false change. Years as in export (at most 100).

    Examples:

      khcal publish site --base-url https://example.org/calendars

      khcal publish /var/www/khcal --base-url https://cal.example.org --from 2025 --to 2030
    """
    from khcal.feeds import ics
    from khcal.feeds import publish as publishing

    env = setup(today, tz, None, file)
    first_year, last_year = ics.year_range(start, end, env.today.year)
    done = publishing.publish(env.schedule, folder, base_url, first_year, last_year)
    print(f"khcal: {folder}: {len(done.written)} of {len(done.files)} files written")
