"""The Khmer lunisolar calendar (Chhankitek) and the Khmer New Year (Moha Songkran).

Pure arithmetic: no I/O, no clock, no environment. Everything follows the traditional rules
as summarised in FACTS.md section 4 (themselves taken from Roath Kim Soeun, "Pratitin
Soryakkatik-Chankatik 1900-1999", as implemented by Khmer calendar software such as momentkh).
All divisions are floor divisions.

Lunar years
-----------
A lunar year here runs from the 1st waxing day of Migasir to the last day of Kadeuk. Its shape
(354, 355 or 384 days) is decided by the Buddhist Era year ``b`` of its Jesth/Asadh months: the
months of Gregorian year Y from Jesth on follow b = Y + 544 (FACTS section 4), and since the
leap day (Jesth) and the leap month (Asadh) both fall in the middle of the year, the lunar year
that starts at Migasir in late Gregorian year Y - 1 is governed by b = Y + 544. (momentkh does
the same: it steps from the 1 Jan 1900 anchor by the length of the BE year it computes for the
following January, Y + 1 + 543 = Y + 544.) The year is labelled with that ``b`` internally; the
public ``LunarDate.be_year`` is the civil BE year, which changes on the 1st waning day of Pisakh.

Anchor: 1 January 1900 is the 1st waxing day of Boss, so Migasir of lunar year b = 2444 began
29 days earlier, on 3 December 1899. Years before and after are reached by adding or subtracting
whole lunar-year lengths.

New Year conventions (documented choice)
----------------------------------------
FACTS section 4 allows two conventions; khcal uses the one Khmer calendar software commonly
uses (momentkh): the animal year changes on the Moha Songkran day (the calendar date of the
Songkran moment), the era (Jolak Sakaraj year, hence sak) changes on Tngai Leungsak.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Final

__all__ = [
    "ANIMALS",
    "ANIMAL_NAMES_KM",
    "MAX_DATE",
    "MIN_DATE",
    "MONTHS",
    "MONTH_NAMES_KM",
    "SAK_NAMES",
    "SAK_NAMES_KM",
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

MIN_DATE: Final[date] = date(1800, 1, 1)
MAX_DATE: Final[date] = date(2200, 12, 31)

MONTHS: Final[tuple[str, ...]] = (
    "migasir",
    "boss",
    "meak",
    "phalkun",
    "cheit",
    "pisakh",
    "jesth",
    "asadh",
    "pathamasadh",
    "tutiyasadh",
    "srap",
    "photrobot",
    "assoch",
    "kadeuk",
)

MONTH_NAMES_KM: Final[dict[str, str]] = {
    "migasir": "មិគសិរ",
    "boss": "បុស្ស",
    "meak": "មាឃ",
    "phalkun": "ផល្គុន",
    "cheit": "ចេត្រ",
    "pisakh": "ពិសាខ",
    "jesth": "ជេស្ឋ",
    "asadh": "អាសាឍ",
    "pathamasadh": "បឋមាសាឍ",
    "tutiyasadh": "ទុតិយាសាឍ",
    "srap": "ស្រាពណ៍",
    "photrobot": "ភទ្របទ",
    "assoch": "អស្សុជ",
    "kadeuk": "កត្ដិក",
}

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

ANIMAL_NAMES_KM: Final[dict[str, str]] = {
    "rat": "ជូត",
    "ox": "ឆ្លូវ",
    "tiger": "ខាល",
    "rabbit": "ថោះ",
    "dragon": "រោង",
    "snake": "ម្សាញ់",
    "horse": "មមី",
    "goat": "មមែ",
    "monkey": "វក",
    "rooster": "រកា",
    "dog": "ច",
    "pig": "កុរ",
}

SAK_NAMES: Final[tuple[str, ...]] = (
    "Samridhi Sak",
    "Aek Sak",
    "To Sak",
    "Trei Sak",
    "Chattva Sak",
    "Pancha Sak",
    "Chha Sak",
    "Saptak Sak",
    "Attha Sak",
    "Nappa Sak",
)

SAK_NAMES_KM: Final[tuple[str, ...]] = (
    "សំរឹទ្ធិស័ក",
    "ឯកស័ក",
    "ទោស័ក",
    "ត្រីស័ក",
    "ចត្វាស័ក",
    "បញ្ចស័ក",
    "ឆស័ក",
    "សប្តស័ក",
    "អដ្ឋស័ក",
    "នព្វស័ក",
)

WAXING: Final = "waxing"
WANING: Final = "waning"

# Gregorian year Y has Buddhist Era Y + 544 (from 1 waning Pisakh) and Jolak Sakaraj Y - 638
# (from Leungsak); BE = JS + 1182.
_BE_OFFSET: Final = 544
_JS_OFFSET: Final = 638
_BE_JS_DIFF: Final = 1182

# Lunar years whose months can fall inside the supported range (with one spare on each side).
_FIRST_GREGORIAN: Final = MIN_DATE.year
_LAST_GREGORIAN: Final = MAX_DATE.year
_MIN_BE: Final = _FIRST_GREGORIAN + 543
_MAX_BE: Final = _LAST_GREGORIAN + 545

# Anchor (FACTS section 4): 1 Jan 1900 = 1st waxing day of Boss, in lunar year b = 2444;
# Migasir (29 days) precedes Boss.
_ANCHOR_BE: Final = 1900 + _BE_OFFSET
_ANCHOR_MIGASIR: Final = date(1900, 1, 1).toordinal() - 29

_MONTH_INDEX: Final[dict[str, int]] = {name: i for i, name in enumerate(MONTHS)}


class OutOfRangeError(ValueError):
    """A date or year outside the supported range 1800-01-01..2200-12-31."""


def _range_text() -> str:
    return f"{MIN_DATE.isoformat()}..{MAX_DATE.isoformat()}"


def _check_date(d: date) -> None:
    if not MIN_DATE <= d <= MAX_DATE:
        raise OutOfRangeError(f"{d.isoformat()} is outside the supported range {_range_text()}")


def _check_gregorian_year(year: int) -> None:
    if not _FIRST_GREGORIAN <= year <= _LAST_GREGORIAN:
        raise OutOfRangeError(
            f"year {year} is outside the supported range {_range_text()} "
            f"(years {_FIRST_GREGORIAN}..{_LAST_GREGORIAN})"
        )


def _check_be_year(be_year: int) -> None:
    if not _MIN_BE <= be_year <= _MAX_BE:
        raise OutOfRangeError(
            f"Buddhist Era year {be_year} is outside the supported range {_range_text()} "
            f"(BE {_MIN_BE}..{_MAX_BE})"
        )


# --------------------------------------------------------------------------------------------
# Year-type quantities for Buddhist Era year b (FACTS section 4). Valid for any integer b.
# --------------------------------------------------------------------------------------------


def aharkun(b: int) -> int:
    """Aharkun (ahargana): days elapsed in the era, (292207*b + 499) // 800 + 4."""
    return (292207 * b + 499) // 800 + 4


