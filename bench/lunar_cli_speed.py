"""Benchmark of the `khcal lunar` command: run as `python bench/lunar_cli_speed.py` with khcal installed.

Times (best of a few runs, wall clock, time.perf_counter around a subprocess) one day as JSON, and the
whole supported range 1800-2200 (146,462 days) as plain lines and as JSON, streamed to a pipe.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

RUNS = 5
CASES = (
    ("one day, --json", ["lunar", "2026-05-01", "--json"]),
    ("1800-2200, --plain", ["lunar", "--from", "1800", "--to", "2200", "--plain"]),
    ("1800-2200, --json", ["lunar", "--from", "1800", "--to", "2200", "--json"]),
)


def command() -> list[str]:
    found = shutil.which("khcal", path=str(Path(sys.executable).parent)) or shutil.which("khcal")
    return [found] if found else [sys.executable, "-m", "khcal"]


def main() -> int:
    base = command()
    for label, args in CASES:
        best = float("inf")
        size = 0
        for _ in range(RUNS):
            start = time.perf_counter()
            done = subprocess.run([*base, *args, "--today", "2026-01-15"], capture_output=True, check=True)
            best = min(best, time.perf_counter() - start)
            size = len(done.stdout)
        print(f"khcal lunar {label}: {best * 1000:.0f} ms ({size:,} bytes of output)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
