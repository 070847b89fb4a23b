"""Building a feed for the server: its bytes, gzipped bytes and tag, in this process or in a child.

A 100-year feed takes a second or two of pure Python. Built on one of the server's threads, it holds the
interpreter lock while the event loop and the other threads wait their turn for it at each system call:
every answer slows down while it runs. `InChild` builds in a child process instead, so a build costs the
server nothing but a wait on a pipe, and the memory a build takes (tens of MB) goes back to the system
when the child ends. `InProcess` is for WSGI servers that run several processes of their own (gunicorn).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from khcal.core.schedule import Schedule
from khcal.feeds import ics

BUILDS_PER_CHILD = 4
"""Builds a child makes before a fresh one takes its place, so that no child keeps a past build's peak."""


@dataclass(frozen=True, slots=True)
class Built:
    """One feed ready to send: its body, gzipped body and their tags."""

    body: bytes
    gzipped: bytes
    etag: str

    @property
    def gzip_etag(self) -> str:
        return self.etag[:-1] + '-gz"'


class Builder(Protocol):
    """Builds the feed of some options (of the schedule it was made with); `close` frees what it holds."""

    def __call__(self, options: ics.FeedOptions) -> Built: ...

    def close(self) -> None: ...


def build(schedule: Schedule, options: ics.FeedOptions) -> Built:
    """The feed of `options`: the bytes `khcal export` writes, gzipped too, and their tag."""
    import gzip

    body = ics.build(schedule, options)
    tag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    return Built(body, gzip.compress(body, compresslevel=6, mtime=0), tag)


class InProcess:
    """Builds on the calling thread."""

    def __init__(self, schedule: Schedule) -> None:
        self.schedule = schedule

    def __call__(self, options: ics.FeedOptions) -> Built:
        return build(self.schedule, options)

    def close(self) -> None:
        pass


class InChild:
    """Builds in a child process (one at a time; a broken child is replaced and the build tried again)."""

    def __init__(self, schedule: Schedule, builds_per_child: int = BUILDS_PER_CHILD) -> None:
        self.schedule = schedule
        self.builds_per_child = builds_per_child
        self._closed = False
        self._pool = self._start()

    def _start(self) -> Any:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # A fork server starts clean, before any thread of the server, and has khcal's feed code loaded
        # already, so each child starts in milliseconds; elsewhere a child starts from nothing.
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            context.set_forkserver_preload(["khcal.feeds.builder", "khcal.feeds.ics", "icalendar"])
        return ProcessPoolExecutor(
            max_workers=1,
            mp_context=context,
            initializer=_adopt,
            initargs=(self.schedule,),
            max_tasks_per_child=self.builds_per_child,
        )

    def __call__(self, options: ics.FeedOptions) -> Built:
        from concurrent.futures.process import BrokenProcessPool

        try:
            built: Built = self._pool.submit(_build_adopted, options).result()
        except BrokenProcessPool:  # the child died (killed, out of memory): once more with a new one
            if self._closed:
                raise
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._start()
            built = self._pool.submit(_build_adopted, options).result()
        return built

    def close(self) -> None:
        """Stop the child once its build in progress, if any, is done."""
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)


_ADOPTED: list[Schedule] = []
"""In a child: the schedule it builds from, sent once when it starts."""


def _adopt(schedule: Schedule) -> None:
    import signal

    # Ctrl-C at the terminal reaches the whole process group: the server stops its children itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _ADOPTED[:] = [schedule]


def _build_adopted(options: ics.FeedOptions) -> Built:
    return build(_ADOPTED[0], options)


def release_memory() -> None:
    """Hand the memory a build freed back to the system (glibc keeps it otherwise); elsewhere nothing."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    import ctypes

    try:
        trim: Callable[[int], int] = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None
    return trim
