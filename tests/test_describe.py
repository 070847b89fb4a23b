"""Words for rules, periods, dates and categories, in English and Khmer (countdowns: test_terminal.py)."""

from __future__ import annotations

from datetime import date

import pytest

from khcal import text
from khcal.core.model import HolidayPeriod, Observance, Text
from khcal.core.rules import FixedRule, LunarRule, NthWeekdayRule
from khcal.text import dates, rules


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"),
     (47, "47th"), (73, "73rd"), (101, "101st"), (111, "111th")],
)  # fmt: skip
def test_ordinal(n: int, expected: str) -> None:
    assert dates.ordinal(n) == expected


def test_khmer_digits() -> None:
    assert text.khmer_digits(2026) == "២០២៦"
    assert dates.number(47, "km") == "៤៧"
    assert dates.number(47, "en") == "47"


@pytest.mark.parametrize(
    ("rule", "en", "km"),
    [
        (FixedRule(1, 7), "7 January every year", "ថ្ងៃទី៧ ខែមករា រៀងរាល់ឆ្នាំ"),
        (NthWeekdayRule(6, 4, -1), "the last Friday of June", "ថ្ងៃសុក្រចុងក្រោយនៃខែមិថុនា"),
        (NthWeekdayRule(6, 4, 2), "the 2nd Friday of June", "ថ្ងៃសុក្រ ទី២ នៃខែមិថុនា"),
        (NthWeekdayRule(6, 4, -2), "the 2nd last Friday of June", "ថ្ងៃសុក្រទី២ពីចុងខែមិថុនា"),
        (LunarRule("pisakh", 15, "waxing"), "The 15th waxing day of Pisakh (Khmer lunar calendar)",
         "ថ្ងៃ ១៥ កើត ខែពិសាខ"),
    ],
)  # fmt: skip
def test_rule_text(rule: FixedRule | NthWeekdayRule | LunarRule, en: str, km: str) -> None:
    assert rules.rule_text(rule, 1, "en") == en
    assert rules.rule_text(rule, 1, "km") == km


def test_rule_text_counts_days() -> None:
    assert rules.rule_text(FixedRule(5, 13), 3, "en") == "13 May every year, 3 days"


def _observance() -> Observance:
    return Observance("x", Text("X"), "royal", FixedRule(5, 14), Text("X."))


@pytest.mark.parametrize(
    ("period", "en"),
    [
        (HolidayPeriod(None, None), "A day off every year"),
        (HolidayPeriod(2024, None), "A day off since 2024"),
        (HolidayPeriod(None, 2019), "A day off until 2019"),
        (HolidayPeriod(2018, 2018), "A day off in 2018"),
        (HolidayPeriod(2005, 2019, days=3, rule=FixedRule(5, 13)),
         "A day off from 2005 to 2019 (13 May every year, 3 days)"),
        (HolidayPeriod(2018, 2021, scope="private-sector"),
         "A day off from 2018 to 2021 for the private sector"),
    ],
)  # fmt: skip
def test_period_text(period: HolidayPeriod, en: str) -> None:
    assert rules.period_text(period, _observance(), "en") == en


def test_format_date() -> None:
    day = date(2026, 1, 7)
    assert dates.format_date(day, "en", weekday=True) == "Wednesday 7 January 2026"
    assert dates.format_date(day, "km", weekday=True) == "ថ្ងៃពុធ ទី៧ ខែមករា ឆ្នាំ២០២៦"


def test_category_names() -> None:
    assert dates.category_name("remembrance", "km") == "ការរំលឹក"
    assert dates.category_name("remembrance", "en") == "remembrance"
    assert dates.category_name("company", "km") == "company"
