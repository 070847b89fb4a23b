"""A year's printable calendar for the published site, in English or Khmer, like the calendar on the wall.

Twelve month grids, weeks starting on Sunday as Khmer wall calendars do; each day with its Khmer lunar day
(the lunar month's name on the day it begins), the Buddhist holy days and the days off marked, and the
observances named, each linked to its page; the Khmer year's names (animal year, era, Buddhist Era) and when
they change; a legend. Pure: the same schedule gives the same bytes. Its look is `stylesheet.py`'s.
"""

from __future__ import annotations

from datetime import date

from khcal.core.model import PUBLIC
from khcal.feeds import paths
from khcal.feeds.page_shell import document, esc, href, site_links, year_links
from khcal.text import digits, say

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from khcal.core.schedule import Occurrence, Schedule
    from khcal.feeds.year_grid import Day, Month

SUNDAY = 6
"""The first column of a week: Sunday, as on Khmer wall calendars."""
SHEET = "sheet"
"""The fragment that lays the year out on one sheet (`calendar/2027.km.html#sheet`)."""


def year_page(schedule: Schedule, year: int, lang: str, years: Sequence[int]) -> str:
    """The whole HTML document of `year`'s calendar in `lang`, linking the calendars of `years`."""
    from khcal.feeds.year_grid import year_months

    page = paths.year_page(year, lang)
    months = "".join(month_section(grid, page, lang) for grid in year_months(schedule, year, SUNDAY))
    body = (
        f'<div id="{SHEET}">\n'
        f"<header>\n{site_links(page, lang)}"
        f"<h1>{esc(say(lang, 'site.calendar.heading', year=year))}</h1>\n"
        f'<p class="intro">{esc(say(lang, "site.calendar.intro"))}</p>\n'
        f"{khmer_years(year, lang)}"
        f'<p class="status">{esc(_status(schedule, year, lang))}</p>\n'
        f"{month_links(lang)}"
        f"{year_links(page, lang, years, year, 'site.pages.other-years')}"
        f"{print_choice(lang)}"
        f"{legend(lang)}"
        "</header>\n"
        f'<main class="months">\n{months}</main>\n'
        "</div>\n"
    )
    title = say(lang, "site.calendar.title", year=year)
    return document(lang, page, title, body, body_class="calendar-page")


def _status(schedule: Schedule, year: int, lang: str) -> str:
    key = "site.calendar.official" if year in schedule.catalogue.published else "site.calendar.projected"
    return say(lang, key, year=year)


def khmer_years(year: int, lang: str) -> str:
    """The Khmer year's names and the days they change in `year`: the animal year at Moha Songkran, the
    era at Leungsak, the Buddhist Era the day after Visak Bochea."""
    from khcal.core import khmer_calendar
    from khcal.text.dates import format_date
    from khcal.text.lunar import new_year_day, year_text

    items = []
    before = None
    for day, lunar in khmer_calendar.iter_lunar(date(year, 1, 1), date(year, 12, 31)):
        text = year_text(lunar, lang)
        if before is not None and text == year_text(before, lang):
            continue
        shown = format_date(day, lang)
        if before is not None:
            which = new_year_day(day)
            why = say(lang, f"new-year.{which}") if which else say(lang, "site.calendar.be-change")
            shown = say(lang, "site.calendar.khmer-year.why", date=shown, why=why)
        items.append(f"<li>{esc(say(lang, 'site.calendar.khmer-year', date=shown, text=text))}</li>")
        before = lunar
    heading = esc(say(lang, "site.calendar.khmer-years"))
    return f'<section class="khmer-years"><h2>{heading}</h2><ul>{"".join(items)}</ul></section>\n'


def month_links(lang: str) -> str:
    """Links to the twelve months further down the page."""
    from khcal.text.dates import month_name

    items = "".join(
        f'<li><a href="#m-{month:02d}">{esc(month_name(month, lang, short=True))}</a></li>'
        for month in range(1, 13)
    )
    label = esc(say(lang, "site.calendar.months"))
    return f'<nav class="month-links" aria-label="{label}"><ul>{items}</ul></nav>\n'


def print_choice(lang: str) -> str:
    """The two ways to print: a month a page (the plain page) or the year on one sheet (`#sheet`)."""
    label = esc(say(lang, "site.calendar.print"))
    return (
        f'<nav class="print-choice" aria-label="{label}"><h2>{label}</h2><ul>'
        f'<li><a href="#">{esc(say(lang, "site.calendar.month-a-page"))}</a></li>'
        f'<li><a href="#{SHEET}">{esc(say(lang, "site.calendar.one-sheet"))}</a></li>'
        f"<li>{esc(say(lang, 'site.calendar.print-note'))}</li>"
        "</ul></nav>\n"
    )


def legend(lang: str) -> str:
    """What the colours and marks of the grid mean."""
    holy = say(
        lang, "site.calendar.legend.holy", name=say(lang, "holy-day"), rule=say(lang, "rule.holy-days")
    )
    rows = [
        ("off", say(lang, "site.calendar.legend.off")),
        ("lieu", say(lang, "site.calendar.legend.lieu")),
        ("private", say(lang, "site.calendar.legend.private")),
        ("observance", say(lang, "site.calendar.legend.observance")),
        ("holy", holy),
        ("weekend", say(lang, "site.calendar.legend.weekend")),
    ]
    items = "".join(
        f'<li><span class="swatch {kind}" aria-hidden="true"></span> {esc(text)}</li>' for kind, text in rows
    )
    lunar = esc(say(lang, "site.calendar.legend.lunar"))
    heading = esc(say(lang, "site.calendar.legend"))
    return f'<section class="legend"><h2>{heading}</h2><ul>{items}</ul><p>{lunar}</p></section>\n'


