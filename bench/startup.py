"""Benchmark of khcal's start-up and batch speed: run as `python bench/startup.py [RUNS]`.

Each figure is timed as whole processes (wall clock, time.perf_counter): the median of RUNS runs after a
warm-up, with its floor (the interpreter doing nothing, or only importing what the screen needs) run
alternately in the same loop, so that both see the same machine:

1. `khcal is-holiday 2026-11-24` against `python -c pass`: at most 3 times.
2. `khcal today --short` against `python -c pass`: at most 3 times.
3. `khcal today` (the screen) against `python -c pass`: shown, no target (the one-line form has it).
   Beside it, for reference, the standard-library modules the core is built on (re, dataclasses,
   pathlib, typing, datetime), imported and nothing else: the part of each figure khcal's code cannot cut.
4. `khcal next` (a rich table) against `python -c "import rich.console, rich.table"`: at most 1.3 times.
5. 36,525 dates (100 years) through `khcal is-workday -`: under 1 second.
6. `khcal list --from 1900 --to 2100 --json`: under 1 second.

Rows 1, 2 and 4 are what a status bar, a prompt or a script sees from its second run of a day on: the
answer khcal remembers (`khcal.cli.memo`). The rows marked "first run of the day" time the same commands
with the remembered answers deleted before every run (the compiled catalogue kept), for reference.

Uses the `khcal` console script installed next to sys.executable (else the one on PATH) and
sys.executable for the floors. Bytecode is written on the warm-up runs (PYTHONDONTWRITEBYTECODE is
cleared), as it is for an installed package; the user's config folder is replaced by an empty one and the
cache folder by a fresh one, which the warm-up fills. The spread (quartiles) of each figure is shown: on a
busy machine a ratio moves by a few tenths between runs. Exits 1 if a target is missed.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 15
WARM_UP = 2
STDLIB = "import re, dataclasses, pathlib, typing, datetime"
"""The standard-library modules the core is built on: importing them alone is part of every figure."""


@dataclass(frozen=True)
class Figure:
    name: str
    command: list[str]
    stdin: bytes | None = None
    baseline_name: str | None = None
    baseline: list[str] | None = None
    max_ratio: float | None = None
    max_seconds: float | None = None
    fresh: bool = False  # delete the remembered answers before each run


def khcal_command() -> str:
    here = Path(sys.executable).parent
    found = shutil.which("khcal", path=str(here)) or shutil.which("khcal")
    if found is None:
        sys.exit("bench: no khcal command installed (pip install -e .)")
    return found


def run_once(command: list[str], stdin: bytes | None, env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(command)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return elapsed


def forget_answers(env: dict[str, str]) -> None:
    for stored in (Path(env["XDG_CACHE_HOME"]) / "khcal").glob("answers-*.marshal"):
        stored.unlink()


def measure(figure: Figure, env: dict[str, str]) -> tuple[list[float], list[float]]:
    """Times of the figure and of its baseline, run alternately."""
    own: list[float] = []
    base: list[float] = []
    for i in range(WARM_UP + RUNS):
        if figure.fresh:
            forget_answers(env)
        a = run_once(figure.command, figure.stdin, env)
        b = run_once(figure.baseline, None, env) if figure.baseline else 0.0
        if i >= WARM_UP:
            own.append(a)
            base.append(b)
    return own, base


def spread(times: list[float]) -> str:
    """'52.1 ms (48.0-55.3)': the median and the quartiles, in milliseconds."""
    low, _, high = statistics.quantiles(times, n=4) if len(times) > 1 else (times[0],) * 3
    return f"{statistics.median(times) * 1000:.1f} ms ({low * 1000:.1f}-{high * 1000:.1f})"


def main() -> int:
    khcal = khcal_command()
    py = sys.executable
    dates = "\n".join((date(2000, 1, 1) + timedelta(days=i)).isoformat() for i in range(36525)) + "\n"
    floor = ("python -c pass", [py, "-c", "pass"])
    rich = "import rich.console, rich.table"
    rich_floor = (f'python -c "{rich}"', [py, "-c", rich])
    figures = [
        Figure("is-holiday 2026-11-24", [khcal, "is-holiday", "2026-11-24"], None, *floor, max_ratio=3.0),
        Figure("today --short", [khcal, "today", "--short"], None, *floor, max_ratio=3.0),
        Figure(
            "is-holiday, first run of the day", [khcal, "is-holiday", "2026-11-24"], None, *floor, fresh=True
        ),
        Figure("today --short, first run of the day", [khcal, "today", "--short"], None, *floor, fresh=True),
        Figure("today", [khcal, "today"], None, *floor),
        Figure("(the core's standard library)", [py, "-c", STDLIB], None, *floor),
        Figure("next", [khcal, "next"], None, *rich_floor, max_ratio=1.3),
        Figure("next, first run of the day", [khcal, "next"], None, *rich_floor, fresh=True),
        Figure(
            "is-workday - (36,525 dates)", [khcal, "is-workday", "-"], stdin=dates.encode(), max_seconds=1.0
        ),
        Figure(
            "list --from 1900 --to 2100 --json",
            [khcal, "list", "--from", "1900", "--to", "2100", "--json"],
            max_seconds=1.0,
        ),
    ]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "NO_COLOR")}
    missed = 0
    with tempfile.TemporaryDirectory() as config, tempfile.TemporaryDirectory() as cache:
        env["XDG_CONFIG_HOME"] = config
        env["XDG_CACHE_HOME"] = cache
        print(f"khcal start-up benchmark: {khcal}, Python {sys.version.split()[0]}, median of {RUNS} runs")
        for figure in figures:
            own, base = measure(figure, env)
            line = f"{figure.name:<36} {spread(own)}"
            ok = True
            if figure.baseline is not None:
                ratio = statistics.median(own) / statistics.median(base)
                line += f"   floor {figure.baseline_name}: {spread(base)}   ratio {ratio:.2f}"
                if figure.max_ratio is not None:
                    ok = ratio <= figure.max_ratio
                    line += f"   target <= {figure.max_ratio:.2f}"
            else:
                assert figure.max_seconds is not None
                ok = statistics.median(own) <= figure.max_seconds
                line += f"   target < {figure.max_seconds * 1000:.0f} ms"
            print(f"{line}   {'ok' if ok else 'MISSED'}")
            missed += not ok
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
