"""Benchmark of `khcal publish`: run as `python bench/publish.py`.

Publishes the whole site of the built-in catalogue for three years (this one and the next two, as the
command does by default) into a fresh temporary folder, then again over it, and prints for each run the
time (time.perf_counter), the peak resident memory of this process (resource.getrusage) and how much
publishing added to it, and the files written. The targets: a run under 5 s, publishing adding under 20 MB
to the peak, and the second run writing nothing and keeping every file's modification time. It exits 1
when one is missed. The figures are for docs/performance.md.
"""

from __future__ import annotations

import resource
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
BASE = "https://calendar.example.org/khcal"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def main() -> int:
    # Imported first, so that what publishing adds to the peak is its own work, not the modules' code.
    import khcal.feeds.calendar_page
    import khcal.feeds.observance_page
    import khcal.feeds.site_files
    import khcal.text.describe  # noqa: F401

    schedule = Schedule(catalogue.load([]))
    first = date.today().year
    ok = True
    before = peak_mb()
    print(f"loaded: peak RSS {before:.1f} MB (interpreter, khcal, the catalogue)")
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
    verdict = "met" if ok else "MISSED"
    print(f"targets (under {SECONDS:.0f} s, under +{MEGABYTES:.0f} MB, nothing rewritten): {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
