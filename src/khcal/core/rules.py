"""The rule kinds of the definitions format: how an observance's date is given.

Pure values; the kinds are matched exhaustively wherever they are used.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class FixedRule:
    """The same Gregorian day every year."""

    month: int
    day: int


@dataclass(frozen=True, slots=True)
class NthWeekdayRule:
    """The nth weekday of a month; n = -1 is the last one."""

    month: int
    weekday: int  # 0 = Monday
    n: int


@dataclass(frozen=True, slots=True)
class LunarRule:
    """A day of the Khmer lunar calendar, e.g. the 15th waxing day of Pisakh; day -1 is the last day."""

    month: str
    day: int
    phase: str


@dataclass(frozen=True, slots=True)
class NewYearRule:
    """The Khmer New Year: from Moha Songkran day to Leungsak day, computed each year."""


@dataclass(frozen=True, slots=True)
class OffsetRule:
    """A number of days after (or before) the first day of another observance in the same year."""

    of: str
    days: int


@dataclass(frozen=True, slots=True)
class OnceRule:
    """A single, dated occasion, such as a decreed replacement day off."""

    date: date


@dataclass(frozen=True, slots=True)
class HolyDaysRule:
    """The Buddhist holy days (Thngai Sel): 8th and 15th waxing, 8th and last waning of every month."""


Rule = FixedRule | NthWeekdayRule | LunarRule | NewYearRule | OffsetRule | OnceRule | HolyDaysRule
