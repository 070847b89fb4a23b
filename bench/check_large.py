"""Benchmark of checking large definitions files. Run as `python bench/check_large.py`.

Times whole `khcal` processes (the median of RUNS runs, each a new process) on files written to a temporary
folder:

- `khcal check` of 3,000 chained observances (`o0` counts 1 day from `o1`, which counts from `o2`, ... and
  `o2999` is a fixed day): every offset followed, without recursion;
- `khcal show o0 --year 2027 --json` of the same file: the 3,000 dates computed one after the other;
- `khcal check` and `khcal list --year 2027` of a file whose one observance has a name of 1,000,000
  characters (under the 1 MiB limit of a file): refused for its length, before anything is shown.

Prints each figure as wall time and processor time; exits 1 if a wall time is over its target (TARGETS, in
seconds).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
CHAIN = 3000
NAME = 1_000_000
TARGETS = {
    "check, 3,000 chained": 5.0,
    "show, 3,000 chained": 5.0,
    "check, 1 MB name": 2.0,
    "list, 1 MB name": 2.0,
}

OBSERVANCE = """
[[observances]]
id = "{ident}"
name = "{name}"
category = "mine"
rule = {rule}
description = "One of a chain."
"""


def chained(count: int) -> str:
    parts = []
    for i in range(count):
        last = i == count - 1
        rule = (
            '{ kind = "fixed", month = 3, day = 14 }'
            if last
            else f'{{ kind = "offset", of = "o{i + 1}", days = 1 }}'
        )
        parts.append(OBSERVANCE.format(ident=f"o{i}", name=f"Link {i}", rule=rule))
    return "".join(parts)


def long_name(length: int) -> str:
    return OBSERVANCE.format(ident="long", name="x" * length, rule='{ kind = "fixed", month = 1, day = 2 }')


def median_s(args: list[str], expected: int) -> tuple[float, float]:
    """The median wall time of the command and the median processor time it used (user and system), which a
    busy machine moves less."""
    times, used = [], []
    for _ in range(RUNS):
        before = os.times()
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "khcal", *args], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        after = os.times()
        used.append(
            after.children_user - before.children_user + after.children_system - before.children_system
        )
        if done.returncode != expected:
            raise SystemExit(
                f"khcal {args[0]}: exit {done.returncode}, not {expected}: {done.stderr[:300]!r}"
            )
    return statistics.median(times), statistics.median(used)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        chain = Path(folder) / "chain.toml"
        chain.write_text(chained(CHAIN), encoding="utf-8")
        named = Path(folder) / "name.toml"
        named.write_text(long_name(NAME), encoding="utf-8")
        figures = {
            "check, 3,000 chained": median_s(["check", str(chain)], 0),
            "show, 3,000 chained": median_s(
                ["show", "o0", "--year", "2027", "--json", "--file", str(chain)], 0
            ),
            "check, 1 MB name": median_s(["check", str(named)], 2),
            "list, 1 MB name": median_s(["list", "--year", "2027", "--file", str(named)], 2),
        }
    missed = 0
    for what, (seconds, used) in figures.items():
        over = seconds > TARGETS[what]
        missed += over
        flag = "  MISSED" if over else ""
        print(f"{what}: {seconds:.2f} s, {used:.2f} s of processor (target < {TARGETS[what]:.0f} s){flag}")
    print(f"median of {RUNS} runs, each a new process; python {sys.version.split()[0]}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
