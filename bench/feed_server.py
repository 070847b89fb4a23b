"""Load on `khcal serve` beside `python -m http.server` serving the same feed file, over loopback: run as
`python bench/feed_server.py` (about a minute; it installs wrk and ab from Debian if missing: root or sudo).

In one run: wrk for 5 s at 50 clients on both servers (keep-alive); 1,000 connections opened at once (ab,
and a Python client that opens them all before reading any answer); 1,000 idle connections held while
another client is timed, with the server's thread count (/proc/PID/task); the p50 of cached feeds while
the longest feeds the server accepts (30 years) are being built; a client that pipelines, in one write, a
few long feeds and a few hundred small requests and never reads, with others measured during and after.
Every loop is bounded in count and time; nothing leaves the loopback interface. Each figure is printed
beside its target, and the script exits 1 if one is missed.
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

from support.nginx import free_port  # noqa: E402
from support.serving import descendants, many_at_once, pipeline_and_never_read  # noqa: E402

SECONDS = 5  # of each wrk run
LONGEST = "from=2000&to=2029"  # the longest range khcal serve accepts: 30 years


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


def _found(pattern: str, text: str, default: str = "0") -> str:
    match = re.search(pattern, text, re.M)
    return match.group(1) if match else default


def wrk(url: str, clients: int, seconds: int = SECONDS) -> dict[str, float]:
    """requests/s, p50 and p99 in ms, errors (socket errors, timeouts and answers not 2xx or 3xx)."""
    done = subprocess.run(
        [tool("wrk", "wrk"), f"-t{min(2, clients)}", f"-c{clients}", f"-d{seconds}s", "--timeout", "5s",
         "--latency", url],
        capture_output=True, text=True, timeout=seconds + 60, check=True,
    )  # fmt: skip
    out = done.stdout
    result = {"rps": float(_found(r"Requests/sec:\s+([\d.]+)", out))}
    for pct in ("50", "99"):
        match = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\b", out, re.M)
        value, unit = (float(match.group(1)), match.group(2)) if match else (float("inf"), "s")
        result[f"p{pct}"] = value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    result["errors"] = sum(int(g) for g in errors.groups()) if errors else 0
    result["errors"] += int(_found(r"Non-2xx or 3xx responses: (\d+)", out))
    return result


def burst(url: str, connections: int = 1000) -> tuple[float, int, int]:
    """ab with `connections` at once, one request each: (seconds, completed, failed)."""
    done = subprocess.run(
        [tool("ab", "apache2-utils"), "-q", "-s", "10", "-n", str(connections), "-c", str(connections), url],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    taken = float(_found(r"Time taken for tests:\s+([\d.]+)", done.stdout, "inf"))
    complete = int(_found(r"Complete requests:\s+(\d+)", done.stdout))
    failed = int(_found(r"Failed requests:\s+(\d+)", done.stdout, str(connections)))
    return taken, complete, failed


def threads_of(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/task"))


def get(url: str, timeout: float = 60) -> tuple[int, float]:
    """The status of a GET and the seconds it took."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            status = int(response.status)
    except urllib.error.HTTPError as exc:
        status = exc.code
    return status, time.perf_counter() - started


