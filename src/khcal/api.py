"""khcal's Python API: Cambodia's days off, working days, observances, lunar dates and the feed, as data.

    import khcal

    cal = khcal.Calendar(weekend="sat,sun")
    cal.is_workday("2026-04-14")        # False: Khmer New Year
    cal.days_off(2026)                   # {date(2026, 1, 1): "International New Year's Day", ...}
    cal.lunar("2024-05-22")["holy_day"]  # True

A day is a `date`, a `datetime` or `pandas.Timestamp` (its date), a `numpy.datetime64` (its date) or text.
`Calendar()` writes nothing to disk; `Calendar(cache=True)` keeps the compiled catalogue in the command
line's cache folder, `cache="folder"` in a folder of your own.

A `Calendar` is built from the built-in catalogue, the user's definitions files and the settings, resolved
by `khcal.settings` exactly as the command line resolves them (arguments, then KHCAL_LANG/KHCAL_TZ, then
config.toml, then the defaults). Each command of the command line is one method returning data; the
commands only add parsing and a view. Errors are `khcal.KhcalError`; nothing here prints or exits.
"""

from __future__ import annotations

import os
from datetime import date, timedelta

from khcal.core import schedule as _schedule
from khcal.core.records import fields_of, rebuilt, replace
from khcal.errors import ArgumentTypeError
from khcal.parsing import ValueProblem, as_day, as_days, as_int, as_names, as_paths, as_text, as_year
from khcal.settings import SettingError, Settings, cache_home, resolve

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any, TypeAlias

    import numpy

    from khcal.core.model import Catalogue, Observance
    from khcal.core.schedule import Schedule
    from khcal.core.summary import Summary
    from khcal.core.workdays import Bridge, Run, WorkCalendar

__all__ = ["Calendar", "DayLike", "Occurrence"]

if TYPE_CHECKING:
    DayLike: TypeAlias = date | str | numpy.datetime64
else:
    DayLike = date | str
"""A day: a `date`, a `datetime` or `pandas.Timestamp` (its date), a `numpy.datetime64` (its date), or text
as the command line takes it (`2026-04-14`, `today`, `7 Jan 2027`)."""
if TYPE_CHECKING:
    Names: TypeAlias = str | Iterable[str]
    """One name, or several: `"religious"` is one category, not nine letters."""


class Occurrence(_schedule.Occurrence):
    """An occurrence as the API gives it: the core's record (ids, dates, numbers) and its name in words."""

    def name(self, lang: str = "en") -> str:
        """'Victory over Genocide Day', or 'Day in lieu of ...' for a day in lieu, in `lang`."""
        from khcal.text.dates import occurrence_name

        return occurrence_name(self, lang)


_FIELDS = fields_of(_schedule.Occurrence)


def named(found: Iterable[_schedule.Occurrence]) -> list[Occurrence]:
    """The schedule's occurrences as the API gives them (with `name(lang)`)."""
    return [rebuilt(Occurrence, [getattr(occ, f) for f in _FIELDS]) for occ in found]


_NAMES = {k: k for k in ("lang", "tz", "today", "weekend", "sector", "extra_off", "files", "categories")}


