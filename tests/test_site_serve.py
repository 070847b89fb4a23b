"""`khcal serve` answers the published site's paths with the bytes `khcal publish` writes there, for the same
data and base address: in-process through the WSGI application, and through the real server."""

from __future__ import annotations

import gzip
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from khcal.core import definitions
from khcal.core.schedule import Schedule
from khcal.feeds.app import FeedApp, make_app
from support.command_line import run
from support.serving import TODAY, Serving

HOST = "cal.example.org"


def published(folder: Path, base: str) -> dict[str, bytes]:
    code, _, err = run("publish", str(folder), "--base-url", base, "--today", TODAY.isoformat())
    assert code == 0, err
    found = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    del found[".khcal-files"]  # khcal's list of the edition's files: not a file of the site
    return found


@pytest.fixture(scope="module")
def application() -> FeedApp:
    return make_app(
        Schedule(definitions.load([])), today=lambda: TODAY, log=False,
        now=lambda: datetime(2026, 11, 22, 12, tzinfo=UTC),
    )  # fmt: skip


def get(app: FeedApp, path: str, **headers: str) -> tuple[str, dict[str, str], bytes]:
    path, _, query = path.partition("?")
    environ: dict[str, Any] = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query}
    environ.update({"HTTP_HOST": HOST, "wsgi.url_scheme": "http"})
    environ.update({f"HTTP_{k.upper()}": v for k, v in headers.items()})
    status, answered, body = app.answer(environ)
    return status, {k.lower(): v for k, v in answered}, body


def test_every_published_file_is_served_with_the_same_bytes(tmp_path: Path, application: FeedApp) -> None:
    files = published(tmp_path / "site", f"http://{HOST}")
    assert len(files) > 100
    for name, data in files.items():
        status, headers, body = get(application, "/" + name)
        assert status == "200 OK" and body == data, name
        assert headers["content-length"] == str(len(data))


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/index.km.html", "text/html; charset=utf-8"),
        ("/calendar/2027.html", "text/html; charset=utf-8"),
        ("/json/2027.json", "application/json; charset=utf-8"),
        ("/api/v3/PublicHolidays/2027/KH", "application/json; charset=utf-8"),
        ("/site.css", "text/css; charset=utf-8"),
        ("/cambodia-days-off.km.ics", "text/calendar; charset=utf-8"),
        ("/json/2027.json.gz", "application/gzip"),
    ],
)
def test_each_kind_of_file_has_its_type_an_etag_and_answers_304(
    application: FeedApp, path: str, kind: str
) -> None:
    status, headers, body = get(application, path)
    assert status == "200 OK" and headers["content-type"] == kind
    again, _, empty = get(application, path, if_none_match=headers["etag"])
    assert again == "304 Not Modified" and empty == b""
    if not path.endswith(".gz"):
        _, zipped_headers, zipped = get(application, path, accept_encoding="gzip")
        assert zipped_headers["content-encoding"] == "gzip" and gzip.decompress(zipped) == body
        assert zipped_headers["etag"] != headers["etag"]


@pytest.mark.parametrize(
    "path",
    ["/calendar/1999.html", "/json/2040.json", "/days/nothing.html", "/index.html.gz.gz", "/calendar/",
     "/api/v3/PublicHolidays/2027/TH", "/calendar/../index.html", "/site.css/"],
)  # fmt: skip
def test_paths_the_site_does_not_have_are_404(application: FeedApp, path: str) -> None:
    assert get(application, path)[0] == "404 Not Found"


def test_head_answers_a_site_path_with_the_headers_of_get_and_no_body(application: FeedApp) -> None:
    answered: list[tuple[str, list[tuple[str, str]]]] = []
    environ = {"REQUEST_METHOD": "HEAD", "PATH_INFO": "/calendar/2027.km.html", "HTTP_HOST": HOST}
    body = application(environ, lambda status, headers: answered.append((status, headers)))
    assert body == [] and answered[0][0] == "200 OK"
    _, headers, full = get(application, "/calendar/2027.km.html")
    assert dict(answered[0][1])["Content-Length"] == headers["content-length"] == str(len(full))


def test_only_the_index_pages_depend_on_the_base_address(tmp_path: Path) -> None:
    from khcal.feeds.site_files import uses_base

    first = published(tmp_path / "a", "https://a.example.org/cal")
    second = published(tmp_path / "b", "http://b.example.org:8080")
    assert (
        {name for name in first if first[name] != second[name]}
        == {name for name in first if uses_base(name)}
        == {"index.html", "index.km.html", "index.html.gz", "index.km.html.gz"}
    )


def test_the_query_page_stays_at_the_root(application: FeedApp) -> None:
    status, _, body = get(application, "/")
    assert status == "200 OK" and f'href="webcal://{HOST}/khcal.ics"'.encode() in body
    assert b'<a href="/index.html">' in body  # the site's front door
    assert get(application, "/khcal.ics?from=2026&to=2026")[0] == "200 OK"


def test_the_year_range_follows_the_servers_today() -> None:
    later = make_app(Schedule(definitions.load([])), today=lambda: date(2030, 2, 1), log=False)
    assert get(later, "/json/2032.json")[0] == "200 OK"
    assert get(later, "/json/2029.json")[0] == "404 Not Found"


@pytest.mark.slow
def test_the_real_server_answers_the_sites_paths_as_published(tmp_path: Path) -> None:
    server = Serving(tmp_path / "serve")
    try:
        files = published(tmp_path / "site", f"http://127.0.0.1:{server.port}")
        for name in ("index.html", "index.km.html", "calendar/2027.km.html", "json/2027.json",
                     "api/v3/PublicHolidays/2028/KH", "site.css", "cambodia-buddhist.en.ics",
                     "cambodia-everything.km.ics.gz", "days/victory-over-genocide.km.html"):  # fmt: skip
            status, headers, body = server.request("/" + name)
            assert status == 200 and body == files[name], name
            status, _, _ = server.request("/" + name, headers={"If-None-Match": headers["etag"]})
            assert status == 304, name
    finally:
        server.stop()
