"""The published site's year calendars and observance pages: strict HTML5, every day once with its lunar
date as the core computes it, every holy day, day off and observance marked and linked, Khmer pages in
Khmer digits, the remembrance days' pages whole, every link resolving, the same bytes every time."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import html5lib
import pytest

from khcal.core import definitions as catalogue
from khcal.core import khmer_calendar
from khcal.core.schedule import Schedule
from khcal.feeds import paths
from khcal.feeds.calendar_page import year_page
from khcal.feeds.observance_page import observance_ids, observance_page
from khcal.feeds.stylesheet import stylesheet
from khcal.text import digits, say
from khcal.text.lunar import month_name, phase_name

YEAR = 2027
YEARS = (2026, 2027, 2028)
LANGS = ("en", "km")
NS = "{http://www.w3.org/1999/xhtml}"
REMEMBRANCE = ("victory-over-genocide", "national-day-of-remembrance")
PAPER = "A4"  # the paper size's name, written the same way in every language


@cache
def schedule() -> Schedule:
    return Schedule(catalogue.load([]))


@cache
def year_html(lang: str, year: int = YEAR) -> str:
    return year_page(schedule(), year, lang, YEARS)


@cache
def observance_html(ident: str, lang: str) -> str:
    return observance_page(schedule(), ident, lang, YEARS)


def parse(text: str) -> ElementTree.Element:
    """The document as html5lib builds it in strict mode: any parse error raises."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    root: ElementTree.Element = parser.parse(text)
    return root


def tag(element: ElementTree.Element) -> str:
    return element.tag.removeprefix(NS)


def classes(element: ElementTree.Element) -> set[str]:
    return set(element.get("class", "").split())


def find_all(root: ElementTree.Element, name: str, cls: str | None = None) -> list[ElementTree.Element]:
    return [e for e in root.iter(NS + name) if cls is None or cls in classes(e)]


def text_of(element: ElementTree.Element) -> str:
    return "".join(element.itertext())


def visible_text(root: ElementTree.Element) -> str:
    """The text a reader sees in the page's language: the body's, without the words kept for screen
    readers only and without the parts marked as another language (a source's English title)."""
    body = root.find(f"{NS}body")
    assert body is not None
    return "".join(_visible(body, root.get("lang", "")))


def _visible(element: ElementTree.Element, lang: str) -> Iterator[str]:
    if "sr" in classes(element) or element.get("lang", lang) != lang:
        return
    yield element.text or ""
    for child in element:
        yield from _visible(child, lang)
        yield child.tail or ""


def day_cells(root: ElementTree.Element) -> dict[date, ElementTree.Element]:
    cells: dict[date, ElementTree.Element] = {}
    for td in find_all(root, "td", "day"):
        day = date.fromisoformat(td.get("id", "").removeprefix("d-"))
        assert day not in cells, f"{day} appears twice"
        cells[day] = td
    return cells


def site_paths() -> set[str]:
    """Every page this part of the site has, and its stylesheet and front doors."""
    found = {paths.STYLESHEET}
    for lang in LANGS:
        found.add(paths.index(lang))
        found.update(paths.year_page(year, lang) for year in YEARS)
        found.update(paths.observance_page(ident, lang) for ident in observance_ids(schedule()))
    return found


def links(root: ElementTree.Element) -> list[tuple[str, str]]:
    out = [(tag(e), e.get("href", "")) for e in root.iter() if tag(e) in ("a", "link") and e.get("href")]
    return out


# --- the year calendar ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_year_page_is_strict_html5_in_its_language(lang: str) -> None:
    root = parse(year_html(lang))
    assert root.get("lang") == lang
    assert year_html(lang).startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("lang", LANGS)
def test_year_page_has_twelve_months_and_every_day_once(lang: str) -> None:
    root = parse(year_html(lang))
    grids = find_all(root, "table", "grid")
    assert len(grids) == 12
    cells = day_cells(root)
    first, last = date(YEAR, 1, 1), date(YEAR, 12, 31)
    assert sorted(cells) == [first + timedelta(days=n) for n in range((last - first).days + 1)]
    for number, grid in enumerate(grids, start=1):
        days = [date.fromisoformat(td.get("id", "")[2:]) for td in find_all(grid, "td", "day")]
        assert {d.month for d in days} == {number}


