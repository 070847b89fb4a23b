"""`khcal serve`: the feed over HTTP, for phones and calendar apps to subscribe to.

The standard library's http.server is enough: two generated resources, no files read from disk.

- ``/khcal.ics``: the feed, built by the same function as ``khcal export`` (``ics.build``); the query takes
  the export options: ``lang``, ``holidays``, ``category`` (repeatable), ``from``, ``to``, ``alarm``.
  ``ETag`` (a hash of the body) and ``Last-Modified`` (the data's revision date, or 1 January of the first
  year when the default range has moved past it) let clients ask again cheaply: a matching
  ``If-None-Match`` or ``If-Modified-Since`` gets ``304 Not Modified``.
- ``/``: a small page with the subscription links (webcal:// and https:// forms).
- Anything else: 404; a bad query: 400 with one line saying what is wrong; other methods: 405.

What "today" is comes from the caller (a function), so that the default range follows the calendar while
the server runs and tests can pin it.
"""

from __future__ import annotations

import hashlib
import html
import re
import signal
import socket
import sys
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlencode, urlsplit

from khcal.core.schedule import Schedule
from khcal.errors import KhcalError
from khcal.feeds import ics

FEED_PATH = "/khcal.ics"
INDEX_PATHS = ("/", "/index.html")
QUERY_KEYS = ("lang", "holidays", "category", "from", "to", "alarm")
MAX_AGE = 3600
"""Seconds a client or proxy may keep a response before asking again (with its ETag)."""
_CACHE_SIZE = 64
_TRUE = ("", "1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")
_HOST_RE = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$")


class BadRequest(KhcalError):
    """A query the feed cannot be built from."""


