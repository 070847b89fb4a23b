"""`khcal serve`: the WSGI application of `khcal.feeds.app` on waitress, through its documented API only.

Waitress reads and writes every connection in one event loop and runs the application on a pool of
``threads`` worker threads, so idle or slow clients cost a socket, not a thread. khcal tells waitress what
to do only through the arguments of ``waitress.create_server`` (see waitress's "Arguments to
waitress.serve"), and stops it with ``run`` ending on SystemExit and ``close``:

- the sockets, bound here to every address the host name has (``localhost``: 127.0.0.1 and ::1, one port)
  with a 1 MB send buffer, and handed over with ``sockets=``; a listen queue of 2,048 (``backlog``);
- idle connections closed after 30 s (``channel_timeout``); up to ``connection_limit`` connections open at
  once, within the process's file limit (raised to its hard limit at start), watched with ``poll()``
  (``asyncore_use_poll``) so that more than 1,024 of them fit;
- requests whose line and headers exceed 32 KB answered 431 by waitress itself, and bodies over 64 KB 413
  (``max_request_header_size``, ``max_request_body_size``), so that long requests are never held;
- with ``--trust-proxy``, any peer as the proxy whose X-Forwarded-Proto and X-Forwarded-Host are kept
  (``trusted_proxy``, ``trusted_proxy_headers``); waitress drops them otherwise.

The application answers from its bounded cache; a feed not built yet is built by the worker thread that
asked for it (`khcal.feeds.app`: one build at a time, at most 30 years). The default feeds, those the page
at ``/`` links, are built when the server starts, and what lives as long as the server (catalogue,
schedule, code) is frozen out of garbage collection (``gc.freeze``). Log lines (the access log and
waitress's warnings) go through `khcal.feeds.logs`, which never blocks the event loop or a worker on a
full stderr.

What "today" is comes from the caller (a function), so that the default range follows the calendar while
the server runs and tests can pin it.
"""

from __future__ import annotations

import gc
import signal
import socket
import threading
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from khcal.core.schedule import Schedule
from khcal.errors import KhcalError
from khcal.feeds import logs
from khcal.feeds.app import FEED_PATH, BadRequest, FeedApp, Feeds, make_app, utc_now
from khcal.feeds.pages import host_port

__all__ = ["FEED_PATH", "BadRequest", "FeedApp", "Feeds", "Server", "make_server", "run", "url_of"]

THREADS = 8
BACKLOG = 2048
CHANNEL_TIMEOUT = 30
CONNECTION_LIMIT = 8192
HEADER_BYTES = 32 * 1024
"""The most bytes of a request's line and headers together: waitress answers 431 to more, before anything
is kept (its default, 256 KB, let a few hundred long requests hold tens of MB). A query longer than 2,048
characters that fits is answered 414 by the application."""
BODY_BYTES = 64 * 1024
"""The most bytes of a request's body (the feeds take none): waitress answers 413 to more."""
SEND_BUFFER = 1024 * 1024
"""The kernel's send buffer of each connection (set on the listening socket, which the accepted ones
inherit on Linux): a whole feed leaves in one call of the thread that answered instead of a few 16 KB
ones, each a turn of the event loop. The kernel holds it only while a client is slow to read."""


def open_file_limit() -> int:
    """Raise the soft limit of open files to the hard one; the connections the server may then keep."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if hard == resource.RLIM_INFINITY or hard > soft:
            wanted = 65536 if hard == resource.RLIM_INFINITY else hard
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
    except (ImportError, ValueError, OSError):
        return 1000
    return int(max(64, min(CONNECTION_LIMIT, soft - 64)))


def _one_malloc_arena() -> None:
    """One glibc malloc arena for all threads (set before any starts): memory freed by a build on one
    thread is reused by the next build on another instead of each thread keeping its own peak."""
    import contextlib
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").mallopt(-8, 1)  # M_ARENA_MAX


def listen_sockets(host: str, port: int) -> list[socket.socket]:
    """A socket bound to each address of `host` (all on one port: the first one's when `port` is 0)."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (OSError, UnicodeError) as exc:
        raise _cannot_listen(host, port, exc) from None
    addresses = list(dict.fromkeys((family, address[:2]) for family, _, _, _, address in found))
    bound: list[socket.socket] = []
    try:
        for family, (address, _) in addresses:
            sock = socket.socket(family, socket.SOCK_STREAM)
            bound.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)  # the connections' too
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            sock.bind((address, port))
            port = sock.getsockname()[1]
    except OSError as exc:
        for sock in bound:
            sock.close()
        raise _cannot_listen(host, port, exc) from None
    return bound


