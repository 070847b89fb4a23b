"""`khcal serve` as the tests run it: a real process on a loopback port, with today read from a file.

As a script (`python tests/support/serving.py [--trust-proxy] [--host H] [--two-addresses]`) it runs
`khcal.feeds.server.run` on the built-in catalogue in English, port 0, today and the clock read from the
file KHCAL_TEST_TODAY names. `--two-addresses` makes `localhost` resolve to 127.0.0.1 and ::1 (as it does
on many systems) whatever this machine's hosts file says. `Serving` starts it, reads the address it
announces, and stops it (SIGTERM, then SIGKILL: bounded).
"""

from __future__ import annotations

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


class Serving:
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

    @property
    def today(self) -> date:
        return date.fromisoformat(self._today_file.read_text().strip())

    @today.setter
    def today(self, day: date) -> None:
        self._today_file.write_text(day.isoformat())

    def request(
        self, path: str, method: str = "GET", headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        return fetch(self.port, path, method, headers)

    def logged(self, capsys: object = None) -> str:
        time.sleep(0.3)  # the log's own thread writes the lines after the answers
        return self.log_file.read_text(encoding="utf-8", errors="replace")

    def threads(self) -> int:
        return len(os.listdir(f"/proc/{self.process.pid}/task"))

    def stop(self) -> int:
        """SIGTERM, and SIGKILL if it has not ended within 15 s: the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(15)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(5)
            if self.process.stdout is not None:
                self.process.stdout.close()
        return self.process.returncode


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
        server.run(
            Schedule(definitions.load([])), host=host, port=0, lang="en", today=today, now=now,
            trust_proxy="--trust-proxy" in args,
        )  # fmt: skip
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main(sys.argv[1:])