@pytest.mark.parametrize("lang", LANGS)
def test_year_page_weeks_start_on_sunday(lang: str) -> None:
    root = parse(year_html(lang))
    for grid in find_all(root, "table", "grid"):
        heads = find_all(grid, "th")
        assert heads[0].get("abbr") == say(lang, "weekday.6")
        for row in find_all(grid, "tr")[1:]:
            cells = find_all(row, "td")
            assert len(cells) == 7
            for column, td in enumerate(cells):
                if "day" in classes(td):
                    assert (date.fromisoformat(td.get("id", "")[2:]).weekday() + 1) % 7 == column


@pytest.mark.parametrize("lang", LANGS)
def test_each_day_carries_the_lunar_date_the_core_computes(lang: str) -> None:
    cells = day_cells(parse(year_html(lang)))
    sample = [date(YEAR, 1, 1) + timedelta(days=n) for n in range(0, 365, 3)]
    for day in sample:
        lunar = khmer_calendar.to_lunar(day)
        (shown,) = find_all(cells[day], "span", "ld")
        expected = say(lang, "site.calendar.lunar-day", day=lunar.day, phase=phase_name(lunar.phase, lang))
        assert text_of(shown) == expected
        month = find_all(cells[day], "span", "lm")
        if lunar.day == 1 and lunar.phase == "waxing":
            assert month_name(lunar.month, lang) in text_of(month[0])
    phase = {"en": "waxing", "km": "កើត"}[lang]
    assert any(text_of(find_all(td, "span", "ld")[0]).endswith(phase) for td in cells.values())


@pytest.mark.parametrize("lang", LANGS)
def test_holy_days_and_days_off_are_marked(lang: str) -> None:
    cells = day_cells(parse(year_html(lang)))
    for day, lunar in khmer_calendar.iter_lunar(date(YEAR, 1, 1), date(YEAR, 12, 31)):
        assert ("holy-day" in classes(cells[day])) == lunar.holy_day, day
        assert bool(find_all(cells[day], "span", "holy")) == lunar.holy_day, day
    new_year = khmer_calendar.new_year(YEAR)
    marked = {d for d, td in cells.items() if find_all(td, "span", "ny")}
    assert marked == {new_year.start, *new_year.vanabat, new_year.leungsak}
    assert say(lang, "new-year.songkran") in text_of(cells[new_year.start])
    off = schedule().days_off(YEAR)
    assert len(off) >= 15
    for day, cell in cells.items():
        marked = classes(cell) & {"off", "lieu", "private"}
        assert bool(marked) == (day in off), day


@pytest.mark.parametrize("lang", LANGS)
def test_every_observance_of_the_year_is_named_and_linked(lang: str) -> None:
    root = parse(year_html(lang))
    cells = day_cells(root)
    page = paths.year_page(YEAR, lang)
    for occ in schedule().year(YEAR):
        target = paths.link(page, paths.observance_page(occ.observance.id, lang))
        for day in occ.dates:
            if day.year != YEAR:
                continue
            hrefs = [a.get("href") for a in find_all(cells[day], "a")]
            assert target in hrefs, (occ.id, day)
            names = [text_of(a) for a in find_all(cells[day], "a")]
            assert occ.observance.name.get(lang) in names
    listed = {a.get("href") for ul in find_all(root, "ul", "events") for a in find_all(ul, "a")}
    assert paths.link(page, paths.observance_page("victory-over-genocide", lang)) in listed


@pytest.mark.parametrize("lang", LANGS)
def test_year_page_names_the_khmer_year(lang: str) -> None:
    root = parse(year_html(lang))
    text = visible_text(root)
    first = khmer_calendar.to_lunar(date(YEAR, 1, 1))
    last = khmer_calendar.to_lunar(date(YEAR, 12, 31))
    for lunar in (first, last):
        assert say(lang, f"animal.{lunar.animal_year}") in text
        assert say(lang, f"sak.{lunar.sak}") in text
        assert digits(lang, lunar.be_year) in text


@pytest.mark.parametrize("lang", LANGS)
def test_year_page_links_years_language_index_and_stylesheet(lang: str) -> None:
    root = parse(year_html(lang))
    page = paths.year_page(YEAR, lang)
    hrefs = {href for _, href in links(root)}
    other = "km" if lang == "en" else "en"
    expected = {
        paths.link(page, paths.index(lang)),
        paths.link(page, paths.year_page(YEAR, other)),
        paths.link(page, paths.STYLESHEET),
        *(paths.link(page, paths.year_page(y, lang)) for y in YEARS if y != YEAR),
    }
    assert expected <= hrefs
    assert "#sheet" in hrefs  # the year on one sheet


