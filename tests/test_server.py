"""`khcal serve` (and the same application under gunicorn) over a real socket on the loopback interface:
status codes, headers, 304, 400, 404."""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khcal.cli import app
from khcal.core import definitions as catalogue
from khcal.core.schedule import Schedule
from khcal.feeds import ics, server
from support.serving import TODAY, Answering, Serving, fetch

SUPPORT = Path(__file__).with_name("support")


def noon(day: date) -> datetime:
    """The server's clock in these tests: noon UTC of the pinned day."""
    return datetime.combine(day, time(12), tzinfo=UTC)


class Gunicorn(Answering):
    """The same application under gunicorn with several workers; today is a file every worker reads."""

    def __init__(self, schedule: Schedule, folder: Path, trust_proxy: bool = False) -> None:
        self.schedule = schedule
        self.folder = folder
        self._today_file = folder / "today"
        self.today = TODAY
        self.log_file = folder / "gunicorn.log"
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(128)
        self.port = self.listener.getsockname()[1]
        fd = self.listener.fileno()
        env = {**os.environ, "KHCAL_TEST_TODAY": str(self._today_file)}
        env["KHCAL_TEST_TRUST_PROXY"] = "1" if trust_proxy else "0"
        with self.log_file.open("wb") as log:
            self.process = subprocess.Popen(
                [need("gunicorn"), "--workers", "3", "--bind", f"fd://{fd}", "--pythonpath", str(SUPPORT),
                 "--graceful-timeout", "2", "served_app:create()"],
                stdout=log, stderr=log, pass_fds=(fd,), env=env,
            )  # fmt: skip
        for _ in range(200):  # bounded: at most about 20 s
            try:
                if fetch(self.port, "/favicon.ico")[0] == 404:
                    break
            except OSError:
                pass
            assert self.process.poll() is None, self.log_file.read_text()
            subprocess.run(["sleep", "0.1"], check=True)
        else:
            pytest.fail("gunicorn did not answer: " + self.log_file.read_text())

    def logged(self, capsys: pytest.CaptureFixture[str]) -> str:
        subprocess.run(["sleep", "0.2"], check=True)  # the workers write their lines after answering
        return self.log_file.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        try:
            self.end()
        finally:
            self.listener.close()


def need(tool: str) -> str:
    """An outside program: it is in the test extras, so missing it is a failure."""
    found = shutil.which(tool) or shutil.which(str(Path(sys.executable).with_name(tool)))
    if found is None:
        pytest.fail(f"{tool} is not installed (pip install -e '.[test]' installs it)")
    return found


@pytest.fixture(scope="module")
def builtin_schedule() -> Schedule:
    return Schedule(catalogue.load([]))


@pytest.fixture(scope="module")
def gunicorn(builtin_schedule: Schedule, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gunicorn]:
    running = Gunicorn(builtin_schedule, tmp_path_factory.mktemp("gunicorn"))
    yield running
    running.stop()


Served = Serving | Gunicorn


@pytest.fixture(scope="module")
def waitress(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Serving]:
    running = Serving(tmp_path_factory.mktemp("serve"))
    yield running
    assert running.stop() == 0


@pytest.fixture(params=["waitress", "gunicorn"])
def served(request: pytest.FixtureRequest) -> Iterator[Serving | Gunicorn]:
    running: Serving | Gunicorn = request.getfixturevalue(request.param)
    running.today = TODAY
    yield running


def test_feed_status_headers_and_body(served: Served) -> None:
    status, headers, body = served.request("/khcal.ics")
    assert status == 200
    assert headers["content-type"] == "text/calendar; charset=utf-8"
    assert int(headers["content-length"]) == len(body)
    assert headers["etag"].startswith('"') and headers["etag"].endswith('"')
    assert parsedate_to_datetime(headers["last-modified"]).date() == catalogue.load([]).revision
    assert "max-age=" in headers["cache-control"]
    # The same function as `khcal export`, with this year and the next two by default.
    assert body == ics.build(served.schedule, ics.FeedOptions(2026, 2028))


def test_query_gives_the_same_bytes_as_export(served: Served) -> None:
    status, _, body = served.request(
        "/khcal.ics?lang=km&holidays=1&from=2025&to=2027&category=royal&category=religious&alarm=-PT15H"
    )
    assert status == 200
    result = CliRunner().invoke(app, [
        "export", "--today", "2026-11-22", "--lang", "km", "--holidays", "--from", "2025", "--to", "2027",
        "--category", "royal", "--category", "religious", "--alarm", "-PT15H",
    ])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert body == result.stdout_bytes


