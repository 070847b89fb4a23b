"""The code stays as the house style wants it: mypy --strict and ruff clean (settings in pyproject.toml)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_mypy_strict() -> None:
    done = run_tool("mypy", "--no-incremental", "src/khcal")
    assert done.returncode == 0, done.stdout + done.stderr


API_USE = """
from datetime import datetime

import khcal
from khcal import ArgumentTypeError, DateRangeError, KhcalError, SettingError

cal = khcal.Calendar(files="company.toml", categories="religious", extra_off=datetime(2026, 12, 24))
ok: bool = cal.is_holiday(datetime(2026, 4, 14))
errors: tuple[type[KhcalError], ...] = (ArgumentTypeError, DateRangeError, SettingError, khcal.ConfigError)
"""


def test_mypy_strict_sees_the_package_names(tmp_path: Path) -> None:
    # A module __getattr__ would make any name type-check, khcal.Calender too: type checkers see the names.
    (tmp_path / "good.py").write_text(API_USE, encoding="utf-8")
    (tmp_path / "typo.py").write_text(API_USE + "khcal.Calender()\n", encoding="utf-8")
    done = run_tool(
        "mypy", "--strict", "--no-incremental", str(tmp_path / "good.py"), str(tmp_path / "typo.py")
    )
    assert done.returncode == 1, done.stdout + done.stderr
    found = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert len(found) == 1 and "typo.py:" in found[0] and '"Calender"' in found[0], done.stdout


def test_ruff_lint_and_format() -> None:
    lint = run_tool("ruff", "check", "--no-cache", "src", "tests", "bench")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    form = run_tool("ruff", "format", "--check", "--no-cache", "src", "tests", "bench")
    assert form.returncode == 0, form.stdout + form.stderr


def imports_of(path: Path) -> set[str]:
    """The modules a source file imports, wherever in the file (lazy imports count too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


PACKAGE = ROOT / "src" / "khcal"


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        ("core", ("typer", "rich", "click", "icalendar", "khcal.text", "khcal.views", "khcal.cli",
                  "khcal.feeds", "khcal.api", "khcal.settings", "os", "zoneinfo")),
        ("text", ("typer", "rich", "click", "khcal.views", "khcal.cli", "khcal.feeds", "khcal.api")),
        ("views", ("typer", "click", "khcal.cli")),
        ("feeds", ("typer", "rich", "click", "khcal.cli", "khcal.views")),
    ],
)  # fmt: skip
def test_layers_import_only_what_they_may(layer: str, forbidden: tuple[str, ...]) -> None:
    # Data flows one way: core -> text -> views/feeds -> cli. Typer lives in cli/, rich in views/.
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for module in imports_of(path):
            for name in forbidden:
                assert module != name and not module.startswith(name + "."), (path.name, module)


def _tracked_text_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\0")
    found = []
    for name in filter(None, listed):
        path = ROOT / name
        if path.is_file() and path.suffix in {
            ".py",
            ".md",
            ".toml",
            ".txt",
            ".cfg",
            ".yml",
            ".yaml",
            ".sh",
            "",
        }:
            found.append(path)
    return found


# Names the repository must never point at: notes kept outside it, or folders on one machine.
# (Written with a bracket in each word so that this file does not name them either.)
_OUTSIDE = re.compile(r"F[A]CTS\.md|ST[Y]LE\.md|\bsh[a]red/|(?<![\w.])/w[o]rk/|/h[o]me/(?!me/)\w+/")


def test_nothing_names_a_file_outside_the_repository() -> None:
    files = _tracked_text_files()
    assert any(p.name == "README.md" for p in files) and any(p.parent.name == "tests" for p in files)
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if _OUTSIDE.search(line)
    ]
    assert found == []


def test_the_outside_pattern_catches_what_it_should() -> None:
    bad = ("see F|ACTS.md", "ST|YLE.md says", "../sh|ared/CLI.md", "/w|ork/notes/x", "/h|ome/alice/notes")
    for line in (text.replace("|", "") for text in bad):
        assert _OUTSIDE.search(line), line
    for line in ("/home/me/.config/khcal/config.toml", "docs/cli.md", "src/khcal/core/khmer_calendar.md"):
        assert not _OUTSIDE.search(line), line


def test_no_module_is_over_about_400_lines() -> None:
    long = {
        p.name: n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 410
    }
    assert long == {}


def _declared_dependencies() -> list[str]:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [re.split(r"[<>=~!\[ ;]", spec, maxsplit=1)[0] for spec in project["dependencies"]]


# The module a distribution is imported as, where the two names differ.
_IMPORTED_AS = {"python-dateutil": "dateutil"}


def test_every_declared_dependency_is_used() -> None:
    imported = {m.split(".")[0] for path in PACKAGE.rglob("*.py") for m in imports_of(path)}
    declared = _declared_dependencies()
    assert "typer" in declared and "python-dateutil" in declared
    for name in declared:
        if name == "tzdata":  # the time zone database zoneinfo falls back on where the system has none
            assert "zoneinfo" in imported
            continue
        assert _IMPORTED_AS.get(name, name) in imported, name


def test_the_rule_kinds_are_worded_by_an_exhaustive_match() -> None:
    import typing

    from khcal.core.rules import Rule

    tree = ast.parse((PACKAGE / "text" / "rules.py").read_text(encoding="utf-8"))
    [words] = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "_rule_words"]
    [match] = [n for n in ast.walk(words) if isinstance(n, ast.Match)]
    named = [c.pattern.cls.id for c in match.cases if isinstance(c.pattern, ast.MatchClass)]  # type: ignore[attr-defined]
    assert sorted(named) == sorted(kind.__name__ for kind in typing.get_args(Rule))
    last = match.cases[-1]
    assert isinstance(last.pattern, ast.MatchAs) and last.pattern.pattern is None  # case _:
    assert "assert_never" in ast.unparse(last.body[0])
