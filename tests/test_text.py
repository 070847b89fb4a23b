"""The text layer: every message exists in every language, with the same parameters, and reads right."""

from __future__ import annotations

import ast
import inspect
import string
from datetime import date, timedelta
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from khcal import text
from khcal.core.khmer_calendar import to_lunar
from khcal.core.rules import HolyDaysRule, LunarRule, NewYearRule, OffsetRule, OnceRule, Rule
from khcal.errors import DateRangeError, UnknownObservanceError
from khcal.text import dates, en, km, lunar, rules


def parameters(message: text.Message) -> set[str]:
    if callable(message):
        return set(inspect.signature(message).parameters)
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}


def test_every_key_in_every_language() -> None:
    assert set(en.MESSAGES) == set(km.MESSAGES)


@pytest.mark.parametrize("key", sorted(en.MESSAGES))
def test_same_parameters_in_every_language(key: str) -> None:
    assert parameters(en.MESSAGES[key]) == parameters(km.MESSAGES[key]), key


def _is_khmer_or_empty(words: str) -> bool:
    return any("\u1780" <= ch <= "\u17ff" for ch in words) or not words.strip(" .,:;()-·")


@pytest.mark.parametrize("key", sorted(k for k, m in km.MESSAGES.items() if not callable(m)))
def test_khmer_messages_are_khmer(key: str) -> None:
    message = km.MESSAGES[key]
    assert isinstance(message, str)
    words = message
    for _, name, _, _ in string.Formatter().parse(message):
        if name:
            words = words.replace("{" + name + "}", "")
    assert _is_khmer_or_empty(words), key


_FOUND = [
    {"found": "string", "value": "'x'"},
    {"found": "number", "value": "7"},
    {"found": "boolean", "value": ""},
    {"found": "table", "value": ""},
]
_COUNTS = [{"n": n} for n in (1, 2, 11, 21, 22, 23)]  # singular and plural; 11th but 21st, 22nd, 23rd
# The parameters each message written as a function (in either language) is said with, as the code that
# says it passes them, with both branches where a parameter may be empty. A value in braces is a word of
# the message's own language (a month, a weekday), filled in from _IN_LANGUAGE.
CALLABLE_SAMPLES: dict[str, list[dict[str, object]]] = {
    "error.weekend-day": [
        {"value": "satday", "close": "sat", "days": "mon, tue, wed, thu, fri, sat, sun"},
        {"value": "x", "close": "", "days": "mon, tue, wed, thu, fri, sat, sun"},
    ],
    "error.config.unknown": [
        {"key": "colour", "close": "color", "keys": "lang, tz, weekend, categories, files"},
        {"key": "zzz", "close": "", "keys": "lang, tz, weekend, categories, files"},
    ],
    "error.config.item-type": _FOUND,
    "problem.unknown-key": [{"key": "nmae", "close": "name"}, {"key": "zzz", "close": ""}],
    "problem.found": _FOUND,
    "problem.wrong-type": [{"expected": ("string", "table"), **f} for f in _FOUND],
    "problem.source-type": _FOUND,
    "problem.not-array-of-tables": [{"name": "observances.holiday", **f} for f in _FOUND],
    "problem.entry-not-table": [{"n": 3, **f} for f in _FOUND],
    "problem.not-table": _FOUND,
    "problem.rule-not-table": _FOUND,
    "problem.unknown-ref": [{"ident": "pchum", "close": "pchum-ben"}, {"ident": "zzz", "close": ""}],
    "span.start.month": [{"day": 30, "month": "{month}", "year": 2026}],
    "span.start.year": [{"day": 30, "month": "{month}", "year": 2026}],
    "script.span": [{"first": "2026-04-11", "last": "2026-04-19", "days": 9}],
    "script.weekend-days": [{"option": "sat,sun", "names": "{weekdays}"}, {"option": "none", "names": ""}],
    "feed.anniversary": [{"text": "{anniversary}"}],
    "when.exact-days": _COUNTS,
    "when.exact-days-ago": _COUNTS,
    "amount.day": _COUNTS,
    "amount.week": _COUNTS,
    "amount.month": _COUNTS,
    "amount.year": _COUNTS,
    "anniversary": _COUNTS,
    "birthday": _COUNTS,
    "birthday.royal": _COUNTS,
    "new-year.days": [{"n": 3}, {"n": 4}],
    "rule.nth-weekday": [{"n": n, "weekday": "{weekday}", "month": "{month}"} for n in (1, 2, 3, 4)],
    "rule.nth-weekday.from-last": [{"n": 2, "weekday": "{weekday}", "month": "{month}"}],
    "rule.lunar": [{"day": d, "phase": "{phase}", "month": "{lunar-month}"} for d in (1, 8, 15)],
    "rule.offset.after": [{"days": d, "other": "pchum-ben"} for d in (1, 2)],
    "rule.offset.before": [{"days": d, "other": "pchum-ben"} for d in (1, 2)],
    "rule.days": [{"rule": "{rule}", "days": d} for d in (1, 3)],
    "lunar.day": [{"day": d, "phase": "{phase}"} for d in (1, 2, 3, 15)],
    "help-format.default": [{"value": "5"}, {"value": "sat,sun"}],
    "error.setting.date-ambiguous": [{"value": "01/02/2027", "year": 2027}],
    "script.head": [{"day": "2026-04-14", "weekday": "{weekday}"}],
    "toml.other": [{"detail": "Invalid something"}],
}
# Words of each language that messages are given, as the callers give them.
_IN_LANGUAGE = {
    "{month}": {"en": "April", "km": "មេសា"},
    "{weekday}": {"en": "Friday", "km": "សុក្រ"},
    "{weekdays}": {"en": "Saturday, Sunday", "km": "សៅរ៍ អាទិត្យ"},
    "{phase}": {"en": "waxing", "km": "កើត"},
    "{lunar-month}": {"en": "Pisakh", "km": "ពិសាខ"},
    "{rule}": {"en": "From Moha Songkran day", "km": "ពីថ្ងៃមហាសង្ក្រាន្ត"},
    "{anniversary}": {"en": "48th anniversary", "km": "ខួបលើកទី ៤៨"},
}
# What some of them say in English: plurals and ordinals.
SAID_IN_ENGLISH = {
    ("amount.day", 1): "1 day",
    ("amount.day", 2): "2 days",
    ("anniversary", 11): "11th anniversary",
    ("anniversary", 21): "21st anniversary",
    ("birthday", 22): "22nd birthday",
    ("anniversary", 23): "23rd anniversary",
}