def test_khmer_year_page_has_no_latin_digits() -> None:
    text = visible_text(parse(year_html("km")))
    assert not re.search(r"[0-9]", text.replace(PAPER, "")), re.findall(r".{20}[0-9].{20}", text)[:5]
    assert "២០២៧" in text


@pytest.mark.parametrize(
    ("year", "kind"),
    [(2016, "lieu"), (2018, "private")],  # everyone's days in lieu; then the private sector's only
)
def test_days_in_lieu_are_marked_and_link_the_day_they_replace(year: int, kind: str) -> None:
    lieu = schedule().in_lieu(year)
    assert lieu
    for lang in LANGS:
        root = parse(year_page(schedule(), year, lang, (year,)))
        cells = day_cells(root)
        page = paths.year_page(year, lang)
        for occ in lieu:
            assert occ.in_lieu_of is not None
            cell = cells[occ.start]
            assert kind in classes(cell), occ.start
            target = paths.link(page, paths.observance_page(occ.in_lieu_of.id, lang))
            names = {text_of(a): a.get("href") for a in find_all(cell, "a")}
            assert names[say(lang, "name.in-lieu", name=occ.in_lieu_of.name.get(lang))] == target
        legend = text_of(find_all(root, "section", "legend")[0])
        assert say(lang, f"site.calendar.legend.{kind}") in legend


def test_official_and_projected_years_say_so() -> None:
    published = max(schedule().catalogue.published)
    for lang in LANGS:
        official = visible_text(parse(year_page(schedule(), published, lang, YEARS)))
        assert say(lang, "site.calendar.official", year=published) in official
        projected = visible_text(parse(year_html(lang)))
        assert say(lang, "site.calendar.projected", year=YEAR) in projected


# --- the observance pages -------------------------------------------------------------------------------


def test_observance_pages_list_the_remembrance_days_first() -> None:
    ids = observance_ids(schedule())
    assert ids[:2] == list(REMEMBRANCE)
    assert len(ids) == len(set(ids))
    assert set(ids) == set(schedule().catalogue.observances) - {"holy-day"}
    # Calendar order: that of the latest year whose official list of days off is published.
    reference = max(schedule().catalogue.published)
    firsts = [schedule().first_day(i, reference) for i in ids[2:]]
    kept = [(d.month, d.day) for d in firsts if d is not None]
    assert kept == sorted(kept)
    assert len(kept) >= 20


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("ident", REMEMBRANCE)
def test_remembrance_pages_tell_the_whole_story(ident: str, lang: str) -> None:
    from khcal.text.rules import history_lines

    obs = schedule().catalogue.observances[ident]
    root = parse(observance_html(ident, lang))
    assert root.get("lang") == lang
    text = visible_text(root)
    (heading,) = find_all(root, "h1")
    assert text_of(heading) == obs.name.get(lang)
    assert obs.description.get(lang) in text
    for line in history_lines(obs, lang, cite=False):
        assert line in text
    hrefs = {href for _, href in links(root)}
    assert obs.sources
    for source in obs.sources:
        assert source.title in text_of(root)
        if source.url:
            assert source.url in hrefs
    page = paths.observance_page(ident, lang)
    for year in YEARS:
        (occ,) = schedule().of(obs, year)
        day = occ.start
        assert paths.link(page, paths.year_page(year, lang)) + f"#d-{day.isoformat()}" in hrefs
        assert say(lang, "date", day=day.day, month=say(lang, f"month.{day.month}"), year=year) in text


def test_a_day_kept_once_shows_its_date_unlinked_outside_the_published_years() -> None:
    obs = schedule().catalogue.observances["khmer-new-year-2020-replacement"]
    (occ,) = schedule().of(obs, 2020)
    for lang in LANGS:
        root = parse(observance_html(obs.id, lang))
        (dates,) = find_all(root, "section", "dates")
        assert len(find_all(dates, "li")) == 1
        assert not find_all(dates, "a")  # 2020 has no calendar among those published
        assert digits(lang, occ.start.year) in text_of(dates)


