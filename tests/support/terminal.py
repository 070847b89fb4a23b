"""A real terminal for the screen tests: tmux on a private socket, UTF-8, a given number of columns.

`Terminal.run` draws a command in a tmux window and reads the screen back with `capture-pane`;
`Terminal.columns` asks the terminal itself where its cursor stands after each text (support/columns.py
writes the text and reads the cursor position back), so that a border's column is the terminal's, not
khcal's own measure. tmux is installed by .ci/run; under CI (CI set) a missing tmux is a failure, elsewhere
the tests that need it are skipped with the reason.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

SUPPORT = Path(__file__).parent
BORDERS = frozenset("│┃╇╈┼╋")
DONE = "@@khcal-screen-done@@"


def need_tmux() -> str:
    found = shutil.which("tmux")
    if found is None:
        message = "tmux is not installed (bash .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


class Terminal:
    """A private tmux server (its own socket) with a window per command, `width` columns wide."""

    def __init__(self, tmux: str, folder: Path, width: int = 80) -> None:
        self.tmux = tmux
        self.socket = f"khcal-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.folder = folder
        self.width = width
        self.count = 0
        self.call("new-session", "-d", "-x", str(width), "-y", "200", "-s", "khcal", "sleep 600")

    def call(self, *args: str) -> str:
        done = subprocess.run(
            [self.tmux, "-f", "/dev/null", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return done.stdout

    def run(self, argv: list[str]) -> list[str]:
        """Run `argv` in a new window; when it has finished, the rows of the screen (trailing blanks cut)."""
        self.count += 1
        window = f"w{self.count}"
        channel = f"{self.socket}-{window}"
        environment = "env -u COLUMNS -u LINES LANG=C.UTF-8 LC_ALL=C.UTF-8 NO_COLOR=1 TERM=screen"
        # The window stays open (sleep) until it is read; the marker says all output has reached the screen.
        command = (
            f"{environment} {shlex.join(argv)}; printf '\\n%s' {DONE}; "
            f"{self.tmux} -L {self.socket} wait-for -S {channel}; sleep 600"
        )
        self.call("new-window", "-d", "-n", window, "-t", "khcal", command)
        self.call("wait-for", channel)
        target = f"khcal:{window}"
        for _ in range(100):
            rows = [r.rstrip() for r in self.call("capture-pane", "-p", "-t", target, "-S", "-").split("\n")]
            if DONE in rows:
                break
            time.sleep(0.1)
        self.call("kill-window", "-t", target)
        assert DONE in rows, "the command's output never reached the screen"
        rows = rows[: rows.index(DONE)]
        while rows and not rows[-1]:
            rows.pop()
        return rows

    def columns(self, texts: list[str]) -> list[int]:
        """The column where the terminal leaves the cursor after each text."""
        given = self.folder / f"texts-{self.count}.json"
        found = self.folder / f"columns-{self.count}.json"
        given.write_text(json.dumps(texts), encoding="utf-8")
        self.run([sys.executable, str(SUPPORT / "columns.py"), str(given), str(found)])
        return list(json.loads(found.read_text(encoding="utf-8")))

    def close(self) -> None:
        subprocess.run(
            [self.tmux, "-f", "/dev/null", "-L", self.socket, "kill-server"], capture_output=True, timeout=30
        )


def tables(rows: list[str]) -> list[list[str]]:
    """The runs of consecutive rows that draw table borders."""
    found: list[list[str]] = []
    current: list[str] = []
    for row in [*rows, ""]:
        if BORDERS & set(row):
            current.append(row)
        elif current:
            found.append(current)
            current = []
    return found


def border_columns(terminal: Terminal, table: list[str]) -> list[list[int]]:
    """For each row of a table, the screen columns of its borders, as the terminal places them."""
    prefixes = [[row[:i] for i, char in enumerate(row) if char in BORDERS] for row in table]
    flat = terminal.columns([p for row in prefixes for p in row])
    out: list[list[int]] = []
    for row in prefixes:
        out.append(flat[: len(row)])
        flat = flat[len(row) :]
    return out
