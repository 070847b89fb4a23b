"""Benchmark of khcal.core.khmer_calendar: run as `python bench/lunar_speed.py`.

Times (best of a few runs, time.perf_counter) to_lunar over every day of 1900-2100, from_lunar
over the lunar holidays of 1900-2100, and new_year for every year; exits 1 if to_lunar is over
its 0.5 s target.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from khcal.core import khmer_calendar as kc

TARGET_SECONDS = 0.5
RUNS = 5
FIRST, LAST = 1900, 2100

# (month, day, phase) of the lunar public holidays: Meak Bochea, Visak Bochea, Royal
# Ploughing, Pchum Ben (3 days), Water Festival (3 days).
HOLIDAYS: tuple[tuple[str, int, str], ...] = (
    ("meak", 15, "waxing"),
    ("pisakh", 15, "waxing"),
    ("pisakh", 4, "waning"),
    ("photrobot", 14, "waning"),
    ("photrobot", 15, "waning"),
    ("assoch", 1, "waxing"),
    ("kadeuk", 14, "waxing"),
    ("kadeuk", 15, "waxing"),
    ("kadeuk", 1, "waning"),
)


def best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    days = [
        date.fromordinal(o) for o in range(date(FIRST, 1, 1).toordinal(), date(LAST, 12, 31).toordinal() + 1)
    ]
    years = range(FIRST, LAST + 1)

    # The first call builds the month table; time it separately, as a cold start.
    start = time.perf_counter()
    kc.to_lunar(date(2000, 1, 1))
    cold = time.perf_counter() - start

    to_lunar = kc.to_lunar
    lunar = best_of(RUNS, lambda: [to_lunar(d) for d in days])
    from_lunar = kc.from_lunar
    holidays = best_of(RUNS, lambda: [from_lunar(y, m, d, p) for y in years for (m, d, p) in HOLIDAYS])
    kc._NEW_YEARS.clear()  # time the computation, not the cache
    new_years = best_of(1, lambda: [kc.new_year(y) for y in years])

    print(f"first call (builds tables): {cold * 1000:.1f} ms")
    print(f"to_lunar over {len(days)} days ({FIRST}-{LAST}): {lunar:.2f} s (target < {TARGET_SECONDS} s)")
    print(
        f"from_lunar over {len(years) * len(HOLIDAYS)} lunar holidays ({FIRST}-{LAST}): "
        f"{holidays * 1000:.1f} ms"
    )
    print(f"new_year for {len(years)} years ({FIRST}-{LAST}), uncached: {new_years * 1000:.1f} ms")
    return 0 if lunar < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
