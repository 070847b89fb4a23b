"""A published folder served by nginx (Debian, one worker, loopback): khal and ical.js fetch and read every
feed over HTTP; headless Chromium opens both index pages, every link on them answers; every QR code of a
page, as Chromium draws it, decodes (zbarimg) to the webcal:// address of a feed that exists; the year pages
in English and Khmer are drawn at a phone's width (390 px) and a desktop's (1280 px) without sideways
scrolling, and printed to PDF on a few pages with a Khmer font embedded (pdffonts), not empty boxes.

nginx, chromium, zbarimg, khal, node (with ical.js), the Khmer fonts and poppler-utils are installed by
.ci/run. Under CI (CI set) a missing tool is a failure; elsewhere the tests that need it are skipped with the
reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khcal.cli import app
from khcal.feeds import paths, site
from support.nginx import Nginx

pytestmark = pytest.mark.slow  # end to end: real outside programs

JS = Path(__file__).with_name("js")
TODAY = "2026-11-22"
FEEDS = [site.file_name(s, lang) for s in site.SELECTIONS for lang in site.LANGS]


def need(tool: str) -> str:
    found = shutil.which(tool) or (f"/usr/sbin/{tool}" if Path(f"/usr/sbin/{tool}").exists() else None)
    if found is None:
        message = f"{tool} is not installed (bash .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


@dataclass
class Site:
    folder: Path
    url: str
    tmp: Path


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    nginx = need("nginx")
    tmp = tmp_path_factory.mktemp("site")
    folder = tmp / "public"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CONFIG_HOME", str(tmp / "config"))
        from support.nginx import free_port

        port = free_port()
        url = f"http://127.0.0.1:{port}"
        result = CliRunner().invoke(app, ["publish", str(folder), "--base-url", url, "--today", TODAY])
        assert result.exit_code == 0, result.stderr
    server = Nginx(nginx, folder, tmp / "nginx", port)
    try:
        yield Site(folder, url, tmp)
    finally:
        server.stop()


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()


def test_nginx_serves_each_feed_and_its_gzip_copy(served: Site) -> None:
    import gzip

    for name in FEEDS:
        status, headers, body = get(f"{served.url}/{name}")
        assert status == 200 and body == (served.folder / name).read_bytes()
        assert headers["content-type"].startswith("text/calendar")
        _, zipped_headers, zipped = get(f"{served.url}/{name}", {"Accept-Encoding": "gzip"})
        assert zipped_headers.get("content-encoding") == "gzip"
        assert gzip.decompress(zipped) == body


@pytest.mark.parametrize(
    ("name", "kind"),
    [("json/2027.json", "application/json"), ("api/v3/PublicHolidays/2027/KH", "application/json"),
     ("index.km.html", "text/html"), ("calendar/2027.km.html", "text/html"), ("site.css", "text/css")],
)  # fmt: skip
def test_nginx_serves_the_pages_and_json_with_their_types(served: Site, name: str, kind: str) -> None:
    import gzip

    status, headers, body = get(f"{served.url}/{name}")
    assert status == 200 and body == (served.folder / name).read_bytes()
    assert headers["content-type"] == f"{kind}; charset=utf-8"
    _, zipped_headers, zipped = get(f"{served.url}/{name}", {"Accept-Encoding": "gzip"})
    assert (
        zipped_headers.get("content-encoding") == "gzip" and zipped_headers.get("vary") == "Accept-Encoding"
    )
    assert gzip.decompress(zipped) == body


def test_the_readme_nginx_block_serves_the_site_with_its_types_gzip_and_caching(served: Site) -> None:
    """The configuration the README gives, as given (only its folder changed), in front of the site."""
    import gzip
    import re

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    found = re.search(r"```nginx\n(.*?)```", readme, re.DOTALL)
    assert found is not None and "gzip_vary on;" in found[1] and "application/json json;" in found[1]
    block = found[1].replace("/var/www/calendars/", f"{served.folder}/")
    server = Nginx(need("nginx"), served.folder, served.tmp / "readme-nginx", locations=block)
    try:
        for name, kind in [
            ("cambodia-days-off.km.ics", "text/calendar"), ("json/2027.json", "application/json"),
            ("api/v3/PublicHolidays/2027/KH", "application/json"), ("calendar/2027.km.html", "text/html"),
            ("index.html", "text/html"), ("site.css", "text/css"),
        ]:  # fmt: skip
            url = f"{server.url}/calendars/{name}"
            status, headers, body = get(url)
            assert status == 200 and body == (served.folder / name).read_bytes(), name
            assert headers["content-type"] == f"{kind}; charset=utf-8", name
            assert headers["cache-control"] == "public, max-age=3600", name
            _, zipped_headers, zipped = get(url, {"Accept-Encoding": "gzip"})
            assert zipped_headers.get("content-encoding") == "gzip", name
            assert zipped_headers.get("vary") == "Accept-Encoding", name
            assert gzip.decompress(zipped) == body, name
    finally:
        server.stop()


def test_ical_js_fetches_and_reads_every_feed(served: Site) -> None:
    node = need("node")
    if not (JS / "node_modules" / "ical.js").is_dir():
        message = "ical.js is not installed (npm ci --prefix tests/js; bash .ci/run does)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    from icalendar import Calendar

    for name in FEEDS:
        done = subprocess.run(
            [node, str(JS / "read_feed.mjs"), f"{served.url}/{name}"],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        read = json.loads(done.stdout)
        expected = Calendar.from_ical((served.folder / name).read_bytes()).walk("VEVENT")
        assert [e["uid"] for e in read["events"]] == [str(e["UID"]) for e in expected], name
        assert [e["summary"] for e in read["events"]] == [str(e["SUMMARY"]) for e in expected], name


def test_khal_fetches_and_reads_every_feed(served: Site, tmp_path: Path) -> None:
    khal = need("khal")
    from icalendar import Calendar

    for name in FEEDS:
        folder = tmp_path / name
        calendar = folder / "calendar"
        calendar.mkdir(parents=True)
        config = folder / "khal.conf"
        config.write_text(
            f"[calendars]\n[[feed]]\npath = {calendar}\ntype = calendar\n\n[locale]\n"
            "dateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\ntimeformat = %H:%M\n"
            "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
            "local_timezone = Asia/Phnom_Penh\ndefault_timezone = Asia/Phnom_Penh\n\n"
            f"[sqlite]\npath = {folder / 'db'}\n",
            encoding="utf-8",
        )
        _, _, body = get(f"{served.url}/{name}")
        fetched = folder / "fetched.ics"
        fetched.write_bytes(body)
        env = {
            **os.environ,
            "HOME": str(folder),
            "XDG_CONFIG_HOME": str(folder / "cfg"),
            "TZ": "Asia/Phnom_Penh",
        }
        run = [khal, "-c", str(config)]
        done = subprocess.run(
            [*run, "import", "--batch", "-a", "feed", str(fetched)], capture_output=True, text=True, env=env,
            timeout=300, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        events = Calendar.from_ical(body).walk("VEVENT")
        assert len(list(calendar.glob("*.ics"))) == len(events), name
        listed = subprocess.run(
            [*run, "list", "--format", "{uid}", "2026-01-01", "2028-12-31"], capture_output=True, text=True,
            env=env, timeout=300, check=False,
        )  # fmt: skip
        assert listed.returncode == 0, listed.stderr
        assert {str(e["UID"]) for e in events} <= set(listed.stdout.split()), name


# --- the page in a browser --------------------------------------------------------------------------------


def chromium(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        browser = need("chromium")
    profile = tmp / "profile"
    return subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))


def feed_file(served: Site, url: str) -> str:
    """The published feed a webcal:// or http:// link of an index page names."""
    address = "http://" + url.split("://", 1)[1]
    assert address.startswith(served.url + "/"), url
    name = address.removeprefix(served.url + "/")
    assert name in FEEDS, url
    return name


