"""Every file of the published site by its path, each made when asked for: `khcal publish` writes them all,
one at a time, and `khcal serve` answers a path at a time, so that the two give the same bytes for the same
data and base address.

A site is its schedule, its base address (no trailing slash) and its years. Its files are the feeds of each
language and selection, the index page of each language, a printable calendar of each year and language, a
page of each observance in each language, the stylesheet, a JSON file of each year and the same year's days
off in Nager.Date's shape (`khcal.feeds.paths` names them all). The `.gz` copies a host serves to clients
that accept gzip are made from these (`gzipped`). Nothing reads the clock: the same data give the same bytes.
"""

from __future__ import annotations

import functools
import gzip
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from khcal.core.schedule import Schedule
from khcal.feeds import ics, paths, site, versions

Maker = Callable[[], bytes]
Previous = Callable[[str], bytes | None]
"""The feed a site held before under a name (None when there was none): its events keep their versions."""

_TYPES = {
    ".ics": "text/calendar",
    ".html": "text/html",
    ".css": "text/css",
    ".json": "application/json",
    ".gz": "application/gzip",
}


def content_type(path: str) -> str:
    """The media type of a site path; the Nager.Date paths (no extension) are JSON."""
    for ending, kind in _TYPES.items():
        if path.endswith(ending):
            return kind
    return "application/json"


def uses_base(path: str) -> bool:
    """True for the files whose bytes depend on the site's base address: the index pages (and their `.gz`),
    which give the feeds' absolute addresses. Every other file links relatively."""
    return path.removesuffix(".gz") in {paths.index(lang) for lang in site.LANGS}


def gzipped(data: bytes) -> bytes:
    """The `.gz` copy: the same bytes for the same data (no name, no time in its header)."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def _none(name: str) -> bytes | None:
    return None


@dataclass(frozen=True, slots=True)
class Site:
    """The site of `schedule` at `base` for `years` (first to last, in order)."""

    schedule: Schedule
    base: str
    years: tuple[int, ...]

    def feed_options(self) -> dict[str, ics.FeedOptions]:
        """The published feeds by file name, with the options each is built from."""
        return {
            site.file_name(s, lang): ics.FeedOptions(
                self.years[0], self.years[-1], lang=lang, holidays=s.holidays, categories=s.categories
            )
            for lang in site.LANGS
            for s in site.SELECTIONS
        }

    def makers(self, previous: Previous = _none) -> dict[str, Maker]:
        """Every file of the site by path, each made only when called."""
        made: dict[str, Maker] = {}
        for name, options in self.feed_options().items():
            made[name] = functools.partial(self._feed, options, name, previous)
        pages = _pages()
        ids = pages.observance_ids(self.schedule)
        for lang in site.LANGS:
            made[paths.index(lang)] = functools.partial(self._index, lang, ids)
            for year in self.years:
                made[paths.year_page(year, lang)] = _text(
                    pages.year_page, self.schedule, year, lang, self.years
                )
            for ident in ids:
                made[paths.observance_page(ident, lang)] = _text(
                    pages.observance_page, self.schedule, ident, lang, self.years
                )
        made[paths.STYLESHEET] = _text(pages.stylesheet)
        from khcal.feeds import site_data

        for year in self.years:
            made[paths.year_json(year)] = functools.partial(site_data.year_json, self.schedule, year)
            made[paths.nager_year(year)] = functools.partial(site_data.nager_json, self.schedule, year)
        return made

    def _feed(self, options: ics.FeedOptions, name: str, previous: Previous) -> bytes:
        before = previous(name)
        return ics.build(self.schedule, options, dict(versions.read_previous(before)) if before else {})

    def _index(self, lang: str, ids: Sequence[str]) -> bytes:
        from khcal.text.dates import category_name

        observances = self.schedule.catalogue.observances
        listed = [
            site.Listed(i, observances[i].name.get(lang), category_name(observances[i].category, lang))
            for i in ids
        ]
        return site.index_page(self.base, lang, self.years, listed).encode("utf-8")

    def each(self, previous: Previous = _none) -> Iterator[tuple[str, bytes]]:
        """Every file of the site, path and bytes, each followed by its `.gz` copy (all are text), in a fixed
        order, one at a time: a caller that writes each as it comes holds one file, never the site."""
        for path, make in self.makers(previous).items():
            data = make()
            yield path, data
            yield path + ".gz", gzipped(data)


def _text(make: Callable[..., str], *args: object) -> Maker:
    return lambda: make(*args).encode("utf-8")


@dataclass(frozen=True, slots=True)
class _Pages:
    year_page: Callable[..., str]
    observance_page: Callable[..., str]
    observance_ids: Callable[[Schedule], list[str]]
    stylesheet: Callable[[], str]


def _pages() -> _Pages:
    """The page makers of `khcal.feeds.calendar_page`, `observance_page` and `stylesheet`."""
    from khcal.feeds import calendar_page, observance_page, stylesheet

    return _Pages(
        calendar_page.year_page,
        observance_page.observance_page,
        observance_page.observance_ids,
        stylesheet.stylesheet,
    )
