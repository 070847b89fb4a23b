"""The published site as a whole: every file reached by links from index.html, every page valid HTML, the JSON
equal to `khcal list --json`, Nager.Date's shape, the index pages' links and QR codes."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import html5lib
import pytest

from khcal.feeds import paths, site
from support.command_line import run

BASE = "https://cal.example.org/khcal"
TODAY = "2026-11-22"
YEARS = (2026, 2027, 2028)
FEEDS = {site.file_name(s, lang) for s in site.SELECTIONS for lang in site.LANGS}
NAGER_FIELDS = [
    "date",
    "localName",
    "name",
    "countryCode",
    "fixed",
    "global",
    "counties",
    "launchYear",
    "types",
]


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site") / "public"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CONFIG_HOME", str(folder.parent / "config"))
        patch.setenv("XDG_CACHE_HOME", str(folder.parent / "cache"))
        code, _, err = run("publish", str(folder), "--base-url", BASE, "--today", TODAY)
    assert code == 0, err
    return folder


def parse_strictly(data: bytes, name: str) -> object:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        return parser.parse(data.decode("utf-8"))
    except html5lib.html5parser.ParseError as exc:
        pytest.fail(f"{name}: not valid HTML: {exc}")


def links_of(tree: object) -> Iterator[str]:
    for element in tree.iter():  # type: ignore[attr-defined]
        for attribute in ("href", "src"):
            value = element.get(attribute)
            if value:
                yield value


def feed_of(url: str) -> str:
    """The feed file an absolute link of the index names (webcal, https or Google's cid), under BASE."""
    parts = urlsplit(url)
    if parts.netloc == "calendar.google.com":
        (cid,) = parse_qs(parts.query)["cid"]
        assert cid.startswith("webcal://"), url
        url = cid
    address = "https://" + url.split("://", 1)[1]
    assert address.startswith(BASE + "/"), url
    return unquote(address.removeprefix(BASE + "/"))


def walk(folder: Path) -> tuple[set[str], set[str]]:
    """Every file reached from index.html by links (pages parsed strictly), and the feeds the index pages
    name."""
    seen: set[str] = set()
    feeds: set[str] = set()
    todo = [paths.index("en")]
    while todo:
        page = todo.pop()
        if page in seen:
            continue
        seen.add(page)
        target = folder / page
        assert target.is_file(), f"dead link to {page}"
        if not page.endswith(".html"):
            continue
        for link in links_of(parse_strictly(target.read_bytes(), page)):
            if "://" in link:
                if page.startswith("index"):  # the index pages' absolute links are the feeds'
                    feeds.add(feed_of(link))
                else:  # elsewhere, a source's address: never one of this site's
                    assert not link.startswith(BASE), (page, link)
                continue
            path = link.split("#", 1)[0]
            if path:
                todo.append(posixpath.normpath(posixpath.join(posixpath.dirname(page), path)))
    return seen, feeds


def test_every_file_is_reached_from_index_html_and_every_page_is_valid_html(published: Path) -> None:
    reached, feeds = walk(published)
    assert feeds == FEEDS
    assert all((published / name).is_file() for name in feeds)
    files = {p.relative_to(published).as_posix() for p in published.rglob("*") if p.is_file()}
    files.remove(".khcal-files")  # khcal's list of the edition's files, for the next edition
    plain = {f for f in files if not f.endswith(".gz")}
    assert plain - reached == FEEDS  # the feeds are reached by their absolute links
    assert files == plain | {f + ".gz" for f in plain}
    for year in YEARS:
        for lang in site.LANGS:
            assert paths.year_page(year, lang) in reached
        assert paths.year_json(year) in reached and paths.nager_year(year) in reached
    assert paths.index("km") in reached and paths.STYLESHEET in reached


def test_the_json_of_a_year_equals_list_json(published: Path) -> None:
    code, out, err = run("list", "--year", "2027", "--json", "--today", "2027-01-01")
    assert code == 0, err
    listed = json.loads(out)
    assert json.loads((published / paths.year_json(2027)).read_bytes()) == listed
    assert all(set(o["names"]) == {"en", "km"} for o in listed)
    (victory,) = [o for o in listed if o["id"] == "victory-over-genocide"]
    assert victory["names"] == {"en": "Victory over Genocide Day", "km": "ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍"}


def test_list_json_carries_both_names_whatever_the_language() -> None:
    code, out, _ = run("list", "--year", "2027", "--json", "--lang", "km", "--today", TODAY)
    assert code == 0
    first = json.loads(out)[0]
    assert first["name"] == first["names"]["km"] and first["names"]["en"].isascii()


def test_the_nager_files_have_nager_dates_shape_and_the_days_off(published: Path) -> None:
    data = json.loads((published / paths.nager_year(2027)).read_bytes())
    assert all(list(entry) == NAGER_FIELDS for entry in data)
    code, out, _ = run("list", "--year", "2027", "--holidays", "--json", "--today", TODAY)
    assert code == 0
    days: set[str] = set()
    for occurrence in json.loads(out):
        import datetime as dt

        day = dt.date.fromisoformat(occurrence["start"])
        while day <= dt.date.fromisoformat(occurrence["end"]):
            if day.year == 2027:
                days.add(day.isoformat())
            day += dt.timedelta(days=1)
    assert {entry["date"] for entry in data} == days
    assert [e["date"] for e in data] == sorted(e["date"] for e in data)
    by_name = {e["name"]: e for e in data}
    victory = by_name["Victory over Genocide Day"]
    assert victory == {
        "date": "2027-01-07", "localName": "ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍", "name": "Victory over Genocide Day",
        "countryCode": "KH", "fixed": True, "global": True, "counties": None,
        "launchYear": victory["launchYear"], "types": ["Public"],
    }  # fmt: skip
    assert by_name["Khmer New Year"]["fixed"] is False
    assert sum(e["name"] == "Khmer New Year" for e in data) == 3  # one object a day, as Nager.Date gives them


@pytest.mark.parametrize("lang", site.LANGS)
def test_each_index_page_subscribes_by_webcal_and_links_the_other_language(
    published: Path, lang: str
) -> None:
    import html

    page = (published / paths.index(lang)).read_text(encoding="utf-8")
    other = "km" if lang == "en" else "en"
    assert f'<html lang="{lang}">' in page
    assert f'href="{paths.index(other)}"' in page
    for selection in site.SELECTIONS:
        https, webcal, google = site.feed_urls(BASE, selection, lang)
        assert f'href="{html.escape(webcal)}"' in page and f'href="{html.escape(https)}"' in page
        assert google == (
            "https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Fcal.example.org%2Fkhcal%2F"
            + site.file_name(selection, lang)
        )
        assert f'href="{html.escape(google)}"' in page
        # The QR code is the webcal:// address (scanning it subscribes), not the https:// one.
        assert site.qr_svg(webcal) in page and site.qr_svg(https) not in page
    assert page.count("<svg") == len(site.SELECTIONS)


def test_the_index_names_categories_in_its_language_and_lists_7_january_and_20_may_first(
    published: Path,
) -> None:
    from khcal.text import say

    for lang in site.LANGS:
        page = (published / paths.index(lang)).read_text(encoding="utf-8")
        days = page[page.index('<section id="days">') :]
        links = [line.split('href="')[1].split('"')[0] for line in days.splitlines() if 'href="days/' in line]
        assert links[:2] == [paths.observance_page("victory-over-genocide", lang),
                             paths.observance_page("national-day-of-remembrance", lang)]  # fmt: skip
        assert f"({say(lang, 'category.remembrance')})" in days
    assert "(ការរំលឹក)" in (published / paths.index("km")).read_text(encoding="utf-8")


def test_the_site_does_not_depend_on_the_day_it_is_published(tmp_path: Path, published: Path) -> None:
    again = tmp_path / "again"
    code, _, err = run("publish", str(again), "--base-url", BASE, "--today", "2026-03-01")
    assert code == 0, err
    for path in published.rglob("*"):
        if path.is_file():
            assert (again / path.relative_to(published)).read_bytes() == path.read_bytes(), path


OWN = """
revision = 2026-10-01

[[observances]]
id = "company-day"
name = { en = "Founders <Day> & Co", km = "ទិវាស្ថាបនិក" }
category = "company"
rule = { kind = "fixed", month = 3, day = 3 }
description = "The day the company was founded."

[[observances.holiday]]
"""


def test_a_users_own_day_is_on_the_site_escaped_with_its_own_category(tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    own.write_text(OWN, encoding="utf-8")
    folder = tmp_path / "site"
    code, _, err = run("publish", str(folder), "--base-url", BASE, "--today", TODAY, "--file", str(own))
    assert code == 0, err
    reached, _ = walk(folder)
    assert paths.observance_page("company-day", "km") in reached
    index = (folder / paths.index("en")).read_text(encoding="utf-8")
    assert 'Founders &lt;Day&gt; &amp; Co</a> <span class="category">(company)</span>' in index
    nager = json.loads((folder / paths.nager_year(2027)).read_bytes())
    assert {"date": "2027-03-03", "localName": "ទិវាស្ថាបនិក", "name": "Founders <Day> & Co"}.items() <= next(
        e for e in nager if e["date"] == "2027-03-03"
    ).items()
