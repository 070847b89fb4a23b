"""The gate of `khcal serve`'s feed builds: a few at once, a few more waiting, the rest told to ask again.

A build holds all of its feed in memory while it runs, so builds take turns; requests for feeds already
built never wait behind them (`khcal.feeds.app`).
"""

from __future__ import annotations

import threading

BUILDS = 1
"""Feeds built at once (a build holds all of its feed in memory while it runs); other builds wait their
turn."""
WAITING = 2
"""Requests that may wait for their turn to build; more get 503 and Retry-After, so that requests for
feeds already built always find a free thread."""


class Busy(Exception):
    """Too many feeds being built or waiting to be: ask again in a few seconds."""


class BuildGate:
    """At most `builds` builds at once and `waiting` requests waiting for their turn; others are Busy."""

    def __init__(self, builds: int = BUILDS, waiting: int = WAITING) -> None:
        self._turns = threading.BoundedSemaphore(builds)
        self._waiting = 0
        self._most = waiting
        self._lock = threading.Lock()

    def __enter__(self) -> None:
        if self._turns.acquire(blocking=False):
            return
        with self._lock:
            if self._waiting >= self._most:
                raise Busy()
            self._waiting += 1
        try:
            if not self._turns.acquire(timeout=60):
                raise Busy()
        finally:
            with self._lock:
                self._waiting -= 1

    def __exit__(self, *exc: object) -> None:
        self._turns.release()
