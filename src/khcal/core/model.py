"""khcal's typed model: the values a catalogue is made of (observances, periods, exceptions, sources).

Pure: no I/O, no clock, no environment, no wording. Loading and validation live in `definitions`.
"""

from __future__ import annotations

from datetime import date, datetime

from khcal.core.records import field, record
from khcal.errors import UnknownObservanceError

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Final, Literal

    from khcal.core.rules import Rule

# --- the closed sets of words of the format and of the model: each spelled here once -----------------
# The types are for type checkers only (typing is not imported at run time); the tuples are the values.

if TYPE_CHECKING:
    Language = Literal["en", "km"]
    """The languages khcal speaks; a text of the catalogue falls back to English."""
    Scope = Literal["public", "private-sector"]
    """Who had a day off: everyone, or only private-sector workers (the days in lieu of 2018-2021)."""
    Status = Literal["official", "projected", "user"]
    """Where an occurrence's dates come from: a published list of days off, the rules, or the user's file."""
    Phase = Literal["waxing", "waning"]
    """The half of a lunar month."""
    EventKind = Literal["anniversary", "birthday"]
    """What an observance with an `event_year` remembers."""
    Sector = Literal["private", "public"]
    """Whose working days are counted: the private sector (every day off) or the public sector."""

LANGUAGES: Final[tuple[Language, ...]] = ("en", "km")
SCOPES: Final[tuple[Scope, ...]] = ("public", "private-sector")
STATUSES: Final[tuple[Status, ...]] = ("official", "projected", "user")
PHASES: Final[tuple[Phase, ...]] = ("waxing", "waning")
EVENT_KINDS: Final[tuple[EventKind, ...]] = ("anniversary", "birthday")
SECTORS: Final[tuple[Sector, ...]] = ("private", "public")
PUBLIC: Final[Scope] = "public"
PRIVATE_SECTOR: Final[Scope] = "private-sector"

FORMAT_VERSION = 1
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
LUNAR_MONTHS = (
    "migasir", "boss", "meak", "phalkun", "cheit", "pisakh", "jesth", "asadh",
    "pathamasadh", "tutiyasadh", "srap", "photrobot", "assoch", "kadeuk",
)  # fmt: skip
MIN_YEAR = 1800
MAX_YEAR = 2200


# --- values ------------------------------------------------------------------------------------------


@record
class Text:
    """A text in English, and in Khmer where the catalogue has it."""

    en: str
    km: str | None = None

    def get(self, lang: str) -> str:
        return self.km if lang == "km" and self.km else self.en


@record
class Source:
    title: str
    url: str | None = None


@record
class HolidayPeriod:
    """Years in which an observance was a day off, and how it was kept then."""

    since: int | None
    until: int | None
    days: int | None = None
    rule: Rule | None = None
    scope: Scope = PUBLIC
    note: Text | None = None
    sources: tuple[Source, ...] = ()

    def covers(self, year: int) -> bool:
        return (self.since is None or self.since <= year) and (self.until is None or year <= self.until)


@record
class Decree:
    """A decree for one year that moved, lengthened, shortened or cancelled a day off."""

    year: int
    sources: tuple[Source, ...]
    start: date | None = None
    days: int | None = None
    holiday: bool | None = None
    songkran: datetime | None = None
    note: Text | None = None


@record
class HistoryNote:
    year: int
    text: Text


@record
class Observance:
    id: str
    name: Text
    category: str
    rule: Rule
    description: Text
    days: int = 1
    since: int | None = None
    until: int | None = None
    event_year: int | None = None
    event_kind: EventKind = "anniversary"
    holiday: tuple[HolidayPeriod, ...] = ()
    exceptions: tuple[Decree, ...] = ()
    history: tuple[HistoryNote, ...] = ()
    sources: tuple[Source, ...] = ()
    origin: str = ""
    """The file the observance was read from."""
    user: bool = False
    """Read from a user's file laid over the built-in catalogue: its occurrences have status `user`."""

    def exists_in(self, year: int) -> bool:
        only = self.rule.only_year()
        if only is not None:
            return only == year
        if self.event_year is not None and year < self.event_year:
            return False  # nothing to remember before the event
        return (self.since is None or self.since <= year) and (self.until is None or year <= self.until)

    def period(self, year: int) -> HolidayPeriod | None:
        return next((p for p in self.holiday if p.covers(year)), None)

    def exception(self, year: int) -> Decree | None:
        return next((e for e in self.exceptions if e.year == year), None)


@record
class Published:
    """A year whose official list of days off was published, with its source."""

    year: int
    sources: tuple[Source, ...]
    total: int | None = None
    note: Text | None = None


@record
class InLieuRule:
    """Days off falling on one of `weekdays` gave the next free day off, in these years."""

    since: int
    until: int | None
    weekdays: tuple[int, ...]
    scope: Scope
    sources: tuple[Source, ...]
    note: Text | None = None

    def covers(self, year: int) -> bool:
        return self.since <= year and (self.until is None or year <= self.until)


@record
class Catalogue:
    observances: Mapping[str, Observance]
    published: Mapping[int, Published] = field(default_factory=dict)
    in_lieu: tuple[InLieuRule, ...] = ()
    revision: date | None = None
    """When the data last changed: the newest `revision` of the files merged (None if none gives one)."""

    def get(self, ident: str) -> Observance:
        try:
            return self.observances[ident]
        except KeyError:
            import difflib  # only when a suggestion is needed: it is slow to import

            close = difflib.get_close_matches(ident, list(self.observances), n=3, cutoff=0.5)
            if not close and ident:  # every id holds the empty text: no suggestion for it
                close = [i for i in self.observances if ident in i][:3]
            raise UnknownObservanceError(ident, close) from None

    @property
    def categories(self) -> list[str]:
        return sorted({o.category for o in self.observances.values()})

    def merged(self, other: Catalogue) -> Catalogue:
        """This catalogue with `other` laid over it: same ids and years replace, rules add up."""
        return Catalogue(
            observances={**self.observances, **other.observances},
            published={**self.published, **other.published},
            in_lieu=self.in_lieu + other.in_lieu,
            revision=max((r for r in (self.revision, other.revision) if r is not None), default=None),
        )
