"""`khcal publish DIR`: a folder ready for any static web host (GitHub Pages, a bucket behind a CDN, nginx).

DIR receives, for each language (en, km) and selection (`khcal.feeds.site.SELECTIONS`), a feed under a stable
name (``cambodia-days-off.km.ics``) and its gzip copy (``.ics.gz``, for hosts that serve precompressed
files), and ``index.html``. Each feed is built with the feed DIR held before as its previous edition, so
unchanged events keep their SEQUENCE and LAST-MODIFIED and changed ones rise (`khcal.feeds.versions`). The
files are written as one edition (`khcal.feeds.edition`): only those whose bytes change, each to a
temporary file first, then all renamed into place, the page last, so that a host or a CDN sees no false
change and never feeds of two editions; a run stopped half-way is finished by the next.

Served by nginx (the .gz copies sent to clients that accept gzip, a day's caching with revalidation)::

    location /khcal/ {
        alias /var/www/khcal/;
        types { text/calendar ics; text/html html; }
        charset utf-8;
        charset_types text/calendar;
        gzip_static on;
        add_header Cache-Control "public, max-age=3600";
    }
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

from khcal.core.schedule import Schedule
from khcal.feeds import edition, ics, site, versions


@dataclass(frozen=True, slots=True)
class Published:
    """The files of a published folder, and which of them this run wrote."""

    files: tuple[str, ...]
    written: tuple[str, ...]


PREVIOUS_LIMIT = 64 << 20
"""The largest previous feed read back (larger: not one khcal wrote; its events get fresh versions)."""


def _previous(folder: Path, name: str) -> dict[str, versions.Version]:
    data = edition.read_previous(str(folder), name, PREVIOUS_LIMIT)
    return {} if data is None else dict(versions.read_previous(data))


def publish(schedule: Schedule, folder: Path, base_url: str, first_year: int, last_year: int) -> Published:
    """Write the folder (creating it if needed) as one edition (`khcal.feeds.edition`); KhcalError if it
    cannot be."""
    base = site.check_base_url(base_url)
    made: dict[str, bytes] = {}
    for lang in site.LANGS:
        for selection in site.SELECTIONS:
            name = site.file_name(selection, lang)
            options = ics.FeedOptions(
                first_year, last_year, lang=lang, holidays=selection.holidays, categories=selection.categories
            )
            data = ics.build(schedule, options, _previous(folder, name))
            made[name] = data
            made[name + ".gz"] = gzip.compress(data, compresslevel=9, mtime=0)
    made["index.html"] = site.index_html(base).encode("utf-8")
    written = edition.write_edition(str(folder), made, "publish")
    return Published(tuple(made), written)