def _callable_keys() -> set[str]:
    return {k for table in (en.MESSAGES, km.MESSAGES) for k, m in table.items() if callable(m)}


def test_every_message_written_as_a_function_has_samples() -> None:
    assert set(CALLABLE_SAMPLES) == _callable_keys()


@pytest.mark.parametrize("key", sorted(CALLABLE_SAMPLES))
@pytest.mark.parametrize("lang", ["en", "km"])
def test_messages_written_as_functions_read_right(key: str, lang: str) -> None:
    """Said with the parameters its callers pass: a sentence in the language, nothing of the other one."""
    for sample in CALLABLE_SAMPLES[key]:
        params = {
            k: _IN_LANGUAGE.get(v, {}).get(lang, v) if isinstance(v, str) else v for k, v in sample.items()
        }
        assert set(params) == parameters(text.table(lang)[key]), key
        said = text.say(lang, key, **params)
        assert isinstance(said, str) and said.strip(), (key, params)
        words = said.replace("true/false", "")  # TOML's own words, the same in every language
        for value in params.values():
            words = words.replace(text.digits(lang, value) if isinstance(value, int) else str(value), "")
        if lang == "km":
            assert _is_khmer_or_empty(words), (key, said)
        else:
            assert not any("\u1780" <= ch <= "\u17ff" for ch in said), (key, said)
            assert SAID_IN_ENGLISH.get((key, params.get("n")), said) == said


def test_the_english_samples_are_said() -> None:
    keys = {key for key, _ in SAID_IN_ENGLISH}
    assert keys <= set(CALLABLE_SAMPLES)
    assert all(any(s.get("n") == n for s in CALLABLE_SAMPLES[k]) for k, n in SAID_IN_ENGLISH)


def test_khmer_numbers_in_khmer_digits() -> None:
    error = DateRangeError("error.year-range", year=2300, low=1800, high=2200)
    assert str(error) == "year 2300 is outside the supported range 1800-2200"
    assert "២៣០០" in error.message("km") and "១៨០០" in error.message("km")
    assert "2300" not in error.message("km")


