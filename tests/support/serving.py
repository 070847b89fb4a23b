"""`khcal serve` as the tests run it: a real process on a loopback port, with today read from a file.

As a script (`python tests/support/serving.py [--trust-proxy] [--host H] [--two-addresses]`) it runs
`khcal.feeds.server.run` on the built-in catalogue in English, port 0, today and the clock read from the
file KHCAL_TEST_TODAY names. `--two-addresses` makes `localhost` resolve to 127.0.0.1 and ::1 (as it does
on many systems) whatever this machine's hosts file says. `Serving` starts it, reads the address it
announces, and stops it (SIGTERM, then SIGKILL: bounded).
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from datetime import time as clock_time
from pathlib import Path
from typing import IO, Any

from khcal.core import definitions
from khcal.core.schedule import Schedule

TODAY = date(2026, 11, 22)


def fetch(
    port: int, path: str, method: str = "GET", headers: dict[str, str] | None = None, host: str = "127.0.0.1"
) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection(host, port, timeout=10)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        connection.close()


def write_today(path: Path, day: date) -> None:
    """Write the server's today in one step (a new file renamed over the old one), so that the server, which
    may read it at any moment from another thread, never sees it half-written (empty)."""
    fresh = path.with_name(path.name + ".new")
    fresh.write_text(day.isoformat(), encoding="utf-8")
    os.replace(fresh, path)


class Answering:
    """A server on loopback whose today is a file it reads: set `today`, send a `request`."""

    _today_file: Path
    port: int
    process: subprocess.Popen[Any]

    def end(self) -> int:
        """SIGTERM, and SIGKILL if the server has not ended within 15 s: its exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(15)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(5)
        return self.process.returncode

    @property
    def today(self) -> date:
        return date.fromisoformat(self._today_file.read_text().strip())

    @today.setter
    def today(self, day: date) -> None:
        write_today(self._today_file, day)

    def request(
        self, path: str, method: str = "GET", headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        return fetch(self.port, path, method, headers)


class Serving(Answering):
    """`khcal serve` in a process of its own on 127.0.0.1 and a free port, with a `today` to change."""

    def __init__(self, folder: Path, *args: str, stderr: int | IO[Any] | None = None) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._today_file = folder / "today"
        self.today = TODAY
        self.log_file = folder / "serve.log"
        env = {**os.environ, "KHCAL_TEST_TODAY": str(self._today_file), "PYTHONUNBUFFERED": "1"}
        with self.log_file.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, __file__, *args],
                stdout=subprocess.PIPE, stderr=log if stderr is None else stderr, env=env,
            )  # fmt: skip
        assert self.process.stdout is not None
        self.announced = self.process.stdout.readline().decode()
        if not self.announced.startswith("khcal: serving http://"):
            self.stop()
            raise AssertionError(f"khcal serve did not start: {self.announced!r} {self.log_file.read_text()}")
        self.port = int(self.announced.split()[2].split("/")[2].rsplit(":", 1)[1])

    @functools.cached_property
    def schedule(self) -> Schedule:
        """What the server serves: the built-in catalogue."""
        return Schedule(definitions.load([]))

    def logged(self, capsys: object = None) -> str:
        time.sleep(0.3)  # the log's own thread writes the lines after the answers
        return self.log_file.read_text(encoding="utf-8", errors="replace")

    def threads(self) -> int:
        return len(os.listdir(f"/proc/{self.process.pid}/task"))

    def open_files(self) -> int:
        """The server's open file descriptors: its sockets, one for each connection it has accepted."""
        return len(os.listdir(f"/proc/{self.process.pid}/fd"))

    def stop(self) -> int:
        """SIGTERM, and SIGKILL if it has not ended within 15 s: the exit status."""
        try:
            return self.end()
        finally:
            if self.process.stdout is not None:
                self.process.stdout.close()


def descendants(pid: int) -> list[int]:
    """The processes started by `pid`, and theirs, now (from /proc)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        children = parents.get(todo.pop(), [])
        found += children
        todo += children
    return found


def many_at_once(port: int, count: int, path: str = "/", within: float = 30) -> tuple[int, float]:
    """`count` connections opened at once, each sending one request (Connection: close) and reading its
    answer to the end: (how many got a 200, seconds until the last answer). Bounded by `within` seconds."""
    import selectors

    started = time.perf_counter()
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
    chooser = selectors.DefaultSelector()
    answers: dict[socket.socket, bytearray] = {}
    for _ in range(count):
        sock = socket.socket()
        sock.setblocking(False)
        sock.connect_ex(("127.0.0.1", port))
        answers[sock] = bytearray()
        chooser.register(sock, selectors.EVENT_WRITE)
    pending = len(answers)
    while pending and time.perf_counter() - started < within:
        for key, events in chooser.select(timeout=0.5):
            sock = key.fileobj
            assert isinstance(sock, socket.socket)
            if events & selectors.EVENT_WRITE:
                with contextlib.suppress(OSError):
                    sock.send(request)  # small: one send takes it
                chooser.modify(sock, selectors.EVENT_READ)
                continue
            try:
                data = sock.recv(65536)
            except OSError:
                data = b""
            answers[sock] += data
            if not data:
                chooser.unregister(sock)
                pending -= 1
    taken = time.perf_counter() - started
    for sock in answers:
        sock.close()
    chooser.close()
    return sum(1 for a in answers.values() if a.startswith(b"HTTP/1.1 200 ")), taken


def pipeline_and_never_read(port: int, long_feeds: int = 4, small: int = 300) -> socket.socket:
    """A client that sends, in one write, `long_feeds` different 30-year feeds and `small` requests for the
    default feed, and never reads: the socket, to be closed by the caller."""
    paths = [f"/khcal.ics?from=2000&to=2029&alarm=-PT{h}H" for h in range(1, long_feeds + 1)]
    paths += ["/khcal.ics"] * small
    data = b"".join(f"GET {p} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode() for p in paths)
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.sendall(data)
    return sock


def _two_addresses() -> None:
    """`localhost` as 127.0.0.1 and ::1, whatever the hosts file says."""
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host != "localhost":
            return real(host, port, *args, **kwargs)
        return real("127.0.0.1", port, *args, **kwargs) + real("::1", port, *args, **kwargs)

    socket.getaddrinfo = getaddrinfo


def main(args: list[str]) -> None:
    from khcal.feeds import server

    path = Path(os.environ["KHCAL_TEST_TODAY"])

    def today() -> date:
        return date.fromisoformat(path.read_text(encoding="utf-8").strip())

    def now() -> datetime:
        return datetime.combine(today(), clock_time(12), tzinfo=UTC)

    if "--two-addresses" in args:
        _two_addresses()
    host = args[args.index("--host") + 1] if "--host" in args else "127.0.0.1"
    try:
        made = server.make_server(
            Schedule(definitions.load([])), host=host, port=0, lang="en", today=today, now=now,
            trust_proxy="--trust-proxy" in args,
        )  # fmt: skip
        server.run(made)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main(sys.argv[1:])
