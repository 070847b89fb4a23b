"""The Python API as docs/api.md shows it: every ```python example runs, and the one-liners answer."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[1] / "docs" / "api.md"
EXAMPLES = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_the_page_has_examples() -> None:
    assert len(EXAMPLES) >= 6
    assert any("busdaycalendar" in e for e in EXAMPLES) and any("CustomBusinessDay" in e for e in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.split("\n")[-2][:40])
def test_example_runs(example: str) -> None:
    exec(compile(example, str(DOC), "exec"), {})


def python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_one_liners_answer() -> None:
    fixed = "khcal.Calendar(today='2026-04-14')"
    assert python(f"import khcal; print({fixed}.is_workday('today'))") == "False\n"
    days = python("import khcal; print(*khcal.Calendar().days_off(2026).items(), sep='\\n')")
    assert "(datetime.date(2026, 4, 14), 'Khmer New Year')" in days.splitlines()
    assert len(days.splitlines()) == 21
    lunar = python("import khcal; print(khcal.Calendar(lang='km').lunar('2024-05-22')['text'])")
    assert "ពិសាខ" in lunar


def test_import_khcal_is_light() -> None:
    loaded = python("import sys, khcal; print(' '.join(sorted(sys.modules)))").split()
    assert "khcal.api" not in loaded and "khcal.core.definitions" not in loaded
    assert not {"typer", "rich", "icalendar", "dateutil"} & {m.split(".")[0] for m in loaded}


README = Path(__file__).resolve().parents[1] / "README.md"


def _section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def test_the_readme_python_example_runs() -> None:
    blocks = re.findall(r"```python\n(.*?)```", _section("Use it from Python"), flags=re.S)
    assert blocks and "days_off" in blocks[0] and "lunar" in blocks[0]
    exec(compile(blocks[0], str(README), "exec"), {})


ARCHITECTURE = README.parent / "docs" / "architecture.md"


def test_the_architecture_page_lists_every_module() -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    layers = text[text.index("\n## Layers\n") :]
    prose, listing = layers.split("```", 2)[:2]
    package = README.parent / "src" / "khcal"
    for path in package.rglob("*.py"):
        if path.name not in {"__init__.py", "__main__.py"}:
            assert path.name in listing, path.relative_to(package)
    for layer in ("core", "text", "api", "settings", "views", "feeds", "cli"):
        assert layer in prose
