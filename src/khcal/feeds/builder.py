"""Building a feed for the server: its bytes, gzipped bytes and tag, on the thread that asks for it.

The server bounds the years of one feed (`khcal.feeds.app.MAX_YEARS`) and builds one at a time, so that a
build holds the interpreter lock only briefly beside the answers; `release_memory` gives back to the system
what a build freed.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from khcal.core.schedule import Schedule
from khcal.feeds import ics


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
