"""Load on `khcal serve` beside nginx (Debian, one worker) serving the same feed, over loopback: run as
`python bench/feed_server.py` (it installs wrk and ab from Debian if missing; root or sudo).

In one run: requests per second and p99 at 10 and 50 clients (wrk, keep-alive) for both servers; 1,000
connections opened at once (ab -c 1000); 3,000 slow clients trickling their request line while 10 others
are measured, with the server's thread count; the p50 of cached requests while cold 100-year feeds are
built; the server's peak memory after many different 100-year feeds, and that of the server and its build
processes together. Every loop is bounded in count and time; nothing leaves the loopback interface. The
targets are printed beside each figure, and the script exits 1 if one is missed.
"""

from __future__ import annotations

import contextlib
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from support.nginx import Nginx, free_port  # noqa: E402

DURATION = 10  # seconds of each wrk run
FEED_PATH = "/khcal.ics"


def tool(name: str, package: str) -> str:
    found = shutil.which(name) or (f"/usr/sbin/{name}" if Path(f"/usr/sbin/{name}").exists() else None)
    if found is None:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", package], check=True, timeout=600)
        found = shutil.which(name) or f"/usr/sbin/{name}"
    return found


def raise_file_limit() -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 65536 if hard == resource.RLIM_INFINITY else min(hard, 65536)
    resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def wrk(url: str, clients: int, seconds: int = DURATION) -> dict[str, float]:
    done = subprocess.run(
        [tool("wrk", "wrk"), f"-t{min(2, clients)}", f"-c{clients}", f"-d{seconds}s", "--timeout", "5s",
         "--latency", url],
        capture_output=True, text=True, timeout=seconds + 60, check=True,
    )  # fmt: skip
    out = done.stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}  # type: ignore[union-attr]
    for pct in ("50", "99"):
        match = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)", out, re.M)
        value, unit = float(match.group(1)), match.group(2)  # type: ignore[union-attr]
        result[f"p{pct}"] = value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result["errors"] = sum(int(g) for g in errors.groups()) if errors else 0
    result["errors"] += int(non2xx.group(1)) if non2xx else 0
    return result


def burst(url: str, connections: int = 1000) -> tuple[float, int, int]:
    """ab with `connections` at once, one request each: (seconds, completed, failed)."""
    done = subprocess.run(
        [tool("ab", "apache2-utils"), "-q", "-s", "10", "-n", str(connections), "-c", str(connections), url],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    taken = re.search(r"Time taken for tests:\s+([\d.]+)", done.stdout)
    complete = re.search(r"Complete requests:\s+(\d+)", done.stdout)
    failed = re.search(r"Failed requests:\s+(\d+)", done.stdout)
    if not (taken and complete and failed):
        return float("inf"), 0, connections
    return float(taken.group(1)), int(complete.group(1)), int(failed.group(1))


def threads_of(pid: int) -> int:
    text = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"^Threads:\s+(\d+)", text, re.M).group(1))  # type: ignore[union-attr]


def peak_memory_mb(pid: int) -> float:
    text = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"^VmHWM:\s+(\d+) kB", text, re.M).group(1)) / 1024  # type: ignore[union-attr]


def descendants(pid: int) -> list[int]:
    """The processes started by `pid`, and theirs (khcal serve's fork server and build children)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        children = parents.get(todo.pop(), [])
        found += children
        todo += children
    return found


def tree_memory_mb(pid: int) -> float:
    """The memory of `pid` and all its descendants, now: the sum of their proportional set sizes (a page
    shared by forked processes counted once in all, not once in each)."""
    total = 0
    for each in [pid, *descendants(pid)]:
        with contextlib.suppress(OSError, AttributeError):
            text = Path(f"/proc/{each}/smaps_rollup").read_text()
            total += int(re.search(r"^Pss:\s+(\d+) kB", text, re.M).group(1))  # type: ignore[union-attr]
    return total / 1024


class MemoryWatch:
    """The highest memory of a process tree, sampled every 20 ms while it runs (bounded: 10 minutes)."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        for _ in range(30_000):
            self.peak = max(self.peak, tree_memory_mb(self.pid))
            if self._stop.wait(0.02):
                return

    def stop(self) -> float:
        self._stop.set()
        self._thread.join(5)
        return self.peak


def slow_clients(port: int, count: int, stop: threading.Event) -> list[socket.socket]:
    """Open `count` connections that send a request line a few bytes at a time (until `stop`)."""
    opened = []
    for _ in range(count):
        with contextlib.suppress(OSError):
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.sendall(b"GET /khcal.ics HTTP/1.1\r\n")
            opened.append(sock)

    def trickle() -> None:
        for _ in range(120):  # bounded: two minutes at most
            if stop.wait(1):
                return
            for sock in opened:
                with contextlib.suppress(OSError):
                    sock.send(b"X")

    threading.Thread(target=trickle, daemon=True).start()
    return opened


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=120) as response:
        body: bytes = response.read()
        return body


def start_khcal(port: int, tmp: Path) -> subprocess.Popen[bytes]:
    khcal = Path(sys.executable).with_name("khcal")
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp / "config")}
    log = (tmp / "khcal.log").open("wb")
    process = subprocess.Popen(
        [str(khcal), "serve", "--port", str(port)],
        stdout=log,
        stderr=log,
        env=env,
        preexec_fn=raise_file_limit,
    )
    for _ in range(100):  # bounded: ten seconds
        with contextlib.suppress(OSError):
            get(f"http://127.0.0.1:{port}/")
            return process
        time.sleep(0.1)
    raise RuntimeError("khcal serve did not start")