def test_unknown_id_in_both_languages() -> None:
    error = UnknownObservanceError("pchum", ["pchum-ben"])
    assert str(error).startswith("unknown observance id 'pchum'; did you mean pchum-ben?")
    assert "pchum-ben" in error.message("km") and "unknown" not in error.message("km")


# --- dates, countdowns and rules in words --------------------------------------------------------------


@given(st.dates(date(1900, 1, 1), date(2100, 12, 31)), st.integers(0, 4000))
def test_whole_months_as_relativedelta_counts_them(first: date, days: int) -> None:
    last = first + timedelta(days=days)
    span = relativedelta(last, first)
    assert dates.whole_months(first, last) == span.years * 12 + span.months


@pytest.mark.parametrize(
    ("today", "day", "en", "km"),
    [
        (date(2026, 1, 2), date(2027, 7, 2), "in 1 year, 6 months", "១ ឆ្នាំ ៦ ខែទៀត"),
        (date(2026, 1, 2), date(2027, 7, 10), "in 1 year, 6 months", "១ ឆ្នាំ ៦ ខែទៀត"),
        (date(2026, 1, 2), date(2027, 1, 2), "in 1 year", "១ ឆ្នាំទៀត"),
        (date(2026, 1, 2), date(2027, 2, 10), "in 1 year, 1 month", "១ ឆ្នាំ ១ ខែទៀត"),
        (date(2026, 1, 2), date(2028, 1, 2), "in 2 years", "២ ឆ្នាំទៀត"),
        (date(2026, 1, 2), date(2026, 4, 2), "in 3 months", "៣ ខែទៀត"),
        (date(2027, 7, 2), date(2026, 1, 2), "1 year, 6 months ago", "១ ឆ្នាំ ៦ ខែមុន"),
    ],
)  # fmt: skip
def test_countdown_in_exact_years_and_months(today: date, day: date, en: str, km: str) -> None:
    days = (day - today).days
    assert dates.countdown(days, "en", today) == en
    assert dates.countdown(days, "km", today) == km


def test_eighteen_months_never_read_as_two_years() -> None:
    today = date(2026, 1, 2)
    for days in range(366, 700):
        words = dates.countdown(days, "en", today)
        assert "2 years" not in words, (days, words)
    assert dates.countdown(548, "en") == "in 18 months"  # without a date to count from: in months


def test_offset_rule_says_one_day_in_the_singular() -> None:
    assert rules.rule_text(OffsetRule("pchum-ben", 1), 1, "en") == "1 day after pchum-ben"
    assert rules.rule_text(OffsetRule("pchum-ben", 2), 1, "en") == "2 days after pchum-ben"
    assert rules.rule_text(OffsetRule("pchum-ben", -1), 1, "en") == "1 day before pchum-ben"
    assert rules.rule_text(OffsetRule("pchum-ben", 1), 1, "km") == "១ ថ្ងៃក្រោយ pchum-ben"


@pytest.mark.parametrize(
    ("rule", "en", "km"),
    [
        (NewYearRule(), "From Moha Songkran day", "ពីថ្ងៃមហាសង្ក្រាន្ត"),
        (OnceRule(date(2026, 5, 4)), "4 May 2026", "ទី៤ ខែឧសភា ឆ្នាំ២០២៦"),
        (HolyDaysRule(), "The 8th and 15th waxing days", "ថ្ងៃ ៨ កើត"),
        (LunarRule("jesth", -1, "waning"), "The last waning day of Jesth", "ថ្ងៃរោចចុងក្រោយ ខែជេស្ឋ"),
        (OffsetRule("x", 3), "3 days after x", "៣ ថ្ងៃក្រោយ x"),
    ],
)  # fmt: skip
def test_every_rule_kind_in_words(rule: Rule, en: str, km: str) -> None:
    assert rules.rule_text(rule, 1, "en").startswith(en)
    assert rules.rule_text(rule, 1, "km").startswith(km)


def test_lunar_date_one_phrasing() -> None:
    day = date(2026, 5, 1)
    found = to_lunar(day)
    assert lunar.lunar_text(day, found, "km") == "ថ្ងៃសុក្រ ១៥កើត ខែពិសាខ ឆ្នាំមមី អដ្ឋស័ក ព.ស. ២៥៦៩"
    assert (
        lunar.lunar_text(day, found, "en")
        == "Friday, 15th waxing day of Pisakh, Horse year, Attha Sak, BE 2569"
    )
    assert lunar.lunar_text(day, found, "en", weekday=False).startswith("15th waxing day of Pisakh")


