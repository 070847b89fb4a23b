"""Occurrences: when each observance falls in a year, whether it is a day off, and the days in lieu.

Everything here is computed from the catalogue's rules and the lunar arithmetic; the only dates typed in
by hand are the decreed exceptions in the definitions files, each with its source.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from khcal.core.model import MAX_YEAR, MIN_YEAR, PUBLIC, Catalogue, Observance, Text
from khcal.core.records import record
from khcal.errors import DateRangeError, DefinitionsError, Problem

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Iterator

    from khcal.core.model import Scope, Status
    from khcal.core.rules import Rule

HIDDEN_BY_DEFAULT = frozenset({"holy-day"})
"""Categories shown only when asked for by name (`--category holy-day`)."""

IN_LIEU_SUFFIX = "-in-lieu"
MAX_OCCURRENCES = 50_000
"""The most occurrences one range may hold (list, export, serve, the API): the built-in catalogue gives
some 32,000 in all its years, holy days included; more can only come from very large definitions files."""
_ONE_DAY = timedelta(days=1)


@record
class Occurrence:
    """One observance on one or more consecutive days: ids, dates and numbers (its name in words is the text
    layer's: `khcal.text.dates.occurrence_name`)."""

    observance: Observance
    start: date
    end: date
    holiday: bool
    status: Status
    key: str  # stable within its observance: "2026", or "2026-05-01" for one kept many times a year
    scope: Scope = PUBLIC
    in_lieu_of: Observance | None = None
    songkran: datetime | None = None
    note: Text | None = None

    @property
    def id(self) -> str:
        if self.in_lieu_of is not None:
            return self.in_lieu_of.id + IN_LIEU_SUFFIX
        return self.observance.id

    @property
    def category(self) -> str:
        return self.observance.category

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def dates(self) -> Iterator[date]:
        day = self.start
        while day <= self.end:
            yield day
            day += _ONE_DAY

    def days_until(self, today: date) -> int:
        """Days from today to the first day; 0 while it runs, negative once it is over."""
        if self.start <= today <= self.end:
            return 0
        return (self.start - today).days

    @property
    def anniversary(self) -> int | None:
        """The count of years since the event it remembers (47 for 7 January 2026), if it has one."""
        event = self.observance.event_year
        if event is None or self.in_lieu_of is not None or self.start.year <= event:
            return None
        return self.start.year - event


@record
class Filter:
    """Which occurrences a command shows."""

    categories: frozenset[str] | None = None
    holidays_only: bool = False
    ids: frozenset[str] | None = None

    def wants_observance(self, obs: Observance) -> bool:
        if self.ids is not None and obs.id not in self.ids:
            return False
        if self.categories is None:
            return obs.category not in HIDDEN_BY_DEFAULT
        return obs.category in self.categories

    def accepts(self, occ: Occurrence) -> bool:
        if self.holidays_only and not occ.holiday:
            return False
        return self.wants_observance(occ.observance)


def check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateRangeError("error.year-range", year=year, low=MIN_YEAR, high=MAX_YEAR)


def check_date(day: date) -> None:
    check_year(day.year)


class Schedule:
    """Occurrences of a catalogue's observances, computed a year at a time and kept."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._own: dict[tuple[str, int], tuple[Occurrence, ...]] = {}
        self._lieu: dict[int, tuple[Occurrence, ...]] = {}
        self._days_off: dict[int, dict[date, tuple[Occurrence, ...]]] = {}
        self._holiday_ids = tuple(
            o.id for o in catalogue.observances.values()
            if o.holiday or any(e.holiday for e in o.exceptions)
        )  # fmt: skip

    # -- one observance

    def of(self, obs: Observance, year: int) -> tuple[Occurrence, ...]:
        """The occurrences of one observance computed for `year` (without days in lieu).

        The observances an offset counts from are computed first, in order, deepest first: a chain of any
        length takes no recursion.
        """
        key = (obs.id, year)
        found = self._own.get(key)
        if found is None:
            for needed in reversed(self._chain(obs, year)):
                self._own[(needed.id, year)] = tuple(self._compute(needed, year))
            found = self._own[key]
        return found

    def _chain(self, obs: Observance, year: int) -> list[Observance]:
        """`obs`, the observance its rule for `year` counts from, the one that counts from, and so on, until
        one computed already or one that counts from none. A catalogue that was loaded is checked already;
        one built by hand with an unknown id or a circle raises DefinitionsError."""
        chain = [obs]
        seen = {obs.id}
        while (rule := self._rule(chain[-1], year)) is not None and (target := rule.refers_to()) is not None:
            if (target, year) in self._own:
                break
            found = self.catalogue.observances.get(target)
            if found is None or target in seen:
                raise _bad_offset(chain, target, found is None)
            chain.append(found)
            seen.add(target)
        return chain

    @staticmethod
    def _rule(obs: Observance, year: int) -> Rule | None:
        """The rule that gives `obs` its dates in `year`: its period's or its own; None where it does not
        exist that year."""
        if not obs.exists_in(year):
            return None
        period = obs.period(year)
        return period.rule if period is not None and period.rule is not None else obs.rule

    def status(self, obs: Observance, year: int) -> Status:
        """`user` for a user's own observance, else `official` where the year's list is published."""
        if obs.user:
            return "user"
        return "official" if year in self.catalogue.published else "projected"

    def first_day(self, ident: str, year: int) -> date | None:
        """The first day of observance `ident` in `year` (what an offset rule counts from)."""
        found = self.of(self.catalogue.observances[ident], year)
        return found[0].start if found else None

    def _compute(self, obs: Observance, year: int) -> Iterator[Occurrence]:
        rule = self._rule(obs, year)
        if rule is None:
            return
        status = self.status(obs, year)
        period = obs.period(year)
        starts = rule.dates(year, self)
        if rule.many_a_year:
            for day in starts:
                yield Occurrence(obs, day, day, False, status, day.isoformat())
            return
        if not starts:
            return
        exception = obs.exception(year)
        start, days, songkran = starts[0], obs.days, None
        moment = rule.moment(year)
        if moment is not None:
            songkran, days = moment
            if exception is not None and exception.songkran is not None:
                # An officially announced moment, pinned in the data: the New Year starts on its day and
                # keeps the computed number of days.
                songkran = exception.songkran
            start = songkran.date()
        if period is not None and period.days is not None:
            days = period.days
        holiday = period is not None
        scope = period.scope if period is not None else PUBLIC
        note = period.note if period is not None else None
        if exception is not None:
            start = exception.start or start
            days = exception.days or days
            holiday = exception.holiday if exception.holiday is not None else holiday
            note = exception.note or note
        yield Occurrence(
            obs,
            start,
            start + timedelta(days=days - 1),
            holiday,
            status,
            str(year),
            scope=scope,
            songkran=songkran,
            note=note,
        )

    # -- a whole year

    def in_lieu(self, year: int) -> tuple[Occurrence, ...]:
        """Days in lieu given for the days off of `year` that fell on a weekend day of an in-lieu rule.

        Each such day gives the next day that is neither a day off, nor such a weekend day, nor already
        given in lieu (the rule of the 2015-2017 sub-decrees, applied by the Ministry of Labour for the
        private sector in 2018-2020).
        """
        found = self._lieu.get(year)
        if found is not None:
            return found
        rules = [r for r in self.catalogue.in_lieu if r.covers(year)]
        out: list[Occurrence] = []
        if rules:
            rule = rules[-1]
            off = self._plain_days_off(year) | self._plain_days_off(year + 1)
            taken: set[date] = set()
            for occ in sorted(self._holidays(year), key=lambda o: (o.start, o.id)):
                for day in occ.dates:
                    if day.weekday() not in rule.weekdays or day in taken or day.year != year:
                        continue
                    taken.add(day)
                    lieu = _free_day(day, off, rule.weekdays, taken)
                    if lieu is None:
                        continue
                    taken.add(lieu)
                    # A day in lieu for a day off that only some had keeps the narrower scope.
                    scope = rule.scope if occ.scope == PUBLIC else occ.scope
                    status = self.status(occ.observance, year)
                    out.append(Occurrence(
                        occ.observance, lieu, lieu, True, status, str(year), scope=scope,
                        in_lieu_of=occ.observance, note=rule.note,
                    ))  # fmt: skip
        found = self._lieu[year] = tuple(out)
        return found

    def _holidays(self, year: int) -> Iterator[Occurrence]:
        for ident in self._holiday_ids:
            for occ in self.of(self.catalogue.observances[ident], year):
                if occ.holiday:
                    yield occ

    def _plain_days_off(self, year: int) -> set[date]:
        if not MIN_YEAR <= year <= MAX_YEAR:
            return set()
        return {day for occ in self._holidays(year) for day in occ.dates}

    def year(self, year: int, only: Filter | None = None) -> list[Occurrence]:
        """Every occurrence computed for `year`, days in lieu included, sorted by start then id."""
        check_year(year)
        only = only or Filter()
        out = [
            occ
            for obs in self.catalogue.observances.values()
            if only.wants_observance(obs)
            for occ in self.of(obs, year)
            if only.accepts(occ)
        ]
        out.extend(occ for occ in self.in_lieu(year) if only.accepts(occ))
        out.sort(key=_order)
        return out

    def between(self, first: date, last: date, only: Filter | None = None) -> list[Occurrence]:
        """Occurrences that overlap first..last (inclusive), sorted by start then id."""
        check_date(first)
        check_date(last)
        out: list[Occurrence] = []
        for year in range(max(MIN_YEAR, first.year - 1), min(MAX_YEAR, last.year) + 1):
            out.extend(occ for occ in self.year(year, only) if occ.end >= first and occ.start <= last)
            if len(out) > MAX_OCCURRENCES:  # stopped before a user's large files take the memory of a feed
                raise DateRangeError(
                    "error.too-many-occurrences", first=first, last=last, most=MAX_OCCURRENCES
                )
        out.sort(key=_order)
        return out

    def upcoming(self, today: date, count: int, only: Filter | None = None) -> list[Occurrence]:
        """The next `count` occurrences from today; one running today counts."""
        check_date(today)
        out: list[Occurrence] = []
        # Last year's occurrences may still run (or be days in lieu falling this year), so start there, and
        # always read this year whole: only later years can be left out once enough are found.
        year = max(MIN_YEAR, today.year - 1)
        while year <= MAX_YEAR and (len(out) < count or year <= today.year):
            out.extend(occ for occ in self.year(year, only) if occ.end >= today)
            year += 1
        out.sort(key=_order)
        return out[:count]

    def days_off(self, year: int) -> dict[date, tuple[Occurrence, ...]]:
        """Each day off of the calendar year `year`, with the occurrences that make it one."""
        found = self._days_off.get(year)
        if found is not None:
            return found
        check_year(year)
        gathered: dict[date, list[Occurrence]] = {}
        for occ in self._days_off_around(year):
            for day in occ.dates:
                if day.year == year:
                    gathered.setdefault(day, []).append(occ)
        found = self._days_off[year] = {d: tuple(sorted(v, key=_order)) for d, v in sorted(gathered.items())}
        return found

    def _days_off_around(self, year: int) -> Iterator[Occurrence]:
        """Days off and days in lieu of the years whose occurrences may reach into `year`."""
        for source_year in (year - 1, year):
            if MIN_YEAR <= source_year <= MAX_YEAR:
                yield from self._holidays(source_year)
                yield from self.in_lieu(source_year)
        if year < MAX_YEAR:
            yield from self._holidays(year + 1)

    def on(self, day: date, only: Filter | None = None) -> list[Occurrence]:
        """Occurrences that include `day`."""
        return self.between(day, day, only)


_LIEU_SEARCH = 3 * 366
"""The most days after a day off that a day in lieu is looked for. The days off of two years at most stand in
the way, and a rule leaves at least one weekday free (a definitions file naming all seven is refused), so
the search ends well before; the bound makes sure no input can search to the end of the calendar."""


def _free_day(day: date, off: set[date], weekdays: tuple[int, ...], taken: set[date]) -> date | None:
    """The first day after `day` that is neither a day off, nor one of `weekdays`, nor already `taken`;
    None if there is none within `_LIEU_SEARCH` days."""
    lieu = day
    for _ in range(_LIEU_SEARCH):
        lieu += _ONE_DAY
        if lieu not in off and lieu.weekday() not in weekdays and lieu not in taken:
            return lieu
    return None


def _bad_offset(chain: list[Observance], target: str, unknown: bool) -> DefinitionsError:
    """The problem of an offset to an id the catalogue lacks, or of offsets that go round in a circle."""
    last = chain[-1]
    if unknown:
        params: dict[str, object] = {"ident": target, "close": ""}
        problem = Problem(last.origin, "problem.unknown-ref", None, last.id, "rule.of", params)
        return DefinitionsError([problem])
    ids = [o.id for o in chain]
    circle = [*ids[ids.index(target) :], target]
    params = {"chain": " -> ".join(circle)}
    return DefinitionsError([Problem(last.origin, "problem.offset-cycle", None, target, "rule.of", params)])


def _order(occ: Occurrence) -> tuple[date, str, date]:
    return (occ.start, occ.id, occ.end)
