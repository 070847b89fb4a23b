"""How a value a user types is read and checked: a language, a time zone, a weekend, a sector, a date, a
whole number. The same checks for an option, an environment variable, config.toml and the Python API.

A checker raises `ValueProblem` (a message key and its parameters, no place); the settings layer adds where
the value came from. Light: zoneinfo and dateutil are imported only for the values that need them.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta

from khcal.core.model import LANGUAGES, SECTORS
from khcal.errors import ArgumentTypeError, BadValueError, KhcalError

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Callable

    from khcal.core.model import Language, Sector

DEFAULT_TZ = "Asia/Phnom_Penh"
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WORDS = {"today": 0, "tomorrow": 1, "yesterday": -1}
# Days written out; `re` is imported only to read one (an ISO date or a word needs none).
_YEAR_FIRST = r"^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$"
_YEAR_LAST = r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$"
_HUMAN = r"^(?=.*[a-z]{3})(?=.*\b\d{4}\b)(?=.*\b\d{1,2}(?:st|nd|rd|th)?\b)[a-z0-9 ,.]+$"


class ValueProblem(KhcalError):
    """What is wrong with a value, without where it came from (the settings layer adds that)."""

    def english(self) -> str:
        return self.message("en")


def _empty(accepted: str) -> ValueProblem:
    return ValueProblem("error.setting.empty", accepted=accepted)


def check_lang(text: str) -> Language:
    """en or km."""
    choices = ", ".join(LANGUAGES)
    if not text.strip():
        raise _empty(choices)
    found = next((lang for lang in LANGUAGES if lang == text), None)
    if found is None:
        raise ValueProblem("error.setting.choice", value=text, choices=choices)
    return found


def check_sector(text: str) -> Sector:
    """private or public."""
    choices = ", ".join(SECTORS)
    if not text.strip():
        raise _empty(choices)
    found = next((sector for sector in SECTORS if sector == text), None)
    if found is None:
        raise ValueProblem("error.setting.choice", value=text, choices=choices)
    return found


def check_tz(text: str) -> str:
    """An IANA time zone name such as Asia/Phnom_Penh."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not text.strip():
        raise ValueProblem("error.setting.empty-tz")
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueProblem("error.setting.tz", value=text) from None
    return text


def check_weekend(text: str) -> frozenset[int]:
    """A comma list of mon..sun (full names too), or none; at least one working day left."""
    from khcal.core.workdays import parse_weekend

    if not text.strip():
        raise ValueProblem("error.setting.weekend-empty", days=", ".join(WEEKDAY_NAMES))
    try:
        return parse_weekend(text)
    except BadValueError as exc:  # keeps its message key: worded in the reader's language
        raise ValueProblem(exc.key, **exc.params) from None
    except ValueError as exc:
        raise ValueProblem("error.setting.weekend", problem=str(exc)) from None


def today_in(tz: str) -> date:
    """Today's date in an IANA time zone."""
    return clock_of(tz)()


