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


_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "heading": "Cambodia's holidays and remembrance days, in English",
        "intro": "Subscribe once and your calendar keeps itself up to date: when a list of days off is "
        "published or a date moves, the events change on your phone too.",
        "everything": "Everything: public holidays, Buddhist and royal festivals, remembrance days.",
        "days-off": "Days off only: the public holidays of Cambodia, with days in lieu.",
        "remembrance": "Remembrance days: the days Cambodia and the world remember.",
        "buddhist": "Buddhist festivals and holy days (sila days, the 8th and 15th of each lunar fortnight).",
        "subscribe": "Subscribe (iPhone, iPad, Mac)",
        "copy": "Link to copy",
        "scan": "Scan with a phone",
        "how": "How to subscribe",
        "google": "Google Calendar: on a computer open calendar.google.com, Settings, Add calendar, "
        "From URL; paste the link to copy; Add calendar. It then appears on your Android phone too.",
        "apple": "Apple Calendar: on an iPhone, iPad or Mac tap the Subscribe link (or scan the code "
        "with the camera), then Subscribe. On a Mac you can also use File, New Calendar Subscription.",
        "outlook": "Outlook: on outlook.com open the calendar, Add calendar, Subscribe from web; paste the "
        "link to copy, give it a name, Import. In Outlook for Windows: Add calendar, From Internet.",
    },
    "km": {
        "heading": "ថ្ងៃបុណ្យ និងទិវារំលឹកនៅកម្ពុជា ជាភាសាខ្មែរ",
        "intro": "ជាវតែម្តង ប្រតិទិនរបស់អ្នកនឹងធ្វើបច្ចុប្បន្នភាពដោយខ្លួនឯង៖ "
        "ពេលបញ្ជីថ្ងៃឈប់សម្រាកត្រូវបានចេញផ្សាយ ឬកាលបរិច្ឆេទណាមួយផ្លាស់ប្តូរ "
        "ព្រឹត្តិការណ៍នៅលើទូរស័ព្ទរបស់អ្នកក៏ផ្លាស់ប្តូរដែរ។",
        "everything": "ទាំងអស់៖ ថ្ងៃឈប់សម្រាកសាធារណៈ ពិធីបុណ្យព្រះពុទ្ធសាសនា និងព្រះរាជពិធី និងទិវារំលឹក។",
        "days-off": "តែថ្ងៃឈប់សម្រាក៖ ថ្ងៃឈប់សម្រាកសាធារណៈនៅកម្ពុជា រួមទាំងថ្ងៃឈប់សងជំនួស។",
        "remembrance": "ទិវារំលឹក៖ ថ្ងៃដែលកម្ពុជា និងពិភពលោករំលឹកដល់។",
        "buddhist": "ពិធីបុណ្យ និងថ្ងៃសីលព្រះពុទ្ធសាសនា (ថ្ងៃ ៨ កើត ១៥ កើត ៨ រោច និងថ្ងៃចុងខែ)។",
        "subscribe": "ជាវ (iPhone, iPad, Mac)",
        "copy": "តំណសម្រាប់ចម្លង",
        "scan": "ស្កេនដោយទូរស័ព្ទ",
        "how": "របៀបជាវ",
        "google": "Google Calendar៖ នៅលើកុំព្យូទ័រ បើក calendar.google.com ចូល Settings, Add calendar, "
        "From URL បិទភ្ជាប់តំណសម្រាប់ចម្លង រួចចុច Add calendar។ "
        "បន្ទាប់មក វានឹងបង្ហាញនៅលើទូរស័ព្ទ Android របស់អ្នកផងដែរ។",
        "apple": "Apple Calendar៖ នៅលើ iPhone, iPad ឬ Mac ចុចតំណជាវ (ឬស្កេនកូដដោយកាមេរ៉ា) "
        "រួចចុច Subscribe។ នៅលើ Mac អ្នកក៏អាចប្រើ File, New Calendar Subscription ផងដែរ។",
        "outlook": "Outlook៖ នៅលើ outlook.com បើកប្រតិទិន ចូល Add calendar, Subscribe from web "
        "បិទភ្ជាប់តំណសម្រាប់ចម្លង ដាក់ឈ្មោះ រួចចុច Import។ "
        "នៅក្នុង Outlook សម្រាប់ Windows៖ Add calendar, From Internet។",
    },
}


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
    words = _WORDS[lang]
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
    words = _WORDS[lang]
    feeds = "\n".join(_feed_block(base, s, lang) for s in SELECTIONS)
    steps = "\n".join(f"<li>{html.escape(words[k])}</li>" for k in ("google", "apple", "outlook"))
    return (
        f'<section lang="{lang}" id="{lang}">\n<h2>{html.escape(words["heading"])}</h2>\n'
        f"<p>{html.escape(words['intro'])}</p>\n{feeds}\n"
        f"<h3>{html.escape(words['how'])}</h3>\n<ol>\n{steps}\n</ol>\n</section>"
    )


def index_html(base: str) -> str:
    """The page of a published folder whose address is `base` (no trailing slash)."""
    sections = "\n".join(_section(base, lang) for lang in LANGS)
    return f"""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cambodia's holidays for your calendar · ថ្ងៃបុណ្យនៅកម្ពុជាសម្រាប់ប្រតិទិនរបស់អ្នក</title>
<style>
body {{ font-family: system-ui, "Noto Sans Khmer", sans-serif; max-width: 60rem; margin: auto; padding: 1rem;
  line-height: 1.5; }}
.feed {{ border-top: 1px solid #ccc; padding: 0.5rem 0; }}
figure {{ margin: 0; }} svg {{ display: block; }}
code {{ word-break: break-all; }}
</style>
</head>
<body>
<nav><a href="#en">English</a> · <a href="#km">ភាសាខ្មែរ</a></nav>
{sections}
</body>
</html>
"""