class Calendar:
    """Cambodia's calendar with your settings: days off, working days, observances, lunar dates, feeds."""

    def __init__(
        self,
        files: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] = (),
        *,
        lang: str | None = None,
        weekend: Names | None = None,
        sector: str | None = None,
        extra_off: DayLike | Iterable[DayLike] = (),
        categories: Names = (),
        tz: str | None = None,
        today: DayLike | None = None,
        use_environment: bool = True,
        cache: bool | str | os.PathLike[str] = False,
    ) -> None:
        """`files`: a definitions file, or several, merged over the built-in catalogue. `weekend`: "sat,sun"
        (default), "sun", ["fri", "sat"] or "none". `sector`: "private" (default) or "public" (whose days
        in lieu count). `extra_off`: days off of your own. `categories`: the default filter of
        `occurrences` and `upcoming`. `use_environment=False` ignores KHCAL_* variables and config.toml.
        `cache`: False (default) writes nothing; True keeps the compiled catalogue in the command line's
        cache folder ($XDG_CACHE_HOME/khcal), a path in that folder."""
        folder = _cache_folder(cache)
        settings = resolve(
            lang=as_text(lang, "lang"), tz=as_text(tz, "tz"), sector=as_text(sector, "sector"),
            today=None if today is None else _day(today, "today"), extra_off=_days(extra_off, "extra_off"),
            files=as_paths(files, "files"), categories=as_names(categories, "categories"),
            weekend=None if weekend is None else ",".join(as_names(weekend, "weekend")),
            names=_NAMES, environ=None if use_environment else {}, read_config=use_environment,
        )  # fmt: skip
        self._init(replace(settings, cache_dir=folder))

    @classmethod
    def from_settings(cls, settings: Settings) -> Calendar:
        """The calendar of settings already resolved (what the command line does)."""
        calendar = cls.__new__(cls)
        calendar._init(settings)
        return calendar

    def _init(self, settings: Settings) -> None:
        from khcal.core.schedule import Schedule

        self.settings = settings
        self.catalogue: Catalogue = settings.catalogue()
        self.schedule: Schedule = Schedule(self.catalogue)
        self._work: WorkCalendar | None = None

    # --- values -----------------------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self.settings.lang

    @property
    def today(self) -> date:
        """`today` if given, else today's date in the time zone."""
        return self.settings.today

    def day(self, value: DayLike, what: str = "day") -> date:
        """A day from a date, a datetime, a numpy.datetime64 or text (`2026-04-14`, `today`, `7 Jan 2027`)."""
        found = _day(value, what)
        if isinstance(found, date):
            from khcal.core.schedule import check_date

            check_date(found)
            return found
        from khcal.parsing import parse_date

        try:
            return parse_date(found, lambda: self.today)
        except ValueProblem as problem:
            raise SettingError(what, problem) from None

    @property
    def workdays(self) -> WorkCalendar:
        """The working-day calendar: the weekend, the days off of the sector and your own days off."""
        if self._work is None:
            self._work = self.settings.work_calendar(self.schedule)
        return self._work

    # --- days off and working days ---------------------------------------------------------------------

    def days_off(self, span: int | tuple[DayLike, DayLike]) -> dict[date, str]:
        """Every day off of a year, or of (first, last) inclusive, with its name (weekends excluded)."""
        from khcal.text import say
        from khcal.text.dates import occurrence_name

        first, last = self._span(span)
        work = self.workdays
        out: dict[date, str] = {}
        day = first
        while day <= last:
            if work.is_day_off(day):
                names = [occurrence_name(o, self.lang) for o in work.reasons(day)]
                if work.is_extra(day):
                    names.append(say(self.lang, "api.extra-off"))
                out[day] = "; ".join(dict.fromkeys(names))
            day += timedelta(days=1)
        return out

    def is_holiday(self, day: DayLike) -> bool:
        """A public holiday, a day in lieu or one of your own days off (weekends are not days off)."""
        return self.workdays.is_day_off(self.day(day))

    def is_workday(self, day: DayLike) -> bool:
        """Neither a weekend day nor a day off."""
        return self.workdays.is_workday(self.day(day))

    def add_workdays(self, day: DayLike, n: int) -> date:
        """The day n working days after `day` (before it if n < 0; n = 0: `day` or the next working day)."""
        return self.workdays.add(self.day(day), _int(n, "n"))

    def count_workdays(self, first: DayLike, last: DayLike) -> int:
        """Working days from first to last, both included, in either order."""
        return self.workdays.count(self.day(first, "first"), self.day(last, "last"))

    def next_workday(self, day: DayLike | None = None) -> date:
        """The first working day after `day` (default today)."""
        return self.workdays.add(self.day(day if day is not None else self.today), 1)

    def previous_workday(self, day: DayLike | None = None) -> date:
        """The last working day before `day` (default today)."""
        return self.workdays.add(self.day(day if day is not None else self.today), -1)

    # --- observances ------------------------------------------------------------------------------------

    def occurrences(
        self,
        first: DayLike,
        last: DayLike,
        *,
        holidays: bool = False,
        categories: Names | None = None,
    ) -> list[Occurrence]:
        """Occurrences that overlap first..last, sorted by start then id (what `khcal list` shows)."""
        only = self._filter(holidays, categories)
        return named(self.schedule.between(self.day(first, "first"), self.day(last, "last"), only))

    def upcoming(
        self,
        n: int = 5,
        *,
        today: DayLike | None = None,
        holidays: bool = False,
        categories: Names | None = None,
    ) -> list[Occurrence]:
        """The next n occurrences from today; one running today counts (what `khcal next` shows)."""
        n = _int(n, "n", 1, 10000)
        start = self.day(today, "today") if today is not None else self.today
        return named(self.schedule.upcoming(start, n, self._filter(holidays, categories)))

    def observance(self, ident: str, *, year: int | None = None, count: int = 3) -> dict[str, Any]:
        """One observance as `khcal show --json` gives it: names, description, rule in words, history,
        sources, and its occurrences (of `year`, else the next `count`). Unknown ids raise
        UnknownObservanceError with suggestions."""
        from khcal.text.describe import observance_json

        obs, dates = self.observance_dates(ident, year=year, count=count)
        return observance_json(obs, dates, self.today, self.lang, dict(self.catalogue.observances))

    def observance_dates(
        self, ident: str, *, year: int | None = None, count: int = 3
    ) -> tuple[Observance, list[Occurrence]]:
        """An observance and its occurrences in `year`, else its next `count` from today."""
        from khcal.core.schedule import Filter

        if ident is None:  # an id is required: None is no id, not an empty one
            raise ArgumentTypeError("ident", "error.api.text", ident)
        obs = self.catalogue.get(as_text(ident, "ident") or "")
        only = Filter(ids=frozenset({obs.id}), categories=frozenset({obs.category}))
        if year is not None:
            return obs, named(self.schedule.year(_year(year, "year"), only))
        return obs, named(self.schedule.upcoming(self.today, _int(count, "count", 1, 10000), only))

    def ids(self) -> dict[str, str]:
        """Every observance id with its name (what `khcal list --ids` shows)."""
        found = sorted(self.catalogue.observances.values(), key=lambda o: o.id)
        return {o.id: o.name.get(self.lang) for o in found}

    def summary(self, count: int = 3, *, today: DayLike | None = None) -> Summary:
        """Today at a glance (what `khcal today` shows): the day's observances, whether it is a day off
        or a weekend day, its lunar date, and the next `count` occurrences."""
        from khcal.core.summary import summarise

        day = self.day(today, "today") if today is not None else self.today
        most = _int(count, "count", 0, 10000)
        found = summarise(self.schedule, day, self._filter(False, None), self.settings.weekend, most)
        return replace(
            found,
            days_off=tuple(named(found.days_off)),
            observances=tuple(named(found.observances)),
            coming=tuple(named(found.coming)),
        )

    def long_weekends(self, year: int) -> tuple[list[Run], list[Bridge]]:
        """Runs of 3 or more days off in a row (weekends included) in `year`, and the single working days
        that would join two runs (what `khcal long-weekends` shows)."""
        chosen = _year(year, "year")
        return self.workdays.long_weekends(date(chosen, 1, 1), date(chosen, 12, 31))

    # --- lunar dates and feeds --------------------------------------------------------------------------

    def lunar(self, day: DayLike | None = None) -> dict[str, Any]:
        """The Khmer lunar date of a day (default today) as `khcal lunar --json` gives it, with `text`: the
        date in words in the calendar's language."""
        from khcal.text import lunar as words

        chosen = self.day(day) if day is not None else self.today
        _, found = next(words.lunar_days(chosen, chosen))
        return {
            **words.lunar_json(chosen, found, self.lang),
            "text": words.lunar_text(chosen, found, self.lang),
        }

    def feed(
        self,
        first_year: int | None = None,
        last_year: int | None = None,
        *,
        holidays: bool | None = None,
        categories: Names | None = None,
        alarm: timedelta | None = None,
    ) -> bytes:
        """The iCalendar feed `khcal export` writes (default: this year and the next two)."""
        from khcal.core.model import MAX_YEAR
        from khcal.feeds import ics

        first = self.today.year if first_year is None else _year(first_year, "first_year")
        last = min(first + 2, MAX_YEAR) if last_year is None else _year(last_year, "last_year")
        if alarm is not None and not isinstance(alarm, timedelta):
            alarm = ics.parse_duration(as_text(alarm, "alarm") or "", "alarm")
        elif alarm is not None and abs(alarm) > timedelta(days=366):
            raise ics.FeedOptionError("error.feeds.alarm-far", what="alarm", value=str(alarm))
        options = ics.FeedOptions(
            first_year=first,
            last_year=last,
            lang=self.lang,
            holidays=self.settings.holidays if holidays is None else holidays,
            categories=tuple(self.settings.categories or ())
            if categories is None
            else as_names(categories, "categories"),
            alarm=alarm,
        )
        return ics.build(self.schedule, options)

    # --- helpers ----------------------------------------------------------------------------------------

    def _span(self, span: int | tuple[DayLike, DayLike]) -> tuple[date, date]:
        if isinstance(span, str) or (hasattr(type(span), "__index__") and not isinstance(span, bool)):
            year = _year(span, "span")
            return date(year, 1, 1), date(year, 12, 31)
        if not isinstance(span, tuple | list) or len(span) != 2:
            raise ArgumentTypeError("span", "error.api.span", span)
        first, last = self.day(span[0], "first"), self.day(span[1], "last")
        return (first, last) if first <= last else (last, first)

    def _filter(self, holidays: bool, categories: Names | None) -> Any:
        from khcal.core.schedule import Filter

        wanted = self.settings.categories if categories is None else as_names(categories, "categories")
        if wanted:
            self.settings.check_categories(self.catalogue, wanted)
        return Filter(
            categories=frozenset(wanted) if wanted else None,
            holidays_only=holidays or self.settings.holidays,
        )


