"""The month grid of `khcal cal`: weeks of days, each with its marks and its Khmer lunar day.

A model only: which day sits in which column, and what is special about it. The renderer decides how it
looks. Pure: no rich, no clock (today is passed in).
"""

from __future__ import annotations

import calendar
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from khcal.core import khmer_calendar
from khcal.core.schedule import Filter, Occurrence, Schedule, check_year
from khcal.core.workdays import SAT_SUN

HOLY_DAY_CATEGORY = "holy-day"
DEFAULT_WEEKEND = SAT_SUN

# What a day's single mark shows, most important first.
OFF = "off"
OBSERVANCE = "observance"
HOLY = "holy"


@dataclass(frozen=True, slots=True)
class Cell:
    """One day of the grid."""

    day: date
    today: bool
    day_off: bool  # a public holiday or a day in lieu
    weekend: bool
    observance: bool  # an observance the filter shows falls on this day
    holy_day: bool  # a Buddhist holy day (Thngai Sel)
    lunar: khmer_calendar.LunarDate
    occurrences: tuple[Occurrence, ...] = ()

    @property
    def mark(self) -> str | None:
        """The one mark the grid has room for: a day off, else an observance, else a holy day."""
        if self.day_off:
            return OFF
        if self.observance:
            return OBSERVANCE
        if self.holy_day:
            return HOLY
        return None


@dataclass(frozen=True, slots=True)
class MonthGrid:
    year: int
    month: int
    columns: tuple[int, ...]  # weekday of each column, 0 = Monday
    weeks: tuple[tuple[Cell | None, ...], ...]  # None before the first and after the last day
    occurrences: tuple[Occurrence, ...]  # what the filter shows in this month, for the legend

    @property
    def cells(self) -> list[Cell]:
        return [cell for week in self.weeks for cell in week if cell is not None]


def month_grid(
    schedule: Schedule,
    year: int,
    month: int,
    today: date,
    only: Filter,
    *,
    weekend: Collection[int] = DEFAULT_WEEKEND,
    first_weekday: int = 0,
) -> MonthGrid:
    """The grid of one month."""
    return _Builder(schedule, year, today, only, weekend, first_weekday).month(month)


def year_grids(
    schedule: Schedule,
    year: int,
    today: date,
    only: Filter,
    *,
    weekend: Collection[int] = DEFAULT_WEEKEND,
    first_weekday: int = 0,
) -> list[MonthGrid]:
    """The twelve grids of a year."""
    builder = _Builder(schedule, year, today, only, weekend, first_weekday)
    return [builder.month(m) for m in range(1, 13)]


class _Builder:
    """Computes a year's days off, occurrences and lunar days once, then lays out its months."""

    def __init__(
        self,
        schedule: Schedule,
        year: int,
        today: date,
        only: Filter,
        weekend: Collection[int],
        first_weekday: int,
    ) -> None:
        check_year(year)
        if not 0 <= first_weekday <= 6:
            raise ValueError(f"first_weekday must be 0-6, not {first_weekday}")
        self.year = year
        self.today = today
        self.weekend = frozenset(weekend)
        self.first_weekday = first_weekday
        self.days_off = schedule.days_off(year)
        shown = schedule.between(date(year, 1, 1), date(year, 12, 31), only)
        self.shown = [o for o in shown if o.category != HOLY_DAY_CATEGORY]
        self.holy_days = not only.holidays_only and (
            only.categories is None or HOLY_DAY_CATEGORY in only.categories
        )
        self.lunar = dict(khmer_calendar.iter_lunar(date(year, 1, 1), date(year, 12, 31)))

    def month(self, month: int) -> MonthGrid:
        first = date(self.year, month, 1)
        last = date(self.year, month, calendar.monthrange(self.year, month)[1])
        in_month = tuple(o for o in self.shown if o.end >= first and o.start <= last)
        columns = tuple((self.first_weekday + i) % 7 for i in range(7))
        weeks: list[tuple[Cell | None, ...]] = []
        row: list[Cell | None] = [None] * columns.index(first.weekday())
        for number in range(1, last.day + 1):
            row.append(self._cell(date(self.year, month, number), in_month))
            if len(row) == 7:
                weeks.append(tuple(row))
                row = []
        if row:
            weeks.append(tuple(row + [None] * (7 - len(row))))
        return MonthGrid(self.year, month, columns, tuple(weeks), in_month)

    def _cell(self, day: date, in_month: tuple[Occurrence, ...]) -> Cell:
        here = tuple(o for o in in_month if o.start <= day <= o.end)
        lunar = self.lunar[day]
        return Cell(
            day=day,
            today=day == self.today,
            day_off=day in self.days_off,
            weekend=day.weekday() in self.weekend,
            observance=bool(here),
            holy_day=self.holy_days and lunar.holy_day,
            lunar=lunar,
            occurrences=here,
        )


def grid_json(month: MonthGrid) -> dict[str, object]:
    """`cal --json`: a month, its days in order, each with what the grid marks on it."""
    days = [cell for week in month.weeks for cell in week if cell is not None]
    return {
        "year": month.year,
        "month": month.month,
        "days": [
            {
                "date": cell.day.isoformat(),
                "day_off": cell.day_off,
                "weekend": cell.weekend,
                "holy_day": cell.holy_day,
                "today": cell.today,
                "observances": [o.id for o in cell.occurrences],
            }
            for cell in days
        ],
    }
