"""`khcal serve` under load, by behaviour: feeds already built are answered by the event loop while a build
runs, pipelined answers keep their order, a burst of connections is let in at once, and builds happen in a
child process that is replaced when it dies. Real sockets on the loopback interface only."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from khcal.core import definitions as catalogue
from khcal.core.schedule import Schedule
from khcal.feeds import app, builder, ics, server

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def schedule() -> Schedule:
    return Schedule(catalogue.load([]))


class Held:
    """A builder that waits for `release` before building, and says when a build has started."""

    def __init__(self, schedule: Schedule) -> None:
        self.schedule = schedule
        self.started = threading.Event()
        self.release = threading.Event()

    def __call__(self, options: ics.FeedOptions) -> builder.Built:
        self.started.set()
        assert self.release.wait(30)
        return builder.build(self.schedule, options)

    def close(self) -> None:
        self.release.set()


@pytest.fixture
def running(schedule: Schedule) -> Iterator[server.Server]:
    httpd = server.make_server(schedule, host="127.0.0.1", port=0, lang="en", today=lambda: TODAY, threads=1)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd
    httpd.app.feeds.builder.close()
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def test_ready_says_which_answers_need_no_build(schedule: Schedule) -> None:
    application = app.make_app(schedule, today=lambda: TODAY, log=False)
    assert application.ready("GET", "/", "") == 0  # the page
    assert application.ready("GET", "/elsewhere", "") == 0  # 404
    assert application.ready("POST", "/khcal.ics", "") == 0  # 405
    assert application.ready("GET", "/khcal.ics", "lang=xx") == 0  # 400
    assert application.ready("GET", "/khcal.ics", "") is None  # not built yet
    body, _ = application.feeds.feed(application.feeds.parsed(""))
    assert application.ready("GET", "/khcal.ics", "") == len(body)
    assert application.ready("HEAD", "/khcal.ics", "") == len(body)
    assert application.ready("GET", "/khcal.ics", "from=2030") is None


def test_built_feeds_are_answered_while_the_only_worker_builds(running: server.Server) -> None:
    port = running.server_address[1]
    status, built = get(port, "/khcal.ics")  # built (in a child) and kept
    assert status == 200
    held = Held(running.app.feeds.schedule)
    running.app.feeds.builder = held
    cold: list[int] = []
    waiting = threading.Thread(target=lambda: cold.append(get(port, "/khcal.ics?from=2030")[0]))
    waiting.start()
    try:
        assert held.started.wait(30)  # the one worker thread is busy building
        assert get(port, "/khcal.ics") == (200, built)
        assert get(port, "/")[0] == 200
        assert get(port, "/khcal.ics?lang=xx")[0] == 400
        assert not cold
    finally:
        held.release.set()
        waiting.join(30)
    assert cold == [200]


def test_pipelined_answers_keep_their_order(running: server.Server) -> None:
    port = running.server_address[1]
    assert get(port, "/khcal.ics")[0] == 200
    paths = [
        "/khcal.ics?from=2031",
        "/khcal.ics",
        "/",
        "/nowhere",
        "/khcal.ics?from=2031&lang=km",
        "/khcal.ics",
    ]
    sent = "".join(f"GET {p} HTTP/1.1\r\nHost: x\r\n\r\n" for p in paths)
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(sent.encode() + b"GET /khcal.ics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        received = b""
        while chunk := sock.recv(1 << 16):
            received += chunk
    statuses = re.findall(rb"HTTP/1\.1 (\d{3}) ", received)
    assert statuses == [b"200", b"200", b"200", b"404", b"200", b"200", b"200"]
    calendars = received.count(b"BEGIN:VCALENDAR")
    assert calendars == 5
    # The first answer is the 2031 feed, built in a worker while the next ones waited for their turn.
    first = received.index(b"BEGIN:VCALENDAR")
    assert b"DTSTART;VALUE=DATE:2031" in received[first : received.index(b"END:VCALENDAR", first)]


def test_a_burst_of_connections_is_let_in_and_served(running: server.Server) -> None:
    port = running.server_address[1]
    assert get(port, "/khcal.ics")[0] == 200
    opened = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(600)]
    try:
        started = time.monotonic()
        for sock in opened:
            sock.sendall(b"GET /khcal.ics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        answered = 0
        for sock in opened:
            head = sock.recv(64)
            answered += head.startswith(b"HTTP/1.1 200")
        assert answered == len(opened)
        assert time.monotonic() - started < 20  # a generous bound: the point is that none is left waiting
    finally:
        for sock in opened:
            sock.close()


def test_a_child_builds_the_same_bytes_and_a_dead_one_is_replaced(schedule: Schedule) -> None:
    options = ics.FeedOptions(
        first_year=2026, last_year=2027, lang="km", holidays=True, categories=(), alarm=None
    )
    here = builder.build(schedule, options)
    child = builder.InChild(schedule, builds_per_child=10)
    try:
        assert child(options) == here
        pids = [p.pid for p in child._pool._processes.values()]
        assert pids and os.getpid() not in pids
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
        for _ in range(100):  # until the pool has seen its child die (bounded: 10 s)
            if child._pool._broken:
                break
            time.sleep(0.1)
        assert child(options) == here  # a new child
    finally:
        child.close()


def test_every_builder_gives_what_the_export_writes(schedule: Schedule) -> None:
    options = ics.FeedOptions(
        first_year=2026, last_year=2026, lang="en", holidays=False, categories=(), alarm=None
    )
    built: Any = builder.InProcess(schedule)(options)
    assert built.body == ics.build(schedule, options)
    assert built.etag != built.gzip_etag


def test_a_request_the_fast_lane_cannot_judge_goes_to_a_worker(
    running: server.Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> int | None:
        raise RuntimeError("ready failed")

    monkeypatch.setattr(running.app, "ready", broken)
    status, body = get(running.server_address[1], "/khcal.ics")
    assert status == 200 and body.startswith(b"BEGIN:VCALENDAR")
