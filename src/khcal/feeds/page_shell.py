"""What every page of the published site is wrapped in: the document, its head and the links at its top.

Every link is relative (`paths.link`), so the site works under any base URL and from a folder; every word
comes from the message tables and is escaped here (`esc`).
"""

from __future__ import annotations

import html

from khcal.feeds import paths

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

LANGS = ("en", "km")


def esc(text: str) -> str:
    """Text for HTML, quotes included."""
    return html.escape(text, quote=True)


def lang_attr(text: str, lang: str) -> str:
    """` lang="en"` on a Khmer page for a text written without Khmer letters (a source's own English
    title), and the other way round: the language a text is written in, where it is not the page's."""
    written = LANGS[1] if any(0x1780 <= ord(ch) <= 0x17FF for ch in text) else LANGS[0]
    return "" if written == lang else f' lang="{written}"'


def other_lang(lang: str) -> str:
    """The site's other language."""
    return LANGS[1] if lang == LANGS[0] else LANGS[0]


def href(page: str, target: str) -> str:
    """The escaped relative link from `page` to `target` (both paths of the site)."""
    return esc(paths.link(page, target))


def document(lang: str, page: str, title: str, body: str, *, body_class: str) -> str:
    """A whole HTML5 document: `body` is markup already escaped."""
    css = href(page, paths.STYLESHEET)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n"
        f'<link rel="stylesheet" href="{css}">\n'
        f"{alternates(page, lang)}"
        "</head>\n"
        f'<body class="{esc(body_class)}">\n'
        f"{body}"
        "</body>\n"
        "</html>\n"
    )


def alternates(page: str, lang: str) -> str:
    """`<link rel="alternate" hreflang>` to the same page in the other language."""
    other = other_lang(lang)
    target = same_page(page, lang, other)
    return f'<link rel="alternate" hreflang="{other}" href="{href(page, target)}">\n'


def same_page(page: str, lang: str, other: str) -> str:
    """The path of `page` (a page in `lang`) in the language `other`."""
    stem, dot, ext = page.rpartition(".")
    if lang != "en":
        stem = stem.removesuffix(f".{lang}")
    return f"{stem}.{other}.{ext}" if other != "en" else f"{stem}{dot}{ext}"


def site_links(page: str, lang: str) -> str:
    """The links at the top of every page: the index, and this page in the other language."""
    from khcal.text import say

    other = other_lang(lang)
    index = href(page, paths.index(lang))
    there = href(page, same_page(page, lang, other))
    return (
        '<nav class="site-links"><ul>'
        f'<li><a href="{index}">{esc(say(lang, "site.pages.index"))}</a></li>'
        f'<li><a href="{there}" hreflang="{other}" lang="{other}">{esc(say(other, "site.language"))}</a></li>'
        "</ul></nav>\n"
    )


def year_links(page: str, lang: str, years: Sequence[int], current: int | None, heading_key: str) -> str:
    """The published years' calendars, the current one (if any) marked and not linked."""
    from khcal.text import digits, say

    items = []
    for year in sorted(set(years)):
        shown = esc(digits(lang, year))
        if year == current:
            items.append(f'<li><span aria-current="page">{shown}</span></li>')
        else:
            items.append(f'<li><a href="{href(page, paths.year_page(year, lang))}">{shown}</a></li>')
    label = esc(say(lang, heading_key))
    return f'<nav class="years" aria-label="{label}"><h2>{label}</h2><ul>{"".join(items)}</ul></nav>\n'
