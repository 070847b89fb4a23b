"""Where each file of a published site lives: one place for every page, feed and JSON file's path.

`khcal publish` writes these paths under its folder, `khcal serve` answers the same paths, and every link
between pages is made here (`link`), relative, so a site works under any base URL and from a folder. The
English file has the plain name and the Khmer one `.km` before its extension, as the feeds do
(`cambodia-days-off.km.ics`).
"""

from __future__ import annotations

import posixpath

STYLESHEET = "site.css"
NAGER_COUNTRY = "KH"


def _suffix(lang: str) -> str:
    return "" if lang == "en" else f".{lang}"


def index(lang: str) -> str:
    """The front door: `index.html`, `index.km.html`."""
    return f"index{_suffix(lang)}.html"


def year_page(year: int, lang: str) -> str:
    """A year's printable calendar: `calendar/2027.html`, `calendar/2027.km.html`."""
    return f"calendar/{year}{_suffix(lang)}.html"


def observance_page(ident: str, lang: str) -> str:
    """An observance's page: `days/victory-over-genocide.html`, `days/victory-over-genocide.km.html`."""
    return f"days/{ident}{_suffix(lang)}.html"


def year_json(year: int) -> str:
    """A year's occurrences in the shape of `khcal list --json`, both languages' names: `json/2027.json`."""
    return f"json/{year}.json"


def nager_year(year: int) -> str:
    """A year's days off in Nager.Date's shape, at Nager.Date's own path: `api/v3/PublicHolidays/2027/KH`."""
    return f"api/v3/PublicHolidays/{year}/{NAGER_COUNTRY}"


def link(page: str, target: str) -> str:
    """The relative link from the file `page` to the file `target` (both paths of the site)."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")
