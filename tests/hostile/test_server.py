"""`khcal serve` under hostile queries: the memory of parsed queries bounded in bytes, over-long queries
refused, a bad value quoted short and escaped, and a failure of khcal logged with its reason while the
client gets a short 500."""

from __future__ import annotations

import http.client
import io
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile.test_fuzz_arguments import values
from khcal.core import definitions
from khcal.core.schedule import Schedule
from khcal.feeds import app, logs
from support.serving import Serving


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def ask_many(port: int, paths: list[str]) -> list[int]:
    """Each path asked on one kept-alive connection (HEAD: the answer's status only)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    statuses = []
    try:
        for path in paths:
            connection.request("HEAD", path)
            response = connection.getresponse()
            response.read()
            statuses.append(response.status)
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    finally:
        connection.close()
    return statuses


@pytest.mark.slow
def test_many_long_distinct_queries_do_not_grow_the_server(tmp_path: Path) -> None:
    """3,000 distinct valid queries of nearly 2,048 characters each (6 MB of query text: the memo keeps at
    most 1 MB of it), 1,000 of 20 KB (414 from khcal, never kept) and 300 of 200 KB (431 from waitress,
    never held): the server's memory grows by a few MB at most."""
    server = Serving(tmp_path)
    try:
        ask_many(server.port, ["/khcal.ics", "/khcal.ics?lang=km"])  # the feeds built: their memory taken
        before = rss_kb(server.process.pid)
        padded = [
            f"/khcal.ics?lang={'%20' * (600 - n % 600)}en&holidays={'%20' * (n // 600)}1" for n in range(3000)
        ]
        assert all(len(p.partition("?")[2]) <= app.MAX_QUERY for p in padded)
        assert len(set(padded)) == 3000
        assert set(ask_many(server.port, padded)) == {200}
        longer = [f"/khcal.ics?lang=en&x{n}={'y' * 20_000}" for n in range(1000)]
        assert set(ask_many(server.port, longer)) == {414}
        longest = [f"/khcal.ics?lang=en&x{n}={'y' * 200_000}" for n in range(300)]
        assert set(ask_many(server.port, longest)) == {431}
        grown = rss_kb(server.process.pid) - before
        assert grown < 16 * 1024, f"grew by {grown} KB"
        status, _, body = server.request("/khcal.ics?from=" + "9" * 3000)
        assert status == 414
        assert body == b"khcal: bad request: the query is longer than 2048 characters\n"
    finally:
        server.stop()


def test_the_memo_of_parsed_queries_is_bounded_in_bytes() -> None:
    feeds = app.Feeds(Schedule(definitions.load([])), "en", lambda: date(2026, 11, 22))
    for n in range(3000):
        feeds.parsed(f"lang={' ' * (n % 1500)}en&holidays={' ' * (n // 1500)}1")
    held = feeds._parsed.held
    assert held <= app.PARSED_BYTES
    assert held > app.PARSED_BYTES * 3 // 4  # it was filled: the bound, not a count, is what holds it
    assert 300 < len(feeds._parsed) < 1000
    with pytest.raises(app.QueryTooLong):
        feeds.parsed("lang=en&" + "x" * app.MAX_QUERY)


def call(application: Callable[..., list[bytes]], target: str) -> tuple[str, bytes]:
    path, _, query = target.partition("?")
    environ: dict[str, Any] = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8080", "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(), "REMOTE_ADDR": "127.0.0.1",
    }  # fmt: skip
    answer: dict[str, str] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        answer["status"] = status

    body = b"".join(application(environ, start_response))
    return answer["status"], body


@pytest.fixture(scope="module")
def schedule() -> Schedule:
    return Schedule(definitions.load([]))


@pytest.mark.parametrize(
    "query",
    [
        "from=" + "x" * 256_000,
        "from=2026&to=" + "\x1b[31m" * 300,
        "category=" + "z" * 100_000,
        "lang=" + "%1b%5b2J" * 400,
        "alarm=-PT" + "9" * 100_000 + "H",
        "holidays=" + "\u202e" * 300,
    ],
)
def test_a_bad_request_quotes_at_most_a_hundred_characters_escaped(schedule: Schedule, query: str) -> None:
    feeds = app.make_app(schedule, today=lambda: date(2026, 11, 22), log=False)
    status, body = call(feeds, "/khcal.ics?" + query)
    assert status.split()[0] in ("400", "414")
    text = body.decode("utf-8")
    assert text.startswith("khcal: bad request: ") and text.count("\n") == 1
    assert "\x1b" not in text and "\u202e" not in text
    quoted = text.split("'")[1] if "'" in text else ""
    assert len(quoted) <= 100
    assert len(text) < 400


