"""Benchmark of the calendar feeds: run as `python bench/feed_speed.py`.

Times (best of a few runs, time.perf_counter) building a feed with ics.build from a fresh schedule (what
`khcal export` does once), the size of the feeds, and `khcal serve` answers over a real loopback socket:
the first request for a feed (built then), the same request again (kept in memory), and a 304 for a
matching ETag.
No targets: the figures are for docs/performance.md and for noticing regressions.
"""

from __future__ import annotations

import http.client
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from khcal.core import definitions as catalogue
from khcal.core.schedule import Schedule
from khcal.feeds import ics

RUNS = 5
FEEDS = {
    "3 years, everything (default)": ics.FeedOptions(2026, 2028),
    "3 years, days off, Khmer, alarm": ics.FeedOptions(
        2026, 2028, lang="km", holidays=True, alarm=timedelta(hours=-15)
    ),
    "1 year of holy days": ics.FeedOptions(2026, 2026, categories=("holy-day",)),
    "30 years, everything (most served)": ics.FeedOptions(2000, 2029),
    "100 years, everything (export)": ics.FeedOptions(1950, 2049),
}


def best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    cat = catalogue.load([])
    for name, options in FEEDS.items():
        data = ics.build(Schedule(cat), options)
        seconds = best_of(RUNS if "100" not in name else 1, lambda o=options: ics.build(Schedule(cat), o))
        events = data.count(b"BEGIN:VEVENT")
        print(f"{name:34} {seconds * 1000:8.1f} ms  {events:5} events  {len(data) / 1024:7.1f} KiB")

    serve()


def serve() -> None:
    """`khcal serve` as a process on a free loopback port (tests/support/serving.py, its log discarded)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from support.serving import Serving

    with tempfile.TemporaryDirectory() as folder, open(os.devnull, "wb") as quiet:
        running = Serving(Path(folder), stderr=quiet)
        try:
            measure(running.port)
        finally:
            running.stop()


def measure(port: int) -> None:
    def get(path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        response.read()
        connection.close()
        return response

    start = time.perf_counter()
    first = get("/khcal.ics?lang=km&from=2040")  # not one of the feeds built at start
    cold = time.perf_counter() - start
    cached = best_of(RUNS * 4, lambda: get("/khcal.ics?lang=km&from=2040"))
    etag = first.getheader("ETag") or ""
    not_modified = best_of(RUNS * 4, lambda: get("/khcal.ics?lang=km&from=2040", {"If-None-Match": etag}))
    assert get("/khcal.ics?lang=km&from=2040", {"If-None-Match": etag}).status == 304
    print(f"{'serve: first request':34} {cold * 1000:8.1f} ms")
    print(f"{'serve: same feed again':34} {cached * 1000:8.1f} ms")
    print(f"{'serve: 304 for a matching ETag':34} {not_modified * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
