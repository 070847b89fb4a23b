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
- ``SEQUENCE`` is 0 for an event whose dates come from the observance's own rule alone: those cannot move
  without a new rule. An event whose dates or day-off status the data set (a decreed exception for that
  year, a holiday period with its own rule or length, a day in lieu) has as ``SEQUENCE`` the number of days
  from 2000-01-01 to the revision date, and ``LAST-MODIFIED`` that revision date. A later revision that moves
  a day therefore always carries a higher sequence than the feed before it. (To undo a decree, keep its
  exception with the computed date rather than deleting it, so the sequence keeps rising.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from khcal.core.rules import OffsetRule
from khcal.errors import KhcalError

if TYPE_CHECKING:
    from icalendar import Event

    from khcal.core.model import Catalogue, Observance
    from khcal.core.schedule import Occurrence, Schedule

PRODID = "-//khcal//Cambodia holidays and remembrance days//EN"
UID_DOMAIN = "khcal"
REFRESH = timedelta(days=1)
"""How often subscribed clients are asked to fetch the feed again."""
DEFAULT_YEARS = 3
"""A feed without an explicit range covers this year and the next two."""
MAX_YEARS = 100
"""The longest range one feed may cover."""
_SEQUENCE_EPOCH = date(2000, 1, 1)
_FALLBACK_REVISION = date(2000, 1, 1)

_DURATION_RE = re.compile(
    r"^(?P<sign>[+-]?)P(?:(?P<weeks>\d+)W|(?:(?P<days>\d+)D)?(?:T(?=\d)(?:(?P<hours>\d+)H)?"
    r"(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?)$"
)


class FeedOptionError(KhcalError):
    """A feed option (year, language, category, alarm) that cannot be used."""


@dataclass(frozen=True, slots=True)
class FeedOptions:
    """What one feed contains and how it reads: the same fields as `khcal export`'s options."""

    first_year: int
    last_year: int
    lang: str = "en"
    holidays: bool = False
    categories: tuple[str, ...] = ()
    alarm: timedelta | None = None


# --- option checking, shared by `khcal export` and `khcal serve` --------------------------------------


def parse_year(text: str, what: str) -> int:
    """A year option: four digits within the supported range."""
    from khcal.core.schedule import check_year

    value = text.strip()
    if not (len(value) == 4 and value.isdigit()):
        raise FeedOptionError(f"{what}: '{text}' is not a year (use YYYY, e.g. 2026)")
    year = int(value)
    try:
        check_year(year)
    except KhcalError as exc:
        raise FeedOptionError(f"{what}: {exc}") from None
    return year


def year_range(first: str | None, last: str | None, this_year: int) -> tuple[int, int]:
    """The years of a feed: this year and the next two unless told otherwise.

    Only --from given: that year and the next two. Only --to given: from this year (or --to, if earlier).
    """
    from khcal.core.model import MAX_YEAR

    a = parse_year(first, "--from") if first is not None else None
    b = parse_year(last, "--to") if last is not None else None
    if a is None:
        a = this_year if b is None else min(this_year, b)
    if b is None:
        b = min(a + DEFAULT_YEARS - 1, MAX_YEAR)
    if b < a:
        raise FeedOptionError(f"--from {a} is after --to {b}")
    if b - a + 1 > MAX_YEARS:
        raise FeedOptionError(f"--from {a} --to {b}: at most {MAX_YEARS} years in one feed")
    return a, b


def parse_duration(text: str, what: str = "--alarm") -> timedelta:
    """An RFC 5545 / ISO 8601 duration such as -PT15H, -P1D, PT9H or -P1W (no months or years)."""
    match = _DURATION_RE.match(text.strip().upper())
    if match is None or text.strip().upper() in ("P", "-P", "+P", "PT", "-PT", "+PT"):
        raise FeedOptionError(
            f"{what}: '{text}' is not a duration (use e.g. -PT15H for 09:00 the day before, "
            "-P1D for midnight the day before, PT9H for 09:00 on the day)"
        )
    parts = {k: int(v) for k, v in match.groupdict().items() if k != "sign" and v is not None}
    value = timedelta(
        weeks=parts.get("weeks", 0),
        days=parts.get("days", 0),
        hours=parts.get("hours", 0),
        minutes=parts.get("minutes", 0),
        seconds=parts.get("seconds", 0),
    )
    if abs(value) > timedelta(days=366):
        raise FeedOptionError(f"{what}: '{text}' is more than a year away from the event")
    return -value if match.group("sign") == "-" else value


def format_duration(value: timedelta) -> str:
    """The RFC 5545 form of a duration: -PT15H, P1D, -P1DT2H."""
    sign = "-" if value < timedelta(0) else ""
    seconds = int(abs(value).total_seconds())
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{sign}P" + (f"{days}D" if days else "")
    clock = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    if clock:
        text += "T" + clock
    return text if text not in ("P", "-P") else "PT0S"


def check_options(options: FeedOptions, catalogue: Catalogue) -> None:
    """Raise FeedOptionError for a language or category the feed cannot use."""
    from khcal.core.model import LANGUAGES

    if options.lang not in LANGUAGES:
        raise FeedOptionError(f"--lang: '{options.lang}' is not one of {', '.join(LANGUAGES)}")
    known = set(catalogue.categories)
    for name in options.categories:
        if name not in known:
            listed = ", ".join(sorted(known))
            raise FeedOptionError(f"--category: '{name}' is not a category (known: {listed})")


# --- the feed -----------------------------------------------------------------------------------------


def build(schedule: Schedule, options: FeedOptions) -> bytes:
    """The feed for a range of years: one event for each occurrence `khcal list` gives for it."""
    from khcal.core.schedule import Filter

    check_options(options, schedule.catalogue)
    only = Filter(
        categories=frozenset(options.categories) if options.categories else None,
        holidays_only=options.holidays,
    )
    found = schedule.between(date(options.first_year, 1, 1), date(options.last_year, 12, 31), only)
    return render(found, schedule.catalogue, options)


def revision(catalogue: Catalogue) -> date:
    """The date the data last changed, from which every time stamp of a feed derives."""
    return catalogue.revision or _FALLBACK_REVISION


def render(occurrences: Sequence[Occurrence], catalogue: Catalogue, options: FeedOptions) -> bytes:
    """The iCalendar bytes (UTF-8, CRLF, folded at 75 octets) of these occurrences."""
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
        cal.add_component(_event(occ, uid, catalogue, options, stamp))
    out: bytes = cal.to_ical()
    return out


def event_uid(occ: Occurrence) -> str:
    """`<id>-<key>@khcal`: stable across runs, versions, machines, languages and filters."""
    return f"{occ.id}-{occ.key}@{UID_DOMAIN}"


def occurrence_year(occ: Occurrence) -> int:
    """The year whose rule gave this occurrence (its key is the year, or an ISO date)."""
    return int(occ.key[:4])


def set_by_data(occ: Occurrence, catalogue: Catalogue) -> bool:
    """True when the data, not the observance's own rule alone, decided this occurrence's days."""
    if occ.in_lieu_of is not None:
        return True
    return _obs_set_by_data(occ.observance, occurrence_year(occ), catalogue, set())


def _obs_set_by_data(obs: Observance, year: int, catalogue: Catalogue, seen: set[str]) -> bool:
    if obs.exception(year) is not None:
        return True
    period = obs.period(year)
    if period is not None and (period.rule is not None or period.days is not None):
        return True
    rule = period.rule if period is not None and period.rule is not None else obs.rule
    if isinstance(rule, OffsetRule) and rule.of not in seen and rule.of in catalogue.observances:
        return _obs_set_by_data(catalogue.observances[rule.of], year, catalogue, seen | {obs.id})
    return False


def sequence(occ: Occurrence, catalogue: Catalogue) -> int:
    """0 for rule-only dates; for dates the data set, the revision's day number (rises with each revision)."""
    if not set_by_data(occ, catalogue):
        return 0
    return max(1, (revision(catalogue) - _SEQUENCE_EPOCH).days)


def calendar_name(options: FeedOptions) -> str:
    from khcal.text import feed

    return feed.calendar_name(options.lang, holidays=options.holidays, categories=options.categories)


def calendar_description(options: FeedOptions) -> str:
    from khcal.text import feed

    return feed.calendar_description(options.lang, options.first_year, options.last_year)


def _event(occ: Occurrence, uid: str, catalogue: Catalogue, options: FeedOptions, stamp: datetime) -> Event:
    from icalendar import Alarm, Event

    from khcal.text.dates import occurrence_name

    lang = options.lang
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", occ.start)
    event.add("dtend", occ.end + timedelta(days=1))
    event.add("summary", occurrence_name(occ, lang))
    event.add("description", event_description(occ, catalogue, lang))
    categories = [occ.category]
    if occ.holiday:
        categories.append("day-off")
    event.add("categories", categories)
    event.add("transp", "TRANSPARENT")
    event.add("class", "PUBLIC")
    seq = sequence(occ, catalogue)
    event.add("sequence", seq)
    if seq:
        event.add("last-modified", stamp)
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
