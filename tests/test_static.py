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


OUTSIDE = re.compile(r"FACTS\.md|STYLE\.md|\.\./shared|/work/")
"""What would point out of the repository: notes kept beside it, or the folder it was built in."""


def test_the_repository_names_nothing_outside_itself() -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "src", "tests", "docs", "bench", ".ci", "README.md", "pyproject.toml"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    checked = [ROOT / name for name in tracked if not name.endswith((".ics", ".json", ".svg"))]
    assert len(checked) > 50
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in checked
        if path.is_file() and path != Path(__file__)
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if OUTSIDE.search(line)
    ]
    assert found == []
