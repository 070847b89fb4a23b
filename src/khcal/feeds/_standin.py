"""Plain year and observance pages, and a plain stylesheet, used by the site until its full pages are in."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

from khcal.core.schedule import Schedule
from khcal.feeds import paths

FIRST = ("victory-over-genocide", "national-day-of-remembrance")


def observance_ids(schedule: Schedule) -> list[str]:
    ids = list(schedule.catalogue.observances)
    return [i for i in FIRST if i in ids] + [i for i in ids if i not in FIRST]


def _page(page: str, lang: str, title: str, body: str) -> str:
    css = html.escape(paths.link(page, paths.STYLESHEET))
    home = html.escape(paths.link(page, paths.index(lang)))
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<title>{html.escape(title)}</title>\n<link rel="stylesheet" href="{css}">\n</head>\n<body>\n'
        f'<nav><a href="{home}">khcal</a></nav>\n<h1>{html.escape(title)}</h1>\n{body}\n</body>\n</html>\n'
    )


def year_page(schedule: Schedule, year: int, lang: str, years: Sequence[int]) -> str:
    from khcal.text.dates import occurrence_name

    page = paths.year_page(year, lang)
    rows = "\n".join(
        f"<li>{o.start.isoformat()} {html.escape(occurrence_name(o, lang))}</li>"
        for o in schedule.between(date(year, 1, 1), date(year, 12, 31))
    )
    return _page(page, lang, str(year), f"<ul>\n{rows}\n</ul>")


def observance_page(schedule: Schedule, ident: str, lang: str, years: Sequence[int]) -> str:
    observance = schedule.catalogue.observances[ident]
    page = paths.observance_page(ident, lang)
    return _page(
        page, lang, observance.name.get(lang), f"<p>{html.escape(observance.description.get(lang))}</p>"
    )


def stylesheet() -> str:
    return (
        'body { font-family: "Noto Sans Khmer", "Khmer OS", sans-serif; max-width: 60rem; margin: auto; }\n'
    )
