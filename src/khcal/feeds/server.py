"""`khcal serve`: the WSGI application of `khcal.feeds.app` on waitress, a server made for the load.

Waitress reads and writes every connection in one event loop and runs the application on a bounded pool of
threads, so idle or slow clients cost a socket, not a thread. What `khcal serve` sets:

- a listen queue of 2,048 (bursts of connections wait instead of being refused), up to ACCEPTS taken from
  it at each turn of the loop;
- a fast lane: a request the application can answer at once (a feed already built, the page, an error) is
  answered by the event loop itself; only one that builds a feed goes to one of ``threads`` workers (8 by
  default), which has it built in a child process (`khcal.feeds.builder.InChild`), so a build never takes
  the interpreter lock from the answers;
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
from collections import deque
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
ACCEPTS = 256
"""Connections taken from the listen queue at each turn of the event loop (waitress takes one): a burst of
thousands is let in within a few turns, each of which visits every open connection."""
SOCKET_OPTIONS = [
    (socket.IPPROTO_TCP, socket.TCP_NODELAY, 1),
    (socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER),
]
"""Each connection's options: no Nagle delay, and a send buffer that takes a whole feed (a 100-year feed
gzipped, a few years plain) in one call from the thread that answered, so the event loop is not needed to
finish the write. The kernel holds the buffer only while a client is slow to read it."""


class _Escaped(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        from khcal.feeds.http import escape_log

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


class _Dispatcher:
    """Waitress's pool of worker threads, with a fast lane: a request the application can answer at once
    (`FeedApp.ready`: a feed already built, the page, an error) is answered by the event loop itself, after
    the loop's current round, instead of crossing to a worker thread and back. Only a request that builds a
    feed goes to a worker, so a build never holds up the others and no thread handoff slows them."""

    def __init__(self, app: FeedApp) -> None:
        from waitress.task import ThreadedTaskDispatcher

        self.app = app
        self.pool = ThreadedTaskDispatcher()
        self.quick: deque[Any] = deque()

    def set_thread_count(self, count: int) -> None:
        self.pool.set_thread_count(count)

    def shutdown(self, cancel_pending: bool = True, timeout: int = 5) -> bool:
        self.quick.clear()
        return bool(self.pool.shutdown(cancel_pending, timeout))

    def add_task(self, channel: Any) -> None:
        """Called with the channel's request lock held (from waitress's reading, or after a request when
        more are queued on the connection): the fast lane only queues it, `answer_quick` serves it."""
        if self._is_quick(channel):
            self.quick.append(channel)
        else:
            self.pool.add_task(channel)

    def _is_quick(self, channel: Any) -> bool:
        request = channel.requests[0]
        if request.error:
            return True
        try:
            size = self.app.ready(request.command, request.path, request.query)
        except Exception:  # a worker will run the application, and answer whatever goes wrong there
            return False
        # The loop must never wait for its own output to drain: what is buffered stays under the mark.
        return size is not None and channel.total_outbufs_len + size < channel.adj.outbuf_high_watermark

    def answer_quick(self) -> None:
        """Answer the requests of the fast lane, on the event loop's thread, and start sending them."""
        while self.quick:
            channel = self.quick.popleft()
            try:
                channel.service()  # answers errors of the application itself, as a worker would
                if channel.connected and channel.total_outbufs_len:
                    channel.handle_write()
            except Exception:  # the loop goes on whatever one connection does
                logging.getLogger("waitress").exception("khcal: could not answer on the event loop")
                channel.close()


class Server:
    """Waitress bound to host:port and not yet serving; `serve_forever` runs it, `shutdown` stops it."""

    def __init__(self, app: FeedApp, host: str, port: int, threads: int = THREADS) -> None:
        from waitress.server import create_server

        _quiet_waitress()
        _one_malloc_arena()
        self.app = app
        self._dispatcher = _Dispatcher(app)
        try:
            self._server: Any = create_server(
                app,
                _dispatcher=self._dispatcher,
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
        self._dispatcher.set_thread_count(threads)
        self._accept_many()
        self._loop_thread: int | None = None
        self._wake_from_other_threads()
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

    def _accept_many(self) -> None:
        """Each time the listening socket is ready, accept up to ACCEPTS connections, not one."""
        server = self._server
        accept_one = server.handle_accept

        def accept_many() -> None:
            for _ in range(ACCEPTS):
                held = len(server._map)
                if held >= server.adj.connection_limit:
                    return
                accept_one()
                if len(server._map) == held:  # nothing was waiting
                    return

        server.handle_accept = accept_many

    def _wake_from_other_threads(self) -> None:
        """Waitress wakes its loop through a pipe whenever an answer is written; from the loop's own thread
        (the fast lane) that is a needless write and turn of the loop a request: only other threads do so."""
        pull = self._server.pull_trigger

        def pull_trigger() -> None:
            if threading.get_ident() != self._loop_thread:
                pull()

        self._server.pull_trigger = pull_trigger

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Serve until `shutdown` (from another thread) or SystemExit (from a signal handler)."""
        from waitress import wasyncore

        server = self._server
        self._loop_thread = threading.get_ident()
        try:
            while not self._stopping.is_set():
                wasyncore.loop(timeout=poll_interval, map=server._map, use_poll=True, count=1)
                self._dispatcher.answer_quick()
        finally:
            for channel in list(server._map.values()):
                if channel is not server and channel is not server.trigger:
                    channel.close()
            self.server_close()
            server.task_dispatcher.shutdown(timeout=5)
            self.app.feeds.builder.close()
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
    from khcal.feeds.builder import InChild

    app = make_app(
        schedule, lang=lang, today=today, trust_proxy=trust_proxy, data_time=data_time, now=now,
        cache_bytes=cache_bytes, builder=InChild(schedule),
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