def test_gregorian_dates_in_khmer() -> None:
    assert dates.format_span(date(2026, 4, 14), date(2026, 4, 16), "km") == (
        "ទី១៤ ខែមេសា ឆ្នាំ២០២៦ ដល់ ទី១៦ ខែមេសា ឆ្នាំ២០២៦"
    )
    assert dates.format_span(date(2026, 4, 30), date(2026, 5, 2), "en") == "30 April - 2 May 2026"
    assert dates.format_span(date(2026, 4, 14), date(2026, 4, 16), "en") == "14-16 April 2026"


# --- no wording outside the text layer ------------------------------------------------------------------

SRC = Path(__file__).resolve().parents[1] / "src" / "khcal"
# Khmer literals outside text/ that are data, not wording: the signs of the Khmer script the wrapper and
# the line breaker look for; the language's own name on serve's page. (The core has none: its names are the
# text layer's.)
KHMER_DATA = {"views/clusters.py", "views/breaks.py", "feeds/server.py"}
# Places that look at the language without wording anything, each with its reason.
LANGUAGE_CHOICES = {
    "core/model.py": "Text.get picks the catalogue's own text in a language",
}


def _khmer(value: object) -> bool:
    return isinstance(value, str) and any("\u1780" <= ch <= "\u17ff" for ch in value)


def _chooses_text(node: ast.AST) -> bool:
    """`"..." if km else "..."`: a choice between two texts on a `km` flag."""
    return (
        isinstance(node, ast.IfExp)
        and isinstance(node.test, ast.Name)
        and node.test.id == "km"
        and any(isinstance(o, ast.Constant) and isinstance(o.value, str) for o in (node.body, node.orelse))
    )


def _language_branches(tree: ast.AST) -> list[int]:
    """Lines that compare a value with the language code "km", or choose between texts on a `km` flag."""
    found = []
    for node in ast.walk(tree):
        compares = isinstance(node, ast.Compare) and any(
            isinstance(o, ast.Constant) and o.value == "km" for o in [node.left, *node.comparators]
        )
        if compares or _chooses_text(node):
            found.append(getattr(node, "lineno", 0))
    return found


def test_no_wording_chosen_by_language_outside_the_text_machinery() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if name != "text/__init__.py" and name not in LANGUAGE_CHOICES:  # say() picks the table there
            found += [f"{name}:{line}" for line in _language_branches(tree)]
        if not name.startswith("text/") and name not in KHMER_DATA and name not in LANGUAGE_CHOICES:
            found += [
                f"{name}:{node.lineno} (Khmer text)"
                for node in ast.walk(tree)
                if isinstance(node, ast.Constant) and _khmer(node.value)
            ]
    assert found == []


def test_the_scan_finds_wording_chosen_by_language() -> None:
    tree = ast.parse(
        'x = "ថ្ងៃ" if km else "day"\nif lang == "km":\n    pass\ny = km.strip() if km else None\n'
    )
    assert _language_branches(tree) == [1, 2]


def test_occurrence_name_of_a_day_in_lieu() -> None:
    from khcal.api import Calendar
    from khcal.core.definitions import load
    from khcal.core.schedule import Schedule

    found = [o for o in Schedule(load([])).year(2018) if o.in_lieu_of is not None]
    assert found
    for occ in found:
        assert not hasattr(occ, "name")  # the core's occurrence holds no words
        name = occ.in_lieu_of.name if occ.in_lieu_of is not None else None
        assert name is not None
        assert dates.occurrence_name(occ, "en") == f"Day in lieu of {name.get('en')}"
        assert dates.occurrence_name(occ, "km") == f"ថ្ងៃឈប់សម្រាកសងជំនួស{name.get('km')}"
    # The API's occurrences word themselves through the same function.
    listed = Calendar(use_environment=False).occurrences("2018-01-01", "2018-12-31")
    lieu = [o for o in listed if o.in_lieu_of is not None]
    assert lieu and all(o.name("km") == dates.occurrence_name(o, "km") for o in lieu)
    assert [o.name() for o in lieu] == [dates.occurrence_name(o, "en") for o in found]
