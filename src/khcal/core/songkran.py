"""The Khmer New Year (Moha Songkran): its moment, its length and Leungsak day, computed each year.

Pure arithmetic (see khmer_calendar.md beside this file for the method in words); `khmer_calendar`
re-exports what is public here.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from khcal.core import lunar_years
from khcal.core.records import record

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from typing import Final

# --------------------------------------------------------------------------------------------
# Khmer New Year (Moha Songkran), Suriyayatra method for Jolak Sakaraj year j (khmer_calendar.md, section 6)
# --------------------------------------------------------------------------------------------


@record
class NewYear:
    """The computed Khmer New Year of one Gregorian year."""

    year: int
    songkran: datetime  # Moha Songkran moment, naive Cambodia time
    days: int  # 3 or 4
    vanabat: tuple[date, ...]
    leungsak: date

    @property
    def start(self) -> date:
        return self.songkran.date()

    @property
    def dates(self) -> tuple[date, ...]:
        return (self.start, *self.vanabat, self.leungsak)


def _js_harkun(j: int) -> int:
    return (292207 * j + 373) // 800 + 1


def js_kromathopol(j: int) -> int:
    """Kromathopol of Jolak Sakaraj year j: 800 - (292207*j + 373) % 800."""
    return 800 - (292207 * j + 373) % 800


def js_bodithey(j: int) -> int:
    """Bodithey of Jolak Sakaraj year j (equals bodithey(j + 1182) of the BE formula)."""
    h = _js_harkun(j)
    return (h + (11 * h + 650) // 692) % 30


# (multiplier, chhaya) for khan 0..5 of the sun's equation of centre.
_CHHAYA: Final[tuple[tuple[int, int], ...]] = (
    (35, 0),
    (32, 35),
    (27, 67),
    (22, 94),
    (13, 116),
    (5, 129),
)


def true_sun(j: int, sotin: int) -> int:
    """True longitude of the sun, in arc-minutes, after `sotin` days of JS year j."""
    r2 = 800 * sotin + js_kromathopol(j - 1)
    reasey, r3 = divmod(r2, 24350)
    angsar = r3 // 811
    libda = (r3 % 811) // 14 - 3
    mean = 1800 * reasey + 60 * angsar + libda
    left = mean - 4800
    if left < 0:
        left += 21600
    kaen = left // 1800
    if kaen <= 2:
        rs = left
    elif kaen <= 5:
        rs = 10800 - left
    elif kaen <= 8:
        rs = left - 10800
    else:
        rs = 21600 - left
    rs_reasey, rs_angsar, rs_libda = rs // 1800, (rs % 1800) // 60, rs % 60
    if rs_angsar >= 15:
        khan = 2 * rs_reasey + 1
        pouichalip = 60 * (rs_angsar - 15) + rs_libda
    else:
        khan = 2 * rs_reasey
        pouichalip = 60 * rs_angsar + rs_libda
    mult, chhaya = _CHHAYA[khan] if khan < len(_CHHAYA) else (0, 134)
    phol = pouichalip * mult // 900 + chhaya
    return mean - phol if kaen <= 5 else mean + phol


def _new_year(year: int) -> NewYear:
    j = year - lunar_years.JS_OFFSET
    b = j + lunar_years.BE_JS_DIFF
    first = 363 if js_kromathopol(j - 1) <= 207 else 362
    songkran_sun: int | None = None
    days = 3
    for k, sotin in enumerate(range(first, first + 4)):
        s = true_sun(j, sotin)
        if (s % 1800) // 60 == 0:
            songkran_sun = s
            days = 4 if k == 0 else 3
            break
    if songkran_sun is None:  # pragma: no cover - never happens in the supported range
        raise ArithmeticError(year)  # no Songkran candidate with angsar 0
    minutes = 1440 - 24 * (songkran_sun % 60)
    # Leungsak from bodithey; one day later when the previous year was both leap-month and
    # leap-day. bodithey >= 6: day v-1 of Cheit, else day v of Pisakh (0 = 1st waxing day).
    v = js_bodithey(j)
    if lunar_years.bodithey_leap(b - 1) and lunar_years.avoman_leap(b - 1):
        v = (v + 1) % 30
    month, offset = ("cheit", v - 1) if v >= 6 else ("pisakh", v)
    t = lunar_years.month_table()
    leungsak = date.fromordinal(t.month_starts[t.year_months[b][month]] + offset)
    start = leungsak - timedelta(days=days - 1)
    # "24:00" is read as 00:00 of the Songkran date (khmer_calendar.md, section 6).
    moment = datetime.combine(start, time((minutes // 60) % 24, minutes % 60))
    vanabat = tuple(start + timedelta(days=i) for i in range(1, days - 1))
    return NewYear(year=year, songkran=moment, days=days, vanabat=vanabat, leungsak=leungsak)


_NEW_YEARS: dict[int, NewYear] = {}


def new_year(gregorian_year: int) -> NewYear:
    """The computed Khmer New Year of a Gregorian year (1800..2200); no official pinning.

    Announced values differ from the computation in some years (2012's Songkran was announced
    for 14 Apr 19:11, the computation gives 13 Apr 19:12; momentkh also pins its own values for
    1879, 1897, 2011-2015 and 2024); pinning is left to the observance data.
    """
    lunar_years.check_gregorian_year(gregorian_year)
    ny = _NEW_YEARS.get(gregorian_year)
    if ny is None:
        ny = _new_year(gregorian_year)
        _NEW_YEARS[gregorian_year] = ny
    return ny