def test_a_failure_is_a_short_500_and_a_log_line_with_its_reason(schedule: Schedule) -> None:
    def failing(options: object) -> Any:
        raise RuntimeError("the disk\x1b[31m is on fire\n" + "!" * 10_000)

    lines: list[str] = []
    feeds = app.make_app(schedule, today=lambda: date(2026, 11, 22), log_to=lines.append, builder=failing)
    status, body = call(feeds, "/khcal.ics?lang=km")
    assert status == "500 Internal Server Error"
    assert body == b"khcal: internal error\n"
    failure, access = lines
    assert failure.startswith(
        'khcal: error answering "GET /khcal.ics?lang=km HTTP/1.1": RuntimeError: the disk'
    )
    assert "\\x1b[31m is on fire\\x0a!!!" in failure
    assert "\x1b" not in failure and "\n" not in failure
    assert len(failure) < 2500
    assert '"GET /khcal.ics?lang=km HTTP/1.1" 500 ' in access


def test_the_server_log_gives_the_reason_of_an_exception_waitress_reports() -> None:
    """Waitress logs an application's exception with its traceback: the log keeps one escaped line with the
    exception's type and message."""
    written = logs.Written()
    try:
        raise ValueError("bad\x1b[2J value")
    except ValueError:
        import sys

        record = logging.LogRecord("waitress", logging.ERROR, __file__, 0, "Exception while serving %s",
                                   ("/khcal.ics",), sys.exc_info())  # fmt: skip
    line = written.handler.format(record)
    assert line == "khcal: waitress: Exception while serving /khcal.ics: ValueError: bad\\x1b[2J value"


# --- hostile queries, fuzzed ----------------------------------------------------------------------------


def _small_feed(options: object) -> Any:
    """A stand-in build: the fuzzing is about reading queries, not about writing feeds."""
    from khcal.feeds.builder import Built

    return Built(b"BEGIN:VCALENDAR\r\n", b"", '"fuzz"')


@pytest.fixture(scope="module")
def fuzzed_app(schedule: Schedule) -> app.FeedApp:
    return app.make_app(schedule, today=lambda: date(2026, 11, 22), log=False, builder=_small_feed)


KEYS = [*app.QUERY_KEYS, "x", "", "lang[]", "from\x00"]


@st.composite
def queries(draw: st.DrawFn) -> str:
    """A query of some of the feed's keys (and a few others), each with a hostile value, percent-escaped
    or not."""
    from urllib.parse import quote

    parts = []
    for _ in range(draw(st.integers(0, 5))):
        key, value = draw(st.sampled_from(KEYS)), draw(values)
        escaped = draw(st.booleans())
        parts.append(f"{quote(key) if escaped else key}={quote(value) if escaped else value}")
    return "&".join(parts)


@settings(max_examples=400, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(query=queries())
def test_hostile_queries_are_answered_or_refused_in_one_line(fuzzed_app: app.FeedApp, query: str) -> None:
    status, body = call(fuzzed_app, "/khcal.ics?" + query)
    code = status.split()[0]
    assert code in ("200", "400", "414"), (query, status, body[:300])
    if code != "200":
        text = body.decode("utf-8")
        assert text.startswith("khcal: bad request: ") and text.count("\n") == 1, text
        assert not any(c in text[:-1] for c in "\x00\x1b\r\u202e"), text
        assert len(text) < 600, text


def test_a_feed_of_more_occurrences_than_a_range_holds_is_a_400_not_a_500(tmp_path: Path) -> None:
    """A valid file of 2,000 observances gives 60,000 occurrences in 30 years: the query asks too much, so
    the client is told (400, one line) and the log holds no failure of khcal's."""
    rule = '{ kind = "fixed", month = 3, day = 14 }'
    text = "".join(
        f'[[observances]]\nid = "o{i}"\nname = "O"\ncategory = "c"\ndescription = "d"\nrule = {rule}\n'
        for i in range(2000)
    )
    (tmp_path / "a.toml").write_text(text, encoding="utf-8")
    big = Schedule(definitions.load([tmp_path / "a.toml"]))
    lines: list[str] = []
    feeds = app.make_app(big, today=lambda: date(2026, 11, 22), log_to=lines.append)
    status, body = call(feeds, "/khcal.ics?from=2101&to=2130")
    assert status == "400 Bad Request"
    assert (
        body
        == b"khcal: bad request: 2101-01-01 to 2130-12-31: more than 50000 occurrences; ask for fewer years\n"
    )
    assert not any("error answering" in line for line in lines)
    assert call(feeds, "/khcal.ics?from=2101&to=2110")[0] == "200 OK"
