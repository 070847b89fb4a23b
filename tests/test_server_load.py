"""`khcal serve` as a process under hostile load, by behaviour: a client pipelining and never reading, a
stderr nobody reads, idle and simultaneous connections, a long build, two addresses for one name, kill -9;
and, read from the source, waitress used through its documented API only. Real sockets on loopback only;
every wait is bounded."""

from __future__ import annotations

import ast
import os
import re
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.serving import Serving, descendants, fetch, many_at_once, pipeline_and_never_read

SRC = Path(__file__).resolve().parents[1] / "src" / "khcal"


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[Serving]:
    running = Serving(tmp_path)
    yield running
    running.stop()


def timed(port: int, path: str, host: str = "127.0.0.1") -> tuple[int, float]:
    started = time.perf_counter()
    status, _, _ = fetch(port, path, host=host)
    return status, time.perf_counter() - started


@pytest.mark.slow
def test_a_client_pipelining_and_never_reading_stalls_nobody(serving: Serving) -> None:
    for path in ("/khcal.ics", "/", "/khcal.ics?lang=km"):  # built: below, answers are timed, not builds
        assert serving.request(path)[0] == 200
    greedy = pipeline_and_never_read(serving.port)
    try:
        for _ in range(10):  # during: while the server answers what it can of the greedy client
            for path in ("/khcal.ics", "/", "/khcal.ics?lang=km"):
                status, seconds = timed(serving.port, path)
                assert status == 200 and seconds < 2, (path, status, seconds)
            time.sleep(0.2)
        status, _ = timed(serving.port, "/khcal.ics?from=2050&to=2052")  # a feed to build, meanwhile
        assert status in (200, 503)
        time.sleep(2)  # after: its answers fill its socket and waitress's buffer for it
        for path in ("/khcal.ics", "/khcal.ics?from=2050&to=2052"):
            status, seconds = timed(serving.port, path)
            assert status == 200 and seconds < 2, (path, status, seconds)
    finally:
        greedy.close()
    status, seconds = timed(serving.port, "/khcal.ics")
    assert status == 200 and seconds < 2
    assert serving.stop() == 0


@pytest.mark.slow
def test_a_server_whose_stderr_is_never_read_keeps_answering(tmp_path: Path) -> None:
    running = Serving(tmp_path, stderr=subprocess.PIPE)  # a pipe of 64 KB that nobody reads
    try:
        long_line = "/nope?" + "x" * 1000
        started = time.perf_counter()
        for _ in range(400):  # some 450 KB of log lines
            assert running.request(long_line)[0] == 404
            assert time.perf_counter() - started < 60
        assert running.request("/khcal.ics")[0] == 200
        assert running.stop() == 0
    finally:
        running.stop()
        assert running.process.stderr is not None
        running.process.stderr.close()


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


@pytest.mark.slow
@pytest.mark.skipif(not _ipv6_loopback(), reason="no IPv6 loopback address here")
def test_localhost_with_two_addresses_serves_on_both(tmp_path: Path) -> None:
    running = Serving(tmp_path, "--host", "localhost", "--two-addresses")
    try:
        port = running.port
        assert f"http://[::1]:{port}/khcal.ics" in running.announced
        for host in ("127.0.0.1", "::1"):
            status, _, body = fetch(port, "/", host=host)
            assert status == 200 and b"webcal://" in body
        assert running.stop() == 0
    finally:
        running.stop()
    assert "Traceback" not in running.log_file.read_text()


@pytest.mark.slow
def test_kill_9_leaves_no_process_behind(tmp_path: Path) -> None:
    khcal = Path(sys.executable).with_name("khcal")
    with (tmp_path / "err").open("wb") as err:
        process = subprocess.Popen(
            [str(khcal), "serve", "--port", "0"], stdout=subprocess.PIPE, stderr=err,
            env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path)},
        )  # fmt: skip
    try:
        assert process.stdout is not None
        line = process.stdout.readline().decode()
        port = int(line.split()[2].split("/")[2].rsplit(":", 1)[1])
        assert fetch(port, "/khcal.ics?from=2040&to=2069")[0] == 200  # a build, on a thread
        assert descendants(process.pid) == []
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
        if process.stdout is not None:
            process.stdout.close()
    assert process.returncode == -signal.SIGKILL
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


@pytest.mark.slow
def test_thirty_years_are_served_and_thirty_one_are_refused_in_one_line(serving: Serving) -> None:
    status, headers, body = serving.request("/khcal.ics?from=2000&to=2029")
    assert status == 200 and body.count(b"BEGIN:VEVENT") > 300
    status, headers, body = serving.request("/khcal.ics?from=2000&to=2030")
    assert status == 400 and headers["content-type"] == "text/plain; charset=utf-8"
    assert body.decode() == (
        "khcal: bad request: from 2000 to 2030: this server gives at most 30 years in one feed "
        "(khcal export writes longer ones)\n"
    )


