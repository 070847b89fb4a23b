"""The rule kinds of the definitions format: how an observance's date is given.

Each kind is one class that reads itself from its TOML table (through the validator's typed access, which
records every problem), gives its dates for a year, and registers under its `kind` name in `KINDS`. The
reader, the schedule and the reference check go through the registry, so a new kind is one class here
(added to `Rule`) plus its wording in the text layer, which matches on `Rule` exhaustively.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from khcal.core import khmer_calendar
from khcal.core.model import LUNAR_MONTHS, MAX_YEAR, MIN_YEAR, PHASES, WEEKDAYS
from khcal.core.records import fields_of, record

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from typing import ClassVar, Protocol, TypeVar

    from khcal.core.model import Phase

Day = date  # a name for the type where a rule's field is called `date`


if TYPE_CHECKING:

    class Fields(Protocol):
        """The validator's typed access to one rule table: a failed read records its problem and raises."""

        def integer(self, key: str, low: int, high: int) -> int: ...
        def choice(self, key: str, choices: tuple[str, ...]) -> str: ...
        def string(self, key: str) -> str: ...
        def day(self, key: str) -> date: ...
        def raw(self, key: str) -> object: ...
        def fail(self, key: str, message: str, /, **params: object) -> Exception: ...

    class Context(Protocol):
        """What a rule may ask of the schedule: the first day of another observance in a year."""

        def first_day(self, ident: str, year: int) -> date | None: ...

    class RuleClass(Protocol):
        """A registered rule kind: its name and how it parses itself."""

        kind: ClassVar[str]

        def toml_keys(self) -> tuple[str, ...]: ...
        def parse(self, fields: Fields) -> Rule: ...

    _R = TypeVar("_R", bound="type[RuleKind]")


class RuleKind:
    """What every rule kind answers. Subclasses are records (frozen) whose fields are the TOML keys."""

    __slots__ = ()
    kind: ClassVar[str]
    many_a_year: ClassVar[bool] = False
    """Many single days a year, each its own occurrence (never a day off, no exceptions)."""
    days_problem: ClassVar[str | None] = None
    """The message key of the problem when an observance of this kind gives `days` (its length is fixed)."""
    has_songkran: ClassVar[bool] = False
    """Whether an exception may pin a Songkran moment."""

    @classmethod
    def toml_keys(cls) -> tuple[str, ...]:
        """The keys its TOML table may have."""
        return ("kind", *fields_of(cls))

    def dates(self, year: int, context: Context) -> tuple[date, ...]:
        """The start dates of its occurrences in `year` (none when it does not fall in that year)."""
        raise NotImplementedError

    def moment(self, year: int) -> tuple[datetime, int] | None:
        """A computed moment and length in days (the New Year); None for a rule of plain dates."""
        return None

    def refers_to(self) -> str | None:
        """The id of the observance its dates depend on, if any."""
        return None

    def only_year(self) -> int | None:
        """The one year it falls in, for a single dated occasion."""
        return None


KINDS: dict[str, RuleClass] = {}
"""Every rule kind by its `kind` name, in the order of the definitions format."""


