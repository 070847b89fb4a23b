"""Benchmark of `khcal publish`: run as `python bench/publish.py`.

Two parts, for docs/performance.md; it exits 1 when a target is missed.

In this process: publishes the whole site of the built-in catalogue for three years (this one and the next
two, as the command does by default) into a fresh temporary folder, then again over it, and prints for each
run the time (time.perf_counter), the peak resident memory of this process (resource.getrusage) and how
much publishing added to it, and the files written. Every module publishing uses (icalendar and segno
included) is imported first, so that what publishing adds is its own work. The targets: a run under 5 s,
publishing adding under 20 MB to the peak, and the second run writing nothing and keeping every file's
modification time.

As a user sees it: the peak RSS of the whole installed `khcal publish` process (the `khcal` script beside
this interpreter; `python -m khcal` if there is none), as `/usr/bin/time -v` reports it, each measured in
a process of its own (resource.RUSAGE_CHILDREN of a helper that runs one command), and where it goes: the
bare interpreter, then the modules a `khcal publish` run imports, imported without publishing (the command
line, Typer and what Typer imports, icalendar, segno, the rest; each with the modules it is the first to
import), then the run itself. The target: the whole process under 60 MB.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from khcal.core import definitions as catalogue
from khcal.core.schedule import Schedule
from khcal.feeds import publish

SECONDS = 5.0
MEGABYTES = 20.0
WHOLE_MEGABYTES = 60.0
BASE = "https://calendar.example.org/khcal"

_PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
"""A helper process: runs one command and prints its peak RSS (kilobytes on Linux)."""

_MODULES = """
import atexit, json, sys
from khcal.cli.entry import main
atexit.register(lambda: print(json.dumps(sorted(m for m in sys.modules if m != "__main__"))))
sys.argv = ["khcal", *sys.argv[1:]]
main()
"""
"""A `khcal` run that prints, as it ends, every module it imported."""

_IMPORT = """
import importlib, json, sys
for name in json.loads(sys.argv[1]):
    try:
        importlib.import_module(name)
    except ImportError:
        pass
"""

GROUPS = (
    ("the command line: Typer, click, pydantic (Typer's), khcal.cli", ("typer", "click", "pydantic",
     "pydantic_core", "annotated_types", "typing_inspection", "annotated_doc", "shellingham", "khcal.cli")),
    ("icalendar and python-dateutil", ("icalendar", "dateutil")),
    ("segno (the QR codes; with urllib, http.client, ssl)", ("segno",)),
    ("the rest of khcal and the standard library", ("",)),
)  # fmt: skip


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def in_process() -> bool:
    # Imported first, so that what publishing adds to the peak is its own work, not the modules' code.
    import icalendar  # noqa: F401
    import segno  # noqa: F401

    import khcal.feeds.calendar_page
    import khcal.feeds.ics
    import khcal.feeds.observance_page
    import khcal.feeds.site_files
    import khcal.text.describe  # noqa: F401

    schedule = Schedule(catalogue.load([]))
    first = date.today().year
    ok = True
    before = peak_mb()
    print(f"loaded: peak RSS {before:.1f} MB (interpreter, khcal, icalendar, segno, the catalogue)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "site"
        stamps: dict[Path, int] = {}
        for run in ("first run", "second run"):
            started = time.perf_counter()
            done = publish.publish(schedule, folder, BASE, first, first + 2)
            taken = time.perf_counter() - started
            peak = peak_mb()
            size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
            print(
                f"{run}: {taken:.2f} s, peak RSS {peak:.1f} MB (+{peak - before:.1f} MB), "
                f"{len(done.written)} of {len(done.files)} files written, {size / 1e6:.1f} MB on disk"
            )
            ok = ok and taken < SECONDS and peak - before < MEGABYTES
            if stamps:
                same = all(p.stat().st_mtime_ns == t for p, t in stamps.items())
                print(f"second run rewrote nothing: {not done.written and same}")
                ok = ok and not done.written and same
            stamps = {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}
    return ok


def command() -> tuple[str, list[str]]:
    """The interpreter of the installed `khcal` command, and the command itself."""
    script = shutil.which("khcal", path=str(Path(sys.executable).parent))
    if script is None:
        return sys.executable, [sys.executable, "-m", "khcal"]
    with open(script, "rb") as f:
        first = f.readline().decode().strip()
    interpreter = first[2:].strip() if first.startswith("#!") else sys.executable
    return interpreter, [script]


def child_peak(python: str, args: list[str], env: dict[str, str]) -> float:
    """The peak RSS, in MB, of one process running the command `args` (a helper run by `python` waits
    for it)."""
    found = subprocess.run(
        [python, "-c", _PEAK, *args], check=True, capture_output=True, text=True, env=env
    ).stdout
    return int(found.split()[-1]) / 1024


def group_of(module: str) -> int:
    for i, (_, prefixes) in enumerate(GROUPS):
        if any(module == p or module.startswith(p + ".") or p == "" for p in prefixes):
            return i
    return len(GROUPS) - 1  # pragma: no cover - the last group takes everything


def whole_process() -> bool:
    python, khcal = command()
    env = {**os.environ, "PYTHONPATH": ""}  # the installed package, not the clone's src/
    today = ["--today", f"{date.today().year}-01-01"]
    print(f"\nthe whole process, as /usr/bin/time -v sees it ({' '.join(khcal)}):")
    with tempfile.TemporaryDirectory() as tmp:
        listed = subprocess.run(
            [python, "-c", _MODULES, "publish", f"{tmp}/list", "--base-url", BASE, *today],
            check=True, capture_output=True, text=True, env=env,
        ).stdout  # fmt: skip
        modules: list[str] = json.loads(listed.splitlines()[-1])
        steps = [("the bare interpreter (python -c pass)", child_peak(python, [python, "-c", "pass"], env))]
        chosen: list[str] = []
        for i, (label, prefixes) in enumerate(GROUPS):
            group = [m for m in modules if group_of(m) == i]
            chosen += group
            absent = [p for p in prefixes if p and not any(m == p or m.startswith(p + ".") for m in group)]
            label += f" (not imported: {', '.join(absent)})" if absent else ""
            steps.append((f"+ {label}", child_peak(python, [python, "-c", _IMPORT, json.dumps(chosen)], env)))
        run = [*khcal, "publish", f"{tmp}/site", "--base-url", BASE, *today]
        first = child_peak(python, run, env)
        second = child_peak(python, run, env)
    steps.append(("+ publishing's own work (the catalogue, the site made and written)", first))
    previous = 0.0
    for label, peak in steps:
        print(f"  {label}: {peak:.1f} MB (+{peak - previous:.1f})")
        previous = peak
    print(f"  whole `khcal publish`: first run {first:.1f} MB, second run {second:.1f} MB")
    print(f"  load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return max(first, second) < WHOLE_MEGABYTES


def main() -> int:
    ok = in_process()
    ok = whole_process() and ok
    verdict = "met" if ok else "MISSED"
    print(
        f"\ntargets (under {SECONDS:.0f} s, under +{MEGABYTES:.0f} MB, nothing rewritten, the whole process "
        f"under {WHOLE_MEGABYTES:.0f} MB): {verdict}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