def start(command: list[str], port: int, log: Path, cwd: Path | None = None) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=out, cwd=cwd)
    for _ in range(100):  # bounded: ten seconds
        with contextlib.suppress(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{command[0]} did not start: {log.read_text()}")


MISSED: list[str] = []
"""The targets this run missed: the script exits 1 if there is any."""


def line(name: str, figure: str, target: str = "", met: bool = True) -> None:
    print(f"| {name:<60} | {figure:<46} | {target}{'' if met else ' **MISSED**'} |")
    if not met:
        MISSED.append(name)


def main() -> None:
    raise_file_limit()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        port, static_port = free_port(), free_port()
        env_home = tmp / "config"
        os.environ["XDG_CONFIG_HOME"] = str(env_home)
        khcal = start([str(Path(sys.executable).with_name("khcal")), "serve", "--port", str(port)], port,
                      tmp / "khcal.log")  # fmt: skip
        public = tmp / "public"
        public.mkdir()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/khcal.ics", timeout=60) as response:
            (public / "khcal.ics").write_bytes(response.read())
        static = start([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(static_port)],
                       static_port, tmp / "static.log", cwd=public)  # fmt: skip
        try:
            size = (public / "khcal.ics").stat().st_size
            print(f"The same {size / 1024:.0f} KB feed over loopback; {os.cpu_count()} CPUs; "
                  f"load average {os.getloadavg()[0]:.1f} at the start\n")  # fmt: skip
            print(f"| {'':<60} | {'measured':<46} | target |")
            print(f"|{'-' * 62}|{'-' * 48}|--------|")
            run(khcal.pid, port, f"http://127.0.0.1:{static_port}/khcal.ics")
        finally:
            static.send_signal(signal.SIGTERM)
            static.wait(15)
            khcal.send_signal(signal.SIGTERM)
            khcal.wait(15)
    if MISSED:
        sys.exit("missed: " + "; ".join(MISSED))


def run(pid: int, port: int, static: str) -> None:
    feed = f"http://127.0.0.1:{port}/khcal.ics"
    rate(feed, static)
    at_once(port, feed)
    idle(pid, port, feed)
    during_builds(feed)
    greedy(port, feed)
    started = descendants(pid)
    line("khcal serve: threads at the end; processes it started", f"{threads_of(pid)}; {len(started)}",
         "(no process)", not started)  # fmt: skip


def rate(feed: str, static: str) -> None:
    theirs = wrk(static, 50)
    ours = wrk(feed, 50)
    figure = f"{theirs['rps']:,.0f} req/s, p99 {theirs['p99']:.1f} ms, {theirs['errors']:.0f} errors"
    line("python -m http.server, wrk 50 clients 5 s", figure)
    met = ours["p99"] < 100 and ours["errors"] == 0 and ours["rps"] >= theirs["rps"]
    line("khcal serve, wrk 50 clients 5 s",
         f"{ours['rps']:,.0f} req/s, p99 {ours['p99']:.1f} ms, {ours['errors']:.0f} errors",
         "(p99 < 100 ms, no error, req/s >= http.server)", met)  # fmt: skip


def at_once(port: int, feed: str) -> None:
    taken, complete, failed = burst(feed)
    figure = f"{complete} answered in {taken:.2f} s, {failed} failed"
    line("khcal serve, 1,000 connections at once (ab)", figure, "(all within 5 s)",
         complete == 1000 and not failed and taken < 5)  # fmt: skip
    answered, seconds = many_at_once(port, 1000, "/khcal.ics", within=30)
    line("khcal serve, 1,000 connections at once (Python)", f"{answered} answered in {seconds:.2f} s",
         "(all within 5 s)", answered == 1000 and seconds < 5)  # fmt: skip


def idle(pid: int, port: int, feed: str) -> None:
    opened: list[socket.socket] = []
    try:
        for _ in range(1000):
            opened.append(socket.create_connection(("127.0.0.1", port), timeout=10))
        time.sleep(1)
        threads = threads_of(pid)
        status, seconds = get(feed)
    finally:
        for sock in opened:
            sock.close()
    line("khcal serve, 1,000 idle clients: threads", f"{threads}", "(<= 200)", threads <= 200)
    line("  another client meanwhile", f"{status} in {seconds * 1000:.1f} ms", "(answered within 1 s)",
         status == 200 and seconds < 1)  # fmt: skip


def during_builds(feed: str) -> None:
    statuses: list[int] = []
    seconds: list[float] = []

    def build(hours: int) -> None:
        status, taken = get(f"{feed}?{LONGEST}&alarm=-PT{hours}H", timeout=120)
        statuses.append(status)
        seconds.append(taken) if status == 200 else None

    builders = [threading.Thread(target=build, args=(h,), daemon=True) for h in range(1, 13)]
    for each in builders:
        each.start()
        time.sleep(0.3)  # one after the other: builds keep coming while wrk runs
    r = wrk(feed, 10)
    for each in builders:
        each.join(120)
    figure = f"p50 {r['p50']:.1f} ms, p99 {r['p99']:.1f} ms"
    line("khcal serve, cached feeds while 30-year feeds build", figure, "(p50 < 50 ms)",
         r["p50"] < 50 and r["errors"] == 0)  # fmt: skip
    slowest = max(seconds, default=0)
    line("  the 12 builds meanwhile", f"{statuses.count(200)} built (slowest {slowest:.1f} s), "
         f"{statuses.count(503)} told to retry (503)")  # fmt: skip


def greedy(port: int, feed: str) -> None:
    sock = pipeline_and_never_read(port, long_feeds=4, small=300)
    try:
        during = wrk(feed, 10, seconds=3)
        index, index_time = get(f"http://127.0.0.1:{port}/", timeout=10)
        time.sleep(2)
        after = wrk(feed, 10, seconds=3)
    finally:
        sock.close()
    closed, closed_time = get(feed, timeout=10)
    for name, r in (("during", during), ("after", after)):
        line(f"khcal serve, a client pipelining, never reading: {name}",
             f"{r['rps']:,.0f} req/s, p99 {r['p99']:.1f} ms, {r['errors']:.0f} errors",
             "(others answered: no error, p99 < 1 s)", r["errors"] == 0 and r["p99"] < 1000)  # fmt: skip
    line("  the page meanwhile; a feed once it hung up", f"{index} in {index_time * 1000:.0f} ms; "
         f"{closed} in {closed_time * 1000:.0f} ms", "(answered within 1 s)",
         index == closed == 200 and max(index_time, closed_time) < 1)  # fmt: skip


if __name__ == "__main__":
    main()
