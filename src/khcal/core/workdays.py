"""Working-day arithmetic: which days are worked, how many lie between two dates, what date is N later.

A working day is a day that is neither a weekend day (Saturday and Sunday by default; Sunday alone in
six-day workplaces) nor a day off. Days off come from the schedule (public holidays and days in lieu, for the
years they applied) and from a company's own list. Pure: no clock, no environment, no output.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from khcal.core.model import PRIVATE_SECTOR, SECTORS, WEEKDAYS
from khcal.core.records import field, record
from khcal.errors import BadValueError

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from khcal.core.model import Sector
    from khcal.core.schedule import Occurrence

_FULL_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SAT_SUN = frozenset({5, 6})
PRIVATE_ONLY = PRIVATE_SECTOR
"""The scope of a day off that only private-sector workers had (the days in lieu of 2018-2021)."""

_ONE_DAY = timedelta(days=1)
_MARGIN = timedelta(days=14)

if TYPE_CHECKING:
    DaysOff = Callable[[int], Mapping[date, Sequence[Occurrence]]]
"""The days off of a calendar year with the occurrences that make them (`Schedule.days_off`)."""


def parse_weekend(value: str | Sequence[str]) -> frozenset[int]:
    """Weekend days as weekday numbers (0 = Monday), from every form a user writes them in.

    'sat,sun' or ['sat', 'sun'] -> {5, 6}; 'sun' -> {6}; full names ('sunday') too; 'none' or [] -> no
    weekend. At least one working day must be left. Raises BadValueError (a ValueError) saying what is
    wrong; the caller adds where (an option, or a settings file's line).
    """
    if isinstance(value, str):
        if value.strip().lower() == "none":
            return frozenset()
        names: list[object] = list(value.split(","))
    else:
        names = list(value)
    days: set[int] = set()
    for name in names:
        key = name.strip().lower() if isinstance(name, str) else ""
        if key in WEEKDAYS:
            days.add(WEEKDAYS.index(key))
        elif key in _FULL_WEEKDAYS:
            days.add(_FULL_WEEKDAYS.index(key))
        else:
            import difflib  # only when a suggestion is needed: it is slow to import

            close = difflib.get_close_matches(key, WEEKDAYS, n=1) if key else []
            shown = name.strip() if isinstance(name, str) else repr(name)
            raise BadValueError(
                "error.weekend-day", value=shown, close=close[0] if close else "", days=", ".join(WEEKDAYS)
            )
    if len(days) == 7:
        raise BadValueError("error.weekend-full")
    return frozenset(days)


def parse_sector(value: str) -> Sector:
    """A sector: `private` or `public`. Raises BadValueError (a ValueError); the caller adds where the value
    came from."""
    found = next((s for s in SECTORS if s == value), None)
    if found is None:
        raise BadValueError("error.sector", value=value, choices=", ".join(SECTORS))
    return found


def weekend_text(weekend: frozenset[int]) -> str:
    """{5, 6} -> 'sat,sun' (the form a weekend is written in)."""
    return ",".join(WEEKDAYS[d] for d in sorted(weekend)) or "none"


@record
class Run:
    """Consecutive days off (weekend days, days off, or both), first and last day included."""

    start: date
    end: date
    reasons: tuple[Occurrence, ...] = ()
    extra: tuple[date, ...] = ()

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@record
class Bridge:
    """A working day that, taken off, joins the days off on either side into a run of `joined.days`."""

    day: date
    joined: Run


@record(frozen=False)
class WorkCalendar:
    """Answers 'is this a working day?' and counts working days, for one weekend and one sector.

    `sector` is "private" (every day off counts, the private-sector days in lieu of 2018-2021 too) or
    "public" (days off that only the private sector had are worked).
    """

    days_off: DaysOff
    weekend: frozenset[int] = SAT_SUN
    extra_off: frozenset[date] = frozenset()
    sector: Sector = "private"
    limits: tuple[date, date] = (date.min + _MARGIN, date.max - _MARGIN)
    """The first and last day that `days_off` can answer for; runs are not looked for outside."""
    _years: dict[int, dict[date, tuple[Occurrence, ...]]] = field(default_factory=dict, repr=False)
    _off: dict[int, frozenset[date]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        parse_sector(self.sector)
        if len(self.weekend) >= 7:
            raise BadValueError("error.weekend-full")

    # -- one day

    def _year(self, year: int) -> dict[date, tuple[Occurrence, ...]]:
        found = self._years.get(year)
        if found is None:
            found = {}
            for day, occs in self.days_off(year).items():
                kept = tuple(o for o in occs if self.applies(o))
                if kept:
                    found[day] = kept
            self._years[year] = found
            self._off[year] = frozenset(found) | {d for d in self.extra_off if d.year == year}
        return found

    def applies(self, occ: Occurrence) -> bool:
        """Whether a day off counts for this calendar's sector."""
        return self.sector == "private" or occ.scope != PRIVATE_ONLY

    def reasons(self, day: date) -> tuple[Occurrence, ...]:
        """The occurrences that make `day` a day off for this sector (empty if none)."""
        return self._year(day.year).get(day, ())

    def private_only(self, day: date) -> tuple[Occurrence, ...]:
        """Days off on `day` that only the private sector had (shown as a note to the public sector)."""
        return tuple(o for o in self.days_off(day.year).get(day, ()) if o.scope == PRIVATE_ONLY)

    def is_extra(self, day: date) -> bool:
        return day in self.extra_off

    def is_weekend(self, day: date) -> bool:
        return day.weekday() in self.weekend

    def is_day_off(self, day: date) -> bool:
        """A public holiday, a day in lieu that applies to this sector, or one of the company's days off."""
        off = self._off.get(day.year)
        if off is None:
            self._year(day.year)
            off = self._off[day.year]
        return day in off

    def is_workday(self, day: date) -> bool:
        return day.weekday() not in self.weekend and not self.is_day_off(day)

    # -- arithmetic

    def count(self, first: date, last: date) -> int:
        """Working days from `first` to `last`, both included; the order of the two does not matter."""
        if last < first:
            first, last = last, first
        total = 0
        day = first
        while day <= last:
            if self.is_workday(day):
                total += 1
            day += _ONE_DAY
        return total

    def add(self, day: date, n: int) -> date:
        """The nth working day after `day` (before it if n < 0); n = 0 gives `day` if it is worked,
        else the next working day."""
        if n == 0:
            return day if self.is_workday(day) else self.next(day)
        step = _ONE_DAY if n > 0 else -_ONE_DAY
        left = abs(n)
        while left:
            day += step
            if self.is_workday(day):
                left -= 1
        return day

    def next(self, day: date) -> date:
        """The first working day after `day`."""
        return self.add(day, 1)

    # -- long weekends

    def runs(self, first: date, last: date) -> list[Run]:
        """Every run of days not worked that overlaps first..last, whole (it may reach outside)."""
        low, high = self.limits
        scan_from = max(low, first - _MARGIN)
        scan_to = min(high, last + _MARGIN)
        out: list[Run] = []
        start: date | None = None
        day = scan_from
        while day <= scan_to:
            if self.is_workday(day):
                if start is not None:
                    out.append(self._run(start, day - _ONE_DAY))
                    start = None
            elif start is None:
                start = day
            day += _ONE_DAY
        if start is not None:
            out.append(self._run(start, scan_to))
        return [r for r in out if r.end >= first and r.start <= last]

    def _run(self, start: date, end: date) -> Run:
        reasons: list[Occurrence] = []
        extra: list[date] = []
        day = start
        while day <= end:
            for occ in self.reasons(day):
                if occ not in reasons:
                    reasons.append(occ)
            if day in self.extra_off:
                extra.append(day)
            day += _ONE_DAY
        return Run(start, end, tuple(reasons), tuple(extra))

    def long_weekends(self, first: date, last: date, minimum: int = 3) -> tuple[list[Run], list[Bridge]]:
        """Runs of `minimum` or more days not worked, with a day off in them, overlapping first..last;
        and the bridge days in first..last: single working days between two runs that, taken off, would
        join them into such a run."""
        every = self.runs(first - _MARGIN, last + _MARGIN)
        long_runs = [
            r for r in every
            if r.days >= minimum and (r.reasons or r.extra) and r.end >= first and r.start <= last
        ]  # fmt: skip
        bridges: list[Bridge] = []
        for before, after in itertools.pairwise(every):
            day = before.end + _ONE_DAY
            if after.start != day + _ONE_DAY or not first <= day <= last:
                continue
            joined = Run(before.start, after.end, before.reasons + after.reasons, before.extra + after.extra)
            if joined.days >= minimum and (joined.reasons or joined.extra):
                bridges.append(Bridge(day, joined))
        return long_runs, bridges
