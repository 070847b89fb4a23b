"""The WSGI application called directly: Last-Modified derived from what the feed is made of, the module
entry point gunicorn runs, and what the index page links to."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest

from khcal.core import definitions as catalogue
from khcal.core.schedule import Schedule
from khcal.feeds import app, builder, http, wsgi

NOW = datetime(2026, 11, 22, 12, tzinfo=UTC)


def call(
    application: Callable[..., list[bytes]], path: str, **headers: str
) -> tuple[str, dict[str, str], bytes]:
    path, _, query = path.partition("?")
    environ: dict[str, Any] = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8080", "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(), **{f"HTTP_{k.upper()}": v for k, v in headers.items()},
    }  # fmt: skip
    answer: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        answer["status"], answer["headers"] = status, {k.lower(): v for k, v in headers}

    body = b"".join(application(environ, start_response))
    return answer["status"], answer["headers"], body


@pytest.fixture(scope="module")
def schedule() -> Schedule:
    return Schedule(catalogue.load([]))


def make(schedule: Schedule, data_time: datetime | None = None) -> app.FeedApp:
    return app.make_app(schedule, today=lambda: NOW.date(), now=lambda: NOW, data_time=data_time, log=False)


def test_last_modified_moves_with_the_files_the_feed_is_made_of(schedule: Schedule) -> None:
    _, plain, _ = call(make(schedule), "/khcal.ics")
    edited = datetime(2026, 11, 22, 8, 30, tzinfo=UTC)  # after the data's revision day began
    _, after_edit, _ = call(make(schedule, edited), "/khcal.ics")
    assert parsedate_to_datetime(after_edit["last-modified"]) == edited
    assert parsedate_to_datetime(plain["last-modified"]) < edited
    # A file stamped in the future (a clock set wrong) never makes Last-Modified later than now.
    _, future, _ = call(make(schedule, datetime(2030, 1, 1, tzinfo=UTC)), "/khcal.ics")
    assert parsedate_to_datetime(future["last-modified"]) == NOW


def test_a_range_in_the_future_is_not_dated_in_the_future(schedule: Schedule) -> None:
    _, headers, _ = call(make(schedule), "/khcal.ics?from=2030&to=2032")
    assert parsedate_to_datetime(headers["last-modified"]).date() == catalogue.load([]).revision


def test_the_module_entry_point_reads_its_settings_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    small = Path(__file__).with_name("golden") / "small.toml"
    monkeypatch.setenv("KHCAL_LANG", "km")
    monkeypatch.setenv("KHCAL_FILES", str(small))
    monkeypatch.setenv("KHCAL_TRUST_PROXY", "1")
    monkeypatch.setattr(wsgi, "_made", [])
    status, headers, body = call(wsgi.application, "/khcal.ics?from=2026&to=2026")
    assert status == "200 OK" and headers["content-type"] == "text/calendar; charset=utf-8"
    assert "ព្រះរាជពិធីបុណ្យអុំទូក".encode() in body.replace(b"\r\n ", b"")  # Khmer, from the small file
    _, _, page = call(wsgi.application, "/", host="127.0.0.1", x_forwarded_host="cal.example.org",
                      x_forwarded_proto="https")  # fmt: skip
    assert b'href="https://cal.example.org/khcal.ics"' in page


def test_head_has_the_headers_of_get_and_no_body(schedule: Schedule) -> None:
    application = make(schedule)
    environ_get = call(application, "/khcal.ics")
    status, headers, body = call(
        lambda environ, start: application({**environ, "REQUEST_METHOD": "HEAD"}, start), "/khcal.ics"
    )
    assert status == "200 OK" and body == b""
    assert headers["content-length"] == environ_get[1]["content-length"]


def test_escaped_log_lines() -> None:
    assert http.escape_log('GET /\x1b[2J\x07"x" HTTP/1.1') == "GET /\\x1b[2J\\x07\\x22x\\x22 HTTP/1.1"


def test_today_moves_the_default_range(schedule: Schedule) -> None:
    days = [date(2026, 12, 31), date(2027, 1, 1)]
    application = app.make_app(schedule, today=lambda: days[0], now=lambda: NOW, log=False)
    _, before, _ = call(application, "/khcal.ics")
    days[0] = days[1]
    _, after, _ = call(application, "/khcal.ics")
    assert before["etag"] != after["etag"]


def test_builds_waiting_their_turn_are_bounded_and_others_get_503(schedule: Schedule) -> None:
    import threading

    application = make(schedule)
    application.feeds.gate = app.BuildGate(builds=1, waiting=1)
    call(application, "/khcal.ics")  # built and kept
    release, started = threading.Event(), threading.Event()
    real_build = application.feeds.builder

    def slow_build(options: Any) -> builder.Built:
        started.set()
        release.wait(30)
        return real_build(options)

    answers: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(application.feeds, "builder", slow_build)
        first = threading.Thread(target=lambda: answers.append(call(application, "/khcal.ics?lang=km")[0]))
        first.start()
        assert started.wait(30)
        second = threading.Thread(target=lambda: answers.append(call(application, "/khcal.ics?from=2030")[0]))
        second.start()
        for _ in range(3000):  # until the second request waits for its turn (bounded)
            if application.feeds.gate._waiting == 1:
                break
            threading.Event().wait(0.01)
        status, headers, body = call(application, "/khcal.ics?from=2040")
        assert status == "503 Service Unavailable" and headers["retry-after"] == "5"
        assert body.decode().count("\n") == 1
        # A feed already built is answered at once meanwhile.
        assert call(application, "/khcal.ics")[0] == "200 OK"
        release.set()
        first.join(30)
        second.join(30)
    assert answers == ["200 OK", "200 OK"]


class Counting:
    """A builder that counts its builds."""

    def __init__(self, schedule: Schedule) -> None:
        self.schedule = schedule
        self.built: list[tuple[int, int, str]] = []

    def __call__(self, options: Any) -> builder.Built:
        self.built.append((options.first_year, options.last_year, options.lang))
        return builder.build(self.schedule, options)

    def close(self) -> None:
        pass


def test_the_feeds_the_page_links_are_built_ahead_and_then_served_without_a_build(schedule: Schedule) -> None:
    from khcal.feeds.pages import LINKED_QUERIES

    counting = Counting(schedule)
    application = app.make_app(schedule, today=lambda: NOW.date(), log=False, builder=counting)
    application.feeds.warm()
    assert len(counting.built) == len(LINKED_QUERIES) == 5
    for query in LINKED_QUERIES:
        assert call(application, f"/khcal.ics?{query}")[0] == "200 OK"
    assert len(counting.built) == 5


def test_a_query_of_more_years_than_the_bound_is_refused_before_any_build(schedule: Schedule) -> None:
    counting = Counting(schedule)
    application = app.make_app(schedule, today=lambda: NOW.date(), log=False, builder=counting, max_years=5)
    status, _, body = call(application, "/khcal.ics?from=2026&to=2031")
    assert status == "400 Bad Request" and counting.built == []
    assert body == (
        b"khcal: bad request: from 2026 to 2031: this server gives at most 5 years in one feed "
        b"(khcal export writes longer ones)\n"
    )
    assert call(application, "/khcal.ics?from=2026&to=2030")[0] == "200 OK"


def test_log_lines_are_dropped_not_waited_for_when_the_writer_is_behind() -> None:
    import logging
    import time

    from khcal.feeds import logs

    written = logs.Written(size=3)  # its writer thread not started: nothing takes lines off the queue
    logger = logging.getLogger("khcal.test-dropped")
    logger.addHandler(written.handler)
    logger.propagate = False
    try:
        started = time.perf_counter()
        for number in range(100):
            logger.warning("line %d", number)
        assert time.perf_counter() - started < 1
    finally:
        logger.removeHandler(written.handler)
    assert written.queue.qsize() == 3
    first = written.queue.get_nowait()
    assert first is not None and first.getMessage() == "khcal: khcal.test-dropped: line 0"
