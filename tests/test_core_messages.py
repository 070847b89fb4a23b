"""The core words nothing itself: its errors and definitions problems carry keys of the message tables."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

import khcal.errors
from khcal.core import definitions, khmer_calendar, workdays
from khcal.errors import BadValueError, DefinitionsError, KhcalError
from khcal.text import en, km

PACKAGE = Path(khcal.errors.__file__).parent
CORE_FILES = [PACKAGE / "errors.py", *sorted((PACKAGE / "core").glob("*.py"))]
KEY = re.compile(r"^(error|problem)\.[a-z0-9.-]+$")


def keyed_errors() -> set[str]:
    """Names of the error classes whose first argument is a message key."""
    names = {"KhcalError"}
    for cls in [KhcalError, *_subclasses(KhcalError)]:
        params = list(inspect.signature(cls.__init__).parameters)
        if params[1:2] == ["key"]:
            names.add(cls.__name__)
    return names


def _subclasses(cls: type) -> list[type]:
    return [c for sub in cls.__subclasses__() for c in (sub, *_subclasses(sub))]


def calls_with_a_key(tree: ast.AST) -> list[tuple[int, ast.expr]]:
    """Each (line, key argument) of an error raised with a key, a Problem, or a reader's problem/fail."""
    errors = keyed_errors()
    found: list[tuple[int, ast.expr]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        position = 0 if name in errors else 1 if name in ("Problem", "problem", "fail") else None
        if position is not None and len(node.args) > position:
            found.append((node.lineno, node.args[position]))
    return found


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: p.name)
def test_core_raises_and_reports_only_keys_of_the_tables(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for line, argument in calls_with_a_key(tree):
        if isinstance(argument, ast.Constant):
            assert argument.value in en.MESSAGES, (
                f"{path.name}:{line}: {argument.value!r} is not a message key"
            )
        else:  # passed on from a parameter or a rule kind's class attribute
            assert ast.unparse(argument) in ("key", "message", "rule.days_problem"), f"{path.name}:{line}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.match(node.value):
            assert node.value in en.MESSAGES and node.value in km.MESSAGES, (path.name, node.value)


def test_the_scan_finds_the_core_calls() -> None:
    tree = ast.parse((PACKAGE / "core" / "validate.py").read_text(encoding="utf-8"))
    keys = {a.value for _, a in calls_with_a_key(tree) if isinstance(a, ast.Constant)}
    assert {"problem.duplicate-id", "problem.overlap", "problem.rule-not-table"} <= keys
    assert {"BadValueError", "OutOfRangeError", "DateRangeError"} <= keyed_errors()


BAD_FILE = """
[[observances]]
id = "bad"
name = "Bad"
category = "national"
rule = { kind = "fixed", month = 2, day = 30 }
description = "Bad."
days = "3"
"""


def test_problems_in_english_and_khmer() -> None:
    with pytest.raises(DefinitionsError) as caught:
        definitions.parse_text(BAD_FILE, "user.toml")
    error = caught.value
    assert str(error).splitlines() == [
        "user.toml:6: observance 'bad': field 'rule.day': month 2 has no day 30",
        "user.toml:8: observance 'bad': field 'days': must be a whole number, not the string '3'",
    ]
    assert error.message("en") == str(error)
    assert error.message("km").splitlines() == [
        "user.toml:6: ទិវា 'bad': វាល 'rule.day': ខែ២ គ្មានថ្ងៃទី៣០ ទេ",
        "user.toml:8: ទិវា 'bad': វាល 'days': ត្រូវតែជាចំនួនគត់ មិនមែនខ្សែអក្សរ '3'ទេ",
    ]
    assert [p.key for p in error.problems] == ["problem.no-such-day", "problem.wrong-type"]
    assert error.problems[0].params == {"month": 2, "day": 30}


def test_core_errors_in_english_and_khmer() -> None:
    with pytest.raises(khmer_calendar.OutOfRangeError) as caught:
        khmer_calendar.to_lunar(khmer_calendar.MAX_DATE.replace(year=2300))
    assert str(caught.value) == "2300-12-31 is outside the supported range 1800-01-01..2200-12-31"
    assert "នៅក្រៅចន្លោះ" in caught.value.message("km")
    with pytest.raises(BadValueError) as weekday:
        workdays.parse_weekend("sat,satday")
    assert str(weekday.value).startswith("'satday' is not a day of the week (did you mean 'sat'?)")
    assert "មិនមែនជាថ្ងៃនៃសប្ដាហ៍" in weekday.value.message("km")
    with pytest.raises(KhcalError) as option:
        workdays.weekend_option("funday")
    assert str(option.value).startswith("--weekend: 'funday' is not a day of the week")
    assert option.value.message("km").startswith("--weekend: 'funday' មិនមែន")
    with pytest.raises(KhcalError, match=r"^--sector: 'state' is not one of private, public$"):
        workdays.parse_sector("state")
