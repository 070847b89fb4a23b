"""khcal's screens in a real terminal: tmux at 80 columns, UTF-8, in Khmer and in English.

Each screen is drawn in a tmux window and read back with `capture-pane`. No line may wrap: the rows on the
screen are exactly the lines the program wrote (a wrapped line would take two rows). Every border of a
table sits in one column on every row of the table, as the terminal itself places it: the columns are
asked of the terminal (tests/support/columns.py writes each row's text up to a border and reads the
cursor position back), not computed by khcal's own measure.

tmux is installed by .ci/run. Under CI (CI set) a missing tmux is a failure; elsewhere these tests are
skipped with the reason.
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
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # end to end: real outside programs

SUPPORT = Path(__file__).with_name("support")
BORDERS = frozenset("│┃╇╈┼╋")
WIDTH = 80
TODAY = "2026-12-02"
DONE = "@@khcal-screen-done@@"

SCREENS = {
    "next": ["next", "--today", TODAY],
    "next-ten": ["next", "10", "--today", "2026-11-22"],
    "list": ["list", "--year", "2026", "--today", TODAY],
    "show-remembrance": ["show", "national-day-of-remembrance", "--today", TODAY],
    "show-new-year": ["show", "khmer-new-year", "--today", TODAY],
    "show-victory": ["show", "victory-over-genocide", "--today", TODAY],
    "today": ["today", "--today", "2026-04-14"],
    "cal-month": ["cal", "--today", TODAY],
    "cal-lunar": ["cal", "2026", "4", "--lunar", "--today", TODAY],
    "cal-year": ["cal", "2026", "--today", TODAY],
    "long-weekends": ["long-weekends", "--today", TODAY],
    "lunar": ["lunar", "--from", "2026-04-10", "--to", "2026-04-20", "--today", TODAY],
}


def need_tmux() -> str:
    found = shutil.which("tmux")
    if found is None:
        message = "tmux is not installed (bash .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


class Terminal:
    """A private tmux server (its own socket) with a window per command, 80 columns wide."""

    def __init__(self, tmux: str, folder: Path) -> None:
        self.tmux = tmux
        self.socket = f"khcal-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.folder = folder
        self.count = 0
        self.call("new-session", "-d", "-x", str(WIDTH), "-y", "200", "-s", "khcal", "sleep 600")

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
            rows = [r.rstrip() for r in self.call("capture-pane", "-p", "-t", target, "-S", "0").split("\n")]
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


@pytest.fixture(scope="module")
def terminal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Terminal]:
    screen = Terminal(need_tmux(), tmp_path_factory.mktemp("terminal"))
    try:
        yield screen
    finally:
        screen.close()


def program_lines(argv: list[str]) -> list[str]:
    """What the program writes into a pipe at 80 columns, line by line (trailing blanks cut)."""
    environment = {**os.environ, "COLUMNS": str(WIDTH), "NO_COLOR": "1", "LANG": "C.UTF-8"}
    done = subprocess.run(argv, capture_output=True, text=True, env=environment, timeout=60, check=True)
    lines = [line.rstrip() for line in done.stdout.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


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


@pytest.mark.parametrize("lang", ["km", "en"])
@pytest.mark.parametrize("name", sorted(SCREENS))
def test_screen_holds_in_a_terminal(terminal: Terminal, name: str, lang: str) -> None:
    argv = [sys.executable, "-m", "khcal", *SCREENS[name], "--lang", lang]
    written = program_lines(argv)
    assert written, "the command printed nothing"
    shown = terminal.run(argv)
    assert shown == written, "a line wrapped (or the screen differs from what was written)"
    for table in tables(shown):
        columns = border_columns(terminal, table)
        assert len({tuple(c) for c in columns}) == 1, (table, columns)
    widths = terminal.columns(shown)
    assert max(widths) <= WIDTH


def test_the_check_sees_a_border_out_of_line(terminal: Terminal) -> None:
    """The probe reports what the terminal does: a Khmer spacing vowel takes a column there."""
    assert terminal.columns(["ab│", "កា│", "ក│"]) == [3, 3, 2]
    assert tables(["x", "a │ b", "c │ d", "", "e ┃ f"]) == [["a │ b", "c │ d"], ["e ┃ f"]]
