"""How a value a user types is read and checked: a language, a time zone, a weekend, a sector, a date, a
year, a whole number, a host and a port. The one reader of each kind of value: an option, an argument, an
environment variable, config.toml, the query of `khcal serve` and the Python API all go through it.

A checker raises `ValueProblem` (a message key and its parameters, no place); the settings layer adds where
the value came from. Light: zoneinfo and dateutil are imported only for the values that need them.

Digits are ASCII digits, or Khmer digits (U+17E0-U+17E9), read as the same numbers wherever a number, a
year or a date is read; any other digit (superscripts, Arabic-Indic digits...), a `_` or a `+` is refused,
and so is text longer than any value of its kind could be (`LONGEST`), before it is looked at further.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta

from khcal.core.model import LANGUAGES, SECTORS
from khcal.errors import ArgumentTypeError, BadValueError, DateRangeError, KhcalError

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
LONGEST = 64
"""The longest text read as a date, a number or a time zone: longer is refused without being parsed."""
_ASCII_DIGITS = {0x17E0 + n: ord("0") + n for n in range(10)}  # Khmer digit zero to nine
_ZONE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+-/")


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
    if not _zone_shaped(text):  # a folder, a path out of the database, a control character: never opened
        raise ValueProblem("error.setting.tz", value=text)
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # not found, not a zone file, unreadable
        raise ValueProblem("error.setting.tz", value=text) from None
    return text


def _zone_shaped(text: str) -> bool:
    """The shape of an IANA key (`Asia/Phnom_Penh`, `Etc/GMT+7`, `UTC`): parts of letters, digits, `_`, `+`
    and `-` joined by `/`, the first one a letter; no `.` or `..`, no empty part, at most LONGEST long."""
    return (
        0 < len(text) <= LONGEST and set(text) <= _ZONE_CHARS and text[0].isalpha() and all(text.split("/"))
    )


def check_path(text: str) -> str:
    """A file's path as given: anything the system could name, so no NUL character, and not empty (the
    system names no file so; `Path("")` would make it the current folder)."""
    if not text:
        raise ValueProblem("error.setting.path-empty")
    if "\x00" in text:
        raise ValueProblem("error.setting.path", value=text)
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

    value = ascii_digits(text.strip()).lower()
    if len(value) > LONGEST or not value.isascii():
        raise _not_a_date(text)
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
    """A day written out (`value`: ASCII, lower case, at most LONGEST long)."""
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


def ascii_digits(text: str) -> str:
    """`text` with its Khmer digits (U+17E0-U+17E9) as ASCII ones: the two kinds of digits khcal reads."""
    return text.translate(_ASCII_DIGITS)


def whole_number(text: str) -> bool:
    """True when `text` is written as a whole number: digits (ASCII or Khmer), an optional minus sign
    before them, spaces around."""
    value = ascii_digits(text.strip())
    digits = value[1:] if value.startswith("-") else value
    return digits.isascii() and digits.isdigit()


def parse_int(text: str, low: int | None = None, high: int | None = None) -> int:
    """A whole number in digits (ASCII or Khmer; a minus sign allowed), optionally between low and high."""
    if not whole_number(text):
        raise ValueProblem("error.setting.number", value=text)
    value = ascii_digits(text.strip())
    digits = value.lstrip("-").lstrip("0") or "0"  # int() of 5,000 digits fails, even zeros
    if len(digits) > 18:  # beyond any bound
        if low is None and high is None:
            raise ValueProblem("error.setting.number-huge", value=text.strip())
        raise ValueProblem("error.setting.number-range", value=text.strip(), low=low, high=high)
    number = -int(digits) if value.startswith("-") else int(digits)
    if (low is not None and number < low) or (high is not None and number > high):
        raise ValueProblem("error.setting.number-range", value=number, low=low, high=high)
    return number


def parse_year(text: str) -> int:
    """A year: a whole number within the years khcal computes (core.model's MIN_YEAR..MAX_YEAR)."""
    from khcal.core.model import MAX_YEAR, MIN_YEAR

    try:
        return parse_int(text, MIN_YEAR, MAX_YEAR)
    except ValueProblem as problem:
        if problem.key != "error.setting.number-range":
            raise
        year = problem.params["value"]  # as core.schedule.check_year says it
        raise DateRangeError("error.year-range", year=year, low=MIN_YEAR, high=MAX_YEAR) from None


def check_port(text: str) -> int:
    """A TCP port, 0 (any free one) to 65535."""
    return parse_int(text, 0, 65535)


def check_host(text: str) -> str:
    """A host to listen on: an IPv4 address (four numbers to 255), an IPv6 one (brackets allowed) or a host
    name (labels of letters, digits and `-`, at most 253 characters)."""
    import ipaddress

    inner = text[1:-1] if text.startswith("[") and text.endswith("]") else text
    try:
        if ":" in inner:
            return str(ipaddress.IPv6Address(inner))
        if inner and all(c.isascii() and (c.isdigit() or c == ".") for c in inner):
            return str(ipaddress.IPv4Address(inner))
    except ValueError:
        raise ValueProblem("error.setting.host", value=text) from None
    labels = text.removesuffix(".").split(".")
    if len(text) > 253 or not all(_host_label(label) for label in labels) or _legacy_ipv4(text):
        raise ValueProblem("error.setting.host", value=text)
    return text


def _legacy_ipv4(name: str) -> bool:
    """A name the system reads as an IPv4 address in an old form (`0x7f.1`, `0x7f000001`), as the numeric
    ones (`127.1`) are refused above: whatever it names, it is no host name."""
    import socket

    try:
        socket.inet_aton(name)
    except OSError:
        return False
    return True


def _host_label(label: str) -> bool:
    return (
        0 < len(label) <= 63
        and label.isascii()
        and label.replace("-", "").isalnum()
        and not label.startswith("-")
        and not label.endswith("-")
    )


# --- ranges: `--from A --to B` of list, lunar and export -------------------------------------------------


def parse_bound(text: str, *, end: bool, today: date | Callable[[], date]) -> date:
    """A range bound: YYYY (the whole year: its first day, or its last for `end`) or any DATE."""
    value = text.strip()
    if len(value) == 4 and whole_number(value):
        year = parse_year(value)
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


def as_int(value: object, argument: str, low: int | None = None, high: int | None = None) -> int:
    """A whole number: an int (numpy's too, anything with `__index__`) but not a bool, or text read as the
    command line reads it (`parse_int`); optionally between low and high."""
    if isinstance(value, str):
        return parse_int(value, low, high)
    index = getattr(type(value), "__index__", None)
    if isinstance(value, bool) or index is None:
        raise ArgumentTypeError(argument, "error.api.number", value)
    number = int(index(value))
    if (low is not None and number < low) or (high is not None and number > high):
        raise ValueProblem("error.setting.number-range", value=number, low=low, high=high)
    return number


def as_year(value: object, argument: str) -> int:
    """A year: a whole number (`as_int`) within the years khcal computes."""
    from khcal.core.model import MAX_YEAR, MIN_YEAR

    if isinstance(value, str):
        return parse_year(value)
    year = as_int(value, argument)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateRangeError("error.year-range", year=year, low=MIN_YEAR, high=MAX_YEAR)
    return year


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
