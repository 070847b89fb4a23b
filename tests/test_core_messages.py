"""The core words nothing itself: its errors and definitions problems carry keys of the message tables."""

from __future__ import annotations

import ast
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import khcal.errors
from khcal import config_file
from khcal.core import definitions, khmer_calendar, workdays
from khcal.errors import BadValueError, DefinitionsError, KhcalError
from khcal.text import en, km

PACKAGE = Path(khcal.errors.__file__).parent
CORE_FILES = [PACKAGE / "errors.py", *sorted((PACKAGE / "core").glob("*.py"))]
# Every module that raises or reports: the core, the top-level modules, the command line, the server.
SOURCE_FILES = sorted(p for p in PACKAGE.rglob("*.py") if p.parent.name != "text")
KEY = re.compile(r"^(error|problem)\.[a-z0-9.-]+$")
# Key arguments that are not written out: passed on from a parameter, an error or a rule kind's attribute.
PASSED_ON = {"key", "message", "rule.days_problem", "exc.key", "problem.key", "error.key"}
# Errors still raised with words, each with the branch that rewords it.
WORDED_ELSEWHERE: dict[str, str] = {}


def keyed_errors() -> set[str]:
    """Names of the error classes whose first argument is a message key (those of every layer)."""

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


@pytest.mark.parametrize("path", SOURCE_FILES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_every_key_raised_anywhere_is_in_every_table(path: Path) -> None:
    name = path.relative_to(PACKAGE).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for line, argument in calls_with_a_key(tree):
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            for table in (en.MESSAGES, km.MESSAGES):
                assert argument.value in table, f"{name}:{line}: {argument.value!r} is not a message key"
        elif name not in WORDED_ELSEWHERE:
            assert ast.unparse(argument) in PASSED_ON, f"{name}:{line}: {ast.unparse(argument)}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.match(node.value):
            assert node.value in en.MESSAGES and node.value in km.MESSAGES, (name, node.value)


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
        "user.toml:6៖ ទិវា 'bad'៖ វាល 'rule.day'៖ ខែ២ គ្មានថ្ងៃទី៣០ ទេ",
        "user.toml:8៖ ទិវា 'bad'៖ វាល 'days'៖ ត្រូវតែជាចំនួនគត់ មិនមែនខ្សែអក្សរ '3' ទេ",
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
    assert "មិនមែនជាថ្ងៃនៃសប្តាហ៍" in weekday.value.message("km")
    with pytest.raises(BadValueError, match=r"^'state' is not one of private, public$") as sector:
        workdays.parse_sector("state")
    assert sector.value.message("km") == "'state' មិនមែនជាតម្លៃមួយក្នុងចំណោម private, public ទេ"


# --- worded once, at the edge, in the language of the run -------------------------------------------------


def _khcal(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    """The real command in a fresh interpreter, with `home` as its home and settings folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KHCAL_", "XDG_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"))
    command = [sys.executable, "-m", "khcal", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, check=False)


def test_a_bad_config_speaks_the_language_of_the_run(tmp_path: Path) -> None:
    path = tmp_path / "config" / "khcal" / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text("colour = 1\n", encoding="utf-8")
    done = _khcal(["--lang", "km", "next", "--today", "2026-01-02"], tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith(f"khcal: {path}:1៖ ")
    # Khmer only, but for the names written as in the file: the quoted setting and the settings khcal has.
    words = line.removeprefix(f"khcal: {path}:1៖ ").replace("'colour'", "")
    for name in config_file.KEYS:
        words = words.replace(name, "")
    assert not re.search(r"[A-Za-z]", words), line
    assert "មិនស្គាល់ការកំណត់" in words


def test_config_problems_are_keys_worded_in_each_language() -> None:
    text = 'weekend = 6\ncategories = [1]\nfiles = 3\nlangs = "km"\n'
    with pytest.raises(config_file.ConfigError) as caught:
        config_file.parse_text(text, "config.toml")
    problems = caught.value.problems
    assert [p.key for p in problems] == [
        "problem.wrong-type", "error.config.item-type", "problem.wrong-type", "error.config.unknown",
    ]  # fmt: skip
    assert all(KEY.match(p.key) for p in problems)
    english, khmer = caught.value.message("en"), caught.value.message("km")
    assert english.splitlines()[0] == (
        "config.toml:1: field 'weekend': must be a string such as \"sat,sun\" or an array of day names, "
        "not the number 6"
    )
    assert "unknown setting 'langs' (did you mean 'lang'?)" in english
    assert "must be" not in khmer and "unknown" not in khmer and "ត្រូវតែជាបញ្ជីខ្សែអក្សរ" in khmer


# --- the core and the errors import no layer above them ---------------------------------------------------

CORE_MODULES = sorted(f"khcal.core.{p.stem}" for p in (PACKAGE / "core").glob("*.py") if p.stem != "__init__")
TOP_LEVEL = sorted(f"khcal.{p.stem}" for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__"))
ABOVE_THE_CORE = (
    "khcal.text",
    "khcal.views",
    "khcal.cli",
    "khcal.feeds",
    "khcal.api",
    "typer",
    "rich",
    "click",
)
ABOVE_THE_API = ("khcal.views", "khcal.cli", "khcal.feeds", "typer", "rich", "click")


def _loaded_by(module: str) -> list[str]:
    code = f"import sys, {module}; print(*sorted(sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.split()


@pytest.mark.parametrize("module", [*CORE_MODULES, *TOP_LEVEL, "khcal"])
def test_importing_a_module_loads_no_layer_above_it(module: str) -> None:
    lower = module.startswith("khcal.core.") or module in ("khcal", "khcal.errors", "khcal.folders")
    forbidden = ABOVE_THE_CORE if lower else ABOVE_THE_API
    loaded = _loaded_by(module)
    above = [m for m in loaded if any(m == f or m.startswith(f + ".") for f in forbidden)]
    assert above == [], f"importing {module} loads {above}"


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: p.name)
def test_the_core_and_the_errors_never_import_the_text_layer(path: Path) -> None:
    # Not even inside a function: the errors are worded through the API's root (`khcal.word_error`).
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        for name in names:
            assert not name.startswith(ABOVE_THE_CORE), f"{path.name}:{node.lineno}: {name}"
