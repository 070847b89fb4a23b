"""The published site's paths as `khcal serve` answers them: a local `serve` previews what `khcal publish`
writes, byte for byte.

Each path of `khcal.feeds.site_files.Site` (the index pages, year calendars, observance pages, stylesheet,
JSON, Nager.Date paths, the feeds under their published names, and the `.gz` copy of each) is answered with
the bytes `khcal publish DIR --base-url BASE` writes there, BASE being the address the client reached the
server by (`khcal.feeds.pages.public_base`) and the years this one and the next two, as `publish` takes them
by default. A query is ignored, as a static host ignores it. Answers carry an `ETag` (a hash of the body,
another for its gzipped form) and `Last-Modified`, and a client whose copy is current gets `304`; they are
gzipped for clients that accept it. The feeds come from the server's feed cache (`khcal.feeds.app.Feeds`);
other files are made on first use and kept in a cache bounded in bytes.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import format_datetime
from typing import TYPE_CHECKING, Any

from khcal.feeds.cache import BoundedCache
from khcal.feeds.http import accepts_gzip, not_modified, typed
from khcal.feeds.site_files import Maker, Site, content_type, gzipped, uses_base

if TYPE_CHECKING:
    from khcal.feeds.app import Feeds

Answer = tuple[str, list[tuple[str, str]], bytes]
CACHE_BYTES = 8 * 1024 * 1024
"""The bound of the cache of site files (plain and gzipped bodies together)."""
MAX_AGE = 3600
SITES = 8
"""Sites (base address and years) whose tables of files are kept; more, and the table starts again."""


@dataclass(frozen=True, slots=True)
class Body:
    """One file ready to send: its bytes, gzipped bytes and their tag."""

    data: bytes
    zipped: bytes
    etag: str

    @classmethod
    def of(cls, data: bytes) -> Body:
        return cls(data, gzipped(data), '"' + hashlib.sha256(data).hexdigest()[:32] + '"')

    @property
    def gzip_etag(self) -> str:
        return self.etag[:-1] + '-gz"'


class SiteRoutes:
    """Answers a request for a path of the site, or None for a path the site does not have."""

    def __init__(
        self,
        feeds: Feeds,
        base_of: Callable[[dict[str, Any]], tuple[str, str]],
        now: Callable[[], datetime],
        cache_bytes: int = CACHE_BYTES,
    ) -> None:
        self.feeds = feeds
        self.base_of = base_of
        self.now = now
        self._bodies: BoundedCache[Body] = BoundedCache(cache_bytes, lambda b: len(b.data) + len(b.zipped))
        self._tables: dict[tuple[str, tuple[int, ...]], dict[str, Maker]] = {}
        self._lock = threading.Lock()

    def site(self, environ: dict[str, Any]) -> Site:
        """The site this request sees: its public base address, this year and the next two."""
        scheme, host = self.base_of(environ)
        year = self.feeds.today().year
        return Site(self.feeds.schedule, f"{scheme}://{host}", (year, year + 1, year + 2))

    def _table(self, site: Site) -> dict[str, Maker]:
        key = (site.base, site.years)
        with self._lock:
            found = self._tables.get(key)
        if found is None:
            found = site.makers()
            with self._lock:
                if len(self._tables) >= SITES:
                    self._tables.clear()
                self._tables[key] = found
        return found

    def found(self, environ: dict[str, Any], path: str) -> Body | None:
        """What `publish` writes at `path` (no leading slash) for this request's site, or None."""
        site = self.site(environ)
        options = site.feed_options().get(path)
        if options is not None:
            built = self.feeds.built(options)
            return Body(built.body, built.gzipped, built.etag)
        table = self._table(site)
        name = path.removesuffix(".gz")
        if name not in table:
            return None

        def make() -> Body:
            if name == path:
                return Body.of(table[name]())
            plain = self.found(environ, name)
            assert plain is not None  # name is in the table
            return Body.of(gzipped(plain.data))

        # Only the index pages differ from one base address to another: the rest is kept once for all.
        return self._bodies.get((site.base if uses_base(path) else "", site.years, path), make)

    def __call__(self, environ: dict[str, Any], path: str) -> Answer | None:
        """The answer for the site's file at `path` (with its leading slash), or None if the site has none."""
        found = self.found(environ, path.removeprefix("/"))
        return None if found is None else self._answer(environ, path, found)

    def _answer(self, environ: dict[str, Any], path: str, found: Body) -> Answer:
        modified = self.last_modified()
        kind = content_type(path)
        zipped = not path.endswith(".gz") and accepts_gzip(environ.get("HTTP_ACCEPT_ENCODING", ""))
        headers = [
            ("ETag", found.gzip_etag if zipped else found.etag),
            ("Last-Modified", format_datetime(modified, usegmt=True)),
            ("Cache-Control", f"max-age={MAX_AGE}"),
            ("Vary", "Accept-Encoding"),
        ]
        if not_modified(environ, (found.etag, found.gzip_etag), modified):
            return "304 Not Modified", headers, b""
        body = found.zipped if zipped else found.data
        media = typed(kind) if kind != "application/gzip" else [("Content-Type", kind)]
        headers += [*media, ("Content-Length", str(len(body)))]
        if zipped:
            headers.append(("Content-Encoding", "gzip"))
        return "200 OK", headers, body

    def last_modified(self) -> datetime:
        """The newest of the data's revision, the definitions files' time and 1 January of this year (the
        years of the site move then), never later than now."""
        from khcal.feeds import ics

        now = self.now()
        moments = [
            datetime.combine(ics.revision(self.feeds.schedule.catalogue), datetime.min.time(), tzinfo=UTC),
            datetime.combine(date(self.feeds.today().year, 1, 1), datetime.min.time(), tzinfo=UTC),
        ]
        if self.feeds.data_time is not None:
            moments.append(self.feeds.data_time.astimezone(UTC))
        return min(max(moments), now).replace(microsecond=0)
