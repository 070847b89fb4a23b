"""What `khcal publish` puts on a static host: the feeds (one per language and selection) and their page.

The page, ``index.html``, is in English and Khmer: for each feed what it holds, a ``webcal://`` link (a tap
subscribes on an iPhone or a Mac), the ``https://`` link to copy into Google Calendar or Outlook, and a QR
code of that link (inline SVG, made by segno) to scan with a phone; then short steps for Google Calendar,
Apple Calendar and Outlook. Nothing on it depends on the clock, so the same feeds give the same bytes.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from khcal.errors import KhcalError


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


_WORD_KEYS = (
    "heading",
    "intro",
    "everything",
    "days-off",
    "remembrance",
    "buddhist",
    "subscribe",
    "copy",
    "scan",
    "how",
    "google",
    "apple",
    "outlook",
)


def _words(lang: str) -> dict[str, str]:
    """The page's words in `lang` (keys `site.*` of the message tables)."""
    from khcal.text import say

    return {key: say(lang, f"site.{key}") for key in _WORD_KEYS}


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
    """The QR code of a URL as an inline SVG element (dark on white, with its quiet zone)."""
    import segno

    code = segno.make(url, error="m", micro=False)
    svg: str = code.svg_inline(scale=4, border=4, dark="#000", light="#fff")
    return svg


def _feed_block(base: str, selection: Selection, lang: str) -> str:
    words = _words(lang)
    https = f"{base}/{file_name(selection, lang)}"
    webcal = "webcal://" + https.split("://", 1)[1]
    return (
        f'<article class="feed" id="{selection.slug}-{lang}">\n'
        f"<h3>{html.escape(words[selection.slug])}</h3>\n"
        f'<p><a class="webcal" href="{html.escape(webcal)}">{html.escape(words["subscribe"])}</a></p>\n'
        f'<p>{html.escape(words["copy"])}: <a class="https" href="{html.escape(https)}">'
        f"<code>{html.escape(https)}</code></a></p>\n"
        f"<figure><figcaption>{html.escape(words['scan'])}</figcaption>\n{qr_svg(https)}\n</figure>\n"
        "</article>"
    )


def _section(base: str, lang: str) -> str:
    words = _words(lang)
    feeds = "\n".join(_feed_block(base, s, lang) for s in SELECTIONS)
    steps = "\n".join(f"<li>{html.escape(words[k])}</li>" for k in ("google", "apple", "outlook"))
    return (
        f'<section lang="{lang}" id="{lang}">\n<h2>{html.escape(words["heading"])}</h2>\n'
        f"<p>{html.escape(words['intro'])}</p>\n{feeds}\n"
        f"<h3>{html.escape(words['how'])}</h3>\n<ol>\n{steps}\n</ol>\n</section>"
    )


def index_html(base: str) -> str:
    """The page of a published folder whose address is `base` (no trailing slash)."""
    from khcal.text import say

    sections = "\n".join(_section(base, lang) for lang in LANGS)
    title = " · ".join(say(lang, "site.title") for lang in LANGS)
    # Each language named in itself, as a language switch does.
    nav = " · ".join(f'<a href="#{lang}">{html.escape(say(lang, "site.language"))}</a>' for lang in LANGS)
    return f"""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>
body {{ font-family: system-ui, "Noto Sans Khmer", sans-serif; max-width: 60rem; margin: auto; padding: 1rem;
  line-height: 1.5; }}
.feed {{ border-top: 1px solid #ccc; padding: 0.5rem 0; }}
figure {{ margin: 0; }} svg {{ display: block; }}
code {{ word-break: break-all; }}
</style>
</head>
<body>
<nav>{nav}</nav>
{sections}
</body>
</html>
"""