def kromthupul(b: int) -> int:
    """Kromthupul: 800 - (292207*b + 499) % 800; <= 207 marks a 366-day solar year."""
    return 800 - (292207 * b + 499) % 800


def avoman(b: int) -> int:
    """Avoman: (11*aharkun + 25) % 692, the lunar-day excess used for the leap day."""
    return (11 * aharkun(b) + 25) % 692


def bodithey(b: int) -> int:
    """Bodithey: (aharkun + (11*aharkun + 25) // 692 + 29) % 30, the age of the moon."""
    a = aharkun(b)
    return (a + (11 * a + 25) // 692 + 29) % 30


def is_solar_leap(b: int) -> bool:
    """True when the solar year has 366 days (kromthupul <= 207)."""
    return kromthupul(b) <= 207


def bodithey_leap(b: int) -> bool:
    """True when b qualifies for a leap month (before the both-leaps rule).

    bodithey >= 25 or <= 5, except 25 followed by next year's 5 (not leap) and 24 followed by
    next year's 6 (leap).
    """
    bt = bodithey(b)
    if bt == 25 and bodithey(b + 1) == 5:
        return False
    if bt == 24 and bodithey(b + 1) == 6:
        return True
    return bt >= 25 or bt <= 5


def avoman_leap(b: int) -> bool:
    """True when b qualifies for a leap day (before the both-leaps rule).

    avoman <= 126 in a 366-day solar year, else avoman <= 137 except 137 followed by next
    year's 0.
    """
    av = avoman(b)
    if is_solar_leap(b):
        return av <= 126
    if av == 137 and avoman(b + 1) == 0:
        return False
    return av <= 137


def _year_type(b: int) -> str:
    # A year qualifying for both is a leap-month year and its leap day moves to the next year
    # (FACTS section 4). The moved day only lands on a year that would otherwise be normal: a
    # year that is itself leap-month or leap-day keeps its own type. (momentkh 3 also carries a
    # leap day across a run of several leap-month years; over BE 2300..2800 that gives exactly
    # the same year types as this rule.)
    if bodithey_leap(b):
        return "leap-month"
    if avoman_leap(b):
        return "leap-day"
    if bodithey_leap(b - 1) and avoman_leap(b - 1):
        return "leap-day"
    return "normal"


_YEAR_DAYS: Final[dict[str, int]] = {"normal": 354, "leap-day": 355, "leap-month": 384}


def year_type(be_year: int) -> str:
    """ "normal", "leap-day" or "leap-month" for the lunar year whose Jesth is in BE be_year."""
    _check_be_year(be_year)
    return _year_type(be_year)


def lunar_year_days(be_year: int) -> int:
    """354, 355 or 384: the length of the lunar year (Migasir..Kadeuk) governed by be_year."""
    return _YEAR_DAYS[year_type(be_year)]


def _month_lengths(b: int) -> tuple[tuple[str, int], ...]:
    """(month key, days) in order for the lunar year governed by b, Migasir first."""
    kind = _year_type(b)
    jesth = 30 if kind == "leap-day" else 29
    if kind == "leap-month":
        middle: tuple[tuple[str, int], ...] = (("pathamasadh", 30), ("tutiyasadh", 30))
    else:
        middle = (("asadh", 30),)
    return (
        ("migasir", 29),
        ("boss", 30),
        ("meak", 29),
        ("phalkun", 30),
        ("cheit", 29),
        ("pisakh", 30),
        ("jesth", jesth),
        *middle,
        ("srap", 29),
        ("photrobot", 30),
        ("assoch", 29),
        ("kadeuk", 30),
    )


# --------------------------------------------------------------------------------------------
# Month table, built once on first use.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Table:
    month_starts: list[int]  # ordinal of the 1st waxing day of each month, ascending
    month_keys: list[str]
    month_days: list[int]
    year_of_month: list[int]  # governing BE year b of each month
    # b -> {month key: index into the lists above}
    year_months: dict[int, dict[str, int]]


_TABLE: _Table | None = None


def _build_table() -> _Table:
    starts_by_year: dict[int, int] = {_ANCHOR_BE: _ANCHOR_MIGASIR}
    for b in range(_ANCHOR_BE - 1, _MIN_BE - 2, -1):
        starts_by_year[b] = starts_by_year[b + 1] - _YEAR_DAYS[_year_type(b)]
    for b in range(_ANCHOR_BE + 1, _MAX_BE + 2):
        starts_by_year[b] = starts_by_year[b - 1] + _YEAR_DAYS[_year_type(b - 1)]
    month_starts: list[int] = []
    month_keys: list[str] = []
    month_days: list[int] = []
    year_of_month: list[int] = []
    year_months: dict[int, dict[str, int]] = {}
    for b in sorted(starts_by_year):
        ordinal = starts_by_year[b]
        index: dict[str, int] = {}
        for key, days in _month_lengths(b):
            index[key] = len(month_starts)
            month_starts.append(ordinal)
            month_keys.append(key)
            month_days.append(days)
            year_of_month.append(b)
            ordinal += days
        year_months[b] = index
    return _Table(month_starts, month_keys, month_days, year_of_month, year_months)


def _table() -> _Table:
    global _TABLE
    if _TABLE is None:
        _TABLE = _build_table()
    return _TABLE


def _month_index(b: int, month: str) -> int | None:
    return _table().year_months[b].get(month)


def lunar_year_months(be_year: int) -> tuple[tuple[str, date, int], ...]:
    """(month key, first day, number of days) for each month of the lunar year be_year."""
    _check_be_year(be_year)
    t = _table()
    return tuple(
        (t.month_keys[i], date.fromordinal(t.month_starts[i]), t.month_days[i])
        for i in sorted(t.year_months[be_year].values())
    )


def days_in_month(be_year: int, month: str) -> int | None:
    """Days (29 or 30) of `month` in lunar year be_year; None if the month is absent that year.

    "asadh" in a leap-month year means Tutiyasadh, as in from_lunar.
    """
    _check_be_year(be_year)
    _check_month(month)
    i = _month_index(be_year, _resolve_month(be_year, month))
    return None if i is None else _table().month_days[i]


def _check_month(month: str) -> None:
    if month not in _MONTH_INDEX:
        raise ValueError(f"unknown lunar month {month!r}; expected one of {', '.join(MONTHS)}")


def _resolve_month(b: int, month: str) -> str:
    # Traditional convention: in a leap-month year the festivals of Asadh are kept in the
    # second Asadh (Tutiyasadh).
    if month == "asadh" and _year_type(b) == "leap-month":
        return "tutiyasadh"
    return month


# --------------------------------------------------------------------------------------------
# Lunar dates
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LunarDate:
    """A day of the Khmer lunar calendar."""

    day: int  # 1..15
    phase: str  # "waxing" | "waning"
    month: str  # one of MONTHS
    be_year: int  # Buddhist Era, changes on the 1st waning day of Pisakh
    animal_year: str  # one of ANIMALS, changes on the Moha Songkran day
    sak: int  # 0..9, Jolak Sakaraj year mod 10, changes on Leungsak day
    js_year: int  # Jolak Sakaraj era year
    # Days in this lunar month (29 or 30); needed to know the last waning day.
    month_days: int = field(default=30, repr=False, compare=False)

    @property
    def holy_day(self) -> bool:
        """Thngai Sel: 8th and 15th waxing, 8th and last waning day of the month."""
        if self.phase == WAXING:
            return self.day in (8, 15)
        return self.day == 8 or self.day == self.month_days - 15

    @property
    def month_name_km(self) -> str:
        return MONTH_NAMES_KM[self.month]

    @property
    def animal_name_km(self) -> str:
        return ANIMAL_NAMES_KM[self.animal_year]

    @property
    def sak_name(self) -> str:
        return SAK_NAMES[self.sak]

    @property
    def sak_name_km(self) -> str:
        return SAK_NAMES_KM[self.sak]


@dataclass(frozen=True, slots=True)
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
        raise ValueError(f"phase must be 'waxing' or 'waning', not {phase!r}")
    if not (1 <= day <= 15 or day == -1):
        raise ValueError(f"lunar day must be 1..15 or -1 (last day), not {day}")
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


# --------------------------------------------------------------------------------------------
# Khmer New Year (Moha Songkran), Suriyayatra method for Jolak Sakaraj year j (FACTS section 4)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
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
    j = year - _JS_OFFSET
    b = j + _BE_JS_DIFF
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
        raise ArithmeticError(f"no Songkran candidate with angsar 0 for {year}")
    minutes = 1440 - 24 * (songkran_sun % 60)
    # Leungsak from bodithey; one day later when the previous year was both leap-month and
    # leap-day. bodithey >= 6: day v-1 of Cheit, else day v of Pisakh (0 = 1st waxing day).
    v = js_bodithey(j)
    if bodithey_leap(b - 1) and avoman_leap(b - 1):
        v = (v + 1) % 30
    month, offset = ("cheit", v - 1) if v >= 6 else ("pisakh", v)
    t = _table()
    leungsak = date.fromordinal(t.month_starts[t.year_months[b][month]] + offset)
    start = leungsak - timedelta(days=days - 1)
    # "24:00" is read as 00:00 of the Songkran date (FACTS section 4).
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
    _check_gregorian_year(gregorian_year)
    ny = _NEW_YEARS.get(gregorian_year)
    if ny is None:
        ny = _new_year(gregorian_year)
        _NEW_YEARS[gregorian_year] = ny
    return ny
