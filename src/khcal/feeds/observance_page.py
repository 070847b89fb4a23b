"""A page of the published site for each observance: what `khcal show ID` tells, as a page to read and link.

Its name, its description, how its date is given, its history as a day off, its dates in the published
years (each linked to that day in the year's calendar) and its sources as links. The remembrance days
come first (`observance_ids`). Plain typography, no decoration; the words are those of `khcal show`
(`text.rules`, `text.dates`). Pure: the same schedule gives the same bytes.
"""

from __future__ import annotations

from khcal.feeds import paths
from khcal.feeds.page_shell import document, esc, href, lang_attr, site_links, year_links
from khcal.text import say

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from khcal.core.model import Observance, Source
    from khcal.core.schedule import Occurrence, Schedule

FIRST = ("victory-over-genocide", "national-day-of-remembrance")
"""The pages listed first: 7 January and 20 May, the days Cambodia remembers its dead."""
LEFT_OUT = frozenset({"holy-day"})
"""No page of its own: the holy days are marked on every day of the year calendars, with their legend."""
REFERENCE_YEAR = 2026
"""The year whose dates put the pages in calendar order when the catalogue publishes no list of days off."""


def observance_ids(schedule: Schedule) -> list[str]:
    """The observances that have a page, in the order they are listed: the remembrance days of 7 January
    and 20 May first, then the others in calendar order."""
    observances = schedule.catalogue.observances
    reference = max(schedule.catalogue.published, default=REFERENCE_YEAR)
    rest = sorted(
        (o for o in observances.values() if o.id not in FIRST and o.id not in LEFT_OUT),
        key=lambda o: _calendar_key(schedule, o, reference),
    )
    return [i for i in FIRST if i in observances] + [o.id for o in rest]


def _calendar_key(schedule: Schedule, obs: Observance, reference: int) -> tuple[int, int, str]:
    """(month, day, id) of the observance's date in the year nearest `reference` that it is kept."""
    only = obs.rule.only_year()
    year = only if only is not None else reference
    if obs.since is not None:
        year = max(year, obs.since)
    if obs.until is not None:
        year = min(year, obs.until)
    found = schedule.of(obs, year)
    if not found:
        return (13, 0, obs.id)
    return (found[0].start.month, found[0].start.day, obs.id)


def observance_page(schedule: Schedule, ident: str, lang: str, years: Sequence[int]) -> str:
    """The whole HTML document of observance `ident`'s page in `lang`, with its dates in `years`."""
    from khcal.text.dates import category_name
    from khcal.text.rules import history_lines, rule_text

    obs = schedule.catalogue.get(ident)
    page = paths.observance_page(ident, lang)
    name = obs.name.get(lang)
    other = next(
        ((code, n) for code, n in (("en", obs.name.en), ("km", obs.name.km)) if n and n != name), None
    )
    other_html = f'<p class="other-name" lang="{other[0]}">{esc(other[1])}</p>\n' if other else ""
    rule = rule_text(obs.rule, obs.days, lang, schedule.catalogue.observances)
    history = "".join(f"<li>{esc(line)}</li>" for line in history_lines(obs, lang, cite=False))
    body = (
        f"{site_links(page, lang)}"
        "<main><article>\n"
        f"<h1>{esc(name)}</h1>\n{other_html}"
        f'<p class="meta">{esc(category_name(obs.category, lang))}</p>\n'
        f'<p class="description">{esc(obs.description.get(lang))}</p>\n'
        f"<h2>{esc(say(lang, 'site.observance.rule'))}</h2>\n<p>{esc(rule)}</p>\n"
        f"<h2>{esc(say(lang, 'screen.history'))}</h2>\n<ul>{history}</ul>\n"
        f"{dates_section(schedule, obs, page, lang, years)}"
        f"{sources_section(obs, lang)}"
        "</article></main>\n"
        f"{year_links(page, lang, years, None, 'site.pages.year-calendars')}"
    )
    title = say(lang, "site.observance.title", name=name)
    return document(lang, page, title, body, body_class="observance-page")


