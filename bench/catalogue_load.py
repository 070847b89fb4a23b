"""Benchmark of loading the catalogue: a fresh parse against the compiled cache. Run as
`python bench/catalogue_load.py`.

Times `khcal.core.definitions.load([])` in this process (the built-in catalogue, validated), the median of
RUNS runs, without the cache and with a warm cache in a temporary folder; also the import of the loading
code itself in a new process, which the cache lets skip the TOML reader and the validator. Prints the figures
and the ratio; exits 1 if the cached load is not at least 5 times faster than the fresh one.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from khcal.core import definitions

RUNS = 30


def median_ms(action: object) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def import_ms(code: str) -> float:
    times = []
    for _ in range(10):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder)
        definitions.load([], cache=cache)  # stored once
        fresh = median_ms(lambda: definitions.load([]))
        cached = median_ms(lambda: definitions.load([], cache=cache))
        cold_fresh = import_ms("from khcal.core import definitions; definitions.load([])")
        load = f"definitions.load([], cache=Path({folder!r}))"
        cold_cached = import_ms(f"from pathlib import Path; from khcal.core import definitions; {load}")
    floor = import_ms("pass")
    print(
        f"load in process: fresh {fresh:.2f} ms, cached {cached:.2f} ms ({fresh / cached:.0f} times faster)"
    )
    print(f"a new process (python -c pass: {floor:.0f} ms):", end=" ")
    print(f"fresh {cold_fresh:.0f} ms, cached {cold_cached:.0f} ms")
    return 0 if fresh >= 5 * cached else 1


if __name__ == "__main__":
    raise SystemExit(main())