def _day(value: object, argument: str) -> date | str:
    """A day argument as a date or text; a value that has no date raises naming the argument."""
    try:
        return as_day(value, argument)
    except ValueProblem as problem:
        raise SettingError(argument, problem) from None


def _int(value: object, argument: str, low: int | None = None, high: int | None = None) -> int:
    """A whole-number argument (`khcal.parsing.as_int`), a bad one raising naming the argument."""
    try:
        return as_int(value, argument, low, high)
    except ValueProblem as problem:
        raise SettingError(argument, problem) from None


def _year(value: object, argument: str) -> int:
    """A year argument (`khcal.parsing.as_year`), within the years khcal computes."""
    try:
        return as_year(value, argument)
    except ValueProblem as problem:
        raise SettingError(argument, problem) from None


def _days(value: object, argument: str) -> tuple[date | str, ...]:
    try:
        return as_days(value, argument)
    except ValueProblem as problem:
        raise SettingError(argument, problem) from None


def _cache_folder(cache: object) -> str | None:
    """Where the compiled catalogue is kept: nowhere (False), the command line's folder (True), or a path."""
    if cache is False or cache is True:
        return cache_home() if cache else None
    if isinstance(cache, str | os.PathLike):
        return os.fspath(cache)
    raise ArgumentTypeError("cache", "error.api.cache", cache)
