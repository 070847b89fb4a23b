"""Each rule kind: how it is read from its TOML table, the dates it gives, and the problems it reports."""

from __future__ import annotations

import typing
from datetime import date, datetime

import pytest

from khcal.core import definitions
from khcal.core.rules import (
    KINDS,
    FixedRule,
    HolyDaysRule,
    LunarRule,
    NewYearRule,
    NthWeekdayRule,
    OffsetRule,
    OnceRule,
    Rule,
)
from khcal.errors import DefinitionsError


class Context:
    """The schedule as an offset sees it: `base` starts on 1 March every year."""

    def first_day(self, ident: str, year: int) -> date | None:
        return date(year, 3, 1) if ident == "base" else None


def observance(rule: str) -> str:
    return f'[[observances]]\nid = "x"\nname = "X"\ncategory = "c"\nrule = {rule}\ndescription = "X."\n'


def read_rule(rule: str) -> Rule:
    return definitions.parse_text(observance(rule)).observances["x"].rule


def problems(rule: str) -> list[str]:
    with pytest.raises(DefinitionsError) as caught:
        definitions.parse_text(observance(rule), "user.toml")
    return [str(p) for p in caught.value.problems]


# (TOML, the rule read, a year, its dates that year)
GOOD = [
    ('{ kind = "fixed", month = 1, day = 7 }', FixedRule(1, 7), 2026, [date(2026, 1, 7)]),
    ('{ kind = "fixed", month = 2, day = 29 }', FixedRule(2, 29), 2027, []),
    ('{ kind = "fixed", month = 2, day = 29 }', FixedRule(2, 29), 2028, [date(2028, 2, 29)]),
    ('{ kind = "nth-weekday", month = 6, weekday = "fri", n = -1 }', NthWeekdayRule(6, 4, -1), 2026,
     [date(2026, 6, 26)]),
    ('{ kind = "nth-weekday", month = 6, weekday = "mon", n = 1 }', NthWeekdayRule(6, 0, 1), 2026,
     [date(2026, 6, 1)]),
    ('{ kind = "nth-weekday", month = 2, weekday = "mon", n = 5 }', NthWeekdayRule(2, 0, 5), 2026, []),
    ('{ kind = "lunar", month = "pisakh", day = 15, phase = "waxing" }', LunarRule("pisakh", 15, "waxing"),
     2026, [date(2026, 5, 1)]),
    ('{ kind = "lunar", month = "pisakh", day = "last", phase = "waning" }',
     LunarRule("pisakh", -1, "waning"), 2026, [date(2026, 5, 16)]),
    ('{ kind = "new-year" }', NewYearRule(), 2026, [date(2026, 4, 14)]),
    ('{ kind = "offset", of = "base", days = 2 }', OffsetRule("base", 2), 2026, [date(2026, 3, 3)]),
    ('{ kind = "offset", of = "base", days = -1 }', OffsetRule("base", -1), 2028, [date(2028, 2, 29)]),
    ('{ kind = "once", date = 2020-08-17 }', OnceRule(date(2020, 8, 17)), 2020, [date(2020, 8, 17)]),
    ('{ kind = "once", date = "2020-08-17" }', OnceRule(date(2020, 8, 17)), 2021, []),
]  # fmt: skip


@pytest.mark.parametrize(("toml", "rule", "year", "dates"), GOOD)
def test_each_kind_reads_itself_and_gives_its_dates(
    toml: str, rule: Rule, year: int, dates: list[date]
) -> None:
    assert read_rule(toml) == rule
    assert list(rule.dates(year, Context())) == dates


def test_holy_days_are_many_single_days_from_the_lunar_calendar() -> None:
    rule = read_rule('{ kind = "holy-days" }')
    assert rule == HolyDaysRule() and rule.many_a_year
    days = rule.dates(2026, Context())
    # 3 January 2026 is the 15th waxing day of Boss; then the 8th waning, the last waning, the 8th waxing.
    assert days[:4] == (date(2026, 1, 3), date(2026, 1, 11), date(2026, 1, 18), date(2026, 1, 26))
    assert len(days) == 49 and all(d.year == 2026 for d in days)


def test_the_new_year_has_a_computed_moment_and_length() -> None:
    assert NewYearRule().moment(2026) == (datetime(2026, 4, 14, 10, 48), 3)
    assert FixedRule(1, 7).moment(2026) is None


def test_only_offsets_refer_and_only_once_rules_have_one_year() -> None:
    rules: list[Rule] = [r for _, r, _, _ in GOOD] + [HolyDaysRule()]
    assert [r.refers_to() for r in rules if r.refers_to()] == ["base", "base"]
    assert {r.only_year() for r in rules} == {None, 2020}


# (TOML, a part of the problem: each with the field, on the rule's line)
BAD = [
    ('{ kind = "fixed", month = 2, day = 30 }', "field 'rule.day': month 2 has no day 30"),
    ('{ kind = "fixed", month = 13, day = 1 }', "field 'rule.month': must be between 1 and 12, not 13"),
    ('{ kind = "fixed", month = 1, dya = 7 }', "field 'rule.dya': unknown key 'dya' (did you mean 'day'?)"),
    ('{ kind = "fixed", month = 1 }', "field 'rule.day': is required"),
    ('{ kind = "nth-weekday", month = 1, weekday = "fri", n = 0 }', "must be 1 to 5, or -1 to -5"),
    ('{ kind = "nth-weekday", month = 1, weekday = "fri", n = 6 }', "'rule.n': must be between -5 and 5"),
    ('{ kind = "nth-weekday", month = 1, weekday = "friday", n = 1 }', "'friday' is not one of mon, tue"),
    ('{ kind = "lunar", month = "pisak", day = 15, phase = "waxing" }', "'pisak' is not one of migasir"),
    ('{ kind = "lunar", month = "pisakh", day = 16, phase = "waxing" }', 'must be 1 to 15 or "last", not 16'),
    ('{ kind = "lunar", month = "pisakh", day = "last", phase = "waxing" }', "only for the waning phase"),
    ('{ kind = "new-year", days = 3 }', "field 'rule.days': unknown key 'days'"),
    ('{ kind = "offset", of = "base" }', "field 'rule.days': is required"),
    ('{ kind = "offset", of = 3, days = 1 }', "field 'rule.of': must be a string, not the number 3"),
    ('{ kind = "once", date = "2021-02-30" }', "'2021-02-30' is not a valid date (YYYY-MM-DD)"),
    ('{ kind = "once", date = 2021-02-03T10:00:00 }', "must be a date (YYYY-MM-DD), not a date and time"),
    ('{ kind = "holy-days", month = 1 }', "field 'rule.month': unknown key 'month'"),
    ('{ kind = "easter" }', "field 'rule.kind': 'easter' is not one of fixed, nth-weekday, lunar"),
    ('"7 January"', "field 'rule': must be a table such as"),
]  # fmt: skip


@pytest.mark.parametrize(("toml", "expected"), BAD)
def test_each_kind_reports_its_problems_with_file_line_id_and_field(toml: str, expected: str) -> None:
    found = problems(toml)
    assert any(p.startswith("user.toml:5: observance 'x': ") and expected in p for p in found), found


def test_every_kind_is_registered_and_in_the_rule_union() -> None:
    assert set(KINDS.values()) == set(typing.get_args(Rule))
    assert list(KINDS) == ["fixed", "nth-weekday", "lunar", "new-year", "offset", "once", "holy-days"]
    assert all(kind.kind == name for name, kind in KINDS.items())
