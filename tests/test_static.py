"""The code stays as the house style wants it: mypy --strict and ruff clean (settings in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


def test_domain_modules_import_neither_typer_nor_rich() -> None:
    # STYLE.md: only the command line imports Typer, only render.py imports rich.
    allowed = {"typer": {"cli.py"}, "rich": {"render.py"}}
    for path in sorted((ROOT / "src" / "khcal").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        for module, files in allowed.items():
            if path.name in files:
                continue
            assert f"import {module}" not in text and f"from {module}" not in text, (path.name, module)