@pytest.mark.parametrize("lang", LANGS)
def test_the_remembrance_page_lists_its_days_in_lieu(lang: str) -> None:
    years = (2018,)
    root = parse(observance_page(schedule(), "victory-over-genocide", lang, years))
    (dates,) = find_all(root, "section", "dates")
    hrefs = [a.get("href") for a in find_all(dates, "a")]
    page = paths.observance_page("victory-over-genocide", lang)
    year_link = paths.link(page, paths.year_page(2018, lang))
    assert hrefs == [f"{year_link}#d-2018-01-07", f"{year_link}#d-2018-01-08"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_is_strict_html5_and_every_link_resolves(lang: str) -> None:
    have = site_paths()
    pages = {paths.year_page(y, lang): year_html(lang, y) for y in YEARS}
    pages.update(
        {paths.observance_page(i, lang): observance_html(i, lang) for i in observance_ids(schedule())}
    )
    for page, text in pages.items():
        root = parse(text)
        assert root.get("lang") == lang
        ids = {e.get("id") for e in root.iter() if e.get("id")}
        for _, href in links(root):
            if href.startswith(("https://", "http://")):
                continue
            target, _, fragment = href.partition("#")
            if not target:
                assert fragment in ids or fragment == "", (page, href)
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
            assert resolved in have, (page, href)
        if lang == "km":
            visible = visible_text(root).replace(PAPER, "")
            assert not re.search(r"[0-9]", visible), (page, re.findall(r".{20}[0-9].{20}", visible)[:3])


def test_fragments_of_year_links_name_real_days() -> None:
    for lang in LANGS:
        for ident in REMEMBRANCE:
            root = parse(observance_html(ident, lang))
            page = paths.observance_page(ident, lang)
            for _, href in links(root):
                target, _, fragment = href.partition("#")
                if fragment and target:
                    year = int(posixpath.basename(target).split(".")[0])
                    assert year in YEARS
                    assert fragment in {f"d-{d.isoformat()}" for d in day_cells(parse(year_html(lang, year)))}
                    assert posixpath.normpath(posixpath.join(posixpath.dirname(page), target)) in site_paths()


MARKUP = """
[[observances]]
id = "company-day"
name = { en = "Company <b>Day</b> & \\"friends\\"", km = "ថ្ងៃ<i>ក្រុមហ៊ុន</i>" }
category = "company"
rule = { kind = "fixed", month = 3, day = 14 }
description = "Our <script>alert(1)</script> founding day."
sources = [{ title = "Minutes <of> the board", url = "https://example.org/a?b=1&c=\\"2\\"" }]
[[observances.holiday]]
since = 2000
"""


def test_a_users_own_words_are_escaped(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(MARKUP, encoding="utf-8")
    mine = Schedule(catalogue.load([path]))
    assert "company-day" in observance_ids(mine)
    for lang in LANGS:
        for text in (year_page(mine, YEAR, lang, YEARS), observance_page(mine, "company-day", lang, YEARS)):
            root = parse(text)
            assert not [e for e in root.iter() if tag(e) in ("b", "i", "script", "of")]
        cells = day_cells(parse(year_page(mine, YEAR, lang, YEARS)))
        assert "off" in classes(cells[date(YEAR, 3, 14)])
        names = [text_of(a) for a in find_all(cells[date(YEAR, 3, 14)], "a")]
        assert mine.catalogue.observances["company-day"].name.get(lang) in names
        page = parse(observance_page(mine, "company-day", lang, YEARS))
        assert 'https://example.org/a?b=1&c="2"' in {href for _, href in links(page)}
        assert "Our <script>alert(1)</script> founding day." in text_of(page)


# --- the stylesheet and determinism ---------------------------------------------------------------------


def test_stylesheet_prints_on_a4_and_names_khmer_fonts_first() -> None:
    css = stylesheet()
    assert "@page" in css and "A4" in css and "@media print" in css
    family = re.search(r"font-family: ([^;]+);", css)
    assert family is not None
    assert family.group(1).startswith('"Noto Sans Khmer", "Khmer OS Battambang", "Khmer OS"')
    assert "url(" not in css and "@import" not in css  # nothing fetched from outside the site


def test_pages_fetch_nothing_from_outside_the_site() -> None:
    for text in (year_html("km"), observance_html("victory-over-genocide", "km")):
        root = parse(text)
        assert not find_all(root, "script")
        for element in root.iter():
            if tag(element) in ("link", "img", "script", "iframe"):
                source: Any = element.get("href") or element.get("src") or ""
                assert not source.startswith(("http:", "https:", "//")), source


def test_same_schedule_same_bytes() -> None:
    for lang in LANGS:
        again = Schedule(catalogue.load([]))
        assert year_page(again, YEAR, lang, YEARS) == year_html(lang)
        assert year_page(again, YEAR, lang, list(reversed(YEARS))) == year_html(lang)
        for ident in REMEMBRANCE:
            assert observance_page(again, ident, lang, YEARS) == observance_html(ident, lang)
    assert stylesheet() == stylesheet()
