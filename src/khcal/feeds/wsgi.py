"""`khcal.feeds.wsgi:application`: the feeds for any WSGI server, e.g. several gunicorn workers.

    gunicorn --workers 4 --bind 127.0.0.1:8000 khcal.feeds.wsgi:application

Configured by the environment, read once when the first request arrives: ``KHCAL_LANG`` (en or km, the
default language of the feeds), ``KHCAL_FILES`` (definitions files merged over the built-in catalogue,
separated by ``:``), ``KHCAL_TRUST_PROXY=1`` (take the index page's links from X-Forwarded-Proto and
X-Forwarded-Host: set it only behind a proxy that sets them). Each worker keeps its own cache.
"""

from __future__ import annotations

import os
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from khcal.feeds.app import FeedApp, StartResponse, make_app

_made: list[FeedApp] = []
_lock = threading.Lock()


def create() -> FeedApp:
    """The application as the environment sets it up (gunicorn: `khcal.feeds.wsgi:create()`)."""
    from khcal.core import definitions
    from khcal.core.schedule import Schedule
    from khcal.errors import KhcalError

    files = [Path(p) for p in os.environ.get("KHCAL_FILES", "").split(os.pathsep) if p]
    lang = os.environ.get("KHCAL_LANG", "") or "en"
    if lang not in ("en", "km"):
        raise KhcalError(f"KHCAL_LANG: '{lang}' is not one of en, km")
    stamps = [f.stat().st_mtime for f in files if f.is_file()]
    data_time = datetime.fromtimestamp(max(stamps), UTC) if stamps else None
    return make_app(
        Schedule(definitions.load(files)),
        lang=lang,
        trust_proxy=os.environ.get("KHCAL_TRUST_PROXY", "") in ("1", "true", "yes"),
        data_time=data_time,
    )


def application(environ: dict[str, Any], start_response: StartResponse) -> list[bytes]:
    """The WSGI entry point: made on the first request, shared by the worker's threads."""
    if not _made:
        with _lock:
            if not _made:
                _made.append(create())
    return _made[0](environ, start_response)
