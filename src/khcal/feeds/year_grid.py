"""A year laid out as a wall calendar's month grids: which day sits in which column, and what is on it.

A model only (the page is `calendar_page.py`'s): each day with its Khmer lunar date, the occurrences that
make it a day off and those that fall on it (every observance but the holy days, which the lunar date
gives). Pure: the year's days off, occurrences and lunar dates are computed once.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from khcal.core import khmer_calendar
from khcal.core.schedule import Filter, Occurrence, Schedule, check_year

WEEKEND = (5, 6)
"""Saturday and Sunday, shaded on the grid."""


@dataclass(frozen=True, slots=True)
class Day:
    """One day of a month grid."""

    day: date
    lunar: khmer_calendar.LunarDate
    off: tuple[Occurrence, ...]  # the days off and days in lieu that make it a day off
    on: tuple[Occurrence, ...]  # every occurrence that falls on it

    @property
    def weekend(self) -> bool:
        return self.day.weekday() in WEEKEND


@dataclass(frozen=True, slots=True)
class Month:
    """One month: its weeks of seven columns (None before the first day and after the last)."""

    year: int
    month: int
    columns: tuple[int, ...]  # the weekday of each column, 0 = Monday
    weeks: tuple[tuple[Day | None, ...], ...]
    occurrences: tuple[Occurrence, ...]  # those overlapping the month, in order

    @property
    def days(self) -> list[Day]:
        return [day for week in self.weeks for day in week if day is not None]


def year_months(schedule: Schedule, year: int, first_weekday: int) -> list[Month]:
    """The twelve months of `year`, weeks starting on `first_weekday` (0 = Monday, 6 = Sunday)."""
    check_year(year)
    first, last = date(year, 1, 1), date(year, 12, 31)
    lunar = dict(khmer_calendar.iter_lunar(first, last))
    off = schedule.days_off(year)
    shown = schedule.between(first, last, Filter())  # every category but the holy days
    columns = tuple((first_weekday + i) % 7 for i in range(7))
    months = []
    for month in range(1, 13):
        start = date(year, month, 1)
        end = date(year, month, calendar.monthrange(year, month)[1])
        here = tuple(o for o in shown if o.end >= start and o.start <= end)
        row: list[Day | None] = [None] * columns.index(start.weekday())
        weeks: list[tuple[Day | None, ...]] = []
        for number in range(1, end.day + 1):
            day = date(year, month, number)
            on = tuple(o for o in here if o.start <= day <= o.end)
            row.append(Day(day, lunar[day], off.get(day, ()), on))
            if len(row) == 7:
                weeks.append(tuple(row))
                row = []
        if row:
            weeks.append(tuple(row + [None] * (7 - len(row))))
        months.append(Month(year, month, columns, tuple(weeks), here))
    return months
