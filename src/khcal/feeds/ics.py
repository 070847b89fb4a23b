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

from khcal.feeds.feed_options import (
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

    from khcal.core.model import Catalogue
    from khcal.core.schedule import Occurrence, Schedule
    from khcal.feeds.versions import Version

__all__ = [  # the options are defined in khcal.feeds.feed_options and offered here too
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
    from khcal.text import feed

    return feed.calendar_name(options.lang, holidays=options.holidays, categories=options.categories)


def calendar_description(options: FeedOptions) -> str:
    from khcal.text import feed

    return feed.calendar_description(options.lang, options.first_year, options.last_year)


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
    from khcal.text.dates import occurrence_name
    from khcal.text.feed import event_categories

    lang = options.lang
    summary = clean_text(occurrence_name(occ, lang))
    description = clean_text(event_description(occ, catalogue, lang))
    categories = event_categories(occ, lang)
    end = occ.end + timedelta(days=1)
    content = versions.fingerprint(uid, occ.start, end, summary, description, categories)
    user = occ.observance.user or (occ.in_lieu_of is not None and occ.in_lieu_of.user)
    version = versions.following(content, revision(catalogue), previous, user)
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
        alarm.add("description", occurrence_name(occ, lang))
        # For an all-day event the start is 00:00 local time on its first day, so -PT15H is 09:00 the day
        # before wherever the phone is.
        alarm.add("trigger", options.alarm, parameters={"RELATED": "START"})
        event.add_component(alarm)
    return event


def event_description(occ: Occurrence, catalogue: Catalogue, lang: str) -> str:
    """What the day is, whether it is a day off, and where the data comes from (words: text/feed.py)."""
    from khcal.text import feed

    return feed.event_description(occ, catalogue, lang)
