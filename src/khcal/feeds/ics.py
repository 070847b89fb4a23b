"""The iCalendar writer: occurrences and their catalogue in, the bytes of an RFC 5545 feed out.

Pure: no clock, no environment, no files. The same catalogue, range and options always give the same bytes,
so a feed can be cached, compared, committed and served with a stable ETag. The icalendar package is
imported inside the functions that need it (`khcal is-holiday` never pays for it).

What keeps phones from duplicating or shifting events:

- Every event is an all-day event (``DTSTART;VALUE=DATE``, ``DTEND`` the day after the last day): no time
  zone, so the day is the same wherever the phone is.
- ``UID`` is ``<id>-<key>@khcal``: the occurrence's id (``pchum-ben``, ``victory-over-genocide-in-lieu``)
  and its key (the year, ``2026``, for yearly observances; the ISO date, ``2026-01-03``, for the holy days
  kept many times a year). It depends on nothing else, so it is the same across runs, versions, machines,
  languages and filters, and a refreshed feed replaces each event instead of adding a copy.
- ``DTSTAMP`` is the catalogue's ``revision`` date at midnight UTC, not the clock.
- ``SEQUENCE`` and ``LAST-MODIFIED`` derive from the event's content and the revision: see
  `khcal.feeds.versions` for the scheme (they move whenever an event's dates or text change, and `khcal
  publish`, which knows the previous edition, keeps them put for unchanged events and strictly rising for
  changed ones).
- A selection with no event still gives a valid calendar: RFC 5545 wants at least one component, so such a
  feed carries one VTIMEZONE (UTC), which calendar apps read and show nothing for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from khcal.feeds.options import (
    DEFAULT_YEARS,
    MAX_YEARS,
    FeedOptionError,
    FeedOptions,
    check_options,
    format_duration,
    parse_duration,
    parse_year,
    year_range,
)

if TYPE_CHECKING:
    from icalendar import Component, Event

    from khcal.core.model import Catalogue, Source
    from khcal.core.schedule import Occurrence, Schedule
    from khcal.feeds.versions import Version

__all__ = [  # the options are defined in khcal.feeds.options and offered here too
    "DEFAULT_YEARS",
    "MAX_YEARS",
    "PRODID",
    "REFRESH",
    "UID_DOMAIN",
    "FeedOptionError",
    "FeedOptions",
    "build",
    "calendar_description",
    "calendar_name",
    "check_options",
    "clean_text",
    "event_description",
    "event_uid",
    "format_duration",
    "occurrence_year",
    "parse_duration",
    "parse_year",
    "render",
    "revision",
    "year_range",
]

PRODID = "-//khcal//Cambodia holidays and remembrance days//EN"
UID_DOMAIN = "khcal"
REFRESH = timedelta(days=1)
"""How often subscribed clients are asked to fetch the feed again."""
_FALLBACK_REVISION = date(2000, 1, 1)


# --- the feed -----------------------------------------------------------------------------------------


def build(schedule: Schedule, options: FeedOptions, previous: Mapping[str, Version] | None = None) -> bytes:
    """The feed for a range of years: one event for each occurrence `khcal list` gives for it."""
    from khcal.core.schedule import Filter

    check_options(options, schedule.catalogue)
    only = Filter(
        categories=frozenset(options.categories) if options.categories else None,
        holidays_only=options.holidays,
    )
    found = schedule.between(options.start, options.end, only)
    return render(found, schedule.catalogue, options, previous)


def revision(catalogue: Catalogue) -> date:
    """The date the data last changed, from which every time stamp of a feed derives."""
    return catalogue.revision or _FALLBACK_REVISION


def render(
    occurrences: Sequence[Occurrence],
    catalogue: Catalogue,
    options: FeedOptions,
    previous: Mapping[str, Version] | None = None,
) -> bytes:
    """The iCalendar bytes (UTF-8, CRLF, folded at 75 octets) of these occurrences.

    `previous`: the versions of the edition published before (khcal publish), by UID.
    """
    from icalendar import Calendar, vDuration, vText

    stamp = datetime.combine(revision(catalogue), datetime.min.time(), tzinfo=UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = calendar_name(options)
    about = calendar_description(options)
    cal.add("name", name)
    # Clients differ on unescaping X- values: these two texts have nothing to escape, so all read them alike.
    cal.add("x-wr-calname", vText(name))
    cal.add("description", about)
    cal.add("x-wr-caldesc", vText(about))
    cal.add("refresh-interval", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", format_duration(REFRESH))
    counts: dict[str, int] = {}
    for occ in occurrences:
        uid = event_uid(occ)
        counts[uid] = counts.get(uid, 0) + 1
        if counts[uid] > 1:  # two occurrences with one key (a user's data can do it): keep them apart
            uid = uid.replace(f"@{UID_DOMAIN}", f"-{counts[uid]}@{UID_DOMAIN}")
        cal.add_component(_event(occ, uid, catalogue, options, stamp, (previous or {}).get(uid)))
    if not occurrences:
        cal.add_component(_placeholder())
    out: bytes = cal.to_ical()
    return out


def event_uid(occ: Occurrence) -> str:
    """`<id>-<key>@khcal`: stable across runs, versions, machines, languages and filters."""
    return f"{occ.id}-{occ.key}@{UID_DOMAIN}"


def occurrence_year(occ: Occurrence) -> int:
    """The year whose rule gave this occurrence (its key is the year, or an ISO date)."""
    return int(occ.key[:4])


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_text(text: str) -> str:
    """TEXT as RFC 5545 allows it: control characters other than tab and line ends dropped (a definitions
    file could carry them; strict parsers such as `ical` and libical refuse a feed that has them)."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _placeholder() -> Component:
    """The component of a feed without events (RFC 5545 wants one): a UTC time zone, which shows nothing."""
    from icalendar import Timezone, TimezoneStandard

    zone = Timezone()
    zone.add("tzid", "UTC")
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", timedelta(0))
    standard.add("tzoffsetto", timedelta(0))
    standard.add("tzname", "UTC")
    zone.add_component(standard)
    return zone


