"""The published site's front door: the feeds (one per language and selection) and the index pages.

There is one index page per language, `index.html` (English) and `index.km.html` (Khmer), each linking the
other. For each feed of its language it gives a ``webcal://`` link (a tap subscribes on an iPhone or a Mac),
an "Add to Google Calendar" link for Android (Google's `calendar/r?cid=` with the webcal address, encoded),
the ``https://`` link to copy into Outlook or any other app, and a QR code of the ``webcal://`` link
(inline SVG, made by segno): a phone that scans it subscribes, where an ``https://`` code would only import
the events once. Then the feeds of the other language, the printable year calendars, a page for each
observance (Victory over Genocide Day and the Day of Remembrance first), the JSON files for programs and
short steps for Google Calendar, Apple Calendar and Outlook. Every word comes from the message tables
(`site.*`, `category.*`) in the page's language; nothing depends on the clock, so the same data give the
same bytes.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from khcal.errors import KhcalError
from khcal.feeds import paths


@dataclass(frozen=True, slots=True)
class Selection:
    """One published selection of the catalogue, with its stable file-name part."""

    slug: str
    holidays: bool = False
    categories: tuple[str, ...] = ()


SELECTIONS = (
    Selection("everything"),
    Selection("days-off", holidays=True),
    Selection("remembrance", categories=("remembrance",)),
    Selection("buddhist", categories=("religious", "holy-day")),
)
LANGS = ("en", "km")


def file_name(selection: Selection, lang: str) -> str:
    """`cambodia-days-off.km.ics`: the same name for the same feed, edition after edition."""
    return f"cambodia-{selection.slug}.{lang}.ics"


def check_base_url(text: str) -> str:
    """The base URL without its trailing slash; an http(s) URL with a host, or KhcalError."""
    from urllib.parse import urlsplit

    from khcal.feeds.pages import valid_host

    value = text.strip().rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not valid_host(parts.netloc) or parts.query or parts.fragment:
        raise KhcalError("error.feeds.base-url", value=text)
    if any(ch in parts.path for ch in "\"'<> \\"):
        raise KhcalError("error.feeds.base-url-chars", value=text)
    return value


def qr_svg(url: str) -> str:
    """The QR code of a URL as an inline SVG element (dark on white, with its quiet zone), titled with the
    URL it encodes for screen readers."""
    import segno

    code = segno.make(url, error="m", micro=False)
    svg: str = code.svg_inline(scale=4, border=4, dark="#000", light="#fff", title=url)
    return svg


def feed_urls(base: str, selection: Selection, lang: str) -> tuple[str, str, str]:
    """The `https://` (or `http://`) address of a feed, its `webcal://` form and its Google Calendar link."""
    https = f"{base}/{file_name(selection, lang)}"
    webcal = "webcal://" + https.split("://", 1)[1]
    google = "https://calendar.google.com/calendar/r?cid=" + quote(webcal, safe="")
    return https, webcal, google


@dataclass(frozen=True, slots=True)
class Listed:
    """An observance as the index lists it: its id, and its name and category in the page's language."""

    ident: str
    name: str
    category: str


def _word(lang: str, key: str, **params: object) -> str:
    """A message of the tables in `lang`, escaped for HTML."""
    from khcal.text import say

    return html.escape(say(lang, key, **params))


def _feed_block(base: str, selection: Selection, lang: str) -> str:
    https, webcal, google = feed_urls(base, selection, lang)
    return (
        f'<article class="feed" id="{selection.slug}">\n'
        f"<h3>{_word(lang, f'site.{selection.slug}')}</h3>\n"
        f'<p><a class="webcal" href="{html.escape(webcal)}">{_word(lang, "site.subscribe")}</a></p>\n'
        f'<p><a class="google" href="{html.escape(google)}">{_word(lang, "site.google-link")}</a></p>\n'
        f'<p>{_word(lang, "site.copy")}: <a class="https" href="{html.escape(https)}">'
        f"<code>{html.escape(https)}</code></a></p>\n"
        f"<figure><figcaption>{_word(lang, 'site.scan')}</figcaption>\n{qr_svg(webcal)}\n</figure>\n"
        "</article>"
    )


