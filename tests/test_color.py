"""Colour follows the terminal: on in a pseudo-terminal, off in a pipe, off with NO_COLOR or --no-color, on
with FORCE_COLOR. The installed `khcal` command runs under Python's `pty` module."""

from __future__ import annotations

import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from khcal.settings import color_choice

SGR = re.compile(r"\x1b\[([0-9;]*)m")
FOREGROUND = {str(n) for n in (*range(30, 38), *range(90, 98), 38)}


def has_colour(screen: str) -> bool:
    """True when an SGR escape sequence sets a foreground colour (bold or reverse do not count)."""
    return any(FOREGROUND & set(m.group(1).split(";")) for m in SGR.finditer(screen))


def test_has_colour() -> None:
    assert has_colour("\x1b[1;31mday off\x1b[0m") and has_colour("\x1b[38;5;2mx")
    assert not has_colour("\x1b[1mbold\x1b[0m \x1b[7mtoday\x1b[0m plain")


ARGS = ["cal", "2026", "1", "--today", "2026-01-02"]


def khcal() -> str:
    found = shutil.which("khcal", path=str(Path(sys.executable).parent)) or shutil.which("khcal")
    if found is None:
        pytest.fail("the khcal command is not installed next to this Python")
    return found


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "KHCAL_LANG", "KHCAL_TZ")
    }
    env.update({"TERM": "xterm-256color", "COLUMNS": "80", "XDG_CONFIG_HOME": str(tmp_path)}, **extra)
    return env


def run_in_pty(args: list[str], env: dict[str, str]) -> str:
    """Run khcal with a pseudo-terminal as stdout and return everything it wrote."""
    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen([khcal(), *args], stdout=terminal, stderr=terminal, env=env)
        os.close(terminal)
        chunks = []
        while True:
            try:
                data = os.read(controller, 65536)
            except OSError:  # the terminal side closed: Linux reports EIO
                break
            if not data:
                break
            chunks.append(data)
        assert process.wait(timeout=30) == 0
    finally:
        os.close(controller)
    return b"".join(chunks).decode("utf-8")


def run_in_pipe(args: list[str], env: dict[str, str]) -> str:
    result = subprocess.run([khcal(), *args], env=env, capture_output=True, text=True, timeout=30, check=True)
    return result.stdout


def test_colour_on_a_terminal(tmp_path: Path) -> None:
    screen = run_in_pty(ARGS, clean_env(tmp_path))
    assert has_colour(screen), screen
    assert "January 2026" in screen


def test_no_colour_in_a_pipe(tmp_path: Path) -> None:
    screen = run_in_pipe(ARGS, clean_env(tmp_path))
    assert "\x1b" not in screen
    assert "January 2026" in screen


@pytest.mark.parametrize("how", ["NO_COLOR", "--no-color"])
def test_no_colour_when_asked(tmp_path: Path, how: str) -> None:
    env = clean_env(tmp_path, NO_COLOR="1") if how == "NO_COLOR" else clean_env(tmp_path)
    args = [*ARGS, "--no-color"] if how == "--no-color" else ARGS
    screen = run_in_pty(args, env)
    assert not has_colour(screen), screen
    assert "January 2026" in screen


def test_force_colour_in_a_pipe(tmp_path: Path) -> None:
    screen = run_in_pipe(ARGS, clean_env(tmp_path, FORCE_COLOR="1"))
    assert has_colour(screen)
    # --no-color still wins.
    assert not has_colour(run_in_pipe([*ARGS, "--no-color"], clean_env(tmp_path, FORCE_COLOR="1")))


@pytest.mark.parametrize("command", [["next", "--today", "2026-01-02"], ["today", "--today", "2026-01-07"]])
def test_other_screens_follow_the_terminal(tmp_path: Path, command: list[str]) -> None:
    assert has_colour(run_in_pty(command, clean_env(tmp_path)))
    assert "\x1b" not in run_in_pipe(command, clean_env(tmp_path))


@pytest.mark.parametrize(
    ("no_color", "environ", "expected"),
    [
        (False, {}, None),
        (True, {}, False),
        (False, {"NO_COLOR": "1"}, False),
        (False, {"NO_COLOR": ""}, None),  # no-color.org: only a non-empty value counts
        (False, {"FORCE_COLOR": "1"}, True),
        (False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (True, {"FORCE_COLOR": "1"}, False),
    ],
)
def test_policy(no_color: bool, environ: dict[str, str], expected: bool | None) -> None:
    assert color_choice(False if no_color else None, environ) is expected
