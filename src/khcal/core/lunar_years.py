"""The shape of Khmer lunar years: year types, leap days and leap months, and the table of months.

Pure arithmetic on Buddhist Era years (see khmer_calendar.md beside this file for the rules in words).
All divisions are floor divisions. `khmer_calendar` builds lunar dates on this table.
"""

from __future__ import annotations

from datetime import date

from khcal.core.records import record
from khcal.errors import BadValueError, DateRangeError

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from typing import Final

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

# Gregorian year Y has Buddhist Era Y + 544 (from 1 waning Pisakh) and Jolak Sakaraj Y - 638
# (from Leungsak); BE = JS + 1182.
BE_OFFSET: Final = 544
JS_OFFSET: Final = 638
BE_JS_DIFF: Final = 1182

# Lunar years whose months can fall inside the supported range (with one spare on each side).
_FIRST_GREGORIAN: Final = MIN_DATE.year
_LAST_GREGORIAN: Final = MAX_DATE.year
_MIN_BE: Final = _FIRST_GREGORIAN + 543
_MAX_BE: Final = _LAST_GREGORIAN + 545

# Anchor (khmer_calendar.md, section 4): 1 Jan 1900 = 1st waxing day of Boss, in lunar year b = 2444;
# Migasir (29 days) precedes Boss.
_ANCHOR_BE: Final = 1900 + BE_OFFSET
_ANCHOR_MIGASIR: Final = date(1900, 1, 1).toordinal() - 29

_MONTH_INDEX: Final[dict[str, int]] = {name: i for i, name in enumerate(MONTHS)}


class OutOfRangeError(DateRangeError, ValueError):
    """A date or year outside the supported range 1800-01-01..2200-12-31."""

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key, first=MIN_DATE.isoformat(), last=MAX_DATE.isoformat(), **params)


def check_date(d: date) -> None:
    if not MIN_DATE <= d <= MAX_DATE:
        raise OutOfRangeError("error.date-outside", day=d.isoformat())


def check_gregorian_year(year: int) -> None:
    if not _FIRST_GREGORIAN <= year <= _LAST_GREGORIAN:
        raise OutOfRangeError("error.year-outside", year=year, low=_FIRST_GREGORIAN, high=_LAST_GREGORIAN)


def check_be_year(be_year: int) -> None:
    if not _MIN_BE <= be_year <= _MAX_BE:
        raise OutOfRangeError("error.be-year-outside", year=be_year, low=_MIN_BE, high=_MAX_BE)


# --------------------------------------------------------------------------------------------
# Year-type quantities for Buddhist Era year b (khmer_calendar.md, section 3). Valid for any integer b.
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
    # (khmer_calendar.md, section 3). The moved day only lands on a year that would otherwise be normal: a
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
    check_be_year(be_year)
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


@record
class MonthTable:
    month_starts: list[int]  # ordinal of the 1st waxing day of each month, ascending
    month_keys: list[str]
    month_days: list[int]
    year_of_month: list[int]  # governing BE year b of each month
    # b -> {month key: index into the lists above}
    year_months: dict[int, dict[str, int]]


_TABLE: MonthTable | None = None
_ORIGIN: str | None = None


def _build_table() -> MonthTable:
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
    return MonthTable(month_starts, month_keys, month_days, year_of_month, year_months)


def month_table() -> MonthTable:
    global _TABLE, _ORIGIN
    if _TABLE is None:
        _TABLE, _ORIGIN = _build_table(), "computed"
    return _TABLE


def table_origin() -> str | None:
    """Where the month table in use came from: "computed" (by this run), "stored" (a compiled catalogue's,
    `use_table_data`), or None while no table is in use yet."""
    return _ORIGIN


TableData = tuple[list[int], list[str], list[int], list[int], dict[int, dict[str, int]]]
"""The month table as plain lists and mappings, for the compiled cache (khcal.core.cache)."""


def table_data(table: MonthTable | None = None) -> TableData:
    """The month table in use (built if it is not yet), or `table`, as plain data."""
    t = table or month_table()
    return (t.month_starts, t.month_keys, t.month_days, t.year_of_month, t.year_months)


def computed_table_data() -> TableData:
    """The month table computed afresh, as plain data (whatever table is in use)."""
    return table_data(_build_table())


def use_table_data(data: TableData) -> None:
    """Take the month table from `table_data()` of an earlier run of the same code, instead of building it."""
    global _TABLE, _ORIGIN
    if _TABLE is None:
        _TABLE, _ORIGIN = MonthTable(*data), "stored"


def month_index(b: int, month: str) -> int | None:
    return month_table().year_months[b].get(month)


def lunar_year_months(be_year: int) -> tuple[tuple[str, date, int], ...]:
    """(month key, first day, number of days) for each month of the lunar year be_year."""
    check_be_year(be_year)
    t = month_table()
    return tuple(
        (t.month_keys[i], date.fromordinal(t.month_starts[i]), t.month_days[i])
        for i in sorted(t.year_months[be_year].values())
    )


def days_in_month(be_year: int, month: str) -> int | None:
    """Days (29 or 30) of `month` in lunar year be_year; None if the month is absent that year.

    "asadh" in a leap-month year means Tutiyasadh, as in from_lunar.
    """
    check_be_year(be_year)
    check_month(month)
    i = month_index(be_year, resolve_month(be_year, month))
    return None if i is None else month_table().month_days[i]


def check_month(month: str) -> None:
    if month not in _MONTH_INDEX:
        raise BadValueError("error.lunar-month", month=repr(month), months=", ".join(MONTHS))


def resolve_month(b: int, month: str) -> str:
    # Traditional convention: in a leap-month year the festivals of Asadh are kept in the
    # second Asadh (Tutiyasadh).
    if month == "asadh" and _year_type(b) == "leap-month":
        return "tutiyasadh"
    return month