def _other_feeds(base: str, lang: str, other: str) -> str:
    """The feeds of the other language, as links only (their QR codes are on that language's page)."""
    from khcal.text import say

    items = []
    for selection in SELECTIONS:
        https, webcal, _ = feed_urls(base, selection, other)
        items.append(
            f'<li lang="{other}">{html.escape(say(other, f"site.{selection.slug}"))} '
            f'<a href="{html.escape(webcal)}">webcal</a> · <a href="{html.escape(https)}">https</a></li>'
        )
    return f"<h2>{html.escape(say(lang, 'site.other-lang'))}</h2>\n<ul>\n" + "\n".join(items) + "\n</ul>"


def _links(page: str, lang: str, years: Sequence[int], listed: Sequence[Listed]) -> str:
    """The year calendars, the observance pages and the JSON files, linked relative to `page`."""
    from khcal.text import say

    def a(target: str, text: str) -> str:
        return f'<a href="{html.escape(paths.link(page, target))}">{html.escape(text)}</a>'

    year_items = " · ".join(a(paths.year_page(y, lang), say(lang, "site.year", year=y)) for y in years)
    day_items = "\n".join(
        f'<li>{a(paths.observance_page(o.ident, lang), o.name)} <span class="category">'
        f"({html.escape(o.category)})</span></li>"
        for o in listed
    )
    data_items = "\n".join(
        f"<li>{a(paths.year_json(y), say(lang, 'site.json', year=y))}</li>\n"
        f"<li>{a(paths.nager_year(y), say(lang, 'site.nager', year=y))}</li>"
        for y in years
    )
    return (
        f'<section id="years">\n<h2>{_word(lang, "site.years")}</h2>\n<p>{year_items}</p>\n</section>\n'
        f'<section id="days">\n<h2>{html.escape(say(lang, "site.days"))}</h2>\n<ul>\n{day_items}\n</ul>\n'
        "</section>\n"
        f'<section id="data">\n<h2>{html.escape(say(lang, "site.data"))}</h2>\n'
        f"<p>{html.escape(say(lang, 'site.data-intro'))}</p>\n<ul>\n{data_items}\n</ul>\n</section>"
    )


_STYLE = """.index-page { max-width: 60rem; margin: 0 auto; padding: 1rem; }
.feed { border-top: 1px solid #ccc; padding: 0.5rem 0; }
.feed figure { margin: 0; } .feed svg { display: block; }
code { word-break: break-all; }"""


def index_page(base: str, lang: str, years: Sequence[int], listed: Sequence[Listed]) -> str:
    """The index page in `lang` of a site whose address is `base` (no trailing slash)."""
    from khcal.text import say

    page = paths.index(lang)
    other = next(o for o in LANGS if o != lang)
    switch = (
        f'<a href="{html.escape(paths.link(page, paths.index(other)))}" hreflang="{other}" lang="{other}">'
        f"{html.escape(say(other, 'site.language'))}</a>"
    )
    feeds = "\n".join(_feed_block(base, s, lang) for s in SELECTIONS)
    steps = "\n".join(
        f"<li>{html.escape(say(lang, f'site.{k}'))}</li>" for k in ("google", "apple", "outlook")
    )
    return f"""<!doctype html>
<html lang="{lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(say(lang, "site.title"))}</title>
<link rel="stylesheet" href="{html.escape(paths.link(page, paths.STYLESHEET))}">
<link rel="alternate" hreflang="{other}" href="{html.escape(paths.link(page, paths.index(other)))}">
<style>
{_STYLE}
</style>
</head>
<body class="index-page">
<nav>{switch}</nav>
<h1>{html.escape(say(lang, "site.heading"))}</h1>
<p>{html.escape(say(lang, "site.intro"))}</p>
<section id="feeds">
{feeds}
</section>
<section id="other">
{_other_feeds(base, lang, other)}
</section>
{_links(page, lang, years, listed)}
<section id="how">
<h2>{html.escape(say(lang, "site.how"))}</h2>
<ol>
{steps}
</ol>
</section>
</body>
</html>
"""