@pytest.mark.parametrize("page", ["index.html", "index.km.html"])
def test_every_link_of_an_index_page_in_chromium_answers(served: Site, tmp_path: Path, page: str) -> None:
    from urllib.parse import parse_qs, urljoin, urlsplit

    done = chromium("--dump-dom", f"{served.url}/{page}", tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    links = Links()
    links.feed(done.stdout)
    webcal = [h for h in links.hrefs if h.startswith("webcal://")]
    assert sorted(webcal) == sorted(f"webcal://{served.url.split('://')[1]}/{n}" for n in FEEDS)
    for href in links.hrefs:
        if href.startswith("#"):
            assert href[1:] in links.ids, href
            continue
        parts = urlsplit(href)
        if parts.netloc == "calendar.google.com":  # not fetched: its cid is a feed of this site
            feed_file(served, parse_qs(parts.query)["cid"][0])
            continue
        url = urljoin(f"{served.url}/{page}", href)
        if href.startswith("webcal://"):
            url = "http://" + href.removeprefix("webcal://")
        status, _, body = get(url)
        assert status == 200, href
        if url.endswith(".ics"):
            assert body.startswith(b"BEGIN:VCALENDAR"), href


@pytest.mark.parametrize("page", ["index.html", "index.km.html"])
def test_every_qr_code_decodes_to_the_webcal_address_of_a_feed(
    served: Site, tmp_path: Path, page: str
) -> None:
    zbarimg = need("zbarimg")
    shot = tmp_path / "page.png"
    done = chromium(
        "--hide-scrollbars",
        "--window-size=1000,9000",
        f"--screenshot={shot}",
        f"{served.url}/{page}",
        tmp=tmp_path,
    )
    assert shot.exists(), done.stderr
    decoded = subprocess.run(
        [zbarimg, "--quiet", "--raw", str(shot)], capture_output=True, text=True, timeout=120, check=False
    )
    assert decoded.returncode == 0, decoded.stderr
    codes = decoded.stdout.split()
    assert len(codes) == len(site.SELECTIONS) and all(c.startswith("webcal://") for c in codes)
    lang = "km" if ".km." in page else "en"
    assert sorted(feed_file(served, c) for c in codes) == sorted(
        site.file_name(s, lang) for s in site.SELECTIONS
    )


PROBE = """<!doctype html>
<html><head><meta charset="utf-8"><title>probe</title></head><body style="margin:0">
<iframe id="page" src="{page}" style="border:0;width:{width}px;height:1200px"></iframe>
<script>
window.addEventListener("load", function () {{
  var page = document.getElementById("page").contentDocument;
  var root = page.documentElement;
  // Two Khmer letters drawn in the page's font: a missing glyph draws both as the same empty box.
  function drawn(text) {{
    var canvas = document.createElement("canvas");
    canvas.width = 80; canvas.height = 60;
    var context = canvas.getContext("2d");
    context.font = "40px " + getComputedStyle(page.body).fontFamily;
    context.fillText(text, 10, 45);
    return canvas.toDataURL();
  }}
  var glyphs = drawn("\u1780") !== drawn("\u1781") ? 1 : 0;
  var found = [root.scrollWidth, root.clientWidth, page.body.innerText.length, glyphs];
  document.body.setAttribute("data-probe", found.join(" "));
}});
</script>
</body></html>
"""


@pytest.mark.parametrize("lang", ["en", "km"])
@pytest.mark.parametrize("width", [390, 1280])
def test_a_year_page_fits_a_phone_and_a_desktop(served: Site, tmp_path: Path, lang: str, width: int) -> None:
    """Drawn in a frame of the width (headless windows are at least 500 px wide): no sideways scrolling, and
    Khmer letters drawn in the page's fonts as glyphs (two letters differ), not as the same empty box."""
    import re

    year_page = paths.year_page(2027, lang)
    probe = served.folder / f"calendar/probe-{lang}-{width}.html"
    probe.write_text(PROBE.format(page=year_page.rsplit("/", 1)[1], width=width), encoding="utf-8")
    try:
        done = chromium(f"--window-size={max(width, 500)},1300", "--hide-scrollbars", "--dump-dom",
                        f"{served.url}/calendar/{probe.name}", tmp=tmp_path)  # fmt: skip
        shot = tmp_path / "shot.png"
        chromium(f"--window-size={max(width, 500)},1300", f"--screenshot={shot}",
                 f"{served.url}/calendar/{probe.name}", tmp=tmp_path)  # fmt: skip
    finally:
        probe.unlink()
    found = re.search(r'data-probe="(\d+) (\d+) (\d+) (\d)"', done.stdout)
    assert found is not None, done.stdout[-2000:] + done.stderr[-2000:]
    scroll, client, text, glyphs = map(int, found.groups())
    assert glyphs == 1, "Khmer letters are drawn as empty boxes: no Khmer font"
    assert client == width and scroll <= client, (scroll, client)
    assert text > 200  # the year is there
    assert shot.stat().st_size > 5000  # something is drawn


def test_khmer_fonts_are_installed() -> None:
    fc_list = need("fc-list")
    done = subprocess.run(
        [fc_list, ":lang=km", "family"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.stdout.strip(), "no font for Khmer: Khmer text would be drawn as empty boxes"


def printed(served: Site, tmp: Path, target: str) -> tuple[int, str]:
    """Chromium's PDF of a page of the site: its number of pages, and its fonts as pdffonts lists them."""
    pdfinfo, pdffonts = need("pdfinfo"), need("pdffonts")
    pdf = tmp / "printed.pdf"
    pdf.unlink(missing_ok=True)
    done = chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", f"{served.url}/{target}", tmp=tmp)
    assert pdf.exists(), done.stderr
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, timeout=60, check=True).stdout
    pages = int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))
    fonts = subprocess.run(
        [pdffonts, str(pdf)], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    return pages, fonts


@pytest.mark.parametrize("lang", ["en", "km"])
def test_a_year_prints_a_month_a_page_or_on_one_sheet_with_khmer_glyphs(
    served: Site, tmp_path: Path, lang: str
) -> None:
    page = paths.year_page(2027, lang)
    pages, fonts = printed(served, tmp_path, page)
    assert 12 <= pages <= 13, pages  # the months, after the year's heading
    if lang == "km":  # drawn with a font that has Khmer glyphs (Noto Sans Khmer, Khmer OS), embedded
        assert "khmer" in fonts.lower(), fonts
    sheet, _ = printed(served, tmp_path, page + "#sheet")
    assert sheet == 1


def test_dates_in_the_feeds_follow_from_today(served: Site) -> None:
    from icalendar import Calendar

    data = (served.folder / site.file_name(site.SELECTIONS[1], "en")).read_bytes()
    days = [e.decoded("DTSTART") for e in Calendar.from_ical(data).walk("VEVENT")]
    assert min(days) >= date(2026, 1, 1) and max(days) <= date(2028, 12, 31) + timedelta(days=1)