def clock_of(tz: str) -> Callable[[], date]:
    """A function giving today's date in an IANA time zone, the zone looked up once (a server asks for
    today at every request)."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(check_tz(tz))
    return lambda: datetime.now(zone).date()


def parse_date(text: str, today: date | Callable[[], date]) -> date:
    """A DATE: YYYY-MM-DD, today, tomorrow, yesterday, or a day such as `7 Jan 2027` or `2027/1/7`.

    `today` may be a function, called only for the words, so that a plain date never needs the clock.
    Day-month order is refused when it is ambiguous (`01/02/2027`).
    """
    from khcal.core.schedule import check_date

    value = text.strip().lower()
    if value in _WORDS:
        base = today if isinstance(today, date) else today()
        day = base + timedelta(days=_WORDS[value])
    elif len(value) == 10 and value[4:5] == "-" and value[:4].isdigit():
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise _not_a_date(text) from None
    else:
        day = _human_date(text, value)
    check_date(day)
    return day


def _not_a_date(text: str) -> ValueProblem:
    return ValueProblem("error.setting.date", value=text)


def _human_date(text: str, value: str) -> date:
    import re

    numbers: tuple[int, int, int] | None = None
    if match := re.match(_YEAR_FIRST, value):
        numbers = int(match[1]), int(match[2]), int(match[3])
    elif match := re.match(_YEAR_LAST, value):
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        if first <= 12 and second <= 12 and first != second:
            raise ValueProblem("error.setting.date-ambiguous", value=text, year=year)
        day, month = (first, second) if first > 12 or first == second else (second, first)
        numbers = year, month, day
    if numbers is not None:
        try:
            return date(*numbers)
        except ValueError:
            raise _not_a_date(text) from None
    if not re.match(_HUMAN, value):
        raise _not_a_date(text)
    from dateutil import parser

    try:
        return parser.parse(value, default=datetime(1, 1, 1)).date()
    except (ValueError, OverflowError):
        raise _not_a_date(text) from None


def parse_int(text: str, low: int | None = None, high: int | None = None) -> int:
    """A whole number in plain digits (a minus sign allowed), optionally between low and high."""
    value = text.strip()
    digits = value[1:] if value.startswith("-") else value
    if not (digits.isascii() and digits.isdigit()):
        raise ValueProblem("error.setting.number", value=text)
    number = int(value)
    if (low is not None and number < low) or (high is not None and number > high):
        raise ValueProblem("error.setting.number-range", value=number, low=low, high=high)
    return number


# --- ranges: `--from A --to B` of list, lunar and export -------------------------------------------------


def parse_bound(text: str, *, end: bool, today: date | Callable[[], date]) -> date:
    """A range bound: YYYY (the whole year: its first day, or its last for `end`) or any DATE."""
    from khcal.core.schedule import check_year

    value = text.strip()
    if len(value) == 4 and value.isdigit():
        year = int(value)
        check_year(year)
        return date(year, 12, 31) if end else date(year, 1, 1)
    try:
        return parse_date(value, today)
    except ValueProblem as problem:
        if problem.key != "error.setting.date":
            raise
        raise ValueProblem("error.options.bound", value=text) from None


def date_range(start: date | None, end: date | None, today: date, years: int = 1) -> tuple[date, date]:
    """First and last day of a range given by either bound or none: `years` years from this year's first
    day without either, the rest of the year of the one given."""
    if start is None and end is None:
        return date(today.year, 1, 1), date(today.year + years - 1, 12, 31)
    first = start if start is not None else date(end.year, 1, 1)  # type: ignore[union-attr]
    last = end if end is not None else date(first.year, 12, 31)
    return first, last


# --- the Python API's arguments --------------------------------------------------------------------------
# What a caller of khcal.Calendar passes, turned into what the settings layer takes; a value of a type the
# API does not take raises ArgumentTypeError naming the argument.


def as_day(value: object, argument: str) -> date | str:
    """A day: a date as is; a datetime (pandas.Timestamp too) or a numpy.datetime64 as its date; text as
    given (parsed later)."""
    if isinstance(value, str):
        return value
    found: object = value
    if isinstance(value, datetime):
        found = value.date()  # pandas.NaT's date is NaT
    elif _is_datetime64(value):
        found = value.astype("datetime64[D]").astype(object)  # type: ignore[attr-defined]  # no numpy import
    elif not isinstance(value, date):
        raise ArgumentTypeError(argument, "error.api.date", value)
    if not isinstance(found, date) or isinstance(found, datetime):  # NaT, or beyond datetime's years
        raise ValueProblem("error.api.no-date", value=str(value))
    return found if type(found) is date else date(found.year, found.month, found.day)


def as_days(value: object, argument: str) -> tuple[date | str, ...]:
    """One day, or an iterable of days."""
    if isinstance(value, str | date) or _is_datetime64(value):
        return (as_day(value, argument),)
    return tuple(as_day(item, argument) for item in _items(value, argument, "error.api.date"))


def as_paths(value: object, argument: str) -> tuple[str, ...]:
    """One file (text or os.PathLike), or an iterable of them."""
    items = (value,) if isinstance(value, str | os.PathLike) else _items(value, argument, "error.api.path")
    paths = tuple(os.fspath(item) if isinstance(item, str | os.PathLike) else item for item in items)
    for path in paths:
        if not isinstance(path, str):
            raise ArgumentTypeError(argument, "error.api.path", path)
    return paths  # type: ignore[return-value]  # each checked above


def as_names(value: object, argument: str) -> tuple[str, ...]:
    """One name, or an iterable of names."""
    names = (value,) if isinstance(value, str) else _items(value, argument, "error.api.text")
    for name in names:
        if not isinstance(name, str):
            raise ArgumentTypeError(argument, "error.api.text", name)
    return names  # type: ignore[return-value]  # each checked above


def as_text(value: object, argument: str) -> str | None:
    """Text, or None (not given)."""
    if value is None or isinstance(value, str):
        return value
    raise ArgumentTypeError(argument, "error.api.text", value)


def _is_datetime64(value: object) -> bool:
    """A numpy.datetime64, known without importing numpy."""
    return type(value).__module__ == "numpy" and type(value).__name__ == "datetime64"


def _items(value: object, argument: str, key: str) -> tuple[object, ...]:
    from collections.abc import Mapping  # only the API passes values of any type

    if isinstance(value, bytes | bytearray | Mapping):
        raise ArgumentTypeError(argument, key, value)
    try:
        return tuple(value)  # type: ignore[arg-type]
    except TypeError:
        raise ArgumentTypeError(argument, key, value) from None
