"""Benchmark of the calendar feeds: run as `python bench/feed_speed.py`.

Times (best of a few runs, time.perf_counter) building a feed with ics.build from a fresh schedule (what
`khcal export` does once), the size of the feeds, and `khcal serve` answers over a real loopback socket:
the first request for a feed, the same request again (kept in memory), and a 304 for a matching ETag.
No targets: the figures are for the README and for noticing regressions.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import sys
import threading
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from khcal.core import definitions as catalogue
from khcal.core.schedule import Schedule
from khcal.feeds import ics, server

RUNS = 5
FEEDS = {
    "3 years, everything (default)": ics.FeedOptions(2026, 2028),
    "3 years, days off, Khmer, alarm": ics.FeedOptions(
        2026, 2028, lang="km", holidays=True, alarm=timedelta(hours=-15)
    ),
    "1 year of holy days": ics.FeedOptions(2026, 2026, categories=("holy-day",)),
    "100 years, everything": ics.FeedOptions(1950, 2049),
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

    with open(os.devnull, "w") as quiet, contextlib.redirect_stderr(quiet):  # the request log
        serve(cat)


def serve(cat: catalogue.Catalogue) -> None:
    schedule = Schedule(cat)
    httpd = server.make_server(
        schedule, host="127.0.0.1", port=0, lang="en", today=lambda: date(2026, 11, 22)
    )
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    port = httpd.server_address[1]

    def get(path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        response.read()
        connection.close()
        return response

    start = time.perf_counter()
    first = get("/khcal.ics?lang=km")
    cold = time.perf_counter() - start
    cached = best_of(RUNS * 4, lambda: get("/khcal.ics?lang=km"))
    etag = first.getheader("ETag") or ""
    not_modified = best_of(RUNS * 4, lambda: get("/khcal.ics?lang=km", {"If-None-Match": etag}))
    assert get("/khcal.ics?lang=km", {"If-None-Match": etag}).status == 304
    print(f"{'serve: first request':34} {cold * 1000:8.1f} ms")
    print(f"{'serve: same feed again':34} {cached * 1000:8.1f} ms")
    print(f"{'serve: 304 for a matching ETag':34} {not_modified * 1000:8.1f} ms")
    httpd.shutdown()
    httpd.server_close()


if __name__ == "__main__":
    main()
