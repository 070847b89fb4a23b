"""The Khmer lunisolar calendar (Chhankitek): lunar dates, eras, animal years and holy days.

Pure arithmetic: no I/O, no clock, no environment. The rules are written out in words in
khmer_calendar.md beside this file: the eras and when they change (section 1), the months
(section 2), the year types (section 3, computed in `lunar_years`), the anchor (section 4),
the holy days (section 5) and the New Year (section 6, computed in `songkran`). This module
re-exports what those two compute, so callers import the calendar from one place.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from khcal.core.lunar_years import BE_OFFSET as _BE_OFFSET
from khcal.core.lunar_years import JS_OFFSET as _JS_OFFSET
from khcal.core.lunar_years import (
    MAX_DATE,
    MIN_DATE,
    MONTHS,
    OutOfRangeError,
    aharkun,
    avoman,
    avoman_leap,
    bodithey,
    bodithey_leap,
    days_in_month,
    is_solar_leap,
    kromthupul,
    lunar_year_days,
    lunar_year_months,
    year_type,
)
from khcal.core.lunar_years import check_date as _check_date
from khcal.core.lunar_years import check_gregorian_year as _check_gregorian_year
from khcal.core.lunar_years import check_month as _check_month
from khcal.core.lunar_years import month_index as _month_index
from khcal.core.lunar_years import month_table as _table
from khcal.core.lunar_years import resolve_month as _resolve_month
from khcal.core.records import field, record
from khcal.core.songkran import NewYear, js_bodithey, js_kromathopol, new_year, true_sun
from khcal.errors import BadValueError

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Final

    from khcal.core.model import Phase

__all__ = [
    "ANIMALS",
    "MAX_DATE",
    "MIN_DATE",
    "MONTHS",
    "LunarDate",
    "NewYear",
    "OutOfRangeError",
    "aharkun",
    "avoman",
    "avoman_leap",
    "bodithey",
    "bodithey_leap",
    "days_in_month",
    "from_lunar",
    "is_solar_leap",
    "iter_lunar",
    "js_bodithey",
    "js_kromathopol",
    "kromthupul",
    "lunar_year_days",
    "lunar_year_months",
    "new_year",
    "to_lunar",
    "true_sun",
    "year_type",
]

ANIMALS: Final[tuple[str, ...]] = (
    "rat",
    "ox",
    "tiger",
    "rabbit",
    "dragon",
    "snake",
    "horse",
    "goat",
    "monkey",
    "rooster",
    "dog",
    "pig",
)

WAXING: Final[Phase] = "waxing"
WANING: Final[Phase] = "waning"

# --------------------------------------------------------------------------------------------
# Lunar dates
# --------------------------------------------------------------------------------------------


@record
class LunarDate:
    """A day of the Khmer lunar calendar."""

    day: int  # 1..15
    phase: Phase
    month: str  # one of MONTHS
    be_year: int  # Buddhist Era, changes on the 1st waning day of Pisakh
    animal_year: str  # one of ANIMALS, changes on the Moha Songkran day
    sak: int  # 0..9, Jolak Sakaraj year mod 10, changes on Leungsak day (the era's name: khcal.text)
    js_year: int  # Jolak Sakaraj era year
    # Days in this lunar month (29 or 30); needed to know the last waning day.
    month_days: int = field(default=30, repr=False, compare=False)

    @property
    def holy_day(self) -> bool:
        """Thngai Sel: 8th and 15th waxing, 8th and last waning day of the month."""
        if self.phase == WAXING:
            return self.day in (8, 15)
        return self.day == 8 or self.day == self.month_days - 15


@record
class _YearMarks:
    """Ordinals where the civil year labels change within one Gregorian year."""

    be_change: int  # 1st waning day of Pisakh
    animal_change: int  # Moha Songkran day
    era_change: int  # Leungsak day


_MARKS: dict[int, _YearMarks] = {}


def _marks(year: int) -> _YearMarks:
    marks = _MARKS.get(year)
    if marks is None:
        t = _table()
        b = year + _BE_OFFSET
        pisakh = t.month_starts[t.year_months[b]["pisakh"]]
        ny = new_year(year)
        marks = _YearMarks(
            be_change=pisakh + 15,
            animal_change=ny.start.toordinal(),
            era_change=ny.leungsak.toordinal(),
        )
        _MARKS[year] = marks
    return marks


def _lunar_from_ordinal(ordinal: int, year: int) -> LunarDate:
    t = _table()
    i = bisect_right(t.month_starts, ordinal) - 1
    offset = ordinal - t.month_starts[i]
    marks = _marks(year)
    be = year + 544 if ordinal >= marks.be_change else year + 543
    animal = (year - 4) % 12 if ordinal >= marks.animal_change else (year - 5) % 12
    js = year - _JS_OFFSET if ordinal >= marks.era_change else year - _JS_OFFSET - 1
    if offset < 15:
        day, phase = offset + 1, WAXING
    else:
        day, phase = offset - 14, WANING
    return LunarDate(day, phase, t.month_keys[i], be, ANIMALS[animal], js % 10, js, t.month_days[i])


def to_lunar(d: date) -> LunarDate:
    """The Khmer lunar date of Gregorian date d (1800-01-01..2200-12-31)."""
    _check_date(d)
    return _lunar_from_ordinal(d.toordinal(), d.year)


def iter_lunar(start: date, end: date) -> Iterator[tuple[date, LunarDate]]:
    """Yield (date, lunar date) for every day from start to end inclusive."""
    _check_date(start)
    _check_date(end)
    for ordinal in range(start.toordinal(), end.toordinal() + 1):
        d = date.fromordinal(ordinal)
        yield d, _lunar_from_ordinal(ordinal, d.year)


def from_lunar(gregorian_year: int, month: str, day: int, phase: str) -> date | None:
    """The date in Gregorian year `gregorian_year` of lunar day (month, day, phase).

    "asadh" in a leap-month year means Tutiyasadh; "pathamasadh"/"tutiyasadh" in a year without
    a leap month give None. day = -1 means the last day of the phase (15 waxing; 14 or 15
    waning). If the lunar day falls twice in the Gregorian year (Migasir/Boss near the turn of
    the year) the first is returned; if it does not occur (e.g. 15 waning of a 29-day month, or
    a month that falls wholly in another Gregorian year) the result is None.
    """
    _check_gregorian_year(gregorian_year)
    _check_month(month)
    if phase not in (WAXING, WANING):
        raise BadValueError("error.lunar-phase", value=repr(phase))
    if not (1 <= day <= 15 or day == -1):
        raise BadValueError("error.lunar-day", day=day)
    t = _table()
    found: int | None = None
    # Months of Gregorian year Y belong to the lunar years governed by Y+544 (Migasir of late
    # Y-1 .. Kadeuk of Y) and Y+545 (from Migasir of late Y); Y+543 is checked for safety.
    for b in range(gregorian_year + 543, gregorian_year + 546):
        i = _month_index(b, _resolve_month(b, month))
        if i is None:
            continue
        length = t.month_days[i]
        if phase == WAXING:
            offset = 14 if day == -1 else day - 1
        else:
            offset = length - 1 if day == -1 else day + 14
            if offset >= length:
                continue
        ordinal = t.month_starts[i] + offset
        if date.fromordinal(ordinal).year == gregorian_year and (found is None or ordinal < found):
            found = ordinal
    return None if found is None else date.fromordinal(found)
