"""The words of a calendar feed: its name, its description and each event's description.

Plain functions over the catalogue and occurrences; the iCalendar writer (feeds/ics.py) puts them in place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from khcal.core.khmer_calendar import to_lunar
from khcal.text import digits, say
from khcal.text.dates import anniversary, category_name, format_span
from khcal.text.describe import source_text
from khcal.text.lunar import lunar_text

if TYPE_CHECKING:
    from khcal.core.model import Catalogue, Source
    from khcal.core.schedule import Occurrence


def calendar_name(lang: str, *, holidays: bool, categories: Sequence[str]) -> str:
    """'Cambodia: days off', or with the categories the feed keeps (in the feed's language)."""
    name = say(lang, "feed.name.days-off" if holidays else "feed.name.all")
    if categories:
        words = " + ".join(category_name(c, lang) for c in categories)
        name = say(lang, "feed.name.categories", name=name, categories=words)
    return name


def event_categories(occ: Occurrence, lang: str) -> list[str]:
    """An event's CATEGORIES, in the feed's language: its category, and `day-off` for a day off."""
    found = [category_name(occ.category, lang)]
    if occ.holiday:
        found.append(say(lang, "feed.category.day-off"))
    return found


def calendar_description(lang: str, first_year: int, last_year: int) -> str:
    """What the feed holds, for which years, and where its dates come from."""
    years = str(first_year) if last_year == first_year else f"{first_year}-{last_year}"
    return say(lang, "feed.description", years=digits(lang, years))


def _rule_year(occ: Occurrence) -> int:
    """The year whose rule gave this occurrence (its key is the year, or an ISO date)."""
    return int(occ.key[:4])


def _what(occ: Occurrence, catalogue: Catalogue, lang: str) -> tuple[list[str], list[Source]]:
    """What the day is, and the sources that say so."""
    if occ.in_lieu_of is not None:
        year = _rule_year(occ)
        sources = [s for rule in catalogue.in_lieu if rule.covers(year) for s in rule.sources]
        return [say(lang, "feed.in-lieu", name=occ.in_lieu_of.name.get(lang))], sources
    paragraphs = [occ.observance.description.get(lang)]
    extra = anniversary(occ, lang)
    if extra:
        paragraphs.append(say(lang, "feed.anniversary", text=extra))
    sources = list(occ.observance.sources)
    exception = occ.observance.exception(_rule_year(occ))
    if exception is not None:
        sources.extend(exception.sources)
    return paragraphs, sources


def _status(occ: Occurrence, lang: str) -> str:
    """Whether the day is a day off, and whether its dates are published or projected."""
    year = occ.start.year
    if not occ.holiday:
        return say(lang, "feed.not-off", year=year)
    key = "feed.day-off-private" if occ.scope == "private-sector" else "feed.day-off"
    status = say(lang, f"feed.{occ.status}", year=year)  # official, projected or user
    return say(lang, "feed.status", day_off=say(lang, key, year=year), status=status)


def event_description(occ: Occurrence, catalogue: Catalogue, lang: str) -> str:
    """What the day is, whether it is a day off, and where the data comes from."""
    paragraphs, sources = _what(occ, catalogue, lang)
    paragraphs.append(say(lang, "feed.lunar", date=lunar_text(occ.start, to_lunar(occ.start), lang)))
    if occ.days > 1:
        paragraphs.append(say(lang, "feed.days", n=occ.days, span=format_span(occ.start, occ.end, lang)))
    paragraphs.append(_status(occ, lang))
    if occ.note is not None:
        paragraphs.append(occ.note.get(lang))
    published = catalogue.published.get(_rule_year(occ))
    if occ.holiday and published is not None:
        sources.extend(published.sources)
    unique = list(dict.fromkeys(source_text(s) for s in sources))
    if unique:
        paragraphs.append("\n".join([say(lang, "feed.sources"), *(f"- {s}" for s in unique)]))
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())