def calendar_name(options: FeedOptions) -> str:
    km = options.lang == "km"
    if options.holidays:
        name = "ថ្ងៃឈប់សម្រាកនៅកម្ពុជា" if km else "Cambodia: days off"
    else:
        name = "ថ្ងៃបុណ្យ និងទិវារំលឹកនៅកម្ពុជា" if km else "Cambodia: holidays and remembrance days"
    if options.categories:
        name += f" ({' + '.join(options.categories)})"
    return name


def calendar_description(options: FeedOptions) -> str:
    from khcal.text.describe import khmer_digits

    years = str(options.first_year)
    if options.last_year != options.first_year:
        years += f"-{options.last_year}"
    if options.lang == "km":
        years = khmer_digits(years)
        return (
            f"ថ្ងៃឈប់សម្រាក ពិធីបុណ្យព្រះពុទ្ធសាសនា និងទិវារំលឹកនៅកម្ពុជា ({years})។ "
            "បង្កើតដោយ khcal ពីកាតាឡុករបស់វា ដោយមានប្រភពនៃកាលបរិច្ឆេទនីមួយៗ។"
        )
    return (
        f"Public holidays and remembrance days of Cambodia with its Buddhist festivals ({years}). "
        "Made by khcal from its catalogue: each event names its sources. Where no list of days off is "
        "published yet the dates are projected from the rules."
    )


def _event(
    occ: Occurrence,
    uid: str,
    catalogue: Catalogue,
    options: FeedOptions,
    stamp: datetime,
    previous: Version | None,
) -> Event:
    from icalendar import Alarm, Event

    from khcal.feeds import versions

    lang = options.lang
    summary = clean_text(occ.name(lang))
    description = clean_text(event_description(occ, catalogue, lang))
    categories = [occ.category]
    if occ.holiday:
        categories.append("day-off")
    end = occ.end + timedelta(days=1)
    content = versions.fingerprint(uid, occ.start, end, summary, description, categories)
    version = versions.following(content, revision(catalogue), previous)
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", occ.start)
    event.add("dtend", end)
    event.add("summary", summary)
    event.add("description", description)
    event.add("categories", categories)
    event.add("transp", "TRANSPARENT")
    event.add("class", "PUBLIC")
    event.add("sequence", version.sequence)
    event.add("last-modified", version.modified)
    if options.alarm is not None:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", occ.name(lang))
        # For an all-day event the start is 00:00 local time on its first day, so -PT15H is 09:00 the day
        # before wherever the phone is.
        alarm.add("trigger", options.alarm, parameters={"RELATED": "START"})
        event.add_component(alarm)
    return event


