"""The feed application as tests run it under gunicorn: today and the clock read from a file the test writes.

`gunicorn --pythonpath tests/support 'served_app:create()'` with KHCAL_TEST_TODAY naming the file.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time
from pathlib import Path

from khcal.core import definitions
from khcal.core.schedule import Schedule
from khcal.feeds.app import FeedApp, make_app


def create() -> FeedApp:
    path = Path(os.environ["KHCAL_TEST_TODAY"])

    def today() -> date:
        return date.fromisoformat(path.read_text(encoding="utf-8").strip())

    def now() -> datetime:
        return datetime.combine(today(), time(12), tzinfo=UTC)

    trust = os.environ.get("KHCAL_TEST_TRUST_PROXY") == "1"
    return make_app(Schedule(definitions.load([])), lang="en", today=today, now=now, trust_proxy=trust)