class Feeds:
    """Builds and keeps feeds by their options; knows nothing of sockets."""

    def __init__(self, schedule: Schedule, lang: str, today: Callable[[], date]) -> None:
        self.schedule = schedule
        self.lang = lang
        self.today = today
        self._cache: dict[ics.FeedOptions, tuple[bytes, str]] = {}
        self._lock = threading.Lock()

    def options(self, query: str) -> ics.FeedOptions:
        """The feed options of a query string; BadRequest says what is wrong with it."""
        try:
            fields = parse_qs(query, keep_blank_values=True, strict_parsing=False, max_num_fields=50)
        except ValueError as exc:
            raise BadRequest(f"query: {exc}") from None
        for key in fields:
            if key not in QUERY_KEYS:
                raise BadRequest(f"unknown parameter '{key}' (known: {', '.join(QUERY_KEYS)})")
        for key in ("lang", "holidays", "from", "to", "alarm"):
            if len(fields.get(key, [])) > 1:
                raise BadRequest(f"parameter '{key}' is given more than once")

        def one(key: str) -> str | None:
            values = fields.get(key)
            return values[0] if values else None

        holidays = False
        if "holidays" in fields:
            text = (one("holidays") or "").strip().lower()
            if text not in _TRUE + _FALSE:
                raise BadRequest(f"holidays: '{one('holidays')}' is not 1 or 0")
            holidays = text in _TRUE
        categories = [
            name.strip() for value in fields.get("category", []) for name in value.split(",") if name.strip()
        ]
        try:
            first, last = ics.year_range(one("from"), one("to"), self.today().year)
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
            raise BadRequest(str(exc).replace("--", "")) from None
        return options

    def feed(self, options: ics.FeedOptions) -> tuple[bytes, str]:
        """The feed's bytes and its ETag."""
        with self._lock:
            found = self._cache.get(options)
            if found is None:
                body = ics.build(self.schedule, options)
                found = (body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')
                if len(self._cache) >= _CACHE_SIZE:
                    self._cache.clear()
                self._cache[options] = found
            return found

    def last_modified(self, options: ics.FeedOptions) -> datetime:
        """When this feed last changed: the data's revision, or the start of its first year if later."""
        day = max(ics.revision(self.schedule.catalogue), date(options.first_year, 1, 1))
        return datetime(day.year, day.month, day.day, tzinfo=UTC)


class Handler(BaseHTTPRequestHandler):
    """Answers GET and HEAD for the feed and the index page; nothing else."""

    server_version = "khcal"
    protocol_version = "HTTP/1.1"
    feeds: ClassVar[Feeds]

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _not_allowed(self) -> None:
        body = b"khcal: only GET and HEAD\n"
        self._send(HTTPStatus.METHOD_NOT_ALLOWED, body, "text/plain", {"Allow": "GET, HEAD"})

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed

    def log_message(self, format: str, *args: Any) -> None:
        sys.stderr.write(f"khcal: {self.address_string()} [{self.log_date_time_string()}] {format % args}\n")
        sys.stderr.flush()

    def _answer(self, *, send_body: bool) -> None:
        parts = urlsplit(self.path)
        if parts.path in INDEX_PATHS:
            if parts.query:
                self._send(HTTPStatus.BAD_REQUEST, b"khcal: the index page takes no query\n", "text/plain")
                return
            page = index_page(self._public_host(), self.feeds.lang).encode("utf-8")
            self._send(HTTPStatus.OK, page, "text/html", send_body=send_body)
            return
        if parts.path != FEED_PATH:
            body = f"khcal: not found; the feed is at {FEED_PATH}\n".encode()
            self._send(HTTPStatus.NOT_FOUND, body, "text/plain", send_body=send_body)
            return
        try:
            options = self.feeds.options(parts.query)
            body, etag = self.feeds.feed(options)
        except BadRequest as exc:
            message = f"khcal: bad request: {exc}\n".encode()
            self._send(HTTPStatus.BAD_REQUEST, message, "text/plain", send_body=send_body)
            return
        modified = self.feeds.last_modified(options)
        headers = {
            "ETag": etag,
            "Last-Modified": format_datetime(modified, usegmt=True),
            "Cache-Control": f"max-age={MAX_AGE}",
            "Content-Disposition": 'inline; filename="khcal.ics"',
        }
        if self._not_modified(etag, modified):
            self._send(HTTPStatus.NOT_MODIFIED, b"", None, headers, send_body=False)
            return
        self._send(HTTPStatus.OK, body, "text/calendar", headers, send_body=send_body)

    def _not_modified(self, etag: str, modified: datetime) -> bool:
        match = self.headers.get("If-None-Match")
        if match is not None:
            tags = [t.strip().removeprefix("W/") for t in match.split(",")]
            return "*" in tags or etag in tags
        since = self.headers.get("If-Modified-Since")
        if since is None:
            return False
        try:
            when = parsedate_to_datetime(since)
        except (TypeError, ValueError, IndexError):
            return False
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return modified <= when

    def _public_host(self) -> str:
        """The host the client used (for the links), if it looks like one; the socket's address otherwise."""
        given = (self.headers.get("Host") or "").strip()
        if given and _HOST_RE.match(given):
            return given
        return url_of(self.server).removeprefix("http://")

    def _send(
        self,
        status: HTTPStatus,
        body: bytes,
        content_type: str | None,
        headers: Mapping[str, str] | None = None,
        *,
        send_body: bool = True,
    ) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", f"{content_type}; charset=utf-8")
            self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status != HTTPStatus.NOT_MODIFIED:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body and body:
            self.wfile.write(body)


_LINKS: tuple[tuple[str, dict[str, str]], ...] = (
    ("Everything (English)", {}),
    ("Days off only", {"holidays": "1"}),
    ("Remembrance days", {"category": "remembrance"}),
    ("Everything in Khmer (ភាសាខ្មែរ)", {"lang": "km"}),
    ("Days off only, in Khmer", {"lang": "km", "holidays": "1"}),
)


def index_page(host: str, lang: str) -> str:
    """The page at /: what to paste into a calendar app to subscribe."""
    rows = []
    for title, query in _LINKS:
        path = FEED_PATH + ("?" + urlencode(query) if query else "")
        webcal = html.escape(f"webcal://{host}{path}")
        https = html.escape(f"https://{host}{path}")
        here = html.escape(f"http://{host}{path}")
        rows.append(
            f"<tr><th>{html.escape(title)}</th>"
            f'<td><a href="{webcal}">{webcal}</a></td>'
            f"<td><code>{https}</code></td>"
            f'<td><a href="{here}">download</a></td></tr>'
        )
    return f"""<!doctype html>
<html lang="{html.escape(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>khcal: Cambodia's holidays for your calendar</title></head>
<body>
<h1>Cambodia's holidays and remembrance days for your calendar</h1>
<p>Subscribe to a feed and your calendar app keeps it up to date. On an iPhone or a Mac, open a
<code>webcal://</code> link. In Google Calendar (Other calendars, From URL) or ICSx5 on Android, paste the
<code>https://</code> form: it works once this server is published behind HTTPS.</p>
<table>
<tr><th>Feed</th><th>webcal:// (iOS, macOS)</th>
<th>https:// (Google Calendar, ICSx5, Outlook)</th><th>File</th></tr>
{chr(10).join(rows)}
</table>
<p>Query options: <code>lang=en|km</code>, <code>holidays=1</code>, <code>category=NAME</code> (repeatable),
<code>from=YYYY</code>, <code>to=YYYY</code> (default: this year and the next two), <code>alarm=-PT15H</code>
(a reminder at 09:00 the day before).</p>
</body>
</html>
"""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False


class _Stop(Exception):
    """Raised by the SIGTERM handler to leave serve_forever."""


def make_server(
    schedule: Schedule, *, host: str, port: int, lang: str, today: Callable[[], date]
) -> ThreadingHTTPServer:
    """A server bound to host:port (port 0: a free one), not yet serving."""
    handler = type("KhcalHandler", (Handler,), {"feeds": Feeds(schedule, lang, today)})
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    server_class = type("KhcalServer", (_Server,), {"address_family": family})
    try:
        server: ThreadingHTTPServer = server_class((host, port), handler)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise KhcalError(f"--host {host} --port {port}: cannot listen there ({reason})") from None
    return server


def url_of(server: Any) -> str:
    """http://HOST:PORT of a bound server."""
    host, port = server.server_address[:2]
    host = host.decode() if isinstance(host, bytes) else str(host)
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def run(
    schedule: Schedule,
    *,
    host: str,
    port: int,
    lang: str,
    today: Callable[[], date],
) -> None:
    """Serve until Ctrl-C (KeyboardInterrupt, exit 130 by the caller) or SIGTERM (a clean return)."""
    server = make_server(schedule, host=host, port=port, lang=lang, today=today)
    base = url_of(server)

    def stop(signum: int, frame: object) -> None:
        raise _Stop()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        # Announced once Ctrl-C and SIGTERM are handled, so that whoever reads it may stop the server.
        print(f"khcal: serving {base}{FEED_PATH} (subscription links at {base}/; Ctrl-C to stop)", flush=True)
        server.serve_forever()
    except _Stop:
        pass
    except KeyboardInterrupt:
        print("khcal: stopped", file=sys.stderr, flush=True)
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
    print("khcal: stopped", file=sys.stderr, flush=True)