# --- words of the description -------------------------------------------------------------------------

_WORDS = {
    "en": {
        "day_off": "A day off in Cambodia in {year}.",
        "day_off_private": "A day off in Cambodia in {year} for private-sector workers.",
        "not_off": "Not a day off in Cambodia in {year}.",
        "official": "Dates from the published list of days off.",
        "projected": "Dates projected from the rules: the list of days off for {year} is not published yet.",
        "user": "Dates from your own definitions file.",
        "sources": "Sources:",
        "in_lieu": "Given in place of {name}, which fell on a weekend day.",
        "days": "{n} days, {span}.",
    },
    "km": {
        "day_off": "ជាថ្ងៃឈប់សម្រាកនៅកម្ពុជា ក្នុងឆ្នាំ{year}។",
        "day_off_private": "ជាថ្ងៃឈប់សម្រាកសម្រាប់កម្មករនិយោជិតវិស័យឯកជន ក្នុងឆ្នាំ{year}។",
        "not_off": "មិនមែនជាថ្ងៃឈប់សម្រាកនៅកម្ពុជា ក្នុងឆ្នាំ{year}ទេ។",
        "official": "កាលបរិច្ឆេទតាមបញ្ជីថ្ងៃឈប់សម្រាកផ្លូវការ។",
        "projected": "កាលបរិច្ឆេទគណនាតាមច្បាប់ ព្រោះបញ្ជីថ្ងៃឈប់សម្រាកឆ្នាំ{year} មិនទាន់ចេញផ្សាយនៅឡើយ។",
        "user": "កាលបរិច្ឆេទតាមឯកសារនិយមន័យផ្ទាល់ខ្លួនរបស់អ្នក។",
        "sources": "ប្រភព៖",
        "in_lieu": "សងជំនួស{name} ដែលត្រូវនឹងថ្ងៃចុងសប្តាហ៍។",
        "days": "{n} ថ្ងៃ៖ {span}។",
    },
}


def event_description(occ: Occurrence, catalogue: Catalogue, lang: str) -> str:
    """What the day is, whether it is a day off, and where the data comes from."""
    from khcal.text.describe import anniversary, format_span, khmer_digits, source_text

    words = _WORDS["km" if lang == "km" else "en"]
    year = occ.start.year
    shown_year = khmer_digits(year) if lang == "km" else str(year)
    paragraphs: list[str] = []
    sources: list[Source] = []
    if occ.in_lieu_of is not None:
        paragraphs.append(words["in_lieu"].format(name=occ.in_lieu_of.name.get(lang)))
        year_of_rule = occurrence_year(occ)
        sources.extend(s for rule in catalogue.in_lieu if rule.covers(year_of_rule) for s in rule.sources)
    else:
        paragraphs.append(occ.observance.description.get(lang))
        extra = anniversary(occ, lang)
        if extra:
            paragraphs.append(extra[0].upper() + extra[1:] + ("" if lang == "km" else "."))
        sources.extend(occ.observance.sources)
        exception = occ.observance.exception(occurrence_year(occ))
        if exception is not None:
            sources.extend(exception.sources)
    if occ.days > 1:
        n = khmer_digits(occ.days) if lang == "km" else str(occ.days)
        paragraphs.append(words["days"].format(n=n, span=format_span(occ.start, occ.end, lang)))
    if occ.holiday:
        key = "day_off_private" if occ.scope == "private-sector" else "day_off"
        status = words[occ.status].format(year=shown_year)
        paragraphs.append(f"{words[key].format(year=shown_year)} {status}")
    else:
        paragraphs.append(words["not_off"].format(year=shown_year))
    if occ.note is not None:
        paragraphs.append(occ.note.get(lang))
    published = catalogue.published.get(occurrence_year(occ))
    if occ.holiday and published is not None:
        sources.extend(published.sources)
    unique = list(dict.fromkeys(source_text(s) for s in sources))
    if unique:
        paragraphs.append("\n".join([words["sources"], *(f"- {s}" for s in unique)]))
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())
