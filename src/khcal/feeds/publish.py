"""`khcal publish DIR`: a whole static site, ready for any static host (GitHub Pages, a bucket behind a CDN,
nginx), that needs nothing but a server of files.

DIR receives every file of `khcal.feeds.site_files.Site`: for each language (en, km) and selection
(`khcal.feeds.site.SELECTIONS`) a feed under a stable name (``cambodia-days-off.km.ics``); the index pages
(``index.html``, ``index.km.html``); a printable calendar of each year and language (``calendar/2027.html``);
a page of each observance (``days/victory-over-genocide.html``); the stylesheet; each year's days as JSON
(``json/2027.json``) and its days off in Nager.Date's shape (``api/v3/PublicHolidays/2027/KH``); and a
``.gz`` copy of each feed, page, stylesheet and JSON file for hosts that serve precompressed files. Each feed
is built with the feed DIR held before as its previous edition, so unchanged events keep their SEQUENCE and
LAST-MODIFIED and changed ones rise (`khcal.feeds.versions`). The same data give the same bytes.

The site is written as one edition (`khcal.feeds.edition`), a file at a time, so that only one file is held
in memory: each is made, compared with what DIR holds, and if it changed written to a temporary file at
once; when all are made, they are renamed into place together, the index pages last. A run over unchanged
data rewrites nothing and keeps every modification time, so a host or a CDN sees no false change and never
files of two editions; a run stopped half-way is finished by the next.

The files of the previous edition that this one no longer has (the years no longer published, the pages of
days no longer in the catalogue, their `.gz` copies) are removed in the same edition, after the new index
pages (which no longer link them) are in place, and the folders this leaves empty with them. Only files
khcal wrote are removed: those the previous edition listed in DIR/.khcal-files, and only if a regular file
is still there. Anything else in DIR (the user's own files, a CNAME, a link) is never touched.

Served by nginx (the .gz copies sent to clients that accept gzip, an hour's caching with revalidation)::

    location /khcal/ {
        alias /var/www/khcal/;
        types { text/calendar ics; text/html html; text/css css; application/json json; }
        charset utf-8;
        charset_types text/calendar text/css application/json;
        gzip_static on;
        gzip_vary on;
        add_header Cache-Control "public, max-age=3600";
        location /khcal/api/ {
            default_type application/json;   # Nager.Date's paths have no extension
        }
    }
"""

from __future__ import annotations

from dataclasses import dataclass

from khcal.core.schedule import Schedule
from khcal.errors import KhcalError
from khcal.feeds import edition, site
from khcal.feeds.site_files import Site

PREVIOUS_LIMIT = 64 << 20
"""The largest previous feed read back (larger: not one khcal wrote; its events get fresh versions)."""


@dataclass(frozen=True, slots=True)
class Published:
    """The files of a published folder, which of them this run wrote, and the files of the previous
    edition it removed."""

    files: tuple[str, ...]
    written: tuple[str, ...]
    removed: tuple[str, ...] = ()


def publish(schedule: Schedule, folder: str, base_url: str, first_year: int, last_year: int) -> Published:
    """Write the site into the folder (creating it if needed) as one edition (`khcal.feeds.edition`);
    KhcalError if it cannot be. An empty name is refused: it is no folder (`.` names the current one)."""
    if not folder:
        raise KhcalError("error.feeds.folder-empty")
    base = site.check_base_url(base_url)
    years = tuple(range(first_year, last_year + 1))
    with edition.Edition(folder, "publish") as made:
        for name, data in Site(schedule, base, years).each(lambda name: made.previous(name, PREVIOUS_LIMIT)):
            made.add(name, data)
        done = made.commit()
        return Published(tuple(made.names), done.written, done.removed)