@pytest.mark.slow
def test_feeds_already_built_are_answered_while_a_long_one_builds(serving: Serving) -> None:
    assert serving.request("/khcal.ics")[0] == 200
    statuses: list[int] = []

    def build(hours: int) -> None:
        statuses.append(timed(serving.port, f"/khcal.ics?from=2070&to=2099&alarm=-PT{hours}H")[0])

    builds = [threading.Thread(target=build, args=(h,)) for h in range(1, 4)]
    for thread in builds:
        thread.start()
    answered = [timed(serving.port, "/khcal.ics") for _ in range(20)]
    for thread in builds:
        thread.join(60)
    assert all(status == 200 for status, _ in answered)
    assert sorted(s for _, s in answered)[10] < 0.5  # the median
    assert set(statuses) <= {200, 503} and 200 in statuses


@pytest.mark.slow
def test_idle_connections_hold_no_thread_and_others_are_answered(serving: Serving) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 4096)), hard))
    assert serving.request("/khcal.ics")[0] == 200  # built: what is timed below is the answer, not a build
    idle: list[socket.socket] = []
    try:
        for _ in range(1000):
            idle.append(socket.create_connection(("127.0.0.1", serving.port), timeout=10))
        deadline = time.monotonic() + 30  # let the server accept them all (a socket each), however busy
        while serving.open_files() < 1000 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert serving.open_files() >= 1000
        assert serving.threads() <= 200
        status, seconds = timed(serving.port, "/khcal.ics")
        assert status == 200 and seconds < 1
    finally:
        for sock in idle:
            sock.close()
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


@pytest.mark.slow
def test_a_thousand_connections_at_once_are_all_answered(serving: Serving) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 4096)), hard))
    try:
        answered, seconds = many_at_once(serving.port, 1000, "/khcal.ics", within=30)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert answered == 1000, seconds


# --- waitress through its documented API only, read from the source ----------------------------------------

DOCUMENTED = {
    # "Arguments to waitress.serve" (waitress 3.0): what create_server takes as keywords too.
    "host", "port", "listen", "server_name", "ipv4", "ipv6", "unix_socket", "unix_socket_perms", "sockets",
    "threads", "trusted_proxy", "trusted_proxy_count", "trusted_proxy_headers", "log_untrusted_proxy_headers",
    "clear_untrusted_proxy_headers", "url_scheme", "ident", "backlog", "recv_bytes", "outbuf_overflow",
    "outbuf_high_watermark", "inbuf_overflow", "connection_limit", "cleanup_interval", "channel_timeout",
    "log_socket_errors", "max_request_header_size", "max_request_body_size", "expose_tracebacks",
    "asyncore_loop_timeout", "asyncore_use_poll", "url_prefix", "channel_request_lookahead",
}  # fmt: skip
PRIVATE = re.compile(
    r"wasyncore|_dispatcher|\b_map\b|handle_accept|pull_trigger|total_outbufs_len|send_bytes|\.adj\b"
    r"|task_dispatcher|\bchannel\b|\.service\(|forkserver|ProcessPoolExecutor|waitress\.\w+\.\w+"
)


def _sources() -> Iterator[tuple[Path, str]]:
    for path in sorted(SRC.rglob("*.py")):
        yield path, path.read_text(encoding="utf-8")


def test_waitress_is_imported_as_a_whole_and_only_create_server_is_called() -> None:
    uses: list[str] = []
    for path, text in _sources():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("waitress"):
                pytest.fail(f"{path}: from {node.module} import ...: only `import waitress`")
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names if a.name.startswith("waitress")]
                assert names in ([], ["waitress"]), f"{path}: import {names}"
            if isinstance(node, ast.Attribute) and getattr(node.value, "id", None) == "waitress":
                uses.append(node.attr)
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "create_server":
                given = {k.arg for k in node.keywords if k.arg is not None}
                assert given <= DOCUMENTED, f"{path}: undocumented {given - DOCUMENTED}"
    assert set(uses) == {"create_server"}


def test_no_private_name_of_waitress_in_the_source() -> None:
    for path, text in _sources():
        for number, line in enumerate(text.splitlines(), 1):
            found = PRIVATE.search(line)
            assert found is None, f"{path.relative_to(SRC)}:{number}: {found.group() if found else ''}"
    server = (SRC / "feeds" / "server.py").read_text(encoding="utf-8")
    assert set(re.findall(r"self\._server\.(\w+)", server)) <= {"run", "close"}


def test_the_static_check_finds_what_it_looks_for() -> None:
    for sample in ("server._map", "from waitress import wasyncore", "adj.send_bytes = 1", "channel.service"):
        assert PRIVATE.search(sample), sample
    assert not PRIVATE.search("waitress.create_server(app, sockets=sockets, channel_timeout=30)")
