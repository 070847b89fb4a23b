"""Benchmark of khcal's start-up and batch speed: run as `python bench/startup.py [RUNS]`.

Each figure is timed as whole processes (wall clock, time.perf_counter): the median of RUNS runs after a
warm-up, with its floor (the interpreter doing nothing, or only importing what the screen needs) run
alternately in the same loop, so that both see the same machine. Every run asks a question khcal has not
been asked before: a new date each run (khcal keeps no answers; its one cache holds the catalogue of the
user's own files, keyed by their content).

1. `khcal is-holiday DATE` against `python -c pass`: at most 3 times.
2. `khcal today --short --today DATE` against `python -c pass`: at most 3 times.
3. `khcal next --today DATE` (a rich table) against `python -c "import rich.console, rich.table"`: at most
   1.3 times. For reference, the same in Khmer at 60 columns, where names wrap and ICU's line breaker is
   loaded (no target of its own: ICU's libraries and dictionary cost about 5 ms to load).
4. `khcal is-holiday DATE`, the very first run: an empty cache folder each run; at most 10 times.
5. For reference: `today` (the screen), and `is-holiday` with a definitions file of the user's own (its
   compiled catalogue cached, then with an empty cache folder each run); the standard-library modules the
   core is built on, imported and nothing else.
6. 36,525 dates (100 years) through `khcal is-workday -`, and `khcal list --from 1900 --to 2100 --json`:
   under 1 second each.

Uses the `khcal` console script installed next to sys.executable (else the one on PATH) and sys.executable
for the floors: install khcal with `pip install .` (a wheel carries the compiled built-in catalogue; an
editable install parses it). Bytecode is written on the warm-up runs (PYTHONDONTWRITEBYTECODE is cleared),
as it is for an installed package; the user's config folder is replaced by an empty one. The spread
(quartiles) of each figure is shown: on a busy machine a ratio moves by a few tenths between runs. Exits 1
if a target is missed.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 15
WARM_UP = 2
STDLIB = "import datetime, marshal, zlib"
"""The standard-library modules the quick commands are built on: importing them is part of every figure."""
COMPANY = """
[[observances]]
id = "company-day"
name = "Company Day"
category = "company"
rule = { kind = "fixed", month = 3, day = 14 }
description = "The company's founding day."
[[observances.holiday]]
since = 2000
"""


@dataclass(frozen=True)
class Figure:
    name: str
    command: Callable[[str], list[str]]  # the command line for a date
    stdin: bytes | None = None
    baseline_name: str | None = None
    baseline: list[str] | None = None
    max_ratio: float | None = None
    max_seconds: float | None = None
    fresh: bool = False  # an empty cache folder before each run
    own_files: bool = False  # a definitions file of the user's own in the config folder
    columns: int | None = None  # the terminal's width (COLUMNS), for a screen that must wrap


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


def measure(figure: Figure, env: dict[str, str], workdir: Path) -> tuple[list[float], list[float]]:
    """Times of the figure and of its baseline, run alternately, a new date each run."""
    own: list[float] = []
    base: list[float] = []
    env = dict(env)
    config = workdir / f"config-{figure.own_files}"
    if figure.own_files and not config.exists():
        (config / "khcal").mkdir(parents=True)
        (config / "khcal" / "company.toml").write_text(COMPANY, encoding="utf-8")
    config.mkdir(exist_ok=True)
    env["XDG_CONFIG_HOME"] = str(config)
    if figure.columns is not None:
        env["COLUMNS"] = str(figure.columns)
    for i in range(WARM_UP + RUNS):
        day = (date(2027, 1, 1) + timedelta(days=37 * i + len(figure.name))).isoformat()
        env["XDG_CACHE_HOME"] = str(workdir / (f"cache-{i}-{figure.name}" if figure.fresh else "cache"))
        a = run_once(figure.command(day), figure.stdin, env)
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
        Figure("is-holiday DATE", lambda d: [khcal, "is-holiday", d], None, *floor, max_ratio=3.0),
        Figure(
            "today --short", lambda d: [khcal, "today", "--short", "--today", d], None, *floor, max_ratio=3.0
        ),
        Figure("next", lambda d: [khcal, "next", "--today", d], None, *rich_floor, max_ratio=1.3),
        Figure(
            "next --lang km, 60 columns (ICU)",
            lambda d: [khcal, "next", "--lang", "km", "--today", d],
            None,
            *rich_floor,
            columns=60,
        ),
        Figure(
            "is-holiday, first run",
            lambda d: [khcal, "is-holiday", d],
            None,
            *floor,
            max_ratio=10.0,
            fresh=True,
        ),
        Figure("today (the screen)", lambda d: [khcal, "today", "--today", d], None, *rich_floor),
        Figure("is-holiday, own file", lambda d: [khcal, "is-holiday", d], None, *floor, own_files=True),
        Figure(
            "is-holiday, own file, first run",
            lambda d: [khcal, "is-holiday", d],
            None,
            *floor,
            own_files=True,
            fresh=True,
        ),
        Figure("(the quick commands' stdlib)", lambda d: [py, "-c", STDLIB], None, *floor),
        Figure(
            "is-workday - (36,525 dates)",
            lambda d: [khcal, "is-workday", "-"],
            stdin=dates.encode(),
            max_seconds=1.0,
        ),
        Figure(
            "list --from 1900 --to 2100 --json",
            lambda d: [khcal, "list", "--from", "1900", "--to", "2100", "--json"],
            max_seconds=1.0,
        ),
    ]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "NO_COLOR")}
    missed = 0
    with tempfile.TemporaryDirectory() as workdir:
        print(f"khcal start-up benchmark: {khcal}, Python {sys.version.split()[0]}, median of {RUNS} runs")
        for figure in figures:
            own, base = measure(figure, env, Path(workdir))
            line = f"{figure.name:<34} {spread(own)}"
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