MISSED: list[str] = []
"""The targets this run missed: the script exits 1 if there is any."""


def line(name: str, figure: str, target: str = "", met: bool = True) -> None:
    print(f"{name:<58} {figure:<30} {target}{'' if met else '   MISSED'}")
    if not met:
        MISSED.append(name)


def main() -> None:
    raise_file_limit()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        port = free_port()
        process = start_khcal(port, tmp)
        khcal = f"http://127.0.0.1:{port}{FEED_PATH}"
        public = tmp / "public"
        public.mkdir()
        (public / "khcal.ics").write_bytes(get(khcal))
        nginx = Nginx(tool("nginx", "nginx"), public, tmp / "nginx")
        try:
            run(process, port, khcal, f"{nginx.url}/khcal.ics", len((public / "khcal.ics").read_bytes()))
        finally:
            nginx.stop()
            process.send_signal(signal.SIGTERM)
            process.wait(15)
    if MISSED:
        sys.exit("missed: " + "; ".join(MISSED))


def run(process: subprocess.Popen[bytes], port: int, khcal: str, nginx: str, size: int) -> None:
    cpus = os.cpu_count()
    print(f"The same {size / 1024:.0f} KB feed over loopback; wrk, {DURATION} s a run; {cpus} CPUs\n")
    for clients in (1, 10, 50):
        for name, url in (("khcal serve", khcal), ("nginx (1 worker)", nginx)):
            r = wrk(url, clients)
            target = "(>= 4,400 req/s" + (", p99 < 100 ms)" if clients == 50 else ")") if clients > 1 else ""
            figure = f"{r['rps']:>8,.0f} req/s p99 {r['p99']:.1f} ms err {r['errors']:.0f}"
            if name != "khcal serve":
                line(f"{name}, {clients} clients", figure)
                continue
            met = clients == 1 or (r["rps"] >= 4400 and r["errors"] == 0 and (clients < 50 or r["p99"] < 100))
            line(f"{name}, {clients} clients", figure, target, met)
    for name, url in (("khcal serve", khcal), ("nginx (1 worker)", nginx)):
        taken, complete, failed = burst(url)
        ours = name == "khcal serve"
        met = not ours or (complete == 1000 and not failed and taken < 5)
        figure = f"{complete} served in {taken:.2f} s, {failed} failed"
        line(f"{name}, 1,000 connections at once", figure, "(all within 5 s)" if ours else "", met)
    stop = threading.Event()
    opened = slow_clients(port, 3000, stop)
    try:
        r = wrk(khcal, 10)
        figure = f"{r['rps']:>8,.0f} req/s p99 {r['p99']:.1f} ms err {r['errors']:.0f}"
        line(f"khcal serve, 10 clients beside {len(opened)} slow ones", figure, "(others served)",
             r["rps"] > 0 and r["errors"] == 0)  # fmt: skip
        threads = threads_of(process.pid)
        line("khcal serve threads meanwhile", f"{threads}", "(not 3,000)", threads < 100)
    finally:
        stop.set()
        for sock in opened:
            sock.close()
    watch = MemoryWatch(process.pid)
    cold(process, khcal)
    peak = watch.stop()
    line("khcal serve and its build processes together, peak", f"{peak:.0f} MB", "(< 150 MB)", peak < 150)


def cold(process: subprocess.Popen[bytes], khcal: str) -> None:
    builds: list[float] = []

    def build_many() -> None:
        for hours in range(1, 5):  # four different cold 100-year feeds, one after the other
            started = time.perf_counter()
            get(f"{khcal}?from=1950&to=2049&alarm=-PT{hours}H")
            builds.append(time.perf_counter() - started)

    builder = threading.Thread(target=build_many, daemon=True)
    builder.start()
    r = wrk(khcal, 10, seconds=5)
    builder.join(120)
    figure = f"p50 {r['p50']:.2f} ms p99 {r['p99']:.1f} ms"
    line("khcal serve, cached p50 during cold 100-year builds", figure, "(p50 < 10 ms)", r["p50"] < 10)
    line("  the cold builds meanwhile", ", ".join(f"{b:.1f} s" for b in builds))
    statuses: list[int] = []

    def one_cold(hours: int) -> None:
        try:
            get(f"{khcal}?from=1950&to=2049&alarm=PT{hours}H")
            statuses.append(200)
        except urllib.error.HTTPError as exc:
            statuses.append(exc.code)

    burst_of = [threading.Thread(target=one_cold, args=(h,), daemon=True) for h in range(1, 13)]
    for thread in burst_of:
        thread.start()
    r = wrk(khcal, 10, seconds=5)
    for thread in burst_of:
        thread.join(120)
    figure = f"p50 {r['p50']:.2f} ms p99 {r['p99']:.1f} ms"
    line("khcal serve, cached p50 during 12 cold builds at once", figure, "(p50 < 10 ms)", r["p50"] < 10)
    line("  the 12 cold requests", f"{statuses.count(200)} built, {statuses.count(503)} asked to retry (503)")
    for hours in range(5, 41):  # 36 more different 100-year feeds, each 2 to 4 MB
        get(f"{khcal}?from=1950&to=2049&alarm=-PT{hours}H&lang={'km' if hours % 2 else 'en'}")
    memory = peak_memory_mb(process.pid)
    line(
        "khcal serve peak memory after 50 different 100-year feeds",
        f"{memory:.0f} MB",
        "(< 150 MB)",
        memory < 150,
    )


if __name__ == "__main__":
    main()