def test_matching_etag_gives_304(served: Served) -> None:
    _, headers, _ = served.request("/khcal.ics?lang=km")
    etag = headers["etag"]
    for sent in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        status, again, body = served.request("/khcal.ics?lang=km", headers={"If-None-Match": sent})
        assert status == 304, sent
        assert body == b""
        assert again["etag"] == etag
    status, _, body = served.request("/khcal.ics?lang=km", headers={"If-None-Match": '"something-else"'})
    assert status == 200 and body.startswith(b"BEGIN:VCALENDAR")
    # Another feed has another tag.
    _, other, _ = served.request("/khcal.ics?lang=en")
    assert other["etag"] != etag


def test_if_modified_since(served: Served) -> None:
    _, headers, _ = served.request("/khcal.ics")
    status, _, _ = served.request("/khcal.ics", headers={"If-Modified-Since": headers["last-modified"]})
    assert status == 304
    status, _, _ = served.request(
        "/khcal.ics", headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}
    )
    assert status == 200
    # If-None-Match wins over If-Modified-Since.
    status, _, _ = served.request(
        "/khcal.ics", headers={"If-Modified-Since": headers["last-modified"], "If-None-Match": '"x"'}
    )
    assert status == 200


def test_default_range_follows_today(served: Served) -> None:
    _, before, body_before = served.request("/khcal.ics")
    served.today = date(2027, 1, 1)
    _, after, body_after = served.request("/khcal.ics")
    assert b"victory-over-genocide-2026@khcal" in body_before
    assert b"victory-over-genocide-2026@khcal" not in body_after
    assert b"victory-over-genocide-2029@khcal" in body_after
    assert after["etag"] != before["etag"]
    assert parsedate_to_datetime(after["last-modified"]).date() == date(2027, 1, 1)


def test_head_gives_headers_only(served: Served) -> None:
    status, headers, body = served.request("/khcal.ics", method="HEAD")
    assert status == 200 and body == b""
    _, full, whole = served.request("/khcal.ics")
    assert headers["etag"] == full["etag"]
    assert int(headers["content-length"]) == len(whole)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("lang=fr", "lang: 'fr' is not one of en, km"),
        ("from=abc", "from: 'abc' is not a year"),
        ("from=2027&to=2026", "from 2027 is after to 2026"),
        ("from=1500", "outside the supported range"),
        ("holidays=maybe", "holidays: 'maybe' is not 1 or 0"),
        ("category=sports", "category: 'sports' is not a category"),
        ("alarm=soon", "alarm: 'soon' is not a duration"),
        ("colour=red", "unknown parameter 'colour'"),
        ("lang=en&lang=km", "parameter 'lang' is given more than once"),
        ("from=2000&to=2030", "from 2000 to 2030: this server gives at most 30 years in one feed"),
        ("to=2099", "at most 30 years in one feed (khcal export writes longer ones)"),
        # longer than even export's 100 years: still the server's own limit, the one a client must keep
        ("from=1800&to=2200", "from 1800 to 2200: this server gives at most 30 years in one feed"),
    ],
)
def test_bad_query_gives_400(served: Served, query: str, message: str) -> None:
    status, headers, body = served.request(f"/khcal.ics?{query}")
    assert status == 400
    assert headers["content-type"] == "text/plain; charset=utf-8"
    text = body.decode()
    assert text.startswith("khcal: bad request: ") and text.count("\n") == 1
    assert message in text


@pytest.mark.parametrize("query", ["holidays", "holidays=1", "holidays=true", "holidays=yes"])
def test_holidays_flag_forms(served: Served, query: str) -> None:
    status, _, body = served.request(f"/khcal.ics?{query}&from=2026&to=2026")
    assert status == 200
    assert b"fall-of-phnom-penh-2026" not in body  # not a day off
    assert b"victory-over-genocide-2026" in body


@pytest.mark.parametrize(
    "path", ["/etc/passwd", "/../../etc/passwd", "/khcal.ics/../../etc/passwd", "/khcal.ics/", "/favicon.ico",
             "/data/observances.toml", "/index.html/../etc/passwd"]
)  # fmt: skip
def test_nothing_else_is_served(served: Served, path: str) -> None:
    status, _, body = served.request(path)
    assert status == 404
    assert b"root:" not in body and b"[[observances]]" not in body


def test_other_methods_are_refused(served: Served) -> None:
    status, headers, _ = served.request("/khcal.ics", method="POST")
    assert status == 405
    assert headers["allow"] == "GET, HEAD"


