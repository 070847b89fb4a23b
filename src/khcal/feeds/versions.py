"""SEQUENCE and LAST-MODIFIED of a feed's events: derived from what each event says, so phones follow changes.

RFC 5546 wants a higher ``SEQUENCE`` whenever an event changes; clients keep the copy with the higher
sequence (and, at equal sequences, the later ``DTSTAMP``). khcal has no database, so the version of an event
is derived from two things only:

- its **content**: a SHA-256 of the UID, the first and last day, the title, the description and the
  categories (``fingerprint``). Anything a reader sees changes it; nothing else does.
- the data's **revision** date (``revision = ...`` in the definitions files, the newest wins).

Without a previous feed (``khcal export``, ``khcal serve``), ``SEQUENCE`` is ``R * 1000 + C`` where ``R`` is
the number of days from 2000-01-01 to the revision and ``C`` is the fingerprint taken modulo 500, plus 500
for an event a user's file defines (a date moved, a rule replaced, a day added); ``LAST-MODIFIED`` is the
revision day at 00:00 UTC plus the fingerprint modulo 43,200 seconds, plus 12 hours for a user's event. So:

- the same data gives the same bytes, run after run, machine after machine;
- a new revision raises every sequence (the stamp of a new edition of the data);
- a user's file that changes a built-in event raises its sequence and LAST-MODIFIED without a new revision;
- a further edit of that file still changes the sequence and LAST-MODIFIED of just the events it changes,
  though not always upwards.

``khcal publish`` knows the previous edition: it reads the feed it wrote last time. An event whose fingerprint
is unchanged keeps that feed's SEQUENCE and LAST-MODIFIED exactly (they stay put, whatever the revision);
an event whose content changed gets ``max(derived, previous + 1)`` and a LAST-MODIFIED at least a second
later than before. So published feeds rise strictly on every change and move nothing else.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

EPOCH = date(2000, 1, 1)
_SPREAD = 1000
_HALF_DAY = 43200
_MAX_SEQUENCE = 2**31 - 1


@dataclass(frozen=True, slots=True)
class Version:
    """What an event's version fields say, and the content they describe."""

    fingerprint: str
    sequence: int
    modified: datetime


def fingerprint(
    uid: str, start: date, end: date, summary: str, description: str, categories: Iterable[str]
) -> str:
    """A hash of everything a reader of the event sees (end: the DTEND written, the day after the last)."""
    text = "\x1f".join([uid, start.isoformat(), end.isoformat(), summary, description, ",".join(categories)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def derived(print_: str, revision: date, user: bool = False) -> Version:
    """The version from the content and the revision alone (no previous feed); `user`: the event comes from
    a user's file, which puts it in the upper half of the revision's sequences and of its day."""
    number = int(print_[:16], 16)
    days = max(0, (revision - EPOCH).days)
    half = _SPREAD // 2
    sequence = min(_MAX_SEQUENCE, days * _SPREAD + number % half + (half if user else 0))
    midnight = datetime(revision.year, revision.month, revision.day, tzinfo=UTC)
    seconds = number % _HALF_DAY + (_HALF_DAY if user else 0)
    return Version(print_, sequence, midnight + timedelta(seconds=seconds))


def following(print_: str, revision: date, previous: Version | None, user: bool = False) -> Version:
    """The version of an event, given what the previous edition of the feed said of it (if anything)."""
    new = derived(print_, revision, user)
    if previous is None:
        return new
    if previous.fingerprint == print_:
        return previous
    sequence = min(_MAX_SEQUENCE, max(new.sequence, previous.sequence + 1))
    modified = max(new.modified, previous.modified + timedelta(seconds=1))
    return Version(print_, sequence, modified)


def read_previous(data: bytes) -> Mapping[str, Version]:
    """The versions of a feed written before, by UID (empty if it cannot be read as one)."""
    from icalendar import Calendar

    try:
        cal = Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError):
        return {}
    found: dict[str, Version] = {}
    for event in cal.walk("VEVENT"):
        try:
            uid = str(event["UID"])
            cats = event.get("CATEGORIES")
            names = [str(c) for c in cats.cats] if cats is not None else []
            print_ = fingerprint(
                uid,
                event.decoded("DTSTART"),
                event.decoded("DTEND"),
                str(event.get("SUMMARY", "")),
                str(event.get("DESCRIPTION", "")),
                names,
            )
            modified = event.decoded("LAST-MODIFIED")
            found[uid] = Version(print_, int(event.get("SEQUENCE", 0)), modified)
        except (KeyError, ValueError, TypeError, AttributeError):
            continue
    return found
