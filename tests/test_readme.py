"""The README's console examples are what khcal prints: each `$ khcal ...` line of a ```console block runs
through the installed command, and the lines under it must be its output (stdout and stderr, as a terminal
shows them). An example whose output the README shortens (`...`) must still run without a usage error."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
COMMENT = re.compile(r"\s{2,}#.*$")
SHORTENED = ("...", "[...]", "…")
PINNED = re.compile(r"--today |\b\d{4}-\d\d-\d\d\b|\d{4}")
"""Examples run only when they pin their dates: a test never reads the clock."""


@dataclass(frozen=True)
class Example:
    line: int
    command: str
    output: tuple[str, ...]

    @property
    def shortened(self) -> bool:
        return any(mark in text for text in self.output for mark in SHORTENED)


def examples() -> list[Example]:
    found: list[Example] = []
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    inside = False
    current: tuple[int, str] | None = None
    output: list[str] = []

    def close() -> None:
        if current is not None:
            found.append(Example(current[0], current[1], tuple(output)))

    for number, text in enumerate(lines, start=1):
        if text.startswith("```"):
            if inside:
                close()
                current, output = None, []
            inside = text == "```console"
            continue
        if not inside:
            continue
        if text.startswith("$ "):
            close()
            current, output = (number, COMMENT.sub("", text[2:]).strip()), []
        elif current is not None:
            output.append(text)
    return [
        example
        for example in found
        if re.match(r"(printf .*\| )?khcal ", example.command) and PINNED.search(example.command)
    ]


def run_shell(command: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "NO_COLOR": "1",
        "COLUMNS": "80",
        "LANG": "C.UTF-8",
    }
    return subprocess.run(
        ["bash", "-c", f"{{ {command}; }} 2>&1"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )


EXAMPLES = examples()


def test_the_readme_has_examples_to_check() -> None:
    assert sum(bool(example.output) and not example.shortened for example in EXAMPLES) >= 10


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"README:{e.line}" for e in EXAMPLES])
def test_readme_example(example: Example, tmp_path: Path) -> None:
    done = run_shell(example.command, tmp_path)
    printed = [line.rstrip() for line in done.stdout.rstrip("\n").splitlines()]
    if example.output and not example.shortened:
        assert printed == [line.rstrip() for line in example.output], f"README:{example.line}"
    else:
        assert "Traceback" not in done.stdout and "Usage:" not in done.stdout, done.stdout
