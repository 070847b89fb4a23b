"""`khcal.feeds.wsgi:application`: the feeds for any WSGI server, e.g. several gunicorn workers.

    gunicorn --workers 4 --bind 127.0.0.1:8000 khcal.feeds.wsgi:application

Set up exactly as the command line is (khcal.settings): `config.toml`, then ``KHCAL_LANG`` (the default
language of the feeds) and ``KHCAL_TZ`` (what today is), read once when the first request arrives.
``KHCAL_FILES`` names definitions files merged over the built-in catalogue and the settings file's
``files``, separated by ``:`` (what ``--file`` does on the command line). ``KHCAL_TRUST_PROXY=1`` takes the
index page's links from X-Forwarded-Proto and X-Forwarded-Host: set it only behind a proxy that sets them.
Each worker keeps its own cache.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from typing import Any

from khcal.feeds.app import FeedApp, StartResponse, make_app, served

_made: list[FeedApp] = []
_lock = threading.Lock()


def create(environ: Mapping[str, str] | None = None) -> FeedApp:
    """The application as the settings and the environment set it up (`khcal.feeds.wsgi:create()`)."""
    from khcal.settings import resolve

    env = os.environ if environ is None else environ
    files = [p for p in env.get("KHCAL_FILES", "").split(os.pathsep) if p]
    settings = resolve(files=files, environ=env, names={"files": "KHCAL_FILES"})
    trust = env.get("KHCAL_TRUST_PROXY", "") in ("1", "true", "yes")
    return make_app(**served(settings), trust_proxy=trust)


def application(environ: dict[str, Any], start_response: StartResponse) -> list[bytes]:
    """The WSGI entry point: made on the first request, shared by the worker's threads."""
    if not _made:
        with _lock:
            if not _made:
                _made.append(create())
    return _made[0](environ, start_response)