def occurrences(schedule: Schedule, obs: Observance, year: int) -> list[Occurrence]:
    """The observance's occurrences in `year`, with the days in lieu given for it."""
    found = list(schedule.of(obs, year))
    found.extend(o for o in schedule.in_lieu(year) if o.in_lieu_of is not None and o.in_lieu_of.id == obs.id)
    return sorted(found, key=lambda o: (o.start, o.in_lieu_of is not None))


def dates_section(schedule: Schedule, obs: Observance, page: str, lang: str, years: Sequence[int]) -> str:
    """Its dates in each published year (and a day kept once, in its year), each linked to its first day in
    that year's calendar when the year is published."""
    rows = []
    shown = set(years)
    only = obs.rule.only_year()
    if only is not None:  # kept once: its one date, even outside the published years
        shown.add(only)
    for year in sorted(shown):
        found = occurrences(schedule, obs, year)
        if found:
            label = esc(say(lang, "site.observance.year", year=year))
            items = "".join(_date_item(occ, page, lang, years) for occ in found)
            rows.append(f"<h3>{label}</h3>\n<ul>{items}</ul>\n")
    if not rows:
        rows.append(f"<p>{esc(say(lang, 'screen.none'))}</p>\n")
    heading = esc(say(lang, "site.observance.dates"))
    return f'<section class="dates"><h2>{heading}</h2>\n{"".join(rows)}</section>\n'


def _date_item(occ: Occurrence, page: str, lang: str, years: Sequence[int]) -> str:
    """'7 January 2027 (48th anniversary, day off)', linked to that day in the year's calendar."""
    from khcal.core.khmer_calendar import to_lunar
    from khcal.text.dates import anniversary, format_span, occurrence_name
    from khcal.text.lunar import new_year_lines, short_text

    span = format_span(occ.start, occ.end, lang)
    if occ.in_lieu_of is not None:
        span = say(lang, "site.observance.lieu", date=span, name=occurrence_name(occ, lang))
    details = [anniversary(occ, lang), say(lang, "day-off") if occ.holiday else say(lang, "not-day-off")]
    if occ.status == "projected":
        details.append(say(lang, "projected"))
    text = say(lang, "screen.details", text=span, details=", ".join(d for d in details if d))
    extra = "".join(f"<li>{esc(line)}{_lunar(lunar)}</li>" for line, lunar in new_year_lines(occ, lang))
    nested = f'<ul class="new-year">{extra}</ul>' if extra else ""
    kind = ' class="off"' if occ.holiday else ""
    lunar = f'<br><span class="lunar-date">{esc(short_text(to_lunar(occ.start), lang))}</span>'
    if occ.start.year not in years:  # a day in lieu in a year not published
        return f"<li{kind}>{esc(text)}{lunar}{nested}</li>"
    target = href(page, paths.year_page(occ.start.year, lang)) + f"#d-{occ.start.isoformat()}"
    return f'<li{kind}><a href="{target}">{esc(text)}</a>{lunar}{nested}</li>'


def _lunar(text: str) -> str:
    return f"<br>{esc(text)}" if text else ""


def all_sources(obs: Observance) -> list[Source]:
    """The observance's sources, then those of its days-off periods and decreed exceptions, each once."""
    found: list[Source] = []
    groups = [obs.sources]
    groups.extend(p.sources for p in obs.holiday)
    groups.extend(e.sources for e in sorted(obs.exceptions, key=lambda e: e.year))
    for group in groups:
        for source in group:
            if source not in found:
                found.append(source)
    return found


def sources_section(obs: Observance, lang: str) -> str:
    """The sources as links (a source without an address as its title alone)."""
    items = []
    for source in all_sources(obs):
        if source.url and source.url.startswith(("https://", "http://")):
            items.append(
                f'<li{lang_attr(source.title, lang)}><a href="{esc(source.url)}">{esc(source.title)}</a></li>'
            )
        else:
            items.append(f"<li{lang_attr(source.title, lang)}>{esc(source.title)}</li>")
    if not items:
        return ""
    heading = esc(say(lang, "screen.sources"))
    return f'<section class="sources"><h2>{heading}</h2>\n<ul>{"".join(items)}</ul>\n</section>\n'
