"""`khcal publish DIR`: a folder ready for any static web host (GitHub Pages, a bucket behind a CDN, nginx).

DIR receives, for each language (en, km) and selection (`khcal.feeds.site.SELECTIONS`), a feed under a stable
name (``cambodia-days-off.km.ics``) and its gzip copy (``.ics.gz``, for hosts that serve precompressed
files), and ``index.html``. Each feed is built with the feed DIR held before as its previous edition, so
unchanged events keep their SEQUENCE and LAST-MODIFIED and changed ones rise (`khcal.feeds.versions`). A
file is written (atomically) only when its bytes change: a run over unchanged data rewrites nothing and
keeps every modification time, so a host or a CDN sees no false change.

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
from khcal.errors import KhcalError
from khcal.feeds import ics, site, versions
from khcal.feeds.files import write_if_changed


@dataclass(frozen=True, slots=True)
class Published:
    """The files of a published folder, and which of them this run wrote."""

    files: tuple[str, ...]
    written: tuple[str, ...]


def _previous(path: Path) -> dict[str, versions.Version]:
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    return dict(versions.read_previous(data))


def publish(schedule: Schedule, folder: Path, base_url: str, first_year: int, last_year: int) -> Published:
    """Write the folder (creating it if needed); KhcalError if it cannot be."""
    base = site.check_base_url(base_url)
    if folder.exists() and not folder.is_dir():
        raise KhcalError("error.feeds.not-folder", folder=str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KhcalError("error.feeds.mkdir", folder=str(folder), reason=exc.strerror) from None
    files: list[str] = []
    written: list[str] = []

    def put(name: str, data: bytes) -> None:
        files.append(name)
        if write_if_changed(folder / name, data, "publish"):
            written.append(name)

    for lang in site.LANGS:
        for selection in site.SELECTIONS:
            name = site.file_name(selection, lang)
            options = ics.FeedOptions(
                first_year, last_year, lang=lang, holidays=selection.holidays, categories=selection.categories
            )
            data = ics.build(schedule, options, _previous(folder / name))
            put(name, data)
            put(name + ".gz", gzip.compress(data, compresslevel=9, mtime=0))
    put("index.html", site.index_html(base).encode("utf-8"))
    return Published(tuple(files), tuple(written))