def _cannot_listen(host: str, port: int, exc: BaseException) -> KhcalError:
    reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
    return KhcalError("error.feeds.listen", host=host, port=str(port), reason=reason)


def _proxy(trust: bool) -> dict[str, str]:
    """Waitress drops X-Forwarded-* headers unless told that the peer is a proxy: with --trust-proxy, any
    peer is, for the two headers the page's links are made from."""
    if not trust:
        return {}
    return {"trusted_proxy": "*", "trusted_proxy_headers": "x-forwarded-proto x-forwarded-host"}


class Server:
    """Waitress listening on host:port, not yet serving: `serve_forever` runs it in the main thread until
    SystemExit or KeyboardInterrupt (a signal handler raises them), `server_close` closes it."""

    def __init__(self, app: FeedApp, host: str, port: int, threads: int = THREADS) -> None:
        import waitress

        _one_malloc_arena()
        self.app = app
        sockets = listen_sockets(host, port)
        self.addresses: list[tuple[str, int]] = [s.getsockname()[:2] for s in sockets]
        self.server_address = self.addresses[0]
        if app.fallback_host is None:
            app.fallback_host = host_port(*self.server_address)
        self._server: Any = waitress.create_server(
            app,
            sockets=sockets,
            threads=threads,
            backlog=BACKLOG,
            channel_timeout=CHANNEL_TIMEOUT,
            cleanup_interval=10,
            connection_limit=open_file_limit(),
            asyncore_use_poll=True,
            max_request_header_size=HEADER_BYTES,
            max_request_body_size=BODY_BYTES,
            ident="khcal",
            expose_tracebacks=False,
            **_proxy(app.trust_proxy),
        )
        self._closed = False

    def warm(self) -> threading.Thread:
        """Build the feeds the page links, on a thread of their own, while the server answers."""
        thread = threading.Thread(target=self.app.feeds.warm, name="khcal-warm", daemon=True)
        thread.start()
        return thread

    def serve_forever(self) -> None:
        """Serve until SystemExit or KeyboardInterrupt is raised in this thread (waitress's `run`)."""
        self._server.run()

    def server_close(self) -> None:
        """Close the listening sockets and stop the worker threads (once)."""
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
    """A server bound to host:port (port 0: a free one), not yet serving; it logs through `logs`."""
    app = make_app(
        schedule, lang=lang, today=today, trust_proxy=trust_proxy, data_time=data_time, now=now,
        cache_bytes=cache_bytes, log_to=logs.access,
    )  # fmt: skip
    return Server(app, host, port, threads)


def url_of(server: Server, address: tuple[str, int] | None = None) -> str:
    """http://HOST:PORT of a bound server (or of one of its addresses), reachable for 0.0.0.0."""
    host, port = address or server.server_address
    return f"http://{host_port(str(host), int(port))}"


class _Stop(SystemExit):
    """Raised by the signal handlers: waitress's `run` ends on SystemExit."""


def run(server: Server) -> None:
    """Serve until Ctrl-C (KeyboardInterrupt, exit 130 by the caller) or SIGTERM (a clean return)."""
    written = logs.start()
    try:
        interrupted = _serve(server)
    finally:
        written.stop("khcal: stopped")
    if interrupted:
        raise KeyboardInterrupt


def _serve(server: Server) -> bool:
    """Serve until SIGINT (True) or SIGTERM (False), then close the server."""
    received: list[int] = []

    def stop(signum: int, frame: object) -> None:
        received.append(signum)
        raise _Stop()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        gc.freeze()  # the catalogue, schedule and code live as long as the server: collections skip them
        server.warm()
        base = url_of(server)
        also = "".join(f", {url_of(server, a)}{FEED_PATH}" for a in server.addresses[1:])
        # Announced once Ctrl-C and SIGTERM are handled, so that whoever reads it may stop the server.
        print(f"khcal: serving {base}{FEED_PATH}{also} (subscription links at {base}/; Ctrl-C to stop)",
              flush=True)  # fmt: skip
        server.serve_forever()
    except _Stop:
        pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        server.server_close()
    return signal.SIGINT in received