def test_index_page_shows_subscription_links(served: Served) -> None:
    status, headers, body = served.request("/", headers={"Host": "cal.example.org"})
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    page = body.decode()
    assert 'href="webcal://cal.example.org/khcal.ics"' in page
    assert "https://cal.example.org/khcal.ics?lang=km&amp;holidays=1" in page
    # A Host header that is not a host name is not echoed into the page.
    _, _, body = served.request("/", headers={"Host": "<script>alert(1)</script>"})
    assert b"<script>" not in body
    assert f"webcal://127.0.0.1:{served.port}/khcal.ics".encode() in body


def test_requests_are_logged(served: Served, capsys: pytest.CaptureFixture[str]) -> None:
    served.request("/khcal.ics?lang=km")
    served.request("/nope")
    logged = served.logged(capsys)
    assert '"GET /khcal.ics?lang=km HTTP/1.1" 200' in logged
    assert '"GET /nope HTTP/1.1" 404' in logged


def test_feed_options_parsing() -> None:
    feeds = server.Feeds(Schedule(catalogue.load([])), "km", lambda: TODAY)
    options = feeds.options("category=royal,religious&category=royal&alarm=-P1D")
    assert options == ics.FeedOptions(
        2026, 2028, lang="km", categories=("royal", "religious"), alarm=timedelta(days=-1)
    )
    assert feeds.options("to=2030").first_year == 2026
    assert feeds.options("from=2030") == ics.FeedOptions(2030, 2032, lang="km")


# --- the command, as a process ---------------------------------------------------------------------------


def start(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    khcal = Path(sys.executable).with_name("khcal")
    process = subprocess.Popen(
        [str(khcal), "serve", "--port", "0", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path)},
    )  # fmt: skip
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("khcal: serving http://127.0.0.1:"), line
    return process, line.split()[2]


def test_serve_command_answers_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    process, url = start(tmp_path, "--lang", "km")
    try:
        port = int(url.split(":")[2].split("/")[0])
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/khcal.ics?from=2026&to=2026")
        response = connection.getresponse()
        body = response.read()
        connection.close()
        assert response.status == 200
        unfolded = body.replace(b"\r\n ", b"").decode()
        assert "SUMMARY:ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍\r\n" in unfolded  # --lang km is the default
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=10)
    finally:
        process.kill() if process.poll() is None else None
    assert process.returncode == 130
    assert "GET /khcal.ics?from=2026&to=2026" in err
    assert err.strip().endswith("khcal: stopped")
    assert "Traceback" not in err


def test_serve_command_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    process, _ = start(tmp_path)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=10)
    assert process.returncode == 0
    assert err.strip() == "khcal: stopped"


def test_serve_on_a_busy_port_exits_2() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert f"--port {port}: cannot listen there" in result.stderr


# --- what the WSGI application adds: gzip, bounds, escaped logs (under waitress and gunicorn alike) ------


def test_gzip_when_accepted(served: Served) -> None:
    import gzip

    _, plain_headers, plain = served.request("/khcal.ics")
    status, headers, body = served.request("/khcal.ics", headers={"Accept-Encoding": "gzip, deflate"})
    assert status == 200
    assert headers["content-encoding"] == "gzip"
    assert headers["vary"] == "Accept-Encoding" == plain_headers["vary"]
    assert gzip.decompress(body) == plain
    assert len(body) * 4 < len(plain)
    assert headers["etag"] != plain_headers["etag"]
    status, _, _ = served.request(
        "/khcal.ics", headers={"Accept-Encoding": "gzip", "If-None-Match": headers["etag"]}
    )
    assert status == 304
    _, refused, _ = served.request("/khcal.ics", headers={"Accept-Encoding": "gzip;q=0"})
    assert "content-encoding" not in refused


def test_last_modified_is_never_after_the_response(served: Served) -> None:
    _, headers, _ = served.request("/khcal.ics?from=2030&to=2032")
    assert parsedate_to_datetime(headers["last-modified"]) <= noon(served.today)


@pytest.mark.parametrize("alarm", ["P9999999999D", "-PT99999999999999999999H", "P400D"])
def test_an_alarm_too_far_away_gives_400(served: Served, alarm: str) -> None:
    status, _, body = served.request(f"/khcal.ics?alarm={alarm}")
    assert status == 400
    assert body.decode() == f"khcal: bad request: alarm: '{alarm}' is more than a year away from the event\n"


