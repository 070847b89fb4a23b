"""`khcal serve`: the WSGI application of `khcal.feeds.app` on waitress, a server made for the load.

Waitress reads and writes every connection in one event loop and runs the application on a bounded pool of
threads, so idle or slow clients cost a socket, not a thread. What `khcal serve` sets:

- a listen queue of 2,048 (bursts of connections wait instead of being refused);
- ``threads`` workers (8 by default) for the application, whatever the number of connections;
- idle connections closed after 30 s (``channel_timeout``); up to ``connection_limit`` connections open at
  once, within the process's file limit (raised to its hard limit at start);
- a client hanging up costs nothing but its socket: no traceback; waitress's own warnings go to stderr
  as one escaped line each.

What "today" is comes from the caller (a function), so that the default range follows the calendar while
the server runs and tests can pin it.
"""

from __future__ import annotations

import logging
import signal
import socket
import sys
import threading
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from khcal.core.schedule import Schedule
from khcal.errors import KhcalError
from khcal.feeds.app import FEED_PATH, BadRequest, FeedApp, Feeds, make_app, utc_now
from khcal.feeds.pages import host_port

__all__ = ["FEED_PATH", "BadRequest", "FeedApp", "Feeds", "Server", "make_server", "run", "url_of"]

THREADS = 8
BACKLOG = 2048
CHANNEL_TIMEOUT = 30
CONNECTION_LIMIT = 8192
SEND_BUFFER = 1024 * 1024
SOCKET_OPTIONS = [
    (socket.IPPROTO_TCP, socket.TCP_NODELAY, 1),
    (socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER),
]
"""Each connection's options: no Nagle delay, and a send buffer that takes a whole feed (a 100-year feed
gzipped, a few years plain) in one call from the thread that answered, so the event loop is not needed to
finish the write. The kernel holds the buffer only while a client is slow to read it."""


class _Escaped(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        from khcal.feeds.app import escape_log

        return "khcal: waitress: " + escape_log(record.getMessage())


def _quiet_waitress() -> None:
    """Waitress's warnings (a deep queue, an application error) as one escaped line on stderr each."""
    logger = logging.getLogger("waitress")
    if not any(isinstance(h.formatter, _Escaped) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(_Escaped())
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)


def _one_malloc_arena() -> None:
    """One glibc malloc arena for all threads (set before any starts): memory freed by a feed build on one
    thread is reused by the next build on another instead of each thread keeping its own peak."""
    import contextlib
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").mallopt(-8, 1)  # M_ARENA_MAX


def _open_file_limit() -> int:
    """Raise the soft limit of open files to the hard one; the connections waitress may keep open."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if hard == resource.RLIM_INFINITY or hard > soft:
            wanted = 65536 if hard == resource.RLIM_INFINITY else hard
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
    except (ImportError, ValueError, OSError):
        return 1024
    return int(max(64, min(CONNECTION_LIMIT, soft - 64)))


class Server:
    """Waitress bound to host:port and not yet serving; `serve_forever` runs it, `shutdown` stops it."""

    def __init__(self, app: FeedApp, host: str, port: int, threads: int = THREADS) -> None:
        from waitress.server import create_server

        _quiet_waitress()
        _one_malloc_arena()
        self.app = app
        try:
            self._server: Any = create_server(
                app,
                host=host,
                port=port,
                threads=threads,
                backlog=BACKLOG,
                channel_timeout=CHANNEL_TIMEOUT,
                connection_limit=_open_file_limit(),
                cleanup_interval=10,
                asyncore_use_poll=True,
                clear_untrusted_proxy_headers=False,
                expose_tracebacks=False,
                ident="khcal",
            )
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise KhcalError("error.feeds.listen", host=host, port=str(port), reason=reason) from None
        self._server.adj.socket_options = SOCKET_OPTIONS  # set on each accepted connection
        # A worker thread hands its whole answer to the event loop, which sends it in one call, instead of
        # sending it itself in waitress's 18,000-byte steps (each taking the connection's lock): four times
        # the requests a second on a 76 KB feed. Set on the adjustments, as waitress deprecates the keyword.
        self._server.adj.send_bytes = SEND_BUFFER
        self.server_address = (str(self._server.effective_host), int(self._server.effective_port))
        if app.fallback_host is None:
            app.fallback_host = host_port(*self.server_address)
        self._done = threading.Event()
        self._stopping = threading.Event()
        self._closed = False

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Serve until `shutdown` (from another thread) or SystemExit (from a signal handler)."""
        from waitress import wasyncore

        server = self._server
        try:
            while not self._stopping.is_set():
                wasyncore.loop(timeout=poll_interval, map=server._map, use_poll=True, count=1)
        finally:
            for channel in list(server._map.values()):
                if channel is not server and channel is not server.trigger:
                    channel.close()
            self.server_close()
            server.task_dispatcher.shutdown(timeout=5)
            self._done.set()

    def shutdown(self) -> None:
        """Stop serving (from another thread) and wait for the loop to end."""
        self._stopping.set()
        self._done.wait(10)

    def server_close(self) -> None:
        """Close the listening socket and its trigger (once)."""
        if not self._closed:
            self._closed = True
            self._server.close()


def make_server(
    schedule: Schedule,
    *,
    host: str,
    port: int,
    lang: str,
    today: Callable[[], date],
    trust_proxy: bool = False,
    threads: int = THREADS,
    cache_bytes: int | None = None,
    data_time: datetime | None = None,
    now: Callable[[], datetime] = utc_now,
) -> Server:
    """A server bound to host:port (port 0: a free one), not yet serving."""
    app = make_app(
        schedule, lang=lang, today=today, trust_proxy=trust_proxy, data_time=data_time, now=now,
        cache_bytes=cache_bytes,
    )  # fmt: skip
    return Server(app, host, port, threads)


def url_of(server: Any) -> str:
    """http://HOST:PORT of a bound server, with a reachable address for 0.0.0.0."""
    host, port = server.server_address[:2]
    return f"http://{host_port(str(host), int(port))}"


class _Stop(SystemExit):
    """Raised by the signal handlers: waitress's loop ends on SystemExit."""


def run(
    schedule: Schedule,
    *,
    host: str,
    port: int,
    lang: str,
    today: Callable[[], date],
    trust_proxy: bool = False,
    threads: int = THREADS,
    cache_bytes: int | None = None,
    data_time: datetime | None = None,
) -> None:
    """Serve until Ctrl-C (KeyboardInterrupt, exit 130 by the caller) or SIGTERM (a clean return)."""
    server = make_server(
        schedule, host=host, port=port, lang=lang, today=today, trust_proxy=trust_proxy,
        threads=threads, cache_bytes=cache_bytes, data_time=data_time,
    )  # fmt: skip
    base = url_of(server)
    received: list[int] = []

    def stop(signum: int, frame: object) -> None:
        received.append(signum)
        raise _Stop()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        # Announced once Ctrl-C and SIGTERM are handled, so that whoever reads it may stop the server.
        print(f"khcal: serving {base}{FEED_PATH} (subscription links at {base}/; Ctrl-C to stop)", flush=True)
        server.serve_forever()
    except _Stop:
        pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        server.server_close()
    print("khcal: stopped", file=sys.stderr, flush=True)
    if signal.SIGINT in received:
        raise KeyboardInterrupt