def _is_leap(year: int) -> bool:
    """A Gregorian leap year (the calendar module would cost more to import than this)."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _month_days(year: int, month: int) -> int:
    """The number of days of a Gregorian month."""
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (following - timedelta(days=1)).day


def register(cls: _R) -> _R:
    """Add a rule kind to `KINDS` under its `kind` name."""
    KINDS[cls.kind] = cls  # type: ignore[assignment]
    return cls


@register
@record
class FixedRule(RuleKind):
    """The same Gregorian day every year."""

    kind: ClassVar[str] = "fixed"
    month: int
    day: int

    @classmethod
    def parse(cls, fields: Fields) -> FixedRule:
        month = fields.integer("month", 1, 12)
        day = fields.integer("day", 1, 31)
        try:
            date(2000, month, day)  # a leap year: 29 February is allowed
        except ValueError:
            raise fields.fail("day", "problem.no-such-day", month=month, day=day) from None
        return cls(month, day)

    def dates(self, year: int, context: Context) -> tuple[date, ...]:
        if self.month == 2 and self.day == 29 and not _is_leap(year):
            return ()
        return (date(year, self.month, self.day),)


@register
@record
class NthWeekdayRule(RuleKind):
    """The nth weekday of a month; n = -1 is the last one."""

    kind: ClassVar[str] = "nth-weekday"
    month: int
    weekday: int  # 0 = Monday
    n: int

    @classmethod
    def parse(cls, fields: Fields) -> NthWeekdayRule:
        month = fields.integer("month", 1, 12)
        weekday = fields.choice("weekday", WEEKDAYS)
        n = fields.integer("n", -5, 5)
        if n == 0:
            raise fields.fail("n", "problem.nth-zero")
        return cls(month, WEEKDAYS.index(weekday), n)

    def dates(self, year: int, context: Context) -> tuple[date, ...]:
        last_day = _month_days(year, self.month)
        matching = [
            d
            for d in (date(year, self.month, i) for i in range(1, last_day + 1))
            if d.weekday() == self.weekday
        ]
        index = self.n - 1 if self.n > 0 else self.n
        return (matching[index],) if -len(matching) <= index < len(matching) else ()


@register
@record
class LunarRule(RuleKind):
    """A day of the Khmer lunar calendar, e.g. the 15th waxing day of Pisakh; day -1 is the last day."""

    kind: ClassVar[str] = "lunar"
    month: str
    day: int
    phase: Phase

    @classmethod
    def parse(cls, fields: Fields) -> LunarRule:
        month = fields.choice("month", LUNAR_MONTHS)
        phase = _phase(fields.choice("phase", PHASES))
        raw = fields.raw("day")
        if raw == "last":
            day = -1
        elif isinstance(raw, int) and not isinstance(raw, bool) and 1 <= raw <= 15:
            day = raw
        else:
            raise fields.fail("day", "problem.lunar-day", value=repr(raw))
        if day == -1 and phase != "waning":
            raise fields.fail("day", "problem.last-waxing")
        return cls(month, day, phase)

    def dates(self, year: int, context: Context) -> tuple[date, ...]:
        found = khmer_calendar.from_lunar(year, self.month, self.day, self.phase)
        return (found,) if found is not None else ()


def _phase(value: str) -> Phase:
    return "waxing" if value == "waxing" else "waning"


@register
@record
class NewYearRule(RuleKind):
    """The Khmer New Year: from Moha Songkran day to Leungsak day, computed each year."""

    kind: ClassVar[str] = "new-year"
    days_problem: ClassVar[str | None] = "problem.new-year-days"
    has_songkran: ClassVar[bool] = True

    @classmethod
    def parse(cls, fields: Fields) -> NewYearRule:
        return cls()

    def dates(self, year: int, context: Context) -> tuple[date, ...]:
        return (khmer_calendar.new_year(year).start,)

    def moment(self, year: int) -> tuple[datetime, int] | None:
        new_year = khmer_calendar.new_year(year)
        return new_year.songkran, new_year.days


@register
@record
class OffsetRule(RuleKind):
    """A number of days after (or before) the first day of another observance in the same year."""

    kind: ClassVar[str] = "offset"
    of: str
    days: int

    @classmethod
    def parse(cls, fields: Fields) -> OffsetRule:
        return cls(fields.string("of"), fields.integer("days", -366, 366))

    def dates(self, year: int, context: Context) -> tuple[date, ...]:
        base = context.first_day(self.of, year)
        if base is None:
            return ()
        found = base + timedelta(days=self.days)
        # A long chain of offsets could walk out of the calendar: beyond a year past khcal's range it
        # gives no date (and never an overflow).
        return (found,) if MIN_YEAR - 1 <= found.year <= MAX_YEAR + 1 else ()

    def refers_to(self) -> str | None:
        return self.of


@register
@record
class OnceRule(RuleKind):
    """A single, dated occasion, such as a decreed replacement day off."""

    kind: ClassVar[str] = "once"
    date: Day

    @classmethod
    def parse(cls, fields: Fields) -> OnceRule:
        return cls(fields.day("date"))

    def dates(self, year: int, context: Context) -> tuple[Day, ...]:
        return (self.date,) if self.date.year == year else ()

    def only_year(self) -> int | None:
        return self.date.year


@register
@record
class HolyDaysRule(RuleKind):
    """The Buddhist holy days (Thngai Sel): 8th and 15th waxing, 8th and last waning of every month."""

    kind: ClassVar[str] = "holy-days"
    many_a_year: ClassVar[bool] = True
    days_problem: ClassVar[str | None] = "problem.holy-days-days"

    @classmethod
    def parse(cls, fields: Fields) -> HolyDaysRule:
        return cls()

    def dates(self, year: int, context: Context) -> tuple[date, ...]:
        first = date(year, 1, 1)
        return tuple(
            day for day, lunar in khmer_calendar.iter_lunar(first, date(year, 12, 31)) if lunar.holy_day
        )


Rule = FixedRule | NthWeekdayRule | LunarRule | NewYearRule | OffsetRule | OnceRule | HolyDaysRule
"""Every rule kind; the text layer words them with an exhaustive match."""


@record
class RuleAt:
    """A rule of an observance, with the file, line and field it was read from (`rule`, or a period's
    `holiday[1].rule`)."""

    rule: Rule
    origin: str
    line: int | None
    field: str = "rule"