def test_control_characters_are_escaped_in_the_log(
    served: Served, capsys: pytest.CaptureFixture[str]
) -> None:
    served.request("/nope%1b[31m%07")
    with socket.create_connection(("127.0.0.1", served.port), timeout=10) as raw:
        raw.sendall(b"GET /x\x1b[2J\x07 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        while raw.recv(65536):
            pass
    logged = served.logged(capsys)
    assert "\x1b" not in logged and "\x07" not in logged
    assert "\\x1b" in logged or "%1b" in logged.lower()


def test_a_client_hanging_up_leaves_no_traceback(served: Served, capsys: pytest.CaptureFixture[str]) -> None:
    for _ in range(20):
        with socket.create_connection(("127.0.0.1", served.port), timeout=30) as raw:
            raw.sendall(b"GET /khcal.ics?from=2026&to=2045 HTTP/1.1\r\nHost: a\r\n\r\n")
            raw.recv(10)
    status, _, _ = served.request("/khcal.ics")
    assert status == 200
    assert "Traceback" not in served.logged(capsys)


def test_index_links_behind_a_trusted_proxy_only(tmp_path: Path) -> None:
    headers = {"Host": "127.0.0.1:8080", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "cal.example.org"}
    for trust in (False, True):
        running = Serving(tmp_path / str(trust), *(["--trust-proxy"] if trust else []))
        try:
            _, _, body = running.request("/", headers=headers)
        finally:
            running.stop()
        page = body.decode()
        if trust:
            assert 'href="https://cal.example.org/khcal.ics"' in page
        else:
            assert 'href="http://127.0.0.1:8080/khcal.ics"' in page
            assert "cal.example.org" not in page


def test_a_wildcard_address_gives_usable_links() -> None:
    from khcal.feeds import pages

    assert pages.reachable_address("0.0.0.0") not in ("0.0.0.0", "")
    assert not pages.host_port("0.0.0.0", 8080).startswith("0.0.0.0")
    base = pages.public_base({"SERVER_NAME": "0.0.0.0", "SERVER_PORT": "8080"}, False, None)
    assert base[1].endswith(":8080") and not base[1].startswith("0.0.0.0")


@pytest.mark.parametrize("sent", ["0.0.0.0:8080", "[::]:8080"])
def test_a_wildcard_host_header_gives_the_servers_usable_address(sent: str) -> None:
    from khcal.feeds import pages

    base = pages.public_base({"HTTP_HOST": sent}, False, "192.0.2.7:8080")
    assert base == ("http", "192.0.2.7:8080")
    assert pages.public_base({"HTTP_HOST": "cal.example.org:8080"}, False, "192.0.2.7:8080")[1] == (
        "cal.example.org:8080"
    )


@pytest.mark.parametrize("lang", ["en", "km"])
def test_the_served_page_speaks_the_servers_language(lang: str) -> None:
    import html

    from khcal.feeds import pages
    from khcal.text import say

    page = pages.index_page(("http", "cal.example.org"), lang)
    assert f'<html lang="{lang}">' in page
    for key in ("heading", "days-off", "download"):
        assert html.escape(say(lang, f"page.{key}")) in page
    assert 'href="webcal://cal.example.org/khcal.ics?lang=km&amp;holidays=1"' in page


def test_the_wsgi_entry_point_under_gunicorn_reads_config_toml(tmp_path: Path) -> None:
    """`khcal.feeds.wsgi:application` is set up as the command line is: config.toml saying `lang = "km"`
    gives Khmer feeds and a Khmer page, and KHCAL_TZ is the zone of its today."""
    (tmp_path / "khcal").mkdir()
    (tmp_path / "khcal" / "config.toml").write_text('lang = "km"\n', encoding="utf-8")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    port, fd = listener.getsockname()[1], listener.fileno()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KHCAL_")}
    env.update(XDG_CONFIG_HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"), KHCAL_TZ="UTC")
    log = tmp_path / "gunicorn.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [need("gunicorn"), "--workers", "1", "--bind", f"fd://{fd}", "khcal.feeds.wsgi:application"],
            stdout=out, stderr=out, pass_fds=(fd,), env=env,
        )  # fmt: skip
    try:
        for _ in range(200):  # bounded: at most about 20 s
            try:
                status, _, body = fetch(port, "/khcal.ics?from=2026&to=2026")
                break
            except OSError:
                assert process.poll() is None, log.read_text()
                subprocess.run(["sleep", "0.1"], check=True)
        else:
            pytest.fail("gunicorn did not answer: " + log.read_text())
        assert status == 200, body
        unfolded = body.replace(b"\r\n ", b"")
        assert "ទិវាចូលឆ្នាំសាកល".encode() in unfolded and b"International New Year's Day" not in unfolded
        status, _, page = fetch(port, "/")
        assert status == 200 and b'lang="km"' in page
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(15)
        finally:
            if process.poll() is None:
                process.kill()
            listener.close()