def month_section(grid: Month, page: str, lang: str) -> str:
    """One month: its heading, the lunar months it spans, its grid, and its holidays and observances."""
    from khcal.text.dates import month_name

    name = month_name(grid.month, lang)
    heading = esc(say(lang, "site.calendar.month", month=name, year=grid.year))
    lunar_months = _lunar_months(grid, lang)
    head = "".join(_column_head(column, lang) for column in grid.columns)
    rows = "".join(
        "<tr>" + "".join(day_cell(cell, page, lang) for cell in week) + "</tr>\n" for week in grid.weeks
    )
    return (
        f'<section class="month" id="m-{grid.month:02d}" aria-labelledby="h-{grid.month:02d}">\n'
        f'<h2 id="h-{grid.month:02d}">{heading}</h2>\n'
        f'<p class="lunar-months">{esc(lunar_months)}</p>\n'
        f'<table class="grid">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n'
        f"{month_events(grid, page, lang, name)}"
        "</section>\n"
    )


def _lunar_months(grid: Month, lang: str) -> str:
    from khcal.text.lunar import month_name

    names: list[str] = []
    for cell in grid.days:
        shown = say(lang, "site.calendar.lunar-month", name=month_name(cell.lunar.month, lang))
        if shown not in names:
            names.append(shown)
    return " · ".join(names)


def _column_head(weekday: int, lang: str) -> str:
    from khcal.text.dates import weekday_name

    long = esc(weekday_name(weekday, lang))
    short = esc(say(lang, f"weekday.head.{weekday}"))
    sunday = ' class="sun"' if weekday == SUNDAY else ""
    return (
        f'<th scope="col"{sunday} abbr="{long}"><span class="long">{long}</span>'
        f'<span class="short" aria-hidden="true">{short}</span></th>'
    )


def _cell_classes(cell: Day) -> list[str]:
    classes = ["day"]
    making = cell.off
    if making:
        if all(o.scope != PUBLIC for o in making):
            classes.append("private")
        elif any(o.in_lieu_of is None and o.scope == PUBLIC for o in making):
            classes.append("off")
        else:
            classes.append("lieu")
    if cell.weekend:
        classes.append("weekend")
    if cell.day.weekday() == SUNDAY:
        classes.append("sun")
    if cell.lunar.holy_day:
        classes.append("holy-day")
    if any(not o.holiday for o in cell.on):
        classes.append("observance")
    return classes


def day_cell(cell: Day | None, page: str, lang: str) -> str:
    """One day of the grid: its date, lunar day, holy-day mark and the observances on it, linked."""
    if cell is None:
        return '<td class="blank"></td>'
    from khcal.text.dates import occurrence_name
    from khcal.text.lunar import month_name, new_year_day, phase_name

    lunar = cell.lunar
    day_text = say(lang, "site.calendar.lunar-day", day=lunar.day, phase=phase_name(lunar.phase, lang))
    parts = [f'<span class="date">{esc(digits(lang, cell.day.day))}</span>']
    if lunar.holy_day:
        parts.insert(0, f'<span class="holy"><span class="sr">{esc(say(lang, "holy-day"))}</span></span>')
    month = ""
    if (lunar.day == 1 and lunar.phase == "waxing") or cell.day.day == 1:
        shown = say(lang, "site.calendar.lunar-month", name=month_name(lunar.month, lang))
        month = f'<span class="lm">{esc(shown)}</span>'
    which = new_year_day(cell.day)
    note = f'<span class="ny">{esc(say(lang, f"new-year.{which}"))}</span>' if which else ""
    parts.append(f'<span class="lunar"><span class="ld">{esc(day_text)}</span>{month}{note}</span>')
    links = "".join(
        f'<a href="{_observance_href(page, o, lang)}">{esc(occurrence_name(o, lang))}</a>' for o in cell.on
    )
    if links:
        parts.append(f'<span class="names">{links}</span>')
    classes = " ".join(_cell_classes(cell))
    return f'<td id="d-{cell.day.isoformat()}" class="{classes}">{"".join(parts)}</td>'


def _observance_href(page: str, occ: Occurrence, lang: str) -> str:
    """The link to the page of an occurrence's observance (for a day in lieu, of the day it replaces)."""
    ident = occ.in_lieu_of.id if occ.in_lieu_of is not None else occ.observance.id
    return href(page, paths.observance_page(ident, lang))


def month_events(grid: Month, page: str, lang: str, month: str) -> str:
    """The month's holidays and observances as a list under its grid, each linked to its page."""
    from khcal.text.dates import anniversary, format_span, occurrence_name

    if not grid.occurrences:
        return f'<p class="nothing">{esc(say(lang, "site.calendar.nothing"))}</p>\n'
    items = []
    for occ in grid.occurrences:
        line = say(
            lang,
            "site.calendar.item",
            date=format_span(occ.start, occ.end, lang),
            name=occurrence_name(occ, lang),
        )
        tags = [say(lang, "day-off") if occ.holiday else None, anniversary(occ, lang)]
        shown = ", ".join(t for t in tags if t)
        tag = f' <span class="tag">({esc(shown)})</span>' if shown else ""
        target = _observance_href(page, occ, lang)
        kind = ' class="off"' if occ.holiday else ""
        items.append(f'<li{kind}><a href="{target}">{esc(line)}</a>{tag}</li>')
    label = esc(say(lang, "site.calendar.month-list", month=month))
    return f'<ul class="events" aria-label="{label}">{"".join(items)}</ul>\n'
