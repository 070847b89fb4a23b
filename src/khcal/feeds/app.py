"""The feeds as a WSGI application: any WSGI server (waitress for `khcal serve`, gunicorn, uWSGI) runs it.

- ``/khcal.ics``: the feed, built by the same function as ``khcal export`` (``ics.build``); the query takes
  the export options: ``lang``, ``holidays``, ``category`` (repeatable), ``from``, ``to``, ``alarm``.
  At most ``max_years`` (30) years in one feed: a longer range gets 400 (``khcal export`` writes up to
  100). Built feeds are kept in a cache bounded in bytes (``cache_bytes``); a build holds no lock other
  requests wait on, and one feed is built at a time (others wait their turn, or get 503). Gzipped when the
  client accepts it (``Vary: Accept-Encoding``); ``ETag`` (a hash of the body) and ``Last-Modified`` let
  clients ask again cheaply (``304 Not Modified``).
- ``/``: a page with the subscription links of query feeds.
- The published site's paths (``/index.html``, ``/calendar/2027.html``, ``/json/2027.json``, the feeds under
  their published names...): the bytes ``khcal publish`` writes there (`khcal.feeds.site_routes`).
- Anything else: 404; a bad query: 400 with one line saying what is wrong (a value it quotes cut to 80
  characters, escaped); a query longer than ``MAX_QUERY`` characters: 414; other methods: 405.
- A failure of khcal itself: a short 500 for the client, and one escaped line in the log with the
  exception's type and message.

The options of each query are remembered for the day (subscribers ask the same few queries again and
again), in a memo bounded in bytes, keys and values together (``PARSED_BYTES``).

``Last-Modified`` is derived from what the body is made of, never later than the response: the newest of the
data's revision date, the time the definitions files were last changed (``data_time``, given by whoever
read them) and, for a range that starts in a year already begun, the first day of that year (the default
range moves with the calendar). So a user file edited without moving its revision still moves it.

Each request is logged as one line, its control characters escaped: on stderr, or through the function
given as ``log_to`` (`khcal serve`: `khcal.feeds.logs`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, date, datetime
from email.utils import format_datetime
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import parse_qs

from khcal.core.schedule import Schedule
from khcal.errors import DateRangeError, KhcalError
from khcal.feeds import ics
from khcal.feeds.builder import Builder, Built, InProcess, release_memory
from khcal.feeds.cache import BoundedCache, SizedMemo
from khcal.feeds.gate import BuildGate, Busy
from khcal.feeds.http import accepts_gzip, not_modified, text_answer, typed, write_log
from khcal.feeds.logs import failure_line, log_line
from khcal.feeds.pages import index_page, public_base
from khcal.parsing import DEFAULT_TZ, clock_of

if TYPE_CHECKING:
    from khcal.feeds.site_routes import SiteRoutes
    from khcal.settings import Settings

FEED_PATH = "/khcal.ics"
INDEX_PATHS = ("/",)
QUERY_KEYS = ("lang", "holidays", "category", "from", "to", "alarm")
MAX_AGE = 3600
"""Seconds a client or proxy may keep a response before asking again (with its ETag)."""
CACHE_BYTES = 16 * 1024 * 1024
"""The default bound of the feed cache (plain and gzipped bodies together)."""
MAX_YEARS = 30
"""The most years one query may ask for, so that one build never holds up the others for long.
`khcal export` and `khcal publish` write up to 100."""
RETRY_AFTER = 5
PARSED_BYTES = 1024 * 1024
"""The bytes of queries and their options remembered (for the day); the oldest are dropped to make room."""
MAX_QUERY = 2048
"""The longest query string taken, in characters as sent (percent-escapes included); longer gets 414.
The longest query of every option and category is a few hundred."""

_TRUE = ("", "1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")

StartResponse = Callable[..., Any]


class BadRequest(KhcalError):
    """A query the feed cannot be built from: a message key, worded in the server's language when answered.
    An option's error (`of`) is worded as the command line words it, the query naming the options without
    their dashes (`from 2026`, not `--from 2026`)."""

    def __init__(self, key: str, /, cause: KhcalError | None = None, **params: object) -> None:
        super().__init__(key, **params)
        self.cause = cause

    @classmethod
    def of(cls, error: KhcalError) -> BadRequest:
        return cls(error.key, error, **error.params)

    def message(self, lang: str = "en") -> str:
        if self.cause is not None:
            return self.cause.message(lang).replace("--", "")
        return super().message(lang)


class QueryTooLong(BadRequest):
    """A query longer than MAX_QUERY characters: answered 414, not read."""


def _parsed_size(key: tuple[str, date], options: ics.FeedOptions) -> int:
    """The bytes a remembered query takes: its text and date, the options and the strings they hold."""
    import sys

    query, day = key
    strings = (options.lang, *options.categories)
    return (
        sys.getsizeof(key) + sys.getsizeof(query) + sys.getsizeof(day) + sys.getsizeof(options)
        + sys.getsizeof(options.categories) + sum(sys.getsizeof(s) for s in strings)
        + 64 * 3  # the memo's own entry: a dictionary slot, a link and a (value, cost) pair
    )  # fmt: skip


class Clock(Protocol):
    def __call__(self) -> datetime: ...


def utc_now() -> datetime:
    return datetime.now(UTC)


class Feeds:
    """Builds and keeps feeds by their options; knows nothing of sockets or HTTP."""

    def __init__(
        self,
        schedule: Schedule,
        lang: str,
        today: Callable[[], date],
        *,
        cache_bytes: int = CACHE_BYTES,
        data_time: datetime | None = None,
        builder: Builder | None = None,
        max_years: int = MAX_YEARS,
    ) -> None:
        self.schedule = schedule
        self.max_years = max_years
        self.builder: Builder = builder or InProcess(schedule)
        self.lang = lang
        self.today = today
        self.data_time = data_time
        self._cache: BoundedCache[Built] = BoundedCache(cache_bytes, lambda b: len(b.body) + len(b.gzipped))
        self.gate = BuildGate()
        self._parsed: SizedMemo[tuple[str, date], ics.FeedOptions] = SizedMemo(PARSED_BYTES, _parsed_size)

    def options(self, query: str) -> ics.FeedOptions:
        """The feed options of a query string; BadRequest says what is wrong with it."""
        try:
            fields = parse_qs(query, keep_blank_values=True, strict_parsing=False, max_num_fields=50)
        except ValueError as exc:
            raise BadRequest("error.feeds.query", reason=str(exc)) from None
        for key in fields:
            if key not in QUERY_KEYS:
                raise BadRequest("error.feeds.unknown-parameter", key=key, known=", ".join(QUERY_KEYS))
        for key in ("lang", "holidays", "from", "to", "alarm"):
            if len(fields.get(key, [])) > 1:
                raise BadRequest("error.feeds.parameter-twice", key=key)

        def one(key: str) -> str | None:
            values = fields.get(key)
            return values[0] if values else None

        holidays = False
        if "holidays" in fields:
            text = (one("holidays") or "").strip().lower()
            if text not in _TRUE + _FALSE:
                raise BadRequest("error.feeds.holidays", value=one("holidays"))
            holidays = text in _TRUE
        categories = [
            name.strip() for value in fields.get("category", []) for name in value.split(",") if name.strip()
        ]
        try:
            first, last = self._years(one("from"), one("to"))
            alarm_text = one("alarm")
            options = ics.FeedOptions(
                first_year=first,
                last_year=last,
                lang=(one("lang") or self.lang).strip(),
                holidays=holidays,
                categories=tuple(dict.fromkeys(categories)),
                alarm=ics.parse_duration(alarm_text, "alarm") if alarm_text is not None else None,
            )
            ics.check_options(options, self.schedule.catalogue)
        except KhcalError as exc:
            raise BadRequest.of(exc) from None
        return options

    def _years(self, first: str | None, last: str | None) -> tuple[int, int]:
        """The years asked for, at most `max_years` of them."""
        a, b = ics.year_range(first, last, self.today().year, most=None)  # the server's limit, in its words
        if b - a + 1 > self.max_years:
            raise KhcalError("error.feeds.served-too-long", start=a, end=b, most=self.max_years)
        return a, b

    def parsed(self, query: str) -> ics.FeedOptions:
        """`options(query)`, remembered for the day: subscribers ask the same few queries again and again."""
        if len(query) > MAX_QUERY:
            raise QueryTooLong("error.feeds.query-long", most=MAX_QUERY)
        key = (query, self.today())
        found = self._parsed.get(key)
        if found is None:
            found = self.options(query)
            self._parsed.put(key, found)
        return found

    def warm(self, queries: tuple[str, ...] | None = None) -> None:
        """Build the feeds of `queries` (the page's links by default) unless built, one after the other."""
        from khcal.feeds.pages import LINKED_QUERIES

        for query in LINKED_QUERIES if queries is None else queries:
            try:
                self.built(self.parsed(query))
            except (BadRequest, Busy):  # a query of the page not valid for these data; or busy: built later
                continue

    def built(self, options: ics.FeedOptions) -> Built:
        """The feed of these options, from the cache or built now (outside any shared lock)."""
        return self._cache.get(options, lambda: self._build(options))

    def _build(self, options: ics.FeedOptions) -> Built:
        with self.gate:  # bounds the memory of builds in progress, not the requests for cached feeds
            try:
                return self.builder(options)
            except DateRangeError as exc:  # more occurrences than one range may hold: the query asks too much
                raise BadRequest.of(exc) from None
            finally:
                release_memory()  # what a build and the cache left behind

    def feed(self, options: ics.FeedOptions) -> tuple[bytes, str]:
        """The feed's bytes and its ETag."""
        found = self.built(options)
        return found.body, found.etag

    def last_modified(self, options: ics.FeedOptions, now: datetime) -> datetime:
        """When this feed last changed, to the second, never later than `now`."""
        moments = [datetime.combine(ics.revision(self.schedule.catalogue), datetime.min.time(), tzinfo=UTC)]
        if self.data_time is not None:
            moments.append(self.data_time.astimezone(UTC))
        first_day = date(options.first_year, 1, 1)
        if first_day <= self.today():
            moments.append(datetime(first_day.year, 1, 1, tzinfo=UTC))
        return min(max(moments), now).replace(microsecond=0)


class FeedApp:
    """The WSGI callable: routes, conditional requests, gzip, the index page and the access log."""

    def __init__(
        self,
        feeds: Feeds,
        *,
        trust_proxy: bool = False,
        fallback_host: str | None = None,
        now: Clock = utc_now,
        log_to: Callable[[str], None] | None = None,
    ) -> None:
        self.feeds = feeds
        self.trust_proxy = trust_proxy
        self.fallback_host = fallback_host
        self.now = now
        self.log_to = log_to

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> list[bytes]:
        try:
            status, headers, body = self.answer(environ)
        except Exception as exc:  # khcal's own failure: the reason in the log, a short answer for the client
            if self.log_to is not None:
                self.log_to(failure_line(environ, exc))
            status, headers, body = text_answer("500 Internal Server Error", "khcal: internal error\n")
        if self.log_to is not None:
            self.log_to(log_line(environ, status, len(body)))
        start_response(status, headers)
        return [] if environ.get("REQUEST_METHOD") == "HEAD" else [body]

    def answer(self, environ: dict[str, Any]) -> tuple[str, list[tuple[str, str]], bytes]:
        """Status line, headers and body (HEAD: the GET body, which the caller drops)."""
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in ("GET", "HEAD"):
            return text_answer(
                "405 Method Not Allowed", "khcal: only GET and HEAD\n", [("Allow", "GET, HEAD")]
            )
        path = environ.get("PATH_INFO", "") or "/"
        query = environ.get("QUERY_STRING", "")
        if path in INDEX_PATHS:
            if query:
                return text_answer("400 Bad Request", "khcal: the index page takes no query\n")
            base = public_base(environ, self.trust_proxy, self.fallback_host)
            page = index_page(base, self.feeds.lang).encode("utf-8")
            return "200 OK", typed("text/html"), page
        if path != FEED_PATH:
            published = self.site(environ, path)
            if published is not None:
                return published
            return text_answer("404 Not Found", f"khcal: not found; the feed is at {FEED_PATH}\n")
        try:
            options = self.feeds.parsed(query)
            built = self.feeds.built(options)
        except QueryTooLong as exc:
            return text_answer("414 URI Too Long", f"khcal: bad request: {exc.message(self.feeds.lang)}\n")
        except BadRequest as exc:
            return text_answer("400 Bad Request", f"khcal: bad request: {exc.message(self.feeds.lang)}\n")
        except Busy:
            busy = "khcal: busy building other feeds; ask again in a few seconds\n"
            return text_answer("503 Service Unavailable", busy, [("Retry-After", str(RETRY_AFTER))])
        return self._feed(environ, options, built)

    @functools.cached_property
    def site(self) -> SiteRoutes:
        """The published site's paths (`khcal.feeds.site_routes`)."""
        from khcal.feeds.site_routes import SiteRoutes

        return SiteRoutes(
            self.feeds, lambda e: public_base(e, self.trust_proxy, self.fallback_host), self.now
        )

    def _feed(
        self, environ: dict[str, Any], options: ics.FeedOptions, built: Built
    ) -> tuple[str, list[tuple[str, str]], bytes]:
        now = self.now()
        modified = self.feeds.last_modified(options, now)
        zipped = accepts_gzip(environ.get("HTTP_ACCEPT_ENCODING", ""))
        etag = built.gzip_etag if zipped else built.etag
        headers = [
            ("ETag", etag),
            ("Last-Modified", format_datetime(modified, usegmt=True)),
            ("Cache-Control", f"max-age={MAX_AGE}"),
            ("Vary", "Accept-Encoding"),
        ]
        if not_modified(environ, (built.etag, built.gzip_etag), modified):
            return "304 Not Modified", headers, b""
        body = built.gzipped if zipped else built.body
        headers += [
            ("Content-Disposition", 'inline; filename="khcal.ics"'),
            *typed("text/calendar"),
            ("Content-Length", str(len(body))),
        ]
        if zipped:
            headers.append(("Content-Encoding", "gzip"))
        return "200 OK", headers, body


def _stderr(line: str) -> None:
    write_log(line + "\n")


def make_app(
    schedule: Schedule,
    *,
    lang: str = "en",
    today: Callable[[], date] | None = None,
    trust_proxy: bool = False,
    fallback_host: str | None = None,
    cache_bytes: int | None = None,
    data_time: datetime | None = None,
    now: Clock = utc_now,
    log: bool = True,
    log_to: Callable[[str], None] | None = None,
    builder: Builder | None = None,
    max_years: int = MAX_YEARS,
) -> FeedApp:
    """A WSGI application serving the feeds of `schedule` (today: the date in Asia/Phnom_Penh unless given,
    as `served` gives it from the settings' time zone); feeds are
    built on the thread that asks unless another `builder` is given. Each request is logged on stderr, or
    through `log_to` if given, unless `log` is False."""
    bound = CACHE_BYTES if cache_bytes is None else cache_bytes
    feeds = Feeds(
        schedule, lang, today or clock_of(DEFAULT_TZ), cache_bytes=bound, data_time=data_time,
        builder=builder, max_years=max_years,
    )  # fmt: skip
    logger = (log_to or _stderr) if log else None
    return FeedApp(feeds, trust_proxy=trust_proxy, fallback_host=fallback_host, now=now, log_to=logger)


def served(settings: Settings) -> dict[str, Any]:
    """What a feed server takes from resolved settings (khcal.settings), the same for `khcal serve` and the
    WSGI factory: the schedule of their catalogue, their language, today in their time zone, and when
    their definitions files last changed."""
    import os

    from khcal.api import Calendar

    stamps = [os.stat(p).st_mtime for p in settings.files if os.path.isfile(p)]
    return {
        "schedule": Calendar.from_settings(settings).schedule,
        "lang": settings.lang,
        "today": clock_of(settings.tz),
        "data_time": datetime.fromtimestamp(max(stamps), UTC) if stamps else None,
    }
