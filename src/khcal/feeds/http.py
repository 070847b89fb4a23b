"""HTTP's small rules, apart from what is served: content negotiation, conditional requests, plain-text
answers and the access log's one escaped line."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any


def accepts_gzip(header: str) -> bool:
    """True when an Accept-Encoding header allows gzip (a q of 0 refuses it)."""
    for item in header.split(","):
        name, _, params = item.strip().partition(";")
        if name.strip().lower() not in ("gzip", "x-gzip", "*"):
            continue
        q = params.strip().lower().replace(" ", "")
        if q.startswith("q="):
            try:
                return float(q[2:]) > 0
            except ValueError:
                return False
        return True
    return False


def not_modified(environ: dict[str, Any], tags: Iterable[str], modified: datetime) -> bool:
    """True when the client's copy (by If-None-Match, else If-Modified-Since) is current."""
    match = environ.get("HTTP_IF_NONE_MATCH")
    if match is not None:
        sent = [t.strip().removeprefix("W/") for t in match.split(",")]
        return "*" in sent or any(tag in sent for tag in tags)
    since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if since is None:
        return False
    try:
        when = parsedate_to_datetime(since)
    except (TypeError, ValueError, IndexError):
        return False
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return modified <= when


_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f"\\]')


def escape_log(text: str) -> str:
    """Control characters, quotes and backslashes as escapes: a log line stays one honest line."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def write_log(record: str) -> None:
    """One line to stderr in one write: lines of concurrent requests never mix, and no stream lock is held
    (a lock the event loop and every thread would queue on). A closed or full stderr loses the line only."""
    data = record.encode("utf-8", "backslashreplace")
    try:
        fd = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):  # replaced by an object without a descriptor
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(record)
        return
    with contextlib.suppress(OSError):
        os.write(fd, data)


def typed(content_type: str) -> list[tuple[str, str]]:
    return [("Content-Type", f"{content_type}; charset=utf-8"), ("X-Content-Type-Options", "nosniff")]


def text_answer(
    status: str, text: str, extra: list[tuple[str, str]] | None = None
) -> tuple[str, list[tuple[str, str]], bytes]:
    body = text.encode("utf-8")
    return status, [*typed("text/plain"), ("Content-Length", str(len(body))), *(extra or [])], body
