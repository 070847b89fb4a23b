"""The options of a feed, checked the same way for `khcal export`, `khcal serve` and `khcal publish`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from khcal.errors import KhcalError

if TYPE_CHECKING:
    from khcal.core.model import Catalogue

DEFAULT_YEARS = 3
"""A feed without an explicit range covers this year and the next two."""
MAX_YEARS = 100
"""The longest range one feed may cover."""

_DURATION_RE = re.compile(
    r"^(?P<sign>[+-]?)P(?:(?P<weeks>\d+)W|(?:(?P<days>\d+)D)?(?:T(?=\d)(?:(?P<hours>\d+)H)?"
    r"(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?)$",
    re.ASCII,  # ASCII digits only (Khmer ones are made ASCII first): int() would take any other kind too
)


class FeedOptionError(KhcalError):
    """A feed option (year, language, category, alarm) that cannot be used."""


@dataclass(frozen=True, slots=True)
class FeedOptions:
    """What one feed contains and how it reads: the same fields as `khcal export`'s options."""

    first_year: int
    last_year: int
    lang: str = "en"
    holidays: bool = False
    categories: tuple[str, ...] = ()
    alarm: timedelta | None = None
    first_day: date | None = None
    """A first day within first_year (export --from YYYY-MM-DD); None: 1 January."""
    last_day: date | None = None
    """A last day within last_year (export --to YYYY-MM-DD); None: 31 December."""

    @property
    def start(self) -> date:
        return self.first_day or date(self.first_year, 1, 1)

    @property
    def end(self) -> date:
        return self.last_day or date(self.last_year, 12, 31)


# --- option checking, shared by `khcal export` and `khcal serve` --------------------------------------


def parse_year(text: str, what: str) -> int:
    """A year option: four digits (ASCII or Khmer) within the supported range (`khcal.parsing.parse_year`)."""
    from khcal.core.model import MAX_YEAR, MIN_YEAR
    from khcal.parsing import ValueProblem, ascii_digits, whole_number
    from khcal.parsing import parse_year as read_year

    if not (len(text.strip()) == 4 and whole_number(text)):
        raise FeedOptionError("error.feeds.not-year", what=what, value=text)
    try:
        return read_year(text)
    except (ValueProblem, KhcalError):
        year = int(ascii_digits(text.strip()))
        raise FeedOptionError(
            "error.feeds.year-range", what=what, year=year, low=MIN_YEAR, high=MAX_YEAR
        ) from None


def year_range(
    first: str | None, last: str | None, this_year: int, most: int | None = MAX_YEARS
) -> tuple[int, int]:
    """The years of a feed: this year and the next two unless told otherwise, at most `most` of them (None:
    the caller sets its own limit and says it in its own words).

    Only --from given: that year and the next two. Only --to given: from this year (or --to, if earlier).
    """
    from khcal.core.model import MAX_YEAR

    a = parse_year(first, "--from") if first is not None else None
    b = parse_year(last, "--to") if last is not None else None
    if a is None:
        a = this_year if b is None else min(this_year, b)
    if b is None:
        b = min(a + DEFAULT_YEARS - 1, MAX_YEAR)
    if b < a:
        raise FeedOptionError("error.options.range-order", start=str(a), end=str(b))
    if most is not None and b - a + 1 > most:
        raise FeedOptionError("error.feeds.too-long", start=str(a), end=str(b), most=most)
    return a, b


def parse_duration(text: str, what: str = "--alarm") -> timedelta:
    """An RFC 5545 / ISO 8601 duration such as -PT15H, -P1D, PT9H or -P1W (no months or years); its digits
    ASCII or Khmer, as every number khcal reads."""
    from khcal.parsing import LONGEST, ascii_digits

    written = ascii_digits(text.strip()).upper()
    match = _DURATION_RE.match(written) if len(written) <= LONGEST else None
    if match is None or written in ("P", "-P", "+P", "PT", "-PT", "+PT"):
        raise FeedOptionError("error.feeds.duration", what=what, value=text)
    parts = {k: v for k, v in match.groupdict().items() if k != "sign" and v is not None}
    if any(len(v.lstrip("0")) > 7 for v in parts.values()):  # no OverflowError from timedelta
        raise FeedOptionError("error.feeds.alarm-far", what=what, value=text)
    value = _timedelta({k: int(v) for k, v in parts.items()})
    if abs(value) > timedelta(days=366):
        raise FeedOptionError("error.feeds.alarm-far", what=what, value=text)
    return -value if match.group("sign") == "-" else value


def _timedelta(parts: dict[str, int]) -> timedelta:
    return timedelta(
        weeks=parts.get("weeks", 0),
        days=parts.get("days", 0),
        hours=parts.get("hours", 0),
        minutes=parts.get("minutes", 0),
        seconds=parts.get("seconds", 0),
    )


def format_duration(value: timedelta) -> str:
    """The RFC 5545 form of a duration: -PT15H, P1D, -P1DT2H."""
    sign = "-" if value < timedelta(0) else ""
    seconds = int(abs(value).total_seconds())
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{sign}P" + (f"{days}D" if days else "")
    clock = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    if clock:
        text += "T" + clock
    return text if text not in ("P", "-P") else "PT0S"


def check_options(options: FeedOptions, catalogue: Catalogue) -> None:
    """Raise FeedOptionError for a language or category the feed cannot use (the language checked as
    every language setting is: khcal.parsing.check_lang)."""
    from khcal.core.model import LANGUAGES
    from khcal.parsing import ValueProblem, check_lang

    try:
        check_lang(options.lang)
    except ValueProblem:
        raise FeedOptionError(
            "error.feeds.lang", what="--lang", value=options.lang, choices=", ".join(LANGUAGES)
        ) from None
    known = set(catalogue.categories)
    for name in options.categories:
        if name not in known:
            listed = ", ".join(sorted(known))
            raise FeedOptionError("error.feeds.category", what="--category", value=name, known=listed)
